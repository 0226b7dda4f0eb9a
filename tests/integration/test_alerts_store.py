"""The delivery claim on real Redis: one holder at a time, released only by its holder, expiring if it dies."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from services.alerts.store import DeliveryLedger
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
