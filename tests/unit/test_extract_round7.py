"""Round 7 cases (from the styles of dev6: live blogs, staff reports, foreign deployments, speakers with long titles)."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # Euphemisms for a withdrawal.
    ("Ukraine has not confirmed the loss of Sudzha but says its troops moved to better positions.",
     {("withdrawal", "UKR", "Sudzha")}),
    ("Ukrainian units manoeuvred to more favourable positions near Sudzha, the general staff said.",
     {("withdrawal", "UKR", "Sudzha")}),
    # A village the gazetteer lacks, left by a side: named right after the verb, with a toponym's ending.
    ("The occupiers left Hruzke under fire, abandoning two armoured vehicles.", {("withdrawal", "RUS", "Hruzke")}),
    ("Russian troops withdrew from Kotlyne overnight.", {("withdrawal", "RUS", "Kotlyne")}),
    ("The minister left Brussels on Monday.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round7(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
