"""Round 7 cases (from the styles of dev6: live blogs, staff reports, foreign deployments, speakers with long titles)."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # Euphemisms for a withdrawal.
    ("Ukraine has not confirmed the loss of Sudzha but says its troops moved to better positions.",
     {("withdrawal", "UKR", "Sudzha")}),
    ("Ukrainian units manoeuvred to more favourable positions near Sudzha, the general staff said.",
     {("withdrawal", "UKR", "Sudzha"), ("statement", None, "general staff")}),
    # A village the gazetteer lacks, left by a side: named right after the verb, with a toponym's ending.
    ("The occupiers left Hruzke under fire, abandoning two armoured vehicles.", {("withdrawal", "RUS", "Hruzke")}),
    ("Russian troops withdrew from Kotlyne overnight.", {("withdrawal", "RUS", "Kotlyne")}),
    ("The minister left Brussels on Monday.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round7(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Allies as agents, batteries as what is deployed, hyphenated and other deployment verbs.
    ("In Poland, the Netherlands forward-deployed two Patriot batteries to Lviv.", {("deployment", "NLD", "Lviv")}),
    ("Sweden sent a mechanised battalion to Kharkiv in January.", {("deployment", "SWE", "Kharkiv")}),
    ("Russian forces are accumulating forces near Kherson, the spokesman said.", {("deployment", "RUS", "Kherson")}),
    # After "that", the coordinated verb's subject is the clause's: not the speaker's forces before it.
    ("Ukrainian Southern Defense Forces spokesman Vladyslav Voloshyn stated that Russian forces are accumulating "
     "forces near Kherson and have transferred up to two regiments from the Kherson direction.",
     {("statement", "UKR", "Vladyslav Voloshyn"), ("deployment", "RUS", "Kherson")}),
    # Units whose side only the text's default gives do not override the subject's side.
    ("The brigade's commander says the Russians have moved units of the 7th Air Assault Division from the Kherson "
     "direction to Toretsk since the summer.", {("deployment", "RUS", "Toretsk")}),
])
def test_deployments(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A long title that is itself a body's name, then the person.
    ("Ukrainian Southern Defense Forces Spokesperson Colonel Vladyslav Voloshyn stated on September 16 that the "
     "line held.", {("statement", "UKR", "Vladyslav Voloshyn")}),
    # A unit named with its service.
    ("The Ukrainian 1st Corps of the National Guard stated on September 16 that the line held.",
     {("statement", "UKR", "National Guard")}),
    # A blog named after its descriptor; a participle of writing.
    ("The Russian military blog Rybar claimed Russian troops had also entered Kupiansk.",
     {("statement", "RUS", "Rybar"), ("advance", "RUS", "Kupiansk")}),
    ("In neighbouring Moldova, President Maia Sandu congratulated him, writing that the two countries advance together.",
     {("statement", "MDA", "Maia Sandu")}),
    # "the general staff" in lower case is a body, but not inside a title.
    ("In its morning update, the general staff said the line held.", {("statement", None, "general staff")}),
    ("Valery Gerasimov, Russia's chief of the general staff, told reporters the line held.",
     {("statement", "RUS", "Valery Gerasimov")}),
])
def test_speakers(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "around it": the place named before; the number belongs to its own clause.
    ("Ukraine has moved drone battalions into Kostiantynivka, while Russia has massed 45,000 troops around it.",
     {("deployment", "UKR", "Kostiantynivka"), ("deployment", "RUS", "Kostiantynivka")}),
    # An incursion: crossing the border in a region.
    ("On August 6, Ukrainian units crossed the border in the Kursk region.", {("advance", "UKR", "Kursk")}),
])
def test_places_of_deployments_and_incursions(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


def test_a_number_after_while_belongs_to_the_next_clause() -> None:
    events = run("Ukraine has moved drone battalions into Kostiantynivka, while Russia has massed 45,000 troops around it.")
    quantities = {e.actor.side: e.quantity.value if e.quantity else None for e in events}
    assert quantities == {"UKR": None, "RUS": 45000}


@pytest.mark.parametrize("text", [
    # Ordinary news that only looks like war news (from a review of this round's rules).
    "Ukrainian soldiers spotted a Russian drone over Kharkiv and captured it intact.",
    "Russia has accumulated gold reserves in Moscow.",
    "Poland shipped 200 batteries to Lviv hospitals after the blackout.",
    "She left Nokia in 2019 to join a startup.",
])
def test_no_event_in_ordinary_news(text: str) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement"} == set()


def test_a_past_withdrawal_with_a_future_consequence_is_an_event() -> None:
    text = "Ukraine's withdrawal from Avdiivka on Saturday will save lives, the army said."
    assert ("withdrawal", "UKR", "Avdiivka") in tuples(run(text))


def test_a_company_left_is_no_place() -> None:
    from services.extract.events import extract_places
    from tests.unit.extract_cases import article
    from tests.unit.fakes import FRONT

    assert [m.name for m in extract_places(article("She left Nokia in 2019 to join a startup."), FRONT)] == []
