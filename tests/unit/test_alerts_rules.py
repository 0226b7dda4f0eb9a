"""Watchlist rules an analyst writes: keyword expressions, geofences and filters."""

from __future__ import annotations

import pytest

from services.alerts.keywords import KeywordSyntaxError, keywords_match, parse_keywords
from services.alerts.matching import event_matches, first_watched_mention, watches_place
from shared.schemas import Actor, ArticlePlaces, Event, Evidence, Geofence, Place, PlaceMention, Watchlist

TEXT = "Armoured vehicles and tanks moved towards the city at dawn, while artillery shelled the outskirts."


@pytest.mark.parametrize(
    ("expression", "matches"),
    [
        ("tanks", True),
        ("tank", False),  # whole words only
        ("TANKS", True),
        ('"armoured vehicles"', True),
        ('"vehicles armoured"', False),
        ("tanks AND artillery", True),
        ("tanks artillery", True),  # adjacent terms: AND
        ("tanks AND drones", False),
        ("drones OR artillery", True),
        ("tanks NOT drill", True),
        ("tanks AND NOT artillery", False),
        ('(drones OR "armoured vehicles") AND dawn', True),
        ("NOT (tanks OR drones)", False),
    ],
)
def test_keyword_expressions(expression: str, matches: bool) -> None:
    assert keywords_match(expression, TEXT) is matches


@pytest.mark.parametrize("expression", ["", "tanks AND", "(tanks OR drones", "OR tanks", 'tanks ""', "tanks )"])
def test_malformed_keyword_expressions_are_refused(expression: str) -> None:
    with pytest.raises(KeywordSyntaxError):
        parse_keywords(expression)


POKROVSK = Place(name="Pokrovsk", geonameid=1, lat=48.282, lon=37.176, country="UA")
NEAR = Place(name="Myrnohrad", geonameid=2, lat=48.302, lon=37.262, country="UA")  # ~7 km east
FAR = Place(name="Kramatorsk", geonameid=3, lat=48.723, lon=37.556, country="UA")  # ~57 km north
POKROVSK_RU = Place(name="Pokrovsk", geonameid=4, lat=61.48, lon=129.15, country="RU")
FENCE = Geofence(lat=POKROVSK.lat, lon=POKROVSK.lon, radius_km=25)  # type: ignore[arg-type]


def _wl(**kw: object) -> Watchlist:
    return Watchlist(id="w", webhook="http://127.0.0.1:9/h", **kw)  # type: ignore[arg-type]


def _event(place: Place | None, **kw: object) -> Event:
    fields: dict[str, object] = {"id": "e", "article_id": "a", "source": "s", "type": "advance", "actor": Actor(side="RUS"),
                                 "location": place, "evidence": Evidence(sentence="Troops took the tanks.", start=0, end=5),
                                 "confidence": 0.8, "extractor_version": "t"}
    fields.update(kw)
    return Event.model_validate(fields)


def test_geofence_matches_within_the_radius_only_and_never_the_namesake_far_away() -> None:
    fenced = _wl(geofence=FENCE, mode="events")
    assert watches_place(fenced, POKROVSK) and watches_place(fenced, NEAR)
    assert not watches_place(fenced, FAR)
    assert not watches_place(fenced, POKROVSK_RU)
    assert not watches_place(fenced, Place(name="Ukraine", lat=48.3, lon=37.2, kind="country"))


def test_event_filters_types_sides_confidence_and_hedging() -> None:
    base = {"mode": "events", "place_ids": [1]}
    assert event_matches(_wl(**base), _event(POKROVSK))
    assert not event_matches(_wl(**base, types=["withdrawal"]), _event(POKROVSK))
    assert not event_matches(_wl(**base, sides=["UKR"]), _event(POKROVSK))
    assert event_matches(_wl(**base, sides=["RUS"]), _event(POKROVSK))
    assert not event_matches(_wl(**base, min_confidence=0.9), _event(POKROVSK))
    assert not event_matches(_wl(**base, exclude_hedged=True), _event(POKROVSK, hedged=True))
    assert event_matches(_wl(**base, keywords="tanks"), _event(POKROVSK))
    assert not event_matches(_wl(**base, keywords="drones"), _event(POKROVSK))


def test_mention_keywords_look_at_the_article_text() -> None:
    article = ArticlePlaces(article_id="a", source="s", text=TEXT,
                            places=[PlaceMention(**POKROVSK.model_dump(), start=0, end=8)])
    assert first_watched_mention(_wl(place_ids=[1], keywords="tanks"), article) is not None
    assert first_watched_mention(_wl(place_ids=[1], keywords="drones"), article) is None
