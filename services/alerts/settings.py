"""Settings of the alerts service (env prefix ``FRONTWATCH_``)."""

from __future__ import annotations

from pydantic import Field

from shared.settings import FrontwatchSettings


class AlertsSettings(FrontwatchSettings):
    webhook_timeout_s: float = Field(default=5.0, gt=0)
    webhook_attempts: int = Field(default=5, ge=1, le=20)
    webhook_backoff_s: float = Field(default=0.5, ge=0, description="first retry delay; doubles each attempt, with jitter")
    webhook_allow_private: bool = Field(default=False, description="allow webhooks on loopback/private addresses (demo, tests)")
    watchlist_cache_s: float = Field(default=1.0, ge=0, description="how long a worker reuses the watchlists it read")
    digest_window_s: int = Field(default=60, ge=1, le=3600, description="the rate limit's window; held notifications go out then")
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=18082, ge=1, le=65535)
