"""Statements: a named person or body that said, announced, confirmed, denied or urged.

Unnamed sources ("one official", "military sources", "analysts") make no
statement, but are still returned as the attribution of claims in the
sentence (``claimed_by``). The speaker's side comes from a lexicon of
well-known figures, or from side words in the title or apposition around the
name ("Ukrainian President", "a Moscow-installed official").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from services.extract.actors import APOS, SIDE, alternation, find_actors, find_units, sides_in
from services.extract.lexicon import (
    BODY_NOUNS,
    KNOWN_BODIES,
    KNOWN_PEOPLE,
    NEWS_OUTLETS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ORGANISATION_DESCRIPTORS,
    PERSON_TITLES,
    SIDE_TERMS,
    UNNAMED_SOURCES,
)
from services.extract.scan import WordStarts, token_at
from shared.gazetteer.stoplist import FIRST_NAMES

_VERBS = (
    r"said|says|say|stated|told|tells|announced|announces|confirmed|confirms|denied|denies|urged|urges|"
    r"added|adds|claimed|claims|declared|declares|noted|notes|warned|warns|wrote|writes|insisted|insists|"
    r"stressed|stresses|emphasi[sz]ed|emphasi[sz]es|explained|explains|indicated|indicates|remarked|argued|"
    r"asserted|acknowledged|admitted|alleged|accused|vowed|pledged|promised|reiterated|reaffirmed|"
    r"disclosed|revealed|commented|posted|tweeted|reported|reports|suggested|suggests|called\s+for|"
    r"called\s+on|condemned|condemns|demanded|threatened|estimated|assessed|informed|briefed|described|describes|"
    # Verbs of judging out loud: "Yermak hailed the bridgehead", "the coach praised his side".
    r"hailed(?!\s+from)|hails(?!\s+from)|praised|praises|congratulated|welcomed|welcomes|critici[sz]ed|critici[sz]es|conceded|thanked|"
    r"blamed|blames|replied|responded|recalled|complained|predicted|spoke\s+(?:of|about)|boasted|lamented"
)
_PARTICIPLES = (
    r"saying|stating|adding|noting|suggesting|reiterating|reaffirming|insisting|warning|urging|claiming|"
    r"emphasi[sz]ing|stressing|arguing|declaring|announcing|confirming|denying|indicating|accusing|calling\s+for|"
    r"writing|telling|posting|praising|hailing|thanking|welcoming|blaming|criticising|criticizing"
)
_SPEECH = re.compile(
    rf"(?:(?<![\w-])(?P<verb>{_VERBS})|,\s*(?P<part>{_PARTICIPLES})|(?<![\w-])(?P<acc>according\s+to))(?![\w-])",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"(?<![\w-])(?:not|n't|never|yet\s+to|declined\s+to|refused\s+to|failed\s+to|would|could|will|(?-i:may)|might|"
    r"was|were|is|are|been|being|to)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_CAP = r"(?:[A-ZÀ-ÝА-ЯІЇЄ][\w’'.-]*|[A-Z]\.)"
_NAME_SEQ = re.compile(
    rf"(?<![\w’'-]){_CAP}(?:\s+(?:{_CAP}|(?:de|van|von|bin|al|el|da|di|der|den|of\s+the|for\s+the|of|for|and|the)(?=\s+(?:(?:der|den|de|la)\s+)?[A-Z])))*"
    rf"(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?"
)
_BODY_NOUN = alternation(BODY_NOUNS)
_SIDE_BODY = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?:{SIDE})(?:{APOS}s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_BODY_NOUN})"
    # "military intelligence agency", "Central Military Commission": the head noun may follow.
    r"(?:\s+(?:agency|service|directorate|department|office|commission|committee|council|command))?(?![\w-])"
    # "Russian Chief of General Staff Valery Gerasimov": a title, not a body, before a name.
    r"(?!\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+))"
    rf"(?!\s+(?:chief|head|spokes\w+|officials?|officers?|minister|commanders?|members?|sources?|director|bloggers?|"
    rf"analysts?|experts?|observers?|correspondents?|reporters?|journalists?|blogs?)\b)",
    re.IGNORECASE,
)
_BODY_HEAD_OF = re.compile(
    r"(?<![\w-])(?P<head>(?-i:General\s+Staff|Joint\s+Staff|High\s+Command|Main\s+Intelligence\s+Directorate|"
    r"Ministry\s+of\s+Defen[cs]e)|press\s+service|command)\s+of\s+$",
    re.IGNORECASE,
)
_UNIT_MEMBERS = re.compile(r"^[\w\s]*?\s(?:of|from)\s+", re.IGNORECASE)
_ORGANISATION_BEFORE = re.compile(r"(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z][\w-]*)\s+$")
# "the Khortytsia operational-strategic group", "the Azov brigade": a name, then what kind of body it is.
_NAMED_BODY = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'-]+\s+(?:(?:operational-strategic|operational|tactical|joint|territorial|press|regional)\s+)*"
    r"(?:group(?:\s+of\s+forces)?|grouping|brigade|battalion|regiment|command|task\s+force)(?![\w-])"
)
_OF_EMPLOYER = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_BY_AFTER = re.compile(r"\s+by\s+(?:the\s+)?")
_PASSIVE_BEFORE = re.compile(r"(?<![\w-])(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_UNIT_ANAPHOR = re.compile(r"(?<![\w-])the\s+(?:brigade|battalion|regiment|corps|division|unit)\s+$", re.IGNORECASE)
_UNIT_HEAD_END = re.compile(r"(?:brigade|battalion|regiment|corps|division|army)$", re.IGNORECASE)
_NAMED_BODY_WORDS = ("group", "brigade", "battalion", "regiment", "command", "task force")
_KNOWN_BODY = re.compile(rf"(?<![\w-])(?:{alternation(KNOWN_BODIES)})(?![\w-])", re.IGNORECASE)
_GAP_OK = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?"
    # "the DeepState monitoring project posted": what kind of body it is may stand between.
    r"(?:\s+(?:monitoring|analytical|mapping|project|channel|team|website|outlet|blog|account|group)(?![\w-]))*"
    # "the Defence Ministry in Moscow said": the body's seat. (Capitalised words after a name, "US Army Europe
    # and Africa said", were tried too: they joined names that do not belong together.)
    r"(?:\s+in\s+(?-i:[A-Z][a-z]+)(?=\s*,?\s*$))?"
    r"\s*(?:,\s*[^,“”\"]{1,130}?\s*,)?\s*,?\s*"
    r"(?:who\s+)?"  # "Oleksandr Syrskyi, who said"
    r"(?:(?:has|have|had|also|later|then|previously|recently|earlier|further|again|separately|repeatedly|publicly|"
    r"once\s+again|on\s+\w+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|in\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|post|video|"
    r"address|speech|interview|briefing|message|report|comments?)(?:\s+on\s+[\w-]+)?)\s*,?\s*)*",
    re.IGNORECASE,
)
# "Analyst Marta Kowalczyk of the consultancy NordBev said": the person, whose employer follows her name.
_OF_BEFORE_NAME = re.compile(r"(?<![\w-])(?:of|for|to|with)\s+$")
_EMPLOYER_GAP = re.compile(
    r"\s+(?:of|at|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3}\s*,?\s*"
)
# "Peskov dismissed the sanctions as illegal and said": the subject of a coordinated verb speaks.
_COORDINATED_SPEECH = re.compile(
    r"\s+(?:[a-z]+ed|met|held|gave|made|spoke|took|sent|visited|hit\s+out)\s(?:[^,;:.“”\"]|[“\"][^,;:.“”\"]{1,40}[”\"]){0,80}?"
    r"\s+and\s+(?:also\s+)?"
)
# A name inside an apposition: lower-case words since the last comma ("an analyst with the").
_IN_APPOSITION = re.compile(
    r",\s*(?:(?:the|a|an)\s+|[a-z][\w-]*\s+)[^,]*?\b[a-z][\w-]*\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
)
_BEFORE_THE_VERB = r"\s*,?\s*(?:\w+ly\s+)?$"
_PRONOUN_SUBJECT = re.compile(rf"(?<![\w-])(?:he|she|it){_BEFORE_THE_VERB}", re.IGNORECASE)
_IT_SUBJECT = re.compile(rf"(?<![\w-])it{_BEFORE_THE_VERB}", re.IGNORECASE)  # "it said": a body named before
_PRONOUN_OBJECT = re.compile(r"^\s+(?:him|her)\b", re.IGNORECASE)
# "according to a source familiar with Ukrainian military planning": an unnamed source, whoever it knows.
_UNNAMED_SOURCE = re.compile(
    r"^\s+(?:a|an|one|two|three|several|some|many|unnamed|anonymous|other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sources?|officials?|people|persons?|diplomats?|officers?|soldiers?|analysts?|experts?|insiders?|residents?)\b",
    re.IGNORECASE,
)
_INVERTED_LEFT = re.compile(r"(?:[,”\"’]|^)\s*$")
_INVERTED_RIGHT = re.compile(
    r"\s+(?:(?:the|a|an)\s+[\w\s’'-]{0,40}?,\s*)?"
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Gen|Col|Maj|Capt|Lt|Sgt)\.?\s+)?"  # '..., said Dr Rachel Hollis'
)
_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
_UNNAMED_ATTRIBUTION = re.compile(
    r"(?:^|,\s*)(?P<who>(?:(?:the|a|an|one|some|several|two|three|other|local|senior|western|military|"
    r"[A-Z][\w’'-]*)\s+){0,3}(?:officials?|sources?|analysts?|experts?|media|bloggers|commanders?|"
    r"observers|diplomats|reports?|intelligence|authorities|soldiers|troopers|troops))\s+"
    r"(?:said|say|says|reported|report|claimed|claim|stated|believe)\b",
)


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """A named speaker found in a sentence, with the speech verb it governs."""

    name: str
    side: str | None
    is_person: bool
    verb: str
    verb_start: int
    name_start: int
    name_end: int
    content: str | None


def _clean_tokens(seq: str) -> list[str]:
    return [t.strip(",") for t in seq.split()]


def _is_place_word(token: str) -> bool:
    low = token.lower().rstrip("’'s").rstrip("’'")
    return low in SIDE_TERMS


_LINK_WORDS = frozenset({"the", "of", "for", "and"})
# A title word, then two or three capitalised words ending a name sequence: the person the title belongs to.
_TITLED_NAME_END = re.compile(
    r"(?<![\w’'-])(?:Spokes(?:man|woman|person)|Colonel|Col\.|General|Gen\.|Commander|Major|Captain|Lieutenant|"
    r"Sergeant|Minister|Governor|Mayor|Chief|Head|Director|Adviser|Advisor|President|Ambassador)\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})$"
)
_TITLE_OF_BODY_NAME = re.compile(
    r"(?:Head|Chief|Chairman|Chairwoman|Director|Commander|Minister|Governor|Mayor|Spokes(?:man|woman|person)|Secretary|"
    r"Deputy\s+Head|Deputy\s+Chief|Deputy\s+Minister|Commander-in-Chief)\s+(?:of|for)\s+(?:the\s+)?\S.*?\s+"
    r"(?P<name>[A-Z][\w’'-]+\s+[A-Z][\w’'-]+)$"
)
_SPEECH_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:said|says|announced|announces|reported|reports|confirmed|confirms|"
    r"denied|denies|stated|states|told)(?![\w-])"
)
# Capitalised words that open a sentence and speak without naming anyone.
_UNNAMED_BODIES = frozenset({
    "police", "government", "management", "staff", "parliament", "everyone", "nobody", "someone", "somebody",
    "officials", "authorities", "ukraine", "russia", "moscow", "kyiv", "kiev", "he", "she", "it", "they", "we",
})


def _is_lone_body(name: str) -> bool:
    """Whether a lone capitalised word can be an organisation's name: no plural noun, no known place or side."""
    low = name.lower()
    return (
        len(name) >= 3 and name[0].isupper() and not low.endswith("s") and low not in _UNNAMED_BODIES
        and low not in NOT_NAME_WORDS and low not in ORG_WORDS and low not in PERSON_TITLES and low not in KNOWN_BODIES
        and not _is_place_word(name)
    )


