"""Geometry for the dashboard's SVG pictures: the escalation chart and the actor network.

Takes the data of a page (numbers and names) and gives coordinates, sizes and CSS class names;
the templates draw the SVG (and escape every name). Server-side pictures need no JavaScript
library, weigh little and render the same in every browser.

The network layout is a small force-directed (Fruchterman-Reingold) placement started from a
circle, so the same graph always gets the same picture. It does not read the store.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

MAX_X_LABELS = 8
LAYOUT_ITERATIONS = 120


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(lo / step) * step
    ticks = []
    v = first
    while v <= hi + step * 0.5:
        ticks.append(round(v, 6))
        v += step
    return ticks


def period_day(period: str) -> int:
    """The first day (ordinal) of a period label: YYYY-MM-DD, YYYY-Www (ISO week) or YYYY-MM."""
    if "-W" in period:
        year, week = period.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).toordinal()
    if len(period) == 7:
        return dt.date(int(period[:4]), int(period[5:7]), 1).toordinal()
    return dt.date.fromisoformat(period).toordinal()


def line_chart(series: Sequence[Mapping[str, Any]], width: int = 760, height: int = 260) -> dict[str, Any]:
    """One line per series on a time axis; `rows` are `{period, intensity}` with day, week or month periods."""
    left, right, top, bottom = 48, 24, 12, 28
    periods = sorted({r["period"] for s in series for r in s["rows"]}, key=period_day)
    days = [period_day(p) for p in periods]
    values = [r["intensity"] for s in series for r in s["rows"]] + [0.0]
    ticks = _nice_ticks(min(values), max(values))
    vmin, vmax = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = (days[0], days[-1]) if days else (0, 0)

    def x(day: int) -> float:
        return left + (plot_w / 2 if last == first else (day - first) / (last - first) * plot_w)

    def y(v: float) -> float:
        return top + (vmax - v) / (vmax - vmin) * plot_h

    lines = []
    for n, s in enumerate(series):
        rows = sorted(s["rows"], key=lambda r: period_day(r["period"]))
        dots = [{"x": round(x(period_day(r["period"])), 1), "y": round(y(r["intensity"]), 1),
                 "label": f"{s['dyad']} {r['period']}: {r['intensity']:+g}"} for r in rows]
        lines.append({"dyad": s["dyad"], "css": f"series-{n % 6}",
                      "points": " ".join(f"{d['x']},{d['y']}" for d in dots), "dots": dots})
    xticks: list[dict[str, Any]] = []
    for p, day in zip(periods, days, strict=True):
        px = round(x(day), 1)
        if not xticks or px - xticks[-1]["x"] >= plot_w / MAX_X_LABELS:
            xticks.append({"x": px, "label": p})
    for t in xticks:
        t["anchor"] = "end" if t["x"] > width - right - 30 else "start" if t["x"] < left + 30 else "middle"
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top,
        "bottom": height - bottom, "zero": round(y(0.0), 1), "lines": lines,
        "yticks": [{"y": round(y(t), 1), "label": f"{t:g}"} for t in ticks], "xticks": xticks,
    }


def intensity_class(value: float | None) -> str:
    if value is None:
        return "neutral"
    if value <= -5:
        return "hostile"
    if value < 0:
        return "conflict"
    return "cooperation" if value > 0 else "neutral"


def _layout(n: int, links: Sequence[tuple[int, int]], size: float) -> list[tuple[float, float]]:
    """Fruchterman-Reingold from a circle: deterministic, fine for the few dozen nodes a page shows."""
    if n == 0:
        return []
    pos = [(math.cos(2 * math.pi * i / n) * size / 3, math.sin(2 * math.pi * i / n) * size / 3) for i in range(n)]
    k = size / math.sqrt(n) * 0.6
    temperature = size / 10
    for _ in range(LAYOUT_ITERATIONS):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d = math.hypot(dx, dy) or 0.01
                f = k * k / d
                disp[i][0] += dx / d * f
                disp[i][1] += dy / d * f
                disp[j][0] -= dx / d * f
                disp[j][1] -= dy / d * f
        for i, j in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.hypot(dx, dy) or 0.01
            f = d * d / k
            disp[i][0] -= dx / d * f
            disp[i][1] -= dy / d * f
            disp[j][0] += dx / d * f
            disp[j][1] += dy / d * f
        for i in range(n):
            # a weak pull to the centre keeps unconnected pairs from drifting off the picture
            dx, dy = disp[i][0] - pos[i][0] * 0.05, disp[i][1] - pos[i][1] * 0.05
            d = math.hypot(dx, dy) or 0.01
            step = min(d, temperature)
            pos[i] = (pos[i][0] + dx / d * step, pos[i][1] + dy / d * step)
        temperature = max(temperature * 0.96, 0.5)
    return pos


def network(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], width: int = 820,
            height: int = 560) -> dict[str, Any]:
    """Positions and sizes for the actor network: node radius by events, edge width by events."""
    ids = [n["id"] for n in nodes]
    index = {nid: i for i, nid in enumerate(ids)}
    links = [(index[e["source"]], index[e["target"]]) for e in edges
             if e["source"] in index and e["target"] in index and e["source"] != e["target"]]
    raw = _layout(len(ids), links, min(width, height))
    margin = 60
    if raw:
        xs, ys = [p[0] for p in raw], [p[1] for p in raw]
        span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        placed = [(margin + (px - min(xs)) / span_x * (width - 2 * margin),
                   margin + (py - min(ys)) / span_y * (height - 2 * margin)) for px, py in raw]
    else:
        placed = []
    most = max((n["events"] for n in nodes), default=1) or 1
    out_nodes = [{**n, "x": round(placed[i][0], 1), "y": round(placed[i][1], 1),
                  "r": round(5 + 13 * math.sqrt(n["events"] / most), 1)} for i, n in enumerate(nodes)]
    heaviest = max((e["events"] for e in edges), default=1) or 1
    out_edges = []
    for e in edges:
        if e["source"] == e["target"] or e["source"] not in index or e["target"] not in index:
            continue
        a, b = out_nodes[index[e["source"]]], out_nodes[index[e["target"]]]
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        d = math.hypot(dx, dy) or 1
        shorten = b["r"] + 4  # stop at the target's rim so the arrowhead shows
        out_edges.append({**e, "x1": a["x"], "y1": a["y"], "x2": round(b["x"] - dx / d * shorten, 1),
                          "y2": round(b["y"] - dy / d * shorten, 1),
                          "width": round(1 + 5 * math.log1p(e["events"]) / math.log1p(heaviest), 1),
                          "css": intensity_class(e.get("intensity")),
                          "label": f"{a['name']} → {b['name']}: {e['events']} events, "
                                   f"mean intensity {e['intensity'] if e.get('intensity') is not None else '–'}"})
    return {"width": width, "height": height, "nodes": out_nodes, "edges": out_edges}
