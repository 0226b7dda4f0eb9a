"""Numbered and named units as actors and speakers: their side from their name, a qualifier, or the article's voice."""

from __future__ import annotations

import pytest

from services.extract.actors import find_units
from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # Ukraine numbers its "separate", mechanized, assault and air assault brigades.
    ("Soldiers of the 92nd Separate Assault Brigade retook Kurakhove after a week of street fighting.",
     {("advance", "UKR", "Kurakhove")}),
    ("The 24th mechanised brigade pulled back from Toretsk overnight.", {("withdrawal", "UKR", "Toretsk")}),
    ("Paratroopers of the 79th air assault brigade entered Selydove.", {("advance", "UKR", "Selydove")}),
    # Russia's Guards units, motor rifle formations and combined arms armies.
    ("Units of the 8th Guards Combined Arms Army advanced toward Toretsk.", {("advance", "RUS", "Toretsk")}),
    ("The 20th Motor Rifle Division captured Krasnohorivka, according to the Russian Defense Ministry.",
     {("advance", "RUS", "Krasnohorivka"), ("statement", "RUS", "Russian Defense Ministry")}),
    ("Elements of the 76th Guards Air Assault Division were moved to the Kursk region.",
     {("deployment", "RUS", "Kursk")}),
    # A qualifier before or after the unit wins over anything else.
    ("Russia's 155th brigade was transferred to the Kursk region.", {("deployment", "RUS", "Kursk")}),
    ("The 36th brigade of the Armed Forces of Ukraine withdrew from Robotyne.", {("withdrawal", "UKR", "Robotyne")}),
    # No cue at all: English copy names Ukrainian brigades bare.
    ("Marines of the 155th brigade were transferred to the Kursk region.", {("deployment", "UKR", "Kursk")}),
    ("The Defense Forces liberated Robotyne.", {("advance", "UKR", "Robotyne")}),
    # A unit speaks under its own name.
    ("The 3rd Separate Assault Brigade said its soldiers had pushed Russian units out of Novoselivka.",
     {("statement", "UKR", "3rd Separate Assault Brigade"), ("advance", "UKR", "Novoselivka"),
      ("withdrawal", "RUS", "Novoselivka")}),
    ("Ukrainian forces have regained control of Robotyne, according to the 3rd Army Corps.",
     {("advance", "UKR", "Robotyne"), ("statement", None, "3rd Army Corps")}),
    # Ordinals that are no unit.
    ("For the 3rd time this year, the army's budget was cut.", set()),
    ("The 2nd round of talks in Lviv ended without a deal.", set()),
]


# Bodies that speak after an auxiliary, "Ukraine's military", areas taken, "left" that is no leaving.
MORE_CASES: list[tuple[str, Expected]] = [
    ("The Kremlin has denied sending troops to Belarus.", {("statement", "RUS", "Kremlin")}),
    ("Poland's Foreign Ministry has repeatedly denied the report.", {("statement", "POL", "Poland's Foreign Ministry")}),
    ("Ukraine's military said it had shot down 40 drones overnight.", {("statement", "UKR", "Ukraine's military")}),
    ("Russian military bloggers said the assault had stalled.", set()),
    ("Russian forces have gained 450 square kilometres since the start of the month.", {("advance", "RUS", None)}),
    ("Ukrainian marines held positions on the left bank of the Dnipro near Kherson.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES + MORE_CASES, ids=[c[0][:50] for c in CASES + MORE_CASES])
def test_units(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


def test_bare_unit_in_russian_state_media_is_russian() -> None:
    text = ("Units of the AFU were pushed back near Kupiansk, the ministry said. "
            "The 1st Slavic brigade entered Kupiansk on Tuesday.")
    assert ("advance", "RUS", "Kupiansk") in tuples(run(text))


@pytest.mark.parametrize(("sentence", "name", "sides"), [
    ("the 47th Separate Mechanized Brigade said", "the 47th Separate Mechanized Brigade", ("UKR",)),
    ("fighters of the 1st Guards Tank Army advanced", "fighters of the 1st Guards Tank Army", ("RUS",)),
    ("Ukraine's 155th brigade", "Ukraine's 155th brigade", ("UKR",)),
    ("the 155th brigade", "the 155th brigade", ()),
    ("the Third Assault Brigade", "the Third Assault Brigade", ("UKR",)),
])
def test_find_units(sentence: str, name: str, sides: tuple[str, ...]) -> None:
    (unit,) = find_units(sentence)
    assert (unit.text, unit.sides) == (name, sides)
