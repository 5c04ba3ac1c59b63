"""The watcher's state and alerts in the store, on SQLite and PostgreSQL: what a restart reads back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.ingest import ingest
from storyline.link import link_new
from storyline.store import watchqueries
from storyline.store.db import Store
from storyline.watch import check, parse_rules


@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    return any_backend_db_url


STORY = ("The United States threatened on Monday to strike cartel camps inside Mexico, the defense secretary "
         "told reporters in Washington.\n\nMexican officials rejected the warning.\n")


def test_source_and_item_state_survive_a_reopen(cfg: dict[str, Any]) -> None:
    row = {"id": "s1", "source": "https://news.example/feed", "kind": "feed", "etag": '"abc"',
           "last_modified": "Tue, 18 Nov 2025 09:00:00 GMT", "last_fetch": 1.5, "last_status": 200, "failures": 0,
           "last_error": None, "next_due": 601.5, "polls": 1}
    with Store.open(cfg["db"]) as store:
        watchqueries.ensure(store)
        watchqueries.save_source(store, row)
        watchqueries.save_source(store, {**row, "failures": 2, "last_status": 503, "next_due": 900.0})
        watchqueries.save_item(store, {"id": "i1", "source_id": "s1", "link": "https://news.example/a", "item_hash": "h",
                                       "first_seen": 1.0, "done": 0, "attempts": 1, "last_error": "fetch: HTTP 500"})
    with Store.open(cfg["db"]) as store:
        state = watchqueries.source_state(store, "s1")
        assert state is not None and (state["failures"], state["last_status"], state["next_due"]) == (2, 503, 900.0)
        assert state["etag"] == '"abc"'
        assert watchqueries.items_of(store, "s1")["https://news.example/a"]["attempts"] == 1
        assert watchqueries.item_counts(store) == {"done": 0, "pending": 1, "given_up": 0}


def test_alerts_fire_once_per_rule_and_incident(cfg: dict[str, Any], tmp_path: Any) -> None:
    (tmp_path / "a.txt").write_text("Gulf Wire\n\n" + STORY, encoding="utf-8")
    rules = parse_rules("rules:\n  - name: threats\n    when: {type: THREATEN, actor: USA}\n", "rules")
    with Store.open(cfg["db"]) as store:
        ingest([str(tmp_path / "a.txt")], store, cfg)
        first = check(store, rules)
        assert [a["rule"] for a in first] == ["threats"] and first[0]["incident"]["actor"]["country"] == "USA"
        assert check(store, rules) == []  # read again (inside the overlap): not fired again
        watchqueries.set_meta(store, "alerts_checked", "2000-01-01T00:00:00+00:00")
        assert check(store, rules) == []  # every incident read again: still once
        changed = list(watchqueries.incidents_changed_since(store, dt.datetime.now(dt.UTC)))
        assert changed == []
        page = watchqueries.alerts_page(store)
        assert page["total"] == 1 and page["items"][0]["delivered_at"] is None
        watchqueries.mark_delivery(store, first[0]["id"], 2, True, None)
        assert watchqueries.undelivered(store) == []
        link_new(store)

