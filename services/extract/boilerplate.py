"""Which lines of a scraped page are the article body and which are page furniture.

Navigation crumbs, "RELATED ARTICLES", photo captions, source lists and
previous/next links never yield events or place mentions. The rules look at
one line at a time, plus a little state for lists that follow a "Sources:" line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that are furniture whatever follows them.
_FURNITURE = re.compile(
    r"""^\s*(?:
        related\ articles|most\ popular|most\ read|read\ more|read\ also|see\ also|also\ read|
        subscribe|sign\ up|share(?:\ this)?(?:\ article)?|follow\ us|advertisement|
        previous\ article|next\ article|previous\ post|next\ post|recommended|trending|
        comments?|leave\ a\ (?:comment|reply)|tags?:|filed\ under|published\ in|
        you\ may\ also\ like|more\ from|latest\ news|top\ stories|related(?:\ stories|\ news)?:?|
        photo:|image:|video:|watch:|credit:|copyright|©|all\ rights\ reserved|click\ here|
        (?:written|reporting|editing|additional\ reporting)\ by\b|by\ [A-Z][a-z]+\ [A-Z][a-z]+\s*$|
        home\s*[›»>/|]|home(?=[A-Z][a-z])
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A crumb trail glued together by a scraper: "HomeWorldEurope...".
_GLUED_CRUMBS = re.compile(r"^(?:Home|News)(?:[A-Z][a-z]+){2,}")
# Captions end with a credit ("... Source: Russian media", "Photo: Reuters").
_CAPTION_CREDIT = re.compile(
    r"(?:^|[.\s])(?:source|photo|image|credit|photograph|picture|foto)s?\s*:\s*[^.!?]{1,80}$|"
    r"\((?:photo|image|credit)[^)]*\)\s*$|/\s*(?:getty images|reuters|ap|afp|epa)\s*$",
    re.IGNORECASE,
)
# A heading that opens a list of sources, references or other articles' titles.
_SOURCES_HEADING = re.compile(
    r"^\s*(?:(?:related\s+)?(?:sources?|references|further\s+reading|external\s+links|links|notes)|"
    r"related(?:\s+(?:articles|stories|news|posts))?|most\s+(?:popular|read)|recommended|trending|read\s+more|"
    r"read\s+also|see\s+also|more\s+from\s+[\w\s]{1,30}|latest\s+news|top\s+stories|you\s+may\s+also\s+like)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•·▪])\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|said|says|\w{3,}(?:ed|es)|will|would|can|could)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of body text in ``article.text``: a paragraph, or a heading line."""

    start: int
    end: int
    heading: bool


def is_furniture_line(line: str) -> bool:
    """True for a line that is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped:
        return False
    if _FURNITURE.match(stripped) or _GLUED_CRUMBS.match(stripped):
        return True
    # A caption is short, credits a source and is not a reported sentence.
    # Every credit form has a ":", a ")" or a "/": most lines need no regex search.
    has_mark = ":" in stripped or ")" in stripped or "/" in stripped
    return len(stripped) < 300 and has_mark and bool(_CAPTION_CREDIT.search(stripped))


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return not (len(stripped) > 140 or _SENTENCE_END.search(stripped))


def body_blocks(text: str) -> list[Block]:
    """Paragraphs and headings of the article body, furniture removed, in order.

    A line is a paragraph unless it is a hard-wrapped continuation (the previous
    line does not end a sentence and this one starts in lower case).
    """
    blocks: list[Block] = []
    in_sources = False
    pos = 0
    pending: list[int] | None = None  # [start, end, line count] of a paragraph still growing

    def flush() -> None:
        nonlocal pending
        if pending:
            heading = pending[2] == 1 and _is_heading(text[pending[0]:pending[1]])
            blocks.append(Block(pending[0], pending[1], heading))
            pending = None

    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            flush()
            continue
        if _SOURCES_HEADING.match(line):
            in_sources = True
            flush()
            continue
        if in_sources:
            # Items of a source list are titles, not prose; a real paragraph ends the list.
            if _LIST_ITEM.match(line) or not _SENTENCE_END.search(line) or is_furniture_line(line):
                continue
            in_sources = False
        if is_furniture_line(line):
            flush()
            continue
        lead = len(raw) - len(raw.lstrip())
        s, e = start + lead, start + len(raw.rstrip())
        if pending and not _SENTENCE_END.search(text[pending[0]:pending[1]]) and line[:1].islower():
            pending[1] = e  # hard-wrapped continuation of the same paragraph
            pending[2] += 1
            continue
        flush()
        pending = [s, e, 1]
    flush()
    return blocks
