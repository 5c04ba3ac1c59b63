"""What the dashboard and API tell a reader: event pages, filters in words, posted text bodies, snippets."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.api import create_app
from storyline.cli import app as cli

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "examples"
LONG = ("date 2025-11-19 Strikes rejected\n\nMEXICO CITY — After a day of closed-door meetings with security officials, "
        "state governors, business leaders, church groups, farmers' unions and the representatives of several "
        "international organisations in the capital, the Mexican government on Tuesday rejected any US military "
        "strike on Mexican soil.\n")
AUTH = {"Authorization": "Bearer s3cret"}
BRIEF = ("Mexico protests steel tariff threat\n\n"
         "MEXICO CITY — Mexico's foreign ministry protested on Monday after US officials threatened new tariffs on "
         "Mexican steel, the ministry said in a statement.\n\n"
         "The economy minister told reporters that Mexico would answer any tariff with measures of its own, and that "
         "talks with Washington would go on this week.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("screens")
    (folder / "long.txt").write_text(LONG, encoding="utf-8")
    db = str(folder / "s.db")
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), str(folder / "long.txt"), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _events(client: TestClient) -> list[dict[str, Any]]:
    return client.get("/api/events", params={"limit": 200}).json()["items"]


def test_every_event_has_a_page_saying_why_it_was_coded_so(client: TestClient) -> None:
    from storyline.explain import explain_event

    events = _events(client)
    listing = client.get("/events", params={"limit": 200}).text
    for e in events:
        assert f'href="/events/{e["id"]}"' in listing  # the events page links each one
    event = next(e for e in events if e["actor"] and e["recipient"])
    page = client.get(f"/events/{event['id']}")
    assert page.status_code == 200
    record = {k: v for k, v in event.items() if k != "document"}
    shown = html.unescape(re.search(r'<pre class="card explanation" id="explanation">(.*?)</pre>', page.text,
                                    re.S).group(1))  # type: ignore[union-attr]
    assert shown == explain_event(record)
    assert f'<mark class="trigger">{html.escape(event["trigger"]["text"])}</mark>' in page.text
    twin = client.get(f"/events/{event['id']}.json").json()
    assert twin == client.get(f"/api/events/{event['id']}").json()
    assert twin["event"]["id"] == event["id"] and twin["explanation"] == explain_event(record)
    missing = client.get("/events/0000000000000000")
    assert missing.status_code == 404 and "no event '0000000000000000'" in html.unescape(missing.text)


def test_a_long_sentence_is_cut_around_its_trigger(client: TestClient) -> None:
    event = next(e for e in _events(client) if e["evidence"].startswith("MEXICO CITY — After a day"))
    assert event["trigger"]["start"] - event["start"] > 200  # the trigger sits past the old 200-character cut
    row = re.search(rf'<tr data-event="{event["id"]}">.*?</tr>', client.get("/events", params={"limit": 200}).text,
                    re.S).group(0)  # type: ignore[union-attr]
    cell = html.unescape(re.search(r'<td class="evidence">(.*?)<br>', row, re.S).group(1))  # type: ignore[union-attr]
    text = re.sub(r"<[^>]+>", "", cell)
    assert f'<mark class="trigger">{event["trigger"]["text"]}</mark>' in cell
    assert text.startswith("… ") and len(text) <= 205 and "Mexican government on Tuesday rejected" in text


@pytest.mark.parametrize(("actor", "code"), [("United States", "USA"), ("mexico", "MEX"), ("usa", "USA")])
def test_filters_take_country_names(client: TestClient, db: str, actor: str, code: str) -> None:
    by_name = client.get("/api/timeline", params={"actor": actor}).json()
    by_code = client.get("/api/timeline", params={"actor": code}).json()
    assert by_name["total"] == by_code["total"] > 0 and by_name["filters"]["actor"] == code
    runner = CliRunner()
    named = runner.invoke(cli, ["timeline", "--db", db, "--actor", actor])
    assert named.exit_code == 0 and named.stdout == runner.invoke(cli, ["timeline", "--db", db, "--actor", code]).stdout
    assert "no stories match" not in named.stdout


def test_a_wrong_filter_is_named_with_the_accepted_forms(client: TestClient, db: str) -> None:
    page = client.get("/timeline", params={"actor": "Untied States", "type": "THREAT"})
    assert page.status_code == 422
    text = html.unescape(page.text)
    assert "'Untied States' is not a country (did you mean USA?)" in text and "ISO 3166-1 alpha-3" in text
    assert "did you mean THREATEN" in text and "pattern" not in text and "^[" not in text
    runner = CliRunner()
    bad = runner.invoke(cli, ["timeline", "--db", db, "--actor", "Untied States"])
    assert bad.exit_code == 2 and "not a country" in bad.output and "United States" in bad.output
    bad = runner.invoke(cli, ["timeline", "--db", db, "--type", "THREAT"])
    assert bad.exit_code == 2 and "THREATEN" in bad.output and "ASSAULT" in bad.output


def test_timeline_ids_are_events_explain_knows(db: str) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["timeline", "--db", db]).stdout
    ids = re.findall(r"^\s+\S+\s+x\d+ ([0-9a-f]{16})  ", out, re.M)
    assert len(ids) >= 5
    for event_id in ids:
        result = runner.invoke(cli, ["explain", event_id, "--db", db])
        assert result.exit_code == 0 and f"Event {event_id}" in result.output


# --- POST /api/documents with the page as the body, against a real server on loopback ---------------------


@pytest.fixture
def server(tmp_path: Path, serve_app: Any) -> Iterator[str]:
    with serve_app(create_app(str(tmp_path / "w.db"), token="s3cret")) as url:
        yield url


@pytest.mark.network
def test_post_takes_text_plain_and_text_html_bodies(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as c:
        r = c.post("/api/documents", params={"title": "Steel tariffs", "published": "2025-03-03", "source": "desk"},
                   content=BRIEF.encode(), headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
        assert r.status_code == 201, r.text
        doc = c.get(f"/api/documents/{r.json()['document_id']}").json()
        assert "threatened new tariffs on Mexican steel" in doc["text"] and "talks with Washington" in doc["text"]
        assert doc["title"] == "Mexico protests steel tariff threat" and doc["published"] == "2025-03-03"
        assert doc["source"] == "desk"
        page = (f"<html><head><title>Envoy summoned</title></head><body><article><h1>Envoy summoned</h1>"
                f"<p>{LONG.splitlines()[2]}</p></article></body></html>")
        r = c.post("/api/documents", content=page.encode(), headers={**AUTH, "Content-Type": "text/html"})
        assert r.status_code == 201, r.text
        doc = c.get(f"/api/documents/{r.json()['document_id']}").json()
        assert "rejected any US military strike" in doc["text"] and "<p>" not in doc["text"]
        assert doc["records"]["event"], "the posted page was coded"
        r = c.post("/api/documents", json={"text": BRIEF.replace("Monday", "Tuesday")}, headers=AUTH)  # JSON stays
        assert r.status_code == 201 and r.json()["status"] == "new"
        latin1 = "Le Mexique a protesté lundi.".encode("latin-1")
        r = c.post("/api/documents", content=latin1, headers={**AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 422 and "not utf-8" in r.text
        r = c.post("/api/documents", content=b"a,b", headers={**AUTH, "Content-Type": "text/csv"})
        assert r.status_code == 415 and "text/plain" in r.json()["detail"]
        r = c.post("/api/documents", content=BRIEF.encode(), headers={"Content-Type": "text/plain"})
        assert r.status_code == 401


def test_map_and_network_count_copies_once_and_merge_actor_identities(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 200}).json()["items"]
    copies = {d["id"] for d in docs if d["duplicate_of"]}
    assert copies, "the examples hold a syndicated copy"
    events = [e for e in client.get("/api/events", params={"status": "asserted", "limit": 200}).json()["items"]]
    expected: dict[str, int] = {}
    for e in events:
        country = (e["location"] or {}).get("country")
        if country and e["document_id"] not in copies:
            expected[country] = expected.get(country, 0) + 1
    data = client.get("/api/map").json()
    assert data["countries"] == expected
    assert data["copies_left_out"] == sum(1 for e in events if e["document_id"] in copies)
    net = client.get("/api/actors", params={"limit": 200}).json()
    originals = [e for e in events if e["document_id"] not in copies and e["actor"] and e["recipient"]]
    assert sum(edge["events"] for edge in net["items"]) == len(originals)
    assert all(edge["events"] == edge["conflict"] + edge["cooperation"] + edge["neutral"] for edge in net["items"])
    identities = [(n["country"], n["sector"]) for n in net["nodes"] if n["country"] or n["sector"]]
    assert len(identities) == len(set(identities))  # one node per country and sector
    names = {n["name"] for n in net["nodes"]}
    for e in originals:  # a party with a country or sector is drawn as that identity, never under its own name
        for party in (e["actor"], e["recipient"]):
            if party["country"] or party["sector"]:
                label = " ".join(x for x in (party["country"] or "?", party["sector"]) if x)
                assert label in names and (party["name"] == label or party["name"] not in names), party
    usa_gov = next(n for n in net["nodes"] if n["id"] == "USA GOV")
    assert {"Donald Trump", "Marco Rubio"} <= set(usa_gov["examples"])


def test_the_api_description_offers_the_three_body_types(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/documents"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain", "text/html"}
    assert {"text", "html", "url"} <= set(body["application/json"]["schema"]["properties"])
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(spec))
    assert set(refs) <= set(spec["components"]["schemas"])  # no reference the description cannot resolve
    assert "/api/events/{event_id}" in spec["paths"]
