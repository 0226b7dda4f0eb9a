"""Webhook URLs that are safe to call: the server-side request forgery guard.

Only http(s); a host that is, or resolves to, a loopback, private, link-local,
multicast, reserved or cloud-metadata address is refused unless the operator
allows private targets (FRONTWATCH_WEBHOOK_ALLOW_PRIVATE=1). The check runs
when a watchlist is saved and again before each delivery, since DNS can change;
the delivery then connects to the address that was vetted (``pinned_url``), so a
name that resolves elsewhere a moment later (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


class UnsafeWebhook(ValueError):
    """The URL must not be called; the message says why."""


NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
REFUSED = "the webhook host is not a public address"  # one message: no map of internal names for a tenant


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64, compatible), which is where it really goes."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in net for net in NAT64) or int(ip) >> 32 == 0:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _is_private(address: str) -> bool:
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None and (not inner.is_global or inner.is_multicast):
            return True
    return not ip.is_global or ip.is_multicast


async def check_webhook_url(url: str, *, allow_private: bool = False) -> str | None:
    """Raise UnsafeWebhook unless ``url`` is http(s) to a public host (resolved without blocking the event loop).

    Returns the vetted address to connect to, or None when private targets are allowed (no pinning needed).
    """
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as exc:
        raise UnsafeWebhook(f"invalid port: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise UnsafeWebhook(f"scheme {parts.scheme!r} is not allowed; use http or https")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeWebhook("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeWebhook("credentials in the URL are not allowed; put a token in the path or query")
    if allow_private:
        return None
    if host in METADATA_HOSTS:
        raise UnsafeWebhook(REFUSED)
    try:
        infos = await asyncio.wait_for(
            asyncio.get_running_loop().getaddrinfo(host, port or (443 if parts.scheme == "https" else 80),
                                                   proto=socket.IPPROTO_TCP),
            timeout=5.0,
        )
    except (OSError, UnicodeError, TimeoutError) as exc:
        raise UnsafeWebhook(REFUSED) from exc
    addresses = [str(info[4][0]).split("%", 1)[0] for info in infos]
    if not addresses or any(_is_private(a) for a in addresses):
        raise UnsafeWebhook(REFUSED)
    return addresses[0]


def pinned_url(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``url`` with its host replaced by the vetted ``address``, and the Host header and TLS name that keep it valid.

    Returns (url to request, headers to add, httpx request extensions).
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = parts.netloc.rsplit("@", 1)[-1]
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), {"host": host_header}, extensions
