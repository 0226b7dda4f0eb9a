"""End-to-end alert latency: an article's publish ack to its webhook notification, on the real stack.

    .venv/bin/python bench/bench_latency.py [--rate 20] [--seconds 30] [--json]

Starts an isolated pipeline (its own topic prefix: extract, alerts and
alerts-api as ``frontwatch run`` processes), an HTTP receiver on loopback, and
one "mentions" watchlist on Kupiansk created through the API with a fresh
token. Publishes distinct seed articles (each with a unique line mentioning
Kupiansk) at a steady rate with replay's ``ArticlePublisher``, stamping each
article when Kafka acknowledges it; the receiver stamps each notification when
it arrives. Warm-up articles (faust start-up, gazetteer load, group join) are
not counted. Prints sent/received/lost and latency percentiles, plus where the
time goes (publish ack -> extract's ``mentions`` record -> webhook). Stops
what it started and deletes its topics and Redis keys unless ``--keep``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from aiokafka import AIOKafkaConsumer  # noqa: E402
from redis.asyncio import Redis  # noqa: E402

from services.alerts.store import TokenStore  # noqa: E402
from services.ingest.publisher import ArticlePublisher, RedisSeenArticles, seen_articles_key  # noqa: E402
from services.pipeline import LocalPipeline, remove_namespace, wait_until_healthy  # noqa: E402
from shared.articles import article_from_text  # noqa: E402
from shared.devstack import kafka_process, redis_process, stack_down, stack_status, stack_up  # noqa: E402
from shared.kafka import ensure_topics, make_producer, topic_partitions  # noqa: E402
from shared.schemas import Article  # noqa: E402
from shared.settings import FrontwatchSettings  # noqa: E402
from shared.topics import TopicNames  # noqa: E402

PLACE = "Kupiansk"
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


# --- the webhook receiver -------------------------------------------------------------------------


@dataclass
class Arrival:
    at: float  # time.monotonic() when the request body was read
    article_id: str
    kind: str


@dataclass
class TimingReceiver:
    """An ASGI webhook that answers 200 and stamps each notification's arrival (monotonic clock)."""

    arrivals: list[Arrival] = field(default_factory=list)
    bad: int = 0
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body"))
        at = time.monotonic()
        try:
            body = json.loads(b"".join(chunks))
            self.arrivals.append(Arrival(at, str(body["article_id"]), str(body.get("kind"))))
            status = 200
        except (ValueError, KeyError, TypeError):
            self.bad += 1
            status = 400
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"{}"})


class ReceiverThread:
    """``TimingReceiver`` served by uvicorn on 127.0.0.1 in a thread of its own (its own event loop)."""

    def __init__(self, receiver: TimingReceiver) -> None:
        config = uvicorn.Config(receiver, host="127.0.0.1", port=0, log_level="warning", lifespan="off", access_log=False)
        self.receiver = receiver
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="bench-receiver", daemon=True)

    def start(self, timeout: float = 10.0) -> None:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise TimeoutError("the bench receiver did not start")
            time.sleep(0.05)
        self.receiver.port = int(self.server.servers[0].sockets[0].getsockname()[1])

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(timeout=10)


# --- publishing -----------------------------------------------------------------------------------


class AckClock:
    """``SeenArticles`` for replay's publisher: ``add`` runs right after Kafka acked the send, so it stamps the time."""

    def __init__(self, inner: RedisSeenArticles) -> None:
        self.inner = inner
        self.called: dict[str, float] = {}  # when publish() was called (set by publish_steady)
        self.acked: dict[str, float] = {}
        self.acked_wall: dict[str, float] = {}

    async def contains(self, article_id: str) -> bool:
        return False  # every bench article is new (and publish is called with force=True anyway)

    async def add(self, article_id: str) -> None:
        self.acked[article_id] = time.monotonic()
        self.acked_wall[article_id] = time.time()
        await self.inner.add(article_id)


SHORT_TEXT = "Residents of {place} queued for bread at the central market on Sunday, report {n} of run {tag} said."


