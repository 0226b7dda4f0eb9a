"""Webhooks cannot be pointed inside the network, and receivers can verify what they get."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from services.alerts.webhooks import UnsafeWebhook, check_webhook_url
from shared.signing import signed_headers, verify


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",  # a name that resolves to loopback
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://172.16.5.4/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://metadata.google.internal/computeMetadata/v1/",
        "ftp://example.org/hook",
        "file:///etc/passwd",
        "http://user:pass@example.org/hook",
        "http://[64:ff9b::a9fe:a9fe]/latest",  # NAT64 of 169.254.169.254
        "http://[64:ff9b::7f00:1]/hook",  # NAT64 of 127.0.0.1
        "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
        "http://[::7f00:1]/hook",  # IPv4-compatible 127.0.0.1
        "http://example.org:99999/hook",  # not a port
    ],
)
async def test_private_and_odd_webhooks_are_refused(url: str) -> None:
    with pytest.raises(UnsafeWebhook):
        await check_webhook_url(url)


async def test_the_refusal_does_not_say_what_an_internal_name_resolves_to() -> None:
    with pytest.raises(UnsafeWebhook) as info:
        await check_webhook_url("http://localhost:8080/hook")
    assert "127.0.0.1" not in str(info.value)


async def test_the_operator_can_allow_private_targets() -> None:
    await check_webhook_url("http://127.0.0.1:8080/hook", allow_private=True)
    with pytest.raises(UnsafeWebhook):
        await check_webhook_url("gopher://127.0.0.1/", allow_private=True)


async def test_public_addresses_pass() -> None:
    await check_webhook_url("https://93.184.216.34/hook")


def test_an_independent_receiver_verifies_the_signature_and_rejects_tampering_and_replays() -> None:
    body = b'{"kind": "mention"}'
    headers = signed_headers("s3cret", body, now=1_700_000_000)
    # What a receiver in any language does: HMAC-SHA256 over "<timestamp>.<body>".
    expected = hmac.new(b"s3cret", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert headers["x-frontwatch-signature"] == f"v1={expected}"
    assert verify("s3cret", headers, body, now=1_700_000_010)
    assert not verify("s3cret", headers, body + b" ", now=1_700_000_010)
    assert not verify("other", headers, body, now=1_700_000_010)
    assert not verify("s3cret", headers, body, now=1_700_000_000 + 3600)  # replayed an hour later


async def test_delivery_connects_to_the_vetted_address_not_a_second_lookup() -> None:
    """DNS rebinding: the name is resolved once, vetted, and the request goes to that address with the name as Host."""
    import httpx

    from services.alerts.delivery import attempt_delivery
    from shared.schemas import Notification, Watchlist

    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    watchlist = Watchlist(id="w1", tenant="t", places=["Kupiansk"], webhook="https://hooks.example.org:8443/in")
    note = Notification(id="n1", watchlist_id="w1", kind="test", article_id="a1", source="a.txt")
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        outcome = await attempt_delivery(client, watchlist, note, address="93.184.215.14")
    assert outcome.delivered
    (request,) = seen
    assert (request.url.host, request.url.port, request.url.path) == ("93.184.215.14", 8443, "/in")
    assert request.headers["host"] == "hooks.example.org:8443"
    assert request.extensions["sni_hostname"] == "hooks.example.org"


async def test_the_guard_returns_the_address_it_vetted() -> None:
    assert await check_webhook_url("http://127.0.0.1:9/hook", allow_private=True) is None
    assert await check_webhook_url("http://93.184.215.14/hook") == "93.184.215.14"
