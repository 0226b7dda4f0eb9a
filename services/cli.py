"""``frontwatch``: the one command line of the project (the composition root of each service).

    frontwatch stack up|down|status        Kafka + Redis on loopback, no Docker
    frontwatch services up|down|status     ingest, extract, alerts in the background
    frontwatch run ingest|extract|alerts   one service in the foreground
    frontwatch replay PATH...              publish article files to Kafka
    frontwatch extract FILE... --jsonl     run the extractor offline, no Kafka
    frontwatch watch add|list|rm           manage watchlists
    frontwatch webhook-sink                print the notifications a webhook receives
    frontwatch demo                        the whole pipeline on seeds/, with tables
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from redis.asyncio import Redis
from rich.console import Console
from rich.table import Table

from services.alerts.client import AlertsClient
from shared.devstack import (
    SERVICES,
    ComponentStatus,
    ManagedProcess,
    StackError,
    service_process,
    stack_down,
    stack_status,
    stack_up,
)
from shared.settings import FrontwatchSettings

T = TypeVar("T")

app = typer.Typer(help="Frontwatch: war reporting in, events and alerts out.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
stack_app = typer.Typer(help="The dev stack: a real Kafka (KRaft) and Redis on loopback ports of their own.")
services_app = typer.Typer(help="Run ingest, extract and alerts in the background (pid files, logs).")
watch_app = typer.Typer(help="Watchlists: what analysts subscribe to (through the alerts API).")
token_app = typer.Typer(help="API tokens (operators).")
alerts_app = typer.Typer(help="Alert delivery (operators).")
app.add_typer(token_app, name="token")
app.add_typer(alerts_app, name="alerts")
app.add_typer(stack_app, name="stack")
app.add_typer(services_app, name="services")
app.add_typer(watch_app, name="watch")

console = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


# --- stack ------------------------------------------------------------------------------------


@stack_app.command("up")
def stack_up_cmd() -> None:
    """Start Kafka and Redis (idempotent); returns when both answer."""
    settings = FrontwatchSettings()
    try:
        statuses = stack_up(settings)
    except StackError as exc:
        _fail(str(exc))
    _print_stack(statuses, settings)


@stack_app.command("down")
def stack_down_cmd() -> None:
    """Stop the Kafka and Redis processes that `stack up` started."""
    stopped = stack_down(FrontwatchSettings())
    console.print(f"stopped: {', '.join(stopped) if stopped else 'nothing was running'}")


@stack_app.command("status")
def stack_status_cmd() -> None:
    """Show each component, its pid, whether it answers, and its log file."""
    settings = FrontwatchSettings()
    statuses = stack_status(settings)
    _print_stack(statuses, settings)
    if not all(s.answering for s in statuses):
        raise typer.Exit(3)


def _print_stack(statuses: list[ComponentStatus], settings: FrontwatchSettings) -> None:
    table = Table(title=f"Frontwatch stack (state: {settings.state_dir})")
    for col in ("component", "address", "pid", "answering", "log"):
        table.add_column(col)
    for s in statuses:
        table.add_row(s.name, s.address, str(s.pid or "-"), "yes" if s.answering else "no", str(s.log))
    console.print(table)


# --- services ---------------------------------------------------------------------------------


class Service(StrEnum):
    ingest = "ingest"
    extract = "extract"
    alerts = "alerts"
    alerts_api = "alerts-api"


@services_app.command("up")
def services_up(extract_workers: Annotated[int, typer.Option(min=1, max=16)] = 1) -> None:
    """Start the three services in the background (several extract workers share the partitions)."""
    settings = FrontwatchSettings()
    _ensure_topics(settings)
    for name in SERVICES:
        for index in range(extract_workers if name == "extract" else 1):
            proc = service_process(settings, name, index)
            pid = proc.start()
            console.print(f"{proc.name}: pid {pid}, log {proc.log_file}")


@services_app.command("down")
def services_down() -> None:
    """Stop the services that `services up` started."""
    settings = FrontwatchSettings()
    stopped = [p.name for p in _all_service_processes(settings) if p.stop()]
    console.print(f"stopped: {', '.join(stopped) if stopped else 'nothing was running'}")


@services_app.command("status")
def services_status() -> None:
    settings = FrontwatchSettings()
    table = Table(title="Frontwatch services")
    for col in ("service", "pid", "log"):
        table.add_column(col)
    for proc in _all_service_processes(settings):
        pid = proc.pid()
        if pid or proc.name in SERVICES:
            table.add_row(proc.name, str(pid or "-"), str(proc.log_file))
    console.print(table)


def _all_service_processes(settings: FrontwatchSettings) -> list[ManagedProcess]:
    procs = [service_process(settings, name, i) for name in SERVICES for i in range(16 if name == "extract" else 1)]
    # the demo's webhook sink lives beside the services and stops with them
    return [*procs, ManagedProcess(name="webhook-sink", argv=[], workdir=settings.state_dir / "services", marker="webhook-sink")]


def _ensure_topics(settings: FrontwatchSettings) -> None:
    from shared.kafka import ensure_topics

    created = asyncio.run(ensure_topics(settings))
    if created:
        err.print(f"created topics: {', '.join(created)}")


@app.command("run")
def run_service(service: Service) -> None:
    """Run one service in the foreground until interrupted."""
    from shared.logs import configure_logging

    configure_logging()
    settings = FrontwatchSettings()
    _ensure_topics(settings)
    if service is Service.ingest:
        import uvicorn

        from services.ingest.app import create_app
        from services.ingest.settings import IngestSettings

        ingest = IngestSettings()
        uvicorn.run(create_app(ingest), host=ingest.ingest_host, port=ingest.ingest_port, log_level=ingest.log_level)
        return
    if service is Service.alerts_api:
        import uvicorn

        from services.alerts.api import create_api
        from services.alerts.settings import AlertsSettings

        alerts = AlertsSettings()
        uvicorn.run(create_api(alerts), host=alerts.api_host, port=alerts.api_port, log_level=alerts.log_level)
        return
    from faust import Worker

    from shared.metrics import serve_metrics

    serve_metrics(settings.metrics_port)
    if service is Service.extract:
        from services.extract.app import app as faust_app
        from shared.gazetteer import load_gazetteer

        # Loaded before the worker joins its group, not on the first article: that load would block the
        # event loop (0.5 s from the cache, about 3 s without) while the group hands partitions over.
        load_gazetteer()
    else:
        from services.alerts.app import app as faust_app
    Worker(faust_app, loglevel=settings.log_level.upper()).execute_from_commandline()


# --- replay -----------------------------------------------------------------------------------


@app.command("replay")
def replay(
    paths: Annotated[list[str], typer.Argument(help="files, folders or globs (.txt, .json, .jsonl)")],
    force: Annotated[bool, typer.Option(help="publish again articles already published (to re-extract them)")] = False,
) -> None:
    """Publish article files to the `articles` topic; each distinct text once."""
    from services.ingest.replay import replay_paths

    settings = FrontwatchSettings()
    summary = asyncio.run(replay_paths(paths, settings, console=err, force=force))
    table = Table(title="replay")
    for col in ("published", "duplicate", "rejected"):
        table.add_column(col, justify="right")
    table.add_row(str(summary.published), str(summary.duplicate), str(len(summary.rejected)))
    console.print(table)
    for origin, reason in summary.rejected:
        err.print(f"[yellow]rejected[/] {origin}: {reason}")
    if summary.published + summary.duplicate == 0 and not summary.rejected:
        _fail("no article files found under the given paths")


@app.command("feed")
def feed(
    urls: Annotated[list[str], typer.Argument(help="RSS 2.0 or Atom feed URLs")],
    interval: Annotated[float, typer.Option(min=5, help="seconds between polls")] = 300.0,
    once: Annotated[bool, typer.Option(help="poll each feed once and exit")] = False,
) -> None:
    """Follow news feeds: publish each new item to the `articles` topic (duplicates skipped)."""
    from services.ingest.feed import follow_feeds

    asyncio.run(follow_feeds(urls, FrontwatchSettings(), interval_s=interval, once=once, report=console.print))


# --- extract offline ----------------------------------------------------------------------------


@app.command("extract")
def extract_offline(
    files: Annotated[list[str], typer.Argument(help="article files, folders or globs")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="one JSON object a line (events, then the article's places)")] = False,
) -> None:
    """Run the extractor on files, without Kafka; print events (and each article's places)."""
    from services.extract.events import extract_article, written_name
    from shared.articles import Rejected, read_articles

    table = Table(title="events") if not jsonl else None
    if table is not None:
        for col in ("source", "type", "side", "speaker", "place", "quantity", "conf", "evidence"):
            table.add_column(col, overflow="fold")
    for item in read_articles(files):
        if isinstance(item, Rejected):
            err.print(f"[yellow]rejected[/] {item.origin}: {item.reason}")
            continue
        events, places = extract_article(item)
        for event in events:
            if table is None:
                sys.stdout.write(json.dumps({"source": item.source, **event.model_dump(mode="json")}, ensure_ascii=False) + "\n")
            else:
                table.add_row(item.source, event.type, event.actor.side or "", event.speaker or "",
                              event.location.name if event.location else "", event.quantity.text if event.quantity else "",
                              f"{event.confidence:.2f}", event.evidence.sentence[:120])
        if table is None:
            # "name" is the place as the article writes it (what its reader, and a watchlist, sees: "Selidovo",
            # "Куп'янськ"); "canonical" is the gazetteer's name for the same geonameid ("Selydove", "Kupiansk").
            record = {"source": item.source, "places": [
                {"name": written_name(p), "canonical": p.name,
                 **p.model_dump(mode="json", exclude={"text", "name", "canonical"})}
                for p in places
            ]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if table is not None:
        console.print(table)


# --- watchlists, tokens, redelivery --------------------------------------------------------------


def _client() -> AlertsClient:
    from services.alerts.client import AlertsClient, ApiClientError, ClientConfig
    from services.alerts.settings import AlertsSettings

    s = AlertsSettings()
    try:
        return AlertsClient(ClientConfig.load(f"http://{s.api_host}:{s.api_port}"))
    except ApiClientError as exc:
        _fail(str(exc))


def _call(method: str, path: str, **kwargs: Any) -> Any:
    from services.alerts.client import ApiClientError

    try:
        return _client().request(method, path, **kwargs)
    except ApiClientError as exc:
        _fail(str(exc), code=2 if exc.status and exc.status < 500 else 1)


@watch_app.command("add")
def watch_add(
    place: Annotated[list[str] | None, typer.Option("--place", help="a place name, any spelling; repeatable")] = None,
    webhook: Annotated[str, typer.Option("--webhook", help="the URL notifications are POSTed to")] = "",
    mode: Annotated[str, typer.Option(help="mentions: any article naming the place; events: matching events")] = "mentions",
    near: Annotated[str | None, typer.Option(help="geofence centre (a place name); with --radius-km")] = None,
    radius_km: Annotated[float | None, typer.Option(help="geofence radius in km")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="advance, withdrawal, deployment, statement")] = None,
    side: Annotated[list[str] | None, typer.Option("--side", help="ISO alpha-3 side, e.g. RUS")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="drop events below this confidence")] = None,
    exclude_hedged: Annotated[bool, typer.Option(help="drop 'reportedly'/'allegedly' events")] = False,
    keywords: Annotated[str | None, typer.Option(help='e.g. tanks AND ("armoured vehicles" OR artillery)')] = None,
    slack: Annotated[bool, typer.Option(help="send a Slack-compatible body")] = False,
    name: Annotated[str | None, typer.Option(help="a label for the watchlist")] = None,
) -> None:
    """Subscribe a webhook to places, a geofence or keywords."""
    body: dict[str, Any] = {"webhook": webhook, "mode": mode, "places": place or [], "exclude_hedged": exclude_hedged}
    if near or radius_km:
        body["near"] = {"place": near, "radius_km": radius_km or 25.0}
    for key, value in (("types", event_type), ("sides", side), ("min_confidence", min_confidence),
                       ("keywords", keywords), ("name", name)):
        if value is not None:
            body[key] = value
    if slack:
        body["format"] = "slack"
    created = _call("POST", "/v1/watchlists", json=body)
    console.print(f"watchlist [bold]{created['id']}[/]: {', '.join(created['places']) or created.get('geofence')} "
                  f"-> {created['webhook']} [{created['mode']}]")
    console.print(f"signing secret (shown once): {created['secret']}")