def make_articles(count: int, tag: str, corpus: str = "seeds") -> list[Article]:
    """``count`` distinct articles that mention Kupiansk.

    ``seeds``: a seed article (~3.4 KB, a dozen events each) with a unique last line;
    ``short``: one sentence with no military event, to see the pipeline without the events fan-out.
    """
    if corpus == "short":
        return [article_from_text(SHORT_TEXT.format(place=PLACE, n=n, tag=tag), source=f"bench-{tag}-{n}.txt")
                for n in range(count)]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [
        article_from_text(f"{seeds[n % len(seeds)].rstrip()}\n\nUpdate {tag}-{n}: shelling was reported near {PLACE}.",
                          source=f"bench-{tag}-{n}.txt")
        for n in range(count)
    ]


async def publish_steady(publisher: ArticlePublisher, clock: AckClock, articles: list[Article], rate: float) -> float:
    """Publish at ``rate``/s on a fixed schedule (open loop: a slow ack does not delay the next send); the seconds taken."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks: list[asyncio.Task[str]] = []
    for n, article in enumerate(articles):
        delay = start + n / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        clock.called[article.id] = time.monotonic()
        tasks.append(asyncio.create_task(publisher.publish(article, force=True)))
    await asyncio.gather(*tasks)
    return loop.time() - start


async def wait_for(receiver: TimingReceiver, ids: set[str], timeout: float, pipeline: LocalPipeline) -> set[str]:
    """The ids still missing once all arrived or at ``timeout``; fails at once if a service died."""
    deadline = time.monotonic() + timeout
    checked = 0.0
    while True:
        missing = ids - {a.article_id for a in list(receiver.arrivals)}
        if not missing or time.monotonic() > deadline:
            return missing
        if time.monotonic() - checked > 1.0:
            checked = time.monotonic()
            dead = [p.name for p in pipeline.processes if p.pid() is None]
            if dead:
                raise RuntimeError(f"service(s) {', '.join(dead)} exited; see the log tails above")
        await asyncio.sleep(0.1)


# --- set-up and clean-up --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def create_token(settings: FrontwatchSettings, name: str) -> str:
    client = Redis.from_url(settings.redis_url)
    try:
        return await TokenStore(client, settings.topic_prefix).create(name)
    finally:
        await client.aclose()


async def mention_times(settings: FrontwatchSettings, ids: set[str], timeout: float = 15.0) -> dict[str, float]:
    """When extract produced each article's ``mentions`` record (its CreateTime, wall clock seconds)."""
    topic = TopicNames.from_settings(settings).mentions
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    await consumer.start()
    found: dict[str, float] = {}
    try:
        tps = await topic_partitions(consumer, topic)
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any([await consumer.position(tp) < ends[tp] for tp in tps]):
            for messages in (await consumer.getmany(timeout_ms=200)).values():
                for m in messages:
                    key = (m.key or b"").decode()
                    if key in ids and key not in found:
                        found[key] = m.timestamp / 1000
    finally:
        await consumer.stop()
    return found


async def delete_namespace(settings: FrontwatchSettings) -> int:
    """Delete this run's topics and Redis keys (everything under its unique prefix); the number of topics."""
    prefix = settings.topic_prefix
    assert prefix.startswith("bench"), prefix  # noqa: S101 - never delete outside the bench's own namespace
    return len(await remove_namespace(settings, prefix))


# --- diagnostics: where the CPU goes, how many records an article becomes ----------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


@dataclass
class CpuSnapshot:
    at: float
    per_process: dict[str, float]
    machine: tuple[int, int]


def cpu_snapshot(pids: dict[str, int]) -> CpuSnapshot:
    return CpuSnapshot(time.monotonic(), {name: cpu_seconds(pid) for name, pid in pids.items()}, machine_ticks())


