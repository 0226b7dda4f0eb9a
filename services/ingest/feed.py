"""News feeds (RSS 2.0, Atom) as a source of articles: ``frontwatch feed URL... [--once]``.

Parsing is pure (``parse_feed``); polling fetches with conditional requests
(ETag / Last-Modified) and hands each item to the same ``ArticlePublisher`` as
replay, so an item seen in an earlier poll is a duplicate, not a new article.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXML
import httpx

from services.ingest.publisher import ArticlePublisher, open_publisher
from shared.schemas import Article, article_id_for
from shared.settings import FrontwatchSettings

MAX_FEED_BYTES = 5_000_000
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|br|div|li|h\d)[^>]*>", re.IGNORECASE)
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


class FeedError(ValueError):
    """The document is not a feed this reader understands."""


def html_to_text(fragment: str) -> str:
    """Feed bodies are HTML: keep paragraphs, drop tags, unescape entities."""
    text = _BLOCK.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _text(node: Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _date(value: str) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()  # RSS: RFC 822
    except (TypeError, ValueError):
        pass
    try:
        return date.fromisoformat(value[:10])  # Atom: RFC 3339
    except ValueError:
        return None


def parse_feed(document: bytes, feed_url: str) -> list[Article]:
    """The articles of an RSS 2.0 or Atom document; items without text are skipped."""
    try:
        root = SafeXML.fromstring(document)
    except Exception as exc:
        raise FeedError(f"not a readable XML feed: {exc}") from exc
    articles: list[tuple[str, str, str, date | None]] = []
    if root.tag == "rss" or root.find("channel") is not None:
        for item in root.iter("item"):
            title, body = _text(item.find("title")), _text(item.find(CONTENT)) or _text(item.find("description"))
            articles.append((title, html_to_text(body), _text(item.find("link")), _date(_text(item.find("pubDate")))))
    elif root.tag == f"{ATOM}feed":
        for entry in root.iter(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link")
            body = _text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))
            stamp = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
            articles.append((_text(entry.find(f"{ATOM}title")), html_to_text(body),
                             link.get("href", "") if link is not None else "", _date(stamp)))
    else:
        raise FeedError(f"unknown feed format: root element <{root.tag}>")
    out = []
    for title, body, link, published in articles:
        text = f"{title}\n\n{body}".strip() if body else ""
        if text:
            out.append(Article(id=article_id_for(text), text=text, title=title or None, url=link or None,
                               source=feed_url, published=published))
    return out


@dataclass
class FeedPoller:
    """Polls feeds with conditional GETs and publishes new items."""

    publisher: ArticlePublisher
    http: httpx.AsyncClient
    validators: dict[str, dict[str, str]] = field(default_factory=dict)

    async def poll(self, url: str) -> tuple[int, int]:
        """One poll of ``url``: (published, duplicate)."""
        response = await self.http.get(url, headers=self.validators.get(url, {}))
        if response.status_code == 304:
            return 0, 0
        response.raise_for_status()
        if len(response.content) > MAX_FEED_BYTES:
            raise FeedError(f"feed is {len(response.content)} bytes, over the {MAX_FEED_BYTES}-byte limit")
        self.validators[url] = {k: v for k, v in (("if-none-match", response.headers.get("etag")),
                                                  ("if-modified-since", response.headers.get("last-modified"))) if v}
        published = duplicate = 0
        for article in parse_feed(response.content, url):
            if await self.publisher.publish(article) == "published":
                published += 1
            else:
                duplicate += 1
        return published, duplicate


async def follow_feeds(urls: list[str], settings: FrontwatchSettings, *, interval_s: float, once: bool,
                       report: Callable[[str], None] = print) -> None:
    """Poll every feed now and then every ``interval_s`` seconds (or once); a failing feed is reported, the rest go on."""
    async with open_publisher(settings) as publisher, httpx.AsyncClient(timeout=20, follow_redirects=True) as http:
        poller = FeedPoller(publisher, http)
        while True:
            for url in urls:
                try:
                    published, duplicate = await poller.poll(url)
                    report(f"{url}: published {published}, duplicate {duplicate}")
                except (httpx.HTTPError, FeedError) as exc:
                    report(f"{url}: failed: {exc}")
            if once:
                return
            await asyncio.sleep(interval_s)
