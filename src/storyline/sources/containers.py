"""Readers for files that hold many articles: JSON Lines and WARC archives.

JSONL: one JSON object a line with `text` or `html` (also `content`/`body`),
and optional `url`, `title`, `published` (or `date`). A malformed line leaves
an ingest_error naming the line; the lines after it are still read.

WARC (`.warc`, `.warc.gz`): every `response` record whose HTTP content type is
HTML becomes one input, its target URI kept as the URL. A truncated or corrupt
archive yields the records before the damage and one ingest_error for the rest.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

from ..model import IngestError, RawInput

TEXT_KEYS = ("text", "content", "body", "article")
HTML_KEYS = ("html", "raw_html")


def read_jsonl(lines: Iterable[bytes], source: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    """Records from lines of JSON, read one at a time; the size cap applies to each line."""
    for n, line in enumerate(lines, 1):
        where = f"{source}#L{n}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield IngestError(where, "read", f"line {n} is over the size cap of {max_bytes:,} bytes")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield IngestError(where, "parse", f"line {n} is not valid JSON ({exc})")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "parse", f"line {n} is a JSON {type(record).__name__}, not an object")
            continue
        html = next((record[k] for k in HTML_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
        text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
        content: str | None = html if html is not None else text
        if content is None:
            keys = ", ".join(HTML_KEYS + TEXT_KEYS)
            yield IngestError(where, "parse", f"line {n} has no article: expected one of the keys {keys}")
            continue
        published = record.get("published") or record.get("date")
        yield RawInput(
            source=where,
            content=content,
            format="html" if html is not None else "text",
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            title=record.get("title") if isinstance(record.get("title"), str) else None,
            published=str(published) if published else None,
        )


def read_warc(stream: io.BufferedIOBase, source: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
            body = record.content_stream().read(max_bytes + 1)
            count += 1
            if len(body) > max_bytes:
                yield IngestError(where, "read", f"record over the size cap of {max_bytes:,} bytes")
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:  # the archive ended inside this record: its page is cut short
                yield IngestError(where, "parse", f"truncated WARC: this record lacks its last {missing:,} bytes")
                return
            yield RawInput(source=where, content=body, format="html", url=url)
    except Exception as exc:  # warcio raises many types on damaged archives; all mean the same here
        yield IngestError(
            source, "parse", f"truncated or corrupt WARC after {count} HTML records: {type(exc).__name__}: {exc}"
        )
        return
    if count == 0:
        yield IngestError(source, "parse", "no HTML response records: an empty, corrupt WARC or not a WARC file")
