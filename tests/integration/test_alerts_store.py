"""Delivery state on real Redis: the claim (one holder, released only by it, expiring if it dies) and held digests."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from services.alerts.store import DeliveryLedger, DigestBuffer
from shared.schemas import Notification
from shared.settings import FrontwatchSettings

pytestmark = pytest.mark.integration


async def test_a_claim_has_one_holder_and_only_the_holder_releases_it(isolated: FrontwatchSettings) -> None:
    client = Redis.from_url(isolated.redis_url)
    try:
        ledger = DeliveryLedger(client, isolated.topic_prefix)
        first = await ledger.claim("n1", ttl_s=5)
        assert first is not None
        assert await ledger.claim("n1", ttl_s=5) is None
        await ledger.release("n1", "not-the-holder")
        assert await ledger.claim("n1", ttl_s=5) is None
        await ledger.release("n1", first)
        assert await ledger.claim("n1", ttl_s=5) is not None
    finally:
        await client.aclose()


async def test_a_dead_holders_claim_expires(isolated: FrontwatchSettings) -> None:
    client = Redis.from_url(isolated.redis_url)
    try:
        ledger = DeliveryLedger(client, isolated.topic_prefix)
        assert await ledger.claim("n2", ttl_s=0.2) is not None
        await asyncio.sleep(0.4)
        assert await ledger.claim("n2", ttl_s=5) is not None
    finally:
        await client.aclose()


def _held(n: int) -> Notification:
    return Notification(id=f"n{n}", watchlist_id="w1", kind="mention", article_id=f"a{n}", source="a.txt")


async def test_a_digest_taken_by_a_worker_that_dies_is_taken_again(isolated: FrontwatchSettings) -> None:
    client = Redis.from_url(isolated.redis_url)
    try:
        digests = DigestBuffer(client, isolated.topic_prefix, window_s=60)
        for n in (1, 2, 3):
            await digests.hold(_held(n), now=1000.0)
        assert await digests.due(now=1030.0) == {}  # not due before its window ends
        taken = await digests.due(now=1061.0)
        assert [n.id for n in taken["w1"]] == ["n1", "n2", "n3"]
        # The worker dies before handing the digest over; a burst arrives meanwhile.
        await digests.hold(_held(4), now=1062.0)
        again = await digests.due(now=1063.0)
        assert [n.id for n in again["w1"]] == ["n1", "n2", "n3"]  # the same digest, nothing lost
        await digests.sent("w1", now=1064.0)
        assert await digests.due(now=1065.0) == {}  # the later burst waits its own window
        later = await digests.due(now=1125.0)
        assert [n.id for n in later["w1"]] == ["n4"]
        await digests.sent("w1", now=1126.0)
        assert await digests.due(now=9999.0) == {}
    finally:
        await client.aclose()
