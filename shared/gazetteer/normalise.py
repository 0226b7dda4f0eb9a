"""Text normalisation shared by the name index and the text scanner.

Both sides go through the same steps, so a name matches whatever way it is
written: case-folded, Latin accents stripped (Kryvyi Rih = Kryvyĭ Rih), every
apostrophe-like mark inside a word dropped (Kup'yans'k = Kupʼyansʼk =
Kupyansk), other punctuation (hyphens, quotes, a possessive's apostrophe) read
as a space (and, in names, runs of spaces folded).
Cyrillic is kept as Cyrillic (lower case, ё read as е, ї as і), so Купянск
and Куп'янськ are matched in their own script.

The scanner needs to map a match in the normalised text back to the
original characters, so normalisation is done in two steps: a one-to-one
character table (``str.translate``, fast, keeps offsets), then the removal of
the few characters that are dropped (inner apostrophes), whose positions are
kept to translate offsets back.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

APOSTROPHES = "'’‘ʼʹ`´′ʻ"
# Latin letters that Unicode does not decompose into base + accent.
_LATIN_EXTRA = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "ı": "i", "ß": "s", "æ": "a", "œ": "o"}
_CYRILLIC_EXTRA = {"ё": "е", "Ё": "е", "ї": "і", "Ї": "і"}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x2C00):
        ch = chr(cp)
        if ch in APOSTROPHES:
            table[cp] = "'"
        elif ch == "." or unicodedata.category(ch) == "Mn":
            continue
        elif not ch.isalnum():
            # Punctuation, dashes, quotes, symbols and every kind of space read as a
            # plain space, so that a name always starts after a space (see matcher).
            table[cp] = " "
        elif ch in _LATIN_EXTRA:
            table[cp] = _LATIN_EXTRA[ch]
        elif ch in _CYRILLIC_EXTRA:
            table[cp] = _CYRILLIC_EXTRA[ch]
        elif 0x400 <= cp < 0x530:
            low = ch.lower()
            if len(low) == 1 and low != ch:
                table[cp] = low
        elif cp < 0x250 or 0x1E00 <= cp < 0x1F00:
            base = unicodedata.normalize("NFD", ch)[0]
            low = base.lower()
            folded = low if len(low) == 1 else base
            if folded != ch:
                table[cp] = folded
    # Characters kept as they are map to themselves: ``str.translate`` looks every character up, and a
    # character missing from the table costs a KeyError raised and cleared (twice the time of the lookup).
    for cp in range(0x2C00):
        table.setdefault(cp, chr(cp))
    return table


_TABLE = _build_table()
# An apostrophe between two letters is part of the word (Kup'yans'k, Куп'янськ)
# and is dropped, except the English possessive "'s" followed by a non-letter
# (Russia's, Kyiv’s), which stays so that the boundary after the name is kept.
_DROPPED = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])(?!s(?![^\W\d_]))")
_SPACES = re.compile(" +")
# Common non-ASCII punctuation, replaced first (one C pass each) so that most English
# articles become ASCII and ``str.translate`` takes its fast ASCII path.
_TO_ASCII = (
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("“", '"'),
    ("”", '"'),
    ("«", '"'),
    ("»", '"'),
    ("–", "-"),
    ("—", "-"),
    ("\xa0", " "),
    ("…", " "),
    ("é", "e"),
    ("•", " "),
    ("„", '"'),
)


def fold(text: str) -> str:
    """One-to-one character folding (same length as ``text``)."""
    if not text.isascii():
        for char, replacement in _TO_ASCII:
            if char in text:
                text = text.replace(char, replacement)
    return text.translate(_TABLE)


def normalise_name(name: str) -> str:
    """The index key of a name: folded, inner apostrophes dropped, other punctuation a single space."""
    # ``fold`` without its ASCII pre-pass: each replacement there maps a character to one the table
    # folds the same way, so the result is the same, and names are too short for the pre-pass to pay.
    # (The regexes run only where there is something for them to do: 170,000 names are keyed at start-up.)
    key = name.translate(_TABLE)
    if "'" in key:
        key = _DROPPED.sub("", key).replace("'", " ")
    if "  " in key:
        key = _SPACES.sub(" ", key)
    return key.strip(" ")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A text as the scanner reads it, with the way back to the original offsets."""

    text: str
    # thresholds[k]: the normalised index from which k+1 dropped characters lie before.
    thresholds: tuple[int, ...]

    def original_start(self, index: int) -> int:
        """Offset in the original text of the normalised character at ``index``."""
        return index + bisect_right(self.thresholds, index)

    def original_end(self, end: int) -> int:
        """Original offset just past a normalised span that ends (exclusive) at ``end``."""
        return self.original_start(end - 1) + 1


def _inner_apostrophes(folded: str) -> list[int]:
    """Positions of the apostrophes ``_DROPPED`` would drop (a plain loop: they are few)."""
    positions: list[int] = []
    last = len(folded) - 1
    found = folded.find("'")
    while found != -1:
        if 0 < found < last and folded[found - 1].isalpha() and folded[found + 1].isalpha():
            possessive = folded[found + 1] == "s" and (found + 2 > last or not folded[found + 2].isalpha())
            if not possessive:
                positions.append(found)
        found = folded.find("'", found + 1)
    return positions


def normalise_text(text: str) -> NormalisedText:
    """Normalise a whole article the way names are normalised, keeping offsets.

    Unlike names, runs of spaces are not folded: punctuation becomes spaces, and
    a name never spans punctuation, so doubled spaces only separate names.
    """
    folded = fold(text)
    dropped = _inner_apostrophes(folded)
    if not dropped:
        return NormalisedText(folded.replace("'", " "), ())
    parts: list[str] = []
    previous = 0
    for position in dropped:
        parts.append(folded[previous:position])
        previous = position + 1
    parts.append(folded[previous:])
    thresholds = tuple(position - k for k, position in enumerate(dropped))
    # Apostrophes left are quotes or a possessive: they end a word like a space.
    return NormalisedText("".join(parts).replace("'", " "), thresholds)
