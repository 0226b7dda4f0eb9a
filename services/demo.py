"""``frontwatch demo``: the seeds through real Kafka and Redis, with a Kupiansk watchlist on a real webhook.

Each demo run has topics and Redis keys of its own (a ``demo-<time>-`` prefix),
so it shows the same result every time, including the second replay that
publishes nothing new and sends no second notification.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from pathlib import Path

from redis.asyncio import Redis
from rich.console import Console
from rich.table import Table

from services.alerts.store import WatchlistStore
from services.ingest.replay import replay_paths
from services.pipeline import LocalPipeline
from shared.codec import decode
from shared.devstack import stack_up
from shared.kafka import ensure_topics, read_topic
from shared.schemas import Event, Watchlist
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames

DEMO_PLACE = "Kupiansk"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_demo(seeds: Path, console: Console, timeout: float = 120.0) -> None:
    base = FrontwatchSettings()
    console.rule("1. stack: Kafka (KRaft) + Redis")
    stack_up(base)
    prefix = f"demo-{time.strftime('%Y%m%d%H%M%S')}-"
    workdir = base.state_dir / "demo" / prefix.rstrip("-")
    workdir.mkdir(parents=True, exist_ok=True)
    pipeline = LocalPipeline.isolated(prefix, workdir, FRONTWATCH_WEBHOOK_ALLOW_PRIVATE="1")
    settings = pipeline.settings
    topics = TopicNames.from_settings(settings)
    received = workdir / "notifications.jsonl"
    port = free_port()
    try:
        console.rule("2. services: extract, alerts, webhook sink")
        asyncio.run(ensure_topics(settings))
        pipeline.start(("extract", "alerts"))
        pipeline.sink(port, received)
        console.print(f"logs: {workdir}")
        from shared.gazetteer import load_gazetteer

        place = load_gazetteer().resolve_place(DEMO_PLACE)
        watchlist = Watchlist(
            id=uuid.uuid4().hex[:12], name=f"any mention of {DEMO_PLACE}", places=[DEMO_PLACE],
            place_ids=[place.geonameid] if place and place.geonameid else [],
            webhook=f"http://127.0.0.1:{port}/hooks/demo", mode="mentions",  # type: ignore[arg-type]
        )
        asyncio.run(_add_watchlist(settings, watchlist))
        console.print(f"watchlist {watchlist.id}: {watchlist.name} -> {watchlist.webhook}")

        console.rule(f"3. replay {seeds}")
        first = asyncio.run(replay_paths([str(seeds)], settings, console=console))
        console.print(f"published {first.published}, duplicate {first.duplicate}, rejected {len(first.rejected)}")
        mentions = asyncio.run(read_topic(settings.kafka_bootstrap, topics.mentions,
                                          until_count=first.published, timeout=timeout))
        _wait_quiet(received, seconds=3.0, timeout=30.0)

        console.rule("4. second replay of the same files")
        second = asyncio.run(replay_paths([str(seeds)], settings, console=console))
        console.print(f"published {second.published}, duplicate {second.duplicate}, rejected {len(second.rejected)}")
        _wait_quiet(received, seconds=2.0, timeout=10.0)

        raw_events = asyncio.run(read_topic(settings.kafka_bootstrap, topics.events, timeout=15.0, idle=2.0))
        events = [decode(Event, value) for _, value, _ in raw_events]
        console.print(_events_table(events))
        notifications = _read_jsonl(received)
        console.print(_notifications_table(notifications))
        console.print(
            f"[bold]{len(events)} events[/] from {first.published} articles "
            f"({len(mentions)} place-mention records); [bold]{len(notifications)} notifications[/] "
            f"for '{watchlist.name}'; second replay published {second.published}."
        )
    finally:
        pipeline.stop()
    console.print("Kafka and Redis keep running for further commands; `frontwatch stack down` stops them.")


async def _add_watchlist(settings: FrontwatchSettings, watchlist: Watchlist) -> None:
    client = Redis.from_url(settings.redis_url)
    try:
        await WatchlistStore(client, settings.topic_prefix).add(watchlist)
    finally:
        await client.aclose()


def _read_jsonl(path: Path) -> list[dict[str, object]]:
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
        elif time.monotonic() - since >= seconds and size > 0:
            return
        time.sleep(0.2)


def _events_table(events: list[Event]) -> Table:
    table = Table(title="events (topic: events)", show_lines=False)
    for col in ("source", "type", "side", "speaker", "place", "quantity", "conf", "evidence"):
        table.add_column(col, overflow="fold")
    for e in sorted(events, key=lambda e: (e.source, e.evidence.start)):
        table.add_row(e.source[:12], e.type, e.actor.side or "", e.speaker or "", e.location.name if e.location else "",
                      e.quantity.text if e.quantity else "", f"{e.confidence:.2f}", e.evidence.sentence[:90])
    return table


def _notifications_table(entries: list[dict[str, object]]) -> Table:
    table = Table(title="notifications received by the webhook")
    for col in ("kind", "place", "source", "idempotency key", "evidence"):
        table.add_column(col, overflow="fold")
    for entry in entries:
        body = entry["body"]
        headers = entry["headers"]
        if not isinstance(body, dict) or not isinstance(headers, dict):
            continue
        place = body.get("place") or {}
        table.add_row(str(body.get("kind")), str(place.get("name") if isinstance(place, dict) else ""),
                      str(body.get("source")), str(headers.get("idempotency-key")), str(body.get("evidence"))[:80])
    return table
