"""Structured logs through the standard logging module, so faust's and uvicorn's handlers print them at their level."""

from __future__ import annotations

import structlog


def configure_logging() -> None:
    """One JSON object per event (``{"event": "notification delivered", "watchlist": ...}``), at the event's level."""
    structlog.configure(
        processors=[
            structlog.stdlib.add_log_level,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
