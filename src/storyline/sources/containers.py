"""Readers for files that hold many articles: JSON Lines and WARC archives.

JSONL: one JSON object a line with `text` or `html` (also `content`/`body`),
and optional `url`, `title`, `published` (or `date`). A malformed line leaves
an ingest_error naming the line; the lines after it are still read. Lines are
read from a stream at most `max_bytes` at a time, so one huge line (a gzip file
that inflates to gigabytes without a newline) is skipped without being held.

WARC (`.warc`, `.warc.gz`): every `response` record whose HTTP content type is
HTML becomes one input, its target URI kept as the URL. A truncated or corrupt
archive yields the records before the damage and one ingest_error for the rest.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import IngestError, RawInput
from .decode import checked_text

TEXT_KEYS = ("text", "content", "body", "article")
HTML_KEYS = ("html", "raw_html")


SKIP_CHUNK = 1 << 20


def bounded_lines(stream: Any, max_bytes: int) -> Iterator[bytes | int]:
    """The stream's lines; a line longer than `max_bytes` comes as its length (an int), read past, never held."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            rest = stream.readline(SKIP_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield size


def read_jsonl(lines: Iterable[bytes | int], source: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    """Records from lines of JSON, read one at a time; the size cap applies to each line
    (an int in `lines` stands for a line `bounded_lines` found over the cap)."""
    for n, line in enumerate(lines, 1):
        where = f"{source}#L{n}"
        if isinstance(line, int) or len(line) > max_bytes:
            size = line if isinstance(line, int) else len(line)
            yield IngestError(where, "read", f"line {n} ({size:,} bytes) is over the size cap of {max_bytes:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            yield IngestError(where, "parse", f"line {n} is nested too deeply to be an article record")
            continue
        except ValueError as exc:
            yield IngestError(where, "parse", f"line {n} is not valid JSON ({exc})")
            continue
        try:
            yield _jsonl_record(record, n, where)
        except InputError as exc:
            yield IngestError(exc.source, exc.stage, exc.message)


def _jsonl_record(record: object, n: int, where: str) -> RawInput | IngestError:
    """One parsed JSONL line -> a RawInput, or the IngestError that says why it is no article."""
    if not isinstance(record, dict):
        return IngestError(where, "parse", f"line {n} is a JSON {type(record).__name__}, not an object")
    html = next((record[k] for k in HTML_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    content: str | None = html if html is not None else text
    if content is None:
        keys = ", ".join(HTML_KEYS + TEXT_KEYS)
        return IngestError(where, "parse", f"line {n} has no article: expected one of the keys {keys}")
    published = record.get("published") or record.get("date")

    def field(key: str) -> str | None:
        value = record.get(key)
        return checked_text(value, where, f"line {n}'s {key!r}") if isinstance(value, str) else None

    return RawInput(
        source=where,
        content=checked_text(content, where, f"line {n}'s article text"),
        format="html" if html is not None else "text",
        url=field("url"),
        title=field("title"),
        published=checked_text(str(published), where, f"line {n}'s date") if published else None,
        article=html is None,
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