def cpu_usage(before: CpuSnapshot, after: CpuSnapshot) -> dict[str, float]:
    """Per process, % of one core over the window; ``machine`` is % of all cores busy."""
    wall = after.at - before.at
    usage = {name: 100 * (after.per_process[name] - before.per_process[name]) / wall for name in before.per_process}
    busy, total = (a - b for a, b in zip(after.machine, before.machine, strict=True))
    usage["machine (all cores)"] = 100 * busy / total if total else math.nan
    return usage


def watched_pids(pipeline: LocalPipeline) -> dict[str, int]:
    """The pipeline's services, the broker, Redis and this process: what shares the machine's cores."""
    pids = {proc.name: proc.pid() for proc in pipeline.processes}
    pids["kafka"] = kafka_process(pipeline.settings).pid()
    pids["redis"] = redis_process(pipeline.settings).pid()
    pids["bench (publisher + receiver)"] = os.getpid()
    return {name: pid for name, pid in pids.items() if pid is not None}


async def topic_counts(settings: FrontwatchSettings) -> dict[str, int]:
    """Records on each of the run's pipeline topics (sum of end offsets)."""
    topics = TopicNames.from_settings(settings)
    names = {"articles": topics.articles, "mentions": topics.mentions, "events": topics.events, "alerts": topics.alerts}
    if hasattr(topics, "extracted"):
        names["extracted (internal)"] = topics.extracted
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        counts: dict[str, int] = {}
        for label, topic in names.items():
            tps = await topic_partitions(consumer, topic)
            counts[label] = sum((await consumer.end_offsets(tps)).values()) if tps else 0
        return counts
    finally:
        await consumer.stop()


# --- the run --------------------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def summarize(values_ms: list[float]) -> dict[str, float]:
    v = sorted(values_ms)
    return {"p50": percentile(v, 50), "p90": percentile(v, 90), "p99": percentile(v, 99),
            "max": v[-1] if v else math.nan, "mean": sum(v) / len(v) if v else math.nan}


async def add_dead_watchlists(api_url: str, token: str, count: int) -> None:
    """``count`` more watchlists on the same place whose webhook refuses connections (nothing listens on the port)."""
    async with httpx.AsyncClient(base_url=api_url, headers={"authorization": f"Bearer {token}"}, timeout=10) as api:
        for n in range(count):
            response = await api.post("/v1/watchlists", json={
                "name": f"bench: dead receiver {n}", "places": [PLACE], "mode": "mentions",
                "webhook": f"http://127.0.0.1:{free_port()}/down", "rate_limit_per_minute": 10000})
            response.raise_for_status()
    await asyncio.sleep(2.0)  # the alerts worker re-reads watchlists every second (watchlist_cache_s)


