"""Date expressions resolved against the publication date, and the date an event carries."""

from __future__ import annotations

from datetime import date

import pytest

from services.extract.dates import resolve_date
from tests.unit.extract_cases import run

FRIDAY = date(2024, 11, 15)

RESOLVE: list[tuple[str, date | None, tuple[date, str] | None]] = [
    ("on Wednesday", FRIDAY, (date(2024, 11, 13), "day")),
    ("on Friday", FRIDAY, (date(2024, 11, 15), "day")),
    ("on Saturday", FRIDAY, (date(2024, 11, 9), "day")),
    ("on December 16", date(2024, 12, 20), (date(2024, 12, 16), "day")),
    ("on December 16", date(2025, 1, 5), (date(2024, 12, 16), "day")),
    ("on 3 March", FRIDAY, (date(2024, 3, 3), "day")),
    ("in September 2022", None, (date(2022, 9, 1), "month")),
    ("its February 2022 invasion", None, (date(2022, 2, 1), "month")),
    ("in September", FRIDAY, (date(2024, 9, 1), "month")),
    ("in December", FRIDAY, (date(2023, 12, 1), "month")),
    ("last summer", FRIDAY, (date(2024, 6, 1), "season")),
    ("last summer", date(2024, 7, 10), (date(2023, 6, 1), "season")),
    ("in the summer of 2023", None, (date(2023, 6, 1), "season")),
    ("in 2022", None, (date(2022, 1, 1), "year")),
    ("yesterday", FRIDAY, (date(2024, 11, 14), "day")),
    ("earlier this month", FRIDAY, (date(2024, 11, 1), "month")),
    # Weeks: the Monday that starts the week meant, with week precision.
    ("last week", FRIDAY, (date(2024, 11, 4), "week")),
    ("this week", FRIDAY, (date(2024, 11, 11), "week")),
    ("earlier this week", FRIDAY, (date(2024, 11, 11), "week")),
    ("in the past week", FRIDAY, (date(2024, 11, 8), "week")),
    ("next week", FRIDAY, None),
    ("last month", FRIDAY, (date(2024, 10, 1), "month")),
    ("on Wednesday", None, None),
    ("last summer", None, None),
    ("in recent weeks", FRIDAY, None),
    ("they may advance", FRIDAY, None),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVE, ids=[f"{r[0]}@{r[1]}" for r in RESOLVE])
def test_resolve_date(text: str, published: date | None, expected: tuple[date, str] | None) -> None:
    occurred = resolve_date(text, published)
    if expected is None:
        assert occurred is None
    else:
        assert occurred is not None
        assert (occurred.date, occurred.precision) == expected


def test_event_date_resolved_against_publication() -> None:
    [event] = run("Russian forces captured Selydove on Wednesday.", FRIDAY)
    assert event.occurred is not None
    assert (event.occurred.date, event.occurred.precision, event.occurred.text) == (date(2024, 11, 13), "day", "on Wednesday")
    assert event.published == FRIDAY


def test_no_anchor_no_relative_date() -> None:
    [event] = run("Russian forces captured Selydove on Wednesday.")
    assert event.occurred is None


def test_season_precision() -> None:
    [event] = run("Ukrainian forces swept into the Kursk region last summer.", FRIDAY)
    assert event.occurred is not None
    assert (event.occurred.date, event.occurred.precision) == (date(2024, 6, 1), "season")


def test_no_date_expression() -> None:
    [event] = run("Russian forces captured Selydove.", FRIDAY)
    assert event.occurred is None


def test_each_listed_place_takes_its_own_date() -> None:
    events = run("Ukrainian troops liberated Kupiansk on Wednesday and Vovchansk on Friday.", FRIDAY)
    dates = {e.location.canonical or e.location.name: e.occurred.date for e in events if e.location and e.occurred}
    assert dates == {"Kupiansk": date(2024, 11, 13), "Vovchansk": date(2024, 11, 15)}


def test_an_event_last_week_has_week_precision() -> None:
    (event,) = run("Russian forces captured Pokrovsk last week.", FRIDAY)
    assert event.occurred is not None and (event.occurred.date, event.occurred.precision) == (date(2024, 11, 4), "week")


def test_a_date_said_later_is_no_listed_place_s_own() -> None:
    events = run("On Monday, Russian forces captured Pokrovsk and Kurakhove, a spokesman said on Friday.", FRIDAY)
    assert {e.occurred.date for e in events if e.occurred} == {date(2024, 11, 11)}
