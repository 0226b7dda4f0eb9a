"""Round 3 generalisation cases: coordinated triggers, same-sentence "they", attack-only verbs, statements."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # A dateline before the subject is not the subject of a coordinated verb.
    ("KYIV, April 2 (Reuters) - Russian forces gained ground near Toretsk in eastern Ukraine and pushed into "
     "Pokrovsk, officials said.",
     {("advance", "RUS", "Toretsk"), ("advance", "RUS", "Pokrovsk")}),
    # "then" after a new subject does not make the verb coordinated with the first subject.
    ("Russian forces gained ground near Toretsk and Ukrainian troops then pushed into Pokrovsk.",
     {("advance", "RUS", "Toretsk"), ("advance", "UKR", "Pokrovsk")}),
    # "they" takes the force named earlier in the same sentence, before earlier sentences.
    ("Ukrainian forces held the line near Kharkiv. Russian troops have captured Selydove, and last month they "
     "stormed Kurakhove.",
     {("advance", "RUS", "Selydove"), ("advance", "RUS", "Kurakhove")}),
    # Pushing the enemy back: the enemy withdraws; the subject's advance is not asserted.
    ("Ukrainian forces pushed Russian troops back near Myrnohrad.", {("withdrawal", "RUS", "Myrnohrad")}),
    ("Ukrainian forces pushed Russian troops out of Myrnohrad.",
     {("advance", "UKR", "Myrnohrad"), ("withdrawal", "RUS", "Myrnohrad")}),
    # A second goal of the same verb.
    ("Russian forces recently advanced in western Toretsk and into central Myrnohrad.",
     {("advance", "RUS", "Toretsk"), ("advance", "RUS", "Myrnohrad")}),
    ("Russian troops entered Toretsk and in Pokrovsk Ukrainian forces advanced.",
     {("advance", "RUS", "Toretsk"), ("advance", "UKR", "Pokrovsk")}),
    # Unit phrases as the deployed object.
    ("Russia deployed elements of the 76th Guards Air Assault Division to Kursk.", {("deployment", "RUS", "Kursk")}),
    # Attacks alone are no advance.
    ("Russian forces launched an assault on Siversk.", set()),
    ("Russian troops attacked Toretsk overnight.", set()),
    ("Russia stepped up attacks near Kostiantynivka.", set()),
    ("Russian forces conducted offensive operations near Lyman.", set()),
    ("Russian troops increased pressure on Pokrovsk.", set()),
    ("Russian troops stormed Ukrainian positions near Lyman.", set()),
    ("Russian forces made no gains near Lyman.", set()),
    # Hedged assessments are no event.
    ("Russian forces appear to have advanced near Lyman.", set()),
    ("Russian forces are believed to have captured Lyman.", set()),
    ("It remains unclear whether Russian troops entered Lyman.", set()),
    # "the village" anaphora: the place introduced as a village, not the landmark named after it.
    ("Russian forces captured Selydove near Pokrovsk. Russian troops entered the village on Monday.",
     {("advance", "RUS", "Selydove")}),
    ("Russian forces captured the village of Novoselivka near the city of Pokrovsk. Ukrainian troops left the "
     "village on Monday.",
     {("advance", "RUS", "Novoselivka"), ("withdrawal", "UKR", "Novoselivka")}),
    # Background in a relative clause keeps its own side and place.
    ("Ukrainian soldiers pushed into Kupiansk, which Russia captured in 2022.",
     {("advance", "UKR", "Kupiansk"), ("advance", "RUS", "Kupiansk")}),
    ("Ukrainian troops retook Lyman, which Russian forces had attacked for months.", {("advance", "UKR", "Lyman")}),
    # Statements: coordinated speech verb, country possessive titles, multi-word country titles.
    ("Kremlin spokesman Dmitry Peskov dismissed the sanctions as illegal and said they would not change course.",
     {("statement", "RUS", "Dmitry Peskov")}),
    ("Hungary's Foreign Minister Peter Szijjarto said the bloc had agreed.",
     {("statement", "HUN", "Peter Szijjarto")}),
    ("United States President Donald Trump said he would meet Vladimir Putin soon.",
     {("statement", "USA", "Donald Trump")}),
    ("French President Emmanuel Macron backed the plan, while Italy's Giorgia Meloni said Rome would not send troops.",
     {("statement", "ITA", "Giorgia Meloni")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round3(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


@pytest.mark.parametrize("text", [
    "Unconfirmed reports claimed that Russian troops had entered Lyman.",
    "Russia's Defense Ministry claimed without evidence that its forces had captured Lyman.",
])
def test_claims_are_hedged(text: str) -> None:
    adv = [e for e in run(text) if e.type == "advance"]
    assert adv and all(e.hedged for e in adv)
