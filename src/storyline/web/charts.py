"""Geometry for the dashboard's SVG pictures: the escalation chart and the actor network.

Takes the data of a page (numbers and names) and gives coordinates, sizes and CSS class names;
the templates draw the SVG (and escape every name). Server-side pictures need no JavaScript
library, weigh little and render the same in every browser.

The network layout places each connected group of actors by a small force-directed
(Fruchterman-Reingold) run started from a circle, packs the groups side by side, then pushes apart
any nodes whose labels would overlap: the same graph always gets the same picture. It does not read the store.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..unionfind import union_find

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


ADJACENT_DAYS = {"day": 1, "week": 7, "month": 31}  # the most days between the starts of two adjacent periods


def line_chart(series: Sequence[Mapping[str, Any]], width: int = 760, height: int = 260,
               by: str = "week") -> dict[str, Any]:
    """One point per period and series on a time axis, joined only across adjacent periods.

    `rows` are `{period, intensity, undated?}` with day, week or month periods (`by`). A period with
    no event is a gap: no line crosses it, so a lone week stands as a lone point. A point holding
    events placed by their article's date (`undated` > 0) is marked `undated` (drawn hollow).
    """
    left, right, top, bottom = 48, 24, 12, 28
    periods = sorted({r["period"] for s in series for r in s["rows"]}, key=period_day)
    days = [period_day(p) for p in periods]
    values = [r["intensity"] for s in series for r in s["rows"]] + [0.0]
    ticks = _nice_ticks(min(values), max(values))
    vmin, vmax = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = (days[0], days[-1]) if days else (0, 0)
    adjacent = ADJACENT_DAYS.get(by, 7)

    def x(day: int) -> float:
        return left + (plot_w / 2 if last == first else (day - first) / (last - first) * plot_w)

    def y(v: float) -> float:
        return top + (vmax - v) / (vmax - vmin) * plot_h

    lines = []
    for n, s in enumerate(series):
        rows = sorted(s["rows"], key=lambda r: period_day(r["period"]))
        dots = []
        runs: list[list[dict[str, Any]]] = []
        previous: int | None = None
        for r in rows:
            day = period_day(r["period"])
            undated = int(r.get("undated") or 0)
            label = f"{s['dyad']} {r['period']}: {r['intensity']:+g}"
            if undated:
                label += f" ({undated} undated event{'s' if undated != 1 else ''} counted at the article's date)"
            dot = {"x": round(x(day), 1), "y": round(y(r["intensity"]), 1), "label": label, "undated": bool(undated),
                   "period": r["period"]}
            dots.append(dot)
            if previous is None or day - previous > adjacent:
                runs.append([])
            runs[-1].append(dot)
            previous = day
        lines.append({"dyad": s["dyad"], "css": f"series-{n % 6}", "dots": dots,
                      "runs": [" ".join(f"{d['x']},{d['y']}" for d in run) for run in runs if len(run) > 1],
                      "gaps": max(0, len(runs) - 1)})
    xticks: list[dict[str, Any]] = []
    for p, day in zip(periods, days, strict=True):
        px = round(x(day), 1)
        if not xticks or px - xticks[-1]["x"] >= plot_w / MAX_X_LABELS:
            xticks.append({"x": px, "label": p})
    for t in xticks:
        t["anchor"] = "end" if t["x"] > width - right - 30 else "start" if t["x"] < left + 30 else "middle"
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top,
        "bottom": height - bottom, "zero": round(y(0.0), 1), "lines": lines, "by": by,
        "undated": any(d["undated"] for line in lines for d in line["dots"]),
        "yticks": [{"y": round(y(t), 1), "label": f"{t:g}"} for t in ticks], "xticks": xticks,
    }


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


LABEL_CHAR_PX = 7.4  # mean advance of a 12 px sans-serif label character, a little generous
LABEL_HEIGHT = 15
LABEL_MAX = 24  # characters of a node label; the tooltip has the rest
BOX_GAP = 6  # pixels kept between two nodes' boxes (circle and label)
OVERLAP_PASSES = 300
MIN_LINK = 110  # pixels between the rims of two linked nodes
EDGE_BEND = 22  # pixels a conflict and a cooperation arrow of one pair bow apart
EDGE_STYLE = {"conflict": "conflict", "cooperation": "cooperation", "neutral": "neutral"}


def label_of(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1] + "…"


def _box(x: float, y: float, r: float, label: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a node: its circle and the label centred under it."""
    half = max(r, len(label) * LABEL_CHAR_PX / 2)
    return x - half, y - r, x + half, y + r + 4 + LABEL_HEIGHT


