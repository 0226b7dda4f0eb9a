"""Delivery as an analyst's receiver sees it: retries, the DLQ and redeliver, a worker crash mid-delivery."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from services.pipeline import LocalPipeline
from shared.codec import decode, encode
from shared.gazetteer import load_gazetteer
from shared.kafka import read_topic
from shared.schemas import ArticlePlaces, DeadLetter, PlaceMention
from shared.signing import verify
from tests.e2e.conftest import eventually
from tests.receiver import Receiver, body_json, running

pytestmark = pytest.mark.e2e


def _kupiansk_mention(n: int) -> ArticlePlaces:
    place = load_gazetteer().resolve_place("Kupiansk")
    assert place is not None
    text = f"Report {n}: fighting continued near Kupiansk."
    start = text.index("Kupiansk")
    return ArticlePlaces(article_id=f"article-{n}", source=f"report-{n}.txt", text=text,
                         places=[PlaceMention(**place.model_dump(), start=start, end=start + 8, text="Kupiansk")])


async def _publish_mentions(pipeline: LocalPipeline, records: list[ArticlePlaces]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=pipeline.settings.kafka_bootstrap)
    await producer.start()
    try:
        for record in records:
            await producer.send_and_wait(f"{pipeline.settings.topic_prefix}mentions", encode(record),
                                         key=record.article_id.encode())
    finally:
        await producer.stop()


async def test_a_flaky_receiver_gets_the_notification_once_with_retries_logged(
    alerts: tuple[LocalPipeline, httpx.Client],
) -> None:
    pipeline, api = alerts
    with running(Receiver(script=[503, 503, 503], then=200)) as receiver:
        wl = api.post("/v1/watchlists", json={"places": ["Kupyansk"], "webhook": receiver.url}).json()
        await _publish_mentions(pipeline, [_kupiansk_mention(1)])
        await eventually(lambda: receiver.accepted(), 60, "the notification after three 503s")
        await asyncio.sleep(2)
        assert len(receiver.requests) == 4 and len(receiver.accepted()) == 1
        delivered = receiver.accepted()[0]
        assert verify(wl["secret"], delivered.headers, delivered.body), "signature checks out for the receiver"
        assert body_json(delivered)["place"]["name"] == "Kupiansk"
    log = api.get(f"/v1/watchlists/{wl['id']}/notifications").json()
    assert [e["status"] for e in reversed(log)] == ["retrying", "retrying", "retrying", "sent"]
    assert [e["status_code"] for e in reversed(log)] == [503, 503, 503, 200]


async def test_an_always_failing_receiver_ends_in_the_dlq_and_redeliver_sends_it_once_it_recovers(
    alerts: tuple[LocalPipeline, httpx.Client],
) -> None:
    pipeline, api = alerts
    with running(Receiver(then=500)) as receiver:
        wl = api.post("/v1/watchlists", json={"places": ["Kupiansk"], "webhook": receiver.url}).json()
        await _publish_mentions(pipeline, [_kupiansk_mention(2)])
        dlq = await read_topic(pipeline.settings.kafka_bootstrap, f"{pipeline.settings.topic_prefix}alerts.dlq",
                               until_count=1, timeout=60)
        assert "HTTP 500" in decode(DeadLetter, dlq[0][1]).reason
        assert api.get(f"/v1/watchlists/{wl['id']}/notifications").json()[0]["status"] == "failed"
        assert len(receiver.requests) == 4 and not receiver.accepted()

        receiver.then = 200
        env = {**os.environ, **pipeline.env()}
        cli = [sys.executable, "-m", "services.cli", "alerts", "redeliver"]
        first = await asyncio.to_thread(subprocess.run, cli, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "delivered 1" in first.stdout
        again = await asyncio.to_thread(subprocess.run, cli, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert "delivered 0" in again.stdout
        assert len(receiver.accepted()) == 1


async def test_killing_the_worker_mid_delivery_loses_nothing_and_repeats_nothing_acknowledged(
    alerts: tuple[LocalPipeline, httpx.Client],
) -> None:
    pipeline, api = alerts
    with running(Receiver(delay_s=1.5)) as receiver:
        api.post("/v1/watchlists", json={"places": ["Kupiansk"], "webhook": receiver.url})
        await _publish_mentions(pipeline, [_kupiansk_mention(n) for n in range(10, 30)])
        await eventually(lambda: len(receiver.accepted()) >= 4, 60, "the first deliveries")
        await asyncio.sleep(0.6)  # the first answers are recorded; the next ones are still in flight
        worker = pipeline.service("alerts")
        assert worker.kill()  # a crash, mid-delivery
        killed_at = time.monotonic()
        worker.start()
        await eventually(lambda: len({r.headers["idempotency-key"] for r in receiver.accepted()}) == 20, 120,
                         "all 20 notifications after the restart")
        await asyncio.sleep(3)
    per_key = Counter(r.headers["idempotency-key"] for r in receiver.accepted())
    assert len(per_key) == 20, "nothing lost"
    # Answered well before the crash, so recorded as delivered: never sent again.
    settled = {r.headers["idempotency-key"] for r in receiver.accepted() if r.at < killed_at - 0.5}
    assert settled and all(per_key[key] == 1 for key in settled)
    # Only deliveries in flight at the crash (at most one per delivery task) may come again, same idempotency key.
    assert sum(count - 1 for count in per_key.values()) <= 8, per_key


async def test_a_burst_past_the_rate_limit_is_folded_into_one_digest(alerts: tuple[LocalPipeline, httpx.Client]) -> None:
    pipeline, api = alerts
    with running(Receiver()) as receiver:
        api.post("/v1/watchlists", json={"places": ["Kupiansk"], "webhook": receiver.url, "rate_limit_per_minute": 2})
        await _publish_mentions(pipeline, [_kupiansk_mention(n) for n in range(30, 36)])

        def covered() -> set[str]:
            ids = set()
            for r in receiver.accepted():
                body = body_json(r)
                ids |= {n["id"] for n in body["digest"]} if body["kind"] == "digest" else {body["id"]}
            return ids

        await eventually(lambda: len(covered()) == 6, 60, "six notifications, some folded into a digest")
        await asyncio.sleep(5)
        kinds = [body_json(r)["kind"] for r in receiver.accepted()]
        assert "digest" in kinds and len(kinds) < 6, kinds
        assert len(covered()) == 6


async def test_a_dead_webhook_does_not_hold_up_other_watchlists(alerts: tuple[LocalPipeline, httpx.Client]) -> None:
    pipeline, api = alerts
    with running(Receiver(then=503, delay_s=2.0)) as dead, running(Receiver()) as healthy:
        api.post("/v1/watchlists", json={"places": ["Kupiansk"], "webhook": dead.url, "name": "dead"})
        api.post("/v1/watchlists", json={"places": ["Kupiansk"], "webhook": healthy.url, "name": "healthy"})
        await _publish_mentions(pipeline, [_kupiansk_mention(n) for n in range(40, 46)])
        await eventually(lambda: len(healthy.accepted()) == 6, 60, "the healthy watchlist's six notifications")
        # Delivered one after another, the healthy receiver would have waited for 6 x 4 slow failed attempts.
        assert len(dead.requests) < 6 * 4, len(dead.requests)
        dlq = await read_topic(pipeline.settings.kafka_bootstrap, f"{pipeline.settings.topic_prefix}alerts.dlq",
                               until_count=6, timeout=90)
        assert len(dlq) == 6 and len(dead.requests) == 6 * 4
        assert len(healthy.accepted()) == 6
