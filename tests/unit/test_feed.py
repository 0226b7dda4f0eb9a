"""Feeds: RSS and Atom items become articles; hostile or foreign XML is refused clearly."""

from __future__ import annotations

from datetime import date

import pytest

from services.ingest.feed import FeedError, parse_feed

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Troops pull back from river town</title><link>https://wire.example/1</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Ukrainian forces withdrew from positions near the river.&lt;/p&gt;
&lt;p&gt;Officials said more.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title>Brigade reports gains</title><link href="https://blog.example/a"/>
<published>2025-02-01T08:00:00Z</published><content type="html">The brigade advanced 2 km.</content></entry>
</feed>"""


def test_rss_items_become_articles_with_text_link_and_date() -> None:
    [article] = parse_feed(RSS, "https://wire.example/rss")
    assert article.title == "Troops pull back from river town"
    assert article.text.splitlines() == ["Troops pull back from river town", "",
                                         "Ukrainian forces withdrew from positions near the river.", "Officials said more."]
    assert article.url == "https://wire.example/1" and article.published == date(2025, 3, 4)
    assert article.source == "https://wire.example/rss"


def test_atom_entries_become_articles() -> None:
    [article] = parse_feed(ATOM, "https://blog.example/feed")
    assert article.url == "https://blog.example/a" and article.published == date(2025, 2, 1)
    assert article.text.endswith("The brigade advanced 2 km.")


@pytest.mark.parametrize(
    "document",
    [
        b"<html><body>not a feed</body></html>",
        b"not xml at all",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel/></rss>',
    ],
)
def test_foreign_broken_or_hostile_documents_are_refused(document: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(document, "https://x.example/feed")
