"""Small in-memory fakes of shared protocols for unit tests (fakes over mocks)."""

from __future__ import annotations

import re

from shared.schemas import Place, PlaceMention


class FakePlaces:
    """A ``PlaceResolver`` over a dict of name -> Place, matching case-insensitively on word boundaries.

    Longer names win over shorter ones that overlap them ("Kursk region" over "Kursk").
    """

    def __init__(self, places: dict[str, Place]) -> None:
        self._places = {name.lower(): place for name, place in places.items()}
        names = sorted(places, key=len, reverse=True)
        alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE) if names else None

    def find_mentions(self, text: str) -> list[PlaceMention]:
        if self._pattern is None:
            return []
        out: list[PlaceMention] = []
        for m in self._pattern.finditer(text):
            place = self._places[re.sub(r"\s+", " ", m.group(0).lower())]
            out.append(PlaceMention(**place.model_dump(), start=m.start(), end=m.end(), text=m.group(0)))
        return out

    def resolve_place(self, name: str, context: str | None = None) -> Place | None:
        return self._places.get(name.strip().lower())

    def suggest(self, name: str, limit: int = 3) -> list[Place]:
        return [p for n, p in self._places.items() if n.startswith(name.strip().lower()[:3])][:limit]

    def by_id(self, geonameid: int) -> Place | None:
        return next((p for p in self._places.values() if p.geonameid == geonameid), None)


def city(name: str, country: str = "UA") -> Place:
    return Place(name=name, country=country, kind="city")


def region(name: str, country: str = "UA") -> Place:
    return Place(name=name, country=country, kind="region")


def country(name: str, code: str) -> Place:
    return Place(name=name, country=code, kind="country")


# A small front-line gazetteer: enough for the unit sentences, spelled as they are.
FRONT = FakePlaces({
    "Kupiansk": city("Kupiansk"), "Kupyansk": city("Kupiansk"), "Pokrovsk": city("Pokrovsk"),
    "Avdiivka": city("Avdiivka"), "Bakhmut": city("Bakhmut"), "Chasiv Yar": city("Chasiv Yar"),
    "Toretsk": city("Toretsk"), "Vuhledar": city("Vuhledar"), "Kurakhove": city("Kurakhove"),
    "Myrnohrad": city("Myrnohrad"), "Selydove": city("Selydove"), "Robotyne": city("Robotyne"),
    "Vovchansk": city("Vovchansk"), "Lyman": city("Lyman"), "Siversk": city("Siversk"),
    "Kostiantynivka": city("Kostiantynivka"), "Huliaipole": city("Huliaipole"),
    "Novoselivka": city("Novoselivka"), "Krasnohorivka": city("Krasnohorivka"),
    "Sudzha": city("Sudzha", "RU"), "Belgorod": city("Belgorod", "RU"), "Kherson": city("Kherson"),
    "Kharkiv": city("Kharkiv"), "Kyiv": city("Kyiv"), "Kiev": city("Kyiv"), "Moscow": city("Moscow", "RU"),
    "Odesa": city("Odesa"), "Zaporizhzhia": city("Zaporizhzhia"), "Mariupol": city("Mariupol"),
    "Donetsk": city("Donetsk"), "Luhansk": city("Luhansk"), "Lviv": city("Lviv"),
    "Kursk region": region("Kursk", "RU"), "Kursk": region("Kursk", "RU"),
    "Donetsk region": region("Donetsk"), "Kharkiv region": region("Kharkiv"),
    "Zaporizhzhia region": region("Zaporizhzhia"), "Crimea": region("Crimea"),
    "Ukraine": country("Ukraine", "UA"), "Russia": country("Russia", "RU"),
    "North Korea": country("North Korea", "KP"), "Belarus": country("Belarus", "BY"),
    "Poland": country("Poland", "PL"), "Barcelona": city("Barcelona", "ES"), "Madrid": city("Madrid", "ES"),
    "Berlin": city("Berlin", "DE"), "London": city("London", "GB"), "Paris": city("Paris", "FR"),
})