def _separate(pos: list[list[float]], radii: list[float], labels: list[str], width: float,
              height: float, links: Sequence[tuple[int, int]] = ()) -> bool:
    """Push overlapping node boxes apart inside the picture, and linked nodes to at least MIN_LINK
    between their rims (so an arc and its arrowhead show); True when no boxes overlap any more."""
    n = len(pos)
    for _ in range(OVERLAP_PASSES):
        moved = False
        for i, j in links:
            dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
            d = math.hypot(dx, dy) or 0.01
            short = MIN_LINK + radii[i] + radii[j] - d
            if short > 0.5:
                ux, uy = (dx / d, dy / d) if d > 0.01 else (1.0, 0.0)
                pos[i][0] -= ux * short / 2
                pos[i][1] -= uy * short / 2
                pos[j][0] += ux * short / 2
                pos[j][1] += uy * short / 2
        for i in range(n):
            for j in range(i + 1, n):
                a = _box(pos[i][0], pos[i][1], radii[i], labels[i])
                b = _box(pos[j][0], pos[j][1], radii[j], labels[j])
                dx = min(a[2], b[2]) - max(a[0], b[0]) + BOX_GAP
                dy = min(a[3], b[3]) - max(a[1], b[1]) + BOX_GAP
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dx < dy:  # the shorter way out; the pair's order decides the side, so it is deterministic
                    step = dx / 2 + 0.5
                    sign = 1.0 if pos[i][0] < pos[j][0] or (pos[i][0] == pos[j][0] and i < j) else -1.0
                    pos[i][0] -= sign * step
                    pos[j][0] += sign * step
                else:
                    step = dy / 2 + 0.5
                    sign = 1.0 if pos[i][1] < pos[j][1] or (pos[i][1] == pos[j][1] and i < j) else -1.0
                    pos[i][1] -= sign * step
                    pos[j][1] += sign * step
        for k in range(n):  # keep every box inside the picture
            left, top, right, bottom = _box(pos[k][0], pos[k][1], radii[k], labels[k])
            pos[k][0] += max(0.0, 4 - left) - max(0.0, right - (width - 4))
            pos[k][1] += max(0.0, 4 - top) - max(0.0, bottom - (height - 4))
        if not moved:
            return True
    return False


def _towards(x: float, y: float, tx: float, ty: float, dist: float) -> tuple[float, float]:
    d = math.hypot(tx - x, ty - y) or 1.0
    return x + (tx - x) / d * dist, y + (ty - y) / d * dist


def _curve(x1: float, y1: float, x2: float, y2: float, bend: float, r1: float, r2: float) -> dict[str, Any]:
    """A quadratic arc from one node's rim to the other's, bowed `bend` px to the right of its direction."""
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1.0
    nx, ny = dy / d, -dx / d  # the right-hand normal
    cx, cy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
    # start and end on the rims, aimed at the control point, so the arrowhead meets the circle
    sx, sy = _towards(x1, y1, cx, cy, r1)
    ex, ey = _towards(x2, y2, cx, cy, r2 + 4)
    return {"d": f"M{sx:.1f} {sy:.1f}Q{cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"}


