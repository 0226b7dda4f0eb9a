"""Sentence splitting with character offsets into the article text.

Splits after ``. ! ? …`` (and any closing quotes or brackets) when the next
word could start a sentence, but not after abbreviations ("U.S.", "Gen.",
"Lt. Col.", "St.", "sq.", "a.m.") or single-letter initials ("Vladimir V. Putin").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop never ends a sentence (titles, units, months).
_ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "cpl",
    "pvt", "st", "sen", "rep", "gov", "prof", "rev", "no", "nos", "vol", "vs", "approx", "sq",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
    "mt", "ft", "est", "ca", "cf", "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "km", "mi", "kg", "al", "pp", "op", "lt.col", "gov't", "dept",
    "div", "bn", "regt", "sqn", "hr", "min",
})
# Abbreviations that often end a sentence too: split when a capitalised word follows.
_SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset({
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "km", "mi", "kg",
})
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9А-ЯІЇЄ])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
# Words that commonly begin a sentence; after a sentence-final abbreviation they mean a split.
_STARTERS = re.compile(
    r"\s+[\"'“‘(]?(?:The|A|An|It|He|She|They|We|In|On|At|But|However|Meanwhile|This|That|"
    r"These|Those|Russian|Ukrainian|Russia|Ukraine|According|After|Earlier|Later|Some|"
    r"There|His|Her|Their|Its|As|Moscow|Kyiv|Kiev)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and ``[start, end)`` offsets in the article text."""

    text: str
    start: int
    end: int


def _last_word(text: str) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(text)``, looking only near the end.

    Searching the whole line tries every position of it, once per full stop.
    """
    lo = max(0, len(text) - 64)
    m = _WORD_BEFORE.search(text, lo)
    if m is not None and m.start() == lo and lo > 0:
        return _WORD_BEFORE.search(text)  # the word may begin before the window
    return m


def _ends_sentence(segment: str, stop: int) -> bool:
    """Whether the punctuation ending at ``stop`` closes a sentence."""
    head = segment[:stop].rstrip("\"'”’)]")
    if not head.endswith("."):
        return True  # "!", "?" and "…" always close
    m = _last_word(head[:-1])
    if not m:
        return True
    word = m.group(1)
    low = word.lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Vladimir V. Putin"
    if low in _SENTENCE_FINAL_ABBREVIATIONS:
        return bool(_STARTERS.match(segment, stop))
    return low not in _ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of ``text[start:end]``, with offsets into ``text``; line breaks always split."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        _split_line(text, line_start, line_end, out)
        line_start = line_end + 1
    return out


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    segment = text[start:end]
    cursor = 0
    for m in _BOUNDARY.finditer(segment):
        stop = m.end()
        if stop <= cursor:
            continue
        if _ends_sentence(segment, stop):
            _emit(text, start + cursor, start + stop, out)
            cursor = stop
    _emit(text, start + cursor, end, out)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


# A short quoted phrase: at most three words and no sentence punctuation inside.
_SCARE_QUOTED = re.compile(r"[\"“«]([^\"“”«»\n.,;:!?]{1,40}?)[\"”»]")


def without_scare_quotes(sent: Sentence) -> Sentence:
    """``sent`` with the marks around short quoted phrases blanked out, offsets unchanged.

    Reports quote the other side's words ("had \"liberated\" the village", "the
    so-called \"Kharkov region\""): the rules read them as plain words. Longer
    quotations, what someone said, keep their marks.
    """
    text = sent.text
    if '"' not in text and "“" not in text and "«" not in text:
        return sent
    out = _SCARE_QUOTED.sub(lambda m: f" {m.group(1)} " if len(m.group(1).split()) <= 3 else m.group(0), text)
    return sent if out == text else Sentence(out, sent.start, sent.end)
