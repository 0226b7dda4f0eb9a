"""The whole pipeline on one machine, isolated by a topic prefix: used by ``frontwatch demo`` and e2e tests.

Each run gets its own topics, consumer groups and Redis keys (the prefix), so
runs never see each other's records, and starts the services as the operator
would: ``frontwatch run SERVICE`` processes with pid files and logs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

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
