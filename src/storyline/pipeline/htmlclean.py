"""HTML pages: the article body through trafilatura, metadata from the page's own markup.

Takes HTML (bytes or text) and gives the article text (paragraphs separated by
blank lines), the text blocks left out, and title, publication date, authors
and publisher.

trafilatura parses the page for the body. Metadata is read from the page's
head with a handful of compiled patterns (meta tags, JSON-LD, `<title>`)
rather than from a second parse tree: parsing is the dearest step, and the
head is regular enough for this. Dates come from structured data
(`datePublished`, `article:published_time`) and otherwise from htmldate,
which never returns a date after today; a page with no date gets None.
Where the head names no author, or has no title, trafilatura's metadata
extraction (bylines in the body, its own heuristics) fills them, an author
only when the name as it gives it stands in the page: on the Scrapinghub pages
it finds authors ours misses, and beats ours on nothing else
(`benchmarks/metadata.py`).

It does not fetch anything and does not follow links.
"""

from __future__ import annotations

import contextlib
import html as htmllib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ExtractionError

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
JSON_LD = re.compile(r"""<script[^>]+application/ld\+json[^>]*>(.*?)</script>""", re.IGNORECASE | re.DOTALL)
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)
INVISIBLE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|section|article|header|footer|nav|aside|blockquote|figure|"
    r"figcaption|dt|dd|dl|form|main|button|label|option|select)\b[^>]*|br\s*/?)>",
    re.IGNORECASE,
)
ANY_TAG = re.compile(r"<[^>]+>")
BODY_START = re.compile(r"<body\b", re.IGNORECASE)
SPACE = re.compile(r"\s+")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A content system that has no date for a page often writes a placeholder: the first day of year 1 or the
# Unix epoch. No news page was published before this year, and a day of the epoch is read as no date.
EARLIEST_YEAR = 1900
PLACEHOLDER_DAYS = frozenset({"1970-01-01"})
TITLE_SPLIT = re.compile(r"\s+[|–—\-:»]\s+")
# Fewer characters than this after extraction is a page with no article (a
# login wall, an index page, an error page).
MIN_ARTICLE_CHARS = 30
# A fast extraction shorter than this is retried with trafilatura's fallback extractors: a real article
# body is rarely under a few hundred characters, and the retry costs only on such pages.
FALLBACK_BELOW_CHARS = 500


@dataclass
class HtmlResult:
    text: str
    removed: list[str]
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    language: str | None = None


