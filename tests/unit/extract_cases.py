"""Shared helpers for the table-driven extractor tests: run a snippet, reduce events to tuples."""

from __future__ import annotations

from datetime import date

from services.extract.events import extract_events
from shared.schemas import Article, Event
from tests.unit.fakes import FRONT

Expected = set[tuple[str, str | None, str | None]]


def article(text: str, published: date | None = None) -> Article:
    return Article.from_text(text, source="unit.txt", published=published)


def run(text: str, published: date | None = None) -> list[Event]:
    return extract_events(article(text, published), FRONT)


def tuples(events: list[Event]) -> Expected:
    """(type, side, gazetteer name of the place) for military events; ("statement", side, speaker) for statements."""
    out: Expected = set()
    for e in events:
        if e.type == "statement":
            out.add(("statement", e.actor.side, e.speaker))
        else:
            # The entry the place resolved to (the event's own "name" is the article's spelling).
            out.add((e.type, e.actor.side, (e.location.canonical or e.location.name) if e.location else None))
    return out