def _is_title_word(token: str) -> bool:
    """A word of a title or qualifier before a name: "President", "Ukrainian", "NATO", "of"."""
    low = token.lower()
    return (
        low in PERSON_TITLES or low in KNOWN_BODIES or low in SIDE_TERMS or low.rstrip("’'s") in SIDE_TERMS
        or (token.isupper() and len(token) > 1) or low in {"of", "for", "the", "and"}
    )


_POSSESSIVE_END = re.compile(rf"{APOS}s$")
_THE_START = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


# person_name and _body_name are cached: the same names recur from sentence to sentence.
@lru_cache(maxsize=4096)
def person_name(seq: str) -> tuple[str, str] | None:
    """(name, title) of a capitalised sequence that names a person, else None."""
    tokens = _clean_tokens(_POSSESSIVE_END.sub("", seq.strip().rstrip(".")))
    title: list[str] = []
    while len(tokens) > 1 and tokens[0].lower() not in KNOWN_PEOPLE:
        if len(tokens) > 2 and _POSSESSIVE_END.sub("", f"{tokens[0]} {tokens[1]}").lower() in SIDE_TERMS:
            title.append(tokens.pop(0))  # "United States President Donald Trump"
        elif len(tokens) > 2 and tokens[0][:1].isupper() and _is_title_word(tokens[1]) and not _is_title_word(tokens[0]):
            title.append(tokens.pop(0))  # "Kursk Governor Alexei Smirnov": a place qualifies the title
            continue
        elif not _is_title_word(tokens[0]):
            break
        title.append(tokens.pop(0))
    if not tokens or len(tokens) > 4:
        return None
    known = " ".join(tokens).lower() in KNOWN_PEOPLE or tokens[-1].lower() in KNOWN_PEOPLE
    for t in tokens:
        low = t.lower()
        if low in NOT_NAME_WORDS or low in ORG_WORDS or low in PERSON_TITLES or (_is_place_word(t) and not known):
            return None
        if low in {"of", "for", "and", "the"} or t.startswith("("):
            return None
    return " ".join(tokens), " ".join(title)


