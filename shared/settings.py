"""Settings shared by every service: one validated object, env prefix ``FRONTWATCH_``.

Each service subclasses ``FrontwatchSettings`` in its own ``settings.py``; a bad
value fails at start-up with the variable's name, not deep inside a worker.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_KAFKA_PORT = 19092
DEFAULT_KAFKA_CONTROLLER_PORT = 19093
DEFAULT_REDIS_PORT = 16379


def default_state_dir() -> Path:
    return Path.home() / ".local" / "state" / "frontwatch"


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "frontwatch"


class FrontwatchSettings(BaseSettings):
    """Where the shared infrastructure is and how topics are laid out."""

    model_config = SettingsConfigDict(env_prefix="FRONTWATCH_", extra="ignore")

    kafka_bootstrap: str = f"127.0.0.1:{DEFAULT_KAFKA_PORT}"
    redis_url: str = f"redis://127.0.0.1:{DEFAULT_REDIS_PORT}/0"
    topic_prefix: str = Field(default="", description="prepended to every topic and app id; tests use it to isolate runs")
    topic_partitions: int = Field(default=6, ge=1, le=1000)
    state_dir: Path = Field(default_factory=default_state_dir)
    cache_dir: Path = Field(default_factory=default_cache_dir)
    log_level: str = "info"
    metrics_port: int | None = Field(default=None, ge=1, le=65535, description="Prometheus exporter port; off when unset")

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_has_port(cls, value: str) -> str:
        for server in value.split(","):
            host, sep, port = server.strip().rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"expected host:port[,host:port], got {value!r}")
        return value

    @property
    def kafka_broker_url(self) -> str:
        """The bootstrap list in faust's ``kafka://`` form."""
        return ";".join(f"kafka://{s.strip()}" for s in self.kafka_bootstrap.split(","))

    def app_id(self, name: str) -> str:
        """Consumer group / faust app id for a service; prefixed like the topics."""
        return f"{self.topic_prefix}frontwatch-{name}"
