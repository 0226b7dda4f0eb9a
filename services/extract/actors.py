"""Who acts: phrases that name armed forces or a side, and which side they belong to.

``find_actors`` returns every actor phrase of a sentence with its side(s):
"Russian airborne troops" (force, RUS), "troops from Russia and North Korea"
(force, RUS+PRK), "the AFU" (force, UKR), "units of the Battlegroup Centre"
(force, RUS), "Russia" (country, RUS), "the troops" / "they" (pronoun, side
resolved later from the text before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.extract.lexicon import (
    COUNTRY_AGENTS,
    FORCE_NOUNS,
    INHERENT_FORCES,
    PHRASE_STOPWORDS,
    RUSSIAN_BATTLEGROUPS,
    SIDE_TERMS,
)

ActorKind = Literal["force", "country", "pronoun"]

APOS = "['’]"


def alternation(words: object) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", APOS) for w in items)


# "us"/"uk" only in capitals: "US troops", never the pronoun "us".
_CASED_SIDES = {"us": "US|U\\.S\\.", "uk": "UK|U\\.K\\."}
_SIDE_WORDS = alternation(k for k in SIDE_TERMS if k not in {"us", "u.s.", "uk", "u.k."})
SIDE = rf"(?:(?-i:US|U\.S\.|UK|U\.K\.)|{_SIDE_WORDS})"
_SIDE_TOKEN = re.compile(rf"(?<![\w-])(?:{SIDE})(?![\w-])(?:{APOS}s)?", re.IGNORECASE)
_FORCE = alternation(FORCE_NOUNS)
_STOP = alternation(PHRASE_STOPWORDS)
_MOD = rf"(?!(?:{_STOP}|{_FORCE})\b)[\w’'-]+"
_SIDE_LIST = rf"(?:the\s+)?(?:{SIDE})(?:{APOS}s)?(?:\s*(?:,|and|or|&|,\s*and)\s*(?:the\s+)?(?:{SIDE})(?:{APOS}s)?)*"
_BATTLEGROUP = alternation(RUSSIAN_BATTLEGROUPS)
_INHERENT = alternation(INHERENT_FORCES)

# A force noun used as a modifier of another noun ("Russian navy bloggers") names no force.
_NOT_HEAD = (
    r"(?!\s+(?:bloggers?|commanders?|officials?|analysts?|sources?|spokes\w+|leaders?|chiefs?|"
    r"experts?|intelligence|command|positions?|uniforms?|media|losses|casualties|spending|aid|budget)\b)"
)
# "Russian and North Korean forces", "Ukraine's outnumbered troops", "Putin's military".
_SIDE_FORCE = re.compile(
    rf"(?<![\w-])(?P<sides>{_SIDE_LIST})(?:\s+{_MOD}){{0,3}}\s+(?P<noun>{_FORCE})(?![\w-]){_NOT_HEAD}",
    re.IGNORECASE,
)
# "troops from North Korea", "Armed Forces of Ukraine", "soldiers of the Russian army".
_FORCE_OF_SIDE = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<noun>{_FORCE})\s+(?:from|of)\s+(?P<sides>{_SIDE_LIST})(?![\w-])",
    re.IGNORECASE,
)
# "the VDV", "Wagner", "units of the Battlegroup Centre", "the Vostok group of forces".
_INHERENT_FORCE = re.compile(
    rf"(?<![\w-])(?:(?:units?|troops|forces|servicemen|soldiers)\s+of\s+)?(?:the\s+)?"
    rf"(?:(?P<inherent>{_INHERENT})|(?:battle\s?group|group\s+of\s+forces|grouping)\s+(?:{_BATTLEGROUP})"
    rf"|(?:{_BATTLEGROUP})\s+(?:battle\s?group|group\s+of\s+forces|grouping))"
    rf"(?:\s+(?:units?|troops|forces|servicemen|fighters|mercenaries))?(?![\w-])",
    re.IGNORECASE,
)
# "the troops", "their forces", "these units", "they": a side named earlier.
_PRONOUN_FORCE = re.compile(
    rf"(?<![\w-])(?:(?:the|these|those|our|their|its|his|both)\s+(?:{_MOD}\s+)?(?:{_FORCE})|they)(?![\w-])",
    re.IGNORECASE,
)
_COUNTRY = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<name>{alternation(COUNTRY_AGENTS)})(?![\w-])(?!{APOS}s)",
    re.IGNORECASE,
)
# Nouns that follow a side word without making an armed force ("Ukrainian uniforms").
_DEMONYM_FORCES = {"russians", "ukrainians", "north koreans"}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor phrase at ``[start, end)`` of a sentence, and the side(s) it names."""

    start: int
    end: int
    sides: tuple[str, ...]
    kind: ActorKind
    text: str


def side_of_term(term: str) -> str | None:
    """The side a single side word names ("Moscow's" -> RUS), or None."""
    key = re.sub(rf"{APOS}s$", "", term.strip().lower())
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s+", " ", key)
    if term.strip() in {"US", "U.S.", "US's"}:
        return "USA"
    if term.strip() in {"UK", "U.K."}:
        return "GBR"
    return SIDE_TERMS.get(key) or INHERENT_FORCES.get(key)


