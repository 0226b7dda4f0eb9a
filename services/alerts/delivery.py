"""Webhook delivery: one signed POST per notification, retried on transient failures."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from shared.schemas import DeliveryAttempt, Notification, Watchlist
from shared.signing import IDEMPOTENCY_HEADER, signed_headers

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 300.0

AttemptLog = Callable[[DeliveryAttempt], Awaitable[None]]


@dataclass(frozen=True)
class DeliveryResult:
    delivered: bool
    status_code: int | None
    attempts: int
    error: str | None = None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    try:
        return min(float(value), MAX_RETRY_AFTER_S)
    except ValueError:
        return None  # an HTTP-date is rare from webhooks; the backoff schedule applies instead


def slack_body(notification: Notification) -> dict[str, object]:
    """A Slack-compatible message (incoming webhooks read ``text``)."""
    place = notification.place.name if notification.place else "a watched place"
    if notification.kind == "digest":
        text = f"*Frontwatch digest*: {len(notification.digest)} notifications"
    elif notification.event is not None:
        e = notification.event
        text = f"*{e.type}* by {e.actor.side or 'unknown side'} at *{place}* ({e.confidence:.0%})"
    else:
        text = f"*{place}* mentioned in {notification.title or notification.source}"
    if notification.evidence:
        text += f"\n> {notification.evidence}"
    if notification.url:
        text += f"\n<{notification.url}|source>"
    return {"text": text}


def render_body(watchlist: Watchlist, notification: Notification) -> bytes:
    if watchlist.format == "slack":
        import json

        return json.dumps(slack_body(notification), ensure_ascii=False).encode()
    return notification.model_dump_json().encode()


async def deliver(
    client: httpx.AsyncClient, watchlist: Watchlist, notification: Notification, *,
    attempts: int = 5, backoff_s: float = 0.5, on_attempt: AttemptLog | None = None,
) -> DeliveryResult:
    """POST the notification; retry timeouts, 5xx and 429 (honouring Retry-After) with backoff and jitter."""
    body = render_body(watchlist, notification)
    status: int | None = None
    error: str | None = None
    for attempt in range(1, attempts + 1):
        delay = backoff_s * 2 ** (attempt - 1) * (0.5 + random.random())  # noqa: S311 - jitter, not crypto
        headers = {
            "content-type": "application/json",
            IDEMPOTENCY_HEADER: notification.id,
            "x-frontwatch-watchlist": watchlist.id,
            **(signed_headers(watchlist.secret, body) if watchlist.secret else {}),
        }
        try:
            response = await client.post(str(watchlist.webhook), content=body, headers=headers)
        except httpx.TransportError as exc:
            status, error = None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        else:
            status = response.status_code
            if response.is_success:
                await _log(on_attempt, notification, "sent", attempt, status, None)
                return DeliveryResult(True, status, attempt)
            error = f"HTTP {status}"
            if status not in RETRYABLE_STATUS:
                await _log(on_attempt, notification, "failed", attempt, status, error)
                return DeliveryResult(False, status, attempt, error)
            retry_after = _retry_after(response)
            delay = delay if retry_after is None else retry_after
        last = attempt == attempts
        await _log(on_attempt, notification, "failed" if last else "retrying", attempt, status, error)
        if not last:
            await asyncio.sleep(delay)
    return DeliveryResult(False, status, attempts, error)


async def _log(on_attempt: AttemptLog | None, notification: Notification, status: str, attempt: int,
               code: int | None, error: str | None) -> None:
    if on_attempt is not None:
        await on_attempt(DeliveryAttempt(notification_id=notification.id, status=status,  # type: ignore[arg-type]
                                         attempt=attempt, status_code=code, error=error))
