"""An event's evidence cut to a few hundred characters around its trigger, the trigger marked.

`around_trigger(event, width)` gives `(before, trigger, after)`: the part of the evidence sentence
that fits `width` characters with the trigger in it, "…" where it was cut, cut at word boundaries.
A long sentence whose trigger comes late is shown from shortly before the trigger, so the words
that made the event are always on screen. An event whose trigger cannot be placed in its evidence
(a record without offsets) gives the evidence's start. The template escapes the three parts.
"""

from __future__ import annotations

from typing import Any

LEAD = 0.35  # share of the room given to the words before the trigger (the actor usually sits there)


def _trigger_in(event: dict[str, Any]) -> tuple[int, int] | None:
    evidence, trigger = event.get("evidence") or "", event.get("trigger") or {}
    start, t0, t1 = event.get("start"), trigger.get("start"), trigger.get("end")
    if isinstance(start, int) and isinstance(t0, int) and isinstance(t1, int) and start <= t0 < t1:
        a, b = t0 - start, t1 - start
        if evidence[a:b] == trigger.get("text"):
            return a, b
    text = str(trigger.get("text") or "")
    at = evidence.find(text) if text else -1
    return (at, at + len(text)) if at >= 0 else None


def around_trigger(event: dict[str, Any], width: int = 200) -> tuple[str, str, str]:
    evidence = event.get("evidence") or ""
    where = _trigger_in(event)
    if where is None:
        return (evidence if len(evidence) <= width else evidence[: width - 1].rsplit(" ", 1)[0] + " …"), "", ""
    a, b = where
    if len(evidence) <= width:
        return evidence[:a], evidence[a:b], evidence[b:]
    room = max(0, width - (b - a))
    lo = max(0, a - int(room * LEAD))
    hi = min(len(evidence), b + room - (a - lo))
    lo = max(0, min(lo, hi - width))  # a trigger near the end gives the room back to the words before it
    before, after = evidence[lo:a], evidence[b:hi]
    if lo > 0:
        before = "… " + (before.split(" ", 1)[1] if " " in before else before)
    if hi < len(evidence):
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + " …"
    return before, evidence[a:b], after
