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
from functools import lru_cache
from typing import Literal

from services.extract.lexicon import (
    COUNTRY_AGENTS,
    FORCE_NOUNS,
    INHERENT_FORCES,
    PHRASE_STOPWORDS,
    RUSSIAN_BATTLEGROUPS,
    SIDE_TERMS,
    UNIT_HEADS,
    UNIT_NAME_WORDS,
    UNIT_SIDE_CUES,
)
from services.extract.scan import TOKEN, WordStarts, token_at
from services.extract.triggers import TriggerMatch, find_triggers

# "unit": a named unit whose side its name does not tell ("the 155th Brigade"); the caller decides.
ActorKind = Literal["force", "country", "pronoun", "unit"]

APOS = "['’]"


def _unit(ch: str) -> str:
    return r"\s+" if ch == " " else APOS if ch == "'" else re.escape(ch)


def alternation(words: object) -> str:
    """A regex alternation of literal words in which the longest word wins.

    Built as a prefix tree ("russian(?:\\s+federation|-backed|)") rather than a
    flat list: the regex engine then rejects a position after a letter or two
    instead of trying every word. Longer words come before their prefixes at
    each branch (the trailing empty alternative), so the match is the one a
    longest-first list would give.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in {str(w) for w in words}:  # type: ignore[attr-defined]
        node = tree
        for ch in w:
            node = node.setdefault(_unit(ch), {})
        node[""] = {}  # a word ends here
    return _emit(tree)


def _emit(node: dict) -> str:  # type: ignore[type-arg]
    branches = [unit + _emit(child) for unit, child in sorted(node.items()) if unit]
    if "" in node:
        return "(?:" + "|".join(branches) + "|)" if branches else ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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
    rf"(?<![\w-])(?:(?:units?|troops|forces|servicemen|soldiers)\s+of\s+)?(?:the\s+|its\s+|their\s+|our\s+)?"
    rf"(?:(?P<inherent>{_INHERENT})|(?:battle\s?group|group\s+of\s+forces|grouping)\s+(?:{_BATTLEGROUP})"
    # "the Yug (South) Battlegroup": state media gloss the Russian name.
    rf"|(?:{_BATTLEGROUP})(?:\s+\((?:{_BATTLEGROUP})\))?\s+(?:battle\s?group|group\s+of\s+forces|grouping)"
    # "its Vostok group": a Russian name needs no "battle" ("the East group" might be anything's).
    r"|(?:vostok|zapad|yug|sever|tsentr|dnepr)\s+group)"
    rf"(?:\s+(?:units?|troops|forces|servicemen|fighters|mercenaries|brigade|battalion|regiment|corps))?(?![\w-])",
    re.IGNORECASE,
)
# Numbered units ("the 47th Separate Mechanized Brigade", "1st Guards Tank Army") and the Defense Forces.
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_UNIT_NAME = re.compile(
    rf"(?<![\w-])(?:{_ORDINAL}(?:\s+(?:(?-i:[A-Z])[\w’'-]*|{alternation(UNIT_NAME_WORDS)})){{0,5}}?\s+"
    rf"(?:{alternation(UNIT_HEADS)})(?:\s+(?:{alternation(UNIT_HEADS)}))?|(?-i:Defen[cs]e\s+Forces))(?![\w-])",
    re.IGNORECASE,
)
# Where ``_UNIT_NAME`` may start: an ordinal, or "Defense Forces" (case-sensitive: one pass, no case folding).
# (No look-behind in front: the engine can then skip to the next possible first character; the word start is checked after.)
_UNIT_HINT = re.compile(
    r"(?=[\dFSTENDfsten])(?:\d{1,3}(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|"
    r"[Nn]inth|[Tt]enth|[Ee]leventh|[Tt]welfth|Defen[cs]e)\s"
)
_UNIT_HEAD_SUBSTRINGS = (*UNIT_HEADS, "defence forces", "defense forces")  # what a unit's name must contain
# "Russia's 1st Guards Tank Army", "the US Army's 3rd Infantry Division": the side, perhaps its service, then the unit.
_UNIT_SIDE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<side>{SIDE}|{_INHERENT})"
    rf"(?:\s+(?:army|armed\s+forces|navy|air\s+force|marine\s+corps|ground\s+forces|military))?(?:{APOS}s)?\s+$",
    re.IGNORECASE,
)
_UNIT_SIDE_AFTER = re.compile(
    rf"\s+(?:of|from)\s+(?:the\s+)?(?:(?:armed\s+forces|army|navy)\s+of\s+(?:the\s+)?)?(?P<side>{SIDE}|{_INHERENT})"
    rf"(?![\w-])(?:{APOS}s)?(?:\s+(?:armed\s+forces|army|navy))?",
    re.IGNORECASE,
)
_UNIT_MEMBERS_BEFORE = re.compile(
    r"(?:units?|elements|troops|forces|servicemen|soldiers|fighters|paratroopers|marines|operators|members|"
    r"(?:assault\s+)?(?:groups?|detachments?|teams?)|crews?|formations?|men|defenders|warriors)\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_UNIT_CUE = re.compile(rf"(?<![\w-])(?:{alternation(UNIT_SIDE_CUES)})(?![\w-])", re.IGNORECASE)

# "the troops", "their forces", "these units", "they": a side named earlier.
_PRONOUN_FORCE = re.compile(
    rf"(?<![\w-])(?:(?:the|these|those|our|their|its|his|her|both)\s+(?:{_MOD}\s+)?(?:{_FORCE})|they|we)(?![\w-])",
    re.IGNORECASE,
)
_BARE_FORCE_START = re.compile(
    r"(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:units|troops|forces|soldiers|paratroopers|marines|infantry|infantrymen)(?![\w-])"
)
_COUNTRY = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<name>{alternation(COUNTRY_AGENTS)})(?![\w-])(?!{APOS}s)",
    re.IGNORECASE,
)
# (The acronyms' noun reading: see _ACRONYM_STATES.)
_ACRONYM_STATE = re.compile(r"(?:(?i:the)\s+)?(?P<name>US|U\.S\.|UK|U\.K\.|USA)(?![\w-])(?!['’]s)(?=,?\s+[a-z])")
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


_POSSESSIVE_END = re.compile(rf"{APOS}s$")
_THE_START = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def side_of_term(term: str) -> str | None:
    """The side a single side word names ("Moscow's" -> RUS), or None."""
    # Cached: the same few side words recur in every article.
    key = _POSSESSIVE_END.sub("", term.strip().lower())
    key = _THE_START.sub("", key)
    key = _SPACES.sub(" ", key)
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


_TOKEN = TOKEN


def _first_words(keys: object) -> frozenset[str]:
    return frozenset(str(k).split()[0].replace("'", "’") for k in keys)  # type: ignore[attr-defined]


_SIDE_FIRST = _first_words(SIDE_TERMS) | {"us", "u.s.", "uk", "u.k."}
# The acronyms that name a state as a noun ("The US is deploying ...", "the UK sent ..."); matched in
# capitals only, so that "told us" stays a pronoun. As adjectives ("US troops") they are side words.
_ACRONYM_STATES = frozenset({"us", "u.s.", "u.s", "uk", "u.k.", "u.k", "usa"})  # (token keys lose a final dot)
_COUNTRY_FIRST = _first_words(COUNTRY_AGENTS)
_FORCE_FIRST = _first_words(FORCE_NOUNS)
_INHERENT_FIRST = (
    _first_words(INHERENT_FORCES) | _first_words(RUSSIAN_BATTLEGROUPS) | {"battlegroup", "battle", "group", "grouping"}
)
_PRONOUN_FIRST = frozenset({"the", "these", "those", "our", "their", "its", "his", "her", "both", "they", "we"})
_DETERMINERS = _PRONOUN_FIRST - {"they", "we"}
_FIRST_WORD_STARTS = WordStarts(
    _SIDE_FIRST | _COUNTRY_FIRST | _FORCE_FIRST | _INHERENT_FIRST | _ACRONYM_STATES | {"they", "we"}
)
_DETERMINER_STARTS = WordStarts(_DETERMINERS - _SIDE_FIRST - _COUNTRY_FIRST - _FORCE_FIRST - _INHERENT_FIRST)
_SERVICE_AFTER = re.compile(
    r"\s+of\s+the\s+(?:National\s+Guard|Armed\s+Forces|Navy|Air\s+Force|Marine\s+Corps|Ground\s+Forces|"
    r"Airborne\s+(?:Assault\s+)?(?:Forces|Troops))(?![\w-])"
)
# Any side word, a service of one ("Rosgvardia"), or a foreign guard ("the US National Guard").
_OTHER_SIDE_NAMED = re.compile(
    r"(?i:rosgvardia|росгвард)|(?<![\w-])(?:Russia|Russian|Moscow|Kremlin|US|U\.S\.|American|Georgian|Kazakh|Belarusian|"
    r"Chechen|Kadyrov)\w*"
)
_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:in|into|across|near|over|inside|throughout)\s+(?:the\s+)?"
    r"(?:(?:eastern|western|northern|southern|central|north|south|east|west)\s+)?$",
    re.IGNORECASE,
)
_UNITS_OF_BEFORE = re.compile(r"(?:units?|troops|forces|servicemen|soldiers)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"the\s+$", re.IGNORECASE)


def _token_key(token: str) -> str:
    low = token.lower().replace("'", "’").rstrip(".,")
    return low[:-2] if low.endswith("’s") else low


def _scan(sentence: str, starts: WordStarts, out: list[tuple[int, str, bool, bool]]) -> None:
    """Append (start, key, is side word, is force word) for each token ``starts`` finds that is an actor word."""
    for start in starts.find(sentence):
        token = token_at(sentence, start)
        if token is None:
            continue
        key = _token_key(token)
        side = key in _SIDE_FIRST or key.split("-")[0] in _SIDE_FIRST
        force = key in _FORCE_FIRST
        if side or force or key in _COUNTRY_FIRST or key in _INHERENT_FIRST or key in _PRONOUN_FIRST or (
            key in _ACRONYM_STATES
        ):
            out.append((start, key, side, force))


def find_units(sentence: str) -> list[ActorMention]:
    """Numbered units of ``sentence`` (see ``_find_units``)."""
    return list(_find_units(sentence))


@lru_cache(maxsize=64)  # the actor and the speaker rules both ask, sentence by sentence
def _find_units(sentence: str) -> tuple[ActorMention, ...]:
    """Numbered units of ``sentence``: a force of the side their name or its qualifier tells, else of kind "unit".

    "soldiers of the 3rd Assault Brigade" (UKR: Ukraine's assault brigades),
    "Russia's 1st Guards Tank Army", "the 47th brigade of the AFU"; "the 155th
    brigade" alone says no side.
    """
    low = sentence.lower()
    # Substring tests run in C at a fraction of a regex scan's cost, and most sentences name no unit.
    if not any(head in low for head in _UNIT_HEAD_SUBSTRINGS):
        return ()
    out: list[ActorMention] = []
    for hint in _UNIT_HINT.finditer(sentence):
        at = hint.start()
        if at and (sentence[at - 1].isalnum() or sentence[at - 1] in "_-"):
            continue
        m = _UNIT_NAME.match(sentence, at)
        if m is None or (out and m.start() < out[-1].end):
            continue
        start, end = m.start(), m.end()
        sides: tuple[str, ...] = ()
        the = _THE_BEFORE.search(sentence, max(0, start - 4), start)
        lead = the.start() if the else start
        before = _UNIT_SIDE_BEFORE.search(sentence, max(0, lead - 40), lead)
        if before:
            side = side_of_term(before.group("side"))
            sides = (side,) if side else ()
            lead = before.start()
        after = _UNIT_SIDE_AFTER.match(sentence, end)
        if after:
            side = side_of_term(after.group("side"))
            # "the 1st Corps of the National Guard": the name goes on (and says the side, if nothing before did).
            if side and (not sides or sides == (side,)):
                sides, end = (side,), after.end()
        elif (service := _SERVICE_AFTER.match(sentence, end)) is not None:
            end = service.end()  # "the Ukrainian 1st Corps of the National Guard"
        if not sides:
            cued = {UNIT_SIDE_CUES[_SPACES.sub(" ", c.lower())] for c in _UNIT_CUE.findall(m.group(0))}
            if not cued and end > m.end() and _OTHER_SIDE_NAMED.search(sentence) is None:
                # The service named after the unit cues its side too ("units of the 1st Corps of the National Guard"),
                # unless the sentence names a side ("Rosgvardia said units of the National Guard were sent").
                cued = {UNIT_SIDE_CUES[_SPACES.sub(" ", c.lower())] for c in _UNIT_CUE.findall(sentence[m.end():end])}
            sides = tuple(cued) if len(cued) == 1 else ()
        members = _UNIT_MEMBERS_BEFORE.search(sentence, max(0, lead - 30), lead)
        if members:
            lead = members.start()
        out.append(ActorMention(lead, end, sides, "force" if sides else "unit", sentence[lead:end]))
    return tuple(out)


def find_actors(sentence: str) -> list[ActorMention]:
    """Every actor phrase of ``sentence``, in order, longest phrase winning overlaps."""
    # Anchored matches at candidate words only: scanning every position with
    # the large alternations would cost ten times more.
    cands: list[tuple[int, str, bool, bool]] = []
    _scan(sentence, _FIRST_WORD_STARTS, cands)
    if not cands:
        return find_units(sentence)
    force_starts = [c[0] for c in cands if c[3]]
    if force_starts:
        # "the troops": a determiner counts only before a force word, so look for one only then.
        found_at = {c[0] for c in cands}
        more: list[tuple[int, str, bool, bool]] = []
        _scan(sentence, _DETERMINER_STARTS, more)
        cands = sorted(cands + [c for c in more if c[0] not in found_at])
    side_starts = [c[0] for c in cands if c[2]]
    # Only words with a force word (or, for force words, a side word) somewhere after them can qualify;
    # ``within`` tells exactly, once a pattern has matched.
    last_force = force_starts[-1] if force_starts else -1
    last_side = side_starts[-1] if side_starts else -1
    side_pos = [start for start in side_starts if start < last_force]
    country_pos = [c[0] for c in cands if c[1] in _COUNTRY_FIRST or c[1] in _ACRONYM_STATES]
    force_pos = [start for start in force_starts if start < last_side]
    inherent_pos = [c[0] for c in cands if c[1] in _INHERENT_FIRST]
    pronoun_pos = [c[0] for c in cands if c[1] in _PRONOUN_FIRST and (c[1] in ("they", "we") or c[0] < last_force)]
    they_pos = {c[0] for c in cands if c[1] in ("they", "we")}

    def within(start: int, others: list[int], n: int) -> bool:
        """Whether one of ``others`` (token starts, in order) is among the ``n`` tokens after the one at ``start``."""
        # Tested only where a pattern matched: counting tokens costs more than most failed matches.
        nearest = next((o for o in others if o > start), None)
        return nearest is not None and len(_TOKEN.findall(sentence, start, nearest)) <= n

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
            side = INHERENT_FORCES.get(_SPACES.sub(" ", inherent.lower().replace("’", "'"))) if inherent else "RUS"
            if side:
                prefix = _UNITS_OF_BEFORE.search(sentence, max(0, pos - 25), pos)
                add(prefix.start() if prefix else m.start(), m.end(), (side,), "force")
    for pos in force_pos:
        m = _FORCE_OF_SIDE.match(sentence, pos)
        if m and within(pos, side_starts, 5):  # a force word with a side word in the next five
            sides = sides_in(m.group("sides"))
            if sides:
                add(m.start(), m.end(), sides, "force")
    for pos in side_pos:
        m = _SIDE_FORCE.match(sentence, pos)
        if m and "," in m.group("sides") and _LOCATIVE_BEFORE.search(sentence, max(0, pos - 25), pos) and (
            _THE_START.sub("", m.group("sides").split(",")[0].strip().lower()) in COUNTRY_AGENTS
        ):
            continue  # "In eastern Ukraine, Russian forces pushed": a place, then the subject; not one list of sides
        if m and within(pos, force_starts, 7):  # a side word with a force word in the next seven
            sides = sides_in(m.group("sides"))
            if not sides:
                continue
            if not _verb_after_country(sentence, m):
                add(m.start(), m.end(), sides, "force")
            elif _THE_START.sub("", m.group("sides").lower()) not in COUNTRY_AGENTS:
                # "the Kiev regime transferred ...": the noun is the subject (COUNTRY_AGENTS are found below).
                add(m.start(), m.end("sides"), sides, "country")
    for unit in find_units(sentence):
        add(unit.start, unit.end, unit.sides, unit.kind)
    for pos in country_pos:
        m = _COUNTRY.match(sentence, pos) or _acronym_state(sentence, pos)
        if m:
            name = _SPACES.sub(" ", m.group("name").lower())
            side = side_of_term(name)
            if side:
                # Plural demonyms ("the Russians") name the fighting men, not the state.
                kind: ActorKind = "force" if name in _DEMONYM_FORCES else "country"
                add(m.start(), m.end(), (side,), kind)
    if not found or found[0].start > 0:
        bare = _BARE_FORCE_START.match(sentence)
        if bare:
            # "Airborne units seized ...": a force named without a side opens the sentence; the text named it before.
            add(0, bare.end(), (), "pronoun")
    for pos in pronoun_pos:
        m = _PRONOUN_FORCE.match(sentence, pos)
        if m and (pos in they_pos or within(pos, force_starts, 2)):
            add(m.start(), m.end(), (), "pronoun")
    found.sort(key=lambda a: a.start)
    return _merge_coordinated(sentence, found)


_LOWER_START = re.compile(r"\s+[a-z]")


_AUXILIARIES = re.compile(r"(?:,?\s+(?:has|have|had|is|are|was|were|will|would|also|then|now|already|quietly|reportedly))*\s+")


def _acronym_state(sentence: str, pos: int) -> re.Match[str] | None:
    """"The US is deploying ...", "the UK sent ...": the acronym as a state, only when a verb of an event follows.

    ("Ukrainian troops using US weapons" and "the US economy" keep "US" an adjective.)
    """
    m = _ACRONYM_STATE.match(sentence, pos)
    if m is None:
        return None
    aux = _AUXILIARIES.match(sentence, m.end())
    return m if _opens_with_trigger(sentence[aux.end() if aux else m.end():][:60]) else None


def _opens_with_trigger(text: str, triggers: list[TriggerMatch] | None = None) -> bool:
    """Whether ``text`` (past leading spaces) opens with an event verb ("sent two brigades", "is deploying")."""
    first = (find_triggers(text) if triggers is None else triggers)[:1]
    return bool(first) and not text[:first[0].start].strip()


def _verb_after_country(sentence: str, m: re.Match[str]) -> bool:
    """"Moscow massed troops": a country noun, then a verb, is a subject and its object, not one phrase.

    A country noun modifies a force noun only directly ("Ukraine forces"); an
    adjective or possessive side word may take modifiers ("Russia's exhausted troops").
    """
    sides_end, noun_start = m.end("sides"), m.start("noun")
    if noun_start - sides_end <= 1:
        return False  # "Russian troops": nothing between
    gap = sentence[sides_end:noun_start]
    gap_triggers = find_triggers(gap)
    if gap.strip():
        # "the Ukrainian command sent reinforcements": a verb after a noun is no modifier
        # (but "Russia's newly deployed troops" is one phrase).
        for trig in gap_triggers:
            words_before = gap[:trig.start].split()
            if words_before and not words_before[-1].lower().endswith("ly"):
                return True
    side_text = m.group("sides").lower()
    if side_text.endswith(("'s", "’s")):
        return False
    side_text = _THE_START.sub("", side_text)
    acronym = side_text in _ACRONYM_STATES and _THE_START.sub("", m.group("sides").strip()).replace(".", "").isupper()
    if acronym and _opens_with_trigger(gap, gap_triggers):
        return True  # "The UK sent 100 troops": the acronym is the subject when a verb follows it
    if side_text in COUNTRY_AGENTS:
        return bool(_LOWER_START.match(sentence, sides_end))
    # "the Kiev regime transferred two brigades", "Putin sent troops": a side named by a noun, then a verb.
    # (After an adjective the same word is a participle: "Russian mobilised troops".)
    return _opens_with_trigger(gap, gap_triggers) and not _is_side_adjective(side_text)


# Side words that are adjectives ("Russian", "British", "Azerbaijani", "pro-Russian"): the rest are nouns.
_ADJECTIVE_END = re.compile(r"(?:an|sh|ese|i|ch|ak|en|-backed|-installed)$|^(?:us|u\.s\.|uk|u\.k\.)$")


def _is_side_adjective(side_text: str) -> bool:
    words = side_text.split()
    return bool(words) and _ADJECTIVE_END.search(words[-1]) is not None


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