@watch_app.command("list")
def watch_list() -> None:
    """List your watchlists."""
    table = Table(title="watchlists")
    for col in ("id", "name", "places", "mode", "filters", "webhook"):
        table.add_column(col, overflow="fold")
    for w in _call("GET", "/v1/watchlists"):
        filters = " ".join(f for f in (",".join(w["types"]), ",".join(w["sides"]), w["keywords"] or "") if f)
        fence = w.get("geofence")
        where = ", ".join(w["places"]) + (f" {fence['radius_km']} km of {fence.get('place') or (fence['lat'], fence['lon'])}"
                                          if fence else "")
        table.add_row(w["id"], w["name"] or "", where, w["mode"], filters, w["webhook"])
    console.print(table)


@watch_app.command("rm")
def watch_rm(watchlist_id: str) -> None:
    """Remove a watchlist."""
    _call("DELETE", f"/v1/watchlists/{watchlist_id}")
    console.print(f"removed {watchlist_id}")


@watch_app.command("log")
def watch_log(watchlist_id: str, limit: int = 50) -> None:
    """The delivery log of a watchlist: sent, retrying, failed."""
    table = Table(title=f"deliveries of {watchlist_id}")
    for col in ("at", "notification", "status", "attempt", "code", "error"):
        table.add_column(col, overflow="fold")
    for entry in _call("GET", f"/v1/watchlists/{watchlist_id}/notifications", params={"limit": limit}):
        table.add_row(entry["at"], entry["notification_id"], entry["status"], str(entry["attempt"]),
                      str(entry["status_code"] or ""), entry["error"] or "")
    console.print(table)


