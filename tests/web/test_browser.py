"""The dashboard in a real browser: Debian's chromium driven by Playwright against a live server.

A store is built from the bundled invented examples plus a page whose text carries `<script>` and
`onerror=` payloads; uvicorn serves it on a free loopback port in a thread. Each page must load
without console errors, the filters must narrow the lists, a highlight must open its record and
the payloads must show as text without running. Screenshots go to test-output/browser/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
XSS_PAGE = """Ministry statement carried stray markup

MEXICO CITY, March 4, 2025 — Mexico's foreign ministry protested on Monday after a US embassy statement published on its website carried the string <script>alert(1)</script> in its first line, an error the embassy later corrected.

"We will not accept <img src=x onerror=alert(1)> as a serious answer," Foreign Minister Juan Ramírez told reporters at the National Palace.

The embassy said at least 3 statements had been affected by the error, according to a spokesperson.
"""


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The invented pages served with the bundled examples (`server` and `browser`: tests/web/conftest.py)."""
    return {"markup-in-text.txt": XSS_PAGE}


class Watched:
    """A page with its console errors, uncaught exceptions, dialogs and failed requests recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error"
                else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield Watched(context.new_page())
    finally:
        context.close()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _first_link(page: Any, prefix: str) -> str:
    href = page.eval_on_selector(f'a[href^="{prefix}"]', "a => a.getAttribute('href')")
    assert href, f"no link to {prefix}"
    return str(href)


@pytest.mark.parametrize(("name", "path", "selector"), [
    ("overview", "/", "#escalation"),
    ("timeline", "/timeline", "#results .story"),
    ("events", "/events", "table.events tbody tr"),
    ("documents", "/documents", "#results tbody tr"),
    ("actors", "/actors", "#network .node"),
    ("map", "/map", "#map path[data-country]"),
    ("sources", "/sources", "#results tbody tr"),
    ("docs", "/docs", ".docs-op"),
])
def test_each_page_loads_without_console_errors(server: str, watched: Watched, name: str, path: str,
                                                selector: str) -> None:
    response = watched.page.goto(server + path)
    assert response is not None and response.status == 200
    watched.page.wait_for_selector(selector)
    _shot(watched.page, name)
    assert watched.problems == []


def test_story_and_document_pages_load(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/timeline")
    page.goto(server + _first_link(page, "/stories/"))
    page.wait_for_selector("table.events tbody tr")
    _shot(page, "story")
    page.goto(server + _first_link(page, "/documents/"))
    page.wait_for_selector("#doctext .hl")
    _shot(page, "document")
    assert watched.problems == []


def test_timeline_filters_narrow_the_list(server: str, watched: Watched) -> None:
    import httpx

    page = watched.page
    page.goto(server + "/timeline")
    everything = page.locator("#results .story").count()
    page.fill("#filters input[name=actor]", "MEX")
    page.select_option("#filters select[name=type]", "REJECT")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/timeline?*actor=MEX*")
    expected = httpx.get(server + "/api/timeline", params={"actor": "MEX", "type": "REJECT"}).json()["total"]
    assert 0 < page.locator("#results .story").count() == expected < everything
    assert all("REJECT" in t for t in page.locator("#results .story .head strong").all_inner_texts())
    _shot(page, "timeline-filtered")
    page.fill("#filters input[name=actor]", "")
    page.select_option("#filters select[name=type]", "")
    page.select_option("#filters select[name=status]", "hypothetical")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**status=hypothetical*")
    statuses = page.locator("#results table.events td .tag").all_inner_texts()
    assert statuses and set(statuses) == {"hypothetical"}
    assert watched.problems == []


def test_events_filter_by_date_range_and_source(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/events")
    page.fill("#filters input[name=since]", "2025-11")
    page.fill("#filters input[name=source]", "Harbor Wire")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**source=Harbor*")
    dates = page.locator("table.events tbody tr td.mono").all_inner_texts()
    assert dates and all(d >= "2025-11" for d in dates)
    assert set(page.locator("table.events tbody tr td .publisher").all_inner_texts()) == {"· Harbor Wire"}
    page.fill("#filters input[name=since]", "2025-13")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#problems li")
    assert "not a real date" in page.inner_text("#problems")


def test_a_highlight_opens_its_record(server: str, watched: Watched) -> None:
    import httpx

    page = watched.page
    docs = httpx.get(server + "/api/documents", params={"limit": 200}).json()["items"]
    doc = next(d for d in docs if d["event"] and d["quote"] and d["removed_blocks"] and not d["duplicate_of"])
    data = httpx.get(f"{server}/api/documents/{doc['id']}").json()
    event = data["records"]["event"][0]
    page.goto(f"{server}/documents/{doc['id']}")
    page.click(f'#doctext .hl[data-ids~="{event["id"]}"]')
    panel = page.locator(f'#record-body .record[data-record="{event["id"]}"]')
    panel.wait_for()
    text = panel.inner_text()
    assert event["type"] in text and event["trigger"]["text"] in text and event["status"] in text
    quote = data["records"]["quote"][0]
    page.click(f'#doctext .hl[data-ids~="{event["id"]}"]')  # unpin, so hovering shows another record
    page.hover(f'#doctext .hl[data-ids~="{quote["id"]}"]')
    page.locator(f'#record-body .record[data-record="{quote["id"]}"]').wait_for()
    page.click(f'a[data-show-record="{quote["id"]}"]')  # the list below the text opens it too
    assert quote["text"][:20] in page.inner_text("#record-body")
    page.click("#removed summary")
    assert page.locator("#removed li").first.is_visible()
    _shot(page, "document-record")
    assert watched.problems == []


def test_markup_in_article_text_stays_inert(server: str, watched: Watched) -> None:
    import httpx

    page = watched.page
    docs = httpx.get(server + "/api/documents", params={"limit": 200}).json()["items"]
    doc = next(d for d in docs if d["source"].endswith("markup-in-text.txt"))
    page.goto(f"{server}/documents/{doc['id']}")
    page.wait_for_selector("#doctext")
    shown = page.inner_text("#doctext")
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    assert page.locator("#doctext script, #doctext img").count() == 0
    quote = httpx.get(f"{server}/api/documents/{doc['id']}").json()["records"]["quote"][0]
    page.click(f'#doctext .hl[data-ids~="{quote["id"]}"]')
    record = page.locator(f'#record-body .record[data-record="{quote["id"]}"]')
    record.wait_for()
    assert "<img src=x onerror=alert(1)>" in record.inner_text()
    assert page.locator("#record-body img").count() == 0
    for path in ("/events", "/timeline", "/", "/documents"):
        page.goto(server + path)
    page.wait_for_timeout(300)
    _shot(page, "markup-inert")
    assert watched.dialogs == []
    assert watched.problems == []
