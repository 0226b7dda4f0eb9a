"""Keyword expressions over article text: words and "quoted phrases" with AND, OR, NOT and parentheses.

    tanks AND ("armoured vehicles" OR artillery) NOT drill

Adjacent terms without an operator are joined by AND. Matching is
case-insensitive on whole words (a phrase matches its words in sequence), so
"tank" does not match "tanker". NOT binds tighter than AND, AND tighter than OR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<op>\(|\)|\bAND\b|\bOR\b|\bNOT\b)|(?P<word>[^\s()"]+))')


class KeywordSyntaxError(ValueError):
    """The expression cannot be parsed; the message says where."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]

    def matches(self, text: str) -> bool:
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in self.words) + r"(?!\w)"
        return re.search(pattern, text, re.IGNORECASE) is not None


@dataclass(frozen=True)
class Not:
    operand: Expression

    def matches(self, text: str) -> bool:
        return not self.operand.matches(text)


@dataclass(frozen=True)
class All:
    operands: tuple[Expression, ...]

    def matches(self, text: str) -> bool:
        return all(o.matches(text) for o in self.operands)


@dataclass(frozen=True)
class Any_:
    operands: tuple[Expression, ...]

    def matches(self, text: str) -> bool:
        return any(o.matches(text) for o in self.operands)


Expression = Term | Not | All | Any_


def _tokens(expression: str) -> list[str]:
    tokens, pos = [], 0
    while pos < len(expression):
        m = _TOKEN.match(expression, pos)
        if m is None or m.end() == pos:
            if expression[pos:].strip() == "":
                break
            raise KeywordSyntaxError(f"unexpected {expression[pos:].strip()[:10]!r} at position {pos}")
        tokens.append((m["phrase"] or m["op"] or m["word"] or "").strip())
        pos = m.end()
    return [t for t in tokens if t]


def parse_keywords(expression: str) -> Expression:
    """Parse ``expression``; raise KeywordSyntaxError naming the problem."""
    tokens = _tokens(expression)
    if not tokens:
        raise KeywordSyntaxError("empty expression")
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def parse_or() -> Expression:
        parts = [parse_and()]
        while peek() == "OR":
            take()
            parts.append(parse_and())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def parse_and() -> Expression:
        parts = [parse_not()]
        while peek() not in (None, "OR", ")"):
            if peek() == "AND":
                take()
            parts.append(parse_not())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def parse_not() -> Expression:
        if peek() == "NOT":
            take()
            return Not(parse_not())
        return parse_atom()

    def parse_atom() -> Expression:
        token = peek()
        if token is None:
            raise KeywordSyntaxError("expression ends where a word was expected")
        if token in ("AND", "OR", ")"):
            raise KeywordSyntaxError(f"unexpected {token!r} at token {pos + 1}")
        take()
        if token == "(":  # noqa: S105 - a parser token, not a password
            inner = parse_or()
            if peek() != ")":
                raise KeywordSyntaxError("missing ')'")
            take()
            return inner
        words = tuple(token.strip('"').split()) if token.startswith('"') else (token,)
        if not words:
            raise KeywordSyntaxError('empty phrase ""')
        return Term(words)

    result = parse_or()
    if pos != len(tokens):
        raise KeywordSyntaxError(f"unexpected {tokens[pos]!r} at token {pos + 1}")
    return result


def keywords_match(expression: str | None, text: str) -> bool:
    """True when there is no expression or ``text`` satisfies it."""
    return expression is None or not expression.strip() or parse_keywords(expression).matches(text)
