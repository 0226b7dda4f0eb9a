"""Rule-based event extraction: advances, withdrawals, deployments and statements.

Public entry points: ``extract_events`` and ``extract_places``. The rules read
one sentence at a time, in order, carrying a little state across sentences
(the side last named as acting, the last person quoted, recent places) so
"the troops", "he said" and "the city" resolve. See ``/work/shared/eval/GUIDE.md``
for what counts as an event.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.extract.actors import ActorMention, alternation, find_actors, side_of_term, sides_in
from services.extract.boilerplate import Block, body_blocks
from services.extract.cyrillic import Voice, find_cyrillic_speakers, find_cyrillic_triggers, is_cyrillic, text_voice
from services.extract.dates import DateMention, find_dates
from services.extract.lexicon import (
    EQUIPMENT_NOUNS,
    FORCE_NOUNS,
    INHERENT_FORCES,
    KNOWN_PEOPLE,
    NOT_NAME_WORDS,
    PERSON_TITLES,
)
from services.extract.quantities import QuantityMention, find_quantities
from services.extract.sentences import Sentence, split_sentences, without_scare_quotes
from services.extract.statements import (
    SpeakerMention,
    find_speakers,
    first_person,
    introduced_surname,
    unnamed_attribution,
)
from services.extract.triggers import (
    CLAUSE_BREAK,
    HEDGE,
    PLACE_NOUNS,
    TRIGGERS,
    TriggerMatch,
    blocked_by,
    clause_start,
    find_triggers,
)
from shared.gazetteer.stoplist import FIRST_NAMES
from shared.schemas import Actor, Article, Event, EventType, Evidence, Occurred, Place, PlaceMention, Quantity

if TYPE_CHECKING:
    from shared.places import PlaceResolver

EXTRACTOR_VERSION = "rules-0.1.0"

STOPWORD_NAMES = frozenset({"russia", "ukraine", "crimea", "europe", "america", "moscow", "kyiv", "the", "national", "russian",
                            "ukrainian", "soviet", "north", "south", "east", "west"})
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?:as|against|from|by|with|of|to|on|alongside|among|including|like|than|for|into|onto|at|"
    r"in|near|toward|towards|over|between|versus|vs\.?|behind|fighting|fight|repel|destroyed|by)\s+$",
    re.IGNORECASE,
)
_AUXILIARIES_ONLY = re.compile(
    r"\s*(?:(?:have|has|had|were|was|are|is|been|be|being|also|then|just|now|still|already|finally|again|"
    r"reportedly|allegedly|\w+ly)\s+)*",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r"^\s*,?\s*(?:who|that|which)\s", re.IGNORECASE)
_COORDINATED_VERB = re.compile(
    r"(?:,\s*|\s)(?:but|and|then|before|after|yet)\s+(?:then\s+)?(?:\w+ly\s+)?(?:(?:were|was|had|have|has|are|is)\s+(?:been\s+)?)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_PARTICIPLE_START = re.compile(r",\s*(?:\w+ly\s+)?$")
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w-])(?:the|a|an|its|their|this|his|her|our|rapid|hasty|further|any)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
_PARTICIPLE_PASSIVE = re.compile(r"(?:ed|en|wn|ght|un|an)$|^(?:sent|left|fled|taken|retaken|overrun|dislodged)$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+(?:back\s+)?(?:\w+\s+)?by\s+", re.IGNORECASE)
_BE_BEFORE = re.compile(r"(?<![\w-])(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CAUSE_PARTICLE = re.compile(
    r"\s*(?:\w+\s+)?(?:out|back|from|away|off|to\s+(?:retreat|withdraw|pull\s+back|leave|fall\s+back|flee|abandon))\b",
    re.IGNORECASE,
)
_BACK_ONLY = re.compile(r"\s*(?:\w+\s+)?(?:back|away)\b(?!\s+(?:from|out\s+of|beyond|across)\b)", re.IGNORECASE)
_NO_GAINS = re.compile(r"(?<![\w-])(?:no|few|little|any|minimal|negligible)(?![\w-])", re.IGNORECASE)
_ASSAULTED_OBJECT = re.compile(
    r"\s+(?:the\s+|their\s+|its\s+|enemy\s+)?(?:[\w’'-]+\s+){0,2}?(?:positions?|defen[cs]es|trenches|fortifications|lines)\b",
    re.IGNORECASE,
)
_FORCE_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|more|additional|extra|new|fresh|some|several|of|than|about|around|up|to|"
    r"over|nearly|approximately|thousands|hundreds|dozens|tens|[\d,.]+|[\w’'-]+)\s+){0,8}?"
    rf"(?P<noun>{alternation(FORCE_NOUNS + EQUIPMENT_NOUNS)}|men)(?![\w-])",
    re.IGNORECASE,
)
_EQUIPMENT = frozenset(EQUIPMENT_NOUNS)
_TROOPS_OBJECT = re.compile(r"\s+(?:[\w’',.-]+\s+){0,4}?(?:troops|forces|units|soldiers|servicemen|personnel)\b")
_FORCE_SUBJECT = re.compile(rf"(?<![\w-])(?:{alternation(FORCE_NOUNS + EQUIPMENT_NOUNS)})(?![\w-])", re.IGNORECASE)
_MAIN_SIDE_ADJECTIVE = re.compile(r"(?:Russian|Ukrainian|North Korean|Russia[’']s|Ukraine[’']s|Moscow[’']s|Kyiv[’']s)")
_INCLUDING = re.compile(r",?\s+(?:including|among\s+them|alongside|along\s+with|together\s+with|and)\s+(?:[\w,-]+\s+){0,3}?")
_OWN_FORCES_OBJECT = re.compile(
    r"\s+(?:(?:all|most|some|many|part|the\s+(?:last|rest|bulk))\s+(?:of\s+)?)?(?:its|their|the)\s+(?:(?:remaining|last|own|[\w-]+)\s+){0,2}?"
    r"(?:troops|forces|army|soldiers|units|servicemen|contingent|garrison)\b",
    re.IGNORECASE,
)
_PLACE_PREPOSITION = re.compile(
    r"\s+(?:\w+ly\s+)?(?:near|in|at|along|on|around|outside|to|into|inside|across|close\s+to)\s", re.IGNORECASE
)
# Where the object of "captured ..." ends: a preposition or punctuation after its head noun.
_OBJECT_END = re.compile(
    r",(?!\d)|\.(?!\d)|[;:()“”\"]|\s(?:along|near|in|at|on|from|with|by|after|before|during|for|since|amid|across|toward|towards|"
    r"into|while|and|but|as|under|over|around|within|without|west|east|north|south)\s",
    re.IGNORECASE,
)
# "the city", "the embattled town" (a lower-case modifier only: "the Kursk region" names its place).
# The literal comes first (its look-behind after it) so the regex engine can skip ahead to each "the".
_ANAPHOR = re.compile(
    r"[Tt]he(?<![\w-]...)\s+(?:[a-z][\w-]*\s+)?(?P<noun>city|town|village|settlement|country|region)(?![\w-])(?!\s+of\b)"
)
_PLACE_AS_AGENT = re.compile(
    r"(?:[’']s)?\s+(?:could|would|will|may|might|must|can|says|said|say|claims|claimed|wants|hopes|plans|"
    r"aims|announced|denied|stated|reported|insists|accused|warned)\b",
    re.IGNORECASE,
)
_SUB_PLACE_FOLLOWS = re.compile(
    r"\s*(?:region|oblast|province)?\s*(?:city|town|village|settlement|district|region)\s+of\b", re.IGNORECASE
)
_POSSESSIVE_PLACE = re.compile(r"^[’']s\s+(?:[\w-]+\s+)?[A-Z]")
_REGION_SUFFIX = re.compile(r"\s*(?:region|oblast|province|krai|republic|people[’']s\s+republic)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\b")
# "KHERSON, Ukraine - ", "SEOUL, South Korea (AP) — ": a city in capitals, its country, then a dash.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,\s+[A-Z][\w .]{1,30}?\s*(?:\([A-Za-z]+\)\s*)?(?:—|–|-)\s")
_DATELINE_AFTER = re.compile(r"[^.]{0,40}?(?:—|–|\s-\s|\(\w+\)|\.\s*/)")
_ADJECTIVAL = re.compile(r"\s+[a-z]")
_LOWER_WORD = re.compile(r"[a-z]+")
# Words without which a sentence names no armed force (inherent forces and demonyms included).
_ACTOR_GATE = frozenset(
    w for phrase in (*FORCE_NOUNS, *INHERENT_FORCES, "russians", "ukrainians", "koreans", "battlegroup", "group")
    for w in re.findall(r"[a-z]+", phrase.lower())
    if w not in {"of", "the", "armed", "service", "special", "assault", "national", "air", "defence", "defense",
                 "group", "russian", "ukrainian", "ukraine", "russia", "s", "korean", "people", "kiev", "regime"}
) | {"battlegroup", "russians", "ukrainians", "koreans", "they"}
_RECENT_WINDOW = 700
_PERSON_PRONOUN = re.compile(r"(?<![\w-])(?:he|she|him|her)(?![\w-])", re.IGNORECASE)
_ITS_THEIR = re.compile(r"(?:its|their)\s", re.IGNORECASE)
_ITS_THEIR_OUR = re.compile(r"(?:its|their|our|his|her)\s", re.IGNORECASE)
_HIS_HER = re.compile(r"(?:his|her)\s", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# For ``_nominal_actor``: "withdrawal of the ...", the words before the trigger, and what lies between.
_OF_BY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?!\s(?:and|or|but)\s)[^,;:()]){1,40}?\s+by\s+")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w,]+\s+){0,3}?")
_WORDS_BEFORE = re.compile(r"((?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:[\w-]+\s+){0,2}$")
_MODIFIER_GAP = re.compile(r"(?:[’']s)?\s+(?:[a-z-]+\s+){0,2}")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:[a-z-]+\s+){0,2}$")
# Any digit, month, weekday, season or relative day word: only then look for a date.
_MAYBE_DATE = re.compile(
    # The look-ahead lists every first character, which lets the engine skip other positions quickly.
    r"(?=[\dJFMASONDdstwamyf])(?:\d|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|day\b|summer|winter|spring|autumn|fall\b|"
    r"today|tonight|overnight|morning|week|month|year)"
)
# "the village of Kotlyarovka": a settlement the gazetteer may not know, named as one by the text.
# Found with str.find (the nouns are few and rare) and only then matched.
_SETTLEMENT_OF = ("village of ", "settlement of ", "town of ", "city of ", "community of ", "locality of ", "hamlet of ")
_SETTLEMENTS_OF = ("villages of ", "settlements of ", "towns of ", "localities of ", "hamlets of ")
# "a string of villages along the river, including A, B and C".
_SETTLEMENTS_BEFORE = re.compile(r"(?<![\w-])(?:villages|settlements|towns|localities|hamlets)(?![\w-])[^.;:]*$")
_NAME_LIST_AT = re.compile(
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:\s*,\s*(?:and\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?|\s+and\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)*"
)
_SETTLEMENT_NAME = re.compile(r"[A-ZА-ЯІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w’'-]+)?")
# "captured Lastochkyne, Sieverne and Tonenke": capitalised names right after a capture verb are places.
# The words ``_TAKEN_NAMES`` can start with, for ``_lead_positions``.
_TAKEN_LEADS = ("captured", "recaptured", "liberated", "seized", "retook", "retaken", "cleared", "stormed", "entered", "reached",
                "occupied", "taken", "took", "regained", "established", "assumed", "pushed", "broke", "broken", "moved",
                "left", "abandoned", "withdrew", "retreated", "pulled", "deployed", "arrived")
_TAKEN_NAMES = re.compile(
    r"(?:captured|recaptured|liberated|seized|retook|retaken|cleared|stormed|entered|occupied|"
    r"(?:taken|took|regained|established|assumed)\s+(?:full\s+|complete\s+)?control\s+(?:of|over)|"
    r"(?:pushed|broke|broken|moved)\s+into|"
    # "The occupiers left Hruzke", "withdrew from Kotlyne": the place left (a toponym's ending is checked after).
    r"reached|left|abandoned|(?:withdrew|retreated)\s+from|pulled\s+(?:out\s+of|back\s+from)|"
    # "units deployed in Kfar Kila and Odaisseh", "arrived at Cincu" (a name of no known shape only in a list).
    r"(?:deployed|arrived)\s+(?:in|at|to))[\"”]?\s+"
    # (A name's second word may be short: "Popiv Yar", "Chasiv Yar".)
    r"(?P<names>[A-Z][a-z’'-]{3,}(?:(?<=-)[A-Z][a-z’'-]+)?(?:\s+[A-Z][a-z’'-]{2,})?"
    r"(?:\s*,\s*(?:and\s+)?[A-Z][a-z’'-]{3,}(?:\s+[A-Z][a-z’'-]{2,})?|\s+and\s+[A-Z][a-z’'-]{3,}(?:\s+[A-Z][a-z’'-]{2,})?)*)"
)
_ARRIVAL_LEADS = ("deployed", "arrived")
_FIRST_NAME_ENDING = re.compile(r"iv$")
_NOUN_AFTER_NAME = re.compile(
    r"\s+(?!(?:and|or|on|in|at|to|near|last|this|by|after|before|for|with|from|since|until|during|where|which|who)\b)"
    r"[a-z][a-z-]+"
)
_NOT_A_PLACE_HEAD = frozenset({"Operation", "Exercise", "Mission", "Camp", "Task", "Battalion", "Brigade", "Regiment"})


def _sentence_start_before(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` roughly starts (after the last ". ", "! ", "? " or newline)."""
    return max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos), text.rfind("\n", 0, pos)) + 1
