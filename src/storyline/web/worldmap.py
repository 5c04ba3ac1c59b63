"""An offline world map: Natural Earth country shapes (vendored TopoJSON) projected to SVG paths.

Reads `static/vendor/world-atlas/countries-110m.json` once, decodes its quantized, delta-encoded
arcs, and gives one SVG path per country in a plate carrée projection cropped to 84°N…58°S
(Antarctica left out), keyed by ISO 3166-1 alpha-3 where Natural Earth gives a numeric code.
`project(lat, lon)` places a point on the same picture; `shapes(counts)` adds a shade class per
country from an events-per-country count, and `legend(counts)` says what each shade stands for.

It fetches nothing and does not read the store.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

TOPOJSON = ("static", "vendor", "world-atlas", "countries-110m.json")
WIDTH = 960
NORTH, SOUTH = 84.0, -58.0
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360)
ANTARCTICA = "010"
SHADES = 5


def project(lat: float, lon: float) -> tuple[float, float]:
    """(x, y) on the map of a latitude and longitude in degrees."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - max(SOUTH, min(NORTH, lat))) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@cache
def _topology() -> dict[str, Any]:
    resource = files("storyline.web").joinpath(*TOPOJSON)
    return json.loads(resource.read_text(encoding="utf-8"))


@cache
def _arcs() -> list[list[tuple[float, float]]]:
    topo = _topology()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int]) -> list[tuple[float, float]]:
    arcs = _arcs()
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _path(polygons: list[list[list[int]]]) -> str:
    parts = []
    for polygon in polygons:
        for ring in polygon:
            pts = [project(lat, lon) for lon, lat in _ring(ring)]
            if len(pts) < 3:
                continue
            # relative moves at 0.1 px, repeated points dropped: about half the bytes of absolute ones;
            # a jump across the antimeridian (Russia, Fiji) starts a new subpath instead of a stripe
            steps = []
            for (x0, y0), (x1, y1) in itertools.pairwise(pts):
                dx, dy = round(x1 - x0, 1), round(y1 - y0, 1)
                if abs(dx) > WIDTH / 2:
                    steps.append(f"m{dx:g} {dy:g}")
                elif dx or dy:
                    steps.append(f"{dx:g} {dy:g}")
            if len(steps) >= 2:  # a ring that collapses to a point or a line at this scale is not drawn
                parts.append(f"M{pts[0][0]:g} {pts[0][1]:g}l" + " ".join(steps) + "z")
    return "".join(parts)


def _alpha3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    import pycountry

    found = pycountry.countries.get(numeric=numeric.zfill(3))
    return found.alpha_3 if found else None


@cache
def countries() -> tuple[tuple[str | None, str, str], ...]:
    """(alpha-3 or None, name, SVG path) of every country on the map."""
    out = []
    for geom in _topology()["objects"]["countries"]["geometries"]:
        if geom.get("id") == ANTARCTICA or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        out.append((_alpha3(geom.get("id")), geom.get("properties", {}).get("name", ""), _path(polygons)))
    return tuple(out)


def shade_of(n: int, most: int) -> int:
    """The shade class of a country with `n` events when the busiest has `most`: 0 none, 1 … SHADES on a log scale."""
    return 0 if not n else 1 + min(SHADES - 1, int(math.log1p(n) / math.log1p(most) * (SHADES - 1)))


def legend(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    """The shades in use, each with the range of events it stands for: `{shade, low, high}`."""
    most = max(counts.values(), default=0)
    out: list[dict[str, Any]] = []
    for n in range(1, most + 1):
        shade = shade_of(n, most)
        if out and out[-1]["shade"] == shade:
            out[-1]["high"] = n
        else:
            out.append({"shade": shade, "low": n, "high": n})
    return out


def shapes(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    """Every country with its events count and a shade class (0 = none, up to SHADES on a log scale)."""
    most = max(counts.values(), default=0)
    out = []
    for code, name, path in countries():
        n = counts.get(code or "", 0)
        shade = shade_of(n, most)
        out.append({"code": code, "name": name, "path": path, "events": n, "shade": shade})
    return out


def markers(places: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Places as circles: position, radius by events."""
    most = max((p["events"] for p in places), default=1) or 1
    out = []
    for p in places:
        x, y = project(p["lat"], p["lon"])
        out.append({**p, "x": x, "y": y, "r": round(3 + 9 * math.sqrt(p["events"] / most), 1)})
    return out
