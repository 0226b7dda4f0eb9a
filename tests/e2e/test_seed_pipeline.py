"""The acceptance run of the foundation: seeds -> Kafka -> extract -> alerts -> a real webhook."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.alerts.store import WatchlistStore
from services.ingest.replay import replay_paths
from services.pipeline import LocalPipeline
from shared.codec import decode
from shared.gazetteer import load_gazetteer
from shared.kafka import read_topic
from shared.schemas import ArticlePlaces, Event, Watchlist
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames
from tests.conftest import SEEDS
from tests.e2e.conftest import eventually, free_port, read_jsonl

pytestmark = pytest.mark.e2e

KUPIANSK_SEEDS = {"000_e79b1164e4d324fb.txt", "004_819f6716bd85f8a3.txt"}


async def _add_watchlist(settings: FrontwatchSettings, webhook: str, place: str) -> Watchlist:
    resolved = load_gazetteer().resolve_place(place)
    assert resolved is not None and resolved.geonameid is not None
    watchlist = Watchlist(id=uuid.uuid4().hex[:12], places=[place], place_ids=[resolved.geonameid],
                          webhook=webhook, mode="mentions")  # type: ignore[arg-type]
    client = Redis.from_url(settings.redis_url)
    try:
        await WatchlistStore(client, settings.topic_prefix).add(watchlist)
    finally:
        await client.aclose()
    return watchlist


async def test_seeds_become_events_and_kupiansk_notifications_exactly_once(
    pipeline: LocalPipeline, tmp_path: Path,
) -> None:
    settings = pipeline.settings
    topics = TopicNames.from_settings(settings)
    received = tmp_path / "received.jsonl"
    port = free_port()
    pipeline.sink(port, received)
    await _add_watchlist(settings, f"http://127.0.0.1:{port}/hook", "Kupiansk")
    pipeline.start(("extract", "alerts"))

    first = await replay_paths([str(SEEDS)], settings)
    assert first.published == 5

    mentions = await read_topic(settings.kafka_bootstrap, topics.mentions, until_count=5, timeout=120)
    assert {decode(ArticlePlaces, v).source for _, v, _ in mentions} == {p.name for p in SEEDS.glob("*.txt")}
    await eventually(lambda: len(read_jsonl(received)) >= 2, 60, "two Kupiansk notifications")

    events = [decode(Event, v) for _, v, _ in await read_topic(settings.kafka_bootstrap, topics.events, timeout=20, idle=3)]
    assert {e.source for e in events} == {p.name for p in SEEDS.glob("*.txt")}, "every seed yields events"
    for event_type in {e.type for e in events}:
        typed = await read_topic(settings.kafka_bootstrap, topics.events_of(event_type), timeout=10, idle=2)
        assert {decode(Event, v).id for _, v, _ in typed} == {e.id for e in events if e.type == event_type}

    second = await replay_paths([str(SEEDS)], settings)
    assert (second.published, second.duplicate) == (0, 5)
    await asyncio.sleep(5)  # give a wrongly repeated notification the time to arrive
    notifications = read_jsonl(received)
    assert sorted(n["body"]["source"] for n in notifications) == sorted(KUPIANSK_SEEDS)
    assert len({n["headers"]["idempotency-key"] for n in notifications}) == 2
    assert all(n["body"]["place"]["name"] for n in notifications)
