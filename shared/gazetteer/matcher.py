"""The name index (an Aho-Corasick automaton over normalised names) and the text scanner.

Scanning an article is one pass of the automaton over the normalised text,
then cheap checks on each hit: word boundaries, capitalisation, the person-name
cues of ``stoplist``, and longest-match-wins among overlapping hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick  # no type stubs: pyproject.toml tells mypy to treat it as Any
from rapidfuzz import fuzz

from shared.gazetteer.data import FULL_COUNTRIES, GazetteerData, NamedEntry, RegionNames
from shared.gazetteer.normalise import normalise_name, normalise_text
from shared.gazetteer.stoplist import (
    ACRONYMS,
    FIRST_NAMES,
    GROUPING_WORDS,
    NAME_PREFIXES,
    ORGANISATION_WORDS,
    STOP_KEYS,
    TITLES,
)

MIN_KEY_LENGTH = 3
SIMILAR_ALTERNATE = 75.0  # rapidfuzz ratio between an alternate name and the entry's own name
# Names whose letters are all Latin or Cyrillic (plus spaces and punctuation used in names);
# other scripts cannot occur in the texts this pipeline reads.
_USABLE_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF\s'’ʼʹ`\-.()]+$")
_CYRILLIC_KEY = re.compile(r"^[\u0400-\u04FF '\-.]+$")
# Case endings accepted after a Cyrillic name (Купянске, Покровська, Харківщині, Курской).
INFLECTIONS = frozenset(
    [
        "а",
        "у",
        "е",
        "і",
        "и",
        "ю",
        "я",
        "ї",
        "ом",
        "ем",
        "ой",
        "ою",
        "ею",
        "ей",
        "ові",
        "еві",
        "ій",
        "ий",
        "ої",
        "ого",
        "ому",
        "ым",
        "ом",
        "ах",
        "ях",
        "ам",
        "ям",
    ]
)
# Russian/Ukrainian names ending in these drop the letter before a case ending (Одеса -> Одесі).
_STEM_FINALS = frozenset("аяьоеий")
_INFLECTION_AFTER = re.compile(r"[\u0400-\u04FF]{1,3}(?![^\W\d_])")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_LONGEST_WORD = 40  # (for the fast path of ``_word_ending`` only: a longer word is found step by step)
# "на Куп'янському напрямку", "на Покровском направлении", "на Торецькому та Покровському напрямках":
# a town's adjective before "direction".
_DIRECTION_ADJECTIVE = re.compile(
    r"(?<![\w’'ʼ-])(?P<adj>[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+)"
    r"(?=(?:\s*(?:,|\sта|\sі|\sи|\sй)\s+[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+)*\s+(?:напрям|направлен))"
)
# (suffix of the adjective, what the town's name adds to its stem), most specific first.
# The longest stem first gives the mention's span: "Покровському" is Pokrovsk's (Покровськ-ому); every
# reading that names a place is a candidate (Pokrov too), for the resolver to weigh.
_DIRECTION_STEMS = (("ому", ""), ("ом", ""), ("івському", "івка"), ("ському", ""), ("ском", ""), ("ському", "ка"))
# A name followed by one of these is a river or a body of water ("the Oskil River", "Kakhovka reservoir").
_WATER_WORDS = frozenset({"river", "reservoir", "estuary", "delta", "lake", "canal", "valley", "basin"})
# "группировка «Восток»", "the group "Dnipro"": a grouping named after a place, in quotes.
_GROUPING_BEFORE = re.compile(r"(?:группировк|угрупован|угрупуван|group)\w*\s+[«\"“]$", re.IGNORECASE)
# "the Kharkiv group of volunteers": a group of people from the place, which is then still named.
_GROUP_OF_PEOPLE = re.compile(r"\s+group\s+of\s+(?!forces\b)", re.IGNORECASE)
# "across the Dnipro", "along the Oskil", "crossed the Siverskyi Donets": a river, unless an area word follows.
_ACROSS_THE = re.compile(r"(?<![\w-])(?:across|along|over|beyond|behind|cross|crossed|crossing|crosses|banks\s+of)\s+the\s+$",
                         re.IGNORECASE)
_AREA_WORDS = frozenset({"region", "oblast", "direction", "front", "axis", "sector", "area", "district", "border", "city",
                         "town", "village", "line", "frontline", "krai", "republic"})

# Case forms of Russian and Ukrainian "<adjective> область/край" (Курская область, Курской области).
_ADJECTIVE_FORMS = {
    "ская": ("ская", "ской", "скую", "скою"),
    "цкая": ("цкая", "цкой", "цкую"),
    "ска": ("ська", "ської", "ській", "ську", "ською"),
    "цька": ("цька", "цької", "цькій", "цьку", "цькою"),
    "ька": ("ька", "ької", "ькій", "ьку", "ькою"),
    "кая": ("кая", "кой", "кую"),
    "ский": ("ский", "ского", "скому", "ском"),
    "ський": ("ський", "ського", "ському", "ськім", "ськом"),
    "кий": ("кий", "кого", "кому", "ком"),
}
_REGION_NOUN_FORMS = {
    "oblast": ("область", "области", "областью", "області", "областю", "обл."),
    "krai": ("край", "края", "краю", "краем", "крае"),
}
_ENGLISH_REGION_WORDS = {
    "oblast": ("oblast", "region", "province", "oblast'", "regions", "oblasts"),
    "krai": ("krai", "kray", "region", "territory"),
}


@dataclass(slots=True)
class NameKey:
    """What a normalised name stands for: the entries named exactly so, and those it is the stem of."""

    key: str
    exact: list[tuple[int, bool]] = field(default_factory=list)  # (entry index, primary name)
    stem: list[tuple[int, bool]] = field(default_factory=list)
    cyrillic: bool = False
    acronym: bool = False


# A NameKey as the automaton stores it: (key, exact, stem, cyrillic, acronym). A plain tuple, because
# the cache (``cache.py``) pickles 100,000 of them, and tuples pickle and unpickle in C: twice as fast.
IndexedName = tuple[str, list[tuple[int, bool]], list[tuple[int, bool]], bool, bool]


@dataclass(slots=True)
class NameHit:
    """A name found in a text, before it is resolved to one entry."""

    start: int
    end: int
    surface: str
    key: str
    candidates: list[tuple[int, bool]]


def _previous_word(text: str, start: int) -> str:
    """The word before ``start`` when only spaces (and a title's full stop) separate them."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _word_ending(text, end) if end < start else ""


def _word_ending(text: str, end: int) -> str:
    """The letters right before ``end``, or before a full stop there ("Gen."); maybe none."""
    if end > 0 and text[end - 1] == ".":
        end -= 1
    # Mostly a space before the word: one search, not a step per letter. (Bounded: a text without
    # spaces must not be searched back to its start for every name.)
    space = text.rfind(" ", end - _LONGEST_WORD if end > _LONGEST_WORD else 0, end)
    if space >= 0:
        word = text[space + 1 : end]
        if word.isalpha():
            return word
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


def _usable(name: str) -> bool:
    return bool(_USABLE_NAME.match(name)) and not _short_capitals(name)


def _short_capitals(name: str) -> bool:
    return name.isupper() and len(name) <= 4


def _cyrillic_adjective_forms(adjective: str) -> list[str]:
    low = normalise_name(adjective)
    for ending, forms in sorted(_ADJECTIVE_FORMS.items(), key=lambda item: -len(item[0])):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            return [stem + form for form in forms]
    return [low]


def region_keys(parts: RegionNames) -> list[str]:
    """Every name a region is written as: "Kursk region", "Курской области", "Yakutia"."""
    names: list[str] = [*parts.standalone, *parts.extra]
    english = _ENGLISH_REGION_WORDS.get(parts.kind_word, ())
    for short in parts.short:
        names += [f"{short} {word}" for word in english]
        if parts.kind_word == "oblast":
            names += [f"{short}ska oblast", f"{short} oblast region"]
    nouns = _REGION_NOUN_FORMS.get(parts.kind_word, ())
    for adjective in parts.cyrillic_adjectives:
        names += [f"{form} {noun}" for form in _cyrillic_adjective_forms(adjective) for noun in nouns]
    return names


# Romanisations of Ukrainian and Russian names differ in a few regular ways: "Zatyshshia" (the national
# system) and "Zatyshshya" (GeoNames' older one), "Kruhliakivka" and "Kruhlyakivka", "Andriivka" and "Andriyivka".
_SOFT_VOWEL = re.compile(r"(?<=[bcdfghklmnprstvzj])([iy])([aue])")
_DOUBLE_I = re.compile(r"iy?i")


def transliteration_variants(key: str) -> tuple[str, ...]:
    """``key`` and its spellings under the other common romanisation ("ia" for "ya", "iyi" for "ii")."""
    if key.isascii() is False or not ("ia" in key or "ya" in key or "iu" in key or "yu" in key or "ie" in key
                                      or "ye" in key or "ii" in key or "iyi" in key):
        return (key,)
    out = {key}
    out.add(_SOFT_VOWEL.sub(lambda m: ("y" if m.group(1) == "i" else "i") + m.group(2), key))
    for v in list(out):
        if "ii" in v or "iyi" in v:
            out.add(_DOUBLE_I.sub(lambda m: "iyi" if m.group(0) == "ii" else "ii", v))
    return tuple(sorted(out, key=lambda v: v != key))


class NameIndex:
    """Normalised names -> entries, as an Aho-Corasick automaton."""

    def __init__(self, data: GazetteerData) -> None:
        keys: dict[str, NameKey] = {}
        for index, named in enumerate(data.entries):
            variants = named.entry.country in FULL_COUNTRIES and named.entry.kind == "city"
            # A country keeps its own name even where it is an English word or a first name ("Chad", "Jordan").
            country = named.entry.kind == "country"
            for key, primary, usable in self._names_of(named, data):
                self._add(keys, key, index, primary, usable, variants, keep_stop_keys=country and primary)
        # Every key starts with a space, and the scanned text too: the automaton then only
        # reports names that start a word, which is most of the speed of ``scan``.
        self.automaton = ahocorasick.Automaton()
        for key, value in keys.items():
            indexed: IndexedName = (key, value.exact, value.stem, value.cyrillic, value.acronym)
            self.automaton.add_word(" " + key, indexed)
        self.automaton.make_automaton()
        self.key_count = len(keys)

    @staticmethod
    def _names_of(named: NamedEntry, data: GazetteerData) -> Iterable[tuple[str, bool, bool]]:
        """(index key, whether it is a primary name, whether ``_usable``) of each name: each normalised once."""
        entry = named.entry
        if entry.kind == "region" and entry.admin1_code in data.region_names:
            for name in region_keys(data.region_names[entry.admin1_code]):
                yield normalise_name(name), True, _usable(name)
        for name in named.primary:
            yield normalise_name(name), True, _usable(name)
        if not named.other:
            return
        # GeoNames alternate names include other languages' exonyms and odd short
        # forms ("Part" for Perth, "Bin" for Vienna, "Der" for Győr). Outside
        # Ukraine and Russia only Cyrillic names and Latin ones close to the
        # entry's own name are kept; inside, very short ones must be close too.
        own = normalise_name(entry.name)
        full = entry.country in FULL_COUNTRIES
        for name in named.other:
            if not _USABLE_NAME.match(name):
                continue  # another script (Chinese, Arabic, ...): never indexed, so not normalised either
            key = normalise_name(name)
            if (full and len(key) > 4) or _CYRILLIC_KEY.match(key) or fuzz.ratio(key, own) >= SIMILAR_ALTERNATE:
                yield key, False, not _short_capitals(name)  # (= ``_usable``: its pattern matched above)

    @staticmethod
    def _add(
        keys: dict[str, NameKey], key: str, index: int, primary: bool, usable: bool, variants: bool = False,
        keep_stop_keys: bool = False,
    ) -> None:
        if not usable and key not in ACRONYMS:
            return
        for variant in transliteration_variants(key) if variants else (key,):
            if len(variant) < MIN_KEY_LENGTH and variant not in ACRONYMS:
                continue
            if variant in STOP_KEYS and not keep_stop_keys:
                continue
            slot = keys.get(variant)
            if slot is None:
                cyrillic = bool(_CYRILLIC_KEY.match(variant))
                # (Lists given, not made by the default factories: 100,000 keys are made at start-up.)
                slot = keys[variant] = NameKey(variant, [], [], cyrillic, variant in ACRONYMS)
            # Entries are added in index order, so a repeat of this entry can only be the last one added.
            if not slot.exact or slot.exact[-1][0] != index:
                slot.exact.append((index, primary))
            if slot.cyrillic and variant[-1] in _STEM_FINALS and len(variant) >= 5:
                stem = variant[:-1]
                stem_slot = keys.get(stem)
                if stem_slot is None:
                    stem_slot = keys[stem] = NameKey(stem, [], [], True)
                if not stem_slot.stem or stem_slot.stem[-1][0] != index:
                    stem_slot.stem.append((index, primary))

    def lookup(self, name: str) -> NameKey | None:
        """The entries named exactly ``name`` (any spelling the index knows), or None."""
        found: IndexedName | None = self.automaton.get(" " + normalise_name(name), None)
        return NameKey(*found) if found is not None and found[1] else None

    def keys(self) -> list[str]:
        """Every indexed key that names an entry outright (for fuzzy suggestions)."""
        return [key[1:] for key, value in self.automaton.items() if value[1]]

    def scan(self, text: str, strict: bool = True) -> list[NameHit]:
        """Names in ``text``, longest first where they overlap, in text order.

        ``strict`` applies the rules for running text (capitalisation, person
        names); without it any case is accepted, for names typed by a user.
        """
        normalised = normalise_text(text)
        norm = normalised.text
        shifted = bool(normalised.thresholds)  # else offsets in ``norm`` are offsets in ``text``
        length = len(norm)
        hits: list[NameHit] = []
        plausible, add = self._plausible, hits.append  # (looked up once: some 60 hits a text)
        for last, value in self.automaton.iter(" " + norm):
            # ``last`` is the match's last character in " " + norm: the exclusive end in ``norm``.
            if last < length and norm[last].isalnum():
                if not value[3]:  # only a Cyrillic name is followed by more letters: a case ending
                    continue
                ending = _INFLECTION_AFTER.match(norm, last)
                if ending is None or ending.group() not in INFLECTIONS:
                    continue
                end = ending.end()
                candidates = value[1] + value[2]
            else:
                end = last
                candidates = value[1]
            if not candidates:
                continue
            key: str = value[0]
            start = last - len(key)
            if shifted:
                start = normalised.original_start(start)
                end = normalised.original_end(end)
            surface = text[start:end]
            if strict:
                if not plausible(text, start, end, surface, key, value[4]):
                    continue
            elif value[4] and surface != surface.upper():
                continue
            add(NameHit(start, end, surface, key, candidates))
        if strict and ("напрям" in text or "направлен" in text):
            directions = self._directions(text)
            if directions:
                hits = [h for h in hits if not any(d.start <= h.start < d.end + 2 for d in directions)] + directions
        return self._longest(hits)

    def _directions(self, text: str) -> list[NameHit]:
        """Towns named by their adjective before "direction": "на Харківському напрямку", "на Покровском направлении".

        The town is the adjective's stem, the longest that names one (Торецьк-ому, Покровск-ом,
        Харків-ському), or, for names in -івка, the stem and "ка" (Новопавлів-ському). Where the
        town's name is the start of the word, the mention is that name, as written inside it;
        otherwise the whole word.
        """
        out: list[NameHit] = []
        for m in _DIRECTION_ADJECTIVE.finditer(text):
            word = m.group("adj")
            readings = [
                (name, found) for suffix, extra in _DIRECTION_STEMS
                if word.endswith(suffix) and len(word) - len(suffix) >= 3
                and (found := self.lookup(name := word[: len(word) - len(suffix)] + extra)) is not None
            ]
            if not readings:
                continue
            # Every reading is a candidate ("Харківському": Kharkiv, or the village Kharkivka): the resolver weighs them.
            candidates = list(dict.fromkeys(c for _, found in readings for c in found.exact))
            inside = [name for name, _ in readings if word.startswith(name)]
            end = m.start() + (len(inside[0]) if inside else len(word))
            out.append(NameHit(m.start(), end, text[m.start():end], readings[0][1].key, candidates))
        return out

    @staticmethod
    def _plausible(text: str, start: int, end: int, surface: str, key: str, acronym: bool) -> bool:
        # (Every test is run for most names, which pass them all: the cheap ones and common cases go first.)
        first = surface[0]
        if not first.isupper() and first.lower() != first.upper():
            return False  # "kursk" in lower case is not a name in running text
        if acronym and surface != surface.upper():
            return False  # "Us" is not the US
        spaces = start  # where the spaces before the name begin
        while spaces > 0 and text[spaces - 1].isspace():
            spaces -= 1
        word = _word_ending(text, spaces) if spaces < start else ""  # = _previous_word(text, start)
        low_word = word.lower()
        if word and word[0].isupper() and (low_word in TITLES or low_word in FIRST_NAMES or low_word in NAME_PREFIXES):
            return False  # "President Kim", "Donald Tusk", "Ukrainska Pravda"
        if low_word in GROUPING_WORDS:
            return False  # "Battlegroup Yug"
        # (``_NEXT_WORD`` starts with a space: most names are followed by punctuation, and need no match.)
        after = _NEXT_WORD.match(text, end) if end < len(text) and text[end].isspace() else None
        following = after.group(1) if after is not None else ""
        following_low = following.lower()
        if following_low in _WATER_WORDS:
            return False  # "the Oskil River": a river, not the village of Oskil
        if following_low in GROUPING_WORDS and not _GROUP_OF_PEOPLE.match(text, end):
            return False  # "the Vostok group (of forces)": a grouping named after a place
        if start > 0 and text[start - 1] in "«\"“" and _GROUPING_BEFORE.search(text, max(0, start - 30), start):
            return False  # "группировка «Восток»", "угруповання «Хортиця»"
        # _ACROSS_THE ends in "the" and spaces: "e" must come right before the spaces (a cheap test first).
        if (0 < spaces < start and text[spaces - 1] in "eE" and _ACROSS_THE.search(text, max(0, start - 24), start)
                and following_low not in _AREA_WORDS and following_low not in ("and", "or")
                and not text.startswith(",", end)):
            return False  # "across the Dnipro", "along the Oskil": the river
        if following and following[0].isupper():
            if following_low in ORGANISATION_WORDS:
                return False  # "Kyiv Independent"
            # (The surface too: "Андрій" is a case form of another name's stem.)
            if (key in FIRST_NAMES or surface.lower() in FIRST_NAMES) and following_low not in ("oblast", "region", "krai"):
                return False  # "Vladimir Putin"
        return True

    @staticmethod
    def _longest(hits: list[NameHit]) -> list[NameHit]:
        hits.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        kept: list[NameHit] = []
        reach = -1
        for hit in hits:
            if hit.start >= reach:
                kept.append(hit)
                reach = hit.end
            elif kept and hit.end > kept[-1].end and hit.start == kept[-1].start:
                kept[-1] = hit
        return kept
