"""The dashboard's pictures in a real browser (Debian's chromium, Playwright): what they say and that they read.

A store of the bundled invented examples plus an invented page with many countries acting on one
another is served by uvicorn on a loopback port. The actor network must draw no label over another
node or label, one node per actor identity and arcs coloured by conflict or cooperation; the map
must shade by the events' own locations with copies counted once and carry a legend; the escalation
chart must join only adjacent periods, mark events counted at their article's date, and say what its
sum means; at 390 px the chart stays readable and nothing overflows the screen.
Screenshots go to test-output/browser/ (actors-network, map-legend, escalation, *-mobile).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
REGIONAL = """Regional ministers trade accusations over border closures

Published: 2025-06-11

BRASILIA — Brazil's foreign ministry accused Argentina on Tuesday of blocking grain shipments at the border, the ministry said in a statement.

Colombia and Venezuela agreed on Monday to reopen the main border crossing, officials said.

Peru's government condemned Chile's decision to close two border posts, calling it a breach of a bilateral accord.

Ecuador's President met Panamanian President José Raúl Mulino in Quito on Tuesday to discuss migration, his office said.

Bolivia threatened on Monday to suspend gas exports to Paraguay if the dispute over transit fees was not settled.

Uruguay's foreign minister praised Brazil for its help in the talks.
"""


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The invented pages served with the bundled examples (`server` and `browser`: tests/web/conftest.py)."""
    return {"regional.txt": REGIONAL}


def _page(browser: Any, width: int = 1280) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.problems = problems
    return page


def _shot(page: Any, name: str, selector: str | None = None) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = page.locator(selector).first if selector else page
    target.screenshot(path=str(SHOTS / f"{name}.png"), **({} if selector else {"full_page": True}))


