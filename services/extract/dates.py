"""When an event happened: date expressions resolved against the publication date.

"on Wednesday" is the latest Wednesday on or before publication (day
precision); "on December 16" takes the publication year, or the year before
if that would lie after publication; "in September 2022" has month precision;
"last summer" season precision; "in 2022" year precision. Relative
expressions need ``published``; absolute ones with a year do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from services.extract.scan import prefix_tree
from shared.schemas import Occurred

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# First month of each season (northern hemisphere, meteorological).
_SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_MONTH = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DATE = re.compile(
    r"(?<![\w-])(?:"
    rf"{_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(g='m2')}(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?i:in|since|by|during|from|until|of|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?{_MONTH.format(g='m3')}(?:\s+(?P<y3>\d{{4}}))?"
    rf"|{_MONTH.format(g='m4')}\s+(?P<y4>\d{{4}})"
    r"|(?P<rel>(?i:last|this|past|previous|next))\s+(?P<relunit>summer|winter|spring|autumn|fall|week|month|year)"
    r"|(?:in\s+)?(?:the\s+)?(?P<season>summer|winter|spring|autumn|fall)(?:\s+of)?\s+(?P<sy>\d{4})"
    r"|(?i:in\s+the\s+|during\s+the\s+)(?P<season2>summer|winter|spring|autumn|fall)\b"
    r"|(?i:on\s+|last\s+|this\s+|late\s+on\s+|early\s+on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\s*,?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d))"
    r"|(?P<yday>yesterday|today|tonight|overnight|this\s+morning|earlier\s+today)"
    r"|(?P<erel>earlier|later)\s+this\s+(?P<erelunit>week|month|year)"
    r"|(?i:in|since|during|by|of|early|late)\s+(?P<y5>(?:19|20)\d{2})(?!\s*[-–]?\s*(?:km|kilomet|soldiers|troops))"
    r")(?![\w])",
)


# Where ``_DATE`` can begin: a digit or the first word of one of its alternatives, in any case
# (a prefix test, so a superset: the pattern decides).
_DATE_START = re.compile(
    r"(?<![\w-])(?:\d|(?i:"
    + prefix_tree((
        *_MONTHS, *_WEEKDAYS, *_SEASONS, "in", "since", "by", "during", "from", "until", "of", "early", "late", "mid",
        "last", "this", "past", "previous", "next", "the", "on", "yesterday", "today", "tonight", "overnight",
        "earlier", "later",
    ))
    + "))"
)


def _date_matches(sentence: str) -> list[re.Match[str]]:
    """What ``_DATE.finditer`` gives, trying the pattern only where a date expression can begin."""
    out: list[re.Match[str]] = []
    done = 0
    for c in _DATE_START.finditer(sentence):
        if c.start() < done:
            continue
        m = _DATE.match(sentence, c.start())
        if m:
            out.append(m)
            done = m.end()
    return out


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression at ``[start, end)`` of a sentence."""

    start: int
    end: int
    occurred: Occurred


def _month_num(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a day-month without a year: publication year, or the one before."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    return year - 1 if candidate > published + timedelta(days=1) else year


def _resolve(m: re.Match[str], published: date | None) -> Occurred | None:
    text = m.group(0).strip()
    g = m.groupdict()
    try:
        for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
            if g[mk]:
                month, day = _month_num(g[mk]), int(g[dk])
                year = int(g[yk]) if g[yk] else _year_for(month, day, published)
                return Occurred(date=date(year, month, day), precision="day", text=text) if year else None
        for mk, yk in (("m3", "y3"), ("m4", "y4")):
            if g[mk]:
                month = _month_num(g[mk])
                if g[yk]:
                    return Occurred(date=date(int(g[yk]), month, 1), precision="month", text=text)
                if published is None:
                    return None
                year = published.year if month <= published.month else published.year - 1
                return Occurred(date=date(year, month, 1), precision="month", text=text)
    except ValueError:
        return None
    if g["y5"]:
        return Occurred(date=date(int(g["y5"]), 1, 1), precision="year", text=text)
    if g["season"]:
        return Occurred(date=date(int(g["sy"]), _SEASONS[g["season"].lower()], 1), precision="season", text=text)
    if published is None:
        return None
    if g["wd"]:
        back = (published.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        return Occurred(date=published - timedelta(days=back), precision="day", text=text)
    if g["yday"]:
        word = g["yday"].lower()
        when = published - timedelta(days=1) if word == "yesterday" else published
        return Occurred(date=when, precision="day", text=text)
    if g["erel"]:
        unit = g["erelunit"].lower()
        if unit == "week":
            return Occurred(date=published - timedelta(days=published.weekday()), precision="week", text=text)
        if unit == "month":
            return Occurred(date=published.replace(day=1), precision="month", text=text)
        return Occurred(date=date(published.year, 1, 1), precision="year", text=text)
    season = g["season2"]
    if season:
        return _season(season, published, last=False, text=text)
    if g["rel"]:
        rel, unit = g["rel"].lower(), g["relunit"].lower()
        if unit in _SEASONS:
            return _season(unit, published, last=rel in {"last", "past", "previous"}, text=text)
        if rel == "next":
            return None
        if unit == "week":
            # The Monday that starts the week meant, with week precision ("last week": the one before publication's).
            start = published - timedelta(days=published.weekday() + (7 if rel != "this" else 0))
            if rel == "past":
                start = published - timedelta(days=7)  # "in the past week": the seven days before publication
            return Occurred(date=start, precision="week", text=text)
        if unit == "month":
            first = published.replace(day=1)
            if rel != "this":
                first = (first - timedelta(days=1)).replace(day=1)
            return Occurred(date=first, precision="month", text=text)
        year = published.year - (0 if rel == "this" else 1)
        return Occurred(date=date(year, 1, 1), precision="year", text=text)
    return None


def _season(name: str, published: date, *, last: bool, text: str) -> Occurred:
    """The latest such season that had begun by publication; "last" skips the current one."""
    first_month = _SEASONS[name.lower()]
    year = published.year
    start = date(year, first_month, 1)
    if first_month == 12:
        # Winter starts in December: the winter in progress in February began the year before.
        start = date(year - 1 if published.month < 12 else year, 12, 1)
    elif start > published:
        start = date(year - 1, first_month, 1)
    end_month = first_month + 3
    in_progress = published < (date(start.year + (end_month > 12), (end_month - 1) % 12 + 1, 1))
    if last and in_progress:
        start = date(start.year - 1, first_month, 1)
    return Occurred(date=start, precision="season", text=text)


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``sentence`` that resolves, in order."""
    out: list[DateMention] = []
    for m in _date_matches(sentence):
        occurred = _resolve(m, published)
        if occurred is not None:
            out.append(DateMention(m.start(), m.end(), occurred))
    return out


def resolve_date(text: str, published: date | None) -> Occurred | None:
    """The first date expression of ``text`` resolved against ``published``, or None."""
    found = find_dates(text, published)
    return found[0].occurred if found else None
