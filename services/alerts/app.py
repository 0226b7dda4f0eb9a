"""The alerts service: events and place mentions in, webhook notifications out.

Run it with ``frontwatch run alerts``. Each record is matched against the
watchlists in Redis; each match becomes a notification whose id is fixed by
watchlist and story (or article, for mentions), delivered by webhook unless the
delivery ledger says it already was, then recorded on the ``alerts`` topic.
A record that cannot be decoded goes to its topic's ``.dlq`` with the reason.
"""

from __future__ import annotations

import faust
import httpx
import structlog
from redis.asyncio import Redis

from services.alerts.delivery import deliver
from services.alerts.matching import event_matches, event_notification, first_watched_mention, mention_notification
from services.alerts.settings import AlertsSettings
from services.alerts.store import CachedWatchlists, DeliveryLedger, WatchlistStore
from shared.codec import RecordRejected, decode, encode
from shared.faust_app import make_faust_app, send_dead_letter
from shared.schemas import ArticlePlaces, Event, Notification, Watchlist
from shared.topics import EVENTS, MENTIONS, TopicNames

log = structlog.get_logger("frontwatch.alerts")
settings = AlertsSettings()
topics = TopicNames.from_settings(settings)
app = make_faust_app("alerts", settings)

events_topic = app.topic(topics.events, value_serializer="raw", key_serializer="raw")
mentions_topic = app.topic(topics.mentions, value_serializer="raw", key_serializer="raw")
alerts_topic = app.topic(topics.alerts, value_serializer="raw", key_serializer="raw")
events_dlq = app.topic(topics.dlq(EVENTS), value_serializer="raw", key_serializer="raw")
mentions_dlq = app.topic(topics.dlq(MENTIONS), value_serializer="raw", key_serializer="raw")


class Resources:
    """Connections opened by the first agent that needs them (not at import, so tests can import the module)."""

    def __init__(self) -> None:
        self.redis = Redis.from_url(settings.redis_url)
        self.http = httpx.AsyncClient(timeout=settings.webhook_timeout_s, follow_redirects=False)
        self.watchlists = CachedWatchlists(WatchlistStore(self.redis, settings.topic_prefix), settings.watchlist_cache_s)
        self.ledger = DeliveryLedger(self.redis, settings.topic_prefix)


resources = Resources()


async def notify(watchlist: Watchlist, notification: Notification) -> None:
    if await resources.ledger.delivered(notification.id):
        return
    result = await deliver(resources.http, watchlist, notification,
                           attempts=settings.webhook_attempts, backoff_s=settings.webhook_backoff_s)
    if result.delivered:
        await resources.ledger.mark_delivered(notification.id, result.status_code or 0)
        await alerts_topic.send(key=watchlist.id.encode(), value=encode(notification))
        log.info("notification delivered", watchlist=watchlist.id, notification=notification.id, kind=notification.kind)
    else:
        log.warning("notification failed", watchlist=watchlist.id, notification=notification.id, error=result.error)


@app.agent(events_topic)
async def alert_on_events(stream: faust.StreamT[bytes]) -> None:
    async for record in stream.events():
        try:
            event = decode(Event, record.message.value)
        except RecordRejected as exc:
            await send_dead_letter(events_dlq, record.message, exc.reason)
            continue
        for watchlist in await resources.watchlists.get():
            if event_matches(watchlist, event):
                await notify(watchlist, event_notification(watchlist, event))


@app.agent(mentions_topic)
async def alert_on_mentions(stream: faust.StreamT[bytes]) -> None:
    async for record in stream.events():
        try:
            mentions = decode(ArticlePlaces, record.message.value)
        except RecordRejected as exc:
            await send_dead_letter(mentions_dlq, record.message, exc.reason)
            continue
        for watchlist in await resources.watchlists.get():
            mention = first_watched_mention(watchlist, mentions)
            if mention is not None:
                await notify(watchlist, mention_notification(watchlist, mentions, mention))
