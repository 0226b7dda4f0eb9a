"""Quantity parsing, and which number an event carries (never a population, distance from, year or loss)."""

from __future__ import annotations

import pytest

from services.extract.quantities import find_quantities, parse_quantity
from tests.unit.extract_cases import run

PARSE: list[tuple[str, tuple[float, str, str] | None]] = [
    ("more than 10,000 soldiers", (10000, "soldiers", "lower")),
    ("about 9 kilometres", (9, "km", "approximate")),
    ("15 pieces of hardware", (15, "pieces of hardware", "exact")),
    ("thousands of soldiers", (1000, "soldiers", "lower")),
    ("tens of thousands of troops", (10000, "troops", "lower")),
    ("approximately 11,000 North Korean troops", (11000, "troops", "approximate")),
    ("some 200 sq. miles", (200, "sq mi", "approximate")),
    ("up to 300 tanks", (300, "tanks", "upper")),
    ("a 50,000-strong force", (50000, "troops", "exact")),
    ("1.5 million troops", (1_500_000, "troops", "exact")),
    ("nearly 600 square kilometres", (600, "km2", "approximate")),
    ("at least two brigades", (2, "brigades", "lower")),
    ("dozens of armoured vehicles", (12, "armoured vehicles", "lower")),
    ("a pre-war population of 26,000", None),
    ("2.5 km (1.5 miles) from the front line", None),
    ("six miles from the border", None),
    ("in 2022", None),
    ("on December 16", None),
    ("1,500 soldiers killed", None),
    ("an average of 1,500 soldiers a day", None),
    ("300 soldiers were killed", None),
    ("the population has dwindled to 3,000 people", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE, ids=[p[0] for p in PARSE])
def test_parse_quantity(text: str, expected: tuple[float, str, str] | None) -> None:
    q = parse_quantity(text)
    if expected is None:
        assert q is None
    else:
        assert q is not None
        assert (q.value, q.unit, q.bound) == expected


def test_quantity_text_is_as_written() -> None:
    [mention] = find_quantities("Russia sent more than 10,000 soldiers to the front.")
    assert mention.quantity.text == "more than 10,000 soldiers"
    assert mention.kind == "troops"


ATTACHED: list[tuple[str, tuple[float, str] | None]] = [
    ("More than 10,000 North Korean soldiers were transferred to the Kursk region.", (10000, "soldiers")),
    ("Russian troops advanced about 9 kilometres toward Pokrovsk.", (9, "km")),
    ("Kupiansk, with a pre-war population of 26,000, was captured by Russian forces.", None),
    ("Russian forces captured Toretsk, now 2.5 km from the front line.", None),
    ("Ukrainian forces captured some 1,000 square kilometres of the Kursk region in August 2024.", (1000, "km2")),
    ("Russia lost 1,500 soldiers a day as its troops advanced near Pokrovsk.", None),
]


@pytest.mark.parametrize(("text", "expected"), ATTACHED, ids=[a[0][:50] for a in ATTACHED])
def test_event_quantity(text: str, expected: tuple[float, str] | None) -> None:
    [event] = [e for e in run(text) if e.type != "statement"]
    if expected is None:
        assert event.quantity is None
    else:
        assert event.quantity is not None
        assert (event.quantity.value, event.quantity.unit) == expected
