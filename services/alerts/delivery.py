"""Webhook delivery: one signed POST per notification, retried on transient failures."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from services.alerts.webhooks import pinned_url
from shared.metrics import DELIVERY_ATTEMPTS, WEBHOOK_SECONDS
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


@dataclass(frozen=True)
class AttemptOutcome:
    delivered: bool
    status_code: int | None
    error: str | None
    retryable: bool
    retry_after: float | None = None


async def attempt_delivery(client: httpx.AsyncClient, watchlist: Watchlist, notification: Notification,
                           total_timeout_s: float = 30.0, address: str | None = None) -> AttemptOutcome:
    """One signed POST; says whether a failure is worth retrying (timeouts, 5xx, 429) and when (Retry-After).

    httpx's timeout applies per phase; ``total_timeout_s`` bounds the whole attempt, so a receiver that
    dribbles its answer cannot outlive the delivery claim. ``address``, when given, is where the
    SSRF guard vetted the webhook's host to be: the request goes there and nowhere else.
    """
    body = render_body(watchlist, notification)
    headers = {
        "content-type": "application/json",
        IDEMPOTENCY_HEADER: notification.id,
        "x-frontwatch-watchlist": watchlist.id,
        **(signed_headers(watchlist.secret, body) if watchlist.secret else {}),
    }
    try:
        with WEBHOOK_SECONDS.time():
            async with asyncio.timeout(total_timeout_s):
                url, extensions = str(watchlist.webhook), dict[str, str]()
                if address is not None:
                    url, host_header, extensions = pinned_url(url, address)
                    headers.update(host_header)
                response = await client.post(url, content=body, headers=headers, extensions=extensions)
    except TimeoutError:
        DELIVERY_ATTEMPTS.labels("transport_error").inc()
        return AttemptOutcome(False, None, f"no complete answer within {total_timeout_s:.0f}s", True)
    except httpx.TransportError as exc:
        DELIVERY_ATTEMPTS.labels("transport_error").inc()
        return AttemptOutcome(False, None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, True)
    status = response.status_code
    DELIVERY_ATTEMPTS.labels(f"{status // 100}xx").inc()
    if response.is_success:
        return AttemptOutcome(True, status, None, False)
    return AttemptOutcome(False, status, f"HTTP {status}", status in RETRYABLE_STATUS, _retry_after(response))


def backoff_delay(attempt: int, backoff_s: float, retry_after: float | None = None) -> float:
    """Seconds before attempt ``attempt + 1``: the receiver's Retry-After, else exponential with jitter."""
    if retry_after is not None:
        return retry_after
    return float(backoff_s * 2 ** (attempt - 1) * (0.5 + random.random()))  # noqa: S311 - jitter, not crypto


async def deliver(
    client: httpx.AsyncClient, watchlist: Watchlist, notification: Notification, *,
    attempts: int = 5, backoff_s: float = 0.5, on_attempt: AttemptLog | None = None, address: str | None = None,
) -> DeliveryResult:
    """Deliver inline, retrying with backoff: for operators' commands, where waiting is what the user asked for."""
    outcome = AttemptOutcome(False, None, None, False)
    for attempt in range(1, attempts + 1):
        outcome = await attempt_delivery(client, watchlist, notification, address=address)
        final = outcome.delivered or not outcome.retryable or attempt == attempts
        status = "sent" if outcome.delivered else ("failed" if final else "retrying")
        await _log(on_attempt, notification, status, attempt, outcome.status_code, outcome.error)
        if outcome.delivered:
            return DeliveryResult(True, outcome.status_code, attempt)
        if final:
            return DeliveryResult(False, outcome.status_code, attempt, outcome.error)
        await asyncio.sleep(backoff_delay(attempt, backoff_s, outcome.retry_after))
    return DeliveryResult(False, outcome.status_code, attempts, outcome.error)


async def _log(on_attempt: AttemptLog | None, notification: Notification, status: str, attempt: int,
               code: int | None, error: str | None) -> None:
    if on_attempt is not None:
        await on_attempt(DeliveryAttempt(notification_id=notification.id, status=status,  # type: ignore[arg-type]
                                         attempt=attempt, status_code=code, error=error))
