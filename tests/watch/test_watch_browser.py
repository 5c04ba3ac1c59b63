"""The live overview in a real browser: a page opened before an article arrives says it arrived."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
FIRST = ("Gulf Wire\n\nThe United States threatened on Monday to strike cartel camps inside Mexico, officials said.\n")
SECOND = ("Norte Diario\n\nPolice in Tijuana said on Tuesday that gunmen attacked a checkpoint and wounded "
          "three officers.\n")


def _playwright() -> Any:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium, or set STORYLINE_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ModuleNotFoundError:
        pytest.skip("the playwright package is absent: pip install playwright")
    return sync_playwright


@pytest.mark.parametrize("path", ["/", "/timeline"])
def test_a_page_opened_earlier_shows_what_arrived_since(tmp_path: Path, path: str) -> None:
    sync_playwright = _playwright()
    import uvicorn

    from storyline import settings
    from storyline.api import create_app
    from storyline.ingest import ingest
    from storyline.store.db import Store

    db = str(tmp_path / "live.db")
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    cfg = settings.load({"db": db})
    with Store.open(db) as store:
        ingest([str(tmp_path / "first.txt")], store, cfg)
    app = create_app(db)
    app.state.renderer.env.globals["live_every_ms"] = 300  # ask often, so the test is quick
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        assert time.time() < deadline and thread.is_alive(), "the dashboard server did not start"
        time.sleep(0.05)
    problems: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.wait_for_timeout(800)
            assert page.locator("#live").is_hidden()  # nothing new yet
            with Store.open(db) as store:
                ingest([str(tmp_path / "second.txt")], store, cfg)
            page.locator("#live").wait_for(state="visible", timeout=10_000)
            assert "1 new document since you opened this page" in page.locator("#live").inner_text()
            page.locator("#live-reload").click()
            page.wait_for_load_state()
            page.wait_for_timeout(800)
            assert page.locator("#live").is_hidden()  # reloaded: counted from now again
            browser.close()
    finally:
        srv.should_exit = True
        thread.join(10)
    assert problems == []