@lru_cache(maxsize=4096)
def _body_name(seq: str) -> str | None:
    """The name of a capitalised sequence that names an organisation, else None."""
    tokens = _clean_tokens(seq)
    if any(t.lower() in ORG_WORDS for t in tokens) and len(tokens) >= 2:
        name = seq.strip()
        name = re.sub(r"^(?:The|A)\s+", "", name)
        return name
    return None


@dataclass(frozen=True, slots=True)
class _Entity:
    start: int
    end: int
    name: str
    side: str | None
    is_person: bool


_SIDE_BODY_FIRST = frozenset(k.split()[0] for k in SIDE_TERMS) | {"the", "us", "u.s.", "uk", "u.k."}
_KNOWN_BODY_FIRST = frozenset(k.split()[0] for k in KNOWN_BODIES)
_BODY_FIRST_STARTS = WordStarts(_SIDE_BODY_FIRST | _KNOWN_BODY_FIRST)


def _body_candidates(sentence: str) -> tuple[list[int], list[int]]:
    """Word starts where a side-qualified body, or a known body, may begin."""
    side: list[int] = []
    known: list[int] = []
    for start in _BODY_FIRST_STARTS.find(sentence):
        token = token_at(sentence, start)
        if token is None:
            continue
        key = token.lower().rstrip(".,")
        if key.endswith(("’s", "'s")):
            key = key[:-2]
        if key in _SIDE_BODY_FIRST or key.split("-")[0] in _SIDE_BODY_FIRST:
            side.append(start)
        if key in _KNOWN_BODY_FIRST:
            known.append(start)
    return side, known


