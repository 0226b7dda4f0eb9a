"""Topic names, layout and record keys: the one place that says what goes where.

Keys decide ordering when the load is spread over partitions and workers:
``articles`` and ``mentions`` are keyed by article id (one article, one
partition, in order); ``events`` and its per-type topics by place, so every
report about one place lands on one partition, in order, where the story table
for that place lives; ``alerts`` by watchlist id.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.schemas import EVENT_TYPES, Event, EventType
from shared.settings import FrontwatchSettings

ARTICLES = "articles"
EVENTS = "events"
EXTRACTED = "events.extracted"  # internal: events before their story is known, keyed by place
MENTIONS = "mentions"
ALERTS = "alerts"
ALERTS_RETRY = "alerts.retry"  # notifications waiting for their next attempt, so a dead webhook delays no one else
DLQ_SUFFIX = ".dlq"


def event_type_topic(event_type: EventType) -> str:
    return f"{EVENTS}.{event_type}"


def dlq_topic(topic: str) -> str:
    return f"{topic}{DLQ_SUFFIX}"


@dataclass(frozen=True)
class TopicNames:
    """The concrete topic names for one deployment (a prefix isolates test runs)."""

    prefix: str = ""

    def name(self, base: str) -> str:
        return f"{self.prefix}{base}"

    @property
    def articles(self) -> str:
        return self.name(ARTICLES)

    @property
    def events(self) -> str:
        return self.name(EVENTS)

    @property
    def extracted(self) -> str:
        return self.name(EXTRACTED)

    @property
    def mentions(self) -> str:
        return self.name(MENTIONS)

    @property
    def alerts(self) -> str:
        return self.name(ALERTS)

    def events_of(self, event_type: EventType) -> str:
        return self.name(event_type_topic(event_type))

    def dlq(self, base: str) -> str:
        return self.name(dlq_topic(base))

    def all(self) -> list[str]:
        """Every topic the pipeline reads or writes, DLQs included."""
        inputs = [ARTICLES, EVENTS, MENTIONS, ALERTS]
        names = [self.name(t) for t in inputs] + [self.dlq(t) for t in inputs]
        return [*names, self.extracted, self.name(ALERTS_RETRY), *(self.events_of(t) for t in EVENT_TYPES)]

    @classmethod
    def from_settings(cls, settings: FrontwatchSettings) -> TopicNames:
        return cls(prefix=settings.topic_prefix)


def event_key(event: Event) -> str:
    """Partition key of an event: its place, so per-place order and stories stay on one partition."""
    if event.location is not None and event.location.geonameid is not None:
        return f"place:{event.location.geonameid}"
    if event.location is not None:
        return f"place:{event.location.name.lower()}"
    return f"article:{event.article_id}"
