"""HTML pages: the article body through trafilatura, metadata from the page's own markup.

Takes HTML (bytes or text) and gives the article text (paragraphs separated by
blank lines), the text blocks left out, and title, publication date, authors
and publisher. The page is parsed once; the same tree feeds the metadata
readers and trafilatura. Dates come from the page's structured data (JSON-LD,
`article:published_time`) and otherwise from htmldate, which never returns a
date after today; a page with no date gets None.

It does not fetch anything and does not follow links.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import ExtractionError

BLOCK_TEXT = (
    "//body//text()[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)
SPACE = re.compile(r"\s+")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
TITLE_SPLIT = re.compile(r"\s+[|–—\-:»]\s+")
# Fewer characters than this after extraction is a page with no article (a
# login wall, an index page, an error page).
MIN_ARTICLE_CHARS = 80


@dataclass
class HtmlResult:
    text: str
    removed: list[str]
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    language: str | None = None


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            value = SPACE.sub(" ", value).strip()
            if value:
                return str(value)
    return None


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(item, list):
                stack.extend(item)
    return [i for i in items if "Article" in str(i.get("@type", "")) or "Posting" in str(i.get("@type", ""))]


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value and not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _iso_day(value: str | None) -> str | None:
    m = ISO_DAY.match(value or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _title(tree: Any, ld: list[dict[str, Any]], site: str | None) -> str | None:
    title = _meta(tree, "og:title", "twitter:title")
    if not title:
        title = next((str(i["headline"]) for i in ld if i.get("headline")), None)
    if not title:
        found = tree.xpath("//title/text()") or tree.xpath("//h1//text()")
        title = SPACE.sub(" ", " ".join(found)).strip() or None
    if title and site:
        parts = TITLE_SPLIT.split(title)
        if len(parts) > 1 and parts[-1].strip().lower() == site.lower():
            title = " - ".join(parts[:-1])
    return title


def _published(tree: Any, ld: list[dict[str, Any]], url: str | None) -> str | None:
    for item in ld:
        if day := _iso_day(str(item.get("datePublished") or "")):
            return day
    if day := _iso_day(_meta(tree, "article:published_time", "datePublished", "pubdate", "date")):
        return day
    from htmldate import find_date  # imported here: htmldate pulls in dateutil and its own tables

    return find_date(tree, extensive_search=False, original_date=True, url=url)  # type: ignore[no-any-return]


def _blocks(tree: Any) -> list[str]:
    """The page's visible text pieces, one per element, in order."""
    pieces: dict[Any, list[str]] = {}
    for node in tree.xpath(BLOCK_TEXT):
        parent = node.getparent()
        pieces.setdefault(parent, []).append(str(node))
    return [t for t in (SPACE.sub(" ", " ".join(p)).strip() for p in pieces.values()) if len(t) > 1]


def clean_html(raw: bytes | str, source: str, url: str | None = None) -> HtmlResult:
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        raise ExtractionError(source, "the file could not be parsed as HTML")
    ld = _json_ld(tree)
    site = _meta(tree, "og:site_name", "application-name") or next(
        (n for i in ld for n in _names(i.get("publisher"))), None
    )
    authors = next((_names(i.get("author")) for i in ld if i.get("author")), []) or [
        a for a in [_meta(tree, "author", "article:author", "parsely-author", "sailthru.author")] if a and "http" not in a
    ]
    result = HtmlResult(
        text="",
        removed=[],
        title=_title(tree, ld, site),
        published=_published(tree, ld, url),
        authors=authors,
        publisher=site or (urlsplit(url).hostname if url else None),
        language=(tree.get("lang") or "").split("-")[0].lower() or None,
    )
    blocks = _blocks(tree)
    body = trafilatura.extract(tree, url=url, include_comments=False, include_tables=True, deduplicate=False)
    if not body or len(body.strip()) < MIN_ARTICLE_CHARS:
        raise ExtractionError(source, "no article text found in the page (only navigation, forms or boilerplate)")
    lines = [SPACE.sub(" ", line).strip() for line in body.splitlines()]
    result.text = "\n\n".join(line for line in lines if line)
    kept = SPACE.sub(" ", result.text)
    result.removed = [b for b in blocks if b not in kept]
    return result

