"""Fixtures shared by the integration and e2e tiers: the real stack, started once per session."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.pipeline import remove_namespace
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
