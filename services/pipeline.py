"""The whole pipeline on one machine, isolated by a topic prefix: used by ``frontwatch demo`` and e2e tests.

Each run gets its own topics, consumer groups and Redis keys (the prefix), so
runs never see each other's records, and starts the services as the operator
would: ``frontwatch run SERVICE`` processes with pid files and logs.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from aiokafka.admin import AIOKafkaAdminClient
from redis.asyncio import Redis

from shared.devstack import ManagedProcess, service_process
from shared.settings import FrontwatchSettings


@dataclass
class LocalPipeline:
    settings: FrontwatchSettings
    workdir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[ManagedProcess] = field(default_factory=list)

    @classmethod
    def isolated(cls, prefix: str, workdir: Path, **extra_env: str) -> LocalPipeline:
        settings = FrontwatchSettings(topic_prefix=prefix)
        return cls(settings=settings, workdir=workdir, extra_env=dict(extra_env))

    def env(self) -> dict[str, str]:
        s = self.settings
        return {
            "FRONTWATCH_TOPIC_PREFIX": s.topic_prefix,
            "FRONTWATCH_KAFKA_BOOTSTRAP": s.kafka_bootstrap,
            "FRONTWATCH_REDIS_URL": s.redis_url,
            "FRONTWATCH_TOPIC_PARTITIONS": str(s.topic_partitions),
            "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")]),
            **self.extra_env,
        }

    def service(self, name: str, index: int = 0) -> ManagedProcess:
        """The process of one service (started or not), e.g. to stop and restart it in a test."""
        for proc in self.processes:
            if proc.name == (name if index == 0 else f"{name}-{index}"):
                return proc
        proc = service_process(self.settings, name, index, workdir=self.workdir, env=self.env())
        self.processes.append(proc)
        return proc

    def start(self, services: tuple[str, ...] = ("extract", "alerts"), extract_workers: int = 1) -> None:
        for name in services:
            for index in range(extract_workers if name == "extract" else 1):
                self.service(name, index).start()

    def sink(self, port: int, out: Path) -> ManagedProcess:
        """A ``frontwatch webhook-sink`` writing what it receives to ``out``."""
        proc = ManagedProcess(
            name=f"webhook-sink-{port}",
            argv=[sys.executable, "-m", "services.cli", "webhook-sink", "--port", str(port), "--out", str(out)],
            workdir=self.workdir, env=self.env(), marker="webhook-sink",
        )
        self.processes.append(proc)
        proc.start()
        return proc

    def stop(self) -> None:
        for proc in reversed(self.processes):
            proc.stop(timeout=20)


def wait_until_healthy(url: str, timeout: float = 60.0) -> None:
    """Return once ``url`` answers 200; TimeoutError naming it otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer 200 within {timeout:.0f}s")
        time.sleep(0.3)


async def remove_namespace(settings: FrontwatchSettings, prefix: str) -> list[str]:
    """Delete every topic (faust's internal ones too) and Redis key under ``prefix``; return the topics."""
    if not prefix:
        raise ValueError("refusing to remove the default namespace")
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=15000)
    await admin.start()
    try:
        doomed = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if doomed:
            await admin.delete_topics(doomed)
    finally:
        await admin.close()
    client = Redis.from_url(settings.redis_url)
    try:
        keys = [k async for k in client.scan_iter(match=f"{prefix}*", count=1000)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
    return doomed
