"""Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the watchlist's secret.

Headers sent with every notification:

    X-Frontwatch-Timestamp: 1732000000            (Unix seconds)
    X-Frontwatch-Signature: v1=<hex digest>
    Idempotency-Key: <notification id>

A receiver recomputes the digest, compares in constant time, and rejects a
timestamp older than its tolerance (a replayed request), and a key it has seen.
"""

from __future__ import annotations

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "x-frontwatch-timestamp"
SIGNATURE_HEADER = "x-frontwatch-signature"
IDEMPOTENCY_HEADER = "idempotency-key"
DEFAULT_TOLERANCE_S = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: signature(secret, timestamp, body)}


def verify(secret: str, headers: dict[str, str], body: bytes, tolerance_s: int = DEFAULT_TOLERANCE_S,
           now: float | None = None) -> bool:
    """True if the signature is right and the timestamp fresh."""
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        timestamp = int(lowered[TIMESTAMP_HEADER])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance_s:
        return False
    return hmac.compare_digest(lowered.get(SIGNATURE_HEADER, ""), signature(secret, timestamp, body))
