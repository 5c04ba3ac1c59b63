"""Following a crisis as it happens: poll feeds and URL lists, ingest what is new, alert on incidents.

    from storyline.watch import Watcher
    Watcher(store, settings, sources=["https://example.org/feed.xml"]).run(once=True)

Modules: `poll` (the watcher and its loop), `polite` (per-host interval, backoff, robots.txt),
`clock` (real and fast-forward time, durations), `rules` (the alert rules file), `alerts` (firing
once per rule and incident, delivery to a webhook or standard output). The state lives in the
store (`store.watchschema`, `store.watchqueries`); `storyline watch` and `storyline alerts` are
thin adapters over this package.
"""

from __future__ import annotations

from .alerts import Delivery, check
from .clock import FastForwardClock, SystemClock, duration
from .poll import LogLines, Poll, Source, Watcher, classify
from .rules import Rule, load_rules, parse_rules

__all__ = ["Delivery", "FastForwardClock", "LogLines", "Poll", "Rule", "Source", "SystemClock", "Watcher",
           "check", "classify", "duration", "load_rules", "parse_rules"]