BOXES_JS = """() => [...document.querySelectorAll('#network g.node')].map(g => {
  const boxes = [g.querySelector('circle'), g.querySelector('text')].map(el => {
    const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
  return {id: g.dataset.node, label: g.querySelector('text').textContent, boxes: boxes}; })"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def test_actor_network_labels_never_overlap_and_nodes_are_identities(server: str, browser: Any) -> None:
    page = _page(browser)
    page.goto(server + "/actors")
    page.wait_for_selector("#network .node")
    nodes = page.evaluate(BOXES_JS)
    assert len(nodes) >= 12
    clashes = [(a["label"], b["label"]) for i, a in enumerate(nodes) for b in nodes[i + 1:]
               for box_a in a["boxes"] for box_b in b["boxes"] if _overlap(box_a, box_b)]
    assert clashes == []
    svg = page.locator("#network").bounding_box()
    for n in nodes:  # every label inside the picture
        for left, top, right, bottom in n["boxes"]:
            assert svg["x"] - 0.5 <= left and right <= svg["x"] + svg["width"] + 0.5
            assert svg["y"] - 0.5 <= top and bottom <= svg["y"] + svg["height"] + 0.5
    labels = [n["label"] for n in nodes]
    assert len(labels) == len(set(labels))
    events = httpx.get(server + "/api/events", params={"status": "asserted", "limit": 200}).json()["items"]
    merged = {p["name"] for e in events for p in (e["actor"], e["recipient"]) if p and (p["country"] or p["sector"])
              and p["name"] != " ".join(x for x in (p["country"] or "?", p["sector"]) if x)}
    assert "USA GOV" in labels and not merged & set(labels)  # "Donald Trump" is USA GOV, not a node of his own
    tooltip = page.eval_on_selector('#network g.node[data-node="USA GOV"] circle title', "t => t.textContent")
    assert "Donald Trump" in tooltip and "Marco Rubio" in tooltip
    data = httpx.get(server + "/api/actors").json()
    kinds = page.eval_on_selector_all("#network path.edge", "ps => ps.map(p => p.dataset.kind)")
    assert {"conflict", "cooperation"} <= set(kinds) <= {"conflict", "cooperation", "neutral"}
    for kind in ("conflict", "cooperation", "neutral"):  # one arc per pair and kind, never a blended mean
        assert kinds.count(kind) == sum(1 for e in data["items"] if e[kind] and e["source"] != e["target"])
    colours = page.eval_on_selector_all("#network path.edge", "ps => ps.map(p => [p.dataset.kind, "
                                        "getComputedStyle(p).stroke])")
    by_kind = {k: {c for kk, c in colours if kk == k} for k in set(kinds)}
    assert all(len(c) == 1 for c in by_kind.values()) and len({c for k, c in colours}) == len(by_kind)
    _shot(page, "actors-network")
    assert page.problems == []


def test_map_shades_event_locations_with_a_legend_and_counts_copies_once(server: str, browser: Any) -> None:
    page = _page(browser)
    page.goto(server + "/map")
    page.wait_for_selector("#map path[data-country]")
    events = httpx.get(server + "/api/events", params={"status": "asserted", "limit": 200}).json()["items"]
    docs = httpx.get(server + "/api/documents", params={"limit": 200}).json()["items"]
    copies = {d["id"] for d in docs if d["duplicate_of"]}
    expected: dict[str, int] = {}
    for e in events:
        country = (e["location"] or {}).get("country")
        if country and e["document_id"] not in copies:
            expected[country] = expected.get(country, 0) + 1
    assert expected and any(e["document_id"] in copies for e in events)  # the store does hold copies
    shaded = page.eval_on_selector_all("#map path[data-country]:not(.shade-0)",
                                       "ps => ps.map(p => [p.dataset.country, p.querySelector('title').textContent])")
    assert {code: int(title.rsplit(": ", 1)[1].split()[0]) for code, title in shaded} == expected
    actors_only = {(e["actor"] or {}).get("country") for e in events} - set(expected) - {None}
    assert actors_only and not any(code in actors_only for code, _ in shaded)  # an actor's country is not shaded
    legend = page.inner_text("#map-legend")
    assert "events located in the country" in legend and "a place" in legend
    assert page.locator("#map-legend i.swatch").count() >= 1
    _shot(page, "map-legend")
    assert page.problems == []


def _adjacent(a: str, b: str) -> bool:
    year_a, week_a = a.split("-W")
    following = dt.date.fromisocalendar(int(year_a), int(week_a), 1) + dt.timedelta(days=7)
    return f"{following.isocalendar()[0]}-W{following.isocalendar()[1]:02d}" == b


@pytest.mark.parametrize("include_undated", [False, True])
def test_escalation_chart_shows_gaps_as_gaps_and_says_what_it_sums(server: str, browser: Any,
                                                                   include_undated: bool) -> None:
    page = _page(browser)
    page.goto(server + "/?by=week" + ("&include_undated=true" if include_undated else ""))
    page.wait_for_selector("#escalation circle.dot")
    dots = page.eval_on_selector_all("#escalation circle.dot", "cs => cs.map(c => [c.getAttribute('cx') + ',' + "
                                     "c.getAttribute('cy'), c.dataset.period, c.classList.contains('undated')])")
    where = {xy: period for xy, period, _ in dots}
    lines = page.eval_on_selector_all("#escalation polyline", "ps => ps.map(p => p.getAttribute('points'))")
    for points in lines:
        periods = [where[p] for p in points.split()]
        assert all(_adjacent(a, b) for a, b in itertools.pairwise(periods)), periods
    series = httpx.get(server + "/api/overview", params={"by": "week", "include_undated": include_undated}).json()
    assert len(dots) == sum(len(s["rows"]) for s in series["escalation"])
    placed = sum(r["undated"] for s in series["escalation"] for r in s["rows"])
    assert (placed > 0) == include_undated and any(u for _, _, u in dots) == include_undated
    meaning = page.inner_text("#escalation-meaning")
    assert "sum of the PLOVER intensities" in meaning and "counted once" in meaning and "gap" in meaning
    if include_undated:
        assert "counted at their article's date" in page.inner_text(".legend")
    _shot(page, "escalation" + ("-undated" if include_undated else ""), "#escalation")
    assert page.problems == []


@pytest.mark.parametrize("path", ["/", "/timeline", "/events", "/documents"])
def test_at_390_px_nothing_overflows_and_the_chart_reads(server: str, browser: Any, path: str) -> None:
    page = _page(browser, width=390)
    page.goto(server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if path == "/":
        chart = page.locator("#escalation").bounding_box()
        assert chart["width"] >= 540  # the chart scrolls sideways in its card instead of shrinking to a stamp
        size = page.eval_on_selector("#escalation text", "t => t.getBoundingClientRect().height")
        assert size >= 8
    _shot(page, f"{path.strip('/') or 'overview'}-mobile")
    assert page.problems == []
