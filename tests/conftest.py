"""Fixtures shared by the whole suite: the peer data in ../shared, a fresh store, loopback web servers
(plain HTTP routes, or the storyline app under uvicorn) and Debian's chromium through Playwright."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
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


class Routes(dict[str, Any]):
    """path -> (status, headers, body), or a function answering the request handler itself."""


class Servers:
    """Plain HTTP servers on loopback addresses, each answering from its own routes (a path no route
    names gets 404)."""

    def __init__(self) -> None:
        self.servers: list[http.server.ThreadingHTTPServer] = []

    def start(self, host: str, routes: dict[str, Any], port: int = 0) -> int:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                answer = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
                if callable(answer):
                    answer(self)
                    return
                status, headers, body = answer
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer((host, port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.servers.append(server)
        return int(server.server_address[1])

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture
def servers() -> Iterator[Servers]:
    s = Servers()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def web(servers: Servers) -> tuple[str, Routes]:
    """A real HTTP server on a free loopback port, serving whatever the test puts in `routes`."""
    routes = Routes()
    port = servers.start("127.0.0.1", routes)
    return f"http://127.0.0.1:{port}", routes


@contextlib.contextmanager
def _serving(app: Any) -> Iterator[str]:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("the storyline server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def serve_app() -> Callable[[Any], contextlib.AbstractContextManager[str]]:
    """`with serve_app(create_app(db)) as base_url:` runs the app under uvicorn on a free loopback port."""
    return _serving


def _examples_db(folder: Path, pages: dict[str, str]) -> str:
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.link import link_new
    from storyline.store.db import Store

    (folder / "pages").mkdir()
    for name, text in pages.items():
        (folder / "pages" / name).write_text(text, encoding="utf-8")
    db = str(folder / "web.db")
    with Store.open(db) as store:
        summary = ingest([str(EXAMPLES), str(folder / "pages")], store, settings.load({"db": db}))
        assert not summary.failed, "an example page could not be ingested"
        link_new(store)
    return db


@pytest.fixture(scope="session")
def examples_db() -> Callable[[Path, dict[str, str]], str]:
    """`examples_db(folder, {name: text})`: a linked SQLite store, in `folder`, of the bundled invented
    examples plus the given pages; its path."""
    return _examples_db


CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def _launch() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def chromium() -> Callable[[], contextlib.AbstractContextManager[Any]]:
    """`with chromium() as browser:` Debian's chromium, headless, driven by Playwright. Skips, saying
    what to install, when the binary or the playwright package is absent (never `playwright install`)."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) "
                    "or point STORYLINE_CHROMIUM at a Chromium binary")
    try:
        import playwright.sync_api  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("the playwright package is absent: pip install playwright (never `playwright install`; "
                    "the tests use the system chromium)")
    return _launch
