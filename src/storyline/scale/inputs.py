"""Which files a Spark run reads, and the raw inputs inside each file's bytes.

`plan(targets, settings, hadoop)` runs on the driver. It expands what the user named into files,
in the order `storyline ingest` would read them, each with its position (`index`) and the
`source` name ingest would give it: local paths, folders and globs go through the same walk as
ingest (so sources are spelt the same); a path with a scheme (`hdfs://`, `s3a://`, `file://`...)
is listed through Hadoop's FileSystem API. Inputs that cannot be read at all (missing, over the
size cap, a feed, which would need the network) become ingest errors here.

`raw_inputs(data, task, settings)` runs on an executor: one file's bytes -> its raw inputs, with
the same readers ingest uses (JSONL lines, WARC records, an HTML or text page).

It does not fetch URLs: http(s) targets and standard input are a usage error for the Spark job.
"""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..model import IngestError, RawInput
from ..sources import GLOB_CHARS, display, guard, keyed, kind_of, path_key, read_bytes, walk
from ..sources.containers import read_warc
from ..sources.feeds import looks_like_feed

HIDDEN = (".", "_")  # Hadoop's own convention for files a job must skip (_SUCCESS, .crc)


@dataclass(frozen=True)
class FileTask:
    index: int  # position in ingest's reading order
    uri: str  # what Spark reads: a qualified Hadoop path
    source: str  # the source name its records get, as ingest spells it
    kind: str | None
    size: int = 0  # bytes


def order_key(file_index: int, record_index: int) -> str:
    """A string that sorts like ingest's reading order: file, then record within the file."""
    return f"{file_index:010d}.{record_index:09d}"


def uri_key(uri: str) -> str:
    """One spelling of a Hadoop path: `file:///x`, `file://x` and `file:/x` are the same file."""
    if uri.startswith("file:"):
        return "file:/" + uri[5:].lstrip("/")
    return uri


def _too_big(source: str, size: int, max_bytes: int) -> IngestError | None:
    if size > max_bytes:
        return IngestError(source, "read", f"{size:,} bytes is over the size cap of {max_bytes:,} (--max-bytes)")
    return None


def unreadable(source: str, exc: OSError) -> IngestError:
    return IngestError(source, "read", f"cannot read the file: {exc.strerror or exc}")


def _feed(source: str) -> IngestError:
    return IngestError(source, "read", "RSS/Atom feeds are not read by the Spark job (their pages must be "
                                       "fetched): ingest them with `storyline ingest`")


def _local(target: str) -> Iterator[tuple[Path, str] | IngestError]:
    """(path, source) for a local target, walked exactly as `sources.read_inputs` walks it."""
    if os.path.isdir(target):
        for path in walk(Path(target)):
            yield path if isinstance(path, IngestError) else (path, display(str(path)))
    elif os.path.exists(target):
        yield Path(target), display(target)
    elif GLOB_CHARS & set(target):
        matches = sorted(glob.glob(target, recursive=True))
        if not matches:
            yield IngestError(target, "read", "no files match this pattern")
        for match in matches:
            if not os.path.isdir(match):
                yield Path(match), display(match)
    else:
        yield IngestError(target, "read", "no such file, folder or URL")


def _hadoop(target: str, hadoop: Any) -> Iterator[tuple[str, str, int] | IngestError]:
    """(uri, source, size) for a target with a scheme, through Hadoop's FileSystem."""
    jvm, conf = hadoop
    path = jvm.org.apache.hadoop.fs.Path(target)
    fs = path.getFileSystem(conf)
    statuses = fs.globStatus(path)
    if not statuses:
        yield IngestError(target, "read", "no such file, folder or pattern")
        return
    for status in sorted(statuses, key=lambda s: s.getPath().toString()):
        if not status.isDirectory():
            yield status.getPath().toString(), target if len(statuses) == 1 else status.getPath().toString(), \
                status.getLen()
            continue
        found = []
        files = fs.listFiles(status.getPath(), True)
        while files.hasNext():
            f = files.next()
            name = f.getPath().getName()
            parts = f.getPath().toUri().getPath().split("/")
            if name.startswith(HIDDEN) or any(p.startswith(HIDDEN) for p in parts[:-1] if p) or not kind_of(name):
                continue
            found.append((f.getPath().toString(), f.getLen()))
        for uri, size in sorted(found):
            yield uri, uri, size


def plan(targets: list[str], settings: dict[str, Any], hadoop: Any = None) -> tuple[list[FileTask], list[IngestError]]:
    """The files to read, in ingest's order, and the errors for targets that cannot be read."""
    max_bytes = int(settings["max_bytes"])
    tasks: list[FileTask] = []
    errors: list[IngestError] = []

    def add(uri: str, source: str, size: int) -> None:
        kind = kind_of(source)
        err = _too_big(source, size, max_bytes) or (_feed(source) if kind == "feed" else None)
        if err:
            errors.append(err)
        else:
            tasks.append(FileTask(len(tasks) + len(errors), uri, source, kind, size))

    for target in targets:
        if target == "-" or target.startswith(("http://", "https://")):
            raise UsageError(f"the Spark job reads files, not {target!r}: fetch URLs and standard input with "
                             "`storyline ingest`, or save them as WARC or JSON Lines first")
        if "://" in target:
            if hadoop is None:
                raise UsageError(f"{target!r} needs Hadoop's FileSystem: run it through the Spark job")
            items: Iterator[Any] = _hadoop(target, hadoop)
            for item in items:
                if isinstance(item, IngestError):
                    errors.append(item)
                else:
                    add(*item)
            continue
        for item in _local(target):
            if isinstance(item, IngestError):
                errors.append(item)
                continue
            path, source = item
            try:
                size = path.stat().st_size
            except OSError as exc:
                errors.append(unreadable(source, exc))
                continue
            add("file:" + str(path.resolve()), source, size)
    return tasks, errors


def raw_inputs(data: bytes, task: FileTask, settings: dict[str, Any]) -> Iterator[RawInput | IngestError]:
    """One file's bytes -> its raw inputs and errors, as `storyline ingest` reads that file (keys included)."""
    key = path_key(task.uri.removeprefix("file:")) if task.uri.startswith("file:") else task.uri
    yield from keyed(_raw_inputs(data, task, settings), task.source, key)


def _raw_inputs(data: bytes, task: FileTask, settings: dict[str, Any]) -> Iterator[RawInput | IngestError]:
    if task.kind == "warc":
        yield from read_warc(io.BytesIO(data), task.source, int(settings["max_bytes"]))
        return
    if task.kind is None and looks_like_feed(data):
        yield _feed(task.source)
        return
    try:
        yield from guard(read_bytes(data, task.source, task.kind, settings), task.source)
    except InputError as exc:
        yield IngestError(exc.source, exc.stage, exc.message)
