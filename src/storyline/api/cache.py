"""A small cache of page data, dropped whenever the store changes.

A dashboard asks the same few questions over and over (the overview, the first page of the
timeline, one country's events), and the answers change only when something is ingested or
linked. `ViewCache.get(key, compute)` returns the cached answer while the store's version is
the one it was computed at, else computes it again. The version of a SQLite store is the size and
modification time of its database file and its write-ahead log, so a write by this server, by
`storyline ingest` in another process or by anything else is seen at the next request. Other
databases have no such cheap signal: for them nothing is cached.

Cached values are shared between requests: callers must not mutate them. `Answer` wraps a page's
data with its JSON bytes and their gzip, each made once, so a repeated API request costs a look-up.
A page may hold records as stored JSON text (`store.rawjson.RawJSON`): the JSON answer copies them
in verbatim; `Answer.data`, for the templates, has them decoded.
"""

from __future__ import annotations

import gzip
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Engine
from starlette.responses import Response

from ..store.rawjson import dumps, materialize

GZIP_MIN = 1024  # bytes; smaller answers go as they are (as with the app's gzip middleware)
GZIP_LEVEL = 1  # a page of 50 stories: level 5 costs 3x the CPU (1.5 ms vs 0.5) for 13% fewer bytes


def sqlite_files(engine: Engine) -> tuple[str, ...] | None:
    """The database file and its WAL of a file-backed SQLite engine, else None."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    path = os.path.abspath(engine.url.database)
    return path, path + "-wal"


class ViewCache:
    def __init__(self, engine: Engine, size: int = 256) -> None:
        self.files = sqlite_files(engine)
        self.size = size if self.files else 0
        self._items: OrderedDict[Hashable, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def version(self) -> tuple[tuple[int, int], ...]:
        out = []
        for path in self.files or ():
            try:
                st = os.stat(path)
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append((0, 0))
        return tuple(out)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if not self.size:
            return compute()
        version = self.version()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == version:
                self._items.move_to_end(key)
                self.hits += 1
                return found[1]
        self.misses += 1
        value = compute()  # outside the lock: two requests may compute the same page once each, never wait
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class Answer:
    """A page's data, with its JSON encoding and the gzip of that made once, on first use."""

    __slots__ = ("_data", "_gzip", "_json", "raw")

    def __init__(self, raw: Any) -> None:
        self.raw = raw  # may hold RawJSON records
        self._data: Any = None
        self._json: bytes | None = None
        self._gzip: bytes | None = None

    @property
    def data(self) -> Any:
        """The page's data with every record decoded."""
        if self._data is None:
            self._data = materialize(self.raw)
        return self._data

    def json(self) -> bytes:
        if self._json is None:
            self._json = dumps(self.raw).encode()
        return self._json

    def response(self, accept_encoding: str) -> Response:
        """A JSON response, already compressed when the client takes gzip (the gzip middleware then leaves it)."""
        body = self.json()
        if len(body) >= GZIP_MIN and "gzip" in accept_encoding:
            if self._gzip is None:
                self._gzip = gzip.compress(body, compresslevel=GZIP_LEVEL)
            return Response(self._gzip, media_type="application/json",
                            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(body, media_type="application/json")
