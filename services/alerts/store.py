"""Watchlists and delivery state in Redis (append-only persistence, so both survive restarts)."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from shared.schemas import Watchlist


class WatchlistStore:
    """Watchlists as JSON in one Redis hash, keyed by id."""

    def __init__(self, client: Redis, prefix: str = "") -> None:
        self._redis = client
        self._key = f"{prefix}frontwatch:watchlists"

    async def add(self, watchlist: Watchlist) -> None:
        await self._redis.hset(self._key, watchlist.id, watchlist.model_dump_json())  # type: ignore[misc]

    async def get(self, watchlist_id: str) -> Watchlist | None:
        raw = await self._redis.hget(self._key, watchlist_id)  # type: ignore[misc]
        return Watchlist.model_validate_json(raw) if raw else None

    async def remove(self, watchlist_id: str) -> bool:
        return bool(await self._redis.hdel(self._key, watchlist_id))  # type: ignore[misc]

    async def all(self) -> list[Watchlist]:
        raw = await self._redis.hgetall(self._key)  # type: ignore[misc]
        return sorted((Watchlist.model_validate_json(v) for v in raw.values()), key=lambda w: w.created_at)


class CachedWatchlists:
    """The store's watchlists, re-read at most every ``ttl`` seconds (a hot path reads them per record)."""

    def __init__(self, store: WatchlistStore, ttl: float) -> None:
        self._store = store
        self._ttl = ttl
        self._at = -float("inf")
        self._cached: list[Watchlist] = []

    async def get(self) -> list[Watchlist]:
        now = time.monotonic()
        if now - self._at >= self._ttl:
            self._cached = await self._store.all()
            self._at = now
        return self._cached


class DeliveryLedger:
    """Which notifications were already delivered: the guard that makes redelivery harmless."""

    def __init__(self, client: Redis, prefix: str = "") -> None:
        self._redis = client
        self._prefix = f"{prefix}frontwatch:delivered:"

    async def delivered(self, notification_id: str) -> bool:
        return bool(await self._redis.exists(self._prefix + notification_id))

    async def mark_delivered(self, notification_id: str, status_code: int) -> None:
        await self._redis.set(self._prefix + notification_id, str(status_code))
