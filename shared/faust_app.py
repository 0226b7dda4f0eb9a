"""How every Frontwatch faust app is configured, and the dead-letter path they share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, TypeVar

import faust
import structlog
from aiokafka.errors import KafkaError
from faust.tables import TableManager
from faust.tables.recovery import Recovery
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP
from pydantic import BaseModel
from redis.exceptions import RedisError

from shared.codec import RecordRejected, decode
from shared.kafka import dead_letter
from shared.metrics import RECORDS_DEAD_LETTERED
from shared.settings import FrontwatchSettings

RecordT = TypeVar("RecordT", bound=BaseModel)
log = structlog.get_logger("frontwatch")


# --- the hand-over from table recovery to the streams --------------------------------------------
#
# A worker that starts (or is rebalanced) while records wait on its stream partitions could lose
# some of them until its next restart: it held the partitions, the records were never processed,
# their offsets never committed. Seen with diagnostics in the worker (fetches, seeks and queue
# clears logged) in two ways, both in faust 0.15.3's hand-over from changelog recovery to the streams:
#
# 1. While the changelogs are read, faust hands the fetcher thread its live set of active partitions;
#    when recovery pauses the changelog partitions the set becomes empty, which aiokafka reads as
#    "every partition", so records of the (still paused) stream partitions are taken from the
#    fetcher and thrown away by faust. faust then seeks the streams back to their committed offsets,
#    which puts back those that have one; a partition with no committed offset yet (its first
#    records) is not moved and its records are gone.
# 2. ``Recovery.on_recovery_completed`` resumes the stream partitions and seeks them back to their
#    committed offsets while the flow is still on (it was turned on to read the changelogs), then
#    clears the streams' queues (``flow_control.resume``). Records fetched from the committed
#    offsets and queued before that clear are dropped, and the fetcher is already past them. The
#    first article's synchronous extraction blocks the loop during the seek, which makes this likely.
#
# The fixes: the seek to committed offsets also moves a partition without one to where the reset
# policy starts it (so nothing taken from the fetcher before a seek is lost), and the flow is stopped
# before faust resumes and seeks the stream partitions, so nothing is queued between the seek and the
# clear; the flow is turned on again by faust once the queues were cleared.


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    async def seek_to_committed(self) -> Mapping[TP, int]:
        return await self.call_thread(self._seek_to_committed_or_reset)  # type: ignore[no-any-return]

    async def _seek_to_committed_or_reset(self) -> Mapping[TP, int]:
        consumer = self._ensure_consumer()
        committed: Mapping[TP, int | None] = await consumer.seek_to_committed()
        uncommitted = [tp for tp, offset in committed.items()
                       if not offset and not self.consumer._is_changelog_tp(tp)]  # changelogs: faust seeks them itself
        if uncommitted:
            # Explicit offsets and ``seek``, not ``seek_to_beginning``: a pending reset leaves the partition
            # without a position for a moment, and faust's livelock check asserts that it has one.
            latest = self.app.conf.consumer_auto_offset_reset == "latest"
            starts = await (consumer.end_offsets if latest else consumer.beginning_offsets)(uncommitted)
            for tp, offset in starts.items():
                consumer.seek(tp, offset)
        return committed  # type: ignore[return-value]


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class _Recovery(Recovery):
    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        self.app.consumer.stop_flow()  # faust's own on_recovery_completed resumes it after the seek and the clear
        await super().on_recovery_completed(generation_id)


class _TableManager(TableManager):
    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = _Recovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery


class FrontwatchApp(faust.App):
    """A faust app whose consumer and table recovery hand records over to the streams without losing any."""

    def _new_transport(self) -> faust_aiokafka.Transport:
        return _Transport(self.conf.broker_consumer, self)  # no loop: faust resolves it lazily, as in App._new_transport


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
        "TableManager": _TableManager,
    }
    config.update(overrides)
    return FrontwatchApp(settings.app_id(service), **config)


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
