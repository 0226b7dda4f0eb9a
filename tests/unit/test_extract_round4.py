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
    # Speakers: a person before an apposition naming a body speaks, not the body.
    ("Gen. Oleksandr Tarnavskyi, commander of the Tavria group of forces, told reporters the line held.",
     {("statement", "UKR", "Oleksandr Tarnavskyi")}),
    # An abbreviation in brackets, a date with its day, a place inside a title.
    ("Moscow has moved more units to Kursk, Ukraine's military intelligence agency (HUR) said.",
     {("deployment", "RUS", "Kursk"), ("statement", "UKR", "Ukraine's military intelligence agency")}),
    ("The Russian Ministry of Defense (MoD) claimed on January 4 that Russian forces seized Selydove.",
     {("advance", "RUS", "Selydove"), ("statement", "RUS", "Russian Ministry of Defense")}),
    ("Acting Belgorod Governor Ivan Petrenko said two villages had been shelled.",
     {("statement", None, "Ivan Petrenko")}),
    # Companies named with a descriptor, the Bundeswehr, a named group of forces, a commission.
    ("Polish drone maker Skyforge said on Thursday it had withdrawn from the tender.",
     {("statement", "POL", "Skyforge")}),
    ("Germany has begun stationing soldiers in Poland, the Bundeswehr said.",
     {("deployment", "DEU", "Poland"), ("statement", "DEU", "Bundeswehr")}),
    ("The Tavria operational-strategic group announced that the assault had been stopped.",
     {("statement", None, "Tavria operational-strategic group")}),
    ("North Korea's Central Military Commission said in a statement that the units were ready.",
     {("statement", "PRK", "North Korea's Central Military Commission")}),
    # Nominal captures: the subject of "completed", the claimant of "claimed", the agent after "by".
    ("Units of Battlegroup Center have completed the liberation of the town of Selydove.",
     {("advance", "RUS", "Selydove")}),
    ("Russia's Defense Ministry claimed the capture of Novoselivka, a village in the Zaporizhzhia region.",
     {("advance", "RUS", "Novoselivka"), ("statement", "RUS", "Russia's Defense Ministry")}),
    ("Avdiivka was besieged for months. It ended with the capture of the city by Russian troops.",
     {("advance", "RUS", "Avdiivka")}),
    # Deployments: the destination after "to", not the origin; "near the border" is the side's own.
    ("Moscow has since transferred units from occupied parts of Zaporizhzhia and Kherson to Kursk.",
     {("deployment", "RUS", "Kursk")}),
    ("In the north, Belarus has massed troops near the border.", {("deployment", "BLR", "Belarus")}),
    # A "where" clause happens at its antecedent, unless the clause names its own place.
    ("In Russia's Kursk region, where Ukrainian troops seized territory last August, Russian forces recaptured Sudzha.",
     {("advance", "UKR", "Kursk"), ("advance", "RUS", "Sudzha")}),
    ("Fighting goes on in the Donetsk region, where Russian forces have advanced towards Pokrovsk.",
     {("advance", "RUS", "Pokrovsk")}),
    # A settlement the gazetteer lacks, named after a locative word.
    ("The AFU were forced back from positions near Kotlino, west of Pokrovsk.", {("withdrawal", "UKR", "Kotlino")}),
    # "his troops": the side named with the person; "the army" of a third country named in the sentence.
    ("Russia's top general said that his troops had captured the city of Kupiansk.", {("advance", "RUS", "Kupiansk")}),
    ("In Poland, the army has mobilised more than 1,000 troops near Lviv.", {("deployment", "POL", "Lviv")}),
    # Infiltration groups are forces; a place inside the speaker's name is not where it happened.
    ("Kupiansk is contested. Ukraine's General Staff said Russian infiltration groups had been pushed back from "
     "several neighbourhoods of the city.",
     {("withdrawal", "RUS", "Kupiansk"), ("statement", "UKR", "Ukraine's General Staff")}),
    # ", leaving ...": a result, not a departure.
    ("Russian troops captured Vuhledar, leaving a single road from Kurakhove under fire.", {("advance", "RUS", "Vuhledar")}),
    ("Russian troops captured Selydove, leaving Ukrainian units in Kurakhove nearly surrounded.",
     {("advance", "RUS", "Selydove")}),
    # A body's kind between its name and the verb.
    ("At 08:40 the DeepState monitoring project posted that Russians had advanced in Toretsk.",
     {("advance", "RUS", "Toretsk"), ("statement", "UKR", "DeepState")}),
    # "it" after a body that speaks is that body; ", adding" belongs to whoever said.
    ("Russia's Defence Ministry said it had captured Selydove.",
     {("advance", "RUS", "Selydove"), ("statement", "RUS", "Russia's Defence Ministry")}),
    ("The company said it had withdrawn from Kharkiv.", set()),
    ("The Russian army entered Kupiansk on Tuesday, the governor said, adding that residents were leaving.",
     {("advance", "RUS", "Kupiansk")}),
    # A lone word after a descriptor that is no organisation is no speaker.
    ("The prosecutor Smith said nothing.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round4(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
