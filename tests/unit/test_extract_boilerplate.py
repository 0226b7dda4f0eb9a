"""Page furniture yields no events or place mentions; sentences split where they should."""

from __future__ import annotations

import pytest

from services.extract.boilerplate import body_blocks, is_furniture_line
from services.extract.events import extract_events, extract_places
from services.extract.sentences import split_sentences
from tests.unit.extract_cases import article
from tests.unit.fakes import FRONT

FURNITURE = [
    "HomeWorldEuropeRussian troops enter Pokrovsk",
    "Home » News » Russian troops enter Pokrovsk",
    "RELATED ARTICLES",
    "Most Popular",
    "Read more: Russian forces captured Avdiivka",
    "Subscribe to our newsletter",
    "Previous articleRussian troops captured Bakhmut",
    "Next article How Kyiv rebuilt its power grid",
    "Russian T-90 tank near Avdiivka. Source: Russian media",
    "Destroyed bridge near Kupiansk. Photo: Reuters",
    "Share this article",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "Russian troops captured Avdiivka, the ministry said.",
    "The source of the shelling was not identified.",
    "At a Glance",
])
def test_body_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture_line(line)


PAGE = """HomeWorldEuropeRussian troops enter Pokrovsk

Russian troops enter Pokrovsk

Russian forces captured Selydove on Monday, the Russian Defence Ministry said.

Russian T-90 tank near Avdiivka. Source: Russian media

RELATED ARTICLES
Russian troops captured Bakhmut
Most Popular
Sources:
  1. Ukrainian troops withdraw from Vuhledar: officials
  2. Russia seizes Kurakhove, says ministry
Previous articleRussian forces seized Toretsk
Next articleWhy Kharkiv matters
"""


def test_furniture_yields_no_events() -> None:
    events = extract_events(article(PAGE), FRONT)
    assert {(e.type, e.location.name if e.location else e.speaker) for e in events} == {
        ("advance", "Selydove"),
        ("statement", "Russian Defence Ministry"),
    }


def test_furniture_yields_no_place_mentions() -> None:
    names = {m.name for m in extract_places(article(PAGE), FRONT)}
    assert names == {"Pokrovsk", "Selydove"}


def test_place_offsets_point_into_the_text() -> None:
    a = article(PAGE)
    for m in extract_places(a, FRONT):
        assert a.text[m.start:m.end] == m.text


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = "Russian troops advanced toward the\ntown of Pokrovsk on Monday, officials said.\n\nNext paragraph here."
    blocks = body_blocks(text)
    assert [(text[b.start:b.end], b.heading) for b in blocks] == [
        ("Russian troops advanced toward the\ntown of Pokrovsk on Monday, officials said.", False),
        ("Next paragraph here.", False),
    ]


def test_headline_is_a_heading_and_yields_no_event() -> None:
    text = "North Korean Troops Join Russian Forces in Kursk\nKYIV - Fighting continued on Monday."
    assert [b.heading for b in body_blocks(text)] == [True, False]
    assert extract_events(article(text), FRONT) == []


SPLITS: list[tuple[str, list[str]]] = [
    ("Gen. Valery Gerasimov said the U.S. Army had moved. The troops left.",
     ["Gen. Valery Gerasimov said the U.S. Army had moved.", "The troops left."]),
    ("Lt. Col. Andriy Kovalenko spoke at 9 a.m. on Monday. Nothing else happened.",
     ["Lt. Col. Andriy Kovalenko spoke at 9 a.m. on Monday.", "Nothing else happened."]),
    ("He met President Vladimir V. Putin in St. Petersburg. Talks ended.",
     ["He met President Vladimir V. Putin in St. Petersburg.", "Talks ended."]),
    ("The unit held 200 sq. miles of land. It then withdrew 5 km. The rest stayed.",
     ["The unit held 200 sq. miles of land.", "It then withdrew 5 km.", "The rest stayed."]),
    ("“We are holding,” he said. “They are not.” Then silence.",
     ["“We are holding,” he said.", "“They are not.”", "Then silence."]),
    ("Sanctions came from the U.S. The Kremlin shrugged.",
     ["Sanctions came from the U.S.", "The Kremlin shrugged."]),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start:s.end] == s.text
