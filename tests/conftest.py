"""Fixtures shared by the integration and e2e tiers: the real stack, started once per session."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.devstack import stack_down, stack_status, stack_up
from shared.settings import FrontwatchSettings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def stack() -> Iterator[FrontwatchSettings]:
    """Kafka and Redis, real, on loopback. Started if needed; stopped at the end only if this session started them."""
    settings = FrontwatchSettings()
    was_running = all(s.answering for s in stack_status(settings))
    try:
        stack_up(settings)
    except Exception:
        kafka_log = settings.state_dir / "kafka" / "kafka.log"
        if kafka_log.exists():
            print(kafka_log.read_text(errors="replace")[-4000:])  # noqa: T201 - the broker log explains a failed start
        raise
    yield settings
    if not was_running and not os.environ.get("FRONTWATCH_KEEP_STACK"):
        stack_down(settings)


@pytest.fixture
def prefix() -> str:
    """Topics, consumer groups and Redis keys of this test's own."""
    return f"t{uuid.uuid4().hex[:10]}-"


@pytest.fixture
def isolated(stack: FrontwatchSettings, prefix: str) -> Iterator[FrontwatchSettings]:
    """Settings whose topics, groups and Redis keys are the test's own; removed afterwards."""
    yield stack.model_copy(update={"topic_prefix": prefix})
    asyncio.run(remove_namespace(stack, prefix))


async def remove_namespace(settings: FrontwatchSettings, prefix: str) -> None:
    """Delete a test's topics (faust's internal ones too) and Redis keys, so the broker does not fill up."""
    from aiokafka.admin import AIOKafkaAdminClient
    from redis.asyncio import Redis

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
    await admin.start()
    try:
        doomed = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if doomed:
            await admin.delete_topics(doomed)
    finally:
        await admin.close()
    client = Redis.from_url(settings.redis_url)
    try:
        keys = [k async for k in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
