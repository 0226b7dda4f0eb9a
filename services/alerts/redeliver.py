"""``frontwatch alerts redeliver``: send again what ended on ``alerts.dlq``, once its receiver recovers.

Reads the DLQ from where the last redeliver stopped (a consumer group of its
own) up to its end at start. A notification already delivered is skipped; one
that fails again goes back to the DLQ for a later run.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from aiokafka import AIOKafkaConsumer
from redis.asyncio import Redis

from services.alerts.notifier import Notifier
from services.alerts.settings import AlertsSettings
from services.alerts.store import DeliveryLedger, DigestBuffer, WatchlistStore
from shared.codec import RecordRejected, decode, encode
from shared.kafka import dead_letter, ensure_topics, make_producer, topic_partitions
from shared.schemas import DeadLetter, Notification
from shared.topics import ALERTS, TopicNames


@dataclass
class RedeliverSummary:
    delivered: int = 0
    failed: int = 0
    skipped: int = 0


async def redeliver(settings: AlertsSettings) -> RedeliverSummary:
    topics = TopicNames.from_settings(settings)
    await ensure_topics(settings)
    summary = RedeliverSummary()
    redis = Redis.from_url(settings.redis_url)
    producer = make_producer(settings)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, group_id=settings.app_id("alerts-redeliver"),
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await producer.start()
    await consumer.start()

    async def published(n: Notification) -> None:
        await producer.send_and_wait(topics.alerts, encode(n), key=n.watchlist_id.encode())

    async def failed(n: Notification, reason: str) -> None:
        value, headers = dead_letter(topic=topics.alerts, reason=reason, payload=encode(n), key=n.watchlist_id.encode())
        await producer.send_and_wait(topics.dlq(ALERTS), value, key=n.watchlist_id.encode(), headers=headers)

    http = httpx.AsyncClient(timeout=settings.webhook_timeout_s, follow_redirects=False)
    digests = DigestBuffer(redis, settings.topic_prefix, settings.digest_window_s)
    notifier = Notifier(http=http, ledger=DeliveryLedger(redis, settings.topic_prefix), digests=digests,
                        published=published, failed=failed,
                        attempts=settings.webhook_attempts, backoff_s=settings.webhook_backoff_s,
                        allow_private=settings.webhook_allow_private)
    store = WatchlistStore(redis, settings.topic_prefix)
    try:
        dlq = topics.dlq(ALERTS)
        partitions = await topic_partitions(consumer, dlq)
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if await consumer.position(tp) < ends[tp]}
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, messages in batch.items():
                for message in messages:
                    if message.offset >= ends[tp]:
                        continue  # written by this run; left for the next one
                    await _redeliver_one(message.value, store, notifier, summary)
            # Never past the end read at start: what the live worker adds now is for the next run.
            await consumer.commit({tp: min(await consumer.position(tp), ends[tp]) for tp in partitions})
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
    finally:
        await consumer.stop()
        await producer.stop()
        await http.aclose()
        await redis.aclose()
    return summary


async def _redeliver_one(value: bytes | None, store: WatchlistStore, notifier: Notifier, summary: RedeliverSummary) -> None:
    try:
        notification = decode(Notification, decode(DeadLetter, value).payload.encode())
    except RecordRejected:
        summary.skipped += 1
        return
    watchlist = await store.get(notification.watchlist_id)
    if watchlist is None or await notifier.ledger.delivered(notification.id):
        summary.skipped += 1
        return
    result = await notifier.send(watchlist, notification)
    if result.delivered:
        summary.delivered += 1
    else:
        summary.failed += 1
