"""Advances, withdrawals and deployments: who acts (any naming, passive voice, "the troops") and where."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # Plain active voice, several namings of each side.
    ("Russian forces captured the village of Novoselivka in the Donetsk region.",
     {("advance", "RUS", "Novoselivka")}),
    ("The Russian Armed Forces liberated Selydove.", {("advance", "RUS", "Selydove")}),
    ("Units of the Battlegroup Centre liberated the settlement of Krasnohorivka.",
     {("advance", "RUS", "Krasnohorivka")}),
    ("Ukrainian defenders retook Robotyne after weeks of heavy fighting.", {("advance", "UKR", "Robotyne")}),
    ("Moscow's forces pushed into the outskirts of Toretsk.", {("advance", "RUS", "Toretsk")}),
    ("Putin's troops stormed Avdiivka at dawn.", {("advance", "RUS", "Avdiivka")}),
    ("The VDV entered Vovchansk from the north.", {("advance", "RUS", "Vovchansk")}),
    ("Wagner fighters seized Bakhmut after a months-long battle.", {("advance", "RUS", "Bakhmut")}),
    ("The Russians advanced two kilometres toward Pokrovsk.", {("advance", "RUS", "Pokrovsk")}),
    ("Russian and North Korean troops recaptured Sudzha.",
     {("advance", "RUS", "Sudzha"), ("advance", "PRK", "Sudzha")}),
    ("Russia captured Avdiivka in February 2024.", {("advance", "RUS", "Avdiivka")}),
    ("Ukraine launched an incursion into the Kursk region in August 2024.", {("advance", "UKR", "Kursk")}),
    ("Units of the Battlegroup West improved their tactical position near Lyman.", {("advance", "RUS", "Lyman")}),
    # Withdrawals.
    ("The AFU withdrew from Vuhledar to avoid encirclement.", {("withdrawal", "UKR", "Vuhledar")}),
    ("Kyiv's forces pulled out of Avdiivka overnight.", {("withdrawal", "UKR", "Avdiivka")}),
    ("The Ukrainians abandoned their positions near Selydove.", {("withdrawal", "UKR", "Selydove")}),
    ("Ukrainian formations retreated from Krasnohorivka after suffering heavy losses.",
     {("withdrawal", "UKR", "Krasnohorivka")}),
    ("ZSU units fell back to new lines west of Kurakhove.", {("withdrawal", "UKR", "Kurakhove")}),
    # Passive voice: the agent after "by", the place before.
    ("Avdiivka was captured by Russian troops after a four-month siege.", {("advance", "RUS", "Avdiivka")}),
    ("Kherson was retaken by Ukraine in a counteroffensive.", {("advance", "UKR", "Kherson")}),
    ("Bakhmut fell to Wagner mercenaries.", {("advance", "RUS", "Bakhmut")}),
    ("Russian troops attacked near Chasiv Yar but were repelled.", {("withdrawal", "RUS", "Chasiv Yar")}),
    ("Russian paratroopers were forced back from the outskirts of Vovchansk.",
     {("withdrawal", "RUS", "Vovchansk")}),
    ("The Kiev regime's militants were driven out of Novoselivka.", {("withdrawal", "UKR", "Novoselivka")}),
    ("The occupiers were pushed back from Huliaipole.", {("withdrawal", "RUS", "Huliaipole")}),
    # One sentence, two events: one side pushes, the other gives way.
    ("Ukrainian forces pushed Russian troops out of Robotyne.",
     {("advance", "UKR", "Robotyne"), ("withdrawal", "RUS", "Robotyne")}),
    ("Russian assault groups broke through near Pokrovsk, forcing Ukrainian troops to retreat.",
     {("advance", "RUS", "Pokrovsk"), ("withdrawal", "UKR", "Pokrovsk")}),
    ("Russian troops reached the edge of Kurakhove while Ukrainian units began to leave the town.",
     {("advance", "RUS", "Kurakhove"), ("withdrawal", "UKR", "Kurakhove")}),
    # Coreference: "the troops", "they", "the town" refer back.
    ("Russian troops pressed on toward Kurakhove. The troops entered the town on Tuesday.",
     {("advance", "RUS", "Kurakhove")}),
    ("Russian units attacked Chasiv Yar from three directions. They gained a foothold in the eastern district.",
     {("advance", "RUS", "Chasiv Yar")}),
    ("Fighting raged around Toretsk on Monday. Ukrainian troops withdrew from several positions.",
     {("withdrawal", "UKR", "Toretsk")}),
    # Deployments: the deployed troops' side, not the sender's, when they differ.
    ("Pyongyang has sent more than 10,000 troops to Russia.", {("deployment", "PRK", "Russia")}),
    ("The Kremlin has deployed thousands of reservists to Belgorod.", {("deployment", "RUS", "Belgorod")}),
    ("DPRK servicemen joined the fighting in the Kursk region.", {("deployment", "PRK", "Kursk")}),
    ("North Korean soldiers were transferred to the Kursk region.", {("deployment", "PRK", "Kursk")}),
    ("Russia has recruited thousands of North Korean soldiers to fight in Ukraine.",
     {("deployment", "PRK", "Ukraine")}),
    ("Russian forces, backed by North Korean troops, attacked near Sudzha.", {("deployment", "PRK", "Sudzha")}),
    ("Kyiv says Russia is massing troops near Kharkiv.", {("deployment", "RUS", "Kharkiv")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_military_events(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