def _anchored(pattern: re.Pattern[str], sentence: str, starts: list[int]) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that start at one of ``starts``."""
    out: list[re.Match[str]] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        m = pattern.match(sentence, start)
        if m:
            out.append(m)
            done = m.end()
    return out


def _entities(
    sentence: str, places: list[tuple[int, int]], introduced: Callable[[str], bool] | None = None
) -> list[_Entity]:
    """Named persons and bodies of a sentence, in order."""
    out: list[_Entity] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < o.end and o.start < e for o in out)

    side_starts, body_starts = _body_candidates(sentence)
    for m in _anchored(_SIDE_BODY, sentence, side_starts):
        body_sides = sides_in(m.group(0))
        start = m.start()
        head = _BODY_HEAD_OF.search(sentence, max(0, start - 40), start)
        if head is not None:
            start = head.start("head")  # "the General Staff of Ukraine's Armed Forces": the staff speaks
        name = _THE_START.sub("", sentence[start:m.end()])
        out.append(_Entity(start, m.end(), name, body_sides[0] if body_sides else None, False))
    for unit in find_units(sentence):
        if not overlaps(unit.start, unit.end):
            # A unit speaks under its own name ("the 47th Mechanized Brigade said"), not its members'.
            name = _UNIT_MEMBERS.sub("", _THE_START.sub("", unit.text))
            out.append(_Entity(unit.start, unit.end, _THE_START.sub("", name), unit.sides[0] if unit.sides else None, False))
    named_bodies = _NAMED_BODY.finditer(sentence) if any(w in sentence for w in _NAMED_BODY_WORDS) else ()
    for m in named_bodies:
        first = m.group(0).split()[0]
        if not overlaps(m.start(), m.end()) and first.lower() not in NOT_NAME_WORDS and m.start() > 0:
            out.append(_Entity(m.start(), m.end(), m.group(0), next(iter(sides_in(first)), None), False))
    for s, e in _name_spans(sentence):
        seq = sentence[s:e]
        if overlaps(s, e):
            # "Ukrainian Southern Defense Forces Spokesperson Colonel Vladyslav Voloshyn": the body is his title.
            titled_name = _TITLED_NAME_END.search(seq)
            if titled_name is not None and not overlaps(s + titled_name.start("name"), e):
                parsed = person_name(titled_name.group("name"))
                if parsed is not None:
                    start = s + titled_name.start("name")
                    ent = _Entity(start, e, parsed[0], None, True)
                    out.append(_Entity(start, e, parsed[0], _side_from_context(sentence, ent), True))
            continue
        titled_of = _TITLE_OF_BODY_NAME.match(seq)
        if titled_of is not None and (parsed := person_name(titled_of.group("name"))) is not None:
            # "Head of the Donetsk People's Republic Denis Pushilin": the office, then the person who speaks.
            office = sides_in(seq[:titled_of.start("name")])
            side = office[-1] if office else KNOWN_PEOPLE.get(parsed[0].lower(), KNOWN_PEOPLE.get(parsed[0].split()[-1].lower()))
            ent = _Entity(s + titled_of.start("name"), e, parsed[0], side, True)
            out.append(_Entity(ent.start, e, parsed[0], _side_from_context(sentence, ent), True))
            continue
        body = _body_name(seq)
        if body:
            out.append(_Entity(s, e, body, sides_in(seq)[:1][0] if sides_in(seq) else None, False))
            continue
        parsed = person_name(seq)
        if parsed is None:
            continue
        name, title = parsed
        if not title and name.lower() in KNOWN_BODIES:
            # "According to DeepState, ...": a body the rules know, with its side, not a person read from context.
            out.append(_Entity(s, e, name, KNOWN_BODIES[name.lower()], False))
            continue
        name_start = s + seq.find(name.split()[0]) if name.split()[0] in seq else s
        if any(ps <= name_start < pe for ps, pe in places):
            continue
        last = name.split()[-1].lower().rstrip("’'s").rstrip("’'")
        full = name.lower()
        known = full in KNOWN_PEOPLE or last in KNOWN_PEOPLE
        # A lone word is a name only when known or titled ("General Syrskiy", "Tusk").
        titled = any(t.lower().rstrip(".") in PERSON_TITLES for t in title.split() if t.lower() not in _LINK_WORDS)
        if (len(name.split()) == 1 and not known and not titled
                and not re.match(r"\s*,\s*(?:the|a|an)\s+", sentence[e:])
                and not (introduced is not None and introduced(name))):  # "Major Taras Hordiienko" earlier
            org = _ORGANISATION_BEFORE.search(sentence, max(0, s - 60), s)
            if org and not title and org.group("noun").lower() in ORGANISATION_DESCRIPTORS:
                # "Swedish appliance maker Kallvik": a company, whose nationality is its side.
                found = sides_in(org.group(0))
                out.append(_Entity(s, e, _POSSESSIVE_END.sub("", name), found[0] if found else None, False))
            elif (
                s == 0 and not title and _is_lone_body(name) and _SPEECH_VERB_AFTER.match(sentence, e)
                and not any(ps <= s < pe for ps, pe in places)
            ):
                # "Volkswagen said ...", "Naftogaz reported ...": a single unknown name opening the sentence
                # and speaking is an organisation (a person would have a first name or a title).
                out.append(_Entity(s, e, name, None, False))
            elif (
                name.isupper() and 2 <= len(name) <= 6 and name.isalpha() and name.lower() not in KNOWN_BODIES
                and _SPEECH_VERB_AFTER.match(sentence, e)
                and not any(ps <= s < pe for ps, pe in places)
            ):
                out.append(_Entity(s, e, name, None, False))  # "..., the FBI said": an acronym speaking is a body
            continue
        side = KNOWN_PEOPLE.get(full, KNOWN_PEOPLE.get(last)) if known else None
        out.append(_Entity(name_start, e, _POSSESSIVE_END.sub("", name), side, True))
    for m in _anchored(_KNOWN_BODY, sentence, body_starts):
        if sentence[max(0, m.start() - 3):m.start()].lower() == "of ":
            continue  # "Russia's chief of the general staff": part of a title
        if not overlaps(m.start(), m.end()):
            key = _SPACES.sub(" ", m.group(0).lower())
            name = _THE_START.sub("", m.group(0))
            out.append(_Entity(m.start(), m.end(), name, KNOWN_BODIES.get(key), False))
    out.sort(key=lambda x: x.start)
    return out


_TITLE_BREAK = re.compile(r"[,;(]")


def _side_from_context(sentence: str, ent: _Entity) -> str | None:
    """A speaker's side from the title before the name or the apposition after it."""
    if ent.side:
        return ent.side
    after = re.match(r"\s*,\s*((?:the|a|an|[\w-]+[’']s)\s[^,]{1,100})", sentence[ent.end:])
    if after and not _SPEECH.search(after.group(1)):
        found = sides_in(after.group(1))
        if found:
            return found[0]
    lo = max(sentence.rfind(". ", 0, ent.start), sentence.rfind(";", 0, ent.start), ent.start - 90, 0)
    before = sentence[lo:ent.start]
    before = re.split(r"(?<![\w-])(?:that|and|but|while|said|says)(?![\w-])", before)[-1]
    # '"We have left the Russian market," Zellmer said': a quotation before the name is no title.
    before = before[max(before.rfind('"'), before.rfind("”"), before.rfind("»")) + 1:]
    # The title is the phrase right before the name ("..., where Ukraine holds ground, lawmaker Lee"),
    # or the one before its comma ("the Kremlin's spokesman, Dmitry Peskov"); a short opening phrase
    # may place the speaker ("In Kyiv, presidential adviser Dmytro Lytvyn").
    parts = [part for part in _TITLE_BREAK.split(before) if part.strip()]
    before = parts[-1] if parts else ""
    if len(parts) > 1 and len(parts[-2].split()) <= 3:
        before = f"{parts[-2]}, {before}"
    for actor in find_actors(before):
        if actor.kind == "force":
            # "Ukrainian militants shelled the town, the city's mayor X wrote": the force is not X's title.
            before = before[:actor.start] + " " * (actor.end - actor.start) + before[actor.end:]
    found = sides_in(before)
    return found[-1] if found else None


