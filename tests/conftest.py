"""Fixtures shared by the whole suite: the peer data in ../shared, a fresh store, a loopback web server."""

from __future__ import annotations

import http.server
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


@pytest.fixture
def cfg(tmp_path: Path) -> dict[str, Any]:
    from storyline import settings

    return settings.load({"db": str(tmp_path / "test.db")})


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
