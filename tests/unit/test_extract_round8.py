"""Round 8: who "the enemy" and "our defenders" are without a voice elsewhere, and bodies named "X of Y's Z"."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # "the enemy" of the one side the sentence names.
    ("Ukrainian forces pushed the enemy back from the outskirts of Vovchansk.",
     {("advance", "UKR", "Vovchansk"), ("withdrawal", "RUS", "Vovchansk")}),
    ("Russian troops drove the enemy out of Kurakhove.",
     {("advance", "RUS", "Kurakhove"), ("withdrawal", "UKR", "Kurakhove")}),
    ("Ukraine's general staff said the enemy retreated from Vovchansk.",
     {("statement", "UKR", "Ukraine's general staff"), ("withdrawal", "RUS", "Vovchansk")}),
    # The narrator's "our" in copy that speaks of "the occupiers".
    ("Our defenders pushed the occupiers back from Vovchansk.",
     {("advance", "UKR", "Vovchansk"), ("withdrawal", "RUS", "Vovchansk")}),
    ("Our defenders pushed the Russians back from the outskirts of Vovchansk.",
     {("advance", "UKR", "Vovchansk"), ("withdrawal", "RUS", "Vovchansk")}),
    # A unit named after its country's service.
    ("The US Army's 3rd Infantry Division deployed to Poland in a rotation.", {("deployment", "USA", "Poland")}),
    ("The Russian army's 25th Combined Arms Army advanced near Kupiansk.", {("advance", "RUS", "Kupiansk")}),
    # The staff of a force speaks, not the force.
    ("The General Staff of Ukraine's Armed Forces said 42 clashes took place.",
     {("statement", "UKR", "General Staff of Ukraine's Armed Forces")}),
    # Other wars: their sides by the adjective.
    ("Sudanese troops were sent to the Kursk region.", {("deployment", "SDN", "Kursk")}),
    ("Israeli troops withdrew from Lebanon.", {("withdrawal", "ISR", None)}),
    # Two sides named: "the enemy" stays unknown, and no side is guessed.
    ("Russian and Ukrainian officials said the enemy advanced near Pokrovsk.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round8(text: str, expected: Expected) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement" or expected} == expected
