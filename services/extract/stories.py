"""Stories: reports of the same thing from many outlets, folded under one ``story_id``.

Events of one type, side and place within a time window share a story. A claim
by one side that the other side denies (a statement with a deny trigger about
the same place) marks the story ``disputed``. Pure functions over a per-place
state, so the streaming layer keeps that state in a faust table partitioned by
place (the events topic is keyed by place) and this module knows nothing of it.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import TypedDict

from shared.schemas import Event

DENY_TRIGGERS = frozenset({"deny", "denied", "denies", "denying", "refute", "refuted", "refutes", "dismissed", "rejected"})


class StoryState(TypedDict):
    story_id: str
    last: str  # ISO date of the latest report
    sides: list[str]
    disputed: bool


PlaceStories = dict[str, StoryState]  # story key (type|side) -> state, for one place


def place_key(event: Event) -> str | None:
    if event.location is None:
        return None
    return str(event.location.geonameid) if event.location.geonameid is not None else event.location.name.casefold()


def event_day(event: Event, fallback: date) -> date:
    if event.occurred is not None:
        return event.occurred.date
    return event.published or fallback


def _is_denial(event: Event) -> bool:
    trigger = (event.evidence.trigger or "").casefold()
    return event.type == "statement" and trigger in DENY_TRIGGERS


def assign_story(stories: PlaceStories, event: Event, window: timedelta, today: date | datetime) -> Event:
    """Give ``event`` its story (updating ``stories`` in place); events without a place keep none."""
    place = place_key(event)
    if place is None:
        return event
    day = event_day(event, today.date() if isinstance(today, datetime) else today)
    if _is_denial(event):
        # "X denied capturing Y": every capture story at Y by another side is now disputed.
        disputed = [s for key, s in stories.items() if key.startswith("advance|") and event.actor.side not in s["sides"]]
        for state in disputed:
            state["disputed"] = True
        if disputed:
            return event.model_copy(update={"story_id": disputed[0]["story_id"], "disputed": True})
    key = f"{event.type}|{event.actor.side or '?'}"
    found = stories.get(key)
    if found is not None and abs(day - date.fromisoformat(found["last"])) <= window:
        state = found
        if day.isoformat() > state["last"]:
            state["last"] = day.isoformat()
    else:
        seed = f"{key}|{place}|{day.isoformat()}|{event.id}"
        state = StoryState(story_id=hashlib.sha256(seed.encode()).hexdigest()[:16], last=day.isoformat(),
                           sides=[event.actor.side or "?"], disputed=False)
        stories[key] = state
    return event.model_copy(update={"story_id": state["story_id"], "disputed": state["disputed"]})
