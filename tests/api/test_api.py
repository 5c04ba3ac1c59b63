"""The HTTP API and the server-rendered pages, through FastAPI's TestClient, over a real store.

The store is built once per module by ingesting the bundled invented examples plus a page whose
text carries HTML payloads, with the real pipeline, then linked into stories.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "src" / "storyline" / "examples"
XSS_PAGE = """Ministry statement carried stray markup

MEXICO CITY, March 4, 2025 — Mexico's foreign ministry protested on Monday after a US embassy statement published on its website carried the string <script>alert(1)</script> in its first line, an error the embassy later corrected.

"We will not accept <img src=x onerror=alert(1)> as a serious answer," Foreign Minister Juan Ramírez told reporters at the National Palace.

The embassy said at least 3 statements had been affected by the error, according to a spokesperson.
"""

# Two invented reports of one strike that disagree on the dead: a story with a conflicting figure.
STRIKE_A = """US strike on boat in Caribbean kills three

Published: 2025-10-15

WASHINGTON — US forces struck a boat in the Caribbean on Tuesday, killing three people, the Pentagon said on Wednesday.

The strike was the fifth such attack this month, officials said.
"""
STRIKE_B = """Deadly US strike hits boat off Venezuela

Published: 2025-10-15

CARACAS — US forces struck a boat in the Caribbean on Tuesday, killing five people, Venezuelan officials said on Wednesday.

