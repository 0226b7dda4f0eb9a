"""How every Frontwatch faust app is configured, and the dead-letter path they share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import faust
import structlog
from aiokafka.errors import KafkaError
from pydantic import BaseModel
from redis.exceptions import RedisError

from shared.codec import RecordRejected, decode
from shared.kafka import dead_letter
from shared.metrics import RECORDS_DEAD_LETTERED
from shared.settings import FrontwatchSettings

RecordT = TypeVar("RecordT", bound=BaseModel)
log = structlog.get_logger("frontwatch")


def make_faust_app(service: str, settings: FrontwatchSettings, **overrides: Any) -> faust.App:
    """A faust app for ``service`` whose id, broker and topic layout come from ``settings``."""
    config: dict[str, Any] = {
        "broker": settings.kafka_broker_url,
        "store": "memory://",  # tables are rebuilt from their changelog topics on start
        "topic_partitions": settings.topic_partitions,
        "topic_replication_factor": 1,
        "web_enabled": False,  # several workers per machine; the HTTP APIs are separate FastAPI apps
        "consumer_auto_offset_reset": "earliest",
        "producer_acks": -1,
        # A crashed worker's partitions move to the others within seconds, not the one-minute default.
        "broker_session_timeout": 10.0,
        "broker_heartbeat_interval": 2.0,
        "broker_commit_every": 100,
        "broker_commit_interval": 1.0,
        "table_cleanup_interval": 60.0,
        "autodiscover": False,
    }
    config.update(overrides)
    return faust.App(settings.app_id(service), **config)


async def send_dead_letter(dlq: faust.TopicT, message: faust.types.Message, reason: str) -> None:
    """Write the original record and the reason to ``dlq``; awaited so the offset is committed only after."""
    value, headers = dead_letter(
        topic=message.topic, reason=reason, payload=message.value if isinstance(message.value, bytes) else None,
        key=message.key if isinstance(message.key, bytes) else None,
        partition=message.partition, offset=message.offset,
    )
    await send_and_wait(dlq, message.key, value, headers)
    RECORDS_DEAD_LETTERED.labels(message.topic).inc()


async def send_and_wait(topic: faust.TopicT, key: bytes | None, value: bytes,
                        headers: list[tuple[str, bytes]] | None = None) -> None:
    """Send and wait for the broker's acknowledgement (faust's ``send`` only buffers)."""
    fut = await topic.send(key=key, value=value, headers=headers)
    await fut


TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (RedisError, KafkaError, OSError, TimeoutError)
FIRST_RETRY_DELAY_S = 0.5
MAX_RETRY_DELAY_S = 30.0


async def process_record(message: faust.types.Message, dlq: faust.TopicT, work: Callable[[], Awaitable[None]]) -> None:
    """Run ``work`` for one record so that an exception never silently acknowledges it.

    faust acks a record whose agent body raises (the offset moves on), so errors
    stop here: a transient one (Redis, Kafka, network) is retried in place until
    it passes, holding the partition rather than losing the record; any other
    goes to ``dlq`` with the reason.
    """
    delay = FIRST_RETRY_DELAY_S
    while True:
        try:
            await work()
            return
        except TRANSIENT_ERRORS as exc:
            log.warning("transient failure, retrying the record", topic=message.topic, offset=message.offset,
                        error=f"{type(exc).__name__}: {exc}", retry_in_s=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_DELAY_S)
        except Exception as exc:
            log.exception("record failed", topic=message.topic, offset=message.offset)
            await send_dead_letter(dlq, message, f"processing failed: {type(exc).__name__}: {exc}")
            return


async def decoded_records(
    stream: faust.StreamT[bytes], model: type[RecordT], dlq: faust.TopicT,
) -> AsyncIterator[tuple[faust.types.Message, RecordT]]:
    """The stream's records as ``model``; one that does not decode goes to ``dlq`` with the reason, and the stream goes on."""
    async for record in stream.events():
        message = record.message
        try:
            value = decode(model, message.value)
        except RecordRejected as exc:
            await send_dead_letter(dlq, message, exc.reason)
            log.warning("record rejected", topic=message.topic, offset=message.offset, reason=exc.reason)
            continue
        yield message, value
