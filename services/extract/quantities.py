"""Numbers the text attaches to an event: troops, equipment, distance advanced, area.

``parse_quantity("more than 10,000 soldiers")`` gives 10000 soldiers (lower
bound). ``find_quantities`` finds them in a sentence and drops the ones that
are not about an event: populations, distances *from* something, casualties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.extract.scan import prefix_tree
from shared.schemas import Quantity

QuantityKind = Literal["troops", "equipment", "distance", "area", "places"]
Bound = Literal["exact", "lower", "upper", "approximate"]

_WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "a dozen": 12,
}
_SCALES: dict[str, float] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000, "k": 1000}
# Vague plurals: the lower bound they imply ("thousands of soldiers" -> at least 1000).
_VAGUE: dict[str, float] = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "thousands": 1000,
    "hundreds": 100, "dozens": 12, "scores": 20,
}
_LOWER = r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"
_UPPER = r"up\s+to|less\s+than|fewer\s+than|under|no\s+more\s+than|at\s+most|a\s+maximum\s+of"
_APPROX = (
    r"about|around|some|approximately|nearly|almost|roughly|an\s+estimated|estimated|close\s+to|"
    r"circa|~|a\s+reported|reportedly|as\s+many\s+as|just\s+over|just\s+under"
)
# Units, longest first; each maps to (canonical unit, kind).
_UNITS: dict[str, tuple[str, QuantityKind]] = {
    "square kilometres": ("km2", "area"), "square kilometers": ("km2", "area"),
    "sq km": ("km2", "area"), "sq. km": ("km2", "area"), "km2": ("km2", "area"), "km²": ("km2", "area"),
    "square miles": ("sq mi", "area"), "sq miles": ("sq mi", "area"), "sq. miles": ("sq mi", "area"),
    "sq mi": ("sq mi", "area"), "hectares": ("ha", "area"),
    "kilometres": ("km", "distance"), "kilometers": ("km", "distance"), "km": ("km", "distance"),
    "miles": ("mi", "distance"), "mile": ("mi", "distance"), "metres": ("m", "distance"),
    "meters": ("m", "distance"),
    "troops": ("troops", "troops"), "soldiers": ("soldiers", "troops"),
    "servicemen": ("servicemen", "troops"), "personnel": ("personnel", "troops"),
    "fighters": ("fighters", "troops"), "marines": ("marines", "troops"),
    "paratroopers": ("paratroopers", "troops"), "men": ("men", "troops"),
    "mercenaries": ("mercenaries", "troops"), "reservists": ("reservists", "troops"),
    "conscripts": ("conscripts", "troops"), "recruits": ("recruits", "troops"),
    "troopers": ("troopers", "troops"), "brigades": ("brigades", "troops"),
    "battalions": ("battalions", "troops"), "regiments": ("regiments", "troops"),
    "divisions": ("divisions", "troops"), "units": ("units", "troops"),
    "pieces of hardware": ("pieces of hardware", "equipment"),
    "pieces of equipment": ("pieces of equipment", "equipment"),
    "pieces of military equipment": ("pieces of equipment", "equipment"),
    "tanks": ("tanks", "equipment"), "armoured vehicles": ("armoured vehicles", "equipment"),
    "armored vehicles": ("armoured vehicles", "equipment"), "vehicles": ("vehicles", "equipment"),
    "howitzers": ("howitzers", "equipment"), "artillery systems": ("artillery systems", "equipment"),
    "artillery pieces": ("artillery pieces", "equipment"), "guns": ("guns", "equipment"),
    "aircraft": ("aircraft", "equipment"), "jets": ("jets", "equipment"),
    "helicopters": ("helicopters", "equipment"), "drones": ("drones", "equipment"),
    "missiles": ("missiles", "equipment"), "launchers": ("launchers", "equipment"),
    "villages": ("villages", "places"), "settlements": ("settlements", "places"),
    "towns": ("towns", "places"),
}
_UNIT_ALT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(_UNITS, key=len, reverse=True))
_WORD_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUMBER = (
    r"(?P<num>\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>hundred|thousand|million|mln|k)\b)?"
    rf"|(?P<word>{_WORD_ALT})"
    r"(?:\s+(?P<wscale>hundred|thousand|million))?"
)
_VAGUE_ALT = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_VAGUE, key=len, reverse=True))
# Up to three modifiers between number and unit: "11,000 North Korean troops".
_MODS = r"(?:\s+(?!(?:of|from|to|in|and|the|a|on|at|by)\b)[A-Za-z][\w’'-]*){0,3}?"
_QUANTITY = re.compile(
    rf"(?<![\w.])(?:(?P<bound>{_LOWER}|{_UPPER}|{_APPROX})\s+)?"
    rf"(?:(?P<vague>{_VAGUE_ALT})\s+of(?:\s+the)?{_MODS}|(?:{_NUMBER})(?:\s*[-–]\s*strong|{_MODS}))"
    rf"\s*(?P<unit>{_UNIT_ALT})(?![\w])"
    rf"|(?<![\w.])(?:(?P<bound2>{_LOWER}|{_UPPER}|{_APPROX})\s+)?(?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*[-–]\s*strong",
    re.IGNORECASE,
)
# What makes a number no event quantity: a distance from something, a population, losses.
_DISTANCE_FROM = re.compile(
    r"[\s)]*(?:\([^)]*\)\s*)?(?:away|from|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"short\s+of|behind|inside\s+the\s+border|beyond)",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(
    r"[\s)]*(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?(?:killed|dead|wounded|injured|died|lost|captured|taken\s+prisoner|"
    r"casualties|a[\s-]day|per\s+day|each\s+day|a\s+month|-a-day)",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(
    r"(?:population\s+of|population|residents|inhabitants|killed|killing|kill|lost|losing|lose|"
    r"losses\s+of|casualties\s+of|wounded|eliminated|destroyed|death\s+toll\s+of|average\s+of|"
    r"an\s+average\s+of|dwindled\s+to|within|front\s+of|front\s+line\s+of|compared\s+to|"
    r"long|length\s+of|stretching|sprawling|more-than-)\s*$",
    re.IGNORECASE,
)


# Without a digit or one of these words a sentence has no quantity.
_NUMBER_WORD = re.compile(
    r"(?=[thdsofen])\b(?:thousands|hundreds|dozens|scores|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\b",
    re.IGNORECASE,
)



def _first_words(alternatives: str) -> set[str]:
    return {a.split("\\s+")[0] for a in alternatives.split("|")}


# Where ``_QUANTITY`` can begin: a digit, "~", or the first word of a bound, a vague
# plural or a number word (a prefix test, so a superset; the pattern decides).
_QUANTITY_START = re.compile(
    r"(?<![\w.])(?:\d|~|(?i:"
    + prefix_tree(_first_words(_LOWER) | _first_words(_UPPER) | (_first_words(_APPROX) - {"~"})
                  | {v.split()[0] for v in _VAGUE} | {w.split()[0] for w in _WORD_NUMBERS})
    + "))"
)


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A quantity at ``[start, end)`` of a sentence, with what it counts."""

    start: int
    end: int
    quantity: Quantity
    kind: QuantityKind


