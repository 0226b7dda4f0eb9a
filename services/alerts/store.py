"""Watchlists, API tokens, delivery state and logs in Redis (append-only persistence: all survive restarts)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import time

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from shared.schemas import DeliveryAttempt, Notification, Watchlist, utcnow

DELIVERY_LOG_LENGTH = 1000
# Kafka keeps records 7 days; a redelivery older than this ledger entry cannot happen, so Redis need not grow forever.
DELIVERED_TTL_S = 30 * 24 * 3600
_RELEASE_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


def hash_token(token: str) -> str:
    """Tokens are stored as SHA-256 digests: a leaked Redis dump does not leak credentials."""
    return hashlib.sha256(token.encode()).hexdigest()


class Keys:
    """Every Redis key of the alerts service, under one prefix."""

    def __init__(self, prefix: str = "") -> None:
        self.base = f"{prefix}frontwatch:"

    def __getattr__(self, name: str) -> str:
        return f"{self.base}{name}"


class WatchlistStore:
    """Watchlists as JSON in one Redis hash, keyed by id, with a per-tenant index."""

    def __init__(self, client: Redis, prefix: str = "") -> None:
        self._redis = client
        self._keys = Keys(prefix)

    async def add(self, watchlist: Watchlist) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(self._keys.watchlists, watchlist.id, watchlist.model_dump_json())
            if watchlist.tenant:
                pipe.sadd(f"{self._keys.tenant}:{watchlist.tenant}", watchlist.id)
            await pipe.execute()

    async def get(self, watchlist_id: str, tenant: str | None = None) -> Watchlist | None:
        """The watchlist, or None if it does not exist or belongs to another tenant."""
        raw = await self._redis.hget(self._keys.watchlists, watchlist_id)  # type: ignore[misc]
        if not raw:
            return None
        watchlist = Watchlist.model_validate_json(raw)
        return watchlist if tenant is None or watchlist.tenant == tenant else None

    async def remove(self, watchlist_id: str) -> bool:
        watchlist = await self.get(watchlist_id)
        if watchlist is None:
            return False
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hdel(self._keys.watchlists, watchlist_id)
            if watchlist.tenant:
                pipe.srem(f"{self._keys.tenant}:{watchlist.tenant}", watchlist_id)
            await pipe.execute()
        return True

    async def all(self, tenant: str | None = None) -> list[Watchlist]:
        raw = await self._redis.hgetall(self._keys.watchlists)  # type: ignore[misc]
        found = (Watchlist.model_validate_json(v) for v in raw.values())
        return sorted((w for w in found if tenant is None or w.tenant == tenant), key=lambda w: w.created_at)


class TokenStore:
    """API tokens, created by an operator; each names the tenant whose watchlists it may see."""

    def __init__(self, client: Redis, prefix: str = "") -> None:
        self._redis = client
        self._key = Keys(prefix).tokens

    async def create(self, name: str) -> str:
        token = "fw_" + secrets.token_urlsafe(32)
        record = {"tenant": name, "created_at": utcnow().isoformat()}
        await self._redis.hset(self._key, hash_token(token), json.dumps(record))  # type: ignore[misc]
        return token

    async def tenant_for(self, token: str) -> str | None:
        raw = await self._redis.hget(self._key, hash_token(token))  # type: ignore[misc]
        return str(json.loads(raw)["tenant"]) if raw else None


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
    """Which notifications were delivered (the guard that makes Kafka redelivery harmless), and the log."""

    def __init__(self, client: Redis, prefix: str = "") -> None:
        self._redis = client
        self._keys = Keys(prefix)

    async def delivered(self, notification_id: str) -> bool:
        return bool(await self._redis.exists(f"{self._keys.delivered}:{notification_id}"))

    async def mark_delivered(self, notification_id: str, status_code: int) -> None:
        await self._redis.set(f"{self._keys.delivered}:{notification_id}", str(status_code), ex=DELIVERED_TTL_S)

    async def claim(self, notification_id: str, ttl_s: float) -> str | None:
        """Take the right to attempt delivery now: a token to release it with, or None while another task holds it.

        The claim expires after ``ttl_s`` if its holder dies.
        """
        token = secrets.token_hex(8)
        key = f"{self._keys.inflight}:{notification_id}"
        return token if await self._redis.set(key, token, nx=True, px=int(ttl_s * 1000)) else None

    async def release(self, notification_id: str, token: str) -> None:
        """Release our claim only: if it expired and another task took it, theirs stays."""
        await self._redis.eval(_RELEASE_IF_OURS, 1, f"{self._keys.inflight}:{notification_id}", token)  # type: ignore[misc]

    async def log(self, watchlist_id: str, attempt: DeliveryAttempt) -> None:
        key = f"{self._keys.log}:{watchlist_id}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.lpush(key, attempt.model_dump_json())
            pipe.ltrim(key, 0, DELIVERY_LOG_LENGTH - 1)
            await pipe.execute()

    async def entries(self, watchlist_id: str, limit: int = 100) -> list[DeliveryAttempt]:
        raw = await self._redis.lrange(f"{self._keys.log}:{watchlist_id}", 0, limit - 1)  # type: ignore[misc]
        return [DeliveryAttempt.model_validate_json(r) for r in raw]


class DigestBuffer:
    """Per-watchlist rate limit: past the limit in a minute, notifications wait here and go out as one digest."""

    def __init__(self, client: Redis, prefix: str = "", window_s: int = 60) -> None:
        self._redis = client
        self._keys = Keys(prefix)
        self._window = window_s

    async def allow(self, watchlist: Watchlist, now: float | None = None) -> bool:
        """Count one notification in the current window; False once the limit is passed."""
        slot = int((now or time.time()) // self._window)
        key = f"{self._keys.rate}:{watchlist.id}:{slot}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, self._window * 2)
            count, _ = await pipe.execute()
        return int(count) <= watchlist.rate_limit_per_minute

    async def hold(self, notification: Notification, now: float | None = None) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(f"{self._keys.digest}:{notification.watchlist_id}", notification.model_dump_json())
            pipe.zadd(self._keys.digest_due, {notification.watchlist_id: (now or time.time()) + self._window}, nx=True)
            await pipe.execute()

    async def due(self, now: float | None = None) -> dict[str, list[Notification]]:
        """The held notifications of every watchlist whose digest is due, moved aside until ``sent`` is called.

        Taking is not deleting: the notifications move to a "sending" list and the
        watchlist stays due, so a worker that dies before its digest is handed
        over leaves it to be taken again (the digest's id is fixed by what it
        folds, so the ledger keeps a resend from arriving twice).
        """
        ids = await self._redis.zrangebyscore(self._keys.digest_due, 0, now or time.time())
        out: dict[str, list[Notification]] = {}
        for raw_id in ids:
            wl_id = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
            key, sending = f"{self._keys.digest}:{wl_id}", f"{self._keys.digest}:sending:{wl_id}"
            if not await self._redis.exists(sending):
                with contextlib.suppress(ResponseError):  # nothing held: another worker took it, or none came
                    await self._redis.rename(key, sending)
            held = await self._redis.lrange(sending, 0, -1)  # type: ignore[misc]
            if held:
                out[wl_id] = [Notification.model_validate_json(h) for h in held]
            else:
                await self._redis.zrem(self._keys.digest_due, wl_id)
        return out

    async def sent(self, watchlist_id: str, now: float | None = None) -> None:
        """The digest of ``watchlist_id`` was handed to the notifier: forget it; a later burst is due a window on."""
        key, sending = f"{self._keys.digest}:{watchlist_id}", f"{self._keys.digest}:sending:{watchlist_id}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(sending)
            pipe.llen(key)
            _, waiting = await pipe.execute()
        if waiting:
            await self._redis.zadd(self._keys.digest_due, {watchlist_id: (now or time.time()) + self._window})
        else:
            await self._redis.zrem(self._keys.digest_due, watchlist_id)

