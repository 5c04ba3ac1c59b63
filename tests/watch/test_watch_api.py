"""The alerts page, /api/alerts, /api/changes and `since=` over a store the watcher filled from loopback."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from watchsite import Entry, WatchSite, article

from storyline import settings
from storyline.api.app import create_app
from storyline.store.db import Store
from storyline.watch import FastForwardClock, Watcher, parse_rules

pytestmark = pytest.mark.network

RULES = "rules:\n  - name: threats\n    when: {type: THREATEN}\n  - name: violence\n    when: {intensity_at_most: -8}\n"
THREAT = ["The United States threatened on Monday to strike cartel camps inside Mexico, the defense secretary "
          "told reporters in Washington."]
STRIKE = ["American forces struck a boat off the coast of Sinaloa on Tuesday, killing four people, the Pentagon said."]


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[TestClient, str, dt.datetime]]:
    clock = FastForwardClock()
    with WatchSite(now=clock.now) as site:
        site.pages.update({"/a/threat": article("Washington warns", THREAT, publisher="Gulf Wire"),
                           "/a/strike": article("Boat struck", STRIKE, publisher="Gulf Wire")})
        site.feeds["/f"] = [Entry(f"{site.base}/a/threat", "Washington warns")]
        cfg = settings.load({"db": str(tmp_path / "w.db"), "allow_hosts": f"127.0.0.1:{site.port}",
                             "watch_host_interval": "0s"})
        with Store.open(cfg["db"]) as store:
            w = Watcher(store, cfg, sources=[f"{site.base}/f"], clock=clock, rules=parse_rules(RULES, "rules"),
                        log=lambda _: None)
            w.poll(w.sources[0])
            time.sleep(0.01)
            between = dt.datetime.now(dt.UTC)
            time.sleep(0.01)
            site.feeds["/f"].append(Entry(f"{site.base}/a/strike", "Boat struck"))
            clock.advance(3600)
            w.poll(w.sources[0])
        with TestClient(create_app(cfg["db"])) as client:
            yield client, cfg["db"], between


def test_alerts_api_and_since(watched: tuple[TestClient, str, dt.datetime]) -> None:
    client, _, between = watched
    everything = client.get("/api/alerts").json()
    rules = sorted(a["rule"] for a in everything["items"])
    assert rules == ["threats", "violence"] and everything["total"] == 2
    later = client.get("/api/alerts", params={"since": between.isoformat()}).json()
    assert [a["rule"] for a in later["items"]] == ["violence"]
    assert later["items"][0]["incident"]["type"] == "ASSAULT"
    assert client.get("/alerts.json", params={"rule": "threats"}).json()["total"] == 1
    docs = client.get("/api/documents", params={"since": between.isoformat()}).json()
    assert [d["title"] for d in docs["items"]] == ["Boat struck"]
    changes = client.get("/api/changes", params={"since": between.isoformat()}).json()
    assert (changes["documents"], changes["alerts"]) == (1, 1) and changes["latest"] > between.isoformat()
    assert client.get("/api/changes", params={"since": changes["latest"]}).json()["documents"] == 0
    bad = client.get("/api/alerts", params={"since": "last tuesday"})
    assert bad.status_code == 422 and "cannot read 'last tuesday' as a time" in str(bad.json()["detail"])
    assert client.get("/api/changes").status_code == 422  # since is required


def test_alerts_page_links_incident_and_evidence(watched: tuple[TestClient, str, dt.datetime]) -> None:
    client, _, _ = watched
    page = client.get("/alerts")
    assert page.status_code == 200
    alert = client.get("/api/alerts").json()["items"][0]
    assert f'href="/stories/{alert["story_id"]}"' in page.text
    assert f'href="/documents/{alert["documents"][0]["id"]}"' in page.text
    assert client.get(f"/stories/{alert['story_id']}").status_code == 200
    assert 'href="/alerts.json"' in page.text


@pytest.mark.parametrize("path", ["/", "/timeline", "/alerts"])
def test_live_pages_poll_the_changes_endpoint_from_this_server(watched: tuple[TestClient, str, dt.datetime],
                                                               path: str) -> None:
    client, _, _ = watched
    html = client.get(path).text
    assert 'id="live"' in html and "data-since=" in html and "/static/live.js" in html
    script = client.get("/static/live.js")
    assert script.status_code == 200 and "/api/changes?since=" in script.text and "http" not in script.text