def _key(text: str) -> str:
    """A table key for matched text: lower case, single spaces.

    The pattern matches case-insensitively, so "İ" can match "i"; its lower case
    is "i" plus a combining dot, which the key drops (no lookup may fail on odd Unicode).
    """
    return _SPACE_RUN.sub(" ", text.lower()).replace("\u0307", "")


_SPACE_RUN = re.compile(r"\s+")


def _bound_of(word: str | None) -> Bound:
    if not word:
        return "exact"
    w = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(_LOWER, w):
        return "lower"
    if re.fullmatch(_UPPER, w):
        return "upper"
    return "approximate"


def _value_of(m: re.Match[str]) -> float | None:
    if m.group("vague"):
        return _VAGUE.get(_key(m.group("vague")))
    if m.group("num2"):
        return float(m.group("num2").replace(",", ""))
    if m.group("num"):
        value = float(re.sub(r"[,\s]", "", m.group("num")))
        scale = m.group("scale")
        return value * _SCALES.get(_key(scale), 1) if scale else value
    if m.group("word"):
        word = _WORD_NUMBERS.get(_key(m.group("word")))
        scale = m.group("wscale")
        if word is None:
            return None
        return word * _SCALES.get(_key(scale), 1) if scale else word
    return None


def _to_mention(text: str, m: re.Match[str]) -> QuantityMention | None:
    value = _value_of(m)
    if value is None:
        return None
    kind: QuantityKind
    if m.group("num2"):
        unit, kind, bound_word = "troops", "troops", m.group("bound2")
    else:
        found = _UNITS.get(_key(m.group("unit")))
        if found is None:
            return None
        unit, kind = found
        bound_word = m.group("bound")
    bound: Bound = "lower" if m.group("vague") and not bound_word else _bound_of(bound_word)
    if kind == "troops" and unit == "men" and value < 2:
        return None
    return QuantityMention(m.start(), m.end(), Quantity(value=value, unit=unit, text=m.group(0), bound=bound), kind)


def parse_quantity(text: str) -> Quantity | None:
    """The first event-like quantity in ``text`` ("about 9 kilometres" -> 9 km, approximate)."""
    found = find_quantities(text)
    return found[0].quantity if found else None


def _quantity_matches(sentence: str) -> list[re.Match[str]]:
    """What ``_QUANTITY.finditer`` gives, trying the pattern only where a quantity can begin."""
    out: list[re.Match[str]] = []
    done = 0
    for c in _QUANTITY_START.finditer(sentence):
        if c.start() < done:
            continue
        m = _QUANTITY.match(sentence, c.start())
        if m:
            out.append(m)
            done = m.end()
    return out


def find_quantities(sentence: str) -> list[QuantityMention]:
    """Every quantity in ``sentence`` that could belong to an event, in order."""
    if not any(map(str.isdigit, sentence)) and not _NUMBER_WORD.search(sentence):
        return []
    out: list[QuantityMention] = []
    for m in _quantity_matches(sentence):
        before = sentence[max(0, m.start() - 40):m.start()]
        if _NOT_AFTER.match(sentence, m.end()) or _NOT_BEFORE.search(before) or before.rstrip().endswith("("):
            continue  # losses, populations, and conversions in brackets are not the event's number
        mention = _to_mention(sentence, m)
        if mention is None or (mention.kind in ("distance", "area") and _DISTANCE_FROM.match(sentence, m.end())):
            continue  # "2.5 km from the front line" locates, it does not measure an advance
        out.append(mention)
    return out
