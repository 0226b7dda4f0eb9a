"""Turning a matched notification into at most one delivered webhook call.

The order of checks is what makes "exactly one notification per watchlist and
story" hold under Kafka redelivery: the ledger is consulted first, the webhook
called with the notification id as idempotency key, and the ledger written only
after a 2xx. A worker killed between the 2xx and the ledger write sends the same
notification (same idempotency key) once more after restart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
import structlog

from services.alerts.delivery import DeliveryResult, deliver
from services.alerts.store import DeliveryLedger, DigestBuffer
from services.alerts.webhooks import UnsafeWebhook, check_webhook_url
from shared.schemas import DeliveryAttempt, Notification, Watchlist

log = structlog.get_logger("frontwatch.alerts")

Publish = Callable[[Notification], Awaitable[None]]
Reject = Callable[[Notification, str], Awaitable[None]]


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

    async def send(self, watchlist: Watchlist, notification: Notification) -> DeliveryResult:
        try:
            check_webhook_url(str(watchlist.webhook), allow_private=self.allow_private)
        except UnsafeWebhook as exc:
            await self._log_failure(watchlist, notification, f"unsafe webhook: {exc}")
            return DeliveryResult(False, None, 0, str(exc))

        async def record(attempt: DeliveryAttempt) -> None:
            await self.ledger.log(watchlist.id, attempt)

        result = await deliver(self.http, watchlist, notification, attempts=self.attempts, backoff_s=self.backoff_s,
                               on_attempt=record)
        if result.delivered:
            await self.ledger.mark_delivered(notification.id, result.status_code or 0)
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
