"""The live overview in a real browser: a page opened before an article arrives says it arrived."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

FIRST = ("Gulf Wire\n\nThe United States threatened on Monday to strike cartel camps inside Mexico, officials said.\n")
SECOND = ("Norte Diario\n\nPolice in Tijuana said on Tuesday that gunmen attacked a checkpoint and wounded "
          "three officers.\n")


@pytest.mark.parametrize("path", ["/", "/timeline"])
def test_a_page_opened_earlier_shows_what_arrived_since(tmp_path: Path, path: str, chromium: Any,
                                                        serve_app: Any) -> None:
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
    problems: list[str] = []
    with serve_app(app) as url, chromium() as browser:
        page = browser.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}{path}")
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
    assert problems == []
