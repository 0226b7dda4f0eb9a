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
    ],
)
def test_private_and_odd_webhooks_are_refused(url: str) -> None:
    with pytest.raises(UnsafeWebhook):
        check_webhook_url(url)


def test_the_operator_can_allow_private_targets() -> None:
    check_webhook_url("http://127.0.0.1:8080/hook", allow_private=True)
    with pytest.raises(UnsafeWebhook):
        check_webhook_url("gopher://127.0.0.1/", allow_private=True)


def test_public_addresses_pass() -> None:
    check_webhook_url("https://93.184.216.34/hook")


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
