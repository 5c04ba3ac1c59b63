"""One simulated day of `storyline watch`, fast-forwarded, against news sites and a webhook on loopback.

Part 1 (the day): FEEDS feeds (on HOSTS loopback addresses, 127.0.0.2 …) each publish ITEMS new
articles at random times over 24 simulated hours; the watcher polls every feed every 10 minutes with
the shipped example rules and a webhook. Waits are skipped (`FastForwardClock`), work takes its
real time. Checked and printed: each item stored exactly once and fetched once, every alert
delivered to the webhook exactly once, unchanged feeds costing one conditional GET (304) and
nothing else, and the latency from an item appearing in its feed to its alert arriving at the
webhook (p50, p95; an alert's item is the latest-appearing document of its incident, and separately the
document whose poll fired it).

Part 2 (memory): POLLS more polls of FEEDS2 feeds, one new article every 500 polls; the process's
resident memory sampled every 1,000 polls (after the first 1,000, which load the pipeline).

    .venv/bin/python benchmarks/watch_day.py [--feeds 50] [--items 30] [--polls 10000]

The last line is the figures as JSON. Article texts are invented here from templates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "watch"))

from watchsite import Entry, WatchSite, article  # noqa: E402

from storyline import settings  # noqa: E402
from storyline.store import watchqueries  # noqa: E402
from storyline.store.db import Store  # noqa: E402
from storyline.watch import FastForwardClock, Watcher, load_rules  # noqa: E402

DAY = 86400.0
EVERY = 600.0
CITIES = ["Culiacan", "Tijuana", "Reynosa", "Matamoros", "Nuevo Laredo", "Hermosillo", "Chihuahua", "Durango",
          "Mazatlan", "Zacatecas", "Morelia", "Acapulco", "Veracruz", "Tampico", "Mexicali", "Ensenada"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    ["The United States threatened on {day} to strike cartel targets near {city}, a defense official told "
     "reporters in Washington.", "Mexican officials rejected the warning and said troops would stay in {city}."],
    ["American forces struck a boat off the coast near {city} on {day}, killing {n} people, the Pentagon said.",
     "The navy said the vessel had been followed for {n} hours before the strike."],
    ["Police in {city} said on {day} that gunmen attacked a checkpoint and wounded {n} officers.",
     "The state governor condemned the attack and asked for more federal troops."],
    ["Hundreds of residents marched through {city} on {day} to protest the killing of {n} farmers.",
     "Organisers said the march was peaceful and would be repeated next week."],
]
FILLER = ["{outlet} could not independently confirm the account.", "Reporting by the {outlet} desk.",
          "{outlet} will update this story as it develops.", "The {outlet} newsroom contributed to this report."]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def spread(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(statistics.median(values), 2), "p95": round(percentile(values, 0.95), 2),
            "max": round(max(values), 2), "over_budget": sum(1 for v in values if v > EVERY + 2.0)}


def build_sites(clock: FastForwardClock, feeds: int, items: int, hosts: int, rng: random.Random,
                incidents: int) -> tuple[list[WatchSite], list[str], dict[str, float]]:
    sites = [WatchSite(now=clock.now, host=f"127.0.0.{h + 2}", log_requests=False) for h in range(hosts)]
    for s in sites:
        s.__enter__()
    start = clock.now()
    sources, appear = [], {}
    base_incidents = [(rng.randrange(len(TEMPLATES)), rng.choice(CITIES), rng.choice(DAYS), rng.randint(2, 9))
                      for _ in range(incidents)]
    for f in range(feeds):
        site = sites[f % hosts]
        outlet = f"Outlet {f + 1}"
        path = f"/feed{f}.xml"
        site.feeds[path] = []
        for i in range(items):
            kind, city, day, n = base_incidents[rng.randrange(incidents)]
            paragraphs = [t.format(city=city, day=day, n=n) for t in TEMPLATES[kind]]
            paragraphs.append(rng.choice(FILLER).format(outlet=outlet) + f" Item {f}-{i}.")
            page = f"/f{f}/a{i}"
            site.pages[page] = article(f"{city}: report {f}-{i}", paragraphs, published="2025-11-18",
                                       publisher=outlet)
            at = start + 60 + rng.random() * (DAY - 120)
            link = site.base + page
            site.feeds[path].append(Entry(link, f"{city}: report {f}-{i}", appear_at=at))
            appear[link] = at
        site.feeds[path].sort(key=lambda e: e.appear_at)
        sources.append(site.base + path)
    return sites, sources, appear


def day(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    rng = random.Random(17)
    clock = FastForwardClock()
    sites, sources, appear = build_sites(clock, args.feeds, args.items, args.hosts, rng, args.incidents)
    hook = sites[0]
    allow = ",".join(f"{s.host}:{s.port}" for s in sites)
    cfg = settings.load({"db": str(folder / "day.db"), "allow_hosts": allow, "watch_every": f"{EVERY:.0f}s",
                         "watch_host_interval": args.host_interval, "watch_webhook": f"{hook.base}/hook"})
    rules = load_rules(str(ROOT / "src" / "storyline" / "examples" / "alert-rules.yaml"))
    polls: list[dict[str, Any]] = []
    started = time.perf_counter()
    end = clock.now() + DAY + EVERY
    with Store.open(cfg["db"]) as store:
        watcher = Watcher(store, cfg, sources=sources, clock=clock, rules=rules, log=polls.append,
                          rng=random.Random(1))
        while clock.now() < end:
            watcher.run_once()
            watcher.deliver()
            wait = watcher.next_wake() - clock.now()
            if wait > 0:
                clock.advance(wait)
        stored = Counter(r["source"] for r in store.records(["document"]))
        alerts = watchqueries.alerts_page(store, limit=100_000)["items"]
        docs = watchqueries.document_sources(store, sorted({d for a in alerts for d in a["incident"]["document_ids"]}))
        all_docs = watchqueries.document_sources(store, [r["id"] for r in store.records(["document"])])
        items = watchqueries.item_counts(store)
        errors = store.count("ingest_error")
    seconds = time.perf_counter() - started
    counts: Counter[str] = Counter()
    article_gets: Counter[str] = Counter()
    for s in sites:
        for (method, path, status), n in s.counts.items():
            if method == "POST":
                counts["webhook_posts"] += n
            elif path.endswith(".xml"):
                counts[f"feed_{status}"] += n
            elif path == "/robots.txt":
                counts["robots_gets"] += n
            else:
                article_gets[path] += n
    received = Counter(body["alert"]["id"] for _, body in hook.hooks)
    arrival = {body["alert"]["id"]: at for at, body in hook.hooks}
    # An alert's item is the latest-appearing document of its incident; and, since linking may re-form an
    # incident around an earlier report when a new one arrives, also the document whose poll fired it (the
    # last one stored before the alert was recorded).
    latencies, by_poll = [], []
    stored_at = sorted((info["ingested_at"], info["source"]) for info in all_docs.values())
    for a in alerts:
        seen = [appear[docs[d]["source"]] for d in a["incident"]["document_ids"] if d in docs
                and docs[d]["source"] in appear]
        if a["id"] in arrival and seen:
            latencies.append(arrival[a["id"]] - max(seen))
        fired = dt.datetime.fromisoformat(a["fired_at"])
        before = [src for at, src in stored_at if at.replace(tzinfo=dt.UTC) <= fired]
        if a["id"] in arrival and before:
            by_poll.append(arrival[a["id"]] - appear[before[-1]])
    poll_lines = [p for p in polls if p.get("event") == "poll"]
    return {
        "feeds": args.feeds, "items_per_feed": args.items, "items": len(appear), "hosts": args.hosts,
        "poll_interval_s": EVERY, "host_interval": args.host_interval, "real_seconds": round(seconds, 1),
        "polls": len(poll_lines), "feed_200": counts["feed_200"], "feed_304": counts["feed_304"],
        "feed_polls_with_new_items": sum(1 for p in poll_lines if p["new"] or p["unchanged"] or p["edited"]),
        "article_gets": sum(article_gets.values()), "articles_fetched_twice": sum(1 for n in article_gets.values()
                                                                                 if n > 1),
        "article_gets_after_304": sum(1 for p in poll_lines if p["status"] == 304 and (p["new"] or p["unchanged"])),
        "robots_gets": counts["robots_gets"],
        "documents": sum(stored.values()), "items_stored_once": sum(1 for link in appear if stored.get(link) == 1),
        "items_stored_twice": sum(1 for n in stored.values() if n > 1), "items_state": items, "ingest_errors": errors,
        "alerts": len(alerts), "alerts_by_rule": dict(Counter(a["rule"] for a in alerts)),
        "webhook_received": sum(received.values()), "webhook_distinct": len(received),
        "alerts_delivered_once": sum(1 for a in alerts if received.get(a["id"]) == 1),
        "alerts_delivered_twice": sum(1 for n in received.values() if n > 1),
        "latency_s": {"budget": EVERY + 2.0, "from_incident_newest_document": spread(latencies),
                      "from_document_whose_poll_fired_it": spread(by_poll)},
    }, sites


def memory(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    rng = random.Random(5)
    clock = FastForwardClock()
    sites, sources, _ = build_sites(clock, args.feeds2, 0, 1, rng, 10)
    site = sites[0]
    pages = [(n, article(f"Memory report {n}", [t.format(city=CITIES[n % len(CITIES)], day=DAYS[n % 7], n=n % 9 + 2)
                                                for t in TEMPLATES[n % len(TEMPLATES)]], publisher="Outlet M"))
             for n in range(args.polls // 500 + 1)]
    cfg = settings.load({"db": str(folder / "mem.db"), "allow_hosts": f"{site.host}:{site.port}",
                         "watch_every": "60s", "watch_host_interval": "0s"})
    rules = load_rules(str(ROOT / "src" / "storyline" / "examples" / "alert-rules.yaml"))
    samples = []
    started = time.perf_counter()
    with Store.open(cfg["db"]) as store:
        watcher = Watcher(store, cfg, sources=sources, clock=clock, rules=rules, log=lambda _: None)
        next_article = 0
        while watcher.polls < args.polls:
            if watcher.polls // 500 >= next_article and next_article < len(pages):
                n, body = pages[next_article]
                site.pages[f"/m/{n}"] = body
                site.feeds[f"/feed{n % args.feeds2}.xml"].append(Entry(f"{site.base}/m/{n}", f"Memory report {n}",
                                                                       appear_at=clock.now()))
                next_article += 1
            before = watcher.polls
            watcher.run_once()
            if watcher.polls // 1000 > before // 1000:
                samples.append({"polls": watcher.polls, "rss_mb": round(rss_mb(), 1)})
            clock.advance(max(0.0, watcher.next_wake() - clock.now()))
        stored = store.count("document")
    for s in sites:
        s.__exit__()
    after_warmup = [s["rss_mb"] for s in samples[1:]] or [0.0]
    return {"polls": watcher.polls, "feeds": args.feeds2, "articles_stored": stored,
            "real_seconds": round(time.perf_counter() - started, 1), "rss_samples": samples,
            "rss_growth_after_first_1000_mb": round(after_warmup[-1] - after_warmup[0], 1),
            "rss_range_after_first_1000_mb": round(max(after_warmup) - min(after_warmup), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--hosts", type=int, default=50, help="loopback addresses the feeds are spread over")
    parser.add_argument("--incidents", type=int, default=900, help="distinct incidents the items report")
    parser.add_argument("--host-interval", default="1s")
    parser.add_argument("--polls", type=int, default=10_000)
    parser.add_argument("--feeds2", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures, sites = day(args, folder)
        for s in sites:
            s.__exit__()
        print(json.dumps({"day": figures}, indent=1))
        mem = memory(args, folder)
        print(json.dumps({"memory": mem}, indent=1))
    print(json.dumps({"day": figures, "memory": mem}))


if __name__ == "__main__":
    main()
