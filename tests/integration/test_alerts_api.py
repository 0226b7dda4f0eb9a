"""The watchlist API as a client sees it, on a real API process and real Redis: auth, isolation, validation."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import httpx
import pytest
import redis

from services.alerts.store import hash_token
from services.pipeline import LocalPipeline, remove_namespace, wait_until_healthy
from shared.settings import FrontwatchSettings
from tests.e2e.conftest import free_port

pytestmark = pytest.mark.integration

PUBLIC_HOOK = "https://93.184.216.34/hook"  # a public address: passes the SSRF guard without DNS


def wait_healthy(url: str, proc_log: str = "", timeout: float = 60) -> None:
    try:
        wait_until_healthy(url, timeout)
    except TimeoutError as exc:
        pytest.fail(f"{exc}\n{proc_log}")


def create_token(settings: FrontwatchSettings, name: str) -> str:
    """As an operator does: `frontwatch token create NAME`."""
    env = {**os.environ, "FRONTWATCH_TOPIC_PREFIX": settings.topic_prefix, "COLUMNS": "300"}
    out = subprocess.run([sys.executable, "-m", "services.cli", "token", "create", name, "--no-save"],
                         env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    return out.split(f"token for {name}: ", 1)[1].split()[0]


@pytest.fixture(scope="module")
def isolated(stack: FrontwatchSettings) -> Iterator[FrontwatchSettings]:
    """One namespace for this module: the API process is started once for all its tests."""
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    yield stack.model_copy(update={"topic_prefix": prefix})
    asyncio.run(remove_namespace(stack, prefix))


@pytest.fixture(scope="module")
def api(isolated: FrontwatchSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    pipeline = LocalPipeline.isolated(isolated.topic_prefix, tmp_path_factory.mktemp("api"), FRONTWATCH_API_PORT=str(port))
    pipeline.start(("alerts-api",))
    try:
        wait_healthy(f"http://127.0.0.1:{port}/health", pipeline.service("alerts-api").log_tail())
        yield f"http://127.0.0.1:{port}"
    finally:
        pipeline.stop()


def _client(api: str, token: str | None) -> httpx.Client:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=api, headers=headers, timeout=10)


def test_no_token_or_a_wrong_token_is_401_with_a_json_body(api: str) -> None:
    for client in (_client(api, None), _client(api, "fw_not-a-real-token")):
        response = client.get("/v1/watchlists")
        assert response.status_code == 401
        assert response.json()["error"] in ("missing bearer token", "invalid token")
        assert response.headers["www-authenticate"] == "Bearer"


def test_each_tenant_sees_and_changes_only_its_own_watchlists(api: str, isolated: FrontwatchSettings) -> None:
    alice, bob = _client(api, create_token(isolated, "alice")), _client(api, create_token(isolated, "bob"))
    created = alice.post("/v1/watchlists", json={"places": ["Kupyansk"], "webhook": PUBLIC_HOOK})
    assert created.status_code == 201, created.text
    wl = created.json()
    assert wl["secret"] and wl["place_ids"]
    assert alice.get(f"/v1/watchlists/{wl['id']}").json()["secret"] is None  # shown once only
    for response in (bob.get(f"/v1/watchlists/{wl['id']}"), bob.patch(f"/v1/watchlists/{wl['id']}", json={"name": "x"}),
                     bob.delete(f"/v1/watchlists/{wl['id']}"), bob.get(f"/v1/watchlists/{wl['id']}/notifications"),
                     bob.post(f"/v1/watchlists/{wl['id']}/test")):
        assert response.status_code == 404
        assert response.json() == {"error": "watchlist not found"}  # neither the id nor its owner leaks
    assert bob.get("/v1/watchlists").json() == []
    assert [w["id"] for w in alice.get("/v1/watchlists").json()] == [wl["id"]]
    renamed = alice.patch(f"/v1/watchlists/{wl['id']}", json={"name": "Kupiansk front", "types": ["advance"]})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Kupiansk front"
    assert alice.delete(f"/v1/watchlists/{wl['id']}").status_code == 204
    assert alice.get(f"/v1/watchlists/{wl['id']}").status_code == 404


def test_tokens_are_stored_hashed(api: str, isolated: FrontwatchSettings) -> None:
    token = create_token(isolated, "carol")
    client = redis.Redis.from_url(isolated.redis_url)
    stored = {k.decode(): v.decode() for k, v in client.hgetall(f"{isolated.topic_prefix}frontwatch:tokens").items()}
    assert hash_token(token) in stored
    assert all(token not in key and token not in value for key, value in stored.items())


def test_any_spelling_resolves_to_one_place_and_unknown_names_get_suggestions(api: str, isolated: FrontwatchSettings) -> None:
    client = _client(api, create_token(isolated, "dave"))
    ids = {name: client.post("/v1/watchlists", json={"places": [name], "webhook": PUBLIC_HOOK}).json()["place_ids"][0]
           for name in ("Kupiansk", "Kupyansk", "Куп'янськ", "Kup'yans'k")}
    assert len(set(ids.values())) == 1, ids
    unknown = client.post("/v1/watchlists", json={"places": ["Kupiansq"], "webhook": PUBLIC_HOOK})
    assert unknown.status_code == 422
    error = unknown.json()["errors"][0]
    assert error["field"] == "places.0" and "did you mean Kupiansk, Kharkiv Oblast, UA" in error["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "types": ["invasion"]}, "types.0"),
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "keywords": "tanks AND ("}, "keywords"),
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "min_confidence": 2}, "min_confidence"),
        ({"places": ["Kupiansk"]}, "webhook"),
        ({"webhook": PUBLIC_HOOK}, "places"),
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "near": {"radius_km": 25}}, "near"),
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "colour": "red"}, "colour"),
        ({"places": ["Kupiansk"], "webhook": "http://example.com:99999/hook"}, "webhook"),
        ({"places": ["Kupiansk"], "webhook": PUBLIC_HOOK, "mode": None}, "mode"),
    ],
)
def test_invalid_watchlists_are_422_naming_the_field(api: str, isolated: FrontwatchSettings, body: dict[str, object],
                                                      field: str) -> None:
    response = _client(api, create_token(isolated, "erin")).post("/v1/watchlists", json=body)
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}


@pytest.mark.parametrize("webhook", ["http://127.0.0.1:9000/hook", "http://10.0.0.8/hook", "http://169.254.169.254/latest",
                                     "http://localhost:8080/hook", "http://[::1]/hook"])
def test_webhooks_into_the_private_network_are_refused_without_the_setting(api: str, isolated: FrontwatchSettings,
                                                                           webhook: str) -> None:
    response = _client(api, create_token(isolated, "frank")).post("/v1/watchlists", json={"places": ["Kupiansk"],
                                                                                          "webhook": webhook})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "webhook"


def test_the_api_serves_its_openapi_document(api: str) -> None:
    spec = httpx.get(f"{api}/openapi.json").json()
    assert {"/v1/watchlists", "/v1/watchlists/{watchlist_id}", "/v1/watchlists/{watchlist_id}/notifications",
            "/v1/watchlists/{watchlist_id}/test"} <= set(spec["paths"])
