"""`storyline watch` as a real process: killed with SIGKILL mid-poll and restarted, stopped with SIGTERM,
run with --once from a URL list, logging JSON. Real time, real HTTP on loopback; each run is bounded."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchsite import Entry, WatchSite, article

pytestmark = [pytest.mark.network, pytest.mark.slow]

STORYLINE = [sys.executable, "-m", "storyline"]
BOUND = 120  # seconds any one run may take
SENTENCES = ["{city} police said on Monday that gunmen attacked a checkpoint and wounded {n} officers.",
             "The state governor condemned the attack and asked the federal government for more troops.",
             "Residents said shops in the centre of {city} stayed closed for the rest of the day."]
CITIES = ["Culiacan", "Tijuana", "Monterrey", "Hermosillo", "Chihuahua", "Durango"]


@pytest.fixture
def site() -> Iterator[WatchSite]:
    with WatchSite() as s:
        for n, city in enumerate(CITIES):
            s.pages[f"/a/{n}"] = article(f"Checkpoint attacked in {city}",
                                         [x.format(city=city, n=n + 2) for x in SENTENCES], publisher="Norte Diario")
        s.feeds["/feed.xml"] = [Entry(f"{s.base}/a/{n}", f"Checkpoint attacked in {city}")
                                for n, city in enumerate(CITIES)]
        s.page_delay = 0.6
        yield s


def start(site: WatchSite, db: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "STORYLINE_WATCH_HOST_INTERVAL": "0s", "STORYLINE_FETCH_TIMEOUT": "10"}
    return subprocess.Popen([*STORYLINE, "watch", f"{site.base}/feed.xml", "--db", str(db), "--every", "1h",
                             "--allow-host", f"127.0.0.1:{site.port}", "--log-format", "json", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def wait_for(condition: object, seconds: float = BOUND) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def stored_sources(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT source FROM documents")]


def article_gets(site: WatchSite) -> dict[str, int]:
    out: dict[str, int] = {}
    for method, path, _, _ in site.requests:
        if method == "GET" and path.startswith("/a/"):
            out[path] = out.get(path, 0) + 1
    return out


def test_kill_9_mid_poll_then_restart_stores_every_article_once(tmp_path: Path, site: WatchSite) -> None:
    db = tmp_path / "w.db"
    proc = start(site, db)
    try:
        wait_for(lambda: sum(article_gets(site).values()) >= 3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(BOUND)
    finally:
        if proc.poll() is None:
            proc.kill()
    before = stored_sources(db)
    assert 0 < len(before) < len(CITIES)  # killed mid-poll
    again = start(site, db, "--once")
    _, err = again.communicate(timeout=BOUND)
    assert again.returncode == 0, err
    after = stored_sources(db)
    assert sorted(after) == sorted(f"{site.base}/a/{n}" for n in range(len(CITIES)))  # each stored once
    gets = article_gets(site)
    for source in before:  # nothing already stored is fetched again
        assert gets["/a/" + source.rsplit("/", 1)[1]] == 1
    assert max(gets.values()) <= 2  # only the article in flight at the kill
    polls = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert [p["event"] for p in polls][-1] == "stopped"
    poll = next(p for p in polls if p["event"] == "poll")
    assert poll["status"] == 200 and poll["new"] == len(CITIES) - len(before)


def test_sigterm_finishes_the_current_article_and_exits_cleanly(tmp_path: Path, site: WatchSite) -> None:
    db = tmp_path / "w.db"
    site.page_delay = 1.0
    proc = start(site, db)
    try:
        wait_for(lambda: sum(article_gets(site).values()) >= 2)
        time.sleep(0.3)  # the second article is on its way
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    events = [json.loads(line)["event"] for line in err.splitlines() if line.startswith("{")]
    assert "stopping" in events and events[-1] == "stopped"
    fetched = {f"{site.base}{p}" for p in article_gets(site)}
    assert set(stored_sources(db)) == fetched  # the article in flight was finished and stored, none lost
    again = start(site, db, "--once")
    again.communicate(timeout=BOUND)
    assert len(stored_sources(db)) == len(CITIES)
    assert set(article_gets(site).values()) == {1}


def test_once_reads_a_url_list_and_alerts_on_stdout(tmp_path: Path, site: WatchSite) -> None:
    site.page_delay = 0.0
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pages to follow\n{site.base}/a/0\n\n{site.base}/a/1\n", encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: attacks\n    when: {type: ASSAULT}\n", encoding="utf-8")
    db = tmp_path / "w.db"
    run = subprocess.run([*STORYLINE, "watch", str(urls), "--db", str(db), "--once", "--rules", str(rules),
                          "--alerts-stdout", "--allow-host", f"127.0.0.1:{site.port}", "--log-format", "json"],
                         capture_output=True, text=True, timeout=BOUND,
                         env={**os.environ, "STORYLINE_WATCH_HOST_INTERVAL": "0s"})
    assert run.returncode == 0, run.stderr
    alerts = [json.loads(line) for line in run.stdout.splitlines()]
    assert alerts and {a["rule"] for a in alerts} == {"attacks"}
    assert all(a["incident"]["type"] == "ASSAULT" for a in alerts)
    listed = subprocess.run([*STORYLINE, "alerts", "--db", str(db), "--json"], capture_output=True, text=True,
                            timeout=BOUND)
    assert sorted(json.loads(line)["id"] for line in listed.stdout.splitlines()) == sorted(a["id"] for a in alerts)
    assert len(stored_sources(db)) == 2