def _content(sentence: str, verb_start: int, verb_end: int) -> str | None:
    """The quote, or the reported clause, of a statement sentence."""
    q = _QUOTE.search(sentence)
    if q:
        return q.group(1).strip(" ,.")
    rest = sentence[verb_end:].strip()
    rest = re.sub(r"^(?:that|on\s+\w+|in\s+a\s+[^,]+,)\s+", "", rest)
    if len(rest) > 12 and not rest.startswith(","):
        return rest.rstrip(".")
    head = sentence[:verb_start].rstrip(" ,")
    head = re.sub(r",[^,]*$", "", head) if head.count(",") else head
    return head.strip(" “”\"") or None


# Every word form the speech pattern can start with: a set lookup rules most sentences out cheaply.
_SPEECH_FORMS = frozenset("""
said says say stated told tells announced announces confirmed confirms denied denies urged urges added adds
claimed claims declared declares noted notes warned warns wrote writes insisted insists stressed stresses
emphasized emphasised emphasizes emphasises explained explains indicated indicates remarked argued asserted
acknowledged admitted alleged accused vowed pledged promised reiterated reaffirmed disclosed revealed
commented posted tweeted reported reports suggested suggests called condemned condemns demanded threatened
estimated assessed informed briefed described describes according saying stating adding noting suggesting reiterating
reaffirming insisting warning urging claiming emphasizing emphasising stressing arguing declaring
announcing confirming denying indicating accusing calling writing telling posting
hailed hails praised praises congratulated welcomed welcomes criticised criticized criticises criticizes conceded
thanked blamed blames replied responded recalled complained predicted spoke boasted lamented
praising hailing thanking welcoming blaming criticising criticizing
""".split())  # noqa: SIM905 - a word list reads best as words
_LOWER_WORD = re.compile(r"[a-z]+")


