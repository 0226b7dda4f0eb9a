"""Round 2 of generalisation: unlisted villages after capture verbs, "cleared", commands, outlets."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

EVENTS: list[tuple[str, Expected]] = [
    # Capitalised names right after a capture verb are places, gazetteer or not.
    ("Russian forces captured Lastochkyne, Sieverne and Tonenke.",
     {("advance", "RUS", "Lastochkyne"), ("advance", "RUS", "Sieverne"), ("advance", "RUS", "Tonenke")}),
    ("Ukrainian troops regained control of Myrove after a week of fighting.", {("advance", "UKR", "Myrove")}),
    ("Russian troops stormed Zhelanne Druhe at dawn.", {("advance", "RUS", "Zhelanne Druhe")}),
    ("Russian units pushed into Vilkhuvatka on Tuesday.", {("advance", "RUS", "Vilkhuvatka")}),
    # "cleared": the place is the object, or follows "from".
    ("Ukrainian troops cleared the village of Radkivka.", {("advance", "UKR", "Radkivka")}),
    ("Ukrainian paratroopers cleared Russian troops from the village of Oleshnia.", {("advance", "UKR", "Oleshnia")}),
    ("Ukrainian marines cleared Kindrashivka overnight.", {("advance", "UKR", "Kindrashivka")}),
    # A command sends forces.
    ("The Russian command has massed up to 2,000 soldiers near Kupiansk.", {("deployment", "RUS", "Kupiansk")}),
    ("Ukrainian commanders sent reinforcements to Kostiantynivka.", {("deployment", "UKR", "Kostiantynivka")}),
    # Curated villages beat a city that once bore the name.
    ("Russian forces liberated Novooleksandrivka.", {("advance", "RUS", "Novooleksandrivka")}),
    ("Ukrainian troops liberated Vysokopillia in September 2022.", {("advance", "UKR", "Vysokopillia")}),
]

# Must yield no military event.
NOTHING: list[str] = [
    "Russian forces aim to capture Lastochkyne and Sieverne.",
    "Russian troops could enter Vilkhuvatka within days.",
    "The company cleared customs in Odesa on Monday.",
    "Ukraine cleared the area of mines after the floods.",
    "The club captured Champions League glory in Madrid.",
    "Investors captured Gazprom shares at a discount.",
    "Russian forces did not capture Sieverne.",
    "Russian forces shelled Tonenke and struck Vilkhuvatka overnight.",
    "Metinvest cleared the site near Zaporizhzhia for a new plant.",
]

# Outlets that carry a report are not its speakers.
STATEMENTS: list[tuple[str, set[str]]] = [
    ("The General Staff said 142 clashes took place, Ukrinform reports.", {"General Staff"}),
    ("Ukrainian forces repelled 20 attacks, Ukrainska Pravda reports.", set()),
    ("Viktor Trehubov told Reuters the situation was difficult.", {"Viktor Trehubov"}),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS, ids=[t[0][:50] for t in EVENTS])
def test_events(text: str, expected: Expected) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement"} == expected


@pytest.mark.parametrize("text", NOTHING, ids=[t[:50] for t in NOTHING])
def test_nothing(text: str) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement"} == set()


@pytest.mark.parametrize(("text", "speakers"), STATEMENTS, ids=[t[0][:50] for t in STATEMENTS])
def test_outlets_are_not_speakers(text: str, speakers: set[str]) -> None:
    assert {e.speaker for e in run(text) if e.type == "statement"} == speakers