_LEAVING_LEADS = ("left", "abandoned", "withdrew", "retreated", "pulled")
_FORCE_WORD = re.compile(rf"(?<![\w-])(?:{alternation(FORCE_NOUNS)}|{alternation(INHERENT_FORCES)})(?![\w-])", re.IGNORECASE)
# "seized two more villages in the east: Nevelske and Ivanivka": the names after the colon are places.
_NAME_LIST = r"[A-Z][a-z’'-]{3,}(?:\s+[A-Z][a-z’'-]{3,})?"
_LIST_INTRO = re.compile(
    r"(?<![\w-])(?:villages|settlements|towns|localities|communities|hamlets|cities)(?![\w-])[^.;:]{0,60}$"
)
_LISTED_NAMES = re.compile(
    rf"(?<![\w-])(?:villages|settlements|towns|localities|communities|hamlets)(?![\w-])[^.;:]{{0,60}}:\s+"
    rf"(?P<names>{_NAME_LIST}(?:\s*,\s*(?:and\s+)?{_NAME_LIST}|\s+and\s+{_NAME_LIST})*)"
)
# "forced back near Kotlino", "in southern Kotlyne", "the capture of Zatyshshia": a settlement-like name after a
# locative word (checked against the Ukrainian/Russian toponym endings below).
_LOCATIVE_LEADS = (
    "near ", "outside ", "around ", "toward ", "towards ", "into ", "in southern ", "in northern ", "in eastern ",
    "in western ", "in central ",
    "into southern ", "into northern ", "into eastern ", "into western ", "into central ",
    "capture of ", "seizure of ", "liberation of ", "fall of ", "loss of ", "outskirts of ",
    "direction of ", "control of ", "north of ", "south of ", "east of ", "west of ", "northeast of ", "northwest of ",
    "southeast of ", "southwest of ", "withdrew from ", "retreated from ", "pulled out of ", "pulled back from ",
)
# (A hyphen inside a name is followed by its next part: "Oleksandro-Shultyne", not "Oleksandro-".)
_LOCATIVE_NAME = re.compile(
    r"(?:the\s+)?(?P<names>[A-Z][a-z’'-]{3,}(?:(?<=-)[A-Z][a-z’'-]+)?(?:[\s-][A-Z][a-z’'-]{3,})?)"
)