def sides_in(text: str) -> tuple[str, ...]:
    """Every side named in ``text``, in order, without repeats."""
    out: list[str] = []
    for m in _SIDE_TOKEN.finditer(text):
        side = side_of_term(m.group(0))
        if side and side not in out:
            out.append(side)
    return tuple(out)


_TOKEN = re.compile(r"[A-Za-z][\w’'.-]*")


def _first_words(keys: object) -> frozenset[str]:
    return frozenset(str(k).split()[0].replace("'", "’") for k in keys)  # type: ignore[attr-defined]


_SIDE_FIRST = _first_words(SIDE_TERMS) | {"us", "u.s.", "uk", "u.k."}
_COUNTRY_FIRST = _first_words(COUNTRY_AGENTS)
_FORCE_FIRST = _first_words(FORCE_NOUNS)
_INHERENT_FIRST = (
    _first_words(INHERENT_FORCES) | _first_words(RUSSIAN_BATTLEGROUPS) | {"battlegroup", "battle", "group", "grouping"}
)
_PRONOUN_FIRST = frozenset({"the", "these", "those", "our", "their", "its", "his", "both", "they"})
_UNITS_OF_BEFORE = re.compile(r"(?:units?|troops|forces|servicemen|soldiers)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"the\s+$", re.IGNORECASE)


def _token_key(token: str) -> str:
    low = token.lower().replace("'", "’").rstrip(".,")
    return low[:-2] if low.endswith("’s") else low


def find_actors(sentence: str) -> list[ActorMention]:
    """Every actor phrase of ``sentence``, in order, longest phrase winning overlaps."""
    # Anchored matches at candidate words only: scanning every position with
    # the large alternations would cost ten times more.
    tokens = [(t.start(), _token_key(t.group(0))) for t in _TOKEN.finditer(sentence)]
    keys = [k for _, k in tokens]
    is_force = [k in _FORCE_FIRST for k in keys]
    is_side = [k in _SIDE_FIRST or k.split("-")[0] in _SIDE_FIRST for k in keys]
    n = len(tokens)
    side_pos: list[int] = []
    country_pos: list[int] = []
    force_pos: list[int] = []
    inherent_pos: list[int] = []
    pronoun_pos: list[int] = []
    for i, (start, key) in enumerate(tokens):
        if is_side[i] and any(is_force[i + 1:i + 8]):
            side_pos.append(start)
        if key in _COUNTRY_FIRST:
            country_pos.append(start)
        if is_force[i] and any(is_side[i + 1:i + 6]):
            force_pos.append(start)
        if key in _INHERENT_FIRST:
            inherent_pos.append(start)
        if key in _PRONOUN_FIRST and (key == "they" or any(is_force[i + 1:min(n, i + 3)])):
            pronoun_pos.append(start)
    found: list[ActorMention] = []

    def add(start: int, end: int, sides: tuple[str, ...], kind: ActorKind) -> None:
        the = _THE_BEFORE.search(sentence, max(0, start - 4), start)
        if the:
            start = the.start()
        for other in found:
            if start < other.end and other.start < end:
                return
        found.append(ActorMention(start, end, sides, kind, sentence[start:end]))

    for pos in inherent_pos:
        m = _INHERENT_FORCE.match(sentence, pos)
        if m:
            inherent = m.group("inherent")
            side = INHERENT_FORCES.get(re.sub(r"\s+", " ", inherent.lower().replace("’", "'"))) if inherent else "RUS"
            if side:
                prefix = _UNITS_OF_BEFORE.search(sentence, max(0, pos - 25), pos)
                add(prefix.start() if prefix else m.start(), m.end(), (side,), "force")
    for pos in force_pos:
        m = _FORCE_OF_SIDE.match(sentence, pos)
        if m:
            sides = sides_in(m.group("sides"))
            if sides:
                add(m.start(), m.end(), sides, "force")
    for pos in side_pos:
        m = _SIDE_FORCE.match(sentence, pos)
        if m:
            sides = sides_in(m.group("sides"))
            if sides:
                add(m.start(), m.end(), sides, "force")
    for pos in country_pos:
        m = _COUNTRY.match(sentence, pos)
        if m:
            name = re.sub(r"\s+", " ", m.group("name").lower())
            side = side_of_term(name)
            if side:
                # Plural demonyms ("the Russians") name the fighting men, not the state.
                kind: ActorKind = "force" if name in _DEMONYM_FORCES else "country"
                add(m.start(), m.end(), (side,), kind)
    for pos in pronoun_pos:
        m = _PRONOUN_FORCE.match(sentence, pos)
        if m:
            add(m.start(), m.end(), (), "pronoun")
    found.sort(key=lambda a: a.start)
    return _merge_coordinated(sentence, found)


_AND_BETWEEN = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s*$", re.IGNORECASE)


def _merge_coordinated(sentence: str, actors: list[ActorMention]) -> list[ActorMention]:
    """Join "Russia and North Korea" into one agent with both sides."""
    out: list[ActorMention] = []
    for actor in actors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == actor.kind == "country"
            and _AND_BETWEEN.match(sentence[prev.end:actor.start])
        ):
            sides = prev.sides + tuple(s for s in actor.sides if s not in prev.sides)
            out[-1] = ActorMention(prev.start, actor.end, sides, "country", sentence[prev.start:actor.end])
            continue
        out.append(actor)
    return out
