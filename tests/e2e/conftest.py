"""The whole pipeline as a user drives it: services as processes, a real webhook receiver."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.pipeline import LocalPipeline
from shared.settings import FrontwatchSettings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def pipeline(isolated: FrontwatchSettings, tmp_path: Path) -> Iterator[LocalPipeline]:
    """Services of this test's own (topic prefix); their logs are printed if the test fails."""
    run = LocalPipeline.isolated(isolated.topic_prefix, tmp_path, FRONTWATCH_WEBHOOK_ALLOW_PRIVATE="1",
                                 FRONTWATCH_WEBHOOK_BACKOFF_S="0.2")
    yield run
    run.stop()
    for proc in run.processes:
        print(f"--- {proc.name} log (tail)\n{proc.log_tail(60)}")  # noqa: T201 - shown by pytest only on failure


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


async def eventually(check: Callable[[], Any], timeout: float, what: str, interval: float = 0.5) -> Any:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(interval)


@pytest.fixture
def alerts(pipeline: LocalPipeline) -> Iterator[tuple[LocalPipeline, httpx.Client]]:
    """The alerts worker and API of this test, and an API client with a fresh token."""
    from shared.kafka import ensure_topics
    from tests.integration.test_alerts_api import create_token, wait_healthy

    port = free_port()
    pipeline.extra_env.update(FRONTWATCH_API_PORT=str(port), FRONTWATCH_WEBHOOK_ATTEMPTS="4",
                              FRONTWATCH_WEBHOOK_BACKOFF_S="0.05", FRONTWATCH_WEBHOOK_TIMEOUT_S="5",
                              FRONTWATCH_DIGEST_WINDOW_S="4")
    asyncio.run(ensure_topics(pipeline.settings))
    pipeline.start(("alerts", "alerts-api"))
    wait_healthy(f"http://127.0.0.1:{port}/health", pipeline.service("alerts-api").log_tail())
    token = create_token(pipeline.settings, "analyst")
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"authorization": f"Bearer {token}"}, timeout=10) as c:
        yield pipeline, c
