"""``frontwatch demo``: the seeds through real Kafka and Redis, with a Kupiansk watchlist on a real webhook.

It does what an operator and an analyst would: starts the stack and the
services (left running, so `frontwatch watch add ...` works afterwards),
creates an API token if the CLI has none, subscribes a webhook sink to "any
mention of Kupiansk" through the alerts API, replays the seeds (``--force``, so
a second demo re-extracts them too), replays them again to show that nothing is
published or notified twice, and prints the events and notifications.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer
from redis.asyncio import Redis
from rich.console import Console
from rich.table import Table

from services.alerts.client import AlertsClient, ApiClientError, ClientConfig
from services.alerts.settings import AlertsSettings
from services.alerts.store import TokenStore
from services.ingest.replay import replay_paths
from services.pipeline import wait_until_healthy
from shared.articles import read_articles
from shared.codec import RecordT, decode
from shared.devstack import SERVICES, ManagedProcess, service_process, stack_up
from shared.kafka import ensure_topics, topic_partitions
from shared.schemas import Article, ArticlePlaces, Event
from shared.topics import TopicNames

DEMO_PLACE = "Kupiansk"
DEMO_NAME = f"demo: any mention of {DEMO_PLACE}"
SINK_PORT = 18089


def run_demo(seeds: Path, console: Console, timeout: float = 120.0) -> None:
    settings = AlertsSettings(webhook_allow_private=True)
    topics = TopicNames.from_settings(settings)
    console.rule("1. stack: Kafka (KRaft) + Redis")
    stack_up(settings)
    asyncio.run(ensure_topics(settings))

    console.rule("2. services: ingest, extract, alerts, alerts-api, webhook sink")
    env = {"FRONTWATCH_WEBHOOK_ALLOW_PRIVATE": "1"}  # the demo's receiver is on loopback
    for name in SERVICES:
        proc = service_process(settings, name, env=env)
        proc.stop()  # restarted, so the demo runs the code of this checkout
        console.print(f"{name}: pid {proc.start()}  log {proc.log_file}")
    received = settings.state_dir / "demo" / "notifications.jsonl"
    received.parent.mkdir(parents=True, exist_ok=True)
    sink = ManagedProcess(name="webhook-sink", workdir=settings.state_dir / "services", marker="webhook-sink",
                          argv=[sys.executable, "-m", "services.cli", "webhook-sink", "--port", str(SINK_PORT),
                                "--out", str(received)])
    console.print(f"webhook-sink: pid {sink.start()}  writes {received}")
    api_url = f"http://{settings.api_host}:{settings.api_port}"
    wait_until_healthy(f"{api_url}/health", timeout)
    wait_until_healthy(f"http://127.0.0.1:{SINK_PORT}/received", timeout)

    console.rule(f"3. watchlist: {DEMO_NAME}")
    client = AlertsClient(_client_config(settings, api_url, console))
    for old in client.request("GET", "/v1/watchlists"):
        if old["name"] == DEMO_NAME:
            client.request("DELETE", f"/v1/watchlists/{old['id']}")
    watchlist = client.request("POST", "/v1/watchlists", json={
        "name": DEMO_NAME, "places": [DEMO_PLACE], "mode": "mentions",
        "webhook": f"http://127.0.0.1:{SINK_PORT}/hooks/demo",
    })
    console.print(f"watchlist {watchlist['id']} -> {watchlist['webhook']} (place ids {watchlist['place_ids']})")

    console.rule(f"4. replay {seeds}")
    article_ids = {a.id for a in read_articles([str(seeds)]) if isinstance(a, Article)}
    events_from = asyncio.run(_end_offsets(settings.kafka_bootstrap, topics.events))
    mentions_from = asyncio.run(_end_offsets(settings.kafka_bootstrap, topics.mentions))
    already = len(_read_jsonl(received))
    first = asyncio.run(replay_paths([str(seeds)], settings, console=console, force=True))
    console.print(f"published {first.published}, duplicate {first.duplicate}, rejected {len(first.rejected)}")
    console.print("waiting for extract and alerts ...")
    _wait_for_mentions(settings.kafka_bootstrap, topics.mentions, mentions_from, article_ids, timeout)
    _wait_quiet(received, seconds=3.0, timeout=30.0)

    console.rule("5. the same files again: nothing new is published or notified")
    second = asyncio.run(replay_paths([str(seeds)], settings, console=console))
    console.print(f"published {second.published}, duplicate {second.duplicate}, rejected {len(second.rejected)}")
    _wait_quiet(received, seconds=3.0, timeout=10.0)

    fresh = asyncio.run(_records_since(settings.kafka_bootstrap, topics.events, events_from, Event))
    events = list({e.id: e for e in fresh if e.article_id in article_ids}.values())
    notifications = [n for n in _read_jsonl(received)[already:] if n["body"].get("watchlist_id") == watchlist["id"]]
    console.print(_events_table(events))
    console.print(_notifications_table(notifications))
    console.print(
        f"[bold]{len(events)} events[/] from {len(article_ids)} articles; "
        f"[bold]{len(notifications)} notifications[/] for '{DEMO_NAME}' "
        f"({', '.join(sorted(n['body']['source'] for n in notifications))}); "
        f"second replay published {second.published}."
    )
    console.print("Services keep running (`frontwatch services status`); try "
                  f"`frontwatch watch add --place Kupyansk --webhook http://127.0.0.1:{SINK_PORT}/mine`. "
                  "`make down` stops everything.")


def _client_config(settings: AlertsSettings, api_url: str, console: Console) -> ClientConfig:
    """The CLI's saved token if the API accepts it; otherwise a new 'demo' token, saved for later commands."""
    config = ClientConfig.load(api_url)
    if config.token:
        try:
            AlertsClient(config).request("GET", "/v1/watchlists")
            return config
        except ApiClientError:
            pass
    token = asyncio.run(_create_token(settings))
    config = ClientConfig(api_url=api_url, token=token)
    console.print(f"created API token 'demo', saved to {config.save()}")
    return config


