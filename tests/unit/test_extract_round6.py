"""Round 6 generalisation cases: a regime or a leader as the subject, passive withdrawals with their agent."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # A side named by a noun, then a verb: the noun is the subject, not a modifier of the forces.
    ("Earlier, the Kiev regime transferred two brigades from the Zaporizhzhia region to Toretsk.",
     {("deployment", "UKR", "Toretsk")}),
    ("The Kyiv regime has moved fresh units to Pokrovsk, the ministry said.",
     {("deployment", "UKR", "Pokrovsk")}),
    ("Kadyrov deployed two battalions to the Kursk region in August.", {("deployment", "RUS", "Kursk")}),
    # After an adjective the same word is a participle: a phrase, and no deployment without a place.
    ("Russian mobilised troops made up most of the assault groups.", set()),
    # Abandoned by its defenders: a withdrawal of the agent's side, at the place before.
    ("Lyman itself was abandoned by Ukrainian forces on 1 October.", {("withdrawal", "UKR", "Lyman")}),
    ("Siversk, abandoned by Ukrainian troops in July, is now a ruin.", {("withdrawal", "UKR", "Siversk")}),
    # Not abandoned by anyone: no event.
    ("Plans to storm Kupiansk were abandoned by the Russian command.", set()),
    # Where troops came from is not where they were deployed: the sentence's other place is.
    ("Near Pokrovsk, Russia has redeployed airborne units from Kherson.", {("deployment", "RUS", "Pokrovsk")}),
    # "a small village called X" introduces the village that "the village" means later.
    ("Ukrainian troops pulled back from a small village called Novoselivka, south of Kostiantynivka. "
     "Fighting continued near Toretsk. They left the village on Sunday night, the brigade said.",
     {("withdrawal", "UKR", "Novoselivka")}),
    # Speakers: a relative "who said", a verb coordinated across a quoted word, a lone organisation's name.
    ("Moscow has massed troops near Kupiansk, according to Ukraine's top commander, Oleksandr Syrskyi, "
     "who said the attacks had intensified.",
     {("deployment", "RUS", "Kupiansk"), ("statement", "UKR", "Oleksandr Syrskyi")}),
    ("Analyst Ivan Petrenko called the retreat \"orderly\" and said more troops were needed.",
     {("statement", None, "Ivan Petrenko")}),
    ("Naftogaz reported a net loss for the third quarter.", {("statement", None, "Naftogaz")}),
    # Plural nouns and unnamed bodies opening a sentence name nobody.
    ("Police said two people were injured.", set()),
    ("Residents said the town was quiet.", set()),
    # Scare quotes around the other side's words are read through.
    ("The Russian Defence Ministry claimed its forces had \"liberated\" Kupiansk in what it calls the \"Kharkov region\".",
     {("advance", "RUS", "Kupiansk"), ("statement", "RUS", "Russian Defence Ministry")}),
    ("Russia's Defence Ministry claimed that Pokrovsk had been “fully liberated” by units of its Center group.",
     {("advance", "RUS", "Pokrovsk"), ("statement", "RUS", "Russia's Defence Ministry")}),
    # Positions in the plural are ground left; "captured it" takes the place named before.
    ("AFU units abandoned their strongholds near Kupiansk.", {("withdrawal", "UKR", "Kupiansk")}),
    ("The brigade of the Russian Pacific Fleet attacked Lyman and captured it after two weeks.",
     {("advance", "RUS", "Lyman")}),
    ("Russia captured it.", set()),
    # An event noun that is the subject of a modal is a hypothetical.
    ("Kremlin spokesman Dmitry Peskov said that a Ukrainian withdrawal from the rest of the Donbas "
     "\"would be the best option\" for Kyiv.",
     {("statement", "RUS", "Dmitry Peskov")}),
    # Rotating units in and flying forces in are deployments; "it" is the speaking body.
    ("The United States rotated a fresh armoured brigade into Poland in May.", {("deployment", "USA", "Poland")}),
    ("Russian naval infantry were rotated out.", set()),
    ("Ukraine's military intelligence agency said it had flown special forces into the Pokrovsk area by helicopter.",
     {("deployment", "UKR", "Pokrovsk"), ("statement", "UKR", "Ukraine's military intelligence agency")}),
    ("The Russian Defence Ministry said it had moved to Kupiansk.", {("statement", "RUS", "Russian Defence Ministry")}),
    # "it said": the body that spoke last, whose side the passive deployment takes.
    ("Ukraine's General Staff said the troops were ordered out of Siversk. "
     "Reinforcements have been sent to the new line near Lyman, it said.",
     {("statement", "UKR", "Ukraine's General Staff"), ("deployment", "UKR", "Lyman")}),
    # "its Vostok group" is a Russian force; "the same units" are that force.
    ("Russia's Defence Ministry claimed that Kupiansk had been fully liberated by units of its Vostok group, "
     "and that the same units had also captured the nearby village of Lyman.",
     {("statement", "RUS", "Russia's Defence Ministry"), ("advance", "RUS", "Kupiansk"), ("advance", "RUS", "Lyman")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round6(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


def test_a_statement_keeps_the_scare_quotes_of_what_was_said() -> None:
    text = 'Ukraine\'s General Staff said Moscow was "inventing victories" ahead of the talks near Kupiansk.'
    (statement,) = [e for e in run(text) if e.type == "statement"]
    assert statement.content == 'Moscow was "inventing victories" ahead of the talks near Kupiansk'
    assert statement.evidence.sentence == text


def test_a_quotation_before_the_name_does_not_give_the_speaker_a_side() -> None:
    text = "Klaus Zellmer runs the Czech carmaker. \"We have left the Russian market for good,\" Zellmer said."
    assert ("statement", None, "Zellmer") in tuples(run(text))


@pytest.mark.parametrize(("text", "expected"), [
    # A dateline's country is where the story was filed; rescuers and evacuated people are no forces.
    ("KHERSON, Ukraine - Rescuers deployed boats and helicopters on Wednesday to evacuate residents.", set()),
    ("Governor Oleksandr Prokudin said about 1,500 people had been moved from the flooded districts of Kherson.",
     {("statement", "UKR", "Oleksandr Prokudin")}),
    # A speaker's side comes from his title, not from a clause before it; a title before a comma still counts.
    ("Troops arrived in Kursk, where Ukraine has held ground since August, lawmaker Lee Seong-kweun told reporters.",
     {("statement", None, "Lee Seong-kweun")}),
    ("The Kremlin's spokesman, Dmitry Peskov, said the talks had failed.", {("statement", "RUS", "Dmitry Peskov")}),
])
def test_non_military_and_speaker_sides(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
