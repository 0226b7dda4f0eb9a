"""What an agent does when handling a record fails: nothing is acknowledged silently."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from shared import faust_app
from shared.codec import decode
from shared.faust_app import process_record
from shared.schemas import DeadLetter


class FakeTopic:
    """Records what is sent, as faust's topic.send would (a future that is already done)."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, **record: Any) -> asyncio.Future[None]:
        self.sent.append(record)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


MESSAGE = SimpleNamespace(topic="articles", partition=3, offset=42, key=b"k", value=b'{"text": "x"}')


async def test_a_transient_failure_is_retried_until_it_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faust_app, "FIRST_RETRY_DELAY_S", 0.001)
    dlq, calls = FakeTopic(), []

    async def work() -> None:
        calls.append(1)
        if len(calls) < 3:
            raise RedisConnectionError("redis restarting")

    await process_record(MESSAGE, dlq, work)  # type: ignore[arg-type]
    assert len(calls) == 3 and dlq.sent == []


async def test_any_other_failure_goes_to_the_dlq_with_the_reason() -> None:
    dlq = FakeTopic()

    async def work() -> None:
        raise ValueError("rule crashed")

    await process_record(MESSAGE, dlq, work)  # type: ignore[arg-type]
    [letter] = dlq.sent
    record = decode(DeadLetter, letter["value"])
    assert record.reason == "processing failed: ValueError: rule crashed"
    assert (record.topic, record.partition, record.offset, record.payload) == ("articles", 3, 42, '{"text": "x"}')
    assert dict(letter["headers"])["x-frontwatch-reason"].startswith(b"processing failed")
