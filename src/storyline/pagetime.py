"""The publication timestamp a page states, read from the raw input.

The clean stage keeps a page's publication date to the day (the contract's `published`). Two
copies of one wire story are often published the same day, and which one is the original (the
earliest published copy, see `link.neardup`) then turns on the hour: this module reads the full
timestamp the page gives — JSON-LD `datePublished`, `article:published_time` and like meta tags,
or a JSON Lines item's `published` — and gives it in UTC to the minute ("2025-11-19T14:05Z").
A timestamp without a time of day, or without a zone, gives None: an unzoned "09:00" cannot be
ordered against another outlet's.

It does not guess: a page that states no time has `published_at` None, and copies are then
ordered by day and by when they were first seen.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import RawInput

# <meta property="article:published_time" content="..."> in either attribute order, and the JSON-LD key.
META_TIME = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|pubdate)[\"']"
    r"[^>]*?content\s*=\s*[\"']([^\"']+)[\"']"
    r"|<meta\b[^>]*?content\s*=\s*[\"']([^\"']+)[\"'][^>]*?(?:property|name|itemprop)\s*=\s*"
    r"[\"'](?:article:published_time|datePublished|pubdate)[\"']",
    re.IGNORECASE)
LD_TIME = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"']([^\"']+)[\"']")
HEAD_BYTES = 200_000  # the metadata sits in the head of a page; never scan a huge body for it


def utc_minute(value: str | None) -> str | None:
    """An ISO 8601 timestamp with a time and a zone, in UTC to the minute; else None."""
    if not value or "T" not in value.strip()[:11]:
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return None
    return stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")


def published_at(raw: RawInput) -> str | None:
    """The publication timestamp the input states (see the module docstring), or None."""
    if stamp := utc_minute(raw.published):
        return stamp
    if raw.format != "html":
        return None
    content = raw.content
    page = content[:HEAD_BYTES].decode("utf-8", "replace") if isinstance(content, bytes) else content[:HEAD_BYTES]
    for m in LD_TIME.finditer(page):
        if stamp := utc_minute(m.group(1)):
            return stamp
    for m in META_TIME.finditer(page):
        if stamp := utc_minute(m.group(1) or m.group(2)):
            return stamp
    return None
