"""The date line that opens an article file ("Friday, November 15, 2024", "15 November 2024", "2024-11-15").

Standard library only: ``eval/validate_corpus.py`` reads articles with the same rule without the project's
dependencies installed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTHS})\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\s*$",
    re.IGNORECASE,
)


def parse_date_line(line: str) -> date | None:
    """The date of a line that is only a date ("Friday, November 15, 2024"), else None."""
    m = _DATE_LINE.match(line)
    if not m:
        return None
    if m["iso"]:
        return date.fromisoformat(m["iso"])
    month, day, year = (m["month"], m["day"], m["year"]) if m["month"] else (m["month2"], m["day2"], m["year2"])
    return datetime.strptime(f"{month} {day} {year} +0000", "%B %d %Y %z").date()
