"""RSS and Atom feeds -> the articles they link to.

Each item's link is fetched (under the same rules as any URL); the item's own
title and date are kept as hints for pages that state neither. An item whose
link cannot be fetched leaves an ingest_error naming the link.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import InputError
from ..model import IngestError, RawInput

FEED_START = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        return b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower() or b"<rdf" in data[:4096].lower()
    return head.startswith(FEED_START)


def read_feed(
    data: bytes, source: str, fetch_page: Callable[[str], RawInput]
) -> Iterator[RawInput | IngestError]:
    import feedparser

    parsed: Any = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        yield IngestError(source, "parse", f"not a usable RSS/Atom feed: {reason}")
        return
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        hints = {"title": entry.get("title"), "published": time.strftime("%Y-%m-%d", stamp) if stamp else None}
        if not link:
            yield IngestError(f"{source}#item{n}", "parse", "feed item has no link")
            continue
        try:
            raw = fetch_page(link)
        except InputError as exc:
            yield IngestError(exc.source, exc.stage, exc.message)
            continue
        raw.title = raw.title or hints["title"]
        raw.published = raw.published or hints["published"]
        yield raw


__all__ = ["looks_like_feed", "read_feed"]
