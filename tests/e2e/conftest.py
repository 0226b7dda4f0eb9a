"""The whole pipeline as a user drives it: services as processes, a real webhook receiver."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
