"""Ingest on real Kafka and Redis: replay and POST /articles publish each distinct article once."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path

import httpx
import pytest

from services.ingest.replay import replay_paths
from services.pipeline import LocalPipeline
from shared.codec import decode
from shared.kafka import read_topic
from shared.schemas import Article, DeadLetter
from shared.settings import FrontwatchSettings
from shared.topics import TopicNames
from tests.conftest import SEEDS

pytestmark = pytest.mark.integration


async def test_replay_publishes_each_article_once_keyed_by_id(isolated: FrontwatchSettings) -> None:
    topics = TopicNames.from_settings(isolated)
    first = await replay_paths([str(SEEDS)], isolated)
    second = await replay_paths([str(SEEDS / "*.txt")], isolated)
    assert (first.published, first.duplicate, second.published, second.duplicate) == (5, 0, 0, 5)
    records = await read_topic(isolated.kafka_bootstrap, topics.articles, until_count=6, timeout=5)
    articles = [decode(Article, value) for _, value, _ in records]
    assert len(articles) == 5
    assert all(key == a.id.encode() for (key, _, _), a in zip(records, articles, strict=True))
    assert {a.source for a in articles} == {p.name for p in SEEDS.glob("*.txt")}


async def test_replay_rejects_non_articles_to_the_dlq_and_goes_on(isolated: FrontwatchSettings, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "fine.txt").write_text(f"A fine article written at {time.time()}.")
    summary = await replay_paths([str(tmp_path)], isolated)
    assert summary.published == 1 and len(summary.rejected) == 2
    dlq_topic = TopicNames.from_settings(isolated).dlq("articles")
    dlq = await read_topic(isolated.kafka_bootstrap, dlq_topic, until_count=2, timeout=10)
    reasons = sorted(decode(DeadLetter, value).reason for _, value, _ in dlq)
    assert any("empty file" in r for r in reasons) and any("binary" in r for r in reasons)
    assert all(dict(headers)["x-frontwatch-reason"] for _, _, headers in dlq)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_post_articles_over_http(isolated: FrontwatchSettings, tmp_path: Path) -> None:
    port = _free_port()
    pipeline = LocalPipeline.isolated(isolated.topic_prefix, tmp_path, FRONTWATCH_INGEST_PORT=str(port))
    pipeline.start(("ingest",))
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await client.get("/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, pipeline.service("ingest").log_tail()
                await asyncio.sleep(0.3)
            body = {"text": f"Troops were deployed to the border {time.time()}.", "url": "https://example.org/x"}
            first = await client.post("/articles", json=body)
            again = await client.post("/articles", json=body)
            bad = await client.post("/articles", json={"title": "no text", "published": "yesterday"})
            not_json = await client.post("/articles", content=b"{", headers={"content-type": "application/json"})
            metrics = (await client.get("/metrics/")).text
    finally:
        pipeline.stop()
    assert first.status_code == 202 and first.json()["status"] == "published"
    assert again.status_code == 202 and again.json() == {"id": first.json()["id"], "status": "duplicate"}
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"text", "published"}
    assert not_json.status_code == 422 and not_json.headers["content-type"] == "application/json"
    assert 'frontwatch_articles_ingested_total{outcome="published"} 1.0' in metrics
    assert 'frontwatch_articles_ingested_total{outcome="duplicate"} 1.0' in metrics
    records = await read_topic(isolated.kafka_bootstrap, TopicNames.from_settings(isolated).articles, until_count=1, timeout=10)
    assert json.loads(records[0][1] or b"{}")["url"] == "https://example.org/x"


async def test_a_feed_poll_publishes_new_items_and_skips_ones_already_seen(isolated: FrontwatchSettings) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from services.ingest.feed import follow_feeds

    stamp = time.time()
    rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           f"<item><title>Forces regroup {stamp}</title><description>Troops were moved to the north.</description></item>"
           f"<item><title>Second {stamp}</title><description>Another report.</description></item>"
           f"</channel></rss>").encode()

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(rss)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/rss"
    lines: list[str] = []
    try:
        await follow_feeds([url], isolated, interval_s=5, once=True, report=lines.append)
        await follow_feeds([url], isolated, interval_s=5, once=True, report=lines.append)
    finally:
        server.shutdown()
    assert lines == [f"{url}: published 2, duplicate 0", f"{url}: published 0, duplicate 2"]
    records = await read_topic(isolated.kafka_bootstrap, TopicNames.from_settings(isolated).articles, until_count=2, timeout=10)
    assert {decode(Article, v).source for _, v, _ in records} == {url}