def _as_text(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    m = CHARSET.search(raw[:4096])
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return raw.decode(encoding, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _clean(value: str) -> str:
    return SPACE.sub(" ", htmllib.unescape(ANY_TAG.sub(" ", value))).strip()


def _meta_tags(page: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in META_TAG.findall(page):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = _clean(attrs.get("content", ""))
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(page: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for block in JSON_LD.findall(page):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
            elif isinstance(item, list):
                stack.extend(item)
    return [i for i in items if any(t in str(i.get("@type", "")) for t in ("Article", "Posting", "Report"))]


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _iso_day(value: object) -> str | None:
    m = ISO_DAY.match(str(value or ""))
    if not m or int(m.group(1)) < EARLIEST_YEAR:
        return None
    day = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None if day in PLACEHOLDER_DAYS else day


def _title(page: str, meta: dict[str, str], ld: list[dict[str, Any]], site: str | None) -> str | None:
    title = meta.get("og:title") or meta.get("twitter:title")
    title = title or next((_clean(str(i["headline"])) for i in ld if i.get("headline")), None)
    if not title:
        m = TITLE.search(page) or H1.search(page)
        title = _clean(m.group(1)) if m else None
    if title and site:
        parts = TITLE_SPLIT.split(title)
        if len(parts) > 1 and parts[-1].strip().lower() == site.lower():
            title = " - ".join(parts[:-1])
    return title or None


def _published(page: str, meta: dict[str, str], ld: list[dict[str, Any]], url: str | None) -> str | None:
    for item in ld:
        if day := _iso_day(item.get("datePublished")):
            return day
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"):
        if day := _iso_day(meta.get(key)):
            return day
    from htmldate import find_date  # imported here: htmldate pulls in dateutil and its own tables

    return find_date(page, extensive_search=False, original_date=True, url=url)  # type: ignore[no-any-return]


def page_blocks(page: str) -> list[str]:
    """The page's visible text, split at block-level tags: what a reader would see as separate pieces."""
    m = BODY_START.search(page)
    body = INVISIBLE.sub(" ", page[m.start() :] if m else page)
    # One pass per step over the whole body: cheaper than cleaning each of thousands of small pieces.
    text = htmllib.unescape(ANY_TAG.sub(" ", BLOCK_TAG.sub("\n", body)))
    return [b for b in (" ".join(line.split()) for line in text.split("\n")) if len(b) > 1]  # runs of space as one


def _trafilatura_meta(page: str) -> tuple[list[str], str | None]:
    """trafilatura's authors and title of the page: the steps of its `extract_metadata` that give those two,
    in its order (meta tags, a one-word author dropped, JSON-LD, then the title and byline heuristics, then
    its trimming), without the rest (its date search through htmldate, URL, site name, categories, tags,
    licence), which this module reads elsewhere or not at all and which cost most of its time."""
    from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return [], None
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # as there: a fault in its JSON-LD reader keeps what the meta tags gave
        found = extract_meta_json(tree, found)
    found.title = found.title or extract_title(tree)
    found.author = found.author or extract_author(tree)
    found.clean_and_trim()
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip() and "http" not in a]
    return authors, _clean(found.title) if found.title else None


def clean_html(raw: bytes | str, source: str, url: str | None = None, fill_metadata: bool = True) -> HtmlResult:
    """The article and its metadata; `fill_metadata=False` reads the head only (no trafilatura metadata)."""
    import trafilatura

    # trafilatura's own extractor first; its readability/jusText fallbacks (a third of its time) only when that
    # finds nothing worth keeping. On the Scrapinghub pages this is both faster and more precise.
    body = trafilatura.extract(raw, url=url, include_comments=False, include_tables=True, fast=True)
    if not body or len(body) < FALLBACK_BELOW_CHARS:
        body = trafilatura.extract(raw, url=url, include_comments=False, include_tables=True) or body
    if not body or len(body.strip()) < MIN_ARTICLE_CHARS:
        raise ExtractionError(source, "no article text found in the page (only navigation, forms or boilerplate)")
    page = _as_text(raw)
    meta = _meta_tags(page)
    ld = _json_ld(page)
    site = meta.get("og:site_name") or meta.get("application-name") or next(
        (n for i in ld for n in _names(i.get("publisher"))), None
    )
    authors = next((_names(i.get("author")) for i in ld if i.get("author")), [])
    if not authors:
        byline = meta.get("author") or meta.get("article:author") or meta.get("parsely-author")
        authors = [byline] if byline and "http" not in byline else []
    lines = [line for line in (" ".join(raw_line.split()) for raw_line in body.splitlines()) if line]
    title = _title(page, meta, ld, site)
    if fill_metadata and (not authors or not title):
        their_authors, their_title = _trafilatura_meta(page)
        if not authors and their_authors:
            # A byline name as trafilatura cut it must stand in the page: that drops run-ons like
            # "Carrie Arnold November" or "JERUSALEM POST STAFF NOVEMBER" (the byline and its date fused).
            # Runs of space made one by split and join (a third of the time of a pattern on a whole page); a
            # name has no space at either end, so whether the page's text keeps one there does not matter.
            seen = " ".join(htmllib.unescape(page).split()).casefold()
            authors = [a for a in their_authors if SPACE.sub(" ", a).casefold() in seen]
        title = title or their_title
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    text = "\n\n".join(lines)
    kept = " ".join(text.split())  # what the removed blocks (no space at either end) are looked for in
    lang = HTML_LANG.search(page[:4096])
    return HtmlResult(
        text=text,
        removed=[b for b in page_blocks(page) if b not in kept],
        title=title,
        published=_published(page, meta, ld, url),
        authors=authors,
        publisher=site,
        language=lang.group(1).lower() if lang else None,
    )
