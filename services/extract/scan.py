"""Helpers that let the rules visit only the words that matter instead of every word.

Python-level loops over every token of every sentence were most of the
extractor's cost. The rules now find candidate words with one compiled
regex (a prefix tree of the words they care about, scanned in C) and apply
their exact, unchanged word test only to those candidates.
"""

from __future__ import annotations

import re

# The word tokens of ``actors`` and ``statements``: an ASCII letter, then word characters,
# apostrophes, dots and hyphens.
TOKEN = re.compile(r"[A-Za-z][\w’'.-]*")
_TOKEN_CHAR = re.compile(r"[\w’'.-]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _char(ch: str) -> str:
    # Apostrophes are normalised to "’" in the word lists but either may be written.
    return "['’]" if ch in "'’" else re.escape(ch)


def prefix_tree(words: object) -> str:
    """A regex matching any of ``words`` as a prefix, factored by letters so a miss fails fast.

    A shorter word covers longer ones that start with it: callers use the
    match as a prefilter and test the whole word themselves.
    """
    heads: dict[str, list[str]] = {}
    for w in sorted({str(w) for w in words}):  # type: ignore[attr-defined]
        if w:
            heads.setdefault(w[0], []).append(w[1:])
    branches = []
    for head, tails in heads.items():
        if "" in tails:
            branches.append(_char(head))
        elif len(tails) == 1:
            branches.append("".join(_char(c) for c in head + tails[0]))
        else:
            branches.append(_char(head) + "(?:" + prefix_tree(tails) + ")")
    return "|".join(branches)


class WordStarts:
    """Where a token that may begin with one of ``words`` (any case) starts.

    The result is a superset of the exact test (a prefix is not a whole word),
    so callers confirm each position with their own word test.
    """

    def __init__(self, words: object) -> None:
        tree = prefix_tree(words)
        # Matching lower-cased text without IGNORECASE is several times faster.
        self._lower = re.compile(rf"(?<![a-z])(?:{tree})")
        self._any_case = re.compile(rf"(?<![A-Za-z])(?i:{tree})")

    def find(self, sentence: str) -> list[int]:
        """Candidate positions in ``sentence``, in order."""
        low = sentence.lower()
        # The lower-cased text lines up with the sentence unless a letter lower-cases to two
        # ("İ"), and its ASCII letters are the sentence's unless it has a Kelvin sign ("K" -> "k").
        if len(low) == len(sentence) and "\u212a" not in sentence:
            return [m.start() for m in self._lower.finditer(low)]
        return [m.start() for m in self._any_case.finditer(sentence)]


def token_at(sentence: str, pos: int) -> str | None:
    """The token ``TOKEN.finditer(sentence)`` yields at ``pos``, or None if no token starts there.

    ``pos`` is inside an earlier token when the token characters just before
    it reach back to an ASCII letter.
    """
    i = pos - 1
    while i >= 0 and sentence[i] != " " and _TOKEN_CHAR.match(sentence, i):  # (a space is the usual stop)
        if sentence[i] in _ASCII_LETTERS:
            return None
        i -= 1
    m = TOKEN.match(sentence, pos)
    return m.group(0) if m else None