@token_app.command("create")
def token_create(
    name: str,
    save: Annotated[bool, typer.Option(help="write it to the CLI config file")] = True,
) -> None:
    """Create an API token for a tenant (an operator's command: it talks to Redis directly)."""
    from services.alerts.client import ClientConfig
    from services.alerts.settings import AlertsSettings
    from services.alerts.store import TokenStore

    s = AlertsSettings()
    token = asyncio.run(_with_redis(s, lambda client: TokenStore(client, s.topic_prefix).create(name)))
    console.print(f"token for {name}: {token}")
    if save:
        path = ClientConfig(api_url=f"http://{s.api_host}:{s.api_port}", token=token).save()
        console.print(f"saved to {path}")


@alerts_app.command("redeliver")
def alerts_redeliver() -> None:
    """Send again the notifications on alerts.dlq whose receivers have recovered."""
    from services.alerts.redeliver import redeliver
    from services.alerts.settings import AlertsSettings

    summary = asyncio.run(redeliver(AlertsSettings()))
    console.print(f"delivered {summary.delivered}, failed again {summary.failed}, skipped {summary.skipped}")
    if summary.failed:
        raise typer.Exit(1)


async def _with_redis(settings: FrontwatchSettings, action: Callable[[Redis], Awaitable[T]]) -> T:
    client = Redis.from_url(settings.redis_url)
    try:
        return await action(client)
    finally:
        await client.aclose()


