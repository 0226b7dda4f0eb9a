"""Webhook URLs that are safe to call: the server-side request forgery guard.

Only http(s); a host that is, or resolves to, a loopback, private, link-local,
multicast, reserved or cloud-metadata address is refused unless the operator
allows private targets (FRONTWATCH_WEBHOOK_ALLOW_PRIVATE=1). The check runs
when a watchlist is saved and again before each delivery, since DNS can change.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


class UnsafeWebhook(ValueError):
    """The URL must not be called; the message says why."""


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_webhook_url(url: str, *, allow_private: bool = False) -> None:
    """Raise UnsafeWebhook unless ``url`` is http(s) to a public host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeWebhook(f"scheme {parts.scheme!r} is not allowed; use http or https")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeWebhook("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeWebhook("credentials in the URL are not allowed; put a token in the path or query")
    if allow_private:
        return
    if host in METADATA_HOSTS:
        raise UnsafeWebhook(f"host {host!r} is a cloud metadata service")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeWebhook(f"host {host!r} does not resolve") from exc
    for info in infos:
        address = str(info[4][0])
        if _is_private(address):
            raise UnsafeWebhook(f"host {host!r} resolves to a non-public address ({address})")
