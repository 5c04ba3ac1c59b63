"""Fetching politely: a least interval per host, backoff after failures, robots.txt for articles.

`HostGate` spaces requests to one host by the `watch_host_interval` setting and keeps a host
closed until the time a Retry-After asked for. `backoff(failures, ...)` is the exponential wait
after consecutive failures, with full jitter over its upper half so many watchers do not retry in
step. `Robots` reads and caches each host's robots.txt through the same guarded fetch as
everything else (SSRF guard, size cap, timeout): a 4xx robots.txt allows everything, a 5xx or an
unreachable one allows nothing for now (RFC 9309, 2.3.1), and the article waits for a later poll.
"""

from __future__ import annotations

import random
import threading
import urllib.robotparser
from typing import Any
from urllib.parse import urlsplit

from ..errors import FetchError, HTTPStatusError, TooLargeError
from .clock import Clock

ROBOTS_TTL = 86400.0  # RFC 9309 asks crawlers not to use a cached robots.txt for more than 24 hours
ROBOTS_MAX_BYTES = 500_000  # the RFC's parsing limit is 500 KiB


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def backoff(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait after `failures` consecutive failures: base·2^(n-1), capped, jittered in [½, 1]."""
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * 2 ** min(failures - 1, 30))
    return ceiling * (0.5 + rng.random() / 2)


class HostGate:
    def __init__(self, clock: Clock, interval: float) -> None:
        self.clock = clock
        self.interval = interval
        self._last: dict[str, float] = {}
        self._closed_until: dict[str, float] = {}

    def ready_in(self, url: str) -> float:
        """Seconds until a request to this URL's host may be sent."""
        host = host_of(url)
        now = self.clock.now()
        due = max(self._last.get(host, -1e18) + self.interval, self._closed_until.get(host, 0.0))
        return max(0.0, due - now)

    def wait(self, url: str, stop: threading.Event) -> bool:
        """Wait for the host's turn and take it; False when stopped while waiting."""
        delay = self.ready_in(url)
        if delay and not self.clock.sleep(delay, stop):
            return False
        self._last[host_of(url)] = self.clock.now()
        return True

    def close(self, url: str, seconds: float) -> None:
        """Send nothing to this URL's host for `seconds` (a 429 or 503 with Retry-After)."""
        host = host_of(url)
        self._closed_until[host] = max(self._closed_until.get(host, 0.0), self.clock.now() + seconds)


def _allow_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse([])  # no rules: everything allowed
    return parser


class Robots:
    """robots.txt per host: `allowed(url)` is True, False, or None when robots.txt cannot be read now."""

    def __init__(self, settings: dict[str, Any], clock: Clock, gate: HostGate, stop: threading.Event,
                 client: Any = None) -> None:
        self.settings = {**settings, "max_bytes": min(int(settings["max_bytes"]), ROBOTS_MAX_BYTES)}
        self.clock = clock
        self.gate = gate
        self.stop = stop
        self.client = client
        self.agent = str(settings["user_agent"]).split("/")[0] or "storyline"
        self._cache: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}

    def _read(self, host: str) -> urllib.robotparser.RobotFileParser | bool | None:
        from ..sources.web import fetch

        parser = urllib.robotparser.RobotFileParser()
        try:
            if not self.gate.wait(host + "/robots.txt", self.stop):
                return False
            fetched = fetch(host + "/robots.txt", self.settings, client=self.client)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return _allow_all()
            return None
        except TooLargeError:
            return _allow_all()  # over the limit the RFC lets a crawler parse: read as no rules
        except FetchError:
            return None
        parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return parser

    def allowed(self, url: str) -> bool | None:
        host = host_of(url)
        now = self.clock.now()
        cached = self._cache.get(host)
        if cached is None or now - cached[0] > ROBOTS_TTL or cached[1] is None:
            got = self._read(host)
            if got is False:
                return None
            self._cache[host] = (now, got if isinstance(got, urllib.robotparser.RobotFileParser) else None)
        parser = self._cache[host][1]
        if parser is None:
            return None
        return parser.can_fetch(self.agent, url)
