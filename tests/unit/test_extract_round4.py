"""Round 4 generalisation cases: lists introduced by a colon, and other constructions of wire copy."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # A colon that introduces the villages taken names the event's places, unknown ones included.
    ("Russian troops had seized two more villages in eastern Ukraine: Novopustynka and Kurakhove.",
     {("advance", "RUS", "Novopustynka"), ("advance", "RUS", "Kurakhove")}),
    # A colon that opens a new clause does not.
    ("Russian troops captured Selydove: the Ukrainian command denied it.",
     {("advance", "RUS", "Selydove"), ("statement", "UKR", "Ukrainian command")}),
    # Speakers: a person before an apposition naming a body speaks, not the body.
    ("Gen. Oleksandr Tarnavskyi, commander of the Tavria group of forces, told reporters the line held.",
     {("statement", "UKR", "Oleksandr Tarnavskyi")}),
    # An abbreviation in brackets, a date with its day, a place inside a title.
    ("Moscow has moved more units to Kursk, Ukraine's military intelligence agency (HUR) said.",
     {("deployment", "RUS", "Kursk"), ("statement", "UKR", "Ukraine's military intelligence agency")}),
    ("The Russian Ministry of Defense (MoD) claimed on January 4 that Russian forces seized Selydove.",
     {("advance", "RUS", "Selydove"), ("statement", "RUS", "Russian Ministry of Defense")}),
    ("Acting Belgorod Governor Ivan Petrenko said two villages had been shelled.",
     {("statement", None, "Ivan Petrenko")}),
    # Companies named with a descriptor, the Bundeswehr, a named group of forces, a commission.
    ("Polish drone maker Skyforge said on Thursday it had withdrawn from the tender.",
     {("statement", "POL", "Skyforge")}),
    ("Germany has begun stationing soldiers in Poland, the Bundeswehr said.",
     {("deployment", "DEU", "Poland"), ("statement", "DEU", "Bundeswehr")}),
    ("The Tavria operational-strategic group announced that the assault had been stopped.",
     {("statement", None, "Tavria operational-strategic group")}),
    ("North Korea's Central Military Commission said in a statement that the units were ready.",
     {("statement", "PRK", "North Korea's Central Military Commission")}),
    # A lone word after a descriptor that is no organisation is no speaker.
    ("The prosecutor Smith said nothing.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round4(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
