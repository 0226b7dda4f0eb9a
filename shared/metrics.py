"""Prometheus metrics of the pipeline: what an operator graphs and alerts on.

Each service process exposes them on ``FRONTWATCH_METRICS_PORT`` (off when
unset); the HTTP services also serve ``/metrics``.
"""

from __future__ import annotations

import structlog
from prometheus_client import Counter, Histogram, start_http_server

ARTICLES_INGESTED = Counter("frontwatch_articles_ingested_total", "Articles offered to ingest, by outcome", ["outcome"])
ARTICLES_EXTRACTED = Counter("frontwatch_articles_extracted_total", "Articles turned into events and mentions")
EVENTS_EXTRACTED = Counter("frontwatch_events_extracted_total", "Events extracted, by type", ["type"])
RECORDS_DEAD_LETTERED = Counter("frontwatch_records_dead_lettered_total", "Records sent to a DLQ, by source topic",
                                ["topic"])
EXTRACT_SECONDS = Histogram("frontwatch_extract_seconds", "Time to extract one article",
                            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25))
DELIVERY_ATTEMPTS = Counter("frontwatch_delivery_attempts_total", "Webhook delivery attempts, by result", ["result"])
WEBHOOK_SECONDS = Histogram("frontwatch_webhook_seconds", "Webhook round-trip time")


def serve_metrics(port: int | None) -> None:
    """Expose this process's metrics on ``port`` (loopback only), if one is configured."""
    if port:
        try:
            start_http_server(port, addr="127.0.0.1")
        except OSError as exc:  # several workers on one machine given the same port: the first one serves
            structlog.get_logger("frontwatch").warning("metrics port unavailable", port=port, error=str(exc))