_COMMA_BEFORE = re.compile(r",\s*$")
_SPEECH_FORM_STARTS = WordStarts(_SPEECH_FORMS)


def _speech_matches(sentence: str) -> list[re.Match[str]]:
    """Speech verbs, ", saying"-participles and "according to", tried only at speech words."""
    out: list[re.Match[str]] = []
    for start in _SPEECH_FORM_STARTS.find(sentence):
        token = token_at(sentence, start)
        if token is None or token.lower().rstrip(".,") not in _SPEECH_FORMS:
            continue
        comma = _COMMA_BEFORE.search(sentence, max(0, start - 4), start)
        m = _SPEECH.match(sentence, comma.start() if comma else start)
        if m is None and comma:
            m = _SPEECH.match(sentence, start)
        if m is not None:
            out.append(m)
    return out


def find_speakers(
    sentence: str, places: list[tuple[int, int]], last_person: SpeakerMention | None, words: list[str] | None = None,
    introduced: Callable[[str], bool] | None = None, last_body: SpeakerMention | None = None,
) -> list[SpeakerMention]:
    """Named speakers of ``sentence``; "he said" resolves to ``last_person``, "it said" to ``last_body``.

    ``words`` may pass the sentence's lower-case words (``[a-z]+`` of its lower-cased text) when the caller has them.
    """
    if _SPEECH_FORMS.isdisjoint(words if words is not None else _LOWER_WORD.findall(sentence.lower())):
        return []
    matches = _speech_matches(sentence)
    if not matches:
        return []  # no speech verb: the names need not be looked for
    ents = _entities(sentence, places, introduced)
    out: list[SpeakerMention] = []
    for m in matches:
        vstart = m.start("verb") if m.group("verb") else m.start("part") if m.group("part") else m.start("acc")
        vend = m.end()
        verb = m.group(0).lstrip(", ")
        found: _Entity | None = None
        pronoun = False
        if m.group("acc"):
            after = sentence[vend:]
            if _PRONOUN_OBJECT.match(after):
                pronoun = True
            elif _UNNAMED_SOURCE.match(after):
                continue
            else:
                stop = re.search(r"[,.;]|$", after)
                limit = vend + (stop.start() if stop else len(after))
                inside = [e for e in ents if vend <= e.start < limit]
                found = inside[-1] if inside else None
        elif m.group("part"):
            if any(x.group("verb") and x.start() < m.start() for x in matches):
                continue  # "..., the governor said, adding that ...": the one who said adds
            # The subject of the main clause speaks: the first name after any opening phrase.
            lo = clause_subject_limit(sentence)
            before = [e for e in ents if e.end <= vstart and "," not in sentence[lo:e.start]]
            found = before[0] if before else None
            if found is not None and not found.is_person and len(before) > 1 and before[1].is_person and (
                before[1].start - found.end <= 20
            ):
                found = before[1]  # "Kremlin spokesman Dmitry Peskov ..., saying": the spokesman speaks
        else:
            found, pronoun = _verb_subject(sentence, ents, vstart, vend)
        earlier = last_body if pronoun and _IT_SUBJECT.search(sentence, max(0, vstart - 30), vstart) else last_person
        if pronoun and earlier is not None:
            out.append(SpeakerMention(earlier.name, earlier.side, earlier.is_person, verb, vstart, -1, -1,
                                      _content(sentence, vstart, vend)))
            continue
        if found is None or found.name.lower() in UNNAMED_SOURCES or found.name.lower() in NEWS_OUTLETS:
            continue
        side = _side_from_context(sentence, found) if found.is_person else found.side
        partner = _coordinated_person(sentence, ents, found) if found.is_person else None
        if partner is not None:
            # "President X and his Rwandan counterpart Y called for a ceasefire": both speak.
            out.append(SpeakerMention(partner.name, _side_from_context(sentence, partner), True, verb, vstart,
                                      partner.start, partner.end, _content(sentence, vstart, vend)))
        out.append(SpeakerMention(found.name, side, found.is_person, verb, vstart, found.start, found.end,
                                  _content(sentence, vstart, vend)))
    return out


