"""The alert engine: incidents that changed, checked against the rules, fired once, delivered.

`check(store, rules)` reads the incidents reported by documents stored since the last check
(`store.watchqueries.incidents_changed_since`), records an alert for each (rule, incident) that
matches and has not fired before, and returns the new ones. The cursor overlaps the previous check by
`OVERLAP` so a document written by another process just before the cursor moved is not missed;
alerts are keyed by rule and incident, so reading an incident twice never fires twice.

`Delivery` sends alerts to a webhook (JSON POST; 2xx is delivered; retried with backoff; the
target refused when private unless allowed, as for fetching) and/or prints them as JSON lines.
An alert is recorded before it is sent and marked delivered after, so a watcher killed in between
sends it again on restart: delivery is at least once, and the alert's `id` lets a receiver drop a
repeat. It holds no SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import FetchError
from ..model import stable_id
from ..store import watchqueries
from ..store.db import Store
from .clock import Clock
from .polite import backoff
from .rules import Rule, actor_key

CURSOR = "alerts_checked"
OVERLAP = dt.timedelta(seconds=60)


def _document_links(store: Store, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    rows = watchqueries.document_sources(store, doc_ids)
    return [{"id": d, "url": rows[d]["url"], "title": rows[d]["title"], "publisher": rows[d]["publisher"],
             "page": f"/documents/{d}"} for d in doc_ids if d in rows]


def alert_record(rule: Rule, incident: dict[str, Any], fired_at: dt.datetime,
                 documents: list[dict[str, Any]]) -> dict[str, Any]:
    """The alert as stored, listed and delivered."""
    return {"kind": "alert", "id": stable_id("alert", rule.name, incident["id"]), "rule": rule.name,
            "description": rule.description or None, "fired_at": fired_at.isoformat(),
            "incident_id": incident["id"], "story_id": incident.get("story_id"),
            "story_page": f"/stories/{incident['story_id']}" if incident.get("story_id") else None,
            "incident": {k: v for k, v in incident.items() if k != "new_document_ids"},
            "documents": documents}


def check(store: Store, rules: Sequence[Rule]) -> list[dict[str, Any]]:
    """Fire the rules on the incidents changed since the last check; the alerts recorded now."""
    if not rules:
        return []
    watchqueries.ensure(store)
    started = watchqueries.store_now(store)
    stamp = watchqueries.get_meta(store, CURSOR)
    cursor = dt.datetime.fromisoformat(stamp) if stamp else None
    incidents = list(watchqueries.incidents_changed_since(store, cursor - OVERLAP if cursor else None))
    new_actors: frozenset[str] = frozenset()
    if any(r.new_actor for r in rules):
        keys = sorted({k for i in incidents if (k := actor_key(i.get("actor")))})
        before = watchqueries.actors_seen_before(store, keys, cursor) if cursor else set()
        new_actors = frozenset(k for k in keys if k not in before)
    rows = []
    first_of_actor: dict[tuple[str, str], str] = {}  # a new actor fires once, on its first incident
    for incident in incidents:
        for rule in rules:
            if not rule.matches(incident, new_actors):
                continue
            if rule.new_actor:
                key = (rule.name, str(actor_key(incident.get("actor"))))
                if first_of_actor.setdefault(key, incident["id"]) != incident["id"]:
                    continue
            record = alert_record(rule, incident, started, _document_links(store, incident["document_ids"]))
            rows.append({"id": record["id"], "rule": rule.name, "incident_id": incident["id"],
                         "story_id": incident.get("story_id"), "fired_at": started, "data": record,
                         "attempts": 0})
    fresh = watchqueries.add_alerts(store, rows)
    watchqueries.set_meta(store, CURSOR, started.isoformat())
    return [r["data"] for r in fresh]


class Delivery:
    """Where alerts go: a webhook URL (or none) and/or a stream of JSON lines."""

    def __init__(self, settings: dict[str, Any], clock: Clock, stop: threading.Event,
                 stream: TextIO | None = None, client: Any = None, rng: random.Random | None = None) -> None:
        self.webhook = str(settings.get("watch_webhook") or "")
        self.attempts = max(1, int(settings.get("watch_webhook_attempts", 4)))
        self.settings = settings
        self.clock = clock
        self.stop = stop
        self.stream = stream
        self.client = client
        self.rng = rng or random.Random()
        self.retry_base = 0.5  # seconds before the second attempt; doubles each time

    def print(self, alerts: Sequence[dict[str, Any]]) -> None:
        if self.stream is None:
            return
        for alert in alerts:
            self.stream.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()

    def _post(self, alert: dict[str, Any]) -> str | None:
        """POST one alert, retrying; None when delivered, else why not."""
        import httpx

        from ..sources.web import allowed_hosts, check_host

        try:
            check_host(self.webhook, bool(self.settings["allow_private"]), allowed_hosts(self.settings))
        except FetchError as exc:
            return f"webhook {exc.message}"
        own = self.client is None
        client = self.client or httpx.Client(timeout=float(self.settings["fetch_timeout"]), follow_redirects=False)
        error = None
        try:
            for attempt in range(1, self.attempts + 1):
                try:
                    response = client.post(self.webhook, json={"alert": alert},
                                           headers={"User-Agent": str(self.settings["user_agent"]),
                                                    "X-Storyline-Alert": alert["id"]})
                    if 200 <= response.status_code < 300:
                        return None
                    error = f"webhook answered HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    error = f"webhook unreachable: {exc}"
                if attempt < self.attempts and not self.clock.sleep(
                        backoff(attempt, self.retry_base, 30.0, self.rng), self.stop):
                    break
            return error
        finally:
            if own:
                client.close()

    def deliver(self, store: Store) -> tuple[int, list[str]]:
        """Send every alert not yet delivered to the webhook; (delivered, errors)."""
        if not self.webhook:
            return 0, []
        sent, errors = 0, []
        for row in watchqueries.undelivered(store):
            if self.stop.is_set():
                break
            error = self._post(row["data"])
            watchqueries.mark_delivery(store, row["id"], 1, error is None, error)
            if error is None:
                sent += 1
            else:
                errors.append(f"{row['id']}: {error}")
                break  # the target is down or refused: keep the order, try again next round
        return sent, errors
