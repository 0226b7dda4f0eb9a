"""The alerts service worker: events and place mentions in, webhook notifications out.

Run it with ``frontwatch run alerts`` (the HTTP API for watchlists is
``frontwatch run alerts-api``). Each record is matched against the watchlists
in Redis; each match becomes a notification whose id is fixed by watchlist and
story (or article, for mentions) and is handed to the ``Notifier``. Delivered
notifications are recorded on ``alerts``; undeliverable ones on ``alerts.dlq``,
from where ``frontwatch alerts redeliver`` sends them again. A record that
cannot be decoded goes to its topic's ``.dlq`` with the reason.
"""

from __future__ import annotations

import asyncio
from functools import partial

import faust
import httpx
import structlog
from redis.asyncio import Redis

from services.alerts.matching import event_matches, event_notification, first_watched_mention, mention_notification
from services.alerts.notifier import Notifier, digest_notification
from services.alerts.settings import AlertsSettings
from services.alerts.store import CachedWatchlists, DeliveryLedger, DigestBuffer, WatchlistStore
from shared.codec import encode
from shared.faust_app import decoded_records, make_faust_app, process_record, send_and_wait
from shared.kafka import dead_letter
from shared.schemas import ArticlePlaces, Event, Notification, PendingDelivery, utcnow
from shared.topics import ALERTS, ALERTS_RETRY, EVENTS, MENTIONS, TopicNames

log = structlog.get_logger("frontwatch.alerts")
RETRY_POLL_S = 1.0
# Records are matched and delivered by this many tasks at once, so one slow webhook holds up no one else;
# faust commits an offset only once every record before it is done, so a crash still loses nothing.
DELIVERY_CONCURRENCY = 8
settings = AlertsSettings()
topics = TopicNames.from_settings(settings)
app = make_faust_app("alerts", settings)

events_topic = app.topic(topics.events, value_serializer="raw", key_serializer="raw")
mentions_topic = app.topic(topics.mentions, value_serializer="raw", key_serializer="raw")
alerts_topic = app.topic(topics.alerts, value_serializer="raw", key_serializer="raw")
retry_topic = app.topic(topics.name(ALERTS_RETRY), value_serializer="raw", key_serializer="raw")
alerts_dlq = app.topic(topics.dlq(ALERTS), value_serializer="raw", key_serializer="raw")
events_dlq = app.topic(topics.dlq(EVENTS), value_serializer="raw", key_serializer="raw")
mentions_dlq = app.topic(topics.dlq(MENTIONS), value_serializer="raw", key_serializer="raw")

redis = Redis.from_url(settings.redis_url)
store = WatchlistStore(redis, settings.topic_prefix)
watchlists = CachedWatchlists(store, settings.watchlist_cache_s)


async def record_delivered(notification: Notification) -> None:
    await send_and_wait(alerts_topic, notification.watchlist_id.encode(), encode(notification))


async def record_failed(notification: Notification, reason: str) -> None:
    value, headers = dead_letter(topic=topics.alerts, reason=reason, payload=encode(notification),
                                 key=notification.watchlist_id.encode())
    await send_and_wait(alerts_dlq, notification.watchlist_id.encode(), value, headers)


async def defer_delivery(pending: PendingDelivery) -> None:
    await send_and_wait(retry_topic, pending.notification.watchlist_id.encode(), encode(pending))


notifier = Notifier(
    http=httpx.AsyncClient(timeout=settings.webhook_timeout_s, follow_redirects=False),
    ledger=DeliveryLedger(redis, settings.topic_prefix),
    digests=DigestBuffer(redis, settings.topic_prefix, settings.digest_window_s),
    published=record_delivered,
    failed=record_failed,
    attempts=settings.webhook_attempts,
    backoff_s=settings.webhook_backoff_s,
    allow_private=settings.webhook_allow_private,
    defer=defer_delivery,
    claim_ttl_s=settings.webhook_timeout_s * 3,
)


async def notify_event(event: Event) -> None:
    for watchlist in await watchlists.get():
        if event_matches(watchlist, event):
            await notifier.notify(watchlist, event_notification(watchlist, event))


async def notify_mentions(mentions: ArticlePlaces) -> None:
    for watchlist in await watchlists.get():
        mention = first_watched_mention(watchlist, mentions)
        if mention is not None:
            await notifier.notify(watchlist, mention_notification(watchlist, mentions, mention))


async def retry_pending(pending: PendingDelivery) -> None:
    wait = (pending.not_before - utcnow()).total_seconds()
    if wait > RETRY_POLL_S:
        # Not due yet: put it back and move on, so a long Retry-After never holds a task or a rebalance.
        await asyncio.sleep(RETRY_POLL_S)
        await defer_delivery(pending)
        return
    if wait > 0:
        await asyncio.sleep(wait)
    watchlist = await store.get(pending.notification.watchlist_id)
    if watchlist is not None and not await notifier.ledger.delivered(pending.notification.id):
        await notifier.send(watchlist, pending.notification, attempt=pending.attempt)


@app.agent(events_topic, concurrency=DELIVERY_CONCURRENCY)
async def alert_on_events(stream: faust.StreamT[bytes]) -> None:
    async for message, event in decoded_records(stream, Event, events_dlq):
        await process_record(message, events_dlq, partial(notify_event, event))


@app.agent(mentions_topic, concurrency=DELIVERY_CONCURRENCY)
async def alert_on_mentions(stream: faust.StreamT[bytes]) -> None:
    async for message, mentions in decoded_records(stream, ArticlePlaces, mentions_dlq):
        await process_record(message, mentions_dlq, partial(notify_mentions, mentions))


@app.agent(retry_topic, concurrency=DELIVERY_CONCURRENCY)
async def retry_deliveries(stream: faust.StreamT[bytes]) -> None:
    async for message, pending in decoded_records(stream, PendingDelivery, alerts_dlq):
        await process_record(message, alerts_dlq, partial(retry_pending, pending))


@app.timer(interval=1.0)  # type: ignore[untyped-decorator]  # faust ships the decorator untyped
async def send_due_digests() -> None:
    try:
        for watchlist_id, held in (await notifier.digests.due()).items():
            watchlist = await store.get(watchlist_id)
            if watchlist is not None:
                await notifier.send(watchlist, digest_notification(watchlist, held))
            await notifier.digests.sent(watchlist_id)  # only now: a crash before this leaves the digest to resend
    except Exception:
        # An exception in a faust timer stops the whole worker; a missed tick is retried a second later.
        log.exception("sending due digests failed")
