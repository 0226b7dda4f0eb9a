"""The acceptance runs: seeds -> Kafka -> extract -> alerts -> real webhooks, as analysts subscribe through the API."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from services.ingest.replay import replay_paths
from services.pipeline import LocalPipeline
from shared.codec import decode
from shared.gazetteer import load_gazetteer
from shared.kafka import read_topic
from shared.places import distance_km
from shared.schemas import ArticlePlaces, Event
from shared.topics import TopicNames
from tests.conftest import SEEDS
from tests.e2e.conftest import eventually
from tests.receiver import Receiver, body_json, running

pytestmark = pytest.mark.e2e

KUPIANSK_SEEDS = {"000_e79b1164e4d324fb.txt", "004_819f6716bd85f8a3.txt"}
# An article of our own about the other Pokrovsk, in Yakutia, far from the front.
YAKUTIA = "Russian troops were deployed to Pokrovsk in Yakutia for winter exercises, the Russian Defense Ministry said."


async def test_seeds_become_events_and_notifications_exactly_once(
    alerts: tuple[LocalPipeline, httpx.Client], tmp_path: Path,
) -> None:
    pipeline, api = alerts
    settings = pipeline.settings
    topics = TopicNames.from_settings(settings)
    (tmp_path / "yakutia.txt").write_text(YAKUTIA)
    pokrovsk = load_gazetteer().resolve_place("Pokrovsk, Donetsk region")
    assert pokrovsk is not None and pokrovsk.country == "UA"
    pipeline.start(("extract",))

    with running(Receiver()) as mentions, running(Receiver()) as wide, running(Receiver()) as narrow:
        # "Kupyansk" is not the seeds' spelling; the gazetteer makes it the same city.
        assert api.post("/v1/watchlists", json={"places": ["Kupyansk"], "webhook": mentions.url}).status_code == 201
        for receiver, radius in ((wide, 25), (narrow, 15)):
            created = api.post("/v1/watchlists", json={"mode": "events", "webhook": receiver.url,
                                                       "near": {"place": "Pokrovsk, Donetsk region", "radius_km": radius}})
            assert created.status_code == 201, created.text

        first = await replay_paths([str(SEEDS), str(tmp_path / "yakutia.txt")], settings)
        assert first.published == 6
        records = await read_topic(settings.kafka_bootstrap, topics.mentions, until_count=6, timeout=120)
        assert {decode(ArticlePlaces, v).source for _, v, _ in records} >= {p.name for p in SEEDS.glob("*.txt")}
        await eventually(lambda: len(mentions.accepted()) >= 2 and wide.accepted(), 60, "the first notifications")

        events = [decode(Event, v) for _, v, _ in await read_topic(settings.kafka_bootstrap, topics.events, timeout=20, idle=3)]
        assert {e.source for e in events} >= {p.name for p in SEEDS.glob("*.txt")}, "every seed yields events"
        for event_type in {e.type for e in events}:
            typed = await read_topic(settings.kafka_bootstrap, topics.events_of(event_type), timeout=10, idle=2)
            assert {decode(Event, v).id for _, v, _ in typed} == {e.id for e in events if e.type == event_type}
        assert all(e.story_id for e in events if e.location is not None)

        second = await replay_paths([str(SEEDS), str(tmp_path / "yakutia.txt")], settings)
        assert (second.published, second.duplicate) == (0, 6)
        await asyncio.sleep(5)  # give a wrongly repeated notification the time to arrive

    assert sorted(body_json(r)["source"] for r in mentions.accepted()) == sorted(KUPIANSK_SEEDS)

    def located(receiver: Receiver) -> list[Event]:
        return [Event.model_validate(body_json(r)["event"]) for r in receiver.accepted()]

    near = {e.story_id for e in events if e.location and e.location.kind == "city" and distance_km(e.location, pokrovsk) <= 25}
    assert {e.story_id for e in located(wide)} == near, "one notification per story inside the fence, none outside"
    assert len(wide.accepted()) == len(near)
    assert any(e.location and e.location.name == "Voznesenka" for e in located(wide)), "Voznesenka is ~21 km away"
    assert not any(e.location and e.location.name == "Voznesenka" for e in located(narrow))
    assert all(e.location and e.location.country == "UA" for e in located(wide) + located(narrow))
    assert any(e.location and e.location.country == "RU" and e.location.name == "Pokrovsk" for e in events), \
        "the Yakutia article's event is on the topic, yet no fence around the Donetsk Pokrovsk fired for it"
    for receiver in (mentions, wide, narrow):
        keys = [r.headers["idempotency-key"] for r in receiver.accepted()]
        assert len(keys) == len(set(keys)), "no notification twice"
