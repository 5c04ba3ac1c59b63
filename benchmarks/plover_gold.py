"""The event coder on the PLOVER gold sentences (../shared/data/plover/PLOVER_GSR_CAMEO.json).

Each of the 322 sentences (the DOCUMENT record is skipped) is coded by the PLOVER authors with
one event: `event` (old 0.5 names, mapped to current ones by `old_names` in lexicon/plover.yaml:
DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT), `source` and `target` lists of
`{actorText, code}` where `code` is mostly an ISO 3166-1 alpha-3 country (sometimes IGO, NGO,
IMG or an old code such as JAP). Every sentence runs through segment, dates, actors, places,
quotes (when present) and events as a document of its own, without a publication date.

Figures (all over gold sentences, n = 322 unless said):

- `type_accuracy`: share of sentences whose *top event* has the gold type. The top event is
  the asserted event with the highest confidence (the first one on ties); a sentence with no
  asserted event counts as wrong.
- `coverage`: share of sentences with at least one asserted event;
  `type_accuracy_covered`: type accuracy over those sentences only.
- `actor_country_accuracy`: over sentences whose gold source has a country code (not IGO, NGO,
  IMG) and that have a top event: the top event's actor country is one of the gold source codes.
- `recipient_country_accuracy`: the same for the top event's recipient against the gold target
  codes (sentences whose gold target has a country code).
- `false_events_per_sentence`: asserted events whose type differs from the sentence's gold
  type, divided by the number of sentences (an extra event of the gold type is not counted).
- `coder_sentences_per_second`: sentences divided by the CPU time (`time.process_time`) spent
  in `events.code` alone, the earlier stages excluded.

    .venv/bin/python benchmarks/plover_gold.py [--show N]   # N: print N wrongly typed sentences

Prints a short table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from storyline.model import Document, Event
from storyline.pipeline import actors, dates, events, places, segment
from storyline.pipeline.eventlex import lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_or_exit

NOT_COUNTRY = frozenset({"IGO", "NGO", "IMG", ""})


def _codes(parties: object) -> set[str]:
    if not isinstance(parties, list):
        return set()
    return {str(p.get("code") or "") for p in parties if isinstance(p, dict)} - NOT_COUNTRY


def _prepare(text: str) -> Document:
    doc = Document(source="plover-gold", text=text)
    doc = places.geocode(actors.recognize(dates.resolve(segment.segment(doc))))
    try:
        from storyline.pipeline import quotes

        doc = quotes.extract(doc)
    except ImportError:
        pass
    return doc


def _top(evs: list[Event]) -> Event | None:
    asserted = [e for e in evs if e.status == "asserted"]
    return max(asserted, key=lambda e: e.confidence) if asserted else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print this many wrongly typed sentences")
    a = ap.parse_args()
    gold = json.loads(shared_or_exit("data", "plover", "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    old = lexicon().old_names
    rows = [g for g in gold if g.get("event") != "DOCUMENT" and g.get("text")]
    docs = [_prepare(g["text"]) for g in rows]
    events.warm()
    t0 = time.process_time()
    for d in docs:
        events.code(d)
    coder_cpu = time.process_time() - t0

    n = len(rows)
    type_ok = covered = covered_ok = false_events = 0
    actor_n = actor_ok = recip_n = recip_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str]] = []
    for g, d in zip(rows, docs, strict=True):
        want = old.get(g["event"], g["event"])
        top = _top(d.events)
        asserted = [e for e in d.events if e.status == "asserted"]
        false_events += sum(e.type != want for e in asserted)
        got = top.type if top else "-"
        confusion[(want, got)] += 1
        if top is None:
            wrong.append((want, got, g["text"]))
            continue
        covered += 1
        if top.type == want:
            type_ok += 1
            covered_ok += 1
        else:
            wrong.append((want, got, g["text"]))
        src, tgt = _codes(g.get("source")), _codes(g.get("target"))
        if src:
            actor_n += 1
            actor_ok += bool(top.actor and top.actor.country in src)
        if tgt:
            recip_n += 1
            recip_ok += bool(top.recipient and top.recipient.country in tgt)

    per_type = Counter(old.get(g["event"], g["event"]) for g in rows)
    print(f"{'type':10} {'gold':>5} {'right':>6}")
    for t, k in sorted(per_type.items()):
        print(f"{t:10} {k:5} {confusion[(t, t)]:6}")
    for want, got, text in wrong[:a.show]:
        print(f"  gold {want:9} got {got:9} {text[:150]}")
    summary = {
        "sentences": n,
        "type_accuracy": round(type_ok / n, 3),
        "coverage": round(covered / n, 3),
        "type_accuracy_covered": round(covered_ok / max(covered, 1), 3),
        "actor_country_accuracy": round(actor_ok / max(actor_n, 1), 3),
        "actor_country_n": actor_n,
        "recipient_country_accuracy": round(recip_ok / max(recip_n, 1), 3),
        "recipient_country_n": recip_n,
        "false_events_per_sentence": round(false_events / n, 3),
        "coder_sentences_per_second": round(n / coder_cpu, 1) if coder_cpu else None,
    }
    for k, v in summary.items():
        print(f"{k:28} {v}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
