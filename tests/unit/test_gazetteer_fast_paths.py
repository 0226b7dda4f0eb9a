"""The gazetteer's fast paths give what the plain code they replace gives, to the last bit.

Each shortcut in the scanner and the resolver (haversine terms computed once, candidates that cannot
win left unmeasured, cheap tests before regexes, the pydantic validator called directly) is compared
here with the straightforward version, on random and on real inputs.
"""

from __future__ import annotations

import math
import random
import re
import sys

import pytest

from shared.gazetteer import Gazetteer, load_gazetteer
from shared.gazetteer.gazetteer import _mention
from shared.gazetteer.matcher import NameHit, _previous_word, _word_ending
from shared.gazetteer.normalise import _TABLE
from shared.gazetteer.resolver import (
    _DEMONYM_BEFORE,
    _DEMONYM_LAST_WORD,
    DISTANCE_SCALE_KM,
    MAX_DISTANCE_PENALTY,
    MENTIONED_COUNTRY_BONUS,
    MENTIONED_REGION_BONUS,
    PRIMARY_NAME_BONUS,
    Mention,
    _distance_km,
    _nearest_km,
    _Point,
)
from shared.schemas import PlaceMention


def _seeded(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - reproducible test inputs, not secrets


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _point(lat: float, lon: float | None) -> _Point:
    return _Point(math.radians(lat), math.cos(math.radians(lat)), lon)


def test_nearest_is_the_smallest_haversine_to_the_bit() -> None:
    rnd = _seeded(7)
    for _ in range(20_000):
        lat, lon = rnd.uniform(-90, 90), rnd.uniform(-180, 180)
        points: list[tuple[float, float | None]] = [
            (rnd.uniform(-90, 90), rnd.uniform(-180, 180)) for _ in range(rnd.randint(1, 12))
        ]
        if rnd.random() < 0.3:  # near ties: the same place, places a few metres apart
            points += [(lat, lon), (lat + rnd.uniform(-1e-4, 1e-4), lon + rnd.uniform(-1e-4, 1e-4))]
        if rnd.random() < 0.1:
            points.append((lat, None))
        expected = min(_distance_km(lat, lon, p, q) for p, q in points)
        assert _nearest_km(lat, lon, [_point(p, q) for p, q in points]) == expected


def test_nearest_of_points_without_longitude_is_infinite() -> None:
    assert _nearest_km(48.0, 37.0, [_point(50.0, None)]) == math.inf


def _best_reference(
    gazetteer: Gazetteer, mention: Mention, points: list[tuple[float, float | None]], countries: set[str | None],
    regions: set[tuple[str | None, str | None]],
) -> int:
    """``ContextResolver._best`` as it was: every candidate scored in order, the first of the highest kept."""
    resolver = gazetteer._resolver
    best_index, best_score = mention.candidates[0][0], -math.inf
    for index, primary in mention.candidates:
        entry = resolver.entry(index)
        score = entry.prior() + (PRIMARY_NAME_BONUS if primary else 0.0)
        if entry.country in countries:
            score += MENTIONED_COUNTRY_BONUS
        if primary and (entry.country, entry.admin1_code) in regions:
            score += MENTIONED_REGION_BONUS
        if points and entry.lat is not None and entry.lon is not None:
            nearest = min(_distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in points)
            score -= min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def test_best_candidate_is_the_one_every_candidate_scored_gives(gazetteer: Gazetteer) -> None:
    resolver = gazetteer._resolver
    rnd = _seeded(11)
    size = gazetteer.size
    with_points = [i for i in range(size) if resolver.entry(i).lat is not None]
    for _ in range(5_000):
        # Candidates of one name are often copies of one another (same prior, same place): ties matter.
        pool = rnd.sample(range(size), 3) + rnd.sample(with_points, 3)
        candidates = [(rnd.choice(pool), rnd.random() < 0.6) for _ in range(rnd.randint(1, 8))]
        anchors = [resolver.entry(i) for i in rnd.sample(with_points, rnd.randint(0, 10))]
        points = [(e.lat, e.lon) for e in anchors if e.lat is not None]
        countries = {resolver.entry(i).country for i, _ in rnd.sample(candidates, min(2, len(candidates)))}
        regions = {(e.country, e.admin1_code) for e in anchors[:2]}
        hit = NameHit(0, 1, "x", "x", candidates)
        expected = _best_reference(gazetteer, Mention(hit, candidates), points, countries, regions)
        fast_points = [_point(lat, lon) for lat, lon in points if lat is not None]
        assert resolver._best(Mention(hit, candidates), fast_points, countries, regions) == expected


def test_demonym_window_test_never_drops_a_window_the_search_finds() -> None:
    rnd = _seeded(3)
    words = ["the", "Russian", "UKRAINIAN", "polish", "border", "frontline", "front-line", "city", "Town", "VILLAGE",
             "settlement", "ſettlement", "cıty", "region", "oblast", "port", "sport", "capital", "of", "Of", "in", "(", "ı"]
    separators = [" ", "  ", "\n", "\t", " \n", "\xa0", "\u2003", "\x1c", ",", ""]
    found = 0
    for _ in range(100_000):
        window = "".join(rnd.choice(words) + rnd.choice(separators) for _ in range(rnd.randint(1, 6)))[rnd.randint(0, 3):]
        if _DEMONYM_BEFORE.search(window):
            found += 1
            last = window.rsplit(None, 1)
            assert last and _DEMONYM_LAST_WORD.fullmatch(last[-1]), window
    assert found > 1_000


def _word_ending_reference(text: str, end: int) -> str:
    if end > 0 and text[end - 1] == ".":
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


def _previous_word_reference(text: str, start: int) -> str:
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return "" if end == start else _word_ending_reference(text, end)


def test_previous_word_is_the_letters_before_as_step_by_step() -> None:
    rnd = _seeded(5)
    # (Long words, words without a space before them, letters next to digits and numbers that are not letters.)
    pieces = ["Gen.", "President", "km²", "x" * 45, "Донбас", " ", "  ", "\n", "\xa0", ".", "(", "-", "7", "ǅ", "é"]
    for _ in range(50_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) + "Kyiv"
        start = len(text) - 4
        assert _previous_word(text, start) == _previous_word_reference(text, start)
        assert _word_ending(text, start) == _word_ending_reference(text, start)


def test_the_fold_table_has_every_character_it_covers() -> None:
    # (A character missing from a ``str.translate`` table costs a KeyError: the table maps the rest to themselves.)
    assert set(_TABLE) == set(range(0x2C00))
    assert all(len(value) == 1 for value in _TABLE.values())


def test_a_mention_is_the_model_its_constructor_makes(gazetteer: Gazetteer) -> None:
    text = "Russian troops near Kupiansk and Pokrovsk, Donetsk region; Moscow said. Україна"
    for hit, entry in gazetteer._resolver.resolve(text, gazetteer._index.scan(text)):
        made = _mention(hit, entry)
        expected = PlaceMention(
            name=entry.name, geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon, country=entry.country,
            admin1=entry.admin1, kind=entry.kind, start=hit.start, end=hit.end, text=hit.surface,
        )
        assert made == expected
        assert made.model_fields_set == expected.model_fields_set
        assert made.model_dump_json() == expected.model_dump_json()


def test_spaces_of_regexes_are_those_of_str() -> None:
    # The scanner and the demonym test stand ``str.isspace`` (and ``str.rsplit()``) in for ``\s`` before a regex.
    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        char = chr(cp)
        assert bool(space.match(char)) == char.isspace() == (len(("a" + char + "b").split()) == 2), hex(cp)
