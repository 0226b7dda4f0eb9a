"""The extract service: articles in, events and place mentions out.

Run it with ``frontwatch run extract``; start it several times to share the
partitions of ``articles`` (one consumer group). Two thin agents:
``extract_article_events`` decodes an article, calls the pure
``extract_events``/``extract_places`` and publishes the events, keyed by place,
to an internal topic; ``assign_stories`` reads them partition by partition and
gives each its story from the ``stories`` table (changelog-backed, so it
survives restarts and moves with its partition), then publishes to ``events``
and ``events.<type>``. A record that
cannot be decoded or processed goes to ``articles.dlq`` with the reason and the
agent moves on; offsets are committed after the outputs were handed to the
producer, so a killed worker reprocesses rather than loses (event ids are
deterministic, so downstream sees the same events again).
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

import faust
import structlog

from services.extract.events import extract_article
from services.extract.settings import ExtractSettings
from services.extract.stories import assign_story
from shared.codec import encode
from shared.faust_app import decoded_records, make_faust_app, process_record, send_dead_letter
from shared.metrics import ARTICLES_EXTRACTED, EVENTS_EXTRACTED, EXTRACT_SECONDS
from shared.schemas import Article, ArticlePlaces, Event, utcnow
from shared.topics import ARTICLES, EVENTS, TopicNames, event_key

log = structlog.get_logger("frontwatch.extract")
settings = ExtractSettings()
topics = TopicNames.from_settings(settings)
app = make_faust_app("extract", settings)

# Keys are raw bytes and values JSON: faust's defaults for an app.
stories = app.Table("stories", default=dict, partitions=settings.topic_partitions, key_type=bytes)
STORY_WINDOW = timedelta(hours=settings.story_window_hours)

articles_topic = app.topic(topics.articles, key_type=bytes, value_type=bytes, value_serializer="raw", key_serializer="raw")
extracted_topic = app.topic(topics.extracted, key_type=bytes, value_type=bytes, value_serializer="raw", key_serializer="raw")
events_topic = app.topic(topics.events, value_serializer="raw", key_serializer="raw")
mentions_topic = app.topic(topics.mentions, value_serializer="raw", key_serializer="raw")
type_topics = {t: app.topic(topics.events_of(t), value_serializer="raw", key_serializer="raw")
               for t in ("advance", "withdrawal", "deployment", "statement")}
articles_dlq = app.topic(topics.dlq(ARTICLES), value_serializer="raw", key_serializer="raw")
events_dlq = app.topic(topics.dlq(EVENTS), value_serializer="raw", key_serializer="raw")


async def publish_outputs(article: Article, mentions: ArticlePlaces, events: list[Event]) -> None:
    # Mentions first: "any mention of X" watchlists need no story, so they need not wait for the events.
    await mentions_topic.send(key=article.id.encode(), value=encode(mentions))
    for ev in events:
        await extracted_topic.send(key=event_key(ev).encode(), value=encode(ev))
        EVENTS_EXTRACTED.labels(ev.type).inc()


@app.agent(articles_topic)
async def extract_article_events(stream: faust.StreamT[bytes]) -> None:
    async for message, article in decoded_records(stream, Article, articles_dlq):
        try:
            with EXTRACT_SECONDS.time():
                events, places = extract_article(article)
        except Exception as exc:
            await send_dead_letter(articles_dlq, message, f"extraction failed: {type(exc).__name__}: {exc}")
            log.exception("extraction failed", offset=message.offset)
            continue
        mentions = ArticlePlaces(article_id=article.id, source=article.source, url=article.url,
                                 title=article.title, text=article.text, places=places)
        await process_record(message, articles_dlq, partial(publish_outputs, article, mentions, events))
        ARTICLES_EXTRACTED.inc()
        log.info("article extracted", article=article.id, source=article.source, events=len(events), places=len(places))


@app.agent(extracted_topic)
async def assign_stories(stream: faust.StreamT[bytes]) -> None:
    async for message, event in decoded_records(stream, Event, events_dlq):
        await process_record(message, events_dlq, partial(publish_with_story, message.key or b"", event))


async def publish_with_story(key: bytes, event: Event) -> None:
    place_stories = dict(stories[key])  # a copy: the table sees the change only when assigned back
    storied = assign_story(place_stories, event, STORY_WINDOW, utcnow())
    if storied.story_id is not None:
        stories[key] = place_stories
    value = encode(storied)
    await events_topic.send(key=key, value=value)
    await type_topics[storied.type].send(key=key, value=value)