_CLEAR_FROM = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?(?:from|out\s+of)\s+", re.IGNORECASE)
_THE_LEAD = re.compile(r"\s+(?:the\s+)?")
_TAKEN_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# Ukrainian/Russian settlement endings: a person ("captured Ivan") or a company rarely ends so.
_TOPONYM_END = re.compile(r"(?:ka|ke|ne|ve|ye|ia|ya|sk|tsk|ino|ovo|evo|yne|ine|ove|ivtsi|tsi|ky|ki|hrad|grad|pil|pol|ets|ar|iv)$")
# A capitalised Cyrillic word in an English text ("entered Котлине") is a name, most often a place's.
_CYRILLIC_NAME = re.compile(r"(?<![\w’'-])[А-ЯІЇЄҐ][а-яіїєґ’'-]+(?:\s+[А-ЯІЇЄҐ][а-яіїєґ’'-]+)?")
_CYRILLIC_LETTER = re.compile(r"[а-яіїєґ]")
# "Степовая Новоселовка"; not "Лукьянцы Харьковской (области)", a region's adjective after the name.
_CYRILLIC_PLACE_NAME = (
    r"[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+"
    r"(?:\s+(?![А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+(?:ской|ского|ської|ського|цкой|цької|ой|ої)\s)[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+)?"
)
_CYRILLIC_SETTLEMENTS = re.compile(
    r"(?<![\w’'ʼ-])(?:сёла|села|село|селе|селах|селище|селища|селищі|посёлок|поселок|посёлки|поселки|посёлке|поселке|"
    r"населённый\s+пункт|населенный\s+пункт|населённые\s+пункты|населенные\s+пункты|населений\s+пункт|"
    r"населені\s+пункти|н\.\s?п\.|"
    # Other cases: "в районі населеного пункту Кутьківка", "поблизу населених пунктів Удачне та Котлине".
    r"населеного\s+пункту|населених\s+пунктів|населеному\s+пункті|населених\s+пунктах|"
    r"насел[её]нного\s+пункта|насел[её]нных\s+пунктов|насел[её]нном\s+пункте|насел[её]нных\s+пунктах|"
    r"селі|сіл|смт)\s+"
    rf"(?P<names>{_CYRILLIC_PLACE_NAME}(?:\s*(?:,|\s(?:и|і|та|й))\s*{_CYRILLIC_PLACE_NAME})*)"
)
_CYRILLIC_LIST_SPLIT = re.compile(r"\s*,\s*|\s+(?:и|і|та|й)\s+")
# Between two places of a list: "Kupiansk, Izium and Balakliia", "the villages of X and Y".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = (
    rf"(?:(?:on|in|by)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}(?:\s+\d{{1,2}})?|{_WEEKDAY})"
    rf"(?:,?\s+\d{{4}})?|\d{{4}})|(?:last|this)\s+(?:week|month|year|{_WEEKDAY}))"
)
_WHEN_AT = re.compile(rf"\s{_WHEN}")
# (Not any "-ed" word: "captured Pervomaiske and Nevelske located west of Donetsk" lists two places.)
_VERB_AFTER_NAME = re.compile(
    r"(?:[’']s)?\s+(?:has|have|had|is|was|were|are|will|would|could|says|said|claims|denies|struck|hit|"
    r"(?!(?:located|situated|based|lying|positioned|red|bed)\s)[a-z]{2,}ed)\b"
)
_LISTED_ITEM_END = re.compile(rf"\s*(?:\(|[,.;:]|$|\s+(?:{_WHEN}|and|or|as\s+well)\b)")
# Another name of the place just named, in brackets: "Hirske (Gorskoye)".
_ALIAS = r"(?:\s*\([^()]{1,40}\))?"
_LIST_GAP = re.compile(
    # "took Hirske (Gorskoye) and Zolote": another name of the place before may stand in brackets.
    _ALIAS +
    # "liberated Balakliia on Thursday and Kupiansk on Saturday": when each fell may stand before the next name.
    rf"(?:\s+{_WHEN})?"
    r"(?:\s*,\s*(?:and\s+|or\s+|та\s+|і\s+|и\s+)?|\s+(?:and|or|as\s+well\s+as|та|і|й|и)\s+(?:then\s+|later\s+)?)(?:the\s+)?"
)
# "advanced in western Toretsk and into central Shcherbynivka": a second goal of the same verb.
_SECOND_GOAL = re.compile(
    r"\s*,?\s+and\s+(?:also\s+)?(?:into|in|to|near|toward|towards|inside|around|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+ern|central|north|south|east|west|nearby|neighbou?ring)\s+)?"
    r"(?:(?:village|town|city|settlement|outskirts|centre|center|edge)\s+of\s+)?"
)
# "... and in Pokrovsk Ukrainian forces advanced": the place opens a new clause, not a second goal.
_NEW_SUBJECT = re.compile(r"\s+[A-Z]|,?\s+(?:the\s+)?[\w’'-]+\s+(?:forces|troops|units|soldiers|army)\b")
# "from (the) (occupied) X": X is an origin ("to"/"into" would start the destination).
_FROM_BEFORE = re.compile(
    r"(?<![\w-])(?:[Ff]rom|out\s+of|(?i:из-под|з-під|из|від|із|зі|з|с|со|от))\s+(?:the\s+)?"
    r"(?:(?!(?:to|into|towards?)\s)[a-z][\w-]*\s+)?$"
)
_OWN_BORDER = re.compile(
    r"(?<![\w-])(?:the|its|their|our)\s+(?:[A-Za-z]+(?:ern)?\s+)?(?:border|frontier)(?![\w-])(?!\s+(?:with|of)\b)"
)
_IN_COUNTRY = re.compile(r"(?<![\w-])(?:in|across|throughout)\s+(?:neighbouring\s+|neighboring\s+)?$", re.IGNORECASE)
_PLURAL_REGION_END = re.compile(r"\s(?:regions|oblasts|provinces)$", re.IGNORECASE)
_DIRECTION_OF = re.compile(
    r"(?<![\w-])(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WHERE_AFTER_PLACE = re.compile(r",?\s+where\s+[^,;:]{0,80}$")
_GAP_TO_WHERE = re.compile(r"(?:\s+(?:region|oblast|province|city|town|village|area|district))?")
_TOWARDS_BEFORE = re.compile(r"(?<![\w-])towards?\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_TO_BEFORE = re.compile(r"(?<![\w-])(?:to|into|towards?)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_AND_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+")
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+|\s*,\s*")
# Words only one side's media use: they tell whom "the enemy" means in an article.
_UKRAINIAN_VOICE = re.compile(
    r"(?<![\w-])(?:occupiers|occupying\s+forces|invaders|orcs|ruscists|russian\s+aggressors?|our\s+defenders|"
    r"(?:ukrainian\s+)?defenders)(?![\w-])",
)
_RUSSIAN_VOICE = re.compile(
    r"(?<![\w-])(?:kiev\s+regime|afu|ukrainian\s+(?:militants|nationalists|neo-nazis)|special\s+military\s+operation|"
    r"battlegroup|group\s+of\s+forces)(?![\w-])",
)
_ENEMY = re.compile(r"(?<![\w-])(?:the\s+)?enemy(?:\s+(?:forces|troops|units|soldiers|fighters|army))?(?![\w-])", re.IGNORECASE)
_OTHER_SIDE = {"RUS": "UKR", "UKR": "RUS"}
_INCLUDING_PLACES = re.compile(
    r"\s*,?\s*including\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:towns?|villages?|cities|city|settlements?)\s+of\s+)?",
    re.IGNORECASE,
)
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_REGIME_AFTER = re.compile(r"(?:[’']s)?\s+regime\b", re.IGNORECASE)
_THERE_AFTER = re.compile(r"\s+(?:back\s+)?there\b(?!\s+(?:is|are|was|were|will|would|has|have|had)\b)", re.IGNORECASE)
_APPOSITION_TO = re.compile(r"\s*,\s*(?:the|a|an)\s+[^,;]{0,80}")
_THEIR = re.compile(r"their\s", re.IGNORECASE)
_SIDE_CONTROL = re.compile(r"\s+(?:full\s+|complete\s+)?(?P<side>[\w’'-]+)\s+control\b")
_COUNTRY_OF = {"RUS": "Russia", "UKR": "Ukraine", "PRK": "North Korea", "BLR": "Belarus", "USA": "United States",
               "POL": "Poland", "GBR": "United Kingdom", "IRN": "Iran", "CHN": "China"}


def _lead_positions(text: str, leads: tuple[str, ...], skip_lead: bool = False) -> list[int]:
    """Where each lead word starts a word of ``text`` (or, with ``skip_lead``, where the text after it starts).

    str.find runs in C and the leads are rare: far cheaper than scanning every position with a regex.
    """
    out: list[int] = []
    for lead in leads:
        at = text.find(lead)
        while at >= 0:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-"):
                out.append(at + len(lead) if skip_lead else at)
            at = text.find(lead, at + 1)
    return sorted(out)


def _locative_names(text: str) -> list[re.Match[str]]:
    """Capitalised names right after a locative lead word."""
    return [m for at in _lead_positions(text, _LOCATIVE_LEADS, skip_lead=True) if (m := _LOCATIVE_NAME.match(text, at))]


# "the Donetsk and Zaporizhzhia regions": the place's name is "Zaporizhzhia".
_PLURAL_KIND = re.compile(r"\s+(?:regions|oblasts|provinces|districts|krais)$", re.IGNORECASE)


def written_name(mention: PlaceMention) -> str:
    """A place as the article names it ("Selidovo", "Куп'янська"); the gazetteer's ``name`` says which entry that is."""
    return _PLURAL_KIND.sub("", mention.text) if mention.text and mention.geonameid is not None else mention.name


@dataclass(slots=True)
class _PlaceRef:
    start: int  # offset in the article text
    end: int
    mention: PlaceMention  # what the gazetteer found; made a Place only when an event uses it
    is_country: bool
    is_region: bool
    resolved: Place | None = None

    @property
    def place(self) -> Place:
        if self.resolved is None:
            m = self.mention
            written = written_name(m)
            self.resolved = Place(name=written, canonical=m.name if written != m.name else None, geonameid=m.geonameid,
                                  lat=m.lat, lon=m.lon, country=m.country, admin1=m.admin1, kind=m.kind)
        return self.resolved


@dataclass(slots=True)
class _State:
    """What the rules remember across sentences."""

    last_agent: tuple[str, ...] = ()
    last_agent_pos: int = -10_000
    # The side that last advanced or took a place (for a later "X was retaken" with no agent), and where.
    last_advancer: str | None = None
    last_advancer_pos: int = -10_000
    # Where the latest place taken or left in the text ends (for "recaptured it" in the next sentence).
    last_contested_end: int = -1
    last_person: SpeakerMention | None = None
    last_person_pos: int = -10_000
    last_body: SpeakerMention | None = None  # the latest body that spoke: who "it said" is
    last_body_pos: int = -10_000
    block_start: int = 0
    defaulted_units: set[int] = field(default_factory=set)  # this sentence's units given the home side
    recent_places: list[_PlaceRef] = field(default_factory=list)  # places usable as an event's location
    all_places: list[_PlaceRef] = field(default_factory=list)  # every mention, for "the country"
    resolver: PlaceResolver | None = None
    prev_sentence: str | None = None
    text: str = ""
    speaker_side: str | None = None  # side of the current sentence's speaker: "its forces"
    speaker_end: int = -1  # where that speaker's name ends in the sentence
    countries_here: list[tuple[int, str]] = field(default_factory=list)  # (offset in sentence, side) of its countries
    voice_read: bool = False  # whether ``voice_enemy`` was computed (on the first sentence that needs it)
    voice_enemy: str | None = None

    def enemy(self) -> str | None:
        """The enemy of the side whose voice the article speaks in ("the occupiers": RUS), or None; read once."""
        if not self.voice_read:
            self.voice_enemy, self.voice_read = _enemy_voice(self.text), True
        return self.voice_enemy

    def home_side(self) -> str:
        """Whose units the article names without a side: Russia's in Russian copy, else Ukraine's.

        English-language reporting names Ukrainian brigades bare ("the 47th brigade
        said") and qualifies Russian ones ("Russia's 155th brigade"); Russian state
        media, which speak of "the AFU" and "the Kiev regime", do the opposite.
        """
        return "RUS" if self.enemy() == "UKR" else "UKR"

    def introduced(self, name: str) -> bool:
        """Whether the article gave ``name`` with a first name somewhere ("Taras Hordiienko" before "Hordiienko said")."""
        return introduced_surname(self.text, name)


@dataclass(slots=True)
class _Draft:
    type: EventType
    side: str | None
    trigger: TriggerMatch
    location: Place | None
    location_direct: bool
    actor_kind: str
    actor_name: str | None = None
    speaker: str | None = None
    content: str | None = None
    quantity: Quantity | None = None


def _default_resolver() -> PlaceResolver:
    from shared.gazetteer import load_gazetteer  # lazy: loading the gazetteer is slow

    resolver: PlaceResolver = load_gazetteer()
    return resolver


def _body_mentions(article: Article, places: PlaceResolver, blocks: list[Block]) -> list[PlaceMention]:
    mentions = places.find_mentions(article.text)
    out: list[PlaceMention] = []
    bi = 0
    for m in sorted(mentions, key=lambda x: x.start):
        while bi < len(blocks) and blocks[bi].end <= m.start:
            bi += 1
        if bi < len(blocks) and blocks[bi].start <= m.start and m.end <= blocks[bi].end:
            out.append(m)
    return out


def extract_places(article: Article, places: PlaceResolver | None = None) -> list[PlaceMention]:
    """Every place the article body mentions (furniture excluded), with offsets into ``article.text``.

    Places the gazetteer lacks but the text marks as settlements ("the village of Kotlino") come
    with their name as written and no geonameid.
    """
    return _article_places(article, places if places is not None else _default_resolver())[2]


def extract_events(article: Article, places: PlaceResolver | None = None) -> list[Event]:
    """The events an article asserts, in text order; the same article always gives the same events."""
    return extract_article(article, places)[0]


def extract_article(article: Article, places: PlaceResolver | None = None) -> tuple[list[Event], list[PlaceMention]]:
    """Events and place mentions together: the page furniture and the gazetteer scan are done once, not twice."""
    resolver = places if places is not None else _default_resolver()
    blocks, refs, mentions = _article_places(article, resolver)
    return _article_events(article, resolver, blocks, refs), mentions


def _article_places(article: Article, resolver: PlaceResolver) -> tuple[list[Block], list[_PlaceRef], list[PlaceMention]]:
    """The body blocks, the place references the rules read, and every mention, in text order.

    Unresolved settlements ("the village of Kotlino") are mentions too: a name-based watchlist can still see them.
    """
    text = article.text
    blocks = body_blocks(text)
    mentions = _body_mentions(article, resolver, blocks)
    refs = [_to_ref(text, m) for m in mentions]
    unknown = _unknown_places(text, blocks, refs)
    refs = sorted([*refs, *unknown], key=lambda r: r.start)
    return blocks, refs, sorted([*mentions, *(r.mention for r in unknown)], key=lambda m: m.start)


def _article_events(article: Article, resolver: PlaceResolver, blocks: list[Block], refs: list[_PlaceRef]) -> list[Event]:
    text = article.text
    state = _State(resolver=resolver, text=text)
    voice: Voice | None = None  # whose voice a Cyrillic text speaks in, on its first Cyrillic sentence
    events: list[Event] = []
    seen: set[str] = set()
    for block in blocks:
        block_refs = [r for r in refs if block.start <= r.start < block.end]
        state.block_start = block.start
        for sent in split_sentences(text, block.start, block.end):
            sent_refs = [r for r in block_refs if sent.start <= r.start < sent.end]
            later = [r for r in block_refs if r.start >= sent.end and not _REGIME_AFTER.match(text, r.end)]
            if not block.heading and is_cyrillic(sent.text):
                if voice is None:
                    voice = text_voice(text)
                for ev in _cyrillic_sentence_events(article, sent, sent_refs, later, state, voice):
                    if ev.id not in seen:
                        seen.add(ev.id)
                        events.append(ev)
                state.recent_places.extend(sent_refs)
                state.all_places.extend(sent_refs)
                continue
            sent = without_scare_quotes(sent)
            # The sentence's lower-case words, shared by the actor and speaker gates.
            words = _LOWER_WORD.findall(sent.text.lower()) if not block.heading else []
            triggers = find_triggers(sent.text) if not block.heading else []
            actors = find_actors(sent.text) if triggers or (not block.heading and _may_name_actor(words)) else []
            if actors and actors[0].kind == "country" and (dateline := _DATELINE.match(sent.text)) is not None:
                # "KHERSON, Ukraine - Rescuers deployed boats": where the story was filed, not who acts.
                actors = [a for a in actors if a.start >= dateline.end()]
            if any(a.kind == "unit" for a in actors):
                state.defaulted_units = {a.start for a in actors if a.kind == "unit"}
                actors = [_unit_of(a, state.home_side()) for a in actors]
            else:
                state.defaulted_units = set()
            # Whom "the enemy" means: Russia in Ukrainian copy ("the occupiers"), Ukraine in Russian ("the Kiev regime").
            enemy_side = (state.enemy() or _opponent_named(sent.text)) if triggers and "enemy" in words else None
            if enemy_side:
                actors = _with_enemy(sent.text, actors, enemy_side)
            usable = _usable_places(sent, sent_refs, actors)
            if not block.heading:
                for ev in _sentence_events(article, sent, triggers, actors, sent_refs, usable, later, state, words):
                    if ev.id not in seen:
                        seen.add(ev.id)
                        events.append(ev)
            state.recent_places.extend(r for r in usable if r.start >= 0)
            state.all_places.extend(sent_refs)
    return events


def _unknown_places(text: str, blocks: list[Block], known: list[_PlaceRef]) -> list[_PlaceRef]:
    """Places the gazetteer missed but the text marks as places, with no geonameid.

    "the settlement of Kotlyarovka" names a settlement whatever the gazetteer
    knows; so, in English copy, does a Cyrillic name ("entered Котлине").
    """
    found: list[tuple[int, int, str]] = []
    for at in _lead_positions(text, _SETTLEMENT_OF, skip_lead=True):
        m = _SETTLEMENT_NAME.match(text, at)
        if m:
            found.append((m.start(), m.end(), m.group(0)))
    # "the villages of Illinka, Dalne and Pylna": the text says each is a settlement.
    for at in _lead_positions(text, _SETTLEMENTS_OF, skip_lead=True):
        found.extend(_listed_settlements(text, _NAME_LIST_AT.match(text, at), need_toponym=False))
    # "villages along the river, including A, B and C": only after a word that says they are villages.
    for at in _lead_positions(text, ("including ",), skip_lead=True):
        if _SETTLEMENTS_BEFORE.search(text, max(0, at - 90), at - len("including ")):
            found.extend(_listed_settlements(text, _NAME_LIST_AT.match(text, at), need_toponym=True))
    if any(lead in text for lead in ("ed ", "took ", "left ", "withdrew ", 'ed"', "ed”")):
        listed = _LISTED_NAMES.finditer(text) if ":" in text else ()
        taken = [
            m for at in _lead_positions(text, _TAKEN_LEADS) if (m := _TAKEN_NAMES.match(text, at)) is not None
            # "left X", "abandoned X": a place only when forces do it ("She left Nokia" names a company).
            and (not m.group(0).startswith(_LEAVING_LEADS) or _FORCE_WORD.search(text, max(0, at - 80), at))
        ]
        for m in [*taken, *listed, *_locative_names(text)]:
            arrival = m.group(0).startswith(_ARRIVAL_LEADS)
            if arrival and _NOUN_AFTER_NAME.match(text, m.end()):
                continue  # "arrived in Leopard and Abrams tanks": the names qualify a noun, they are no places
            at = m.start("names")
            parts: list[tuple[int, str, bool]] = []
            for part in _TAKEN_SPLIT.split(m.group("names")):
                if part.split()[0].lower() in PERSON_TITLES:
                    break  # "liberated Kherson, and President Volodymyr Zelensky said": the list has ended
                start = text.find(part, at)
                at = start + len(part)
                known_here = any(r.start < at and start < r.end and not r.is_country for r in known)
                words = part.split()
                person = len(words) > 1 and words[0].lower() in FIRST_NAMES
                if (person or words[0] in _NOT_A_PLACE_HEAD) and not known_here:
                    continue  # "captured Petro Hnativ": a person; "deployed in Operation Barkhane": an operation
                # A settlement's ending on its last word, or on an earlier one that is no first name's ("Yakiv
                # Kovalenko" is no "-iv" place; "Popiv Yar" has "Yar").
                shaped = bool(_TOPONYM_END.search(words[-1])) or any(
                    _TOPONYM_END.search(w) and not _FIRST_NAME_ENDING.search(w) for w in words[:-1]
                )
                parts.append((start, part, known_here or shaped))
            # "liberated Strilecha, Pylna and Borysivka": in a list of places, a name of no known shape is one too.
            listed_places = len(parts) > 1 and (any(looks for _, _, looks in parts) or (
                # "4,000 US Marines arrived at Setermoen and Bardufoss": forces arriving name places (the forces in
                # the same sentence; not "arrived in Leopard and Abrams tanks", nor "deployed in Operation Barkhane").
                arrival
                and _FORCE_WORD.search(text, _sentence_start_before(text, m.start()), m.start()) is not None
                and not any(p.split()[0] in _NOT_A_PLACE_HEAD for _, p, _ in parts)
            ))
            for start, part, looks in parts:
                if (looks or listed_places) and part.split()[0].lower() not in STOPWORD_NAMES:
                    found.append((start, start + len(part), part))
    # Only in Latin-script copy: in a Cyrillic text every capitalised word would qualify.
    if _CYRILLIC_LETTER.search(text):
        if len(_CYRILLIC_LETTER.findall(text)) * 4 < len(text):
            found.extend((m.start(), m.end(), m.group(0)) for m in _CYRILLIC_NAME.finditer(text))
        # "освобождены сёла Ровнополье и Яблоково", "селище Курахове": the noun says they are settlements.
        for m in _CYRILLIC_SETTLEMENTS.finditer(text):
            at = m.start("names")
            for part in _CYRILLIC_LIST_SPLIT.split(m.group("names")):
                start = text.find(part, at)
                at = start + len(part)
                words = part.split()
                if words[0].lower() in FIRST_NAMES:
                    break  # "жители села Ясное Анна и Мария": the people after the village are no villages
                if len(words) > 1 and words[1].lower() in FIRST_NAMES:
                    part = words[0]
                found.append((start, start + len(part), part))
    out: list[_PlaceRef] = []
    for start, end, name in found:
        if any(r.start < end and start < r.end for r in [*known, *out]):
            continue  # the gazetteer (or an earlier pattern) has it
        if not any(b.start <= start and end <= b.end and not b.heading for b in blocks):
            continue
        mention = PlaceMention(name=name, kind="city", start=start, end=end, text=name)
        out.append(_PlaceRef(start, end, mention, False, False))
    return out


def _listed_settlements(text: str, names: re.Match[str] | None, need_toponym: bool) -> list[tuple[int, int, str]]:
    """The (start, end, name) of each name in a list of settlements, up to a title that ends it.

    "..., including Nysa and Klodzko, Defence Minister X said": the list ends at "Defence".
    """
    if names is None:
        return []
    out: list[tuple[int, int, str]] = []
    pos = names.start()
    for part in _TAKEN_SPLIT.split(names.group(0)):
        start = text.find(part, pos)
        pos = start + len(part)
        first = part.split()[0].lower()
        if first in PERSON_TITLES or first in NOT_NAME_WORDS:
            break
        if not need_toponym or any(_TOPONYM_END.search(w) for w in part.split()):
            out.append((start, pos, part))
    return out


def _enemy_voice(text: str) -> str | None:
    """The enemy of the side whose voice an article speaks in ("the occupiers": RUS), or None."""
    low = text.lower()  # the voice patterns are lower case: faster than matching ignoring case
    ukrainian = len(_UKRAINIAN_VOICE.findall(low))
    russian = len(_RUSSIAN_VOICE.findall(low))
    if ukrainian > russian:
        return "RUS"
    if russian > ukrainian:
        return "UKR"
    return None


def _unit_of(actor: ActorMention, side: str) -> ActorMention:
    if actor.kind != "unit":
        return actor
    return ActorMention(actor.start, actor.end, (side,), "force", actor.text)


def _opponent_named(s: str) -> str | None:
    """"Ukrainian forces pushed the enemy back": the other side of the one party the sentence names, if it is one."""
    sides = set(sides_in(s))
    # A known person's side counts too: "The enemy has concentrated 50,000 troops near Kursk, Syrskyi said."
    sides.update(side for w in _CAPITALISED_WORD.findall(s) if (side := KNOWN_PEOPLE.get(w.lower())) is not None)
    return _OTHER_SIDE.get(sides.pop()) if len(sides) == 1 else None


def _with_enemy(s: str, actors: list[ActorMention], side: str) -> list[ActorMention]:
    """``actors`` plus each "the enemy" of the sentence as a force of ``side``."""
    extra = [
        ActorMention(m.start(), m.end(), (side,), "force", m.group(0)) for m in _ENEMY.finditer(s)
        if not any(a.start < m.end() and m.start() < a.end for a in actors)
    ]
    return sorted([*actors, *extra], key=lambda a: a.start) if extra else actors


def _may_name_actor(words: list[str]) -> bool:
    """Cheap gate: a sentence without an armed-force word names no force (its places need no filtering)."""
    return not _ACTOR_GATE.isdisjoint(words)


def _usable_places(sent: Sentence, refs: list[_PlaceRef], all_actors: list[ActorMention]) -> list[_PlaceRef]:
    """Places of a sentence that can be where an event happens.

    Not the "Moscow" of "Moscow's forces", the "Kyiv" of "Kyiv says", the
    "Ukraine" of "Ukraine's defences", nor the "US" of "US officials".
    """
    s = sent.text
    actors = [a for a in all_actors if a.kind != "country"]
    out: list[_PlaceRef] = []
    for r in refs:
        rs, re_ = r.start - sent.start, r.end - sent.start
        if any(a.start <= rs < a.end for a in actors):
            continue
        if _PLACE_AS_AGENT.match(s, re_) or s[re_:re_ + 1] == "-" or _REGIME_AFTER.match(s, re_) or (
            _PLACE_AS_MODIFIER.match(s, re_)  # "control of Greenland talks", "the Istanbul agreement"
        ) or ((_WHAT_BEFORE.search(s, max(0, rs - 12), rs) and _DESCRIBING_AFTER.match(s, re_))
              or _CALLS_AFTER.match(s, re_)):
            # "in what Moscow described as a regrouping", "the capital that Baku calls Khankendi", "Kyiv called it":
            # the government speaking (not "took Vovchansk, dubbed the gateway to Kharkiv", a participle).
            continue  # (also "the Kiev regime": a government, never where anything happens)
        if _POSSESSIVE.match(s, re_) and not _POSSESSIVE_PLACE.match(s[re_:]):
            continue
        if s[rs:re_].isupper() and len(s[rs:re_]) <= 4 and _ADJECTIVAL.match(s, re_):
            continue
        if rs < 30 and s[rs:re_].isupper() and len(s[rs:re_]) > 2 and _DATELINE_AFTER.match(s, re_):
            continue  # "MOSCOW/SEOUL —", "KYIV, Ukraine (AP) —": where the story was filed, not where it happened
        out.append(r)
    return out


def _to_ref(text: str, m: PlaceMention) -> _PlaceRef:
    is_region = m.kind == "region" or bool(_REGION_SUFFIX.match(text, m.end))
    return _PlaceRef(m.start, m.end, m, m.kind == "country", is_region)


def _event_id(article_id: str, type_: str, side: str | None, place: Place | None, speaker: str | None, start: int) -> str:
    key = f"{article_id}|{type_}|{side or ''}|{place.name if place else ''}|{speaker or ''}|{start}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _sentence_events(
    article: Article, sent: Sentence, triggers: list[TriggerMatch], actors: list[ActorMention],
    refs: list[_PlaceRef], usable: list[_PlaceRef],
    later: list[_PlaceRef], state: _State, words: list[str],
) -> list[Event]:
    s = sent.text
    cands = list(usable)
    cands.extend(_anaphors(s, sent.start, refs, usable, state))
    cands.sort(key=lambda r: r.start)

    place_spans = [(r.start - sent.start, r.end - sent.start) for r in refs]
    recent_person = state.last_person if sent.start - state.last_person_pos < _RECENT_WINDOW else None
    if recent_person is None and state.prev_sentence is not None and _PERSON_PRONOUN.search(s):
        recent_person = first_person(state.prev_sentence, [])
    recent_body = state.last_body if sent.start - state.last_body_pos < _RECENT_WINDOW else None
    speakers = find_speakers(s, place_spans, recent_person, words, state.introduced, recent_body)
    state.speaker_side = next((sp.side for sp in speakers if sp.side), None)
    state.speaker_end = next((sp.name_end for sp in speakers if sp.side), -1)
    state.countries_here = [
        (r.start - sent.start, side) for r in refs
        if r.is_country and (side := side_of_term(r.mention.name)) is not None
        and _IN_COUNTRY.search(s, max(0, r.start - sent.start - 12), r.start - sent.start)
    ]
    if speakers:
        # "Ukraine's General Staff said ...": a place inside a speaker's name is not where anything happens.
        cands = [r for r in cands if not any(sp.name_start <= r.start - sent.start < sp.name_end for sp in speakers)]
    drafts: list[_Draft] = []
    for i, trig in enumerate(triggers):
        # A trigger's place lies before the next trigger of another type ("reached X while ... left Y").
        # (Or before one of its own type in a new clause: "were moved to the border after Wagner arrived in Belarus".)
        nxt = next((t for t in triggers[i + 1:] if t.spec.type != trig.spec.type
                    or _SUBORDINATE_CLAUSE.search(s, trig.end, t.start)), None)
        scope_end = nxt.start if nxt else len(s)
        brk = CLAUSE_BREAK.search(s, trig.end, scope_end)
        if brk and brk.group(0) == ":" and _LIST_INTRO.search(s, trig.end, brk.start()):
            brk = CLAUSE_BREAK.search(s, brk.end(), scope_end)  # "seized two villages: A and B" names them
        elif brk and brk.group(0).strip() in "–—-" and _WHERE_AFTER_DASH.match(s, brk.end()) and any(
            # (only a where-phrase with its place, up to its comma: not "— in Kharkiv, meanwhile, a missile hit")
            brk.end() <= r.start - sent.start < _phrase_end(s, brk.end()) for r in refs
        ) and not _NEW_CLAUSE_AFTER_WHERE.match(s, _phrase_end(s, brk.end())):
            # "had advanced on the flanks — north of the city near Berkhivka": the dash says where.
            brk = CLAUSE_BREAK.search(s, brk.end(), scope_end)
        scope_end = brk.start() if brk else scope_end
        drafts.extend(_military(s, sent, trig, scope_end, actors, cands, later, state))
    if drafts:
        quantities = find_quantities(s)
        for d in drafts:
            # Not a number that belongs to the next verb ("moved battalions in, while Russia massed 45,000 troops").
            until = min((t.start for t in triggers if t.start > d.trigger.start and (
                t.spec.type != d.trigger.spec.type or _NEW_CLAUSE.search(s, d.trigger.end, t.start))), default=len(s))
            d.quantity = _pick_quantity(d, [q for q in quantities if q.start < until])
    # The first explicit force of a sentence is most often its subject: "they" and "the troops" refer to it.
    explicit = [
        a for a in actors
        if a.kind == "force" and a.sides and not _PREPOSITION_BEFORE.search(s, max(0, a.start - 30), a.start)
    ]
    if explicit:
        state.last_agent, state.last_agent_pos = explicit[0].sides, sent.start
    contested = [r for d in drafts if d.type in ("advance", "withdrawal") and d.location_direct
                 for r in cands if d.location is not None and r.resolved is d.location and r.start >= sent.start]
    if contested:
        state.last_contested_end = max(r.end for r in contested)
    advancers = {d.side for d in drafts if d.type == "advance" and d.actor_name}
    if len(advancers) == 1:
        state.last_advancer, state.last_advancer_pos = advancers.pop(), sent.start
    for sp in speakers:
        if sp.is_person:
            state.last_person, state.last_person_pos = sp, sent.start
        elif " " in sp.name or sp.side is not None:
            # (Not a lone unknown name, "Zellmer said": it may be a person's surname, and "it" is no person.)
            state.last_body, state.last_body_pos = sp, sent.start
    state.prev_sentence = s
    return _finish(article, sent, drafts, speakers, cands)


# How a Cyrillic event verb reads, in the English rules' terms (for ``_locate`` and the event's confidence).
_CYRILLIC_FAMILY: dict[str, str] = {"advance": "adv_take", "withdrawal": "wd_go", "deployment": "dep_send"}


def _cyrillic_sentence_events(
    article: Article, sent: Sentence, refs: list[_PlaceRef], later: list[_PlaceRef], state: _State, voice: Voice,
) -> list[Event]:
    """Events of a Ukrainian- or Russian-language sentence: its verbs, sides and places."""
    s = sent.text
    triggers = find_cyrillic_triggers(s, voice)
    refs = sorted([*refs, *_cyrillic_anaphors(s, sent.start, refs, state)], key=lambda r: r.start)
    speakers = [
        sp for sp in find_cyrillic_speakers(s, voice)
        if not any(r.start <= sent.start + sp.name_start < r.end for r in refs)  # a place is no speaker
    ]
    # "По данным Минобороны России, ... освобождены": a place inside a speaker's name is not where it happened.
    refs = [r for r in refs if not any(sp.name_start <= r.start - sent.start < sp.name_end for sp in speakers)]
    drafts: list[_Draft] = []
    for i, ct in enumerate(triggers):
        if ct.side is None:
            continue
        # (A verb's second reading at the same place, "вибили окупантів": their withdrawal, shares its scope.)
        nxt = next((t for t in triggers[i + 1:] if t.type != ct.type and t.start > ct.start), None)
        family = _CYRILLIC_FAMILY[ct.type]
        trig = TriggerMatch(ct.start, ct.end, family, TRIGGERS[family], ct.text)
        scope_end = nxt.start if nxt else len(s)
        location, direct = _locate(s, sent, trig, scope_end, refs, later, state, False)
        for place in [location, *_listed_with(s, location, refs, sent.start, scope_end)] if direct else [location]:
            drafts.append(_Draft(ct.type, ct.side, trig, place, direct, "force"))
    state.prev_sentence = s
    return _finish(article, sent, drafts, speakers, refs)


def _cyrillic_anaphors(s: str, offset: int, refs: list[_PlaceRef], state: _State) -> list[_PlaceRef]:
    """"з села", "в місті": the latest settlement named before (when the sentence names none)."""
    if any(not r.is_country and not r.is_region for r in refs):
        return []
    m = _CYRILLIC_ANAPHOR.search(s)
    if m is None:
        return []
    pool = [r for r in state.recent_places if not r.is_country and not r.is_region and offset - r.end < _RECENT_WINDOW * 2]
    if not pool:
        return []
    # One the text introduced with the same noun wins ("звільнили село Кутьківка ... вибили з села").
    stem = m.group("noun")[:3].lower()
    same = [r for r in pool if stem in state.text[max(0, r.start - 12):r.start].lower()]
    r = (same or pool)[-1]
    return [_PlaceRef(offset + m.start("noun"), offset + m.end("noun"), r.mention, False, False, r.place)]


def _anaphors(s: str, offset: int, refs: list[_PlaceRef], usable: list[_PlaceRef], state: _State) -> list[_PlaceRef]:
    """"the city", "the country": the latest place of that kind named before."""
    out: list[_PlaceRef] = []
    for m in _ANAPHOR.finditer(s):
        noun = m.group("noun").lower()
        pos = offset + m.start()
        if any(r.start < offset + m.end() and pos < r.end for r in refs):
            continue  # "the Donetsk region": a named place, not an anaphor
        here = [r for r in refs if r.end <= pos]
        if noun == "country":
            # The sentence's own first country is its topic ("Ukraine says Russia ... the country").
            countries = [r for r in here if r.is_country]
            chosen = countries[:1] or [r for r in state.all_places if r.is_country and pos - r.end < _RECENT_WINDOW * 2][-1:]
        else:
            pool = [r for r in state.recent_places if pos - r.end < _RECENT_WINDOW * 2] + [r for r in usable if r.end <= pos]
            if noun == "region":
                chosen = [r for r in pool if r.is_region][-1:]
            else:
                chosen = _settlement_antecedent(state.text, noun, [r for r in pool if not r.is_country and not r.is_region], pos)
        if chosen:
            r = chosen[0]
            out.append(_PlaceRef(pos, offset + m.end(), r.mention, r.is_country, r.is_region, r.place))
    return out


def _place_uses(text: str, surface: str) -> int:
    """How often ``text`` names ``surface`` as a place, not as a government speaking ("Moscow said")."""
    count = 0
    at = text.find(surface)
    while at >= 0:
        if not _PLACE_AS_AGENT.match(text, at + len(surface)):
            count += 1
        at = text.find(surface, at + 1)
    return count


def _settlement_antecedent(text: str, noun: str, pool: list[_PlaceRef], pos: int = -1) -> list[_PlaceRef]:
    """Which earlier settlement "the village" means.

    One the text introduced with the same noun ("the village of Rodynske") wins; else the latest
    one that is not a landmark for the place before it ("Rodynske near Pokrovsk": Rodynske).
    """
    if not pool or not text:
        return pool[-1:]
    kinds = [_introduced_as(text, r) for r in pool]
    same = [r for r, k in zip(pool, kinds, strict=True) if k is not None and _SAME_NOUN.get(k, k) == _SAME_NOUN.get(noun, noun)]
    if same:
        return same[-1:]
    # Not one introduced as another kind of settlement ("the city of Pokrovsk" is not "the village").
    pool = [r for r, k in zip(pool, kinds, strict=True) if k is None] or pool
    # The text's topic, named three times or more, over a place named once in passing ("Russian troops entered
    # the town" in a history of Lyman, after one mention of Kramatorsk).
    counts = {r.mention.name: _place_uses(text, r.mention.text or r.mention.name) for r in pool}
    topic = max(pool, key=lambda r: counts[r.mention.name])
    if counts[topic.mention.name] >= 3 and counts[pool[-1].mention.name] == 1 and pos - pool[-1].end > 150:
        return [topic]  # (not over a place named just before: "Good news from Zarichne: ... the village")
    for i in range(len(pool) - 1, 0, -1):
        r, prev = pool[i], pool[i - 1]
        if 0 <= r.start - prev.end < 60 and _LANDMARK_BEFORE.fullmatch(text, prev.end, r.start):
            continue
        return [r]
    return pool[:1]


def _introduced_as(text: str, r: _PlaceRef) -> str | None:
    m = _KIND_BEFORE.search(text, max(0, r.start - 20), r.start)
    if m:
        return m.group(1).lower()
    m = _KIND_AFTER.match(text, r.end)
    return m.group(1).lower() if m else None


_KIND_BEFORE = re.compile(r"(?<![\w-])(village|town|city|settlement|hamlet)\s+(?:of|called|named)\s+$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s+(village|town|city|settlement|hamlet)\b(?!\s+of\b)")
_SAME_NOUN = {"settlement": "village", "hamlet": "village"}
_LANDMARK_BEFORE = re.compile(
    r"[^.;!?]*?(?<![\w-])(?:near|outside|close\s+to|(?:\w+\s+)?(?:west|east|north|south|northwest|northeast|southwest|southeast)"
    r"\s+of|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def _subject(s: str, actors: list[ActorMention], pos: int, state: _State, sent_start: int) -> ActorMention | None:
    """The actor of a verb at ``pos``: the nearest plausible subject before it."""
    before = [a for a in actors if a.end <= pos]
    if not before:
        return None
    if _COORDINATED_VERB.search(s, max(0, pos - 60), pos) and not _AUXILIARIES_ONLY.fullmatch(s, before[-1].end, pos):
        # The clause's first subject: not a dateline's "KYIV, April 2 (Reuters) - " before it.
        cstart = clause_start(s, pos)
        that = s.rfind(" that ", cstart, pos)
        if that >= 0 and any(cstart <= a.start < that for a in before) and any(that < a.start for a in before):
            cstart = that  # "X stated that Russian forces are massing ... and have transferred": the clause after "that"
        first = next(
            (a for a in before if a.start >= cstart and not _PREPOSITION_BEFORE.search(s, max(0, a.start - 30), a.start)),
            None,
        )
        if first is not None:
            return _resolved(first, state, sent_start, s, actors)
    for a in reversed(before):
        gap = s[a.end:pos]
        if ";" in gap or len(gap) > 160:
            break
        if _AUXILIARIES_ONLY.fullmatch(gap):
            return _resolved(a, state, sent_start, s, actors)  # "... as its troops advanced": right before its verb
        if _PREPOSITION_BEFORE.search(s, max(0, a.start - 30), a.start) and not _RELATIVE_AFTER.match(gap):
            continue
        return _resolved(a, state, sent_start, s, actors)
    return None


def _resolved(
    a: ActorMention, state: _State, sent_start: int, s: str = "", actors: list[ActorMention] | None = None
) -> ActorMention | None:
    if a.kind != "pronoun":
        return a
    if (a.text.lower() == "we" or a.text[:4].lower() == "our ") and state.speaker_side:
        # "We pushed them out of X," the commander said: the speaker's side, quote or not.
        return ActorMention(a.start, a.end, (state.speaker_side,), "force", a.text)
    if actors and _ITS_THEIR.match(a.text):
        # "Russia lost ... as its troops advanced": the side named earlier in the sentence.
        owner = next((x for x in reversed(actors) if x.end <= a.start and x.kind == "country" and x.sides), None)
        if state.speaker_side and 0 <= state.speaker_end <= a.start and (owner is None or owner.end < state.speaker_end):
            # "KYIV (AFP) - Russia's defence ministry said its troops ...": the speaker, not the dateline.
            return ActorMention(a.start, a.end, (state.speaker_side,), "force", a.text)
        if owner is not None:
            return ActorMention(a.start, a.end, owner.sides, "force", a.text)
        clause_sides = set(sides_in(s[clause_start(s, a.start):a.start])) if _THEIR.match(a.text) else set()
        if len(clause_sides) == 1:
            # "Russian military bloggers claim their troops have entered X": the one side named before, in the clause.
            return ActorMention(a.start, a.end, (clause_sides.pop(),), "force", a.text)
    if s[:a.start].count("“") > s[:a.start].count("”") or s.lstrip().startswith(("“", '"')):
        return None  # "they" in a quote is the speaker's enemy or friend, not the text's last agent
    if a.text.lower() == "we" or a.text[:4].lower() == "our ":
        # The narrator's own side: "our defenders" in copy that calls the other side "the occupiers"; else
        # the last person who spoke (an interview's "we"), else the side English copy names bare. Never the
        # last third party named ("the Russians have changed their tactics ... We entered Robotyne").
        enemy = state.enemy()
        person_side = state.last_person.side if state.last_person is not None else None
        side = _OTHER_SIDE.get(enemy or "", person_side)
        return ActorMention(a.start, a.end, (side,), "force", a.text) if side else None
    if actors and not _ITS_THEIR_OUR.match(a.text):
        # "Russian troops captured X, and last month they stormed Y": the sentence's own subject first.
        own = next(
            (x for x in actors if x.end <= a.start and x.kind == "force" and x.sides
             and not _PREPOSITION_BEFORE.search(s, max(0, x.start - 30), x.start)),
            None,
        )
        if own is not None:
            return ActorMention(a.start, a.end, own.sides, "force", a.text)
    if state.speaker_side and _ITS_THEIR_OUR.match(a.text):
        return ActorMention(a.start, a.end, (state.speaker_side,), "force", a.text)  # "the ministry said its forces"

    if _HIS_HER.match(a.text):
        # "Russia's top general said his troops ...": the side named with the person.
        named = sides_in(s[max(0, a.start - 120):a.start])
        if named:
            return ActorMention(a.start, a.end, named[-1:], "force", a.text)
    if a.text[:4].lower() == "the ":
        # "In Austria, the army ...": a third country named in the sentence owns "the army".
        foreign = [side for pos, side in state.countries_here if pos < a.start and side not in _OTHER_SIDE]
        if foreign:
            return ActorMention(a.start, a.end, (foreign[-1],), "force", a.text)
    if state.last_agent and sent_start - state.last_agent_pos < _RECENT_WINDOW:
        return ActorMention(a.start, a.end, state.last_agent, "force", a.text)
    return None


def _is_passive(s: str, trig: TriggerMatch) -> bool:
    """"were transferred": a form of "be" before a past participle (not "been massing")."""
    return not trig.text.lower().endswith("ing") and bool(_BE_BEFORE.search(s, max(0, trig.start - 30), trig.start))


def _actor_after(s: str, actors: list[ActorMention], pos: int, limit: int = 12) -> ActorMention | None:
    return next((a for a in actors if pos <= a.start <= pos + limit), None)


def _military(
    s: str, sent: Sentence, trig: TriggerMatch, scope_end: int, actors: list[ActorMention],
    cands: list[_PlaceRef], later: list[_PlaceRef], state: _State,
) -> list[_Draft]:
    spec = trig.spec
    voice = spec.voice
    family = trig.family
    out: list[_Draft] = []
    # "the retreat of ...", "a rapid advance": a noun, not a verb.
    if (
        family in {"adv_go", "wd_go", "adv_take"}
        and trig.text.lower() in {"advance", "retreat", "advances", "capture", "recapture"}
        and _DETERMINER_BEFORE.search(s, max(0, trig.start - 40), trig.start)
    ):
        voice = "nominal"
    if voice == "nominal" and _INDEFINITE_BEFORE.search(s, max(0, trig.start - 40), trig.start) and (
        _MODAL_AFTER_NOUN.match(s, trig.end)
    ):
        return out  # "a Ukrainian withdrawal from the Donbas would be the best option": a hypothetical
    passive_by = None
    voiced_liberation = False
    if family in {"adv_take", "dep_send", "adv_enter", "wd_leave"} and _PARTICIPLE_PASSIVE.search(trig.text.split()[0]):
        by = _BY_AGENT.match(s, trig.end)
        if by:
            passive_by = _actor_after(s, actors, by.end(), 4)
    left = clause_start(s, trig.start)
    actor: ActorMention | None = None
    place_before = False
    if passive_by is not None:
        actor, place_before = passive_by, True
        left = max(left, trig.start - 25)
    elif voice == "agent_after":
        actor = _actor_after(s, actors, trig.end, 6)
        if actor is None and family == "adv_fell" and (owner := _SIDE_CONTROL.match(s, trig.end)) is not None:
            # "came under Russian control": the side is the adjective.
            side = side_of_term(owner.group("side"))
            actor = ActorMention(owner.start(), owner.end("side"), (side,), "force", owner.group(0).strip()) if side else None
            if actor is not None and "back" in trig.text.lower() and not any(
                # "Sudzha ... was back under Russian control": only a place right before (past an apposition)
                # changes hands, not "Chelsea were back under American control" nor "Sudzha's hospital".
                _SUBJECT_PLACE_GAP.fullmatch(s, r.end - sent.start, trig.start) for r in cands
                if not r.is_country and r.end - sent.start <= trig.start
            ):
                actor = None
        place_before = family == "adv_fell"
        left = max(left, trig.start - 25)
    elif voice == "nominal":
        actor = _nominal_actor(s, actors, trig)
        of = _OF_AFTER.match(s[trig.end:]) if actor is None else None
        if of is not None:
            # "the departure of its units": a pronoun force after "of", resolved like a subject.
            pronoun = next((x for x in actors if trig.end < x.start <= trig.end + of.end() + 2 and x.kind == "pronoun"), None)
            actor = _resolved(pronoun, state, sent.start, s, actors) if pronoun is not None else None
        light = _LIGHT_VERB_BEFORE.search(s, max(0, trig.start - 40), trig.start)
        if actor is None and light is not None:
            # "Battlegroup Center units completed the liberation of X": the light verb's subject acts;
            # "the ministry claimed the capture of X": the claimant's side.
            actor = _subject(s, actors, light.start(), state, sent.start)
            if actor is None and state.speaker_side:
                actor = ActorMention(light.start(), light.start(), (state.speaker_side,), "force", "")
        left = max(left, trig.start - 25)
    else:
        actor = _subject(s, actors, trig.start, state, sent.start)
        if family == "adv_control" and trig.text[:5].lower() in ("claim", "annou"):
            # "hours after Russia's Defence Ministry claimed full control of the town": the claimant's side,
            # which a ministry (no force, so no actor) names just before the verb.
            named = sides_in(s[max(left, trig.start - 40):trig.start])
            if named and (actor is None or named[-1] not in actor.sides):
                actor = ActorMention(trig.start, trig.start, named[-1:], "force", "")
        sends = family == "dep_send" and _FORCE_OBJECT.match(s, trig.end) is not None
        it = _IT_BEFORE.search(s, max(0, trig.start - 60), trig.start) if actor is None else None
        if it is not None and (spec.strong or sends) and state.speaker_side:
            # "Russia's Defence Ministry said it had captured X" (or "had sent two brigades to X"):
            # "it" is the speaking body, of its side.
            actor = ActorMention(it.start(), it.start() + 2, (state.speaker_side,), "force", it.group(1))
        if actor is None and it is not None and (spec.strong or sends or family == "cause"):
            # "Moscow says it has driven them out of the Kursk region": "it" is the state that says so.
            sayer = next((a for a in reversed(actors) if a.kind == "country" and len(a.sides) == 1
                          and _SAYS_BETWEEN.fullmatch(s, a.end, it.start())), None)
            if sayer is not None:
                actor = ActorMention(it.start(), it.start() + 2, sayer.sides, "force", it.group(1))
        if actor is None and state.speaker_side and 0 <= state.speaker_end <= trig.start and (
            bare := _BARE_FORCE_BEFORE.search(s, max(state.speaker_end, trig.start - 60), trig.start)
        ) is not None:
            # "Ukraine's general staff said troops had withdrawn": troops named bare after a side's speaker are its own.
            actor = ActorMention(bare.start(), bare.end(1), (state.speaker_side,), "force", bare.group(1))
        if actor is not None and actor.end > left:
            left = actor.end
        if family == "dep_send" and _is_passive(s, trig):
            place_before = False  # "were transferred to Russia": subject deployed, place after
    if (actor is None or not actor.sides) and family == "dep_send" and not _is_passive(s, trig):
        # "The enemy has transferred two battalions of the 5th Combined Arms Army to X": the units' side is deployed.
        obj = _FORCE_OBJECT.match(s, trig.end)
        sent_forces = next((a for a in actors if obj is not None and trig.end <= a.start < obj.end() + 40
                            and a.kind == "force" and a.sides and not _CLAUSE_WORD.search(s, trig.end, a.start)), None)
        if sent_forces is not None:
            who = actor or sent_forces
            actor = ActorMention(who.start, who.end, sent_forces.sides, "force", who.text)
    if (actor is None or not actor.sides) and state.speaker_side and passive_by is None and _is_passive(s, trig) and (
        family in {"adv_take", "adv_clear", "adv_control"}
        # "Reinforcements have been sent", not "1,500 people had been moved": what was sent must be forces.
        or (family == "dep_send" and _FORCE_SUBJECT.search(s, clause_start(s, trig.start), trig.start) is not None)
    ):
        # "Gerasimov said 1,100 square kilometres had been retaken": in a side's own report, its own side did it.
        actor = ActorMention(trig.start, trig.start, (state.speaker_side,), "force", "")
        place_before = family != "dep_send"
        passive_by = actor  # the place is the subject, as with an agent after "by"
    if (
        (actor is None or not actor.sides) and passive_by is None and family in {"adv_take", "adv_control"}
        and _is_passive(s, trig) and state.last_advancer is not None and state.last_advancer_pos >= state.block_start
        and sent.start - state.last_advancer_pos < _RECENT_WINDOW and _RETAKEN.match(trig.text)
        and (subject := _AGENTLESS_SUBJECT_PLACE.match(s)) is not None
        and any(r.start - sent.start == subject.start("name") and not r.is_country for r in cands)
    ):
        # "Ukrainian forces advanced south in June. Staromaiorske was retaken on 27 July": a place retaken with no
        # agent named, in the paragraph where one side was last seen advancing, was retaken by that side.
        # (Only "retaken/recaptured/regained": "Kherson was retaken in 2022" after a shelling report is background.)
        actor = ActorMention(trig.start, trig.start, (state.last_advancer,), "force", "")
        place_before = True
        passive_by = actor
    if (actor is None or not actor.sides) and passive_by is None and trig.text[:7].lower() == "liberat" and (
        (voice == "nominal" and trig.text.lower() == "liberation") or (family == "adv_take" and _is_passive(s, trig))
    ) and (enemy := state.enemy()) in _OTHER_SIDE:
        # "Mariupol has been liberated", "the liberation of Popasnaya": each side liberates only in its own voice.
        # (Of a town only: "the liberation of Donbass" is a war aim.)
        voiced_liberation = True
        actor = ActorMention(trig.start, trig.start, (_OTHER_SIDE[enemy],), "force", "")
        place_before = voice != "nominal"
        passive_by = actor if voice != "nominal" else None
    if actor is None or not actor.sides:
        return out
    actor = _with_coordinated(s, actor, actors)
    if _WHOSE_CIVILIANS_BEFORE.search(s, max(0, trig.start - 70), trig.start):
        return out  # "took Avdiivka, whose residents had fled": the verb's subject is no armed force
    whose = _WHOSE_FORCES_BEFORE.search(s, max(0, trig.start - 70), trig.start) if spec.type == "withdrawal" else None
    if (
        whose is not None and actor.end <= whose.start() and len(actor.sides) == 1 and actor.sides[0] in _OTHER_SIDE
        and any(_BRACKETED_ALIAS.fullmatch(s, r.end - sent.start, whose.start())
                for r in cands if r.end - sent.start <= whose.start())
    ):
        # "Russian troops took Hirske and Zolote, whose garrisons had pulled out": the towns' defenders withdrew
        # (only after a place: "Ukrainian forces, whose garrison had pulled out of X, regrouped" are the same side).
        actor = ActorMention(whose.start("noun"), whose.end("noun"), (_OTHER_SIDE[actor.sides[0]],), "force",
                             whose.group("noun"))
    if blocked_by(s, trig.start, left):
        return out
    sides = actor.sides
    ev_type: EventType = spec.type
    sends_forces = False  # "deployed additional soldiers": the object says forces were sent
    if trig.text.lower().startswith(("mobilis", "mobiliz")) and _ADJECTIVE_SLOT_BEFORE.search(
        s, max(0, trig.start - 25), trig.start
    ) and _PEOPLE_NOUN_AFTER.match(s, trig.end):
        return out  # "a mix of paratroopers and mobilised men", "brought up to strength with mobilised reservists"
    if trig.text.lower().startswith("accumulat") and not _TROOPS_OBJECT.match(s, trig.end):
        return out  # "accumulated gold reserves": only troops accumulate as a deployment
    if family == "dep_send" and not _is_passive(s, trig) and passive_by is None:
        obj = _FORCE_OBJECT.match(s, trig.end)
        sends_forces = bool(obj) and obj is not None and obj.end() - trig.end <= 60
        # "troops were massing near Kharkiv": intransitive, the subject itself gathers.
        if (not obj or (obj.end() - trig.end) > 90) and (
            actor.kind != "force" or not (_PLACE_PREPOSITION.match(s, trig.end) or _THERE_AFTER.match(s, trig.end))
        ):
            return out
        obj_end = obj.end() + 1 if obj else 0
        # (Not a unit whose side is only the text's default: "the Russians have moved units of the 7th Division".)
        obj_actor = next((a for a in actors if trig.end <= a.start < obj_end and a.kind == "force" and a.sides
                          and a.start not in state.defaulted_units), None)
        if obj and obj_actor is not None and _SPACES.sub(" ", obj.group("noun").lower()) not in _EQUIPMENT:
            sides = obj_actor.sides  # "recruited North Korean soldiers": the soldiers' side is deployed
        elif obj:
            # "50,000 troops, including North Korean soldiers": those are deployed too.
            incl = _INCLUDING.match(s, obj.end())
            extra = [a for a in actors if incl and obj.end() < a.start <= incl.end() + 1 and a.kind == "force"]
            sides = sides + tuple(x for a in extra for x in a.sides if x not in sides)
    elif (
        actor.kind == "country" and not spec.strong and family not in {"dep_send", "dep_by"} and voice != "nominal"
        and not _OWN_FORCES_OBJECT.match(s, trig.end) and not _left_a_place(s, trig, cands, sent.start)
        # ("Moscow says it has driven them out of the Kursk region": a state drives forces out.)
        and not (family == "cause" and _FORCES_DRIVEN.match(s, trig.end))
    ):
        return out  # "Russia withdrew from the treaty"; but "Russia withdrew its troops" counts
    if family == "dep_by" and actor.kind != "force":
        return out
    # "... the town of Khiam, and Lebanese army units deployed there": the place the sentence named before.
    there = next((r for r in reversed(cands) if r.end - sent.start <= trig.start and not r.is_country), None) if (
        _THERE_AFTER.match(s, trig.end)) else None
    if there is not None:
        return [_Draft(ev_type, side, trig, there.place, True, actor.kind, actor_name=actor.text) for side in sides]
    # "were transferred to Russia": the subject is deployed, and the text says where to.
    if family == "dep_send" and _is_passive(s, trig) and (
        actor.kind != "force" or _BY_AGENT.match(s, trig.end)
        or not (any(trig.end <= r.start - sent.start < scope_end for r in cands) or _OWN_BORDER.search(s, trig.end, scope_end))
    ):
        return out
    # "Radkivka, which Russia captured in 2022": the relative pronoun is the object, the place before it.
    rel = _relative_object(s, actor, trig, cands, sent.start) if spec.type != "deployment" and voice == "active" else None
    if rel is not None:
        return [_Draft(ev_type, side, trig, rel.place, True, actor.kind, actor_name=actor.text) for side in sides]
    if voice == "active" and not any(trig.end <= r.start - sent.start < scope_end for r in cands):
        # "south to Toretsk, where Russian troops entered the eastern districts": the place the clause hangs on.
        where = next((r for r in reversed(cands) if r.end - sent.start <= actor.start), None)
        if where is not None and not where.is_country and _WHERE_GAP.fullmatch(s, where.end - sent.start, actor.start):
            return [_Draft(ev_type, side, trig, where.place, True, actor.kind, actor_name=actor.text) for side in sides]
    if spec.needs_place_object and passive_by is None and not _place_object(s, trig, cands, sent.start) and not (
        # "Separatists seized Sloviansk in April. Ukrainian forces recaptured it in July.": the place just named.
        _IT_OBJECT.match(s, trig.end) and not any(r.end - sent.start <= trig.start for r in cands)
        and any(not r.is_country and r.start >= state.block_start and sent.start - r.end < 300
                # (a place taken or left just before, ending its sentence: not "a drone over Kharkiv", nor
                # "photographers visited Bakhmut"; "it" would be something else)
                and state.last_contested_end == r.end
                and _ONLY_TIME_AFTER.match(state.text, r.end) is not None
                for r in state.recent_places[-1:])
    ):
        return out
    if (
        family == "wd_leave" and passive_by is None and _RESULT_PARTICIPLE.search(s, max(0, trig.start - 3), trig.start)
        and not any(0 <= r.start - sent.start - trig.end <= 5 for r in cands)
    ):
        return out  # "..., leaving a single road open": a result, not a departure (unless a place follows at once)
    if _NO_GAINS.search(trig.text):
        return out  # "made no gains", "made little headway": a negation inside the trigger
    if trig.text.lower().startswith("storm") and _ASSAULTED_OBJECT.match(s, trig.end):
        return out  # "stormed Ukrainian positions": an assault, which GUIDE does not count as an advance
    if voice == "nominal" and _FROM_AGREEMENT.match(s, trig.end):
        return out  # "The Russian withdrawal from the Black Sea grain deal": a treaty left, no ground
    # "Russian advances" alone: count it only where the text says where.
    if voice == "nominal" and actor.kind != "force" and not any(trig.end <= r.start - sent.start < scope_end for r in cands):
        return out
    location, direct = _locate(s, sent, trig, scope_end, cands, later, state, place_before or voice == "passive", actor)
    if voiced_liberation and voice == "nominal" and (
        not direct or location is None or location.kind != "city" or location.country is None
    ):
        return out
    colon = s.find(":", trig.end, scope_end)
    if colon >= 0 and _LIST_INTRO.search(s, trig.end, colon):
        # "withdrew from two villages near Pokrovsk: Hrodivka and Novohrodivka": the villages, not the town they are near.
        listed = next((r for r in cands if colon < r.start - sent.start < scope_end and not r.is_country), None)
        if listed is not None:
            location, direct = listed.place, True
    if family == "nom_dep" and not direct:
        return out  # "The arrival of North Korean infantry mattered": no place, no deployment to report
    if (
        ev_type == "deployment" and not direct and state.resolver is not None and len(sides) == 1
        and _OWN_BORDER.search(s, trig.end, scope_end)
    ):
        # "Belarus has massed troops near the border": on its own side of it.
        own = state.resolver.resolve_place(_COUNTRY_OF.get(sides[0], ""))
        if own is not None:
            location, direct = own, True
    # "Poland deployed more soldiers to its border": a deployment all the same, where the paragraph says.
    if actor.kind == "country" and not direct and (
        not sends_forces or sides != actor.sides or any(trig.end <= r.start - sent.start < scope_end for r in cands)
    ):
        return out
    if family == "dep_send" and sides != actor.sides and not direct and state.resolver is not None:
        # Foreign troops recruited or sent by a side serve in that side's country.
        home = _COUNTRY_OF.get(actor.sides[0])
        found = state.resolver.resolve_place(home) if home else None
        if found is not None:
            location = found
    with_list = direct and not voiced_liberation
    places = [location, *_listed_with(s, location, cands, sent.start, scope_end)] if with_list else [location]
    including = _INCLUDING_PLACES.search(s, trig.end, scope_end) if with_list and ev_type != "deployment" else None
    if including is not None:
        # "recaptured 6,000 square kilometres in the Kharkiv region, including the towns of Balakliia and Izium".
        first = next((r for r in cands if r.start - sent.start == including.end() and not r.is_country), None)
        if first is not None:
            places += [first.place, *_listed_with(s, first.place, cands, sent.start, len(s))]
    for side in sides:
        for place in places:
            out.append(_Draft(ev_type, side, trig, place, direct, actor.kind, actor_name=actor.text))
    if voice == "causative":
        out = _causative(s, sent, trig, scope_end, actors, cands, later, state, out)
    return out


def _left_a_place(s: str, trig: TriggerMatch, cands: list[_PlaceRef], offset: int) -> bool:
    """"Russia withdrew from the Kyiv region": a country leaves a place (not "the Paris agreement")."""
    if trig.spec.type != "withdrawal":
        return False
    lead = _FROM_LEAD.match(s, trig.end)
    if lead is None:
        return False
    place = next((r for r in cands if r.start - offset == lead.end()), None)
    return place is not None and not place.is_country and _NOT_A_PLACE_AFTER.match(s, place.end - offset) is None


_FROM_LEAD = re.compile(
    r"\s+(?:from|out\s+of)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement|community|hamlet)\s+of\s+)?"
)
_NOT_A_PLACE_AFTER = re.compile(
    r"\s+(?:agreement|accord|treaty|deal|talks|format|process|summit|club|council|convention|declaration|protocol)\b",
    re.IGNORECASE,
)


def _relative_object(s: str, actor: ActorMention, trig: TriggerMatch, cands: list[_PlaceRef], offset: int) -> _PlaceRef | None:
    """The place a relative clause's transitive verb takes as its object ("X, which Russia captured"), if any."""
    if trig.family not in {"adv_take", "adv_control", "wd_leave"} or not _AUXILIARIES_ONLY.fullmatch(s, actor.end, trig.start):
        return None
    place = next((r for r in reversed(cands) if r.end - offset <= actor.start), None)
    if place is None or place.is_country or not _RELATIVE_GAP.fullmatch(s, place.end - offset, actor.start):
        return None
    return place


_LIGHT_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:complet(?:ed|es|e|ing)|claim(?:ed|s|ing)?|announc(?:ed|es|e|ing)|report(?:ed|s|ing)?|confirm(?:ed|s|ing)?|"
    r"finish(?:ed|es|ing)?|finali[sz](?:ed|es|ing))\s+(?:the\s+)?(?:full\s+|complete\s+|final\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_WORD = re.compile(r"(?<![\w-])(?:since|as|when|after|before|while|because|until|and|but|that|which|who)(?![\w-])")
_BARE_FORCE_BEFORE = re.compile(
    r"(?<![\w-])(troops|forces|units|soldiers|servicemen)\s+(?:(?:had|has|have|was|were|is|are|been|being|also|then|now|just|already)\s+)*$",
    re.IGNORECASE,
)
_IT_BEFORE = re.compile(
    r"(?<![\w-])(it|we|he|she)\s+(?:(?:had|has|have|was|were|is|are|also|then|now|just|already|reportedly|successfully|"
    r"fully|completely)\s+)*$",
    re.IGNORECASE,
)
_RESULT_PARTICIPLE = re.compile(r",\s*$")
_RELATIVE_GAP = re.compile(r"\s*,\s*(?:which|that)\s+(?:the\s+)?")
_WHERE_GAP = re.compile(r"\s*(?:\(?[^()]{0,40}\)\s*)?,\s*where\s+(?:the\s+)?")


def _listed_with(s: str, location: Place | None, cands: list[_PlaceRef], offset: int, scope_end: int) -> list[Place]:
    """The places coordinated with the event's place: "recaptured Kupiansk, Izium and Balakliia"."""
    chosen = next((r for r in cands if location is not None and r.resolved is location), None)
    if chosen is None or chosen.is_country:
        return []
    out: list[Place] = []
    prev = chosen
    for r in cands:
        if r.start < prev.end or _BRACKET_OPEN.fullmatch(s, prev.end - offset, r.start - offset):
            continue  # (the place before again, in brackets: "Hirske (Gorskoye)")
        # "the Chernihiv and Sumy regions": the plural after the last name covers the first.
        shared_kind = r.is_region and _PLURAL_REGION_END.search(r.mention.text or "") is not None
        if r.start - offset >= scope_end or r.is_country or (r.is_region and not chosen.is_region and not shared_kind):
            break
        if not (_LIST_GAP.fullmatch(s, prev.end - offset, r.start - offset)
                or (_SECOND_GOAL.fullmatch(s, prev.end - offset, r.start - offset)
                    and not _NEW_SUBJECT.match(s, r.end - offset))):
            break
        if _VERB_AFTER_NAME.match(s, r.end - offset) or (
            _WHEN_AT.search(s, prev.end - offset, r.start - offset) and not _LISTED_ITEM_END.match(s, r.end - offset)
        ):
            break  # "captured Popasna (last week) and Kyiv responded": a name and its verb start a new clause
        out.append(r.place)
        prev = r
    return out


def _with_coordinated(s: str, actor: ActorMention, actors: list[ActorMention]) -> ActorMention:
    """"Russian troops and North Korean soldiers were stationed": both sides act."""
    if actor.kind != "force":
        return actor
    if len(actors) < 2:
        return actor
    i = next((k for k, a in enumerate(actors) if a.start == actor.start), -1)
    sides = list(actor.sides)
    start = actor.start
    while i > 0:
        prev = actors[i - 1]
        # The last join must be "and" ("A, B and C"): "Pushing back Ukrainian forces, Russian troops ..." is no list.
        join = _AND_JOIN if start == actor.start else _LIST_JOIN
        if prev.kind != "force" or not prev.sides or not join.fullmatch(s, prev.end, start):
            break
        sides[:0] = [x for x in prev.sides if x not in sides]
        start, i = prev.start, i - 1
    if start == actor.start:
        return actor
    return ActorMention(start, actor.end, tuple(sides), "force", s[start:actor.end])


def _causative(
    s: str, sent: Sentence, trig: TriggerMatch, scope_end: int, actors: list[ActorMention],
    cands: list[_PlaceRef], later: list[_PlaceRef], state: _State, subject_drafts: list[_Draft],
) -> list[_Draft]:
    """"pushing the AFU out of X": the subject advances, the object withdraws."""
    obj = _actor_after(s, actors, trig.end, 6)
    if obj is None or obj.kind != "force" or not obj.sides:
        return []
    if not _CAUSE_PARTICLE.match(s, obj.end):
        return []
    loc = subject_drafts[0].location if subject_drafts else None
    direct = subject_drafts[0].location_direct if subject_drafts else False
    # "pushed Russian troops back near X" says the enemy withdrew, not that the subject took ground;
    # "pushed them out of X" puts the subject in X.
    out = [] if _BACK_ONLY.match(s, obj.end) else list(subject_drafts)
    for side in obj.sides:
        out.append(_Draft("withdrawal", side, trig, loc, direct, obj.kind, actor_name=obj.text))
    return out


def _nominal_actor(s: str, actors: list[ActorMention], trig: TriggerMatch) -> ActorMention | None:
    """The side of "the Russian advances" (before), "withdrawal of the AFU" or "capture of X by Russian troops" (after)."""
    by = _OF_BY_AFTER.match(s, trig.end)
    if by:
        agent = next((x for x in actors if by.end() <= x.start <= by.end() + 4 and x.kind == "force" and x.sides), None)
        if agent is not None:
            return agent
    after = _OF_AFTER.match(s[trig.end:])
    if after:
        a = next((x for x in actors if trig.end < x.start <= trig.end + after.end() + 2 and x.kind == "force"), None)
        if a is not None:
            return a
    head = s[max(0, trig.start - 40):trig.start]
    m = _WORDS_BEFORE.search(head)
    if m:
        for a in actors:
            if a.end <= trig.start and trig.start - a.end <= 25 and a.kind in {"country", "force"}:
                gap = s[a.end:trig.start]
                if _MODIFIER_GAP.fullmatch(gap):
                    return a
    word = _CAPITALISED_BEFORE.search(s[max(0, trig.start - 40):trig.start])
    if word:
        # "The Russian withdrawal ..." at a sentence's start: the article is capitalised too.
        lead = len(word.group(1)) - len(_CAPITAL_THE.sub("", word.group(1)))
        adjective = word.group(1)[lead:]
        sides = sides_in(adjective)
        if sides and _MAIN_SIDE_ADJECTIVE.fullmatch(adjective):
            start = trig.start - len(s[max(0, trig.start - 40):trig.start]) + word.start(1) + lead
            return ActorMention(start, start + len(adjective), sides, "country", adjective)
    return None


# A sentence's capitalised article, before a side's adjective ("The Russian withdrawal ...").
_CAPITAL_THE = re.compile(r"^The\s+")
_FORCES_DRIVEN = re.compile(
    r"\s+(?:them|the\s+enemy|(?:[\w’'-]+\s+){0,2}(?:troops|forces|units|soldiers|servicemen|militants|formations))\s+"
    r"(?:back\s+|out\s+|away\s+)?(?:out\s+of|from|back|across)\b",
    re.IGNORECASE,
)
_SAYS_BETWEEN = re.compile(r"\s+(?:says|said|claims|claimed|announced|insists|reported)\s+(?:that\s+)?")
_DASH = re.compile(r"\s[–—]\s|\s--\s")
_SUBJECT_PLACE_GAP = re.compile(rf"{_ALIAS}\s*(?:,[^,;]{{1,80}},)?\s*")
_DATE_RIGHT_AFTER = re.compile(rf"{_ALIAS}\s+(?:on|in|by|last|this|early|late)\s", re.IGNORECASE)
_NEW_CLAUSE_AFTER_WHERE = re.compile(r",\s*(?:meanwhile|however|a|an|the)\b", re.IGNORECASE)


def _phrase_end(s: str, pos: int) -> int:
    """Where the phrase starting at ``pos`` ends: the next comma, semicolon or the sentence's end."""
    ends = [i for i in (s.find(",", pos), s.find(";", pos)) if i >= 0]
    return min(ends) if ends else len(s)


_WHERE_AFTER_DASH = re.compile(
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|near|in|around|outside|at)\s",
    re.IGNORECASE,
)
# The people a participle qualifies as an adjective ("mobilised men"), and where it stands so: after a determiner,
# a conjunction or a preposition ("and mobilised men").
_PEOPLE_NOUN_AFTER = re.compile(r"\s+(?:men|reservists|soldiers|troops|conscripts|recruits|personnel|fighters|prisoners)\b")
_ADJECTIVE_SLOT_BEFORE = re.compile(
    r"(?<![\w-])(?:and|or|with|of|the|a|an|by|from|including|many|some|newly|recently|freshly|untrained|their|its)\s+$",
    re.IGNORECASE,
)
_FROM_AGREEMENT = re.compile(
    r"\s+from\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:deal|agreement|treaty|accord|pact|initiative|talks|market|negotiations)\b",
    re.IGNORECASE,
)
# After a place named as a verb's object, only a time phrase ends its sentence: then "it" can mean that place.
_ONLY_TIME_AFTER = re.compile(
    rf"{_ALIAS}(?:\s+(?:in|on|by|last|this|early|late)\s+[\w\s]{{1,25}}?)?\s*(?:[.;!?]|,\s*(?:after|following)\s)"
)
_WHAT_BEFORE = re.compile(r"(?<![\w-])(?:what|which|that)\s+$", re.IGNORECASE)
_CALLS_AFTER = re.compile(r"\s+(?:calls|describes|(?:called|described|termed|dubbed)\s+(?:it|this|them|the\s+attack))\b")
_DESCRIBING_AFTER = re.compile(r"\s+(?:described|calls|called|termed|dubbed|describes)\b")
_PLACE_AS_MODIFIER = re.compile(
    r"\s+(?:talks|deal|agreement|summit|negotiations|accords?|process|format|declaration|conference|memorandum|"
    r"communiqu[eé]|grain\s+deal|peace\s+plan|initiative)\b"
)
_RETAKEN = re.compile(r"(?:was|were|been|is|are|being)?\s*(?:\w+\s+)?(?:retaken|recaptured|regained|retook)", re.IGNORECASE)
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?![\w’'-])")
# A sentence that opens with a place's name (a capitalised word, "the town of X"): the passive's subject is the place.
_AGENTLESS_SUBJECT_PLACE = re.compile(
    r"(?:(?:The|the)\s+(?:[a-z]+\s+)?(?:town|city|village|settlement)\s+of\s+)?(?P<name>[A-Z][\w’'-]+)"
)
# ", whose garrisons had": the forces of the places just named (their defenders, when someone else took them).
_WHOSE_FORCES_BEFORE = re.compile(
    r",\s*whose\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:garrisons?|defenders|troops|forces|units|soldiers))\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:already\s+|reportedly\s+)?$"
)
_WHOSE_CIVILIANS_BEFORE = re.compile(
    r",\s*whose\s+(?:[\w-]+\s+){0,2}?(?:residents|inhabitants|population|people|civilians|families|citizens|villagers)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:already\s+|reportedly\s+|mostly\s+)?$"
)
_BRACKETED_ALIAS = re.compile(rf"{_ALIAS}\s*")
_WHOSE_GAP = re.compile(rf"{_ALIAS}\s*,\s*whose\s")
# A modal verb whose subject is the event noun: the noun phrase, then "would"/"could" ("may" in lower case only).
# (Only an indefinite one: "Ukraine's withdrawal from Avdiivka will save lives" happened.)
_MODAL_AFTER_NOUN = re.compile(r"[^,;:.!?]{0,80}?\s[\"“]?(?:would|could|might|should|must|(?-i:may))\s", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|any)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"(?<![\w-])(?:while|whereas|but|although)(?![\w-])")
# A subordinate clause with its own subject: "... after Wagner fighters arrived", "as Russian troops advanced".
_SUBORDINATE_CLAUSE = re.compile(
    r"(?<![\w-])(?:after|before|while|whereas|although|because|since|as|when|until)\s+(?:the\s+)?(?-i:[A-Z])\w*"
    r"|(?<![\w-])(?:after|before|while|because|as|when|until)\s+(?:its|their|the)\s+(?:\w+\s+)?(?:troops|forces|units)\b"
)
_AROUND_IT = re.compile(r"[^,;:.]{0,60}?\s(?:around|near|into|in|inside|outside|towards?|at)\s+it(?![\w’'-])")
_CYRILLIC_ANAPHOR = re.compile(
    r"(?<![\w’'ʼ-])(?:з|із|зі|из|с|в|у|до|к|під|под|біля|около)\s+"
    r"(?P<noun>села|селі|селе|село|селища|селищі|посёлка|поселка|міста|місті|місто|города|городе|город)(?![\w’'ʼ-])"
)
_ATTACKED = re.compile(
    r"(?<![\w-])(?:attack|assault|storm|besieg|encircl|surround|advanc|push|fight|fought|battl|clash|defen[cd]|held|hold)\w*",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE_PLACE = re.compile(r"(?<![\w-])(?:over|in|near|at|from|to|around|of|above|into|on)\s+(?:the\s+)?$")
_IT_OBJECT = re.compile(r"\s+it(?![\w’'-])")


def _place_object(s: str, trig: TriggerMatch, cands: list[_PlaceRef], offset: int) -> bool:
    """Whether the trigger's object is a place ("entered the city", "captured Voznesenka").

    The object runs from the trigger to the first preposition or punctuation
    ("the initiative | along the front", "12 soldiers | near Kupiansk").
    """
    stop = _OBJECT_END.search(s, trig.end)
    end = min(stop.start() if stop else len(s), trig.end + 60)
    if trig.family == "adv_clear":
        # "cleared Russian troops from the village": the place follows "from".
        rest = _CLEAR_FROM.match(s, trig.end)
        if rest is None:
            lead = _THE_LEAD.match(s, trig.end)
            return bool(lead and PLACE_NOUNS.match(s, lead.end())) or _names_place_first(s, trig, cands, offset)
        end = min(len(s), rest.end() + 40)
    if any(trig.end <= r.start - offset < end for r in cands):
        return True
    if _IT_OBJECT.match(s, trig.end):
        # "attacked Pavlivka ... and captured it", "reached Ukrainsk and entered it": the place named before,
        # if it was a verb's object or the sentence is about fighting (not "spotted a drone over Kharkiv and captured it").
        before = [r for r in cands if r.end - offset <= trig.start and not r.is_country]
        prep = _PREPOSITION_BEFORE_PLACE.search(s, max(0, before[-1].start - offset - 12), before[-1].start - offset) if (
            before) else None
        if before and (prep is None or _ATTACKED.search(s, 0, trig.start)
                       or not _INDEFINITE_BEFORE.search(s, max(0, prep.start() - 40), prep.start())):
            return True
    return bool(PLACE_NOUNS.search(s[trig.end:end]))


def _names_place_first(s: str, trig: TriggerMatch, cands: list[_PlaceRef], offset: int) -> bool:
    """"cleared Radkivka": a place right after the trigger (not "cleared the way to Radkivka")."""
    return any(0 < r.start - offset - trig.end <= 5 for r in cands)


def _skip_as_location(s: str, r: _PlaceRef, offset: int, refs: list[_PlaceRef] | None = None) -> bool:
    """A place that only qualifies the next one ("the Donetsk city of Pokrovsk", "Russia's Kursk region").

    With ``refs``, only if a place follows: "Norway's Finnmark county" is in Norway when Finnmark is unknown.
    """
    end = r.end - offset
    if not (_SUB_PLACE_FOLLOWS.match(s, end) or _POSSESSIVE_PLACE.match(s[end:])):
        return False
    return refs is None or any(0 < o.start - r.end <= 30 for o in refs)


def _locate(
    s: str, sent: Sentence, trig: TriggerMatch, scope_end: int, cands: list[_PlaceRef],
    later: list[_PlaceRef], state: _State, subject_place: bool, actor: ActorMention | None = None,
) -> tuple[Place | None, bool]:
    """The event's place: the trigger's object or goal, else the clause's, else the paragraph's latest.

    Returns the place and whether the sentence itself names it.
    """
    off = sent.start
    if actor is not None:
        # A country that acts ("Russia massed troops") is not where it acts.
        cands = [r for r in cands if not (actor.start <= r.start - off < actor.end)]
    after = [r for r in cands if trig.end <= r.start - off < scope_end and not _skip_as_location(s, r, off, cands)]
    if trig.spec.type == "deployment":
        # "transferred from Zaporizhzhia to Kursk": troops are deployed where they go, not where they left.
        # Where they came from is never where they were deployed: without a destination, the context says.
        after = [r for r in after if not _FROM_BEFORE.search(s, max(0, r.start - off - 30), r.start - off)]
        # "from occupied parts of Zaporizhzhia ... to Kursk Oblast": a place introduced by "to" is the destination.
        goals = [r for r in after if _TO_BEFORE.search(s, max(0, r.start - off - 30), r.start - off)]
        after = goals or after
    if trig.spec.type == "advance" and trig.family != "cause" and len(after) > 1:
        # "forces advancing from Crimea through Akimovka entered Melitopol", "crossed into Ukraine from Russia,
        # Belarus and Crimea": where they came from is no goal. (After "drove them from X", X is: "cause" verbs.)
        origin_at: set[int] = set()
        for i, r in enumerate(after):
            listed_after_origin = i - 1 in origin_at and _LIST_JOIN.fullmatch(s, after[i - 1].end - off, r.start - off)
            if listed_after_origin or _FROM_BEFORE.search(s, max(0, r.start - off - 30), r.start - off):
                origin_at.add(i)
        after = [r for i, r in enumerate(after) if i not in origin_at] or after
    before = [r for r in cands if r.end - off <= trig.start]
    if trig.spec.type == "withdrawal" and after and all(
        _TOWARDS_BEFORE.search(s, max(0, r.start - off - 30), r.start - off) for r in after
    ):
        # "units defending the city withdrew north towards Zaporizhzhia": they left the place their own phrase
        # names (in the same clause, no comma between), not the one they went to.
        held = [r for r in before if not r.is_country and (_WHOSE_GAP.match(s, r.end - off) or (
            # (inside the forces' own phrase: "Speaking in Kyiv, Zelensky said troops withdrew towards X" is no Kyiv)
            (actor is None or r.start - off >= actor.start) and not any(c in s[r.end - off:trig.start] for c in ",;")
        ))]
        if held:
            first = len(held) - 1
            if _WHOSE_GAP.match(s, held[first].end - off):
                # "took Hirske and Zolote, whose garrisons had pulled out": the first of the list (the rest follow it).
                while first > 0 and _LIST_GAP.fullmatch(s, held[first - 1].end - off, held[first].start - off):
                    first -= 1
            return held[first].place, True
    if trig.spec.type == "deployment":
        # "confirmation from Moscow that Pyongyang had sent troops": Moscow is not where they went.
        before = [r for r in before if not _FROM_BEFORE.search(s, max(0, r.start - off - 30), r.start - off)]
    where = _WHERE_AFTER_PLACE.search(s, 0, trig.start)
    comma = s.find(",", trig.end)
    clause_end = comma if comma >= 0 else len(s)
    if where and not subject_place and not [r for r in after if not r.is_country and r.start - off < clause_end]:
        # "In the Kursk region, where Ukrainian troops seized ...": the relative clause happens at its antecedent.
        antecedent = next((r for r in reversed(before) if r.end - off <= where.start()), None)
        if antecedent is not None and _GAP_TO_WHERE.fullmatch(s, antecedent.end - off, where.start()):
            return antecedent.place, True
    if (
        len(after) > 1 and after[0].is_country and after[1].start - after[0].end < 25
        and not _FROM_BEFORE.search(s, max(0, after[1].start - off - 30), after[1].start - off)
    ):
        after = after[1:]  # "in Russia, in the Kursk region": the narrower place
    after_nc = [r for r in after if not r.is_country and not _skip_as_location(s, r, off)]
    before_nc = [r for r in before if not r.is_country and not _skip_as_location(s, r, off)]
    if len(before_nc) > 1:
        # "Kotlyne, west of Pokrovsk, was entered": the landmark after a direction word only locates the first.
        # "Mariupol, the port city on the Sea of Azov, has been liberated": nor does a place inside an apposition.
        first_end = before_nc[0].end - off
        before_nc = [r for i, r in enumerate(before_nc)
                     if i == 0 or not (_DIRECTION_OF.search(s, max(0, r.start - off - 25), r.start - off)
                                       or _APPOSITION_TO.fullmatch(s, first_end, r.start - off)
                                       # "Vodiane — a village ..., not the Vodiane near Avdiivka — was taken"
                                       or (_DASH.search(s, first_end, r.start - off) is not None
                                           and _DASH.search(s, r.end - off, trig.start) is not None))]
    order: list[list[_PlaceRef]]
    # "liberated Avdeyevka, Donetsk People's Republic, and advanced": the settlement, not its region.
    before_nc = [r for r in before_nc if not r.is_region] or before_nc
    if subject_place and trig.family == "wd_passive":
        # "Ukrainian units were forced back from the village of Plekhovo": where they were pushed from.
        near = [r for r in after_nc if r.start - off - trig.end < 60]
        if near:
            return near[0].place, True
    if subject_place:
        order = [before_nc[-1:], after_nc[:1], [r for r in before if r.is_country][-1:], after[:1]]
    else:
        order = [after[:1], before_nc[-1:], before[-1:]]
    if not after and before_nc and _AROUND_IT.match(s, trig.end, scope_end):
        return before_nc[-1].place, True  # "Russia has massed 45,000 troops around it": the place named before
    for group in order:
        if group:
            return group[0].place, True
    # Not in the sentence: the paragraph's latest place, else its next one, else the text's recent one.
    pool = [r for r in state.recent_places if off - r.end < _RECENT_WINDOW and r.start < off]
    in_block = [r for r in pool if r.start >= state.block_start and not r.is_country]
    if in_block:
        return in_block[-1].place, False
    ahead = [r for r in later if not r.is_country]
    if ahead:
        return ahead[0].place, False
    non_country = [r for r in pool if not r.is_country]
    if non_country:
        return non_country[-1].place, False
    if pool:
        return pool[-1].place, False
    return None, False


def _pick_quantity(d: _Draft, quantities: list[QuantityMention]) -> Quantity | None:
    wanted = {"deployment": ("troops", "equipment"), "advance": ("distance", "area", "places"),
              "withdrawal": ("distance", "area", "places", "troops")}.get(d.type, ())
    best: tuple[int, Quantity] | None = None
    for q in quantities:
        if q.kind not in wanted:
            continue
        dist = abs(q.start - d.trigger.end) if q.start >= d.trigger.end else abs(d.trigger.start - q.end) + 20
        if dist < 120 and (best is None or dist < best[0]):
            best = (dist, q.quantity)
    return best[1] if best else None


def _pick_date(found: list[DateMention], pos: int) -> Occurred | None:
    """The date expression nearest the trigger."""
    if not found:
        return None
    return min(found, key=lambda d: abs(d.start - pos)).occurred


def _as_written(part: str | None, rules_text: str, original: str) -> str | None:
    """``part`` of the sentence the rules read, as the article writes it (scare quotes and all)."""
    if part is None or rules_text == original:
        return part
    at = rules_text.find(part)
    return original[at:at + len(part)] if at >= 0 else part


def _finish(
    article: Article, sent: Sentence, drafts: list[_Draft], speakers: list[SpeakerMention], cands: list[_PlaceRef]
) -> list[Event]:
    s = sent.text
    if not drafts and not speakers:
        return []
    evidence = article.text[sent.start:sent.end]  # as written: the rules may read a copy without scare quotes
    dates = find_dates(s, article.published) if _MAYBE_DATE.search(s) else []
    hedged = bool(drafts) and bool(HEDGE.search(s))
    claimant = (speakers[0].name if speakers else unnamed_attribution(s)) if drafts else None  # only events carry it
    out: list[Event] = []
    per_trigger = Counter(id(d.trigger) for d in drafts)
    listed = {key for key, n in per_trigger.items() if n > 1}
    for d in drafts:
        # "liberated Balakliia on Thursday and Kupiansk on Saturday": a listed place's own date, nearest to it.
        ref = next((r for r in cands if d.location is not None and r.resolved is d.location), None) if (
            id(d.trigger) in listed) else None
        # (Only a date right after the place, past any alias in brackets: not "..., a spokesman said on Friday".)
        own_date = ref is not None and ref.start >= sent.start and _DATE_RIGHT_AFTER.match(s, ref.end - sent.start)
        date_at = ref.end - sent.start if ref is not None and own_date else d.trigger.start
        conf = 0.9
        if d.actor_kind == "country":
            conf -= 0.1
        if d.trigger.spec.voice == "nominal":
            conf -= 0.1
        if not d.location_direct:
            conf -= 0.15
        if hedged:
            conf -= 0.2
        conf = round(max(0.05, min(0.99, conf)), 2)
        ev_id = _event_id(article.id, d.type, d.side, d.location, None, sent.start + d.trigger.start)
        out.append(Event(
            id=ev_id, article_id=article.id, source=article.source, url=article.url, type=d.type,
            actor=Actor(side=d.side, name=d.actor_name), claimed_by=claimant, hedged=hedged,
            location=d.location, quantity=d.quantity, occurred=_pick_date(dates, date_at),
            evidence=Evidence(sentence=evidence, start=sent.start, end=sent.end, trigger=d.trigger.text),
            confidence=conf, extractor_version=EXTRACTOR_VERSION, published=article.published,
        ))
    for sp in speakers:
        loc = next((r.place for r in cands if r.start - sent.start > sp.verb_start), None)
        conf = 0.85 if sp.is_person else 0.75
        if sp.side is None:
            conf -= 0.1
        ev_id = _event_id(article.id, "statement", sp.side, None, sp.name, sent.start + sp.verb_start)
        out.append(Event(
            id=ev_id, article_id=article.id, source=article.source, url=article.url, type="statement",
            actor=Actor(side=sp.side, name=sp.name), speaker=sp.name, claimed_by=sp.name, hedged=False,
            content=_as_written(sp.content, s, evidence), location=loc, occurred=_pick_date(dates, sp.verb_start),
            evidence=Evidence(sentence=evidence, start=sent.start, end=sent.end, trigger=sp.verb),
            confidence=round(conf, 2), extractor_version=EXTRACTOR_VERSION, published=article.published,
        ))
    return out