async def _create_token(settings: AlertsSettings) -> str:
    client = Redis.from_url(settings.redis_url)
    try:
        return await TokenStore(client, settings.topic_prefix).create("demo")
    finally:
        await client.aclose()


async def _end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = await topic_partitions(consumer, topic)
        return {tp.partition: offset for tp, offset in (await consumer.end_offsets(tps)).items()}
    finally:
        await consumer.stop()


async def _records_since(bootstrap: str, topic: str, offsets: dict[int, int], model: type[RecordT]) -> list[RecordT]:
    """The records of ``topic`` published after ``offsets`` (partition -> offset)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    found: list[RecordT] = []
    try:
        tps = await topic_partitions(consumer, topic)
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        for tp in tps:
            consumer.seek(tp, offsets.get(tp.partition, 0))
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            for messages in (await consumer.getmany(timeout_ms=500)).values():
                found.extend(decode(model, m.value) for m in messages)
    finally:
        await consumer.stop()
    return found


def _wait_for_mentions(bootstrap: str, topic: str, offsets: dict[int, int], article_ids: set[str], timeout: float) -> None:
    """Wait until the extract service has published the place mentions of every article (its last output)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        records = asyncio.run(_records_since(bootstrap, topic, offsets, ArticlePlaces))
        if {r.article_id for r in records} >= article_ids:
            return
        time.sleep(1)
    raise TimeoutError(f"extract did not process the articles within {timeout:.0f}s; see `frontwatch services status`")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _wait_quiet(path: Path, seconds: float, timeout: float) -> None:
    """Wait until ``path`` stops growing for ``seconds`` (or ``timeout``)."""
    deadline = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now_size = path.stat().st_size if path.exists() else 0
        if now_size != size:
            size, since = now_size, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return
        time.sleep(0.2)


def _events_table(events: list[Event]) -> Table:
    table = Table(title="events (topic: events)")
    for col in ("source", "type", "side", "speaker", "place", "quantity", "date", "conf", "story"):
        table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=28, min_width=4)
    table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=60)
    for e in sorted(events, key=lambda e: (e.source, e.evidence.start)):
        table.add_row(e.source[:8], e.type, e.actor.side or "", e.speaker or "", e.location.name if e.location else "",
                      e.quantity.text if e.quantity else "", e.occurred.date.isoformat() if e.occurred else "",
                      f"{e.confidence:.2f}", (e.story_id or "")[:8] + (" disputed" if e.disputed else ""),
                      e.evidence.sentence)
    return table


def _notifications_table(entries: list[dict[str, Any]]) -> Table:
    table = Table(title="notifications received by the webhook sink")
    for col in ("kind", "place", "source", "signed", "idempotency key"):
        table.add_column(col, no_wrap=True)
    table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=70)
    for entry in entries:
        body, headers = entry["body"], entry["headers"]
        place = body.get("place") or {}
        table.add_row(str(body.get("kind")), str(place.get("name", "")), str(body.get("source")),
                      "yes" if "x-frontwatch-signature" in headers else "no", str(headers.get("idempotency-key")),
                      str(body.get("evidence")))
    return table
