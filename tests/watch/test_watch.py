"""The watcher against a real news site on loopback whose feed changes between polls.

Time is fast-forwarded (`FastForwardClock`): waits return at once and move the clock on, so
backoffs of minutes are checked in milliseconds; every request is real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from watchsite import Answer, Entry, WatchSite, article

from storyline import settings
from storyline.store import watchqueries
from storyline.store.db import Store
from storyline.watch import FastForwardClock, Watcher, load_rules, parse_rules

pytestmark = pytest.mark.network

EXAMPLE_RULES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "examples" / "alert-rules.yaml"
THREAT = ["The United States threatened on Monday to strike cartel camps inside Mexico, the defense secretary "
          "told reporters in Washington.",
          "Mexican officials rejected the warning and said the country would defend its sovereignty."]
STRIKE = ["American forces struck a boat off the coast of Sinaloa on Tuesday, killing four people, the Pentagon said.",
          "The navy said the vessel had been tracked for two days."]
PROTEST = ["Thousands of farmers marched through Guadalajara on Wednesday to protest falling crop prices.",
           "Organisers said the march was peaceful and would be repeated next month."]


@pytest.fixture
def clock() -> FastForwardClock:
    return FastForwardClock(start=1_800_000_000.0)


@pytest.fixture
def site(clock: FastForwardClock) -> Iterator[WatchSite]:
    with WatchSite(now=clock.now) as s:
        s.pages.update({"/a/threat": article("Washington warns Mexico", THREAT, publisher="Gulf Wire"),
                        "/a/strike": article("Boat struck off Sinaloa", STRIKE, publisher="Gulf Wire"),
                        "/a/protest": article("Farmers march", PROTEST, publisher="Gulf Wire")})
        s.feeds["/feed.xml"] = [Entry(f"{s.base}/a/threat", "Washington warns Mexico"),
                                Entry(f"{s.base}/a/strike", "Boat struck off Sinaloa")]
        yield s


def watch_cfg(tmp_path: Path, site: WatchSite, **extra: Any) -> dict[str, Any]:
    return settings.load({"db": str(tmp_path / "watch.db"), "allow_hosts": f"127.0.0.1:{site.port}",
                          "watch_every": "10m", "watch_host_interval": "2s", "watch_backoff": "1m",
                          "fetch_timeout": 1.0, "watch_webhook": f"{site.base}/hook", **extra})


def make(store: Store, cfg: dict[str, Any], clock: FastForwardClock, sources: list[str],
         lines: list[dict[str, Any]] | None = None, **kw: Any) -> Watcher:
    log = (lines.append if lines is not None else lambda _: None)
    return Watcher(store, cfg, sources=sources, clock=clock, rules=load_rules(str(EXAMPLE_RULES)), log=log, **kw)


def article_gets(site: WatchSite) -> int:
    return sum(1 for m, p, _, _ in site.requests if m == "GET" and p.startswith("/a/"))


def test_new_edited_unchanged_and_recovered_polls(tmp_path: Path, site: WatchSite, clock: FastForwardClock) -> None:
    cfg = watch_cfg(tmp_path, site)
    feed = f"{site.base}/feed.xml"
    lines: list[dict[str, Any]] = []
    with Store.open(cfg["db"]) as store:
        w = make(store, cfg, clock, [feed], lines)
        first = w.poll(w.sources[0])
        assert (first.status, first.items, first.new) == (200, 2, 2)
        assert store.count("document") == 2
        fired = watchqueries.alerts_page(store)["items"]
        rules = {a["rule"] for a in fired}
        assert "us-threat-or-strike-on-mexico" in rules and "severe-violence" in rules
        hooks = [h["alert"]["id"] for _, h in site.hooks]
        assert sorted(hooks) == sorted(a["id"] for a in fired) and len(set(hooks)) == len(hooks)

        # unchanged: a conditional GET answered 304, and nothing else is fetched
        gets = article_gets(site)
        clock.advance(600)
        second = w.poll(w.sources[0])
        assert second.status == 304 and article_gets(site) == gets
        assert site.requests[-1][2].get("if-none-match")

        # a new item and an edited one: the new article is stored, the edited one fetched again (same text)
        site.feeds["/feed.xml"][0].summary = "Updated with the ministry's reply."
        site.feeds["/feed.xml"].append(Entry(f"{site.base}/a/protest", "Farmers march"))
        clock.advance(600)
        third = w.poll(w.sources[0])
        assert (third.status, third.new, third.edited, third.unchanged) == (200, 1, 1, 1)
        assert store.count("document") == 3
        assert site.count("/a/protest") == 1 and site.count("/a/threat") == 2 and site.count("/a/strike") == 1

        # the incidents read again (the edited item's) never fire again; only the new article's may
        now_ids = [h["alert"]["id"] for _, h in site.hooks]
        assert len(set(now_ids)) == len(now_ids) and set(hooks) <= set(now_ids)
        protest = next(r["id"] for r in store.records(["document"]) if r["source"].endswith("/a/protest"))
        later = [h["alert"] for _, h in site.hooks[len(hooks):]]
        assert all(protest in a["incident"]["document_ids"] for a in later)
        hooks = now_ids

        # a 500 backs off with jitter, then the feed recovers
        site.script["/feed.xml"] = [Answer(500, body=b"oops")]
        clock.advance(600)
        failed = w.poll(w.sources[0])
        assert failed.status == 500 and "HTTP 500" in (failed.error or "")
        assert 30 <= failed.next_in <= 60  # watch_backoff 1m, jittered over its upper half
        state = watchqueries.source_state(store, w.sources[0].id)
        assert state is not None and state["failures"] == 1
        site.script["/feed.xml"] = [Answer(500), Answer(500)]
        second_fail = w.poll(w.sources[0])
        w.poll(w.sources[0])
        assert 60 <= second_fail.next_in <= 120  # doubled
        clock.advance(300)
        recovered = w.poll(w.sources[0])
        assert recovered.status == 304 and recovered.error is None
        state = watchqueries.source_state(store, w.sources[0].id)
        assert state is not None and state["failures"] == 0 and store.count("document") == 3
    assert all(line["event"] in ("poll", "alert") for line in lines)


def test_429_retry_after_closes_the_host_and_is_honoured(tmp_path: Path, site: WatchSite,
                                                          clock: FastForwardClock) -> None:
    cfg = watch_cfg(tmp_path, site)
    with Store.open(cfg["db"]) as store:
        w = make(store, cfg, clock, [f"{site.base}/feed.xml"])
        site.script["/feed.xml"] = [Answer(429, {"Retry-After": "120"})]
        poll = w.poll(w.sources[0])
        assert poll.status == 429 and 120 <= poll.next_in <= 132
        assert w.due() == []
        clock.advance(60)
        assert w.due() == []  # still inside the Retry-After
        clock.advance(75)
        assert w.due() == w.sources
        assert w.gate.ready_in(site.base + "/a/threat") == 0
        done = w.poll(w.sources[0])
        assert done.status == 200 and done.new == 2


def test_slow_feed_times_out_and_redirect_to_a_private_address_is_refused(
        tmp_path: Path, site: WatchSite, clock: FastForwardClock) -> None:
    cfg = watch_cfg(tmp_path, site, fetch_timeout=0.3, watch_item_attempts=1)
    site.script["/feed.xml"] = [Answer(200, {"Content-Type": "application/rss+xml"}, b"<rss/>", delay=1.0)]
    site.script["/a/moved"] = [Answer(302, {"Location": "http://10.20.30.40/internal"})]
    site.feeds["/feed.xml"].append(Entry(f"{site.base}/a/moved", "Moved"))
    with Store.open(cfg["db"]) as store:
        w = make(store, cfg, clock, [f"{site.base}/feed.xml"])
        slow = w.poll(w.sources[0])
        assert slow.status == "error" and "timed out" in (slow.error or "") and slow.seconds < 1.0
        # the next poll is about the redirect: a deadline of 0.3 s can run out on a busy machine before the
        # local answer comes, and then the article fails as timed out rather than as refused
        cfg["fetch_timeout"] = 10.0
        clock.advance(3600)
        poll = w.poll(w.sources[0])
        assert (poll.new, poll.failed) == (2, 1)
        errors = [r for r in store.records(["ingest_error"]) if r["source"].endswith("/a/moved")]
        assert errors and "10.20.30.40" in errors[0]["error"] and "refused" in errors[0]["error"]
        assert not any(p == "/internal" for _, p, _, _ in site.requests)
        assert watchqueries.item_counts(store) == {"done": 2, "pending": 0, "given_up": 1}


def test_robots_txt_is_honoured_for_articles_and_the_host_interval_is_kept(
        tmp_path: Path, site: WatchSite, clock: FastForwardClock) -> None:
    site.robots = b"User-agent: storyline\nDisallow: /a/strike\n"
    cfg = watch_cfg(tmp_path, site, watch_host_interval="5s")
    times: list[float] = []
    with Store.open(cfg["db"]) as store:
        w = make(store, cfg, clock, [f"{site.base}/feed.xml"])
        real_wait = w.gate.wait

        def wait(url: str, stop: Any) -> bool:
            ok = real_wait(url, stop)
            times.append(clock.now())
            return ok

        w.gate.wait = wait  # type: ignore[method-assign]
        poll = w.poll(w.sources[0])
        assert (poll.new, poll.robots) == (1, 1)
        assert site.count("/a/strike") == 0 and site.count("/robots.txt") == 1
        errors = [r for r in store.records(["ingest_error"]) if r["stage"] == "robots"]
        assert [e["source"] for e in errors] == [f"{site.base}/a/strike"]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) >= 3 and all(g >= 5.0 for g in gaps)


def test_webhook_retries_and_the_private_address_rule(tmp_path: Path, site: WatchSite,
                                                      clock: FastForwardClock) -> None:
    feed = f"{site.base}/feed.xml"
    out = io.StringIO()
    refused = watch_cfg(tmp_path, site, allow_hosts="")  # the feed is read from a file below, so no fetch needs it
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(site.feed_body("/feed.xml"))
    del feed
    with Store.open(refused["db"]) as store:
        w = make(store, {**refused, "allow_hosts": f"127.0.0.1:{site.port}", "watch_webhook": ""}, clock,
                 [str(feed_file)], alerts_out=out)
        w.run(once=True)
        printed = [json.loads(line) for line in out.getvalue().splitlines()]
        assert printed and {a["kind"] for a in printed} == {"alert"}
        # a webhook on loopback is refused unless allowed
        blocked = make(store, refused, clock, [str(feed_file)])
        blocked.deliver()
        rows = watchqueries.undelivered(store)
        assert len(rows) == len(printed) and "non-public address" in (rows[0]["last_error"] or "")
        assert site.hooks == []
        # allowed: two failures, then it takes it; each alert arrives once
        site.hook_failures = [500, 503]
        allowed = make(store, {**refused, "allow_hosts": f"127.0.0.1:{site.port}"}, clock, [str(feed_file)])
        allowed.deliver()
        assert watchqueries.undelivered(store) == []
        ids = [h["alert"]["id"] for _, h in site.hooks]
        assert sorted(ids) == sorted(a["id"] for a in printed)
        posts = sum(1 for m, p, _, _ in site.requests if m == "POST")
        assert posts == len(printed) + 2


def test_rules_file_errors_name_the_file_and_the_rule(tmp_path: Path) -> None:
    assert [r.name for r in load_rules(str(EXAMPLE_RULES))][:2] == ["us-threat-or-strike-on-mexico",
                                                                     "severe-violence"]
    from storyline.errors import ConfigError

    cases = [("rules:\n  - name: x\n    when: {type: THREATENS}\n", "unknown type 'THREATENS'"),
             ("rules:\n  - name: x\n    when: {colour: red}\n", "unknown condition 'colour'"),
             ("rules:\n  - name: x\n    when: {actor: America}\n", "not a three-letter country code"),
             ("rules:\n  - name: x\n  - name: x\n", "used twice"),
             ("- just a list\n", "top-level `rules:`")]
    for text, message in cases:
        with pytest.raises(ConfigError, match=message) as info:
            parse_rules(text, "my-rules.yaml")
        assert "my-rules.yaml" in str(info.value)


def test_watch_section_of_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "storyline.toml"
    path.write_text('db = "x.db"\n[watch]\nsources = ["https://a.example/feed", "lists/urls.txt"]\nevery = "30m"\n'
                    'log_format = "json"\n', encoding="utf-8")
    cfg = settings.load(config_file=str(path))
    assert cfg["watch_sources"] == "https://a.example/feed,lists/urls.txt"
    assert (cfg["watch_every"], cfg["watch_log_format"], cfg["db"]) == ("30m", "json", "x.db")
    path.write_text('[watch]\neverytime = "30m"\n', encoding="utf-8")
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown setting 'watch_everytime'"):
        settings.load(config_file=str(path))


def test_log_lines_are_one_a_poll_as_text_or_json() -> None:
    from storyline.watch import LogLines, Poll

    poll = Poll("https://news.example/feed", status=500, error="the server answered HTTP 500", next_in=42.0)
    text, js = io.StringIO(), io.StringIO()
    LogLines("text", text)(poll.line())
    LogLines("json", js)(poll.line())
    assert text.getvalue().count("\n") == 1 and 'error="the server answered HTTP 500"' in text.getvalue()
    record = json.loads(js.getvalue())
    assert (record["event"], record["status"], record["next_in"], record["new"]) == ("poll", 500, 42.0, 0)
    from storyline.errors import UsageError

    with pytest.raises(UsageError, match="choose text or json"):
        LogLines("xml")