# --- webhook sink, schemas, demo ----------------------------------------------------------------


@app.command("webhook-sink")
def webhook_sink(
    host: str = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 18089,
    out: Annotated[Path | None, typer.Option(help="append each notification to this JSON-lines file")] = None,
) -> None:
    """Receive webhook notifications and print them."""
    import uvicorn

    from services.alerts.sink import create_sink_app

    uvicorn.run(create_sink_app(out), host=host, port=port, log_level="warning")


@app.command("schemas")
def schemas(check: Annotated[bool, typer.Option(help="fail if docs/schemas/ differs from the models")] = False,
            folder: Path = Path("docs/schemas")) -> None:
    """Write (or check) the JSON Schema of every topic record."""
    from shared.schema_docs import render_schemas

    stale = []
    for filename, text in render_schemas().items():
        target = folder / filename
        if check:
            if not target.exists() or target.read_text() != text:
                stale.append(str(target))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    if stale:
        _fail(f"out of date: {', '.join(stale)}; run `frontwatch schemas`")


@app.command("demo")
def demo(seeds: Path = Path("seeds"), timeout: float = 120.0) -> None:
    """The whole pipeline on the seed articles: stack, services, a Kupiansk watchlist, tables."""
    from services.demo import run_demo

    run_demo(seeds, console, timeout=timeout)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
