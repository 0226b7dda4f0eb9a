"""What other teams rely on: the JSON Schemas in docs/schemas and docker-compose.yml agree with the code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from services.alerts.settings import AlertsSettings
from services.extract.settings import ExtractSettings
from services.ingest.settings import IngestSettings
from shared.schema_docs import render_schemas
from shared.settings import DEFAULT_KAFKA_PORT, DEFAULT_REDIS_PORT

ROOT = Path(__file__).resolve().parents[2]


def test_docs_schemas_match_the_models() -> None:
    rendered = render_schemas()
    on_disk = {p.name: p.read_text() for p in (ROOT / "docs" / "schemas").glob("*.schema.json")}
    assert on_disk == rendered, "docs/schemas/ is stale: run `frontwatch schemas`"
    for text in rendered.values():
        schema = json.loads(text)
        if "$ref" in schema:  # a recursive record (a digest notification holds notifications)
            schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[1]]
        assert "schema_version" in schema["properties"]


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # type: ignore[no-any-return]


def test_compose_runs_the_three_services_on_kafka_and_redis_with_healthchecks() -> None:
    services = _compose()["services"]
    assert {"kafka", "redis", "ingest", "extract", "alerts", "alerts-api"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:4.")
    assert "healthcheck" in services["kafka"] and "healthcheck" in services["redis"]
    for name in ("ingest", "extract", "alerts", "alerts-api"):
        assert services[name]["command"] == ["frontwatch", "run", name]
        assert services[name]["depends_on"]["kafka"]["condition"] == "service_healthy"


def test_compose_ports_and_variables_agree_with_the_settings_classes() -> None:
    services = _compose()["services"]
    assert f"{DEFAULT_KAFKA_PORT}:{DEFAULT_KAFKA_PORT}" in services["kafka"]["ports"][0]
    assert f"{DEFAULT_REDIS_PORT}:{DEFAULT_REDIS_PORT}" in services["redis"]["ports"][0]
    assert str(IngestSettings().ingest_port) in services["ingest"]["ports"][0]
    assert str(AlertsSettings().api_port) in services["alerts-api"]["ports"][0]
    classes = {"ingest": IngestSettings, "extract": ExtractSettings, "alerts": AlertsSettings, "alerts-api": AlertsSettings}
    for name, cls in classes.items():
        env = services[name]["environment"]
        known = {f"FRONTWATCH_{field.upper()}" for field in cls.model_fields}
        assert set(env) <= known, f"{name}: unknown variables {set(env) - known}"
        settings = cls(**{k.removeprefix("FRONTWATCH_").lower(): v for k, v in env.items()})
        assert settings.kafka_bootstrap in _advertised(services["kafka"]).values()
        assert settings.redis_url.endswith(f":{DEFAULT_REDIS_PORT}/0")


def _advertised(kafka: dict[str, Any]) -> dict[str, str]:
    """Listener name -> host:port the compose broker advertises."""
    pairs = (item.split("://") for item in kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"].split(","))
    return dict(pairs)


def test_compose_broker_is_reachable_from_the_host_cli_and_from_the_containers() -> None:
    # The CLI on the host uses the default bootstrap; the broker must advertise that address back to it,
    # and a different one (the service name) to the containers.
    kafka = _compose()["services"]["kafka"]
    advertised = _advertised(kafka)
    host_cli = f"127.0.0.1:{DEFAULT_KAFKA_PORT}"
    assert host_cli in advertised.values()
    assert any(addr.startswith("kafka:") for addr in advertised.values())
    listeners = dict(item.split("://") for item in kafka["environment"]["KAFKA_LISTENERS"].split(","))
    for name, addr in advertised.items():
        assert listeners[name].rsplit(":", 1)[1] == addr.rsplit(":", 1)[1], f"{name} advertises a port it does not listen on"
    assert f"{DEFAULT_KAFKA_PORT}:{DEFAULT_KAFKA_PORT}" in kafka["ports"][0]
