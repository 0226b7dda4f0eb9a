"""Round 5 generalisation cases: wire datelines, state-media euphemisms, naval forces, clause and list edges."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # "its troops" after a speaking body: the body's side, not the dateline's city.
    ("KYIV (AFP) - Russia's defence ministry said on Thursday that its troops had captured the town of Toretsk.",
     {("advance", "RUS", "Toretsk"), ("statement", "RUS", "Russia's defence ministry")}),
    # Regrouping to more favourable lines is a withdrawal.
    ("The grouping had earlier regrouped from the area south of Huliaipole to more favourable lines.",
     set()),
    ("Russian units regrouped from the floodplain near Kherson to more favourable lines.",
     {("withdrawal", "RUS", "Kherson")}),
    # "the departure of its units from X".
    ("Russia's defence ministry described the departure of its units from the Kharkiv region as a regrouping.",
     {("withdrawal", "RUS", "Kharkiv"), ("statement", "RUS", "Russia's defence ministry")}),
    # A "where" clause has its own modality: the plan in the main clause does not block it.
    ("Russian troops could try to push towards Kharkiv, where Moscow has massed some 50,000 soldiers.",
     {("deployment", "RUS", "Kharkiv")}),
    # Shells shipped are equipment deployed.
    ("Pyongyang has shipped more than 12 million artillery shells to Russia since 2023.",
     {("deployment", "PRK", "Russia")}),
    # Fleets and warships are forces.
    ("The Black Sea Fleet has relocated most of its submarines from Sevastopol to Odesa.",
     {("deployment", "RUS", "Odesa")}),
    ("Russian warships have largely pulled back from the coast near Odesa.", {("withdrawal", "RUS", "Odesa")}),
    # Crossing into a country from others: the country entered.
    ("On February 24, 2022, Russian columns crossed into Ukraine from Russia and Belarus.",
     {("advance", "RUS", "Ukraine")}),
    # Passive entry with its agent.
    ("The village of Kotlyne was entered by Russian infantry on Tuesday.", {("advance", "RUS", "Kotlyne")}),
    # A unit's members: "assault detachments of the 5th Combined Arms Army ... and advanced".
    ("According to him, assault detachments of the 5th Combined Arms Army broke through the enemy's defences north of "
     "Vremevka and advanced up to 3 kilometres.",
     {("advance", "RUS", "Vremevka")}),
    # Passive speech: the agent speaks; "the brigade said": the unit the sentence named.
    ("Russian claims that Kostiantynivka had been reached were denied by Ukraine's General Staff.",
     {("statement", "UKR", "Ukraine's General Staff")}),
    ("Positions near Toretsk were regained by Ukraine's 24th Mechanised Brigade, the brigade said in a video statement.",
     {("advance", "UKR", "Toretsk"), ("statement", "UKR", "Ukraine's 24th Mechanised Brigade")}),
    # A landmark after a direction word only locates the village before it.
    ("The village of Kotlyne, west of Pokrovsk, was entered by Russian infantry on Tuesday.",
     {("advance", "RUS", "Kotlyne")}),
    # "the fleet" after a country that only speaks is not that country's.
    ("Britain's Defence Intelligence said the fleet had transferred two corvettes to Sevastopol.",
     {("statement", "GBR", "Britain's Defence Intelligence")}),
    # Encyclopedia phrasing: an invasion of a country, crossing a border into a region, a country leaving a region.
    ("On 24 February 2022, Russia launched a full-scale invasion of Ukraine.", {("advance", "RUS", "Ukraine")}),
    ("In August 2024, Ukrainian forces crossed the border into Russia's Kursk Oblast.", {("advance", "UKR", "Kursk")}),
    ("Russia withdrew from the Kharkiv region at the end of March 2022.", {("withdrawal", "RUS", "Kharkiv")}),
    ("Russia withdrew from the Odesa agreement in July.", set()),
    # "our forces" and "we" in a quote are the speaker's side.
    ('"Our forces have liberated Kurakhove," Putin told a meeting of security officials.',
     {("advance", "RUS", "Kurakhove"), ("statement", "RUS", "Putin")}),
    ('"We have deployed additional brigades to Pokrovsk," Syrskyi wrote on Telegram.',
     {("deployment", "UKR", "Pokrovsk"), ("statement", "UKR", "Syrskyi")}),
    # "the X and Y regions": both; a side-less force opening a sentence is the force named before.
    ("Russian troops withdrew from Kyiv. They also pulled out of the Kharkiv and Donetsk regions in early April.",
     {("withdrawal", "RUS", "Kyiv"), ("withdrawal", "RUS", "Kharkiv"), ("withdrawal", "RUS", "Donetsk")}),
    ("Russian troops crossed into Ukraine. Airborne units seized the airfield near Kyiv on the first day.",
     {("advance", "RUS", "Ukraine"), ("advance", "RUS", "Kyiv")}),
    # ISW's "the Russian MoD claimed".
    ("The Russian MoD claimed on June 3 that Russian forces seized Kurakhove.",
     {("advance", "RUS", "Kurakhove"), ("statement", "RUS", "Russian MoD")}),
    # "the villages of A, B and C": each a settlement, known or not.
    ("Russia's defence ministry said its troops had captured the villages of Illinka and Dalne.",
     {("advance", "RUS", "Illinka"), ("advance", "RUS", "Dalne"), ("statement", "RUS", "Russia's defence ministry")}),
    # Forced back from a place: that place, not the region named before.
    ("In Kursk region, Ukrainian units were forced back from the village of Plekhovo.",
     {("withdrawal", "UKR", "Plekhovo")}),
    # A passive capture in a side's own report: that side's.
    ("Valery Gerasimov told Vladimir Putin that 1,100 square kilometres of the Kursk region had been retaken.",
     {("advance", "RUS", "Kursk"), ("statement", "RUS", "Valery Gerasimov")}),
    ("Syrskyi said reserves had been deployed to the Kharkiv axis.",
     {("deployment", "UKR", "Kharkiv"), ("statement", "UKR", "Syrskyi")}),
    # A nominal deployment without a place is nothing to report.
    ("The arrival of North Korean infantry mattered too.", set()),
    # "Town, Region": the town; a later coordinated verb keeps the town, not the region.
    ("Units of the Centre Battlegroup have fully liberated the town of Avdiivka, Donetsk People's Republic, and "
     "advanced up to 8.6 km in depth.",
     {("advance", "RUS", "Avdiivka")}),
    # A dateline is where the story was filed.
    ("MOSCOW/KYIV — Valery Gerasimov said North Korea had sent troops, a first confirmation.",
     {("deployment", "PRK", None), ("statement", "RUS", "Valery Gerasimov")}),
    # "villages ..., including A, B and C": each of them, known or not; a title ends such a list.
    ("Ukrainian forces liberated a string of villages along the river, including Robotyne, Neskuchne and Makarivka.",
     {("advance", "UKR", "Robotyne"), ("advance", "UKR", "Neskuchne"), ("advance", "UKR", "Makarivka")}),
    ("Poland has deployed 6,000 soldiers to flood-hit towns, including Nysa and Klodzko, Defence Minister Jan Kowal said.",
     {("deployment", "POL", None), ("statement", None, "Jan Kowal")}),  # the fake gazetteer knows neither town
    # An unnamed sender: the side of the units sent; a force after "since" is no object.
    ("The enemy has transferred up to two battalions of the 5th Combined Arms Army to the Kursk area.",
     {("deployment", "RUS", "Kursk")}),
    ("Near Toretsk the line has barely moved since Russian troops crossed the canal.", set()),
    # The spokesman, not the body before him.
    ("Kremlin spokesman Dmitry Peskov declined to comment, saying only that the military decides.",
     {("statement", "RUS", "Dmitry Peskov")}),
    # A spokesman for a body with a capitalised modifier speaks himself.
    ("Vladyslav Voloshyn, spokesman for the Southern Defence Forces, confirmed the withdrawal.",
     {("statement", "UKR", "Vladyslav Voloshyn"), ("withdrawal", "UKR", None)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_round5(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


def test_a_surname_introduced_earlier_speaks_alone() -> None:
    text = ("Major Taras Hordiienko, 34, commands an infantry battalion near Lyman. "
            "\"They came every night,\" Hordiienko said in an interview.")
    assert ("statement", None, "Hordiienko") in tuples(run(text)) or ("statement", "UKR", "Hordiienko") in tuples(run(text))