def _components(n: int, links: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of nodes, biggest first (ties by their first node), each in node order."""
    parent = {i: i for i in range(n)}
    root = union_find(parent)
    for i, j in links:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _packed_layout(n: int, links: Sequence[tuple[int, int]], aspect: float) -> list[tuple[float, float]]:
    """Each connected group laid out on its own (`_layout`), in a square whose side grows with the root of
    its size, the squares packed in rows into a picture `aspect` times as wide as high. A hub and its
    partners then get room of their own instead of being squeezed among unrelated pairs."""
    groups = _components(n, links)
    sides = [math.sqrt(len(g)) for g in groups]
    row_width = max(max(sides, default=1.0), math.sqrt(sum(x * x for x in sides) * aspect))
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x = y = row_height = 0.0
    for group, side in zip(groups, sides, strict=True):
        if x > 0 and x + side > row_width + 1e-9:
            x, y, row_height = 0.0, y + row_height, 0.0
        index = {node: k for k, node in enumerate(group)}
        local = [(index[i], index[j]) for i, j in links if i in index and j in index]
        raw = _layout(len(group), local, 300.0)  # the scale its step sizes were tuned at
        xs, ys = [p[0] for p in raw], [p[1] for p in raw]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for k, node in enumerate(group):
            fx = 0.5 if len(group) == 1 else (raw[k][0] - min(xs)) / span_x
            fy = 0.5 if len(group) == 1 else (raw[k][1] - min(ys)) / span_y
            pos[node] = (x + side * (0.15 + 0.7 * fx), y + side * (0.15 + 0.7 * fy))
        x += side
        row_height = max(row_height, side)
    return pos


def network(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], width: int = 820,
            height: int = 560) -> dict[str, Any]:
    """Positions, sizes and arcs for the actor network.

    Node radius by events; one arc per pair and kind of event (conflict, cooperation, neutral), its
    width by that kind's count, each bowed to the right of its direction so the two directions of
    a pair and its kinds never lie on one another. The force layout is followed by a pass that
    pushes apart any two nodes whose circle-and-label boxes overlap; when the picture is too small
    for that, it grows taller until none do.
    """
    ids = [n["id"] for n in nodes]
    index = {nid: i for i, nid in enumerate(ids)}
    links = [(index[e["source"]], index[e["target"]]) for e in edges
             if e["source"] in index and e["target"] in index and e["source"] != e["target"]]
    raw = _packed_layout(len(ids), links, width / height)
    most = max((n["events"] for n in nodes), default=1) or 1
    radii = [round(5 + 13 * math.sqrt(n["events"] / most), 1) for n in nodes]
    labels = [label_of(str(n["name"])) for n in nodes]
    margin = 70
    pos: list[list[float]] = []
    for _ in range(8):
        if raw:
            xs, ys = [p[0] for p in raw], [p[1] for p in raw]
            span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
            pos = [[margin + (px - min(xs)) / span_x * (width - 2 * margin),
                    margin + (py - min(ys)) / span_y * (height - 2 * margin)] for px, py in raw]
        if _separate(pos, radii, labels, width, height, links):
            break
        height = int(height * 1.25)
    out_nodes = [{**n, "x": round(pos[i][0], 1), "y": round(pos[i][1], 1), "r": radii[i], "label": labels[i],
                  "box": [round(v, 1) for v in _box(pos[i][0], pos[i][1], radii[i], labels[i])]}
                 for i, n in enumerate(nodes)]
    heaviest = max((e[k] for e in edges for k in EDGE_STYLE if e.get(k)), default=1) or 1
    out_edges = []
    for e in edges:
        if e["source"] == e["target"] or e["source"] not in index or e["target"] not in index:
            continue
        a, b = out_nodes[index[e["source"]]], out_nodes[index[e["target"]]]
        kinds = [k for k in EDGE_STYLE if e.get(k)]
        for rank, kind in enumerate(kinds):
            count = int(e[kind])
            arc = _curve(a["x"], a["y"], b["x"], b["y"], EDGE_BEND * (rank + 0.6), a["r"], b["r"])
            out_edges.append({**arc, "source": e["source"], "target": e["target"], "kind": kind,
                              "css": EDGE_STYLE[kind], "events": count,
                              "width": round(1.5 + 4.5 * math.log1p(count) / math.log1p(heaviest), 1),
                              "label": f"{a['name']} → {b['name']}: {count} {kind} event{'s' if count != 1 else ''}"
                                       f" (of {e['events']})"})
    return {"width": width, "height": height, "nodes": out_nodes, "edges": out_edges}
