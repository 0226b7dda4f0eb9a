"""Pydantic models for every record that crosses a Kafka topic or the API.

Each top-level record carries ``schema_version``. Schemas grow by adding
optional fields; a breaking change gets a new model version and a new topic
suffix, never an in-place edit. ``docs/schemas/`` holds the JSON Schema of each
topic record, generated from these models (``frontwatch schemas``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

SCHEMA_VERSION = 1

EventType = Literal["advance", "withdrawal", "deployment", "statement"]
EVENT_TYPES: tuple[EventType, ...] = ("advance", "withdrawal", "deployment", "statement")


def utcnow() -> datetime:
    """Timezone-aware now, the only clock the records use."""
    return datetime.now(UTC)


def normalise_text(text: str) -> str:
    """Text as it is hashed for identity: NFC, no BOM, whitespace folded, lower case."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def article_id_for(text: str) -> str:
    """Stable article id: the same text replayed twice has one id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class Record(BaseModel):
    """Base of every topic record: strict about unknown types, lenient about new fields."""

    model_config = ConfigDict(extra="ignore", frozen=False, populate_by_name=True)

    schema_version: int = SCHEMA_VERSION


class Article(Record):
    """A news article as published to the ``articles`` topic (key: ``id``)."""

    id: str = Field(description="sha256 of the normalised text, 16 hex digits")
    text: str = Field(min_length=1)
    title: str | None = None
    source: str = Field(description="where it came from: a file name or a feed/API name")
    url: str | None = None
    outlet: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1, when known")
    published: date | None = None
    ingested_at: datetime = Field(default_factory=utcnow)

    @classmethod
    def from_text(cls, text: str, *, source: str, **fields: object) -> Article:
        return cls(id=article_id_for(text), text=text, source=source, **fields)  # type: ignore[arg-type]


class Place(BaseModel):
    """A gazetteer entry: a populated place, a region (admin1) or a country."""

    name: str = Field(description="in an event: the place as the article names it (Kupyansk, Куп'янськ); else the gazetteer's")
    canonical: str | None = Field(default=None, description="the gazetteer's name for the entry (Kupiansk), when it differs")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    kind: Literal["city", "region", "country", "feature"] = "city"


class PlaceMention(Place):
    """A place named in an article, with the character span of the mention."""

    start: int
    end: int
    text: str | None = Field(default=None, description="the surface form as written")


class Actor(BaseModel):
    side: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of the side whose forces act or speak")
    name: str | None = Field(default=None, description="the speaker, for statements; the unit or body otherwise")


class Quantity(BaseModel):
    value: float
    unit: str
    text: str
    bound: Literal["exact", "lower", "upper", "approximate"] = "exact"


class Occurred(BaseModel):
    date: date
    # (Values are only ever added: "week" came with "last week" and "earlier this week".)
    precision: Literal["day", "week", "month", "season", "year"] = "day"
    text: str | None = None


class Evidence(BaseModel):
    sentence: str
    start: int
    end: int
    trigger: str | None = None


class Event(Record):
    """A structured event, published to ``events`` and ``events.<type>`` (key: place)."""

    id: str = Field(description="stable: article id + type + side + place + sentence offset")
    article_id: str
    source: str
    url: str | None = None
    type: EventType
    actor: Actor
    speaker: str | None = None
    claimed_by: str | None = None
    hedged: bool = False
    content: str | None = Field(default=None, description="for statements: the quote or reported content")
    location: Place | None = None
    quantity: Quantity | None = None
    occurred: Occurred | None = None
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)
    extractor_version: str
    story_id: str | None = None
    disputed: bool = False
    published: date | None = None


class ArticlePlaces(Record):
    """Every place an article mentions, on the ``mentions`` topic (key: article id)."""

    article_id: str
    source: str
    url: str | None = None
    title: str | None = None
    text: str | None = Field(default=None, description="the article text, for keyword watchlists")
    places: list[PlaceMention]


class Geofence(BaseModel):
    """A circle on the map: anything within ``radius_km`` of the centre."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    radius_km: float = Field(gt=0, le=2000)
    place: str | None = Field(default=None, description="the centre's name, when it was given by name")


class Watchlist(Record):
    """What an analyst subscribed to, stored in Redis."""

    id: str
    tenant: str | None = Field(default=None, description="the API token's owner; only it sees the watchlist")
    name: str | None = None
    places: list[str] = Field(default_factory=list, description="place names as the user typed them")
    place_ids: list[int] = Field(default_factory=list, description="resolved GeoNames ids")
    geofence: Geofence | None = None
    webhook: HttpUrl
    format: Literal["json", "slack"] = "json"
    mode: Literal["events", "mentions"] = "mentions"
    types: list[EventType] = Field(default_factory=list, description="empty: every type")
    sides: list[str] = Field(default_factory=list, description="ISO alpha-3 sides; empty: every side")
    min_confidence: float = Field(default=0.0, ge=0, le=1)
    exclude_hedged: bool = False
    keywords: str | None = Field(default=None, description='e.g. tanks AND ("armoured vehicles" OR artillery) NOT drill')
    rate_limit_per_minute: int = Field(default=30, ge=1, le=10000, description="beyond this, one digest notification")
    secret: str | None = Field(default=None, description="HMAC key of the webhook signature")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class DeliveryAttempt(BaseModel):
    """One line of a watchlist's delivery log."""

    notification_id: str
    status: Literal["sent", "retrying", "failed", "skipped"]
    attempt: int
    status_code: int | None = None
    error: str | None = None
    at: datetime = Field(default_factory=utcnow)


class Notification(Record):
    """What a watchlist's webhook receives, and what ``alerts`` records (key: watchlist id)."""

    id: str = Field(description="idempotency key: one notification per watchlist and story")
    watchlist_id: str
    kind: Literal["event", "mention", "test", "digest"]
    article_id: str
    source: str
    url: str | None = None
    title: str | None = None
    place: Place | None = None
    event: Event | None = None
    evidence: str | None = None
    story_id: str | None = None
    digest: list[Notification] = Field(default_factory=list, description="kind=digest: the notifications it folds")
    created_at: datetime = Field(default_factory=utcnow)


class PendingDelivery(Record):
    """A notification waiting for its next delivery attempt, on ``alerts.retry`` (key: watchlist id)."""

    notification: Notification
    attempt: int = Field(ge=1, description="the number of the attempt to make")
    not_before: datetime
    last_error: str | None = None


class DeadLetter(Record):
    """A record that could not be processed, as written to ``<topic>.dlq``."""

    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    reason: str
    payload: str = Field(description="the original bytes, decoded as UTF-8 with replacement")
    failed_at: datetime = Field(default_factory=utcnow)


TOPIC_RECORDS: dict[str, type[Record]] = {
    "articles": Article,
    "events": Event,
    "mentions": ArticlePlaces,
    "alerts": Notification,
    "alerts.retry": PendingDelivery,
    "dlq": DeadLetter,
}
