"""``frontwatch replay``: an operator publishes archived article files to Kafka."""

from __future__ import annotations

from dataclasses import dataclass, field

from redis.asyncio import Redis
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.ingest.publisher import ArticlePublisher, RedisSeenArticles, seen_articles_key
from shared.articles import Rejected, read_articles
from shared.kafka import ensure_topics, make_producer
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames


@dataclass
class ReplaySummary:
    published: int = 0
    duplicate: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


async def replay_paths(paths: list[str], settings: FrontwatchSettings, console: Console | None = None,
                       *, force: bool = False) -> ReplaySummary:
    """Publish every article under ``paths``; a bad file is reported and sent to ``articles.dlq``, nothing stops."""
    items = list(read_articles(paths))
    summary = ReplaySummary()
    topics = TopicNames.from_settings(settings)
    await ensure_topics(settings)
    producer = make_producer(settings)
    await producer.start()
    redis = Redis.from_url(settings.redis_url)
    publisher = ArticlePublisher(producer, RedisSeenArticles(redis, seen_articles_key(topics)), topics)
    progress = Progress(TextColumn("replay"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.fields[current]}"), console=console or Console(stderr=True), transient=False)
    try:
        with progress:
            task = progress.add_task("replay", total=len(items), current="")
            for item in items:
                if isinstance(item, Rejected):
                    summary.rejected.append((item.origin, item.reason))
                    await publisher.reject(item.origin, item.reason)
                else:
                    outcome = await publisher.publish(item, force=force)
                    if outcome == "published":
                        summary.published += 1
                    else:
                        summary.duplicate += 1
                progress.update(task, advance=1, current=item.origin if isinstance(item, Rejected) else item.source)
    finally:
        await producer.stop()
        await redis.aclose()
    return summary
