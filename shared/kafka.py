"""Kafka adapters shared by the services: topic creation, producers, dead letters."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from shared.codec import encode
from shared.schemas import DeadLetter
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames


async def wait_for_kafka(bootstrap: str, timeout: float = 60.0) -> None:
    """Return once the broker answers a metadata request; raise TimeoutError otherwise."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    quiet = logging.getLogger("aiokafka")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # "Unable connect" is the expected answer while the broker starts
    try:
        while time.monotonic() < deadline:
            admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
            try:
                await admin.start()
                if await _partitions_led(admin):
                    return
                last = RuntimeError("partitions still loading (no leader yet)")
            except (KafkaError, OSError) as exc:
                last = exc
            finally:
                await admin.close()
            await asyncio.sleep(0.5)
    finally:
        quiet.setLevel(level)
    raise TimeoutError(f"Kafka at {bootstrap} did not answer within {timeout:.0f}s: {last}")


async def _partitions_led(admin: AIOKafkaAdminClient, topics: list[str] | None = None) -> bool:
    """Whether every partition of ``topics`` (default: of every topic) exists and has a leader.

    A restarted broker answers before it has loaded every partition, and a new topic's partitions get
    their leaders a moment after it is created: producers and consumers that come too early get
    NotLeader errors.
    """
    cluster = await admin._client.fetch_all_metadata()  # aiokafka exposes no public call for the cluster view
    for topic in cluster.topics() if topics is None else topics:
        partitions = cluster.partitions_for_topic(topic)
        if (topics is not None and not partitions) or cluster.available_partitions_for_topic(topic) != partitions:
            return False
    return True


TOPIC_LEADERS_TIMEOUT_S = 30.0


async def ensure_topics(settings: FrontwatchSettings, names: list[str] | None = None) -> list[str]:
    """Create the pipeline's topics that do not exist yet; return the ones created."""
    wanted = names if names is not None else TopicNames.from_settings(settings).all()
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=15000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        if not missing:
            return []
        # Another process may win the race; the topic is then there, which is all we need.
        with contextlib.suppress(TopicAlreadyExistsError):
            await admin.create_topics(
                [NewTopic(name=n, num_partitions=settings.topic_partitions, replication_factor=1) for n in missing]
            )
        # A new topic's partitions get their leaders a moment later. A consumer that fetches before then
        # can be left without some partitions (seen: a worker started right away never read two of six).
        for _ in range(int(TOPIC_LEADERS_TIMEOUT_S / 0.2)):
            if await _partitions_led(admin, missing):
                break
            await asyncio.sleep(0.2)
        return missing
    finally:
        await admin.close()


def make_producer(settings: FrontwatchSettings) -> AIOKafkaProducer:
    """An idempotent producer: retries after a lost ack never duplicate a record."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        compression_type=None,
    )


def dead_letter(
    *, topic: str, reason: str, payload: bytes | None, key: bytes | None = None,
    partition: int | None = None, offset: int | None = None,
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The value and headers of a DLQ record: the reason is in both, the original payload kept whole."""
    record = DeadLetter(
        topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", "replace") if key else None,
        reason=reason,
        payload=(payload or b"").decode("utf-8", "replace"),
    )
    headers = [("x-frontwatch-reason", reason.encode("utf-8")[:1000]), ("x-frontwatch-source-topic", topic.encode())]
    return encode(record), headers


__all__ = ["KafkaConnectionError", "dead_letter", "ensure_topics", "make_producer", "wait_for_kafka"]


async def topic_partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The partitions of ``topic`` for a consumer that assigns them itself (no subscription)."""
    partitions = consumer.partitions_for_topic(topic)
    if partitions is None:
        await consumer._client.force_metadata_update()  # aiokafka has no public refresh for assigned consumers
        partitions = consumer.partitions_for_topic(topic) or set()
    return [TopicPartition(topic, p) for p in sorted(partitions)]


async def _read_to(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    """Whether the consumer's position in every partition reached the given end offsets."""
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return False
    return True


async def read_topic(bootstrap: str, topic: str, *, until_count: int | None = None, timeout: float = 10.0,
                     idle: float = 1.0) -> list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]:
    """Every record of ``topic`` from the beginning (no consumer group), as (key, value, headers).

    Stops when ``until_count`` records were read, or (without ``until_count``) once every
    partition was read up to its end as of the start and ``idle`` seconds passed with
    nothing new, or at ``timeout``: a reader for tests, the demo and operators.
    """
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = []
    try:
        tps = await topic_partitions(consumer, topic)
        if not tps:
            return records
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        # Idleness alone is no end: a partition whose first fetch is slow would be missed.
        ends = await consumer.end_offsets(tps)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        last_new = loop.time()
        while loop.time() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            fresh = [m for msgs in batch.values() for m in msgs]
            records.extend((m.key, m.value, list(m.headers)) for m in fresh)
            now = loop.time()
            if fresh:
                last_new = now
            if until_count is not None and len(records) >= until_count:
                break
            if until_count is None and now - last_new >= idle and await _read_to(consumer, ends):
                break
    finally:
        await consumer.stop()
    return records
