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
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round4(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
