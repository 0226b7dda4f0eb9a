"""What must yield no military event: plans, conditionals, negations, assessments, attacks, other news."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

NOTHING: list[str] = [
    # Forecasts, plans and conditionals.
    "Russian forces could capture Pokrovsk within weeks.",
    "If Ukrainian troops withdraw from Kurakhove, the road to Zaporizhzhia will open.",
    "Russia plans to deploy more troops to Belarus next year.",
    "Moscow is preparing to launch an offensive on Zaporizhzhia.",
    "Ukrainian forces are expected to retreat from Toretsk.",
    "The Kremlin would send troops to Belarus if NATO moved closer.",
    "A Russian push toward Kupiansk is anticipated in the coming days.",
    "Ukrainian troops are trying to break through toward Sudzha.",
    "Will Russian troops enter Kharkiv this year?",
    "Russian commanders intend to seize Chasiv Yar before winter.",
    # Negations and failures.
    "Russian troops did not advance near Toretsk on Sunday.",
    "Russian troops have failed to capture Chasiv Yar.",
    "Ukrainian forces never withdrew from Vovchansk.",
    "Ukrainian units were unable to hold Vuhledar.",
    # Hedged assessments.
    "Russian troops likely took control of Novoselivka.",
    "Ukraine is considering withdrawing from Avdiivka.",
    "Russian forces appear to have entered Toretsk.",
    "Russian units may have reached the outskirts of Pokrovsk.",
    # Attacks alone.
    "Russian forces attacked Ukrainian positions near Chasiv Yar.",
    "Russian artillery shelled Kharkiv overnight.",
    "Russian drones struck Odesa, killing two people.",
    "Ukrainian troops repelled 15 attacks near Pokrovsk.",
    "Russia keeps up the pressure on Kupiansk.",
    # Non-military news with the same verbs.
    "Barcelona advanced to the final after beating Madrid.",
    "The company withdrew its bid for the Berlin contract.",
    "The bill was withdrawn from parliament in London.",
    "Stock prices retreated in Paris on Monday.",
    "Troops of scouts entered the park in London on Sunday.",
    "The government withdrew its proposal after protests in Kyiv.",
    "Police deployed officers to the main square in Berlin.",
    "The striker captured the title with Barcelona and left Madrid in June.",
    "Russia withdrew from the arms control treaty in Moscow last year.",
    "Ukraine's team reached the semi-final in Paris.",
    "The firm sent a letter to investors in London.",
    "The band took the stage in Kyiv and entered the charts in Poland.",
    # Idioms: no place is taken.
    "Russian troops have seized the initiative along the front.",
    "Ukrainian forces captured 12 Russian soldiers near Kupiansk.",
    "Russian troops reached an agreement on a local ceasefire.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:50] for t in NOTHING])
def test_no_military_event(text: str) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement"} == set()


WITH_STATEMENT_ONLY: list[tuple[str, Expected]] = [
    ("Moscow denied that its forces had captured Kupiansk.", set()),
    ("The Russian army may have entered Toretsk, the ISW said.", {("statement", None, "ISW")}),
    ("Peskov denied that Russian troops had withdrawn from Kherson.", {("statement", "RUS", "Peskov")}),
    ("Analysts said Russian troops appeared to be advancing slowly.", set()),
]


@pytest.mark.parametrize(("text", "expected"), WITH_STATEMENT_ONLY, ids=[c[0][:50] for c in WITH_STATEMENT_ONLY])
def test_only_the_statement(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
