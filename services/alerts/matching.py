"""Which watchlists an event or an article's place mentions concern, and the notifications they get.

Pure functions over the shared models: no Redis, no Kafka, no HTTP.
"""

from __future__ import annotations

import hashlib

from shared.schemas import ArticlePlaces, Event, Notification, Place, PlaceMention, Watchlist


def _name_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def watches_place(watchlist: Watchlist, place: Place) -> bool:
    """True if the watchlist names this place: by GeoNames id, or by name when ids are missing."""
    if place.geonameid is not None and place.geonameid in watchlist.place_ids:
        return True
    if watchlist.place_ids and place.geonameid is not None:
        return False
    return _name_key(place.name) in {_name_key(n) for n in watchlist.places}


def event_matches(watchlist: Watchlist, event: Event) -> bool:
    if watchlist.mode != "events":
        return False
    if watchlist.types and event.type not in watchlist.types:
        return False
    return event.location is not None and watches_place(watchlist, event.location)


def first_watched_mention(watchlist: Watchlist, mentions: ArticlePlaces) -> PlaceMention | None:
    """The first mention of a watched place in the article, for ``mentions`` watchlists."""
    if watchlist.mode != "mentions":
        return None
    return next((m for m in mentions.places if watches_place(watchlist, m)), None)


def notification_id(watchlist_id: str, subject: str) -> str:
    """One id per watchlist and story (or article, for mentions): the idempotency key."""
    return hashlib.sha256(f"{watchlist_id}|{subject}".encode()).hexdigest()[:24]


def event_notification(watchlist: Watchlist, event: Event) -> Notification:
    subject = f"story:{event.story_id}" if event.story_id else f"event:{event.id}"
    return Notification(
        id=notification_id(watchlist.id, subject), watchlist_id=watchlist.id, kind="event",
        article_id=event.article_id, source=event.source, url=event.url, place=event.location, event=event,
        evidence=event.evidence.sentence, story_id=event.story_id,
    )


def mention_notification(watchlist: Watchlist, mentions: ArticlePlaces, mention: PlaceMention) -> Notification:
    text = mention.text or mention.name
    return Notification(
        id=notification_id(watchlist.id, f"article:{mentions.article_id}"), watchlist_id=watchlist.id,
        kind="mention", article_id=mentions.article_id, source=mentions.source, url=mentions.url,
        title=mentions.title, place=Place(**mention.model_dump(exclude={"start", "end", "text"})),
        evidence=text,
    )
