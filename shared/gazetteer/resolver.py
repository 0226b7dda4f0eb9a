"""Choosing one entry for each name found in a text, from the text's own context.

In order of strength:

1. What the text says next to the name: a region or country right after it
   ("Pokrovsk, Donetsk region", "Pokrovsk in Yakutia", "Kursk in Russia"), a
   region before it ("the Donetsk city of Pokrovsk", "Russia's Kursk region"),
   a demonym ("the Russian town of Sudzha"). Such a clue filters the candidates.
2. One sense per text: a name pinned down once means the same place elsewhere.
3. The rest of the article: candidates in a country the text names score
   higher, and so do candidates near the unambiguous places of the text. The
   distance is to the *nearest* such place rather than to their centroid, since
   a capital named in passing ("ties with Moscow", "Washington said") would
   drag a centroid far from the front.
4. The prior: population, frontline data, Ukraine/Russia, the entry's own name
   rather than a historical one (Engels was once Pokrovsk).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from shared.gazetteer.data import FULL_COUNTRIES, GazetteerEntry
from shared.gazetteer.matcher import NameHit
from shared.gazetteer.normalise import normalise_name
from shared.places import EARTH_RADIUS_KM

# Text between a name and a region/country that then locates it.
_LOCATED_IN = re.compile(r"\s*(?:,|\(|in|of)\s*(?:the\s+)?", re.IGNORECASE)
# "Pokrovsk, Russia's Defense Ministry said", "Pokrovsk, Russia says": the second name begins a new phrase.
_STARTS_A_PHRASE = re.compile(r"['’]s\b|\s+(?!(?:and|or|in|on|at|near|where|after|before|while|as|to|from|the)\b)[a-z]")
# "the Donetsk city of Pokrovsk": the first name is a region, the second lies in it.
_CITY_OF = re.compile(r"\s+(?:city|town|village|settlement|region|oblast|district)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s\s+(?:(?:border|frontline|front-line|eastern|western|northern|southern)\s+)?", re.IGNORECASE)
# Any of the three (for a quick test of a gap; they have no anchors or lookarounds, so ``fullmatch(text, pos, endpos)``
# is a match of the gap as a string).
_ANY_NEIGHBOUR_CLUE = re.compile("|".join(f"(?:{clue.pattern})" for clue in (_LOCATED_IN, _CITY_OF, _POSSESSIVE)),
                                 re.IGNORECASE)
_DEMONYMS = {
    "russian": "RU",
    "ukrainian": "UA",
    "belarusian": "BY",
    "belarussian": "BY",
    "polish": "PL",
    "moldovan": "MD",
    "romanian": "RO",
    "georgian": "GE",
    "estonian": "EE",
    "latvian": "LV",
    "lithuanian": "LT",
    "finnish": "FI",
}
_PLACE_WORDS = "city|town|village|settlement|region|oblast|port|capital"
_DEMONYM_BEFORE = re.compile(
    r"\b(" + "|".join(_DEMONYMS) + r")\s+(?:border\s+|frontline\s+|front-line\s+)?"
    r"(?:" + _PLACE_WORDS + r")\s+(?:of\s+)?$",
    re.IGNORECASE,
)
# The last word (after a space) of whatever ``_DEMONYM_BEFORE`` finds: a quick test first, since that search
# tries every position of its window.
_DEMONYM_LAST_WORD = re.compile(_PLACE_WORDS + "|of", re.IGNORECASE)
DISTANCE_SCALE_KM = 250.0  # one prior point per 250 km from the nearest sure place
MAX_DISTANCE_PENALTY = 8.0
MENTIONED_COUNTRY_BONUS = 1.0
BIG_CITY_POPULATION = 100_000  # a city this big named by its own name beats any place it is another name of
MENTIONED_REGION_BONUS = 1.5  # a region the text names anywhere: its settlements are the likelier ones
REGION_WINDOW_CHARS = 160  # a region this close, in the same sentence, locates an ambiguous name
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[\"“A-ZА-ЯІЇЄ]|\n")
PRIMARY_NAME_BONUS = 1.0
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")  # a Cyrillic key is not compared with an entry's Latin name
# How alike (rapidfuzz ratio, 0-100) a matched alternate name and the entry's own name must be to count as a spelling.
OTHER_NAME_SIMILARITY = 60


@dataclass(slots=True)
class Mention:
    """A hit being resolved: its candidates shrink as context is applied."""

    hit: NameHit
    candidates: list[tuple[int, bool]]
    chosen: int | None = None
    pinned: bool = False  # chosen from an explicit clue, not from scores


class ContextResolver:
    """Resolves the hits of one text against the gazetteer's entries."""

    def __init__(self, entries: Sequence[GazetteerEntry], region_by_short_key: dict[str, int]) -> None:
        self._entries = entries
        self._region_by_short_key = region_by_short_key

    def entry(self, index: int) -> GazetteerEntry:
        """The entry at an index of the name index."""
        return self._entries[index]

    def resolve(self, text: str, hits: Sequence[NameHit]) -> list[tuple[NameHit, GazetteerEntry]]:
        """One entry for each hit, in text order."""
        entries = self._entries
        # (No copy of the hit's candidates, which are the index's own list: a mention's list is only ever
        # replaced, never changed in place.)
        mentions = [Mention(hit, hit.candidates) for hit in hits]
        self._apply_neighbour_clues(text, mentions)
        # The next two only ever narrow a name of several candidates: most names have one.
        ambiguous = [mention for mention in mentions if len(mention.candidates) > 1]
        if ambiguous:
            self._apply_demonyms(text, ambiguous)
            self._apply_regions_nearby(text, mentions, ambiguous)
        for mention in mentions:
            if len(mention.candidates) > 1:  # (the test of ``_prefer_own_names``, without a call for most mentions)
                self._prefer_own_names(mention)
            if len(mention.candidates) == 1:
                mention.chosen = mention.candidates[0][0]
                mention.pinned = mention.pinned or len(mention.hit.candidates) > 1
        self._one_sense_per_text(mentions)
        countries: set[str | None] = set()
        regions: set[tuple[str | None, str | None]] = set()
        # Sure places, each once (an article names Moscow nine times), by the key they were named with.
        anchors: dict[tuple[str, int], GazetteerEntry] = {}
        for mention in mentions:
            if mention.chosen is not None:
                entry = entries[mention.chosen]
                if entry.kind == "country":
                    countries.add(entry.country)
                elif entry.kind == "region":
                    regions.add((entry.country, entry.admin1_code))
                anchors[mention.hit.key, mention.chosen] = entry
        # Each point's haversine terms once per text, not once per candidate it is measured from.
        points = [
            (key, _Point(lat_radians := math.radians(e.lat), math.cos(lat_radians), e.lon))
            for (key, _), e in anchors.items() if e.kind != "country" and e.lat is not None
        ]
        decided: dict[tuple[str, tuple[tuple[int, bool], ...]], int] = {}
        for mention in mentions:
            if mention.chosen is None:
                key = mention.hit.key
                choice = (key, tuple(mention.candidates))
                if choice not in decided:
                    others = [point for k, point in points if k != key]
                    decided[choice] = self._best(mention, others, countries, regions)
                mention.chosen = decided[choice]
        return [(m.hit, entries[m.chosen]) for m in mentions if m.chosen is not None]

    def _kinds(self, mention: Mention) -> set[str]:
        entries = self._entries
        return {entries[index].kind for index, _ in mention.candidates}

    def _restrict(self, mention: Mention, admin1_code: str | None = None, country: str | None = None) -> None:
        kept = [
            (index, primary)
            for index, primary in mention.candidates
            if (admin1_code is None or self.entry(index).admin1_code == admin1_code)
            and (country is None or self.entry(index).country == country)
        ]
        if kept:  # a clue that excludes every candidate is a clue misread
            mention.candidates = kept
            mention.pinned = True

    def _apply_neighbour_clues(self, text: str, mentions: list[Mention]) -> None:
        for first, second in itertools.pairwise(mentions):
            if not _ANY_NEIGHBOUR_CLUE.fullmatch(text, first.hit.end, second.hit.start):
                continue  # most gaps: one test instead of three
            gap = text[first.hit.end : second.hit.start]
            if (
                # (The kinds only when the gap is right: most gaps are a stretch of text.)
                _LOCATED_IN.fullmatch(gap) and len(second_kinds := self._kinds(second)) == 1
                and second_kinds <= {"region", "country"} and not _STARTS_A_PHRASE.match(text, second.hit.end)
            ):
                place = self.entry(second.candidates[0][0])
                if place.kind == "region":
                    self._restrict(first, admin1_code=place.admin1_code)
                else:
                    self._restrict(first, country=place.country)
            elif _CITY_OF.fullmatch(gap):
                region = self._region_by_short_key.get(first.hit.key)
                if region is not None:
                    first.candidates = [(region, True)]
                    self._restrict(second, admin1_code=self.entry(region).admin1_code)
                elif self._kinds(first) == {"country"}:
                    self._restrict(second, country=self.entry(first.candidates[0][0]).country)
            elif _POSSESSIVE.fullmatch(gap) and self._kinds(first) == {"country"}:
                self._restrict(second, country=self.entry(first.candidates[0][0]).country)

    def _prefer_own_names(self, mention: Mention) -> None:
        """A curated frontline place named by its own name beats a city for which the name is only historical.

        "Novooleksandrivka" is a Donetsk village, not Melitopol (once Novoaleksandrovka).
        """
        if len(mention.candidates) < 2:
            return
        entries = self._entries
        if any(
            primary and (entries[index].frontline or (
                entries[index].population >= BIG_CITY_POPULATION and entries[index].country not in FULL_COUNTRIES))
            for index, primary in mention.candidates
        ):
            # (Also "Paris" is the French capital, not a Ukrainian village once called so. Not inside Ukraine and
            # Russia, where context decides: "Novomoskovsk" near Dnipro is Samar, not the Tula city.)
            kept: list[tuple[int, bool]] = [(index, primary) for index, primary in mention.candidates if primary]
            if kept:
                mention.candidates = kept
        else:
            # "Hrodivka" is a village of its own and, in GeoNames, an old name of Myrnohrad: a name that is not
            # a spelling of the entry's own (unlike "Udachnoye" for Udachne) yields to a place of the same country
            # that bears it. (Across countries context decides: "Novomoskovsk" near Dnipro is Samar.)
            own_countries = {entries[index].country for index, primary in mention.candidates if primary}
            mention.candidates = [
                (index, primary) for index, primary in mention.candidates
                if primary or entries[index].country not in own_countries or _CYRILLIC.search(mention.hit.key)
                or fuzz.ratio(mention.hit.key, normalise_name(entries[index].name)) >= OTHER_NAME_SIMILARITY
            ]

    def _apply_demonyms(self, text: str, mentions: list[Mention]) -> None:
        for mention in mentions:
            if len(mention.candidates) < 2:
                continue
            window = text[max(0, mention.hit.start - 50) : mention.hit.start]
            words = window.rsplit(None, 1)  # (``str.isspace`` is the ``\s`` of ``re``)
            if not words or not _DEMONYM_LAST_WORD.fullmatch(words[-1]):
                continue
            found = _DEMONYM_BEFORE.search(window)
            if found is not None:
                self._restrict(mention, country=_DEMONYMS[found.group(1).lower()])

    def _apply_regions_nearby(self, text: str, mentions: list[Mention], ambiguous: list[Mention]) -> None:
        """A region named in the same sentence, not right next to the name, still locates it.

        "Novonikolaevka (Novomykolaivka) in what it calls the Dnepropetrovsk region": the
        Dnipropetrovsk candidate, if there is one. (``ambiguous``: the mentions that had several
        candidates before; only they can have several now.)
        """
        entries = self._entries
        regions = [m for m in mentions if len(m.candidates) == 1 and entries[m.candidates[0][0]].kind == "region"]
        if not regions:
            return
        for mention in ambiguous:
            if len(mention.candidates) < 2 or mention.pinned or self._kinds(mention) != {"city"}:
                continue
            near = {
                (entries[r.candidates[0][0]].country, entries[r.candidates[0][0]].admin1_code) for r in regions
                if abs(r.hit.start - mention.hit.start) <= REGION_WINDOW_CHARS
                and not _SENTENCE_BREAK.search(text, min(r.hit.end, mention.hit.end), max(r.hit.start, mention.hit.start))
            }
            if not near:
                continue  # (nothing would be kept)
            kept = [(i, p) for i, p in mention.candidates if (entries[i].country, entries[i].admin1_code) in near]
            if kept:
                mention.candidates = kept
                mention.pinned = len(kept) == 1

    def _one_sense_per_text(self, mentions: list[Mention]) -> None:
        pinned = {m.hit.key: m.chosen for m in mentions if m.pinned and m.chosen is not None}
        if not pinned:
            return
        for mention in mentions:
            choice = pinned.get(mention.hit.key)
            if mention.chosen is None and choice is not None and any(i == choice for i, _ in mention.candidates):
                mention.chosen = choice

    def _best(
        self, mention: Mention, points: list[_Point], countries: set[str | None],
        regions: set[tuple[str | None, str | None]],
    ) -> int:
        """The candidate of the highest score, the first of them if several."""
        entries = self._entries
        # (score before the distance, position, entry index): the distance only ever lowers a score, so the
        # candidates are weighed from the highest such score down, and those that cannot win are not measured.
        scored: list[tuple[float, int, int]] = []
        for position, (index, primary) in enumerate(mention.candidates):
            entry = entries[index]
            score = entry.prior() + (PRIMARY_NAME_BONUS if primary else 0.0)
            if entry.country in countries:
                score += MENTIONED_COUNTRY_BONUS
            if primary and (entry.country, entry.admin1_code) in regions:
                score += MENTIONED_REGION_BONUS  # (not for a historical name: Chystyakove was once Oleksiivka)
            scored.append((score, position, index))
        if not points:
            return max(scored, key=lambda item: (item[0], -item[1]))[2]
        scored.sort(key=lambda item: (-item[0], item[1]))
        best_index, best_score, best_position = scored[0][2], -math.inf, len(scored)
        for score, position, index in scored:
            if score < best_score or (score == best_score and position > best_position):
                break  # nor can any after it (each lower, or as high and later)
            entry = entries[index]
            if entry.lat is not None and entry.lon is not None:
                nearest = _nearest_km(entry.lat, entry.lon, points)
                score -= min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
            if score > best_score or (score == best_score and position < best_position):
                best_index, best_score, best_position = index, score, position
        return best_index


