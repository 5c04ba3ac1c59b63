"""Cross-document linking at scale: near-duplicates and stories over synthetic events in a real SQLite store.

Usage: python benchmarks/link_stories.py [--documents 5000] [--events 20000] [--seed 1] [--db PATH]

Builds a store through `Store.add_document` (not timed): real-world incidents (16 PLOVER types,
~30 directed dyads among 12 countries, dates over 2025) each reported by one to several
documents, in differing words, sometimes a day off, sometimes only to the month or undated, with
casualty figures that now and then disagree; a document is published 0-3 days after the latest
incident it reports (an undated report is clustered in its document's month), and a document's
incidents lie within 3 days of one another (a page reports the news of a few days: an undated
mention of an event months before its page is a recap, which never joins an incident); ~15% of the
documents are wire copies (a new lede, a few words edited, another publisher) of an earlier one,
published 0-2 days after it. Then, in a fresh process so its memory
is its own, it times `relink_all` (everything from scratch), `link_new` with nothing new, and
`link_new` after 50 more documents, and scores the event clusters against the incidents
(pairwise precision/recall over asserted events) and the near-duplicate links against the copies.
Prints one JSON line; `*_seconds` are wall-clock, `*_cpu_seconds` the process's CPU time (the two
differ when other work shares the machine or the disk is slow).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from typing import Any

from storyline.model import Actor, Document, Event, Span
from storyline.store.db import Store
from storyline.store.records import event_record

COUNTRIES = {"USA": "the United States", "MEX": "Mexico", "VEN": "Venezuela", "COL": "Colombia", "CAN": "Canada",
             "CHN": "China", "RUS": "Russia", "UKR": "Ukraine", "ISR": "Israel", "IRN": "Iran",
             "GTM": "Guatemala", "CUB": "Cuba"}
# (type, verb phrase, intensity): synthetic, one wording per type is enough for a load test.
TYPES = [("AGREE", "agreed with", 4), ("CONSULT", "held talks with", 1), ("SUPPORT", "backed", 3),
         ("CONCEDE", "eased measures against", 5), ("COOPERATE", "signed a pact with", 6), ("AID", "sent aid to", 7),
         ("RETREAT", "withdrew from", 4), ("REQUEST", "asked", -1), ("ACCUSE", "accused", -2),
         ("REJECT", "rejected demands from", -4), ("THREATEN", "threatened", -6), ("PROTEST", "protested against", -5),
         ("SANCTION", "imposed sanctions on", -7), ("MOBILIZE", "deployed troops toward", -6),
         ("COERCE", "seized assets of", -8), ("ASSAULT", "struck targets in", -9)]
SYLLABLES = ["ka", "lo", "ren", "vi", "sta", "mor", "del", "qui", "ban", "tor", "ela", "gin", "ru", "pas", "zen",
             "ol", "mira", "cas", "dun", "fe"]
PUBLISHERS = [f"Outlet {i}" for i in range(120)]
WEEK = 3


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def make_incidents(rng: random.Random, n: int) -> list[dict[str, Any]]:
    codes = list(COUNTRIES)
    dyads = rng.sample([(a, b) for a in codes for b in codes if a != b], 30)
    generic = [word(rng) for _ in range(300)]
    incidents = []
    for k in range(n):
        typ, verb, intensity = rng.choice(TYPES)
        a, b = rng.choice(dyads)
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
        killed = rng.randint(1, 90) if typ in ("ASSAULT", "COERCE") else None
        count = rng.randint(2, 9) if typ == "SANCTION" else None
        topic = [word(rng) for _ in range(rng.randint(3, 5))]
        incidents.append({"id": k, "type": typ, "verb": verb, "intensity": intensity, "actor": a, "recipient": b,
                          "day": day, "killed": killed, "count": count, "topic": topic, "generic": generic})
    return incidents


def sentence(rng: random.Random, inc: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """One outlet's sentence about an incident, and what it reports (date, precision, figures)."""
    topic = [w for w in inc["topic"] if rng.random() > 0.15] or inc["topic"][:1]
    filler = rng.sample(inc["generic"], rng.randint(1, 4))
    text = f"{COUNTRIES[inc['actor']]} {inc['verb']} {COUNTRIES[inc['recipient']]} over {' '.join(topic)}"
    text += " " + " ".join(filler)
    killed, count = inc["killed"], inc["count"]
    if killed is not None:
        if rng.random() < 0.1:
            killed += rng.choice([-3, -1, 2, 5])
        text += f", killing {killed} people"
    if count is not None:
        if rng.random() < 0.1:
            count += rng.choice([-1, 1])
        text += f", naming {count} entities"
    roll = rng.random()
    day = inc["day"] + dt.timedelta(days=1 if rng.random() < 0.05 else 0)
    if roll < 0.2:
        date, precision = None, None
    elif roll < 0.3:
        date, precision = day.strftime("%Y-%m"), "month"
    else:
        date, precision = day.isoformat(), "day"
    status = "asserted" if rng.random() < 0.9 else rng.choice(["planned", "hypothetical"])
    return text + ".", {"date": date, "precision": precision, "killed": killed, "count": count, "status": status}