async def measure(pipeline: LocalPipeline, receiver: TimingReceiver, args: argparse.Namespace, log: Callable[[str], None],
                  api_url: str, token: str) -> dict[str, Any]:
    settings = pipeline.settings
    tag = uuid.uuid4().hex[:8]
    warm = make_articles(args.warmup, f"warm{tag}", args.corpus)
    articles = make_articles(round(args.rate * args.seconds), tag, args.corpus)
    producer = make_producer(settings)
    await producer.start()
    redis = Redis.from_url(settings.redis_url)
    clock = AckClock(RedisSeenArticles(redis, seen_articles_key(TopicNames.from_settings(settings))))
    publisher = ArticlePublisher(producer, clock, TopicNames.from_settings(settings))
    try:
        started = time.monotonic()
        log(f"warm-up: {len(warm)} articles, waiting for their notifications (faust start-up, gazetteer load)")
        await publish_steady(publisher, clock, warm, rate=5.0)
        missing = await wait_for(receiver, {a.id for a in warm}, args.warmup_timeout, pipeline)
        if missing:
            raise TimeoutError(f"{len(missing)} warm-up notifications did not arrive within {args.warmup_timeout:.0f}s")
        log(f"warm-up done in {time.monotonic() - started:.1f}s; publishing {len(articles)} articles at {args.rate:g}/s")
        await asyncio.sleep(1.0)  # let the warm-up tail settle
        if args.dead_watchlists:
            log(f"adding {args.dead_watchlists} watchlist(s) whose receiver is down")
            await add_dead_watchlists(api_url, token, args.dead_watchlists)
        skip = len(receiver.arrivals)
        pids = watched_pids(pipeline)
        before = cpu_snapshot(pids)
        took = await publish_steady(publisher, clock, articles, rate=args.rate)
        cpu = cpu_usage(before, cpu_snapshot(pids))
        ids = {a.id for a in articles}
        missing = await wait_for(receiver, ids, args.drain, pipeline)
        await asyncio.sleep(1.0)  # late duplicates
    finally:
        await producer.stop()
        await redis.aclose()
    arrivals = [a for a in receiver.arrivals[skip:] if a.article_id in ids]
    first: dict[str, float] = {}
    for a in arrivals:
        first.setdefault(a.article_id, a.at)
    latencies = [(first[i] - clock.acked[i]) * 1000 for i in first]
    result: dict[str, Any] = {
        "rate": args.rate, "seconds": args.seconds, "corpus": args.corpus, "dead_watchlists": args.dead_watchlists,
        "publish_s": took,
        "sent": len(articles), "received": len(first), "lost": len(missing),
        "duplicates": len(arrivals) - len(first),
        "kinds": sorted({a.kind for a in arrivals}),
        "latency_ms": summarize(latencies),
        "publish_call_to_ack_ms": summarize([(clock.acked[i] - clock.called[i]) * 1000 for i in ids]),
        "cpu_percent": cpu,
    }
    if args.breakdown:
        produced = await mention_times(settings, ids)
        extract = [(produced[i] - clock.acked_wall[i]) * 1000 for i in ids if i in produced]
        wall_arrival = {i: clock.acked_wall[i] + (first[i] - clock.acked[i]) for i in first}
        alerts = [(wall_arrival[i] - produced[i]) * 1000 for i in first if i in produced]
        result["stages_ms"] = {"ack_to_mentions_record": summarize(extract), "mentions_record_to_webhook": summarize(alerts)}
        result["topic_records"] = await topic_counts(settings)
    if args.dump:
        t0 = min(clock.acked[a.id] for a in articles)
        lines = ["article_id,acked_s,latency_ms,ack_to_mentions_ms"]
        for art in sorted(articles, key=lambda x: clock.acked[x.id]):
            i = art.id
            lat = f"{(first[i] - clock.acked[i]) * 1000:.1f}" if i in first else ""
            ext = f"{(produced[i] - clock.acked_wall[i]) * 1000:.1f}" if args.breakdown and i in produced else ""
            lines.append(f"{i},{clock.acked[i] - t0:.3f},{lat},{ext}")
        await asyncio.to_thread(Path(args.dump).write_text, "\n".join(lines) + "\n", encoding="utf-8")
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    log: Callable[[str], None] = (lambda msg: print(f"[latency] {msg}", file=sys.stderr)) if not args.quiet else (lambda _: None)
    base = FrontwatchSettings()
    was_running = all(component.answering for component in stack_status(base))
    stack_up(base)  # a no-op when Kafka and Redis already answer (the usual case: other work shares them)
    prefix = f"bench{uuid.uuid4().hex[:8]}-"
    workdir = Path(tempfile.mkdtemp(prefix="frontwatch-bench-"))
    api_port = free_port()
    pipeline = LocalPipeline.isolated(prefix, workdir, FRONTWATCH_WEBHOOK_ALLOW_PRIVATE="1", FRONTWATCH_API_PORT=str(api_port))
    receiver = TimingReceiver()
    server = ReceiverThread(receiver)
    try:
        asyncio.run(ensure_topics(pipeline.settings))
        pipeline.start(("extract", "alerts", "alerts-api"))
        server.start()
        log(f"prefix {prefix}, logs in {workdir}, receiver {receiver.url}")
        wait_until_healthy(f"http://127.0.0.1:{api_port}/health")
        token = asyncio.run(create_token(pipeline.settings, "bench"))
        limit = 10000  # the API's maximum: the bench must measure single notifications, never digests
        with httpx.Client(base_url=f"http://127.0.0.1:{api_port}", headers={"authorization": f"Bearer {token}"},
                          timeout=10) as api:
            response = api.post("/v1/watchlists", json={"name": f"bench: any mention of {PLACE}", "places": [PLACE],
                                                        "mode": "mentions", "webhook": receiver.url,
                                                        "rate_limit_per_minute": limit})
            response.raise_for_status()
        if args.rate * min(args.seconds, 60) + args.warmup > limit:
            log(f"warning: more than {limit} notifications a minute; some will be folded into digests")
        result = asyncio.run(measure(pipeline, receiver, args, log, f"http://127.0.0.1:{api_port}", token))
        result["bad_requests"] = receiver.bad
        return result
    except BaseException:
        for proc in pipeline.processes:
            print(f"--- {proc.name} log (tail)\n{proc.log_tail(30)}", file=sys.stderr)
        raise
    finally:
        server.stop()
        pipeline.stop()
        if not args.keep:
            with contextlib.suppress(Exception):
                log(f"deleted {asyncio.run(delete_namespace(pipeline.settings))} topics of {prefix}")
            shutil.rmtree(workdir, ignore_errors=True)
        if not was_running and not args.keep:
            log(f"stopped the stack this bench started: {', '.join(stack_down(base)) or 'nothing'}")