class _Point(NamedTuple):
    """A sure place of the text, with the terms of the haversine that depend on it alone."""

    lat_radians: float
    cos_lat: float
    lon: float | None


def _distance_km(lat1: float, lon1: float, lat2: float | None, lon2: float | None) -> float:
    """Haversine on bare floats (``shared.places.distance_km`` wants Place models, too slow here)."""
    if lat2 is None or lon2 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _nearest_km(lat: float, lon: float, points: Sequence[_Point]) -> float:
    """The smallest ``_distance_km`` from ``lat``, ``lon`` to the points, to the last bit, in a third of the time.

    The same operations in the same order, with each point's terms computed once per text and the
    candidate's once per call; a point is left as soon as the first term shows it no nearer; and the
    arc sine and square root (monotonic) are taken of the smallest ``h`` only.
    """
    p1 = math.radians(lat)
    cos_p1 = math.cos(p1)
    smallest = math.inf
    sin, radians = math.sin, math.radians
    for p2, cos_p2, lon2 in points:
        if lon2 is None:
            continue  # (as far as ``_distance_km`` says: math.inf)
        h = sin((p2 - p1) / 2) ** 2
        if h >= smallest:
            continue  # the second term is never negative: not nearer
        h += cos_p1 * cos_p2 * sin(radians(lon2 - lon) / 2) ** 2
        if h < smallest:
            smallest = h
    if smallest == math.inf:
        return math.inf
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(smallest))
