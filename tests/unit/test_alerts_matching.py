"""Which watchlists fire, and with which idempotency key."""

from __future__ import annotations

from services.alerts.matching import (
    event_matches,
    event_notification,
    first_watched_mention,
    mention_notification,
    watches_place,
)
from shared.schemas import Actor, ArticlePlaces, Event, Evidence, Place, PlaceMention, Watchlist

KUPIANSK = Place(name="Kupiansk", geonameid=1, lat=49.7, lon=37.6, country="UA")
POKROVSK = Place(name="Pokrovsk", geonameid=2, lat=48.3, lon=37.2, country="UA")


def _watchlist(mode: str = "mentions", **kw: object) -> Watchlist:
    return Watchlist(id="w1", places=["Kupyansk"], place_ids=[1], webhook="http://127.0.0.1:9/h", mode=mode, **kw)  # type: ignore[arg-type]


def _event(place: Place | None, story: str | None = None, etype: str = "advance") -> Event:
    return Event(id="e1", article_id="a1", source="s.txt", type=etype, actor=Actor(side="RUS"), location=place,  # type: ignore[arg-type]
                 evidence=Evidence(sentence="Troops entered Kupiansk.", start=0, end=24), confidence=0.9,
                 extractor_version="t", story_id=story)


def _mentions(*places: Place, article: str = "a1") -> ArticlePlaces:
    return ArticlePlaces(article_id=article, source=f"{article}.txt",
                         places=[PlaceMention(**p.model_dump(), start=0, end=3, text=p.name) for p in places])


def test_a_place_is_matched_by_gazetteer_id_whatever_the_spelling() -> None:
    assert watches_place(_watchlist(), KUPIANSK.model_copy(update={"name": "Куп'янськ"}))
    assert not watches_place(_watchlist(), POKROVSK)


def test_mentions_watchlist_fires_once_per_article_mentioning_the_place() -> None:
    w = _watchlist()
    assert first_watched_mention(w, _mentions(POKROVSK, KUPIANSK)) is not None
    assert first_watched_mention(w, _mentions(POKROVSK)) is None
    a = mention_notification(w, _mentions(KUPIANSK), first_watched_mention(w, _mentions(KUPIANSK)))  # type: ignore[arg-type]
    b = mention_notification(w, _mentions(KUPIANSK, KUPIANSK), first_watched_mention(w, _mentions(KUPIANSK)))  # type: ignore[arg-type]
    c = mention_notification(w, _mentions(KUPIANSK, article="a2"), first_watched_mention(w, _mentions(KUPIANSK)))  # type: ignore[arg-type]
    assert a.id == b.id != c.id


def test_events_watchlist_filters_by_type_and_folds_a_story_into_one_notification() -> None:
    w = _watchlist(mode="events", types=["advance"])
    assert event_matches(w, _event(KUPIANSK))
    assert not event_matches(w, _event(KUPIANSK, etype="withdrawal"))
    assert not event_matches(w, _event(None))
    assert not event_matches(_watchlist(), _event(KUPIANSK))  # a mentions watchlist is fed by mentions
    first = event_notification(w, _event(KUPIANSK, story="s1"))
    again = event_notification(w, _event(KUPIANSK, story="s1").model_copy(update={"id": "e2", "article_id": "a9"}))
    assert first.id == again.id
