"""Source readers: turn what the user named into raw inputs.

`read_inputs(targets, settings)` takes paths, folders (recursive), globs, `-`
for standard input and http(s) URLs, and yields a `RawInput` per article or an
`IngestError` per input that cannot be used — never raising for one bad input.
File kinds go by extension (`.txt`, `.html`/`.htm`, `.jsonl`, `.warc`,
`.rss`/`.atom`/`.xml`, each optionally `.gz`); an unknown extension named
explicitly is sniffed. Reading is lazy: one input at a time, and never more than
`max_bytes` of one input in memory (a device or a FIFO named explicitly is read
up to the cap, one JSONL line at most the cap).

In a folder, a file with an unknown extension and anything that is not a regular
file (a FIFO, a socket, a device) is not read: each leaves an ingest_error with
stage `skip`, so the run accounts for every file it saw. Hidden files and folders
are passed over. A file name that is not valid UTF-8 is shown (and stored) with
its odd bytes escaped (`caf\\xe9.txt`).

Every input carries a `key` besides its `source`: the resolved path for a file
(plus the record's locator), so `pages/a.txt`, `./pages/a.txt` and its absolute
path are one input; `source` stays as the user spelled it, for display.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import FormatError, InputError, TooLargeError
from ..model import IngestError, RawInput
from .containers import bounded_lines, read_jsonl, read_warc
from .decode import decode_text, gunzip, is_gzip, looks_binary
from .feeds import looks_like_feed, read_feed

KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
GLOB_CHARS = set("*?[")


def display(name: str) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) shown as `\\xNN`."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def path_key(path: str | Path) -> str:
    """The resolved path that identifies a file however it was spelled."""
    return display(os.path.realpath(path))


def keyed(items: Iterator[RawInput | IngestError], source: str, key: str) -> Iterator[RawInput | IngestError]:
    """Give a file's inputs the file's key (with each record's locator: `#L3`, `#URL`)."""
    for item in items:
        if isinstance(item, RawInput) and item.key == item.source and item.source.startswith(source):
            item.key = key + item.source[len(source):]
        yield item


def kind_of(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1])


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _page(data: bytes, source: str, kind: str, url: str | None = None) -> RawInput:
    """One page's bytes -> a RawInput (HTML stays bytes: trafilatura honours its declared charset)."""
    if kind == "html":
        if looks_binary(data):
            decode_text(data, source)  # raises the DecodeError that says why
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = data.replace(b"\x00", b"")  # a NUL past the sniff carries nothing, and no store takes it
        return RawInput(source=source, content=data, format="html", url=url)
    return RawInput(source=source, content=decode_text(data, source), format="text", url=url)


def read_bytes(
    data: bytes, source: str, kind: str | None, settings: dict[str, Any], url: str | None = None
) -> Iterator[RawInput | IngestError]:
    """The inputs in one file's bytes (gzip opened, size cap kept; WARC, JSONL, HTML or text by `kind`)."""
    max_bytes = int(settings["max_bytes"])
    if is_gzip(data) and kind != "warc":
        data = gunzip(data, source, max_bytes)
    elif kind != "warc" and source.lower().endswith(".gz") and looks_binary(data):
        # plain text named .gz is read as it is; binary bytes without gzip's header are a damaged archive
        raise FormatError(source, "named .gz but not gzip data: the gzip header is missing or damaged",
                          stage="decompress")
    if not data.strip():
        yield IngestError(source, "read", "empty input: nothing to ingest")
        return
    kind = kind or _sniff(data)
    if kind == "jsonl":
        yield from read_jsonl(data.splitlines(), source, max_bytes)
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), source, max_bytes)
    elif kind == "feed":
        yield from read_feed(data, source, lambda link: fetch_page(link, settings))
    else:
        yield _page(data, source, kind, url=url)