def build(db: str, n_docs: int, n_events: int, seed: int, held: list[Document], hold_back: int = 50) -> dict[str, Any]:
    """Fill a store; returns the truth: event id -> incident, copy doc id -> original doc id.

    The last `hold_back` documents are not stored but appended to `held`, for the incremental run.
    """
    rng = random.Random(seed)
    incidents = sorted(make_incidents(rng, max(1, n_events // 4)), key=lambda inc: inc["day"])
    days = [inc["day"].toordinal() for inc in incidents]
    events_per_doc = n_events / n_docs
    truth: dict[str, Any] = {"incident": {}, "copies": {}}
    made: list[tuple[str, str, list[tuple[str, dict[str, Any], dict[str, Any]]]]] = []
    published_of: dict[str, dt.date] = {}
    t0 = time.perf_counter()
    with Store.open(db) as store:
        for k in range(n_docs + hold_back):
            publisher = rng.choice(PUBLISHERS)
            if made and rng.random() < 0.15:  # a wire copy, lightly edited
                orig_id, orig_text, reports = rng.choice(made)
                words = orig_text.split(" ")
                edits = 0
                while edits < 3:  # edit running text, never an event sentence the copy must keep
                    i = rng.randrange(len(words))
                    trial = [*words[:i], word(rng), *words[i + 1:]]
                    if all(r[0] in " ".join(trial) for r in reports):
                        words = trial
                    edits += 1
                lede = f"Reposted by {publisher}: {word(rng)} {word(rng)}. "
                text = lede + " ".join(words)
                copy_of: str | None = orig_id
                published = published_of[orig_id] + dt.timedelta(days=rng.randint(0, 2))
            else:
                reports = []
                # a page reports the news of a few days: incidents within WEEK days of one another
                anchor = rng.randrange(len(incidents))
                lo = bisect.bisect_left(days, days[anchor] - WEEK)
                hi = bisect.bisect_right(days, days[anchor] + WEEK)
                for _ in range(max(1, round(rng.gauss(events_per_doc, 1)))):
                    inc = incidents[rng.randrange(lo, hi)]
                    s, rep = sentence(rng, inc)
                    reports.append((s, rep, inc))
                paragraphs = [" ".join(word(rng) for _ in range(rng.randint(8, 20))) + "." for _ in range(12)]
                for s, _, _ in reports:
                    paragraphs.insert(rng.randrange(len(paragraphs) + 1), s)
                text = "\n\n".join(paragraphs)
                copy_of = None
                # news follows the events it reports: published 0-3 days after the latest of them
                published = max(inc["day"] for _, _, inc in reports) + dt.timedelta(days=rng.randint(0, 3))
            doc = Document(source=f"synthetic/{k}.txt", text=text, publisher=publisher, language="en",
                           published=published.isoformat(),
                           published_precision="day")
            for s, rep, inc in reports:
                start = text.index(s)
                ev = Event(type=inc["type"], mode=None, actor=Actor(COUNTRIES[inc["actor"]], inc["actor"], "GOV"),
                           recipient=Actor(COUNTRIES[inc["recipient"]], inc["recipient"], "GOV"),
                           status=rep["status"], evidence=Span(start, start + len(s), s),
                           trigger=Span(start, start + 5, s[:5]), rule="synthetic", date=rep["date"],
                           date_precision=rep["precision"],
                           magnitude={"killed": rep["killed"], "injured": None, "count": rep["count"]},
                           intensity=float(inc["intensity"]))
                doc.events.append(ev)
            if k >= n_docs:
                held.append(doc)
                continue
            status, doc_id = store.add_document(doc)
            if status != "new":
                continue
            for ev, (_s, rep, inc) in zip(doc.events, reports, strict=True):
                if rep["status"] == "asserted":
                    truth["incident"][event_record(ev, doc_id)["id"]] = inc["id"]
            if copy_of:
                truth["copies"][doc_id] = copy_of
            made.append((doc_id, text, reports))
            published_of[doc_id] = published
    truth["build_seconds"] = round(time.perf_counter() - t0, 2)
    return truth


def pair_scores(groups: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted groups against true groups."""
    def pairs(assign: dict[str, Any]) -> set[tuple[str, str]]:
        by: dict[Any, list[str]] = {}
        for item, g in assign.items():
            by.setdefault(g, []).append(item)
        return {p for members in by.values() for p in combinations(sorted(members), 2)}

    common = {e for e in groups if e in truth}
    pred = pairs({e: groups[e] for e in common})
    gold = pairs({e: truth[e] for e in common})
    tp = len(pred & gold)
    return (tp / len(pred) if pred else 1.0), (tp / len(gold) if gold else 1.0)


def _snapshot(store: Store) -> dict[str, Any]:
    from sqlalchemy import select

    from storyline.store import linkschema, schema

    with store.engine.connect() as conn:
        return {
            "stories": sorted(json.dumps(d, sort_keys=True)
                              for (d,) in conn.execute(select(linkschema.stories.c.data))),
            "events": sorted(map(tuple, conn.execute(select(linkschema.link_events)).all())),
            "dups": sorted(map(tuple, conn.execute(select(schema.documents.c.id, schema.documents.c.duplicate_of)))),
        }


def link_phase(db: str, truth_path: str, held_path: str) -> dict[str, Any]:
    from sqlalchemy import select

    from storyline.link import link_new, relink_all
    from storyline.link.evidence import terms
    from storyline.store import linkschema

    terms("warm the actor lexicon up")  # loaded once per process; not part of linking throughput
    with open(truth_path) as f:
        truth = json.load(f)
    out: dict[str, Any] = {}
    with Store.open(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = relink_all(store)
        out["relink_all_seconds"] = round(time.perf_counter() - t0, 2)
        out["relink_all_cpu_seconds"] = round(time.process_time() - c0, 2)
        out["relink_all"] = summary.as_dict()
        t0 = time.perf_counter()
        again = link_new(store)
        out["link_new_nothing_new_seconds"] = round(time.perf_counter() - t0, 3)
        out["link_new_nothing_new_changed"] = again.events + again.documents
        with store.engine.connect() as conn:
            le, ld = linkschema.link_events, linkschema.link_documents
            clusters = dict(conn.execute(select(le.c.event_id, le.c.cluster_id)).all())
            story_of = dict(conn.execute(select(le.c.event_id, le.c.story_id)).all())
            groups = dict(conn.execute(select(ld.c.document_id, ld.c.group_id).where(ld.c.exact.is_(False))).all())
            out["stories"] = conn.execute(select(linkschema.stories.c.id)).all().__len__()
        p, r = pair_scores(clusters, truth["incident"])
        out["cluster_pair_precision"], out["cluster_pair_recall"] = round(p, 3), round(r, 3)
        # Reports of one incident that are not one cluster should at least share a story (thread).
        out["incident_pairs_in_one_story"] = round(pair_scores(story_of, truth["incident"])[1], 3)
        found = sum(groups.get(c) == groups.get(o) and groups.get(c) is not None for c, o in truth["copies"].items())
        copies_flagged = sum(1 for d, g in groups.items() if g != d)
        out["near_dup_recall"] = round(found / max(len(truth["copies"]), 1), 3)
        out["near_dup_flagged"] = copies_flagged
        out["near_dup_true_copies"] = len(truth["copies"])
        # Incremental: more documents arrive; only they are processed, and the result equals a rebuild.
        with open(held_path, "rb") as f:
            held = pickle.load(f)
        for doc in held:
            store.add_document(doc)
        t0, c0 = time.perf_counter(), time.process_time()
        inc = link_new(store)
        out["link_new_incremental_seconds"] = round(time.perf_counter() - t0, 3)
        out["link_new_incremental_cpu_seconds"] = round(time.process_time() - c0, 3)
        out["link_new_incremental"] = {k: v for k, v in inc.as_dict().items() if k != "seconds"}
        after_incremental = _snapshot(store)
        t0 = time.perf_counter()
        relink_all(store)
        out["relink_all_again_seconds"] = round(time.perf_counter() - t0, 2)
        out["incremental_equals_rebuild"] = after_incremental == _snapshot(store)
    out["peak_rss_mb_link_process"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="where to build the store (default: a temporary folder)")
    parser.add_argument("--link-phase", nargs=3, metavar=("DB", "TRUTH", "HELD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.link_phase:
        print(json.dumps(link_phase(*args.link_phase)))
        return
    folder = tempfile.mkdtemp(prefix="storyline-link-bench-")
    db = args.db or os.path.join(folder, "bench.db")
    held: list[Document] = []
    truth = build(db, args.documents, args.events, args.seed, held)
    truth_path, held_path = os.path.join(folder, "truth.json"), os.path.join(folder, "held.pickle")
    with open(truth_path, "w") as f:
        json.dump(truth, f)
    with open(held_path, "wb") as f:
        pickle.dump(held, f)
    proc = subprocess.run([sys.executable, __file__, "--link-phase", db, truth_path, held_path],
                          check=True, capture_output=True, text=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    with Store.open(db) as store:
        n_events, n_docs = store.count("event"), store.count("document")
    print(json.dumps({"documents": n_docs, "events": n_events, "asserted_events": len(truth["incident"]),
                      "build_seconds": truth["build_seconds"], **result}))


if __name__ == "__main__":
    main()
