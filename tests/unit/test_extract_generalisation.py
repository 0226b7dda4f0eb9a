"""Rules that carry the extractor beyond the seed articles: other outlets' styles, lists, destinations."""

from __future__ import annotations

import pytest

from services.extract.quantities import find_quantities
from tests.unit.extract_cases import Expected, run, tuples

# Deployments: many verbs, and the place is where the forces go, not where they come from.
DEPLOYMENTS: list[tuple[str, Expected]] = [
    ("Russia has been massing troops near Kupiansk.", {("deployment", "RUS", "Kupiansk")}),
    ("Moscow massed troops near Vovchansk over the past week.", {("deployment", "RUS", "Vovchansk")}),
    ("Kyiv moved reserves to Pokrovsk.", {("deployment", "UKR", "Pokrovsk")}),
    ("Russia redeployed units to Zaporizhzhia after the offensive stalled.", {("deployment", "RUS", "Zaporizhzhia")}),
    ("Ukraine transferred the 82nd Brigade from Kramatorsk to Pokrovsk.", {("deployment", "UKR", "Pokrovsk")}),
    ("Several Russian brigades were transferred from Zaporizhzhia to the Kursk region.",
     {("deployment", "RUS", "Kursk")}),
    ("North Korea sent troops from Pyongyang to Kursk.", {("deployment", "PRK", "Kursk")}),
    ("Russian marines were moved from the Kursk region to Toretsk.", {("deployment", "RUS", "Toretsk")}),
    ("Additional Russian units were relocated to the Kursk region.", {("deployment", "RUS", "Kursk")}),
    ("Russian troops and North Korean soldiers were stationed near Sudzha.",
     {("deployment", "RUS", "Sudzha"), ("deployment", "PRK", "Sudzha")}),
    ("The Russians brought in reinforcements near Vovchansk.", {("deployment", "RUS", "Vovchansk")}),
    ("Russian reserves arrived in Pokrovsk.", {("deployment", "RUS", "Pokrovsk")}),
    ("Belarusian troops were dispatched to the Kharkiv region.", {("deployment", "BLR", "Kharkiv")}),
]

# Places: the village the sentence names beats its region, even one the gazetteer lacks.
PLACES: list[tuple[str, Expected]] = [
    ("Units of the Battlegroup Centre liberated the settlement of Kotlyarovka in the Donetsk region.",
     {("advance", "RUS", "Kotlyarovka")}),
    ("The Russian Armed Forces liberated the village of Pishchane near Kupiansk.", {("advance", "RUS", "Pishchane")}),
    ("Ukrainian forces regained control of the community of Novoselivka.", {("advance", "UKR", "Novoselivka")}),
    ("Russian troops have freed the settlement of Pogrebki in the Kursk region.", {("advance", "RUS", "Pogrebki")}),
    # Cyrillic names inside English copy.
    ("Russian forces entered Котлине overnight.", {("advance", "RUS", "Котлине")}),
    ("Ukrainian units withdrew from Удачне after heavy shelling.", {("withdrawal", "UKR", "Удачне")}),
]

# Coordinated places: one event per place; a region after a city only qualifies it.
LISTS: list[tuple[str, Expected]] = [
    ("In September 2022 Ukrainian forces recaptured Kupiansk, Lyman and Vovchansk.",
     {("advance", "UKR", "Kupiansk"), ("advance", "UKR", "Lyman"), ("advance", "UKR", "Vovchansk")}),
    ("Russian troops captured Toretsk and Selydove.", {("advance", "RUS", "Toretsk"), ("advance", "RUS", "Selydove")}),
    ("Russian troops reached Kupiansk, Kharkiv region.", {("advance", "RUS", "Kupiansk")}),
    ("Russian troops captured Toretsk, a key stronghold, in February.", {("advance", "RUS", "Toretsk")}),
]

# Styles: history in the past tense, state media, Ukrainian outlets.
STYLES: list[tuple[str, Expected]] = [
    ("In May 2023 Wagner fighters took Bakhmut.", {("advance", "RUS", "Bakhmut")}),
    ("Russian forces withdrew from Kherson in November 2022.", {("withdrawal", "RUS", "Kherson")}),
    ("The occupiers advanced near Toretsk.", {("advance", "RUS", "Toretsk")}),
    # "the enemy" is Russia in Ukrainian copy and Ukraine in Russian copy.
    ("The occupiers shelled Lyman. Ukrainian troops pushed the enemy back from Kupiansk.",
     {("advance", "UKR", "Kupiansk"), ("withdrawal", "RUS", "Kupiansk")}),
    ("The Kiev regime lost men. The enemy retreated from Toretsk.", {("withdrawal", "UKR", "Toretsk")}),
    ("Pushing back Ukrainian forces, Russian troops captured Sudzha.", {("advance", "RUS", "Sudzha")}),
    ("Polish Defence Minister Wladyslaw Kosiniak-Kamysz said Poland had deployed additional soldiers to its border.",
     {("statement", "POL", "Wladyslaw Kosiniak-Kamysz"), ("deployment", "POL", "Poland")}),
]

STATEMENTS: list[tuple[str, Expected]] = [
    ("The Institute for the Study of War said the front was stable.",
     {("statement", None, "Institute for the Study of War")}),
    ("Ukrainian militants shelled the town, the city's mayor Ivan Prikhodko wrote on Telegram.",
     {("statement", None, "Ivan Prikhodko")}),
    ("Oleg Zhdanov, a military analyst with the Black Bird Group, said the front was stable.",
     {("statement", None, "Oleg Zhdanov")}),
    ("Belarusian Defence Minister Viktor Khrenin said the drills had ended.",
     {("statement", "BLR", "Viktor Khrenin")}),
]

# Nothing here is a military event.
NOTHING: list[str] = [
    "Dynamo Kyiv advanced to the final in Lviv.",
    "The company withdrew its bid for the Odesa port.",
    "Boy scouts were deployed at the festival in Kharkiv.",
    "Ukrainian defenders repelled 23 assaults near Pokrovsk.",
    "The enemy lost up to 140 servicemen near Kupiansk.",
    "Russian troops may take Bakhmut.",
    "The town of Springfield celebrated its anniversary.",
    "Russia sent a letter to the United Nations.",
    "The club moved its training base to Barcelona.",
    "Shares retreated 3% in London.",
]


@pytest.mark.parametrize(("text", "expected"), DEPLOYMENTS + PLACES + LISTS + STYLES + STATEMENTS,
                         ids=[c[0][:50] for c in DEPLOYMENTS + PLACES + LISTS + STYLES + STATEMENTS])
def test_events(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected


@pytest.mark.parametrize("text", NOTHING, ids=[t[:50] for t in NOTHING])
def test_nothing(text: str) -> None:
    assert {t for t in tuples(run(text)) if t[0] != "statement"} == set()


ODD_UNICODE = [
    "Russia sent 50 armored vehİcles and SİX THOUSAND soldİers to Kursk.",
    "Russİan troops advanced about FİVE km near Pokrovsk.",
    "The \u212aursk region saw 10 \u212am of advances by Russian troops.",
    "ﬁghters ﬂed from Toretsk; ẞ and ǅ letters; Ⅻ brigades.",
]


@pytest.mark.parametrize("text", ODD_UNICODE)
def test_odd_unicode_never_raises(text: str) -> None:
    find_quantities(text)
    run(text)


def test_dotted_capital_i_quantity() -> None:
    found = find_quantities("Russia sent 50 armored vehİcles to Kursk.")
    assert [q.quantity.value for q in found] == [50.0]
