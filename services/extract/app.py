"""The extract service: articles in, events and place mentions out.

Run it with ``frontwatch run extract``; start it several times to share the
partitions of ``articles`` (one consumer group). The agent is thin: decode,
call the pure ``extract_events``/``extract_places``, publish. A record that
cannot be decoded or processed goes to ``articles.dlq`` with the reason and the
agent moves on; offsets are committed after the outputs were handed to the
producer, so a killed worker reprocesses rather than loses (event ids are
deterministic, so downstream sees the same events again).
"""

from __future__ import annotations

import faust
import structlog
from services.extract.events import extract_events, extract_places

from services.extract.settings import ExtractSettings
from shared.codec import RecordRejected, decode, encode
from shared.faust_app import make_faust_app, send_dead_letter
from shared.schemas import Article, ArticlePlaces
from shared.topics import ARTICLES, TopicNames, event_key

log = structlog.get_logger("frontwatch.extract")
settings = ExtractSettings()
topics = TopicNames.from_settings(settings)
app = make_faust_app("extract", settings)

articles_topic = app.topic(topics.articles, key_type=bytes, value_type=bytes, value_serializer="raw", key_serializer="raw")
events_topic = app.topic(topics.events, value_serializer="raw", key_serializer="raw")
mentions_topic = app.topic(topics.mentions, value_serializer="raw", key_serializer="raw")
type_topics = {t: app.topic(topics.events_of(t), value_serializer="raw", key_serializer="raw")
               for t in ("advance", "withdrawal", "deployment", "statement")}
articles_dlq = app.topic(topics.dlq(ARTICLES), value_serializer="raw", key_serializer="raw")


@app.agent(articles_topic)
async def extract_article_events(stream: faust.StreamT[bytes]) -> None:
    async for event in stream.events():
        message = event.message
        try:
            article = decode(Article, message.value)
            events = extract_events(article)
            places = extract_places(article)
        except RecordRejected as exc:
            await send_dead_letter(articles_dlq, message, exc.reason)
            log.warning("article rejected", offset=message.offset, reason=exc.reason)
            continue
        except Exception as exc:
            await send_dead_letter(articles_dlq, message, f"extraction failed: {type(exc).__name__}: {exc}")
            log.exception("extraction failed", offset=message.offset)
            continue
        for ev in events:
            key, value = event_key(ev).encode(), encode(ev)
            await events_topic.send(key=key, value=value)
            await type_topics[ev.type].send(key=key, value=value)
        await mentions_topic.send(
            key=article.id.encode(),
            value=encode(ArticlePlaces(article_id=article.id, source=article.source, url=article.url,
                                       title=article.title, text=article.text, places=places)),
        )
        log.info("article extracted", article=article.id, source=article.source, events=len(events), places=len(places))
