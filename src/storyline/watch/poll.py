"""The watcher: poll feeds and URL lists, ingest what is new, fire and deliver alerts.

`Watcher(store, settings).run()` loops until stopped (`stop()`, or SIGTERM/SIGINT once
`stop_on_signals()` is called): every source that is due is polled, every new or edited article it
names goes through `storyline.ingest.ingest_one` (the path `storyline ingest` and the API take), what was stored
is linked into stories, and the alert rules run on the incidents that changed. `run(once=True)`
polls what is due once and returns (for cron).

A source is an http(s) feed URL, a feed file, or a URL-list file (one article URL a line; blank
lines and `#` comments skipped), re-read on every poll. Feeds are fetched with a conditional GET
(If-None-Match / If-Modified-Since from the last answer); a 304 fetches nothing more. Errors,
429 and 503 back off exponentially with jitter; a Retry-After is honoured (capped by
`watch_backoff_max`) and closes the host for that long. Articles honour robots.txt and the per-host
interval. The state (validators, failures, next due, every item's progress) is in the store
(`store.watchqueries`), written so that a watcher killed at any moment resumes without storing an
article twice or losing one. One log line a poll, as text or JSON (`watch_log_format`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import FetchError, HTTPStatusError, InputError, UsageError
from ..model import IngestError, stable_id
from ..store import watchqueries
from ..store.db import Store
from . import alerts as alert_engine
from .clock import Clock, SystemClock, duration
from .polite import HostGate, Robots, backoff
from .rules import Rule, load_rules

RETRY_STATUSES = {429, 503}


@dataclass(frozen=True)
class Source:
    name: str  # as the user gave it
    kind: str  # feed (URL or file) or list

    @property
    def id(self) -> str:
        return stable_id("watch", self.name)

    @property
    def remote(self) -> bool:
        return self.name.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Item:
    link: str
    item_hash: str


@dataclass
class Poll:
    """What one poll of one source did: the log line."""

    source: str
    status: int | str = ""  # HTTP status, "file", or "error"
    items: int = 0  # items the source lists now
    new: int = 0  # articles stored as new documents
    edited: int = 0  # items whose entry changed since the last poll, fetched again
    unchanged: int = 0  # articles fetched but already stored (same text)
    failed: int = 0  # articles that could not be used (ingest_error)
    robots: int = 0  # articles robots.txt disallows (ingest_error, not fetched)
    deferred: int = 0  # articles left for a later poll (host closed, robots.txt unreadable, stopped)
    alerts: int = 0
    error: str | None = None
    seconds: float = 0.0
    next_in: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def line(self) -> dict[str, Any]:
        out = {"event": "poll", **asdict(self)}
        out.pop("extra")
        out.update(self.extra)
        out["seconds"] = round(self.seconds, 3)
        out["next_in"] = round(self.next_in, 1)
        return out


def classify(name: str) -> Source:
    """A source as named: an http(s) URL is a feed; a file is a feed when it reads as one, else a URL list."""
    from ..sources.feeds import looks_like_feed

    if name.startswith(("http://", "https://")):
        return Source(name, "feed")
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"watch source {name!r}: no such file, and not an http(s) URL")
    with path.open("rb") as f:
        head = f.read(4096)
    return Source(name, "feed" if looks_like_feed(head) else "list")


def list_links(text: str) -> list[str]:
    links = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            links.append(line)
    return links


def feed_items(data: bytes) -> list[Item]:
    """The items of a feed: each link with a hash of what the feed says about it (edits change it)."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        said = [entry.get(k) or "" for k in ("id", "title", "summary", "updated", "published")]
        items.append(Item(link, stable_id(link, *said)))
    return items


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ' "=') else text


class LogLines:
    """One line per event on a stream: `key=value` text, or one JSON object a line."""

    def __init__(self, fmt: str = "text", stream: TextIO | None = None) -> None:
        if fmt not in ("text", "json"):
            raise UsageError(f"unknown log format {fmt!r}; choose text or json")
        self.fmt = fmt
        self.stream = stream or sys.stderr

    def __call__(self, record: dict[str, Any]) -> None:
        record = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **record}
        if self.fmt == "json":
            line = json.dumps(record, ensure_ascii=False, default=str)
        else:
            line = " ".join(f"{k}={_text_value(v)}" for k, v in record.items() if v not in (None, "", 0) or k == "new")
        self.stream.write(line + "\n")
        self.stream.flush()