def _name_spans(sentence: str) -> list[tuple[int, int]]:
    """Capitalised sequences, with "A B and C D" split in two when neither a body nor one person is named."""
    out: list[tuple[int, int]] = []
    for m in _NAME_SEQ.finditer(sentence):
        seq = m.group(0)
        if " and " in seq and _body_name(seq) is None and person_name(seq) is None:
            parts = seq.split(" and ")
            # Each half a person by a first name the rules know or by a known surname ("Sybiha and Sikorski"),
            # not two firms ("Lockheed Martin and General Dynamics", "Morgan Stanley and Goldman Sachs").
            if all(person_name(part) is not None and (
                part.split()[0].lower() in FIRST_NAMES or part.split()[-1].lower() in KNOWN_PEOPLE
            ) for part in parts):
                at = m.start()
                for part in parts:
                    out.append((at, at + len(part)))
                    at += len(part) + len(" and ")
                continue
        out.append((m.start(), m.end()))
    return out


_LOWER_VERB_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:and|the|his|her|their|its)\s)[a-z]{2,}\s+$")
_AND_PARTNER = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?)?")


def _coordinated_person(sentence: str, ents: list[_Entity], found: _Entity) -> _Entity | None:
    """The person joined to ``found`` by "and" right before it ("X and his counterpart Y"), if any."""
    before = [e for e in ents if e.end <= found.start]
    if not before or not before[-1].is_person:
        return None
    partner = before[-1]
    verb = _LOWER_VERB_BEFORE.search(sentence, max(0, partner.start - 25), partner.start)
    if verb is not None and verb.group(0).strip().rstrip("s") not in PERSON_TITLES:
        return None  # "Zelensky met Biden and Macron said": Biden is an object, not a speaker
    gap = _AND_PARTNER.fullmatch(sentence, partner.end, found.start)
    if gap is None:
        return None
    # (Between "his" and the name only lower-case words or a side's adjective: "his Rwandan counterpart".)
    if any(w[:1].isupper() and w.lower() not in SIDE_TERMS for w in sentence[partner.end:found.start].split()):
        return None
    return partner


