"""API latency on a synthetic store: p50/p95 of /api/timeline and /api/events at 20 concurrent clients.

Builds a temporary SQLite store of 100,000 events (and their documents, stories and story links)
with SQLAlchemy Core bulk inserts, serves it with uvicorn in a subprocess on a free loopback port,
and sends each endpoint a mix of requests (no filter at several offsets, one country, a dyad, a
type, a status, a date range, a source) from 20 concurrent clients. Prints the figures, then one
JSON line.

    .venv/bin/python benchmarks/api_latency.py [--events 100000] [--clients 20] [--requests 2000]

The records are random but shaped like real ones (`store.records`, `link.stories`); the numbers
say how the queries and the server scale, not how well anything is coded. The server's CPU time
per request (from /proc) is printed too: unlike latency it hardly depends on what else the machine
is running.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COUNTRIES = ["USA", "MEX", "CAN", "GTM", "COL", "VEN", "CUB", "HND", "SLV", "NIC", "PAN", "BRA", "ARG", "CHL", "PER",
             "ECU", "BOL", "CHN", "RUS", "ESP"]
SECTORS = ["GOV", "MIL", "COP", "CRM", None]
STATUSES = ["asserted"] * 7 + ["planned", "hypothetical", "negated"]
PUBLISHERS = [f"Publisher {i}" for i in range(40)]
TARGET_P95_MS = 150.0


def _party(rng: random.Random) -> dict[str, Any]:
    country, sector = rng.choice(COUNTRIES), rng.choice(SECTORS)
    return {"name": f"{country} {sector or 'people'}", "country": country, "sector": sector,
            "id": country + (sector or "")}


def _date(rng: random.Random) -> tuple[str | None, str | None]:
    if rng.random() < 0.15:
        return None, None
    day = 738886 + rng.randrange(730)  # 2024-01-01 + two years
    import datetime as dt

    iso = dt.date.fromordinal(day).isoformat()
    return (iso, "day") if rng.random() < 0.8 else (iso[:7], "month")


def build_store(path: str, n_events: int, seed: int = 7) -> dict[str, int]:
    """Fill a new SQLite store with `n_events` events, one document per 20 events, one story per 10 asserted."""
    from sqlalchemy import insert

    from storyline.model import stable_id
    from storyline.store import linkschema, schema
    from storyline.store.db import Store
    from storyline.store.webqueries import event_types

    rng = random.Random(seed)
    types = event_types()
    store = Store.open(path)
    linkschema.ensure(store.engine)
    n_docs = max(1, n_events // 20)
    docs = []
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    for i in range(n_docs):
        text = f"Synthetic article {i}. " * 20
        doc_id = stable_id("doc", i)
        docs.append({"id": doc_id, "source": f"synthetic/{i}.html", "url": f"https://site{i % 40}.example/{i}",
                     "title": f"Synthetic article {i}", "published": _date(rng)[0], "published_precision": "day",
                     "publisher": rng.choice(PUBLISHERS), "authors": [], "language": "en", "text": text,
                     "removed_blocks": 3, "removed": ["Menu", "Footer", "Subscribe"], "duplicate_of": None,
                     "content_hash": doc_id, "run_id": None, "ingested_at": now + dt.timedelta(seconds=i)})
    events, link_rows, stories = [], [], []
    story_members: list[dict[str, Any]] = []
    for i in range(n_events):
        doc = docs[i // 20]
        etype, status = rng.choice(types), rng.choice(STATUSES)
        actor, recipient = _party(rng), (_party(rng) if rng.random() < 0.8 else None)
        date, precision = _date(rng)
        eid = stable_id("event", i)
        lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 40)
        data = {"kind": "event", "id": eid, "document_id": doc["id"], "type": etype, "mode": None, "actor": actor,
                "recipient": recipient, "date": date, "date_precision": precision, "date_text": "on Monday",
                "location": {"name": f"Place {i % 500}", "country": actor["country"], "lat": round(lat, 3),
                             "lon": round(lon, 3), "precision": "city"} if rng.random() < 0.4 else None,
                "status": status, "magnitude": {"killed": None, "injured": None, "count": None},
                "intensity": round(rng.uniform(-10, 10), 1), "evidence": f"Synthetic evidence sentence {i}.",
                "reported_by": None, "confidence": 0.7, "trigger": {"text": "struck", "start": 0, "end": 6},
                "start": 0, "end": 20, "rule": "synthetic"}
        events.append(Store.derived_row("event", data))  # the columns a real ingest copies out of `data`
        if status == "asserted":
            story_members.append(data)
    rng.shuffle(story_members)
    for s in range(0, len(story_members), 10):
        members = story_members[s:s + 10]
        first = members[0]
        sid = stable_id("story", first["id"])
        dated = sorted(m["date"] for m in members if m["date"])
        record = {"kind": "story", "id": sid, "type": first["type"], "actor": first["actor"],
                  "recipient": first["recipient"], "date_first": dated[0] if dated else None,
                  "date_last": dated[-1] if dated else None, "event_ids": [m["id"] for m in members],
                  "document_ids": list(dict.fromkeys(m["document_id"] for m in members)),
                  "sources": PUBLISHERS[:3], "corroboration": 3, "conflicts": [], "independent_sources": PUBLISHERS[:3],
                  "clusters": [{"id": stable_id("cluster", m["id"]), "date": m["date"],
                                "date_precision": m["date_precision"], "event_ids": [m["id"]],
                                "document_ids": [m["document_id"]], "sources": PUBLISHERS[:1], "corroboration": 1,
                                "intensity": m["intensity"], "evidence": m["evidence"], "conflicts": []}
                               for m in members[:3]]}
        unit = f"{first['type']}:{first['actor']['country']}"
        stories.append({"id": sid, "unit": unit, "type": first["type"], "actor_country": first["actor"]["country"],
                        "recipient_country": (first["recipient"] or {}).get("country"),
                        "date_first": record["date_first"], "date_last": record["date_last"],
                        "events": len(members), "data": record})
        link_rows += [{"event_id": m["id"], "document_id": m["document_id"], "unit": unit,
                       "cluster_id": stable_id("cluster", m["id"]), "story_id": sid} for m in members]
    with store.engine.begin() as conn:
        for table, rows in ((schema.documents, docs), (schema.events, events), (linkschema.stories, stories),
                            (linkschema.link_events, link_rows)):
            for i in range(0, len(rows), 2000):
                conn.execute(insert(table), rows[i:i + 2000])
    store.close()
    return {"documents": len(docs), "events": len(events), "stories": len(stories)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, cache_size: int, workers: int) -> subprocess.Popen[bytes]:
    """uvicorn in a subprocess; several workers import a small factory module written next to the store."""
    from storyline.store.db import Store
    from storyline.store.webqueries import ensure_indexes

    with Store.open(db) as store:  # once, before any worker races to build them
        ensure_indexes(store.engine)
    folder = os.path.dirname(db)
    Path(folder, "bench_app.py").write_text(
        "from storyline.api import create_app\n\n\n"
        f"def app():\n    return create_app({db!r}, cache_size={cache_size})\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [folder, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "bench_app:app", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers), "--log-level", "warning"], env=env)
    import httpx

    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def request_mix(endpoint: str, n: int, seed: int = 11) -> list[str]:
    from storyline.store.webqueries import event_types

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rng.randrange(7)
        params: dict[str, Any] = {"limit": 50}
        if kind == 0:
            params["offset"] = rng.choice([0, 50, 500, 2000])
        elif kind == 1:
            params["actor"] = rng.choice(COUNTRIES)
        elif kind == 2:
            params.update(actor=rng.choice(COUNTRIES), recipient=rng.choice(COUNTRIES))
        elif kind == 3:
            params["type"] = rng.choice(event_types())
        elif kind == 4:
            params["status"] = rng.choice(["asserted", "hypothetical"]) if endpoint == "events" else "asserted"
        elif kind == 5:
            month = rng.randrange(1, 13)
            params.update(since=f"2025-{month:02d}", until=f"2025-{month:02d}")
        else:
            params["source"] = rng.choice(PUBLISHERS)
        out.append(f"/api/{endpoint}?" + "&".join(f"{k}={v}".replace(" ", "%20") for k, v in params.items()))
    return out


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One GET on a kept-alive HTTP/1.1 connection; the body is read and dropped. Returns the status."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
    status = int((await reader.readline()).split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        key, _, value = line.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readline()).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    return status


async def _load(base: str, urls: list[str], clients: int) -> tuple[list[float], int, float]:
    """`clients` connections, each sending its next request as soon as the last answer is in.

    A small HTTP/1.1 client on asyncio streams rather than httpx: it runs on the same machine as the
    server, and httpx spent more CPU per request than the server did.
    """
    host, port = base.removeprefix("http://").split(":")
    queue = list(reversed(urls))
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                path = queue.pop()
                started = time.perf_counter()
                try:
                    status = await _get(reader, writer, f"{host}:{port}", path)
                except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                errors += status != 200
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


def _tree(pid: int) -> list[int]:
    out = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            out += _tree(int(child))
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its live descendants (Linux /proc), in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default cache size)")
    parser.add_argument("--cache-size", type=int, default=256,
                        help="the server's page cache (its default); 0 measures every request computed afresh")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "synthetic.db")
        started = time.perf_counter()
        sizes = build_store(db, args.events)
        print(f"synthetic store: {sizes} in {time.perf_counter() - started:.1f}s "
              f"({Path(db).stat().st_size / 1e6:.0f} MB)")
        port = _free_port()
        proc = start_server(db, port, args.cache_size, args.workers)
        base = f"http://127.0.0.1:{port}"
        results: dict[str, Any] = {"benchmark": "api_latency", "store": sizes, "clients": args.clients,
                                   "requests_per_endpoint": args.requests, "cache_size": args.cache_size,
                                   "workers": args.workers,
                                   "cpus": os.cpu_count(),
                                   "load_average_before": round(os.getloadavg()[0], 2)}
        try:
            for endpoint in ("timeline", "events"):
                asyncio.run(_load(base, request_mix(endpoint, 100, seed=1), args.clients))  # warm-up
                urls = request_mix(endpoint, args.requests)
                cpu_before, client_before = cpu_seconds(proc.pid), time.process_time()
                latencies, errors, wall = asyncio.run(_load(base, urls, args.clients))
                server_cpu_ms = (cpu_seconds(proc.pid) - cpu_before) * 1000 / len(latencies)
                client_cpu_ms = (time.process_time() - client_before) * 1000 / len(latencies)
                p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
                print(f"{endpoint:9} {len(latencies)} requests, {args.clients} clients: p50 {p50:.1f} ms, "
                      f"p95 {p95:.1f} ms, max {max(latencies):.1f} ms, {len(latencies) / wall:.0f} req/s, "
                      f"{errors} errors; {len(set(urls))} distinct URLs; CPU per request: "
                      f"server {server_cpu_ms:.1f} ms, client {client_cpu_ms:.1f} ms; "
                      f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
                results[f"/api/{endpoint}"] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                                     "mean_ms": round(statistics.fmean(latencies), 1),
                                     "req_per_s": round(len(latencies) / wall, 1), "errors": errors,
                                     "distinct_urls": len(set(urls)),
                                     "server_cpu_ms_per_request": round(server_cpu_ms, 2),
                                     "client_cpu_ms_per_request": round(client_cpu_ms, 2),
                                     "load_average_after": round(os.getloadavg()[0], 2)}
        finally:
            proc.terminate()
            proc.wait(10)
    results["target_p95_ms"] = TARGET_P95_MS
    results["met"] = all(results[f"/api/{e}"]["p95_ms"] < TARGET_P95_MS for e in ("timeline", "events"))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