class Watcher:
    def __init__(self, store: Store, settings: dict[str, Any], sources: Sequence[str] | None = None,
                 clock: Clock | None = None, rules: Sequence[Rule] | None = None,
                 log: Callable[[dict[str, Any]], None] | None = None, alerts_out: TextIO | None = None,
                 client: Any = None, rng: random.Random | None = None) -> None:
        names = list(sources) if sources is not None else \
            [s.strip() for s in str(settings.get("watch_sources") or "").split(",") if s.strip()]
        if not names:
            raise UsageError("storyline watch needs at least one source: a feed URL, a feed file or a URL-list file "
                             "(or watch.sources in the settings file)")
        self.sources = [classify(n) for n in names]
        self.store = store
        self.settings = settings
        self.clock = clock or SystemClock()
        self.every = duration(settings["watch_every"], "watch_every")
        self.backoff_base = duration(settings["watch_backoff"], "watch_backoff")
        self.backoff_max = duration(settings["watch_backoff_max"], "watch_backoff_max")
        self.item_attempts = int(settings["watch_item_attempts"])
        self.rules = list(rules) if rules is not None else \
            (load_rules(settings["watch_rules"]) if settings.get("watch_rules") else [])
        self.log = log or LogLines(str(settings.get("watch_log_format") or "text"))
        self.stop_event = threading.Event()
        self.rng = rng or random.Random()
        from ..sources.web import make_client

        self._own_client = client is None
        self.client = client or make_client(settings)  # one connection pool for every feed and robots.txt
        self.gate = HostGate(self.clock, duration(settings["watch_host_interval"], "watch_host_interval"))
        self.robots = Robots(settings, self.clock, self.gate, self.stop_event, client) \
            if settings.get("watch_robots", True) else None
        out = alerts_out if alerts_out is not None else (sys.stdout if settings.get("watch_alerts_stdout") else None)
        self.delivery = alert_engine.Delivery(settings, self.clock, self.stop_event, stream=out, rng=self.rng)
        self.polls = 0
        self._pipeline: Any = None
        watchqueries.ensure(store)

    # --- control ------------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop after the current article."""
        self.stop_event.set()

    def stop_on_signals(self) -> None:
        """SIGTERM and SIGINT stop the watcher after the current article (main thread only)."""
        def handler(signum: int, _frame: Any) -> None:
            self.log({"event": "stopping", "signal": signal.Signals(signum).name})
            self.stop()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from ..pipeline import build

            self._pipeline = build()
        return self._pipeline

    # --- one source ---------------------------------------------------------------------------------

    def _state(self, source: Source) -> dict[str, Any]:
        return watchqueries.source_state(self.store, source.id) or {
            "id": source.id, "source": source.name, "kind": source.kind, "etag": None, "last_modified": None,
            "last_fetch": None, "last_status": None, "failures": 0, "last_error": None, "next_due": 0.0, "polls": 0}

    def _read(self, source: Source, state: dict[str, Any], poll: Poll) -> list[Item] | None:
        """The items the source lists now; None when unchanged since the last poll (304)."""
        from ..sources.web import fetch

        if not source.remote:
            poll.status = "file"
            data = Path(source.name).read_bytes()
            if source.kind == "list":
                return [Item(link, stable_id(link)) for link in list_links(data.decode("utf-8", "replace"))]
            return feed_items(data)
        headers = {}
        if state["etag"]:
            headers["If-None-Match"] = state["etag"]
        if state["last_modified"]:
            headers["If-Modified-Since"] = state["last_modified"]
        self.gate.wait(source.name, self.stop_event)
        fetched = fetch(source.name, self.settings, client=self.client, headers=headers)
        poll.status = fetched.status
        state["etag"] = fetched.headers.get("etag") or state["etag"]
        state["last_modified"] = fetched.headers.get("last-modified") or state["last_modified"]
        if fetched.status == 304:
            return None
        return feed_items(fetched.content)

    def _ingest(self, link: str) -> tuple[str, str | None]:
        """Ingest one article through the library's `ingest_one`, linked after the poll; (outcome, error)."""
        from ..ingest import ingest_one

        done = ingest_one(link, self.store, self.pipeline, settings=self.settings, link=False)
        if done.status == "failed" and done.error is not None:
            return "failed", f"{done.error.stage}: {done.error.error}"
        return ("new" if done.status in ("new", "duplicate") else "unchanged"), None

    def _work(self, source: Source, listed: list[Item] | None) -> Iterator[tuple[Item, dict[str, Any] | None, bool]]:
        """(item, its stored row, edited) for what needs fetching: new or edited listed items, then pending ones."""
        known = watchqueries.items_of(self.store, source.id)
        seen = set()
        for item in listed or []:
            if item.link in seen:
                continue
            seen.add(item.link)
            row = known.get(item.link)
            if row is None:
                yield item, None, False
            elif row["item_hash"] != item.item_hash:
                yield item, row, True
            elif row["done"] == 0:
                yield item, row, False
        for link, row in known.items():
            if link not in seen and row["done"] == 0:
                yield Item(link, row["item_hash"]), row, False

    def _article(self, source: Source, item: Item, row: dict[str, Any] | None, edited: bool, poll: Poll) -> bool:
        """Fetch and store one article; False when it must wait for a later poll."""
        remote = item.link.startswith(("http://", "https://"))
        record = row or {"id": stable_id(source.id, item.link), "source_id": source.id, "link": item.link,
                         "first_seen": self.clock.now(), "attempts": 0, "last_error": None}
        record = {**record, "item_hash": item.item_hash}
        if edited:
            record["attempts"] = 0

        def defer(why: str) -> bool:
            """Keep the item pending in the store: the next poll tries it again, even on a 304."""
            poll.deferred += 1
            watchqueries.save_item(self.store, {**record, "done": 0, "last_error": why})
            return False

        if not edited and watchqueries.already_stored(self.store, item.link):
            # stored by an earlier run (killed before it marked the item) or by `storyline ingest`
            poll.unchanged += 1
            watchqueries.save_item(self.store, {**record, "done": 1, "last_error": None})
            return True
        if remote and self.gate.ready_in(item.link) > max(self.gate.interval, 1.0) * 2:
            return defer("its host asked for a pause (Retry-After)")  # do not hold up the other sources
        if remote and self.robots is not None:
            allowed = self.robots.allowed(item.link)
            if allowed is None:
                return defer("robots.txt cannot be read now")
            if not allowed:
                self.store.add_error(IngestError(item.link, "robots", "robots.txt disallows fetching this page"))
                self.store.flush()
                poll.robots += 1
                watchqueries.save_item(self.store, {**record, "done": -1, "last_error": "disallowed by robots.txt"})
                return True
        if remote and not self.gate.wait(item.link, self.stop_event):
            return defer("stopped")
        outcome, error = self._ingest(item.link)
        if outcome == "failed":
            poll.failed += 1
            attempts = record["attempts"] + 1
            done = -1 if attempts >= self.item_attempts else 0
            watchqueries.save_item(self.store, {**record, "done": done, "attempts": attempts, "last_error": error})
            return True
        poll.edited += edited
        poll.new += outcome == "new"
        poll.unchanged += outcome == "unchanged"
        watchqueries.save_item(self.store, {**record, "done": 1, "attempts": record["attempts"] + 1,
                                            "last_error": None})
        return True

    def poll(self, source: Source) -> Poll:
        """Poll one source now: read it, ingest its new and edited articles, save its state."""
        started = time.perf_counter()
        poll = Poll(source.name)
        state = self._state(source)
        now = self.clock.now()
        state["last_fetch"] = now
        try:
            listed = self._read(source, state, poll)
        except (InputError, OSError) as exc:
            state["failures"] += 1
            wait = backoff(state["failures"], self.backoff_base, self.backoff_max, self.rng)
            if isinstance(exc, HTTPStatusError):
                poll.status = exc.status
                if exc.status in RETRY_STATUSES and exc.retry_after is not None:
                    wait = min(self.backoff_max, exc.retry_after * (1 + self.rng.random() / 10))
                    self.gate.close(source.name, wait)
            else:
                poll.status = "error"
            poll.error = exc.message if isinstance(exc, FetchError | InputError) else str(exc)
            state.update(last_status=poll.status if isinstance(poll.status, int) else None, last_error=poll.error,
                         next_due=self.clock.now() + wait, polls=state["polls"] + 1)
            watchqueries.save_source(self.store, state)
            poll.next_in = wait
            poll.seconds = time.perf_counter() - started
            return poll
        poll.items = len(listed) if listed is not None else 0
        for item, row, edited in self._work(source, listed):
            if self.stop_event.is_set():
                break
            self._article(source, item, row, edited, poll)
        if poll.new + poll.edited + poll.unchanged:
            self._after_new(poll)
        stopped = self.stop_event.is_set()
        state.update(last_status=poll.status if isinstance(poll.status, int) else None, failures=0, last_error=None,
                     next_due=now if stopped else self.clock.now() + self.every, polls=state["polls"] + 1)
        if stopped:  # stopped mid-poll: keep the old validators so the next run reads the whole feed again
            old = watchqueries.source_state(self.store, source.id)
            state.update(etag=old["etag"] if old else None, last_modified=old["last_modified"] if old else None)
        watchqueries.save_source(self.store, state)
        poll.next_in = state["next_due"] - self.clock.now()
        poll.seconds = time.perf_counter() - started
        return poll

    def _after_new(self, poll: Poll | None = None) -> None:
        """Link what was stored, fire the rules on the incidents that changed, deliver."""
        from ..link import link_new

        link_new(self.store)
        fresh = alert_engine.check(self.store, self.rules)
        if poll is not None:
            poll.alerts = len(fresh)
        for alert in fresh:
            self.log({"event": "alert", "rule": alert["rule"], "alert": alert["id"], "incident": alert["incident_id"]})
        self.delivery.print(fresh)
        self.deliver()

    def deliver(self) -> None:
        _, errors = self.delivery.deliver(self.store)
        for error in errors:
            self.log({"event": "delivery_failed", "error": error})

    # --- the loop -----------------------------------------------------------------------------------

    def due(self) -> list[Source]:
        now = self.clock.now()
        states = {s["id"]: s for s in watchqueries.sources(self.store)}
        return [s for s in self.sources if (states.get(s.id) or {}).get("next_due", 0.0) <= now]

    def next_wake(self) -> float:
        states = {s["id"]: s for s in watchqueries.sources(self.store)}
        return min((states.get(s.id) or {}).get("next_due", 0.0) for s in self.sources)

    def run_once(self) -> list[Poll]:
        """Poll every source that is due, once."""
        done = []
        for source in self.due():
            if self.stop_event.is_set():
                break
            poll = self.poll(source)
            self.polls += 1
            self.log(poll.line())
            done.append(poll)
        return done

    def run(self, once: bool = False, max_polls: int | None = None) -> None:
        """Poll until stopped (or once, or after `max_polls` polls); undelivered alerts are retried each round."""
        self._after_start()
        while not self.stop_event.is_set():
            self.run_once()
            self.deliver()
            if once or (max_polls is not None and self.polls >= max_polls):
                break
            wait = self.next_wake() - self.clock.now()
            if wait > 0 and not self.clock.sleep(wait, self.stop_event):
                break
        self.log({"event": "stopped", "polls": self.polls, "pid": os.getpid()})
        self.close()

    def close(self) -> None:
        """Close the watcher's HTTP client (when it made it); the store stays open."""
        if self._own_client:
            self.client.close()
            self._own_client = False

    def _after_start(self) -> None:
        """Link and check what a previous run stored but did not (killed in between); deliver what it did not."""
        self._after_new()