def print_table(r: dict[str, Any]) -> None:
    lat = r["latency_ms"]
    print("| measure | value |")
    print("|---|---|")
    print(f"| load | {r['rate']:g} {r['corpus']} articles/s for {r['seconds']:g} s (publishing took {r['publish_s']:.1f} s) |")
    if r.get("dead_watchlists"):
        print(f"| other watchlists on the place whose receiver is down | {r['dead_watchlists']} |")
    print(f"| sent / received / lost / duplicates | {r['sent']} / {r['received']} / {r['lost']} / {r['duplicates']} |")
    for name in ("p50", "p90", "p99", "max", "mean"):
        print(f"| latency {name} | {lat[name]:.0f} ms |")
    ack = r["publish_call_to_ack_ms"]
    print(f"| before the clock starts: publish call to Kafka ack p50 / p99 / max | {ack['p50']:.0f} / {ack['p99']:.0f} / "
          f"{ack['max']:.0f} ms |")
    for stage, s in r.get("stages_ms", {}).items():
        print(f"| {stage.replace('_', ' ')} p50 / p99 / max | {s['p50']:.0f} / {s['p99']:.0f} / {s['max']:.0f} ms |")
    for name, percent in r.get("cpu_percent", {}).items():
        print(f"| CPU while publishing: {name} | {percent:.0f} % |")
    for topic, count in r.get("topic_records", {}).items():
        print(f"| records on {topic} (warm-up included) | {count} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=20.0, help="articles per second (default 20)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to publish (default 30)")
    parser.add_argument("--warmup", type=int, default=10, help="warm-up articles, not counted (default 10)")
    parser.add_argument("--warmup-timeout", type=float, default=120.0, help="seconds to wait for the warm-up notifications")
    parser.add_argument("--drain", type=float, default=30.0, help="seconds to wait for the last notifications")
    parser.add_argument("--corpus", choices=("seeds", "short"), default="seeds",
                        help="seeds: seed-sized articles (default); short: one event-free sentence each")
    parser.add_argument("--dead-watchlists", type=int, default=0, metavar="N",
                        help="after warm-up, add N watchlists on the same place whose webhook is down (head-of-line test)")
    parser.add_argument("--dump", metavar="CSV", help="write each article's ack time and latencies to this file")
    parser.add_argument("--no-breakdown", dest="breakdown", action="store_false", help="skip the per-stage times")
    parser.add_argument("--keep", action="store_true",
                        help="keep the run's topics, Redis keys and service logs (and the stack, if this run started it)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object (for run_all.py)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args()
    if args.rate <= 0 or args.seconds <= 0 or args.warmup < 1:
        parser.error("--rate and --seconds must be positive and --warmup at least 1")
    result = run(args)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    if result["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