def _read_file(path: Path, source: str, settings: dict[str, Any]) -> Iterator[RawInput | IngestError]:
    """One file. Containers (JSONL, WARC) stream record by record, the size cap applying to each record;
    any other file is one page and the cap applies to the file. A device or FIFO is read up to the cap."""
    max_bytes = int(settings["max_bytes"])
    kind = kind_of(path.name)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
        if kind == "warc" and regular:  # warcio reads gzipped records itself
            with path.open("rb") as stream:
                yield from read_warc(stream, source, max_bytes)
            return
        if kind == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from read_jsonl(bounded_lines(stream, max_bytes), source, max_bytes)
            return
        if regular and (size := path.stat().st_size) > max_bytes:
            raise TooLargeError(source, f"{size:,} bytes is over the size cap of {max_bytes:,} (--max-bytes)")
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLargeError(source, f"over the size cap of {max_bytes:,} bytes (--max-bytes)")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield IngestError(source, "decompress", f"truncated or corrupt gzip file ({exc})")
        return
    except OSError as exc:
        yield IngestError(source, "read", f"cannot read the file: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield IngestError(exc.source, exc.stage, exc.message)
        return
    yield from guard(read_bytes(data, source, kind, settings), source)


def _file(path: Path, source: str, settings: dict[str, Any]) -> Iterator[RawInput | IngestError]:
    """One file's inputs, keyed on its resolved path; a surprise while reading it stops that file only."""
    source = display(source)
    yield from contained(keyed(_read_file(path, source, settings), source, path_key(path)), source)


def contained(items: Iterator[RawInput | IngestError], source: str) -> Iterator[RawInput | IngestError]:
    """Turn any error raised while reading one input (a bug, a library's surprise) into its IngestError."""
    try:
        yield from items
    except InputError as exc:
        yield IngestError(exc.source, exc.stage, exc.message)
    except Exception as exc:  # one input must never stop the run
        yield IngestError(source, "read", f"unexpected {type(exc).__name__} while reading: {exc}")


def guard(items: Iterator[RawInput | IngestError], source: str) -> Iterator[RawInput | IngestError]:
    """Turn an InputError raised while reading into an IngestError and stop that input only."""
    try:
        yield from items
    except InputError as exc:
        yield IngestError(exc.source, exc.stage, exc.message)


def fetch_page(url: str, settings: dict[str, Any]) -> RawInput:
    from .web import fetch

    fetched = fetch(url, settings)
    ctype = fetched.content_type.lower()
    kind = "html" if "html" in ctype else "text" if ctype.startswith("text/plain") else _sniff(fetched.content)
    if kind not in ("html", "text"):
        kind = "html"
    return _page(fetched.content, url, kind, url=fetched.url)


def _read_url(url: str, settings: dict[str, Any]) -> Iterator[RawInput | IngestError]:
    from .web import fetch

    try:
        fetched = fetch(url, settings)
    except InputError as exc:
        yield IngestError(exc.source, exc.stage, exc.message)
        return
    ctype = fetched.content_type.lower()
    if any(t in ctype for t in ("rss", "atom")) or looks_like_feed(fetched.content):
        yield from guard(read_feed(fetched.content, url, lambda link: fetch_page(link, settings)), url)
        return
    kind = "html" if "html" in ctype else "text" if ctype.startswith("text/plain") else None
    yield from guard(read_bytes(fetched.content, url, kind, settings, url=fetched.url), url)


def walk(folder: Path) -> Iterator[Path | IngestError]:
    """The files of a folder that ingest reads, in name order, hidden ones passed over; an ingest_error
    (stage `skip`) for each other file: an unknown extension, or not a regular file."""
    known = ", ".join(sorted(KINDS))
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if not kind_of(name):
                ext = os.path.splitext(name)[1] or "no extension"
                yield IngestError(display(str(path)), "skip", f"not read: unknown extension ({display(ext)}); "
                                  f"a folder's files are read by extension ({known}, also .gz); "
                                  "name the file itself to have its content sniffed")
                continue
            try:
                mode = path.stat().st_mode
            except OSError:
                yield path  # a dangling link or a file gone since: reading it reports why
                continue
            if not stat.S_ISREG(mode):
                what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
                yield IngestError(display(str(path)), "skip", f"not read: not a regular file ({what}); "
                                  "name it on the command line to read from it")
                continue
            yield path


def missing_paths(targets: Iterable[str]) -> list[str]:
    """The targets that name a file or folder that does not exist (not `-`, a URL or a glob pattern)."""
    return [display(t) for t in targets if t != "-" and not t.startswith(("http://", "https://"))
            and not (GLOB_CHARS & set(t)) and not os.path.lexists(t)]


def read_inputs(
    targets: Iterable[str], settings: dict[str, Any], stdin: BinaryIO | None = None
) -> Iterator[RawInput | IngestError]:
    for target in targets:
        if target == "-":
            stream = stdin or sys.stdin.buffer
            data = stream.read(int(settings["max_bytes"]) + 1)
            if len(data) > int(settings["max_bytes"]):
                yield IngestError("-", "read", f"standard input is over the size cap of {settings['max_bytes']:,}")
                continue
            yield from contained(read_bytes(data, "-", None, settings), "-")
        elif target.startswith(("http://", "https://")):
            yield from contained(_read_url(target, settings), target)
        elif os.path.isdir(target):
            for path in walk(Path(target)):
                if isinstance(path, IngestError):
                    yield path
                else:
                    yield from _file(path, str(path), settings)
        elif os.path.exists(target):
            yield from _file(Path(target), target, settings)
        elif GLOB_CHARS & set(target):
            matches = sorted(glob.glob(target, recursive=True))
            if not matches:
                yield IngestError(display(target), "read", "no files match this pattern")
            for match in matches:
                if os.path.isdir(match):
                    continue
                yield from _file(Path(match), match, settings)
        else:
            yield IngestError(display(target), "read", "no such file, folder or URL")
