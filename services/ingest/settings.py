"""Settings of the ingest service (env prefix ``FRONTWATCH_``)."""

from __future__ import annotations

from pydantic import Field

from shared.articles import MAX_ARTICLE_BYTES
from shared.settings import FrontwatchSettings


class IngestSettings(FrontwatchSettings):
    ingest_host: str = "127.0.0.1"
    ingest_port: int = Field(default=18081, ge=1, le=65535)
    max_article_bytes: int = Field(default=MAX_ARTICLE_BYTES, ge=1)
