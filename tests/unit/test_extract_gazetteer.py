"""Whole short articles in other outlets' styles, against the real gazetteer (skipped when it is absent)."""

from __future__ import annotations

import pytest

from services.extract.events import extract_events
from tests.unit.extract_cases import Expected, article, tuples

gazetteer = pytest.importorskip("shared.gazetteer")

STYLES: list[tuple[str, str, Expected]] = [
    ("state media",
     "Units of the Battlegroup West improved their tactical position near Kupyansk, the Russian Defense Ministry said.",
     {("advance", "RUS", "Kupiansk"), ("statement", "RUS", "Russian Defense Ministry")}),
    ("ukrainian outlet",
     "Ukrainian forces withdrew from the village of Lysivka to more favourable positions, spokesperson Viktor "
     "Trehubov told reporters.",
     {("withdrawal", "UKR", "Lysivka"), ("statement", "UKR", "Viktor Trehubov")}),
    ("encyclopedia",
     "Ukrainian forces withdrew from Avdiivka on 17 February 2024, and Russian troops took control of the city the same day.",
     {("withdrawal", "UKR", "Avdiivka"), ("advance", "RUS", "Avdiivka")}),
    ("wire",
     "Russia has deployed about 50,000 troops, including North Korean soldiers, to the Kursk region, "
     "U.S. and Ukrainian officials say.",
     {("deployment", "RUS", "Kursk Oblast"), ("deployment", "PRK", "Kursk Oblast")}),
    ("sport and business",
     "Shakhtar Donetsk advanced to the quarter-finals after a win over Dynamo Kyiv in Lviv. The energy company "
     "withdrew its bid for the Odesa port contract, and stock prices in Warsaw retreated.",
     set()),
]


@pytest.mark.parametrize(("style", "text", "expected"), STYLES, ids=[s[0] for s in STYLES])
def test_styles_with_real_gazetteer(style: str, text: str, expected: Expected) -> None:
    places = gazetteer.load_gazetteer()
    assert tuples(extract_events(article(text), places)) == expected
