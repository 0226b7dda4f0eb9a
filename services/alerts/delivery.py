"""Webhook delivery: one JSON POST per notification, retried on transient failures."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

import httpx

from shared.schemas import Notification, Watchlist

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class DeliveryResult:
    delivered: bool
    status_code: int | None
    attempts: int
    error: str | None = None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.replace(".", "", 1).isdigit() else None


async def deliver(
    client: httpx.AsyncClient, watchlist: Watchlist, notification: Notification, *,
    attempts: int = 5, backoff_s: float = 0.5,
) -> DeliveryResult:
    """POST the notification to the watchlist's webhook; retry timeouts, 5xx and 429 with backoff and jitter."""
    body = notification.model_dump_json().encode()
    headers = {
        "content-type": "application/json",
        "idempotency-key": notification.id,
        "x-frontwatch-watchlist": watchlist.id,
    }
    status: int | None = None
    error: str | None = None
    for attempt in range(1, attempts + 1):
        delay = backoff_s * 2 ** (attempt - 1) * (0.5 + random.random())  # noqa: S311 - jitter, not crypto
        try:
            response = await client.post(str(watchlist.webhook), content=body, headers=headers)
        except httpx.TransportError as exc:
            error = f"{type(exc).__name__}: {exc}"
        else:
            status = response.status_code
            if response.is_success:
                return DeliveryResult(True, status, attempt)
            if status not in RETRYABLE_STATUS:
                return DeliveryResult(False, status, attempt, f"HTTP {status}")
            error = f"HTTP {status}"
            retry_after = _retry_after(response)
            delay = delay if retry_after is None else retry_after
        if attempt < attempts:
            await asyncio.sleep(delay)
    return DeliveryResult(False, status, attempts, error)
