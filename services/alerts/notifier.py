"""Turning a matched notification into at most one delivered webhook call.

The order of checks is what makes "exactly one notification per watchlist and
story" hold under Kafka redelivery: the ledger is consulted first, the webhook
called with the notification id as idempotency key, and the ledger written only
after a 2xx. A worker killed between the 2xx and the ledger write sends the same
notification (same idempotency key) once more after restart.

In the worker, a failed attempt is not retried in place: the notification goes
to ``alerts.retry`` with the time of its next attempt (``defer``), so a slow or
dead webhook never holds up other watchlists' alerts. Operator commands, which
have no retry topic, retry inline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx
import structlog

from services.alerts.delivery import DeliveryResult, attempt_delivery, backoff_delay, deliver
from services.alerts.store import DeliveryLedger, DigestBuffer
from services.alerts.webhooks import UnsafeWebhook, check_webhook_url
from shared.schemas import DeliveryAttempt, Notification, PendingDelivery, Watchlist, utcnow

log = structlog.get_logger("frontwatch.alerts")

Publish = Callable[[Notification], Awaitable[None]]
Reject = Callable[[Notification, str], Awaitable[None]]
Defer = Callable[[PendingDelivery], Awaitable[None]]


@dataclass
class Notifier:
    http: httpx.AsyncClient
    ledger: DeliveryLedger
    digests: DigestBuffer
    published: Publish  # a delivered notification, recorded on the alerts topic
    failed: Reject  # a notification that could not be delivered, kept on alerts.dlq
    attempts: int = 5
    backoff_s: float = 0.5
    allow_private: bool = False
    defer: Defer | None = None  # set in the worker: retries go through the retry topic
    claim_ttl_s: float = 15.0  # longer than one attempt (the webhook timeout), so a live claim is never stolen

    async def notify(self, watchlist: Watchlist, notification: Notification) -> DeliveryResult | None:
        """Deliver unless already delivered; past the rate limit, hold it for the next digest."""
        if await self.ledger.delivered(notification.id):
            return None
        if notification.kind not in ("digest", "test") and not await self.digests.allow(watchlist):
            await self.digests.hold(notification)
            await self.ledger.log(watchlist.id, DeliveryAttempt(notification_id=notification.id, status="skipped",
                                                                attempt=0, error="rate limit: held for the digest"))
            return None
        return await self.send(watchlist, notification)

    async def send(self, watchlist: Watchlist, notification: Notification, attempt: int = 1) -> DeliveryResult:
        """Attempt delivery now (attempt number ``attempt``); retries inline, or deferred when ``defer`` is set."""
        if self.defer is None:
            return await self._send(watchlist, notification, attempt)
        # Worker tasks run concurrently: five outlets' reports of one story may reach two tasks at once.
        token = await self.ledger.claim(notification.id, ttl_s=self.claim_ttl_s)
        if token is None:
            await self.defer(PendingDelivery(notification=notification, attempt=attempt, last_error="in flight elsewhere",
                                             not_before=utcnow() + timedelta(seconds=self.claim_ttl_s / 3)))
            return DeliveryResult(False, None, attempt - 1, "in flight elsewhere")
        try:
            if await self.ledger.delivered(notification.id):
                return DeliveryResult(True, None, 0)
            return await self._send(watchlist, notification, attempt)
        finally:
            await self.ledger.release(notification.id, token)

    async def _send(self, watchlist: Watchlist, notification: Notification, attempt: int) -> DeliveryResult:
        try:
            address = await check_webhook_url(str(watchlist.webhook), allow_private=self.allow_private)
        except UnsafeWebhook as exc:
            await self._log_failure(watchlist, notification, f"unsafe webhook: {exc}")
            return DeliveryResult(False, None, 0, str(exc))

        async def record(entry: DeliveryAttempt) -> None:
            await self.ledger.log(watchlist.id, entry)

        if self.defer is None:
            result = await deliver(self.http, watchlist, notification, attempts=self.attempts, backoff_s=self.backoff_s,
                                   on_attempt=record, address=address)
        else:
            outcome = await attempt_delivery(self.http, watchlist, notification, total_timeout_s=self.claim_ttl_s / 2,
                                             address=address)
            result = DeliveryResult(outcome.delivered, outcome.status_code, attempt, outcome.error)
            if not outcome.delivered and outcome.retryable and attempt < self.attempts:
                delay = backoff_delay(attempt, self.backoff_s, outcome.retry_after)
                await record(DeliveryAttempt(notification_id=notification.id, status="retrying", attempt=attempt,
                                             status_code=outcome.status_code, error=outcome.error))
                await self.defer(PendingDelivery(notification=notification, attempt=attempt + 1,
                                                 not_before=utcnow() + timedelta(seconds=delay), last_error=outcome.error))
                return result
            await record(DeliveryAttempt(notification_id=notification.id, status="sent" if outcome.delivered else "failed",
                                         attempt=attempt, status_code=outcome.status_code, error=outcome.error))
        if result.delivered:
            await self.ledger.mark_delivered(notification.id, result.status_code or 0)
            for folded in notification.digest:
                await self.ledger.mark_delivered(folded.id, result.status_code or 0)
            if notification.kind != "test":
                await self.published(notification)
            log.info("notification delivered", watchlist=watchlist.id, notification=notification.id,
                     kind=notification.kind, attempts=result.attempts)
        elif notification.kind != "test":
            await self.failed(notification, result.error or "delivery failed")
            log.warning("notification failed", watchlist=watchlist.id, notification=notification.id, error=result.error)
        return result

    async def _log_failure(self, watchlist: Watchlist, notification: Notification, reason: str) -> None:
        await self.ledger.log(watchlist.id, DeliveryAttempt(notification_id=notification.id, status="failed",
                                                            attempt=0, error=reason))
        if notification.kind != "test":
            await self.failed(notification, reason)


def digest_notification(watchlist: Watchlist, held: list[Notification]) -> Notification:
    """One notification that folds a burst; its id is fixed by what it folds, so a retry is the same digest."""
    folded = hashlib.sha256("|".join(sorted(n.id for n in held)).encode()).hexdigest()[:24]
    first = held[0]
    return Notification(id=f"digest-{folded}", watchlist_id=watchlist.id, kind="digest", article_id=first.article_id,
                        source=first.source, url=first.url, title=f"{len(held)} notifications", place=first.place,
                        evidence=first.evidence, digest=held)