Venezuela condemned the attack as illegal.
"""


def build_store(folder: Path) -> str:
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.link import link_new
    from storyline.store.db import Store

    pages = folder / "pages"
    pages.mkdir()
    for name, text in (("markup-in-text.txt", XSS_PAGE), ("strike-a.txt", STRIKE_A), ("strike-b.txt", STRIKE_B)):
        (pages / name).write_text(text, encoding="utf-8")
    db = str(folder / "web.db")
    with Store.open(db) as store:
        summary = ingest([str(EXAMPLES), str(pages)], store, settings.load({"db": db}))
        assert summary.failed == 0
        link_new(store)
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _xss_document(client: TestClient) -> dict[str, Any]:
    docs = client.get("/api/documents", params={"limit": 200}).json()["items"]
    return next(d for d in docs if d["source"].endswith("markup-in-text.txt"))


# --- pages and their JSON twins ------------------------------------------------------------------------


@pytest.mark.parametrize(("page", "twin", "keys"), [
    ("/", "/api/overview", {"counts", "escalation", "latest_stories"}),
    ("/timeline", "/timeline.json", {"items", "total", "limit", "offset", "mode"}),
    ("/events", "/events.json", {"items", "total", "limit", "offset"}),
    ("/documents", "/documents.json", {"items", "total"}),
    ("/actors", "/actors.json", {"items", "nodes", "total"}),
    ("/map", "/map.json", {"items", "countries", "unplaced"}),
    ("/sources", "/sources.json", {"items", "columns", "total"}),
])
def test_every_page_renders_and_has_a_json_twin(client: TestClient, page: str, twin: str, keys: set[str]) -> None:
    html = client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert f'href="{twin}"' in html.text  # the page links its twin
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/json")
    assert keys <= set(data.json())


@pytest.mark.parametrize("name", ["timeline", "events", "documents", "actors", "map", "sources"])
def test_dot_json_and_api_routes_give_the_same_answer(client: TestClient, name: str) -> None:
    assert client.get(f"/{name}.json?limit=3").json() == client.get(f"/api/{name}?limit=3").json()


def test_story_and_document_pages(client: TestClient) -> None:
    story = client.get("/api/timeline").json()["items"][0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and story["type"] in page.text
    data = client.get(f"/api/stories/{story['id']}").json()
    assert data["story"]["id"] == story["id"]
    assert {e["id"] for e in data["events"]["items"]} <= set(story["event_ids"])
    doc_id = story["document_ids"][0]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["text"] and set(doc["records"]) == {"quote", "claim", "event", "citation_issue"}
    assert story["id"] in doc["stories"]
    assert client.get(f"/documents/{doc_id}").status_code == 200


def test_document_page_places_records_in_the_text(client: TestClient) -> None:
    doc = _xss_document(client)
    page = client.get(f"/documents/{doc['id']}").text
    data = client.get(f"/api/documents/{doc['id']}").json()
    quote = data["records"]["quote"][0]
    assert f'data-ids="{quote["id"]}"' in page or re.search(rf'data-ids="[^"]*{quote["id"]}', page)
    event = data["records"]["event"][0]
    assert event["explanation"]  # explain_event's prose rides along with the record
    assert 'id="removed"' in page  # the removed boilerplate can be opened


def test_conflicting_figures_are_listed_side_by_side(client: TestClient) -> None:
    stories = client.get("/api/timeline", params={"type": "ASSAULT", "limit": 200}).json()["items"]
    story = next(s for s in stories if s["conflicts"])
    data = client.get(f"/api/stories/{story['id']}").json()
    killed = next(c for c in data["conflicts"] if c["field"] == "killed")
    assert sorted(v["value"] for v in killed["values"]) == [3, 5]
    assert all(v["document"]["title"] for v in killed["values"])
    page = client.get(f"/stories/{story['id']}").text
    block = page[page.index('data-field="killed"'):]
    assert "<b>3</b>" in block and "<b>5</b>" in block and "US strike on boat in Caribbean kills three" in block


# --- pagination and filters ----------------------------------------------------------------------------


def test_lists_are_paginated(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 200}).json()
    assert everything["total"] == len(everything["items"]) > 4
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:4]]
    beyond = client.get("/api/events", params={"offset": 10_000}).json()
    assert beyond["items"] == [] and beyond["total"] == everything["total"]
    page = client.get("/events", params={"limit": 2}).text
    assert 'rel="next" href="/events?limit=2&amp;offset=2"' in page


def test_events_are_in_date_order_undated_last(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/api/events", params={"limit": 200}).json()["items"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))


SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}


def _country(party: dict[str, Any] | None) -> str | None:
    return (party or {}).get("country")


def _dyad(story: dict[str, Any], actor: str | None, recipient: str | None) -> bool:
    a, r = _country(story["actor"]), _country(story["recipient"])
    straight = actor in (None, a) and recipient in (None, r)
    flipped = story["type"] in SYMMETRIC and actor in (None, r) and recipient in (None, a)
    return straight or flipped


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "MEX"}, lambda s: _dyad(s, "MEX", None)),
    ({"actor": "usa", "recipient": "MEX"}, lambda s: _dyad(s, "USA", "MEX")),
    ({"recipient": "USA"}, lambda s: _dyad(s, None, "USA")),
    ({"type": "agree"}, lambda s: s["type"] == "AGREE"),
    ({"since": "2025-11"}, lambda s: bool(s["date_last"]) and s["date_last"] >= "2025-11"),
    ({"until": "2025-06-30"}, lambda s: bool(s["date_first"]) and s["date_first"] <= "2025-06-30"),
    ({"source": "Harbor Wire"}, lambda s: "Harbor Wire" in s["sources"]),
    ({"source": "example.org"}, lambda s: "example.org" in s["sources"]),
])
def test_timeline_filters(client: TestClient, params: dict[str, str], check: Any) -> None:
    everything = client.get("/api/timeline", params={"limit": 200}).json()["items"]
    got = client.get("/api/timeline", params={**params, "limit": 200}).json()
    assert got["mode"] == "stories"
    assert got["items"], f"no story matched {params}"
    assert all(check(s) for s in got["items"])
    assert {s["id"] for s in everything if check(s)} == {s["id"] for s in got["items"]}


def test_timeline_with_another_status_lists_those_events(client: TestClient) -> None:
    got = client.get("/api/timeline", params={"status": "hypothetical"}).json()
    assert got["mode"] == "events" and got["items"]
    assert {e["status"] for e in got["items"]} == {"hypothetical"}
    page = client.get("/timeline", params={"status": "hypothetical"}).text
    assert "Only asserted events form stories" in page


@pytest.mark.parametrize(("params", "status"), [
    ({"status": "negated"}, "negated"), ({"status": "asserted"}, "asserted"), ({}, "asserted"),
])
def test_network_and_map_count_asserted_events_unless_asked(client: TestClient, params: dict[str, str],
                                                            status: str) -> None:
    for name in ("actors", "map"):
        assert client.get(f"/api/{name}", params=params).json()["filters"]["status"] == status


def test_actor_network_edges_are_weighted(client: TestClient) -> None:
    net = client.get("/api/actors").json()
    assert net["items"] and all(e["events"] >= 1 for e in net["items"])
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["items"])
    assert "<svg class=\"network\"" in client.get("/actors").text


def test_map_places_events_and_draws_the_world(client: TestClient) -> None:
    data = client.get("/api/map").json()
    assert data["items"] and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in data["items"])
    page = client.get("/map").text
    assert page.count("<path ") > 150  # the bundled country shapes
    assert 'data-country="MEX"' in page


@pytest.mark.parametrize(("by", "sort"), [("publisher", "unsourced"), ("document", "claims"), ("publisher", None)])
def test_sources_page(client: TestClient, by: str, sort: str | None) -> None:
    params = {"by": by, **({"sort": sort, "desc": "true"} if sort else {})}
    data = client.get("/api/sources", params=params).json()
    assert data["by"] == by and data["items"]
    if sort:
        values = [r[sort] for r in data["items"] if r[sort] is not None]
        assert values == sorted(values, reverse=True)
    assert client.get("/sources", params=params).status_code == 200


# --- validation and errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "params", "says"), [
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 201}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"actor": "Atlantis"}, "'Atlantis' is not a country"),
    ("/api/events", {"actor": "U5A"}, "actor"),
    ("/api/timeline", {"type": "INVADE"}, "'INVADE' is not a PLOVER event type"),
    ("/api/timeline", {"since": "2025-13"}, "not a real date"),
    ("/api/timeline", {"since": "2025-02-30"}, "not a real date"),
    ("/api/timeline", {"since": "yesterday"}, "since"),
    ("/api/timeline", {"since": "2025-12", "until": "2025-01"}, "after until"),
    ("/api/timeline", {"status": "rumoured"}, "status"),
    ("/api/timeline", {"colour": "red"}, "colour"),
    ("/api/overview", {"by": "year"}, "by"),
    ("/api/sources", {"sort": "x; DROP TABLE events"}, "sort"),
    ("/api/sources", {"sort": "nonsense"}, "nonsense"),
    ("/api/documents/a b;c", {}, "document_id"),
])
def test_bad_parameters_get_a_clear_4xx(client: TestClient, path: str, params: dict[str, Any], says: str) -> None:
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500
    assert says in json.dumps(r.json()["detail"])


def test_bad_parameters_on_a_page_get_an_html_error(client: TestClient) -> None:
    r = client.get("/timeline", params={"limit": 500})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "limit: Input should be less than or equal to 200" in r.text


@pytest.mark.parametrize("path", ["/stories/0000000000000000", "/api/stories/0000000000000000",
                                  "/documents/0000000000000000", "/api/documents/0000000000000000", "/nowhere"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_a_filter_value_is_data_not_sql(client: TestClient) -> None:
    r = client.get("/api/events", params={"source": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0


# --- escaping and headers ------------------------------------------------------------------------------


def test_article_text_is_escaped(client: TestClient) -> None:
    doc = _xss_document(client)
    page = client.get(f"/documents/{doc['id']}").text
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    records = re.search(r'<script type="application/json" id="records-data">(.*?)</script>', page, re.S)
    assert records and "<" not in records.group(1)  # \u003c inside the JSON island
    assert "onerror=alert(1)" in json.loads(records.group(1)).__repr__()
    for listing in ("/events", "/timeline", "/"):
        assert "<script>alert(1)" not in client.get(listing).text


def test_every_response_carries_a_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/events", "/docs"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_openapi_schema_and_docs_page(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/timeline", "/api/events", "/api/documents", "/api/stories/{story_id}"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower()


# --- POST /api/documents -------------------------------------------------------------------------------


def test_read_only_without_a_token(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": "Mexico protested on Monday."})
    assert r.status_code == 403 and "--token" in r.json()["detail"] and "STORYLINE_TOKEN" in r.json()["detail"]


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    db = str(tmp_path / "write.db")
    with TestClient(create_app(db, token="s3cret", max_body=20_000)) as c:
        yield c


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": "s3cret"}, 401),
    ({"Authorization": "Basic s3cret"}, 401),
])
def test_a_token_is_required(writer: TestClient, headers: dict[str, str], status: int) -> None:
    assert writer.post("/api/documents", json={"text": "x"}, headers=headers).status_code == status


AUTH = {"Authorization": "Bearer s3cret"}
PAGE = ("Border talks resume\n\nWASHINGTON, March 3, 2025 — Mexico's foreign ministry protested on Monday "
        "after US officials threatened new tariffs, the ministry said in a statement.\n")


@pytest.mark.parametrize(("body", "fmt"), [
    ({"text": PAGE}, "text"),
    ({"html": "<html><head><title>Border talks resume</title></head><body><article><h1>Border talks resume</h1>"
              f"<p>{PAGE.splitlines()[2]}</p></article></body></html>"}, "html"),
])
def test_post_ingests_text_and_html(writer: TestClient, body: dict[str, str], fmt: str) -> None:
    r = writer.post("/api/documents", json={**body, "source": f"api-test-{fmt}"}, headers=AUTH)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "new" and out["url"] == f"/documents/{out['document_id']}"
    doc = writer.get(f"/api/documents/{out['document_id']}").json()
    assert "foreign ministry protested" in doc["text"]
    assert writer.get("/api/documents").json()["total"] == 1  # the page cache saw the write
    again = writer.post("/api/documents", json={**body, "source": f"api-test-{fmt}"}, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize(("body", "says"), [
    ({}, "exactly one of text, html or url"),
    ({"text": "a", "html": "<p>a</p>"}, "exactly one"),
    ({"url": "ftp://example.org/x"}, "url"),
    ({"text": "a", "colour": "red"}, "colour"),
])
def test_post_validates_its_body(writer: TestClient, body: dict[str, Any], says: str) -> None:
    r = writer.post("/api/documents", json=body, headers=AUTH)
    assert r.status_code == 422 and says in json.dumps(r.json()["detail"])


def test_post_body_is_capped(writer: TestClient) -> None:
    r = writer.post("/api/documents", json={"text": "word " * 10_000}, headers=AUTH)
    assert r.status_code == 413 and "max_body" in r.json()["detail"]


def test_a_page_the_pipeline_cannot_use_is_a_422_and_an_ingest_error(writer: TestClient) -> None:
    r = writer.post("/api/documents", json={"html": "<html><body></body></html>", "source": "empty"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["stage"]
    assert writer.get("/api/overview").json()["counts"]["ingest_error"] == 1


@pytest.mark.network
def test_post_a_url_refuses_private_addresses_unless_allowed(tmp_path: Path, web: Any) -> None:
    from storyline import settings

    base, routes = web
    html = ("<html><head><title>Border talks resume</title></head><body><article><h1>Border talks resume</h1>"
            f"<p>{PAGE.splitlines()[2]}</p><p>Talks will continue next week, officials said.</p></article></body>"
            "</html>").encode()
    routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    db = str(tmp_path / "url.db")
    with TestClient(create_app(db, token="t")) as c:
        r = c.post("/api/documents", json={"url": f"{base}/story"}, headers={"Authorization": "Bearer t"})
        assert r.status_code == 422 and r.json()["stage"] == "fetch"
    cfg = settings.load({"db": db, "allow_private": True})
    with TestClient(create_app(db, token="t", settings=cfg)) as c:
        r = c.post("/api/documents", json={"url": f"{base}/story"}, headers={"Authorization": "Bearer t"})
        assert r.status_code == 201, r.text
        assert "foreign ministry" in c.get(r.json()["url"]).text


@pytest.mark.network
def test_a_posted_url_is_linked_once(tmp_path: Path, web: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetched page is stored and linked into stories by one linking pass, whose counts are the answer's."""
    import storyline.link
    from storyline import settings
    from storyline.store.db import Store

    passes = []
    real = storyline.link.link_new

    def counted(store: Store) -> Any:
        passes.append(store.name)
        return real(store)

    monkeypatch.setattr(storyline.link, "link_new", counted)
    base, routes = web
    html = ("<html><head><title>Navy intercepts fishing boat</title></head><body><article>"
            "<h1>Navy intercepts fishing boat</h1><p>VERACRUZ, May 6, 2025 — Mexico's navy seized a fishing boat "
            "carrying 400 kilograms of cocaine off Veracruz on Tuesday, the navy ministry said.</p>"
            "<p>Two crew members were detained, officials said.</p></article></body></html>").encode()
    routes["/navy"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    db = str(tmp_path / "url-once.db")
    cfg = settings.load({"db": db, "allow_private": True})
    with TestClient(create_app(db, token="t", settings=cfg)) as c:
        r = c.post("/api/documents", json={"url": f"{base}/navy"}, headers={"Authorization": "Bearer t"})
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["status"] == "new" and len(passes) == 1
        assert out["linked"]["documents"] == 1  # the pass that linked it is the one reported
        again = c.post("/api/documents", json={"url": f"{base}/navy"}, headers={"Authorization": "Bearer t"})
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        assert again.json()["document_id"] == out["document_id"] and len(passes) == 1
    with Store.open(db) as store:
        assert store.count("document") == 1 and not storyline.link.pending(store)


# --- every backend -------------------------------------------------------------------------------------


def test_the_api_on_every_backend(any_backend_db_url: str) -> None:
    """The same reads on SQLite and PostgreSQL: JSON paths, GROUP BY over them, prefix matches."""
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.link import link_new
    from storyline.store.db import Store

    with Store.open(any_backend_db_url) as store:
        ingest([str(EXAMPLES)], store, settings.load({"db": any_backend_db_url}))
        link_new(store)
    with TestClient(create_app(any_backend_db_url)) as c:
        for path in ("/api/overview", "/api/timeline?actor=MEX&since=2025-01", "/api/events?source=example.org",
                     "/api/actors", "/api/map", "/api/sources", "/api/documents", "/", "/timeline", "/map",
                     "/actors", "/?include_undated=true", "/api/timeline?actor=United+States"):
            assert c.get(path).status_code == 200, path
        events = c.get("/api/events", params={"limit": 200}).json()
        assert events["total"] == len(events["items"]) > 0
        assert c.get(f"/events/{events['items'][0]['id']}").status_code == 200
        assert c.get("/api/actors").json()["items"]
        assert c.get("/api/map").json()["items"]
        assert c.get("/api/timeline", params={"source": "example.org"}).json()["items"]


def test_an_empty_store_renders_every_page(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "empty.db"))) as c:
        for path in ("/", "/timeline", "/events", "/documents", "/actors", "/map", "/sources", "/docs"):
            r = c.get(path)
            assert r.status_code == 200, path
        assert "No stories yet" in c.get("/").text
        assert c.get("/api/timeline").json() == {"mode": "stories", "filters": {}, "items": [], "total": 0, "total_exact": True,
                                                 "limit": 50, "offset": 0}


@pytest.mark.parametrize(("url", "link"), [
    ("https://example.org/a", True), ("HTTP://example.org/a", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("data:text/html,<script>alert(1)</script>", False), (None, False),
])
def test_only_web_urls_become_links(url: str | None, link: bool) -> None:
    from storyline.api.render import _web_url

    assert _web_url(url) == (url if link else None)
