"""Webhook delivery against an in-process HTTP transport: retries, no retries, Retry-After."""

from __future__ import annotations

import httpx

from services.alerts.delivery import deliver
from shared.schemas import Notification, Watchlist

WATCHLIST = Watchlist(id="w1", places=["Kupiansk"], webhook="http://receiver.test/hook")  # type: ignore[arg-type]
NOTE = Notification(id="n1", watchlist_id="w1", kind="mention", article_id="a1", source="a.txt")


def _client(statuses: list[int], seen: list[httpx.Request], headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(statuses[min(len(seen), len(statuses)) - 1], headers=headers or {})

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def test_retries_5xx_then_delivers_once_with_the_idempotency_key() -> None:
    seen: list[httpx.Request] = []
    async with _client([503, 503, 503, 200], seen) as client:
        result = await deliver(client, WATCHLIST, NOTE, attempts=5, backoff_s=0)
    assert result.delivered and result.attempts == 4 and result.status_code == 200
    assert {r.headers["idempotency-key"] for r in seen} == {"n1"}


async def test_client_errors_are_not_retried() -> None:
    seen: list[httpx.Request] = []
    async with _client([404], seen) as client:
        result = await deliver(client, WATCHLIST, NOTE, attempts=5, backoff_s=0)
    assert not result.delivered and result.attempts == 1 and result.status_code == 404


async def test_gives_up_after_the_last_attempt() -> None:
    seen: list[httpx.Request] = []
    async with _client([500], seen, headers={"retry-after": "0"}) as client:
        result = await deliver(client, WATCHLIST, NOTE, attempts=3, backoff_s=5)
    assert not result.delivered and len(seen) == 3 and result.error == "HTTP 500"
