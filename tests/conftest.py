"""Fixtures shared by the whole suite: the peer data in ../shared, a fresh store, a loopback web server."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "src" / "storyline" / "examples"


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the peer data sets live in ../shared beside the project")
    return SHARED


PG_URL = os.environ.get("STORYLINE_TEST_PG")  # e.g. postgresql+psycopg://storyline@localhost/storyline_test
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_database(backend: str, tmp_path: Path) -> str:
    """A URL of an empty database of the given kind: a new SQLite file, or the test PostgreSQL emptied."""
    if backend == "sqlite":
        return str(tmp_path / "test.db")
    if not PG_URL:
        pytest.skip("set STORYLINE_TEST_PG to a PostgreSQL URL to run the store tests on PostgreSQL (.ci/run does)")
    from sqlalchemy import create_engine

    from storyline.store import schema

    engine = create_engine(PG_URL)
    schema.metadata.drop_all(engine)
    engine.dispose()
    return PG_URL


@pytest.fixture(params=BACKENDS)
def any_backend_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend in turn; a test module opts in by returning it from `db_url`."""
    return fresh_database(request.param, tmp_path)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The database the `cfg` and `store` fixtures use; store tests override it to run on every backend."""
    return fresh_database("sqlite", tmp_path)


@pytest.fixture
def cfg(db_url: str) -> dict[str, Any]:
    from storyline import settings

    return settings.load({"db": db_url})


@pytest.fixture
def store(cfg: dict[str, Any]) -> Iterator[Any]:
    from storyline.store.db import Store

    with Store.open(cfg["db"]) as s:
        yield s


class Routes(dict[str, tuple[int, dict[str, str], bytes]]):
    """path -> (status, headers, body), served by `web`."""


@pytest.fixture
def web() -> Iterator[tuple[str, Routes]]:
    """A real HTTP server on a free loopback port, serving whatever the test puts in `routes`."""
    routes = Routes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()
