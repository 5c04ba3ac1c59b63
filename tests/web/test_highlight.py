"""Cutting a document's text into highlight segments, and the pictures' geometry."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from storyline.web import charts, highlight, worldmap

TEXT = 'Mexico protested on Monday. "We will not accept it," the minister said, citing 3 reports.'


def _rec(rid: str, start: int | None, end: int | None, **extra: Any) -> dict[str, Any]:
    return {"id": rid, "start": start, "end": end, **extra}


@pytest.mark.parametrize(("records", "expected"), [
    # nothing to highlight: one plain segment
    ({}, [(TEXT, [])]),
    # an event is placed on its trigger word, not its whole sentence
    ({"event": [_rec("e1", 0, 27, trigger={"text": "protested", "start": 7, "end": 16})]},
     [("Mexico ", []), ("protested", ["e1"]), (TEXT[16:], [])]),
    # a quote inside a claim sentence: three segments, the middle one covered by both
    ({"claim": [_rec("c1", 28, 88)], "quote": [_rec("q1", 29, 50)]},
     [(TEXT[:28], []), ('"', ["c1"]), (TEXT[29:50], ["c1", "q1"]), (TEXT[50:88], ["c1"]), (TEXT[88:], [])]),
    # overlapping, not nested
    ({"quote": [_rec("q1", 0, 16)], "claim": [_rec("c1", 7, 26)]},
     [("Mexico ", ["q1"]), ("protested", ["q1", "c1"]), (" on Monday", ["c1"]), (TEXT[26:], [])]),
])
def test_segments(records: dict[str, list[dict[str, Any]]], expected: list[tuple[str, list[str]]]) -> None:
    segments, unplaced = highlight.segments(TEXT, records)
    assert [(s["text"], sorted(s["ids"])) for s in segments] == [(t, sorted(ids)) for t, ids in expected]
    assert "".join(s["text"] for s in segments) == TEXT
    assert unplaced == []


@pytest.mark.parametrize("record", [
    _rec("x", None, None, issue="listed_not_cited"),  # a finding about the reference list: no offsets
    _rec("x", 10, 5),  # reversed
    _rec("x", 0, len(TEXT) + 1),  # past the end
    _rec("x", -1, 4),
    _rec("x", 4, 4),  # empty
])
def test_records_without_usable_offsets_are_listed_not_placed(record: dict[str, Any]) -> None:
    segments, unplaced = highlight.segments(TEXT, {"citation_issue": [record]})
    assert unplaced == ["x"] and [s["text"] for s in segments] == [TEXT]


@pytest.mark.parametrize(("period", "iso"), [("2025-11-17", "2025-11-17"), ("2025-W47", "2025-11-17"),
                                             ("2025-11", "2025-11-01"), ("2026-W01", "2025-12-29")])
def test_periods_are_placed_on_a_time_axis(period: str, iso: str) -> None:
    import datetime as dt

    assert charts.period_day(period) == dt.date.fromisoformat(iso).toordinal()


def test_line_chart_spaces_periods_by_time() -> None:
    chart = charts.line_chart([{"dyad": "USA-MEX", "rows": [{"period": "2025-01", "intensity": -4.0},
                                                              {"period": "2025-02", "intensity": 2.0},
                                                              {"period": "2025-12", "intensity": -8.0}]}])
    xs = [d["x"] for d in chart["lines"][0]["dots"]]
    assert xs[1] - xs[0] < (xs[2] - xs[1]) / 5  # a month apart, then ten months
    ys = [d["y"] for d in chart["lines"][0]["dots"]]
    assert ys[1] < chart["zero"] < ys[0] < ys[2]  # positive above the zero line, more negative lower


def test_network_layout_keeps_nodes_in_the_picture_and_apart() -> None:
    nodes = [{"id": k, "name": k, "events": n} for k, n in (("USA", 5), ("MEX", 4), ("CAN", 1), ("GTM", 1))]
    edges = [{"source": "USA", "target": "MEX", "events": 5, "conflict": 4, "cooperation": 1, "neutral": 0},
             {"source": "MEX", "target": "USA", "events": 1, "conflict": 0, "cooperation": 1, "neutral": 0},
             {"source": "GTM", "target": "MEX", "events": 1, "conflict": 0, "cooperation": 0, "neutral": 1},
             {"source": "CAN", "target": "CAN", "events": 1, "conflict": 0, "cooperation": 1, "neutral": 0}]
    net = charts.network(nodes, edges, width=600, height=400)
    assert all(0 <= n["x"] <= 600 and 0 <= n["y"] <= net["height"] for n in net["nodes"])
    points = {(round(n["x"]), round(n["y"])) for n in net["nodes"]}
    assert len(points) == 4
    # one arc per pair and kind, never a blend: USA→MEX has a conflict arc and a cooperation arc
    assert [(e["source"], e["kind"]) for e in net["edges"]] == [
        ("USA", "conflict"), ("USA", "cooperation"), ("MEX", "cooperation"), ("GTM", "neutral")]  # no self-loop
    assert net["edges"][0]["width"] > net["edges"][1]["width"]
    assert len({e["d"] for e in net["edges"]}) == 4  # the two directions and kinds bow apart


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@pytest.mark.parametrize("n", [6, 25, 60])
def test_network_labels_never_overlap(n: int) -> None:
    names = [f"{code} {sector}" for code in ("USA", "MEX", "GTM", "COL", "VEN", "BRA", "ARG", "CHL", "PER", "ECU")
             for sector in ("GOV", "MIL", "CRM", "COP", "LEG", "BUS")][:n]
    nodes = [{"id": name, "name": name, "events": 1 + i % 4} for i, name in enumerate(names)]
    edges = [{"source": names[0], "target": names[i], "events": 1, "conflict": i % 2, "cooperation": 1 - i % 2,
              "neutral": 0} for i in range(1, n)]  # a hub, the hardest case for labels
    net = charts.network(nodes, edges)
    boxes = [node["box"] for node in net["nodes"]]
    assert not [(i, j) for i in range(n) for j in range(i + 1, n) if _overlap(boxes[i], boxes[j])]
    assert all(b[0] >= 0 and b[2] <= net["width"] and b[1] >= 0 and b[3] <= net["height"] for b in boxes)
    assert net == charts.network(nodes, edges)  # the same graph, the same picture


def test_line_chart_joins_adjacent_periods_only() -> None:
    rows = [{"period": p, "intensity": v, "undated": u} for p, v, u in
            (("2025-W01", -2.0, 0), ("2025-W02", -4.0, 1), ("2025-W03", 1.0, 0), ("2025-W44", -6.0, 0),
             ("2025-W52", 2.0, 0), ("2026-W01", 3.0, 0))]
    chart = charts.line_chart([{"dyad": "USA-MEX", "rows": rows}], by="week")
    line = chart["lines"][0]
    assert len(line["dots"]) == 6 and line["gaps"] == 2
    assert [len(run.split()) for run in line["runs"]] == [3, 2]  # W01-W03, then W52-W01 across the year; W44 alone
    assert [d["undated"] for d in line["dots"]] == [False, True, False, False, False, False] and chart["undated"]
    months = charts.line_chart([{"dyad": "USA-MEX", "rows": [{"period": p, "intensity": 1.0} for p in
                                                             ("2025-01", "2025-02", "2025-04")]}], by="month")
    assert [len(run.split()) for run in months["lines"][0]["runs"]] == [2]


def test_map_legend_says_what_each_shade_stands_for() -> None:
    counts = {"MEX": 40, "USA": 1, "GTM": 3}
    legend = worldmap.legend(counts)
    assert legend[0]["low"] == 1 and legend[-1]["high"] == 40
    assert all(a["high"] + 1 == b["low"] and a["shade"] < b["shade"] for a, b in itertools.pairwise(legend))
    shades = {s["code"]: s["shade"] for s in worldmap.shapes(counts) if s["code"] in counts}
    for code, n in counts.items():
        assert next(entry for entry in legend if entry["low"] <= n <= entry["high"])["shade"] == shades[code]


@pytest.mark.parametrize(("lat", "lon", "where"), [(19.43, -99.13, "left-middle"), (51.5, -0.13, "centre-top"),
                                                  (-33.9, 151.2, "right-bottom")])
def test_world_map_projection(lat: float, lon: float, where: str) -> None:
    x, y = worldmap.project(lat, lon)
    horizontal, vertical = where.split("-")
    assert {"left": x < worldmap.WIDTH / 3, "centre": worldmap.WIDTH / 3 <= x <= 2 * worldmap.WIDTH / 3,
            "right": x > 2 * worldmap.WIDTH / 3}[horizontal]
    assert {"top": y < worldmap.HEIGHT / 2.5, "middle": worldmap.HEIGHT / 3 < y < worldmap.HEIGHT / 1.5,
            "bottom": y > worldmap.HEIGHT / 1.8}[vertical]


def test_world_map_has_the_countries_by_iso_code() -> None:
    codes = {code for code, _, _ in worldmap.countries()}
    assert {"USA", "MEX", "GTM", "VEN", "CHN", "AUS"} <= codes and "ATA" not in codes
    shades = {s["code"]: s["shade"] for s in worldmap.shapes({"MEX": 40, "USA": 1})}
    assert shades["MEX"] == worldmap.SHADES and 1 <= shades["USA"] < shades["MEX"] and shades["CAN"] == 0
