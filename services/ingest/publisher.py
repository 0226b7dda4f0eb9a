"""Publishing articles to Kafka exactly once per distinct text.

The dedup ledger lives in Redis (append-only, so it survives restarts). An id
is recorded only after Kafka acknowledged the article: a crash in between
republishes it on the next replay, which downstream idempotence absorbs,
rather than losing it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal, Protocol

from aiokafka import AIOKafkaProducer
from redis.asyncio import Redis

from shared.codec import encode
from shared.kafka import dead_letter, ensure_topics, make_producer
from shared.metrics import ARTICLES_INGESTED
from shared.schemas import Article
from shared.settings import FrontwatchSettings
from shared.topics import ARTICLES, TopicNames

PublishOutcome = Literal["published", "duplicate"]


class SeenArticles(Protocol):
    """Which article ids were already published."""

    async def contains(self, article_id: str) -> bool: ...

    async def add(self, article_id: str) -> None: ...


class RedisSeenArticles:
    """``SeenArticles`` in a Redis set."""

    def __init__(self, client: Redis, key: str) -> None:
        self._redis = client
        self._key = key

    async def contains(self, article_id: str) -> bool:
        return bool(await self._redis.sismember(self._key, article_id))  # type: ignore[misc]

    async def add(self, article_id: str) -> None:
        await self._redis.sadd(self._key, article_id)  # type: ignore[misc]


class ArticlePublisher:
    """Sends articles to the ``articles`` topic, keyed by article id, skipping ones already sent."""

    def __init__(self, producer: AIOKafkaProducer, seen: SeenArticles, topics: TopicNames) -> None:
        self._producer = producer
        self._seen = seen
        self._topics = topics

    async def publish(self, article: Article, *, force: bool = False) -> PublishOutcome:
        """Publish unless already published; ``force`` republishes (e.g. to re-extract with a new extractor)."""
        if not force and await self._seen.contains(article.id):
            ARTICLES_INGESTED.labels("duplicate").inc()
            return "duplicate"
        await self._producer.send_and_wait(self._topics.articles, encode(article), key=article.id.encode())
        await self._seen.add(article.id)
        ARTICLES_INGESTED.labels("published").inc()
        return "published"

    async def reject(self, origin: str, reason: str, payload: bytes | None = None) -> None:
        """Keep a copy of an input that is not an article, with the reason, on ``articles.dlq``."""
        ARTICLES_INGESTED.labels("rejected").inc()
        value, headers = dead_letter(topic=self._topics.articles, reason=f"{origin}: {reason}", payload=payload)
        await self._producer.send_and_wait(self._topics.dlq(ARTICLES), value, key=origin.encode(), headers=headers)


def seen_articles_key(topics: TopicNames) -> str:
    return f"{topics.prefix}frontwatch:articles:published"


@asynccontextmanager
async def open_publisher(settings: FrontwatchSettings) -> AsyncIterator[ArticlePublisher]:
    """An ``ArticlePublisher`` on a started idempotent producer and the Redis ledger; both closed on exit."""
    topics = TopicNames.from_settings(settings)
    await ensure_topics(settings)
    producer = make_producer(settings)
    await producer.start()
    redis = Redis.from_url(settings.redis_url)
    try:
        yield ArticlePublisher(producer, RedisSeenArticles(redis, seen_articles_key(topics)), topics)
    finally:
        await producer.stop()
        await redis.aclose()
