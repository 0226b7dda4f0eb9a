"""Words that signal an advance, a withdrawal or a deployment, and what blocks them.

One compiled pattern with a named group per trigger family; ``TRIGGERS`` says
how each family finds its actor (subject, "by" agent, object) and whether it
needs a place as its object ("captured Voznesenka", not "captured 12 agents").
``blocked_by`` finds what turns a trigger into a non-event: a modal, a plan,
a negation, a hedged assessment, a condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.extract.scan import WordStarts
from shared.schemas import EventType

Voice = Literal["active", "passive", "agent_after", "causative", "nominal", "transitive"]


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """How one trigger family is read."""

    type: EventType
    voice: Voice
    needs_place_object: bool = False  # the object must be a place ("entered the city")
    strong: bool = False  # military by itself: a country name may be its agent


TRIGGERS: dict[str, TriggerSpec] = {
    "adv_take": TriggerSpec("advance", "active", needs_place_object=True, strong=True),
    "adv_control": TriggerSpec("advance", "active", strong=True),
    "adv_clear": TriggerSpec("advance", "active", needs_place_object=True),
    "adv_enter": TriggerSpec("advance", "active", needs_place_object=True),
    "adv_go": TriggerSpec("advance", "active"),
    "adv_incursion": TriggerSpec("advance", "active", strong=True),
    "adv_fell": TriggerSpec("advance", "agent_after", strong=True),
    "wd_leave": TriggerSpec("withdrawal", "active", needs_place_object=True),
    "wd_go": TriggerSpec("withdrawal", "active"),
    "wd_lose": TriggerSpec("withdrawal", "active", strong=True),
    "wd_passive": TriggerSpec("withdrawal", "passive"),
    "cause": TriggerSpec("advance", "causative"),
    "dep_send": TriggerSpec("deployment", "transitive"),
    "dep_join": TriggerSpec("deployment", "active"),
    "dep_by": TriggerSpec("deployment", "agent_after"),
    "nom_adv": TriggerSpec("advance", "nominal"),
    "nom_wd": TriggerSpec("withdrawal", "nominal"),
    "nom_dep": TriggerSpec("deployment", "nominal"),
}

_DIRECTION = (
    r"(?:into|through|deeper|further|forward|ahead|on|onward|toward|towards|closer|north|south|east|west|"
    r"northward|southward|eastward|westward|northwest|northeast|southwest|southeast|past|beyond|across)"
)
_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<adv_control>(?:took|take[ns]?|taking|gain(?:ed|ing|s)?|establish(?:ed|ing|es)?|seiz(?:ed|ing|es?)"
    r"|assum(?:ed|ing|es?)|secur(?:ed|ing|es?)|regain(?:ed|ing|s)?|retak(?:e|en|es|ing)|retook|claim(?:ed|ing|s)?|announc(?:e|ed|es|ing))"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over))"
    r"|(?P<dep_join>join(?:s|ed|ing)?\s+(?:the\s+)?(?:\w+\s+)?(?:fighting|fight|war|conflict|battle|combat|hostilities|offensive|front|ranks)"
    r"|participat(?:e|es|ed|ing)\s+in\s+(?:the\s+)?(?:\w+\s+)?(?:hostilities|fighting|combat|war|battles?|assaults?|offensive|operations)"
    r"|engag(?:ed|ing)\s+in\s+(?:\w+\s+)?(?:combat|fighting|hostilities|battles?)|f(?:ight|ighting|ights|ought)\s+alongside"
    r"|arriv(?:e|ed|es|ing)\s+(?:in|at|near|outside|around|on\s+the\s+outskirts\s+of)|(?:took|take|taking|takes)\s+part\s+in\s+(?:the\s+)?(?:\w+\s+)?(?:fighting|hostilities|combat|battles?|assaults?|offensive|war))"
    r"|(?P<adv_take>(?:captur(?:e|es|ed|ing)|fre(?:e|es|ed|eing)|seiz(?:e|es|ed|ing)|(?<!the\s)(?<!from\s)(?<!in\s)(?<!of\s)(?<!into\s)(?<!temporarily\s)(?<!newly\s)(?<!Russian-)occup(?:y|ies|ied|ying)(?!\s+(?:parts?|territor\w+|areas?|regions?|lands?|zones?|cities|towns|villages|settlements|Crimea)\b)|liberat(?:e|es|ed|ing)"
    r"|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|reclaim(?:s|ed|ing)?|regain(?:s|ed|ing)?|gain(?:ed|ing)"
    r"|overr(?:an|un|uns|unning)|storm(?:s|ed|ing)|encircl(?:e|es|ed|ing)|invad(?:e|es|ed|ing)|won\s+back"
    r"|win(?:s|ning)?\s+back|took\s+back|tak(?:e|es|ing|en)\s+back|took(?!\s+out\b)|taken(?!\s+out\b))(?:\s+back)?)"
    r"|(?P<adv_incursion>launch(?:ed|ing|es)?\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:incursion|invasion|offensive|ground\s+operation)\s+into"
    r"|launch(?:ed|ing|es)?\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?invasion\s+of)"
    r"|(?P<adv_clear>clear(?:s|ed|ing)?)"
    r"|(?P<adv_enter>ent(?:er|ers|ered|ering)|re-?enter(?:s|ed|ing)?|penetrat(?:e|es|ed|ing)|reach(?:ed|es|ing)?)"
    r"|(?P<adv_go>broke\s+(?:into|through)|break(?:s|ing)?\s+(?:into|through)|broken\s+(?:into|through)"
    r"|cross(?:ed|es|ing)?\s+(?:the\s+(?:border|frontier|(?:\w+\s+)?river)\s+)?into|"
    r"cross(?:ed|es|ing)?\s+the\s+(?:state\s+)?(?:border|frontier)(?=\s+(?:in|near|at)\s)|mov(?:e|ed|es|ing)\s+(?:back\s+)?into"
    r"|march(?:ed|es|ing)?\s+(?:back\s+)?into|roll(?:ed|s|ing)?\s+(?:back\s+)?into"
    # "Marines crossed the river to Krynky", "crossed to Korsunka".
    r"|cross(?:ed|es|ing)?\s+(?:the\s+(?:[\w-]+\s+)?(?:river|Dnipro|Dnieper)\s+)?to(?=\s+(?-i:[A-Z]))"
    r"|swe(?:pt|ep|eps|eping)\s+(?:into|across|through|throughout)|burst\s+into"
    rf"|push(?:ed|es|ing)?\s+{_DIRECTION}|advanc(?:e|es|ed|ing)"
    # "edged closer to Kurakhove", "inched forward near Toretsk". (Not "pressing on/towards X": pressure, an attack.)
    # (Towards a place only: "Hamas edged closer to accepting the truce" is diplomacy.)
    r"|(?:edg|inch)(?:ed|es|ing)\s+(?:closer\s+to(?:wards?)?|towards?|forward|closer|further)"
    r"(?=\s+(?:(?:the\s+)?(?:outskirts|centre|center|edge|city|town|village)\s+of\s+)?(?-i:[A-Z])|\s+(?:near|in|around|at)\s)"
    r"|(?:made|make|makes|making)\s+(?:\w+\s+){0,3}?(?:advances|gains|inroads)"
    r"|gain(?:ed|ing|s)?\s+(?:a\s+)?(?:foothold|ground)|clos(?:ed|ing|es?)\s+in\s+on"
    r"|improv(?:ed|ing|es?)\s+(?:\w+\s+)?(?:tactical\s+)?positions?"
    r"|(?:secur|establish)(?:ed|ing|es?)\s+(?:a\s+)?(?:bridgehead|foothold)|overrunning"
    r"|expand(?:ed|ing|s)?\s+(?:the|their|its|a)\s+(?:bridgehead|zone\s+of\s+control|foothold))"
    # "Vuhledar came under Russian control", "came under the control of Russian troops": the town, then its taker.
    r"|(?P<adv_fell>f[ea]ll(?:s|en)?\s+to|c(?:ame|omes?|oming)\s+under\s+(?:the\s+)?(?:full\s+|complete\s+)?control\s+of"
    r"|c(?:ame|omes?|oming)\s+under(?=\s+(?:full\s+|complete\s+)?[\w’'-]+\s+control\b)"
    # "Sudzha ... was back under Russian control": a town changed hands again.
    r"|(?:was|were|is|are|been)\s+back\s+under(?=\s+(?:full\s+|complete\s+)?[\w’'-]+\s+control\b))"
    r"|(?P<wd_passive>(?:was|were|been|being|is|are|get|got)\s+(?:\w+\s+)?(?:(?:forced|pushed|driven|thrown|beaten|knocked|kicked)\s+(?:back|out|away|off)"
    r"|repelled|repulsed|ousted|expelled|dislodged|routed|forced\s+to\s+(?:retreat|withdraw|pull\s+back|leave|fall\s+back|flee)))"
    r"|(?P<wd_lose>los(?:e|es|t|ing)\s+(?:\w+\s+)?(?:ground|territory|positions|control\s+(?:of|over))|ced(?:e|es|ed|ing)"
    # "Kyiv's forces lost the village of Krasnohorivka": a settlement lost is left.
    r"|los(?:e|es|t|ing)(?=\s+(?:the\s+)?(?:[\w-]+\s+)?(?:village|town|city|settlement|hamlet)\s+of\s))"
    # "regrouped from X to more favourable lines": the verb is the trigger, X stays in its scope.
    r"|(?P<wd_go>(?:mov(?:e|ed|es|ing)|relocat(?:e|ed|es|ing)|fell|fall(?:en|s|ing)?|regroup(?:ed|s|ing)?|redeploy(?:ed|s|ing)?"
    r"|manoeuvr(?:e|ed|es|ing)|maneuver(?:s|ed|ing)?)"
    r"(?=\s+(?:back\s+)?(?:from\s+[^,.;]{1,60}?\s+)?to\s+(?:more\s+)?(?:advantageous|favou?rable|defensible|prepared|better)\s+"
    r"(?:positions|lines|defensive\s+lines))"
    r"|withdr(?:aw|aws|ew|awn|awing)|retreat(?:s|ed|ing)?|pull(?:ed|ing|s)?\s+(?:out|back)"
    # "Ukraine pulled its troops out of Avdiivka": the forces between the verb and "out".
    r"|pull(?:ed|ing|s)?(?=\s+(?:(?:its|their|his|her|the|all|remaining|last|[\w’'-]+)\s+){0,4}?"
    r"(?:troops|forces|units|soldiers|servicemen|contingent|garrison|personnel)\s+(?:out|back)\b)"
    r"|f[ea]ll(?:s|ing|en)?\s+back|fled|flee(?:s|ing)?|r[au]n(?:s|ning)?\s+away)"
    r"|(?P<wd_leave>left(?!\s+(?:bank|flank|side|wing|hand|behind|unanswered|open|intact|untouched)\b)|leav(?:e|es|ing)|abandon(?:s|ed|ing)?|exit(?:s|ed|ing)?|gave\s+up|giv(?:e|es|ing)\s+up"
    r"|surrender(?:ed|s|ing)?|relinquish(?:ed|es|ing)?)"
    r"|(?P<cause>push(?:ed|es|ing)?|dr[oi]ve|driv(?:es|ing|en)|forc(?:ed|ing)|knock(?:ed|s|ing)?|oust(?:ed|s|ing)?"
    r"|expel(?:led|s|ling)?|dislodg(?:e|ed|es|ing)|kick(?:ed|s|ing)?|threw|throw(?:s|ing)?|flush(?:ed|es|ing)?)"
    r"|(?P<dep_by>(?:supported|backed|reinforced|assisted|aided|joined)\s+by)"
    r"|(?P<dep_send>(?:re)?deploy(?:s|ed|ing)?|relocat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|sen[dt]|sending|sends|dispatch(?:ed|es|ing)?|transferr?(?:ed|ing|s)?"
    r"|mass(?:ed|es|ing)|amass(?:ed|es|ing)?|mobili[sz](?:e|ed|es|ing)|assembl(?:e|ed|es|ing)|station(?:ed|ing)"
    r"|recruit(?:ed|s|ing)?|br(?:ing|ings|ought)\s+in|ship(?:ped|s|ping)|deliver(?:ed|s|ing)?|rush(?:ed|es|ing)|concentrat(?:e|ed|es|ing)"
    r"|leverag(?:e|ed|es|ing)|employ(?:ed|s|ing)?|reinforc(?:e|ed|es|ing)|build(?:s|ing)?\s+up|built\s+up"
    # "rotated a fresh brigade into Poland", "had flown special forces into the Pokrovsk area", "airlifted".
    r"|rotat(?:ed|es|ing)(?=\s+(?:[\w’'-]+\s+){0,4}?in(?:to)?\s)|fl(?:ew|own)(?=\s+(?:[\w’'-]+\s+){1,4}?into\s)"
    # "Kiev has thrown its last reserves into Donbass".
    r"|thr(?:ew|own|ows?|owing)(?=\s+(?:[\w’'-]+\s+){1,4}?(?:reserves|troops|forces|units|brigades|battalions|reinforcements)"
    r"\s+(?:in)?to\s)"
    r"|airlift(?:ed|s|ing)?|accumulat(?:e|ed|es|ing)|forward-deploy(?:s|ed|ing)?)"
    r"|(?P<nom_adv>advances|advancement|gains|breakthrough|incursion|push|capture|seizure|liberation|takeover|offensive\s+into)"
    r"|(?P<nom_wd>withdrawal|retreat|pullout|pull-out|pullback|pull-back|departure)"
    r"|(?P<nom_dep>deployment|redeployment|arrival|presence|influx|inflow|build-?up|involvement|participation|massing)"
    r")(?![\w-])",
    re.IGNORECASE,
)
# First letters of every trigger: the pattern is tried only at words starting so
# (an anchored match per candidate word is far cheaper than scanning every position).
_STEMS: tuple[str, ...] = (
    "captur", "clear", "fre", "relocat", "seiz", "occup", "liberat", "recaptur", "retak", "retook", "reclaim", "regain", "overr",
    "storm", "encircl", "invad", "won", "win", "took", "tak", "gain", "establish", "assum", "secur",
    "launch", "ent", "re-ent", "reent", "penetrat", "reach", "broke", "break", "cross", "mov", "march",
    "roll", "swe", "burst", "push", "edg", "inch", "advanc", "made", "mak", "clos", "improv", "expand", "fell", "fall",
    "was", "were", "been", "being", "is", "are", "get", "got", "los", "ced", "withdr", "retreat", "pull",
    "fled", "flee", "left", "leav", "abandon", "exit", "gave", "giv", "surrender", "relinquish", "dro",
    "driv", "forc", "knock", "oust", "expel", "dislodg", "kick", "threw", "throw", "flush", "support",
    "backed", "reinforc", "assist", "aided", "join", "participat", "engag", "fight", "fought", "arriv",
    "deploy", "redeploy", "sen", "dispatch", "transfer", "mass", "amass", "mobili", "assembl", "station",
    "recruit", "bring", "brought", "ship", "deliver", "regroup", "rush", "concentrat", "leverag", "employ",
    "rotat", "flew", "flown", "airlift", "manoeuvr", "maneuver", "accumulat", "forward",
    "presence", "influx", "inflow", "claim", "came", "come", "announc", "built", "ran", "run",
    "build", "involvement", "pullout", "pullback", "pull-back", "departure", "capture", "seizure", "liberation",
    "takeover", "offensive", "breakthrough", "incursion",
)
_WORD = re.compile(r"[A-Za-z][\w-]*")



_STEM_STARTS = WordStarts(_STEMS)


# Nouns that make the object of "captured"/"entered"/"left" a place.
PLACE_NOUNS = re.compile(
    r"(?<![\w-])(?:village|villages|town|towns|city|cities|settlement|settlements|community|communities|locality|outskirts|suburbs?|edge|"
    r"centre|center|district|territory|territories|positions?|ground|area|region|oblast|province|bridgehead|"
    r"heights?|bank|river|border|swathe|strip|hamlet|strongholds?|strongpoints?|outposts?|footholds?|station|industrial\s+zone|"
    r"neighbou?rhoods?|airport|airfield|base|plant|mine|island|peninsula|coast|hill|forest|road|highway|"
    r"farmland|land|lands|patch|pocket|salient|front|line|lines|trenches|fortifications|checkpoint|bridge|"
    r"dam|port|countryside|republic|microdistrict|quarter|"
    # "captured 200 square kilometres": an area is ground taken.
    r"square\s+(?:kilomet(?:re|er)s|miles)|sq\.?\s*(?:km|mi)|km2|km²|hectares)(?![\w-])",
    re.IGNORECASE,
)

# Words between actor and trigger (or just before the trigger) that make it no event.
_NEAR_BLOCK = re.compile(
    # "may" in lower case only: "In May 2023" is the month.
    r"(?<![\w-])(?:could|would|might|(?-i:may)|should|can|cannot|can't|will|won't|shall|must|'ll|"
    r"not|n't|never|no\s+longer|without|"
    r"likely|unlikely|probably|possibly|perhaps|apparently|presumably|"
    r"appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|believed\s+to|thought\s+to|assessed\s+to|expected\s+to|"
    r"anticipated\s+to|set\s+to|going\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intended\s+to|"
    r"aims?\s+to|aiming\s+to|aimed\s+to|seeks?\s+to|seeking\s+to|sought\s+to|trying\s+to|tried\s+to|tries\s+to|"
    r"attempt(?:s|ed|ing)?\s+to|attempt|preparing\s+to|prepares?\s+to|prepared\s+to|ready\s+to|threaten(?:s|ed|ing)?\s+to|"
    r"hopes?\s+to|hoped\s+to|hoping\s+to|wants?\s+to|wanted\s+to|failed\s+to|fail\s+to|unable\s+to|refused\s+to|"
    r"struggl(?:e|es|ed|ing)\s+to|bid\s+to|in\s+order\s+to|so\s+as\s+to|considering|consider|mulling|"
    r"almost|nearly|ordered\s+to|urged\s+to|called\s+on|call\s+for|demand(?:s|ed)?|would-be|potential|possible|"
    r"allowed\s+to|allow|enable|help|helped|if|unless|whether)(?![\w-])",
    re.IGNORECASE,
)
# A bare "to" before the trigger is an infinitive (a purpose or plan) unless a
# verb of beginning or continuing governs it ("began to leave").
_INFINITIVE = re.compile(r"(?<![\w-])to\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_INFINITIVE_OK = re.compile(
    r"(?<![\w-])(?:began|begun|begin|begins|beginning|started|start|starts|starting|continued?|continues|"
    r"continuing|managed|manages|manage|able|went\s+on|proceeded|forced|forcing|force|forces|had|has|have|used|moved|rushed|"
    r"sent|deployed|transferred|recruited|mobili[sz]ed)\s+(?:\w+ly\s+)?to\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# Anywhere earlier in the clause: a condition or a denial governs the whole clause.
_CLAUSE_BLOCK = re.compile(
    r"(?<![\w-])(?:if|unless|whether|in\s+case|denied|denies|deny|denying|refuted|rejected\s+(?:claims|reports)|"
    r"dismissed\s+(?:claims|reports)|false(?:ly)?|fake|no\s+evidence|did\s+not\s+confirm|"
    # "ISW has not observed indications that Russian forces have redeployed": an assessment that it did not happen.
    r"(?:has|have|had|did)\s+not\s+(?:observed|seen|confirmed|verified|found)|no\s+(?:signs?|indications?)\s+that|"
    r"would|could|might|(?-i:may)|plans?|planned|planning|intends?|intention|goal|aims?\s+to|objective|"
    r"threat(?:ens|ened)?|prepar(?:e|es|ed|ing)|anticipated|expected|ready\s+to|forecast|predict(?:s|ed)?|"
    r"(?:possibility|prospect|risk|chance|danger|idea|question|fears?|threat|scenario)\s+(?:of|that))(?![\w-])",
    re.IGNORECASE,
)
# Where a new clause starts: its subject is what the rules look for.
CLAUSE_BREAK = re.compile(
    r";|:|\s[–—-]\s|,\s+(?:but|while|whereas|although|though|and|where)\s|\s(?:but|while|whereas|although)\s", re.IGNORECASE
)
# Hedges that keep the event but mark it as a claim.
HEDGE = re.compile(
    r"(?<![\w-])(?:reportedly|allegedly|purportedly|supposedly|claim(?:s|ed)?|alleged|it\s+is\s+reported|"
    r"reports?\s+(?:say|said|suggest)|unconfirmed|unverified|could\s+not\s+be\s+(?:independently\s+)?verified|"
    r"a\s+reported|is\s+said\s+to|are\s+said\s+to|according\s+to\s+(?:unconfirmed|some|media)|rumou?red)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger at ``[start, end)`` of a sentence, of family ``family``."""

    start: int
    end: int
    family: str
    spec: TriggerSpec
    text: str


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Every trigger of ``sentence``, in order."""
    out: list[TriggerMatch] = []
    done = 0
    for start in _STEM_STARTS.find(sentence):
        if start < done:
            continue
        word = _WORD.match(sentence, start)
        # The prefilter only narrows the search: the stem test (and the pattern's own look-behind) decide.
        if word is None or not word.group(0).lower().startswith(_STEMS):
            continue
        m = _PATTERN.match(sentence, start)
        if m is None or m.lastgroup is None:
            continue
        out.append(TriggerMatch(m.start(), m.end(), m.lastgroup, TRIGGERS[m.lastgroup], m.group(0)))
        done = m.end()
    return out


_ACCORDING_TO_OPENING = re.compile(r"^\s*according\s+to\s+[^,;]{1,100},", re.IGNORECASE)


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence, 0, pos):
        start = m.end()
    return start


def blocked_by(sentence: str, trigger_start: int, left: int) -> str | None:
    """What makes the trigger at ``trigger_start`` no event (a modal, a plan, a negation), or None.

    ``left`` is where the trigger's actor ends (or its clause begins): words
    between it and the trigger govern the trigger.
    """
    window = sentence[max(left, trigger_start - 80):trigger_start]
    m = _NEAR_BLOCK.search(window)
    if m:
        return m.group(0)
    if _INFINITIVE.search(window) and not _INFINITIVE_OK.search(sentence[max(0, trigger_start - 60):trigger_start]):
        return "to"
    clause = sentence[clause_start(sentence, trigger_start):trigger_start]
    # "According to a source familiar with military planning, ...": the source's words govern nothing.
    clause = _ACCORDING_TO_OPENING.sub("", clause, count=1)
    m = _CLAUSE_BLOCK.search(clause)
    if m:
        return m.group(0)
    if sentence.rstrip().endswith("?"):
        return "?"
    return None