def _verb_subject(sentence: str, ents: list[_Entity], vstart: int, vend: int) -> tuple[_Entity | None, bool]:
    """Who speaks through the speech verb at ``[vstart, vend)``: an entity, or (None, True) for "he"/"she"."""
    by = _BY_AFTER.match(sentence, vend)
    if by and _PASSIVE_BEFORE.search(sentence, max(0, vstart - 30), vstart):
        # "Russian claims ... were denied by Ukraine's General Staff": the agent speaks.
        return next((e for e in ents if by.end() <= e.start <= by.end() + 4), None), False
    if _NEGATED.search(sentence[max(0, vstart - 30):vstart]):
        return None, False
    found: _Entity | None = None
    left = sentence[:vstart]
    for ent in reversed([e for e in ents if e.end <= vstart]):
        gap = left[ent.end:]
        if not _GAP_OK.fullmatch(gap) and not (ent.is_person and (
            _COORDINATED_SPEECH.fullmatch(gap)
            # (Not "the wife of Ivan Petrenko from Kupiansk said": a person named after "of" is not the subject.)
            or (_EMPLOYER_GAP.fullmatch(gap) and not _OF_BEFORE_NAME.search(left, max(0, ent.start - 5), ent.start))
        )):
            continue
        appos = _IN_APPOSITION.search(left, max(0, ent.start - 150), ent.start)
        if appos and any(e.end <= appos.start() and not left[e.end:appos.start()].strip() for e in ents):
            continue  # "X, a military analyst with the Black Bird Group, said": X speaks
        found = ent
        break
    if found is not None and not found.is_person:
        # "Analyst Tomasz Wrona of the Warsaw brokerage Dom Maklerski said": the person, not the employer.
        of = _OF_EMPLOYER.search(left, max(0, found.start - 60), found.start)
        person = next((e for e in reversed(ents) if e.is_person and of is not None and e.end == of.start()), None)
        found = person or found
    if found is None and _UNIT_ANAPHOR.search(left, max(0, len(left) - 20)):
        # "..., the brigade said": the unit the sentence named.
        found = next((e for e in reversed(ents) if e.end <= vstart and _UNIT_HEAD_END.search(e.name)), None)
    if found is None and _PRONOUN_SUBJECT.search(left, max(0, len(left) - 30)):
        return None, True
    if found is None and _INVERTED_LEFT.search(left, max(0, len(left) - 5)):
        right = _INVERTED_RIGHT.match(sentence, vend)
        pos = right.end() if right else vend
        found = next((e for e in ents if e.start == pos or (pos <= e.start <= pos + 2)), None)
        if found is None or not found.is_person:
            # '"We are holding," said Colonel Ivan Petrenko', 'said Kremlin spokesman Dmitry Peskov': the person speaks.
            person = next((e for e in ents if e.is_person and pos <= e.start <= pos + 60
                           and _is_title(sentence[found.end if found else pos:e.start])), None)
            found = person or found
    return found, False


def _is_title(gap: str) -> bool:
    """Whether ``gap`` is a title right before a name ("Lieutenant General", "Kupiansk resident", "spokesman")."""
    words = gap.split()
    if not words or words[-1].lower().rstrip(".") not in PERSON_TITLES:
        return False
    return all(w.lower().rstrip(".") in PERSON_TITLES or w.lower() in SIDE_TERMS or w[:1].isupper() for w in words)


def first_person(sentence: str, places: list[tuple[int, int]]) -> SpeakerMention | None:
    """The first person a sentence names, for a "he said" in the next one."""
    person = next((e for e in _entities(sentence, places) if e.is_person), None)
    if person is None:
        return None
    side = _side_from_context(sentence, person)
    return SpeakerMention(person.name, side, True, "", -1, person.start, person.end, None)


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z’'-]+)\s+$")


def introduced_surname(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` somewhere with a first name before it ("Major Taras Hordiienko, 34, ...").

    Found with str.find: the name is rare in the text, a regex scan of all of it is not.
    """
    at = text.find(name)
    while at >= 0:
        first = _FIRST_NAME_BEFORE.search(text, max(0, at - 25), at)
        if first and first.group(1).lower() not in NOT_NAME_WORDS and first.group(1).lower() not in SIDE_TERMS:
            return True
        at = text.find(name, at + 1)
    return False


def clause_subject_limit(sentence: str) -> int:
    """Where a sentence's main clause starts, after an opening phrase ("On the diplomatic front, ")."""
    m = re.match(r"[^,]{0,60},\s*", sentence)
    return m.end() if m else 0


def unnamed_attribution(sentence: str) -> str | None:
    """Who an unnamed attribution credits ("Ukrainian media reported" -> "Ukrainian media")."""
    m = re.search(r"according\s+to\s+([^,.;]{2,60})", sentence, re.IGNORECASE)
    if m:
        return m.group(1).strip()
    m = _UNNAMED_ATTRIBUTION.search(sentence)
    if m:
        return m.group("who").strip()
    m = re.search(r",\s*(?:say|says|said)\s+((?:[\w’'-]+\s+){0,2}(?:officials?|sources?|analysts?|experts?))", sentence)
    return m.group(1).strip() if m else None
