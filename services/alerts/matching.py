"""Which watchlists an event or an article's place mentions concern, and the notifications they get.

Pure functions over the shared models: no Redis, no Kafka, no HTTP.
"""

from __future__ import annotations

import hashlib

from services.alerts.keywords import keywords_match
from shared.places import distance_km
from shared.schemas import ArticlePlaces, Event, Notification, Place, PlaceMention, Watchlist


def _name_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def watches_place(watchlist: Watchlist, place: Place) -> bool:
    """True if the place is one the watchlist names (by GeoNames id, else by name) or lies inside its geofence."""
    if place.geonameid is not None and place.geonameid in watchlist.place_ids:
        return True
    fence = watchlist.geofence
    if fence is not None and distance_km(place, Place(name="centre", lat=fence.lat, lon=fence.lon)) <= fence.radius_km:
        # A country or region "inside" a small circle is not news about that circle.
        return place.kind in ("city", "feature")
    if place.geonameid is None and watchlist.places:
        return _name_key(place.name) in {_name_key(n) for n in watchlist.places}
    return False


def event_matches(watchlist: Watchlist, event: Event) -> bool:
    """An ``events`` watchlist's filters, all of which must hold."""
    if watchlist.mode != "events":
        return False
    if watchlist.types and event.type not in watchlist.types:
        return False
    if watchlist.sides and (event.actor.side or "") not in watchlist.sides:
        return False
    if event.confidence < watchlist.min_confidence or (watchlist.exclude_hedged and event.hedged):
        return False
    if watchlist.keywords and not keywords_match(watchlist.keywords, f"{event.evidence.sentence}\n{event.content or ''}"):
        return False
    if not watchlist.place_ids and watchlist.geofence is None and not watchlist.places:
        return True  # no place given: every place
    return event.location is not None and watches_place(watchlist, event.location)


def first_watched_mention(watchlist: Watchlist, mentions: ArticlePlaces) -> PlaceMention | None:
    """The first mention of a watched place in the article, for ``mentions`` watchlists."""
    if watchlist.mode != "mentions":
        return None
    if watchlist.keywords and not keywords_match(watchlist.keywords, mentions.text or ""):
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


def _sentence_around(text: str | None, start: int, end: int) -> str | None:
    if not text:
        return None
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 : right].strip()


def mention_notification(watchlist: Watchlist, mentions: ArticlePlaces, mention: PlaceMention) -> Notification:
    return Notification(
        id=notification_id(watchlist.id, f"article:{mentions.article_id}"), watchlist_id=watchlist.id,
        kind="mention", article_id=mentions.article_id, source=mentions.source, url=mentions.url,
        title=mentions.title, place=Place(**mention.model_dump(exclude={"start", "end", "text"})),
        evidence=_sentence_around(mentions.text, mention.start, mention.end) or mention.text or mention.name,
    )
