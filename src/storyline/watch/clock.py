"""Time for the watcher: when things are due, and waiting for them, behind one small interface.

`SystemClock` is the real one. `FastForwardClock` runs a simulation: time passes as it really does
while work is done, but a wait returns at once and moves the clock on, so a day of polling runs in
minutes (the benchmark and the loopback tests use it; a feed server reading the same clock sees the
same time). `duration("10m")` reads the settings' durations.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from typing import Protocol

from ..errors import ConfigError, UsageError

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def duration(text: str | float | int, name: str = "duration") -> float:
    """Seconds from `30s`, `10m`, `2h`, `1d` or a bare number of seconds."""
    if isinstance(text, int | float):
        return float(text)
    match = DURATION.match(str(text))
    if not match:
        raise ConfigError(f"setting {name!r}: cannot read {text!r} as a duration; write e.g. 30s, 10m, 2h or 1d")
    return float(match.group(1)) * UNIT[match.group(2)]


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""

    def sleep(self, seconds: float, stop: threading.Event) -> bool:
        """Wait, unless `stop` is set first; True when the wait ran to its end."""


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float, stop: threading.Event) -> bool:
        return not stop.wait(max(0.0, seconds))


class FastForwardClock:
    """Real time plus every wait skipped: `now()` = start + real time elapsed + the waits so far."""

    def __init__(self, start: float | None = None) -> None:
        self._origin = time.monotonic()
        self._start = time.time() if start is None else start
        self._skipped = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._start + (time.monotonic() - self._origin) + self._skipped

    def sleep(self, seconds: float, stop: threading.Event) -> bool:
        if stop.is_set():
            return False
        with self._lock:
            self._skipped += max(0.0, seconds)
        return True

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._skipped += seconds


def moment(text: str, name: str = "since") -> dt.datetime:
    """A point in time from an ISO 8601 date or datetime (UTC when no zone is given), or a duration
    back from now (`2h`: two hours ago)."""
    value = text.strip()
    if DURATION.match(value) and not value.replace(".", "").isdigit():
        return dt.datetime.now(dt.UTC) - dt.timedelta(seconds=duration(value, name))
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"{name}: cannot read {text!r} as a time; write 2025-11-18, 2025-11-18T09:30:00Z "
                         "or a duration back from now such as 2h") from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
