"""The event coder on the PLOVER gold sentences (../shared/data/plover/PLOVER_GSR_CAMEO.json).

The file holds 322 gold events (the DOCUMENT record is skipped), each coded by the PLOVER
authors: `event` (old 0.5 names, mapped to current ones by `old_names` in lexicon/plover.yaml:
DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT), `source` and `target` lists of
`{actorText, code}` where `code` is mostly an ISO 3166-1 alpha-3 country (sometimes IGO, NGO,
IMG or an old code such as JAP). Six sentences carry two gold events each (e.g. an AID and a
REJECT, or two SANCTIONs with different contents), so there are 316 distinct sentences. Every
sentence runs through segment, parse, dates, actors, places, quotes and events once, as
a document of its own, without a publication date.

Scoring. A sentence with k gold events is compared with its k *top events*: its asserted events
ranked by confidence (file order on ties), the first k. Each gold event takes a top event of its
own type if one is left, else the highest-ranked one left, else none. For the 310 sentences with
one gold event this is simply "the top event has the gold type". (An earlier version ran each
gold record as a sentence of its own, so a sentence with an AID and a REJECT could never score
both: whichever its top event was, one of the two records counted it wrong, and its extra
events counted as false twice.)

Figures (n = 322 gold events unless said):

- `type_accuracy`: share of gold events whose assigned top event has the gold type; a gold event
  with no asserted event left counts as wrong.
- `coverage`: share of gold events that got a top event at all;
  `type_accuracy_covered`: type accuracy over those only.
- `actor_country_accuracy`: over gold events whose source has a country code (not IGO, NGO,
  IMG) and that got a top event: its actor country is one of the gold source codes.
- `recipient_country_accuracy`: the same for the recipient against the gold target codes.
- `false_events_per_sentence`: asserted events whose type is none of the sentence's gold types,
  divided by the number of distinct sentences (an extra event of a gold type is not counted).
- `type_accuracy_even` / `type_accuracy_odd`: type accuracy over the two halves of the set
  split by the parity of the number ending the first gold id of a sentence
  ("PLOVER-GSR01-AGREE-0002" is even). Rules are developed looking at one half's errors only;
  the other half shows whether they generalise.
- `coder_sentences_per_second`: sentences divided by the CPU time (`time.process_time`) spent
  in `events.code` alone, the earlier stages excluded.

    .venv/bin/python benchmarks/plover_gold.py [--half even|odd] [--show N]

`--half` limits every figure (and `--show`, which prints N wrongly typed gold events) to one
half, and leaves the other half's type accuracy out, so that working on one half does not show the
other; without it, all sentences. Prints a short table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from storyline.model import Document, Event
from storyline.pipeline import Pipeline, build, events
from storyline.pipeline.eventlex import lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_figures, shared_or_exit

NOT_COUNTRY = frozenset({"IGO", "NGO", "IMG", ""})
ID_NUMBER = re.compile(r"(\d+)$")


@dataclass
class Item:
    """One distinct gold sentence and the gold events coded on it."""

    text: str
    golds: list[dict] = field(default_factory=list)

    @property
    def half(self) -> str:
        m = ID_NUMBER.search(str(self.golds[0].get("id") or ""))
        return "even" if m and int(m.group(1)) % 2 == 0 else "odd"


def _codes(parties: object) -> set[str]:
    if not isinstance(parties, list):
        return set()
    return {str(p.get("code") or "") for p in parties if isinstance(p, dict)} - NOT_COUNTRY


STAGES_BEFORE_CODER = ["segment", "parse", "dates", "actors", "places", "quotes"]


def _prepare(text: str, pipeline: Pipeline) -> Document:
    return pipeline(Document(source="plover-gold", text=text, language="en"))


def assign(wants: list[str], evs: list[Event]) -> list[Event | None]:
    """The top event each gold type gets: its own type among the first k asserted events if left,
    else the highest-ranked one left (k = number of gold events)."""
    asserted = [e for e in evs if e.status == "asserted"]
    ranked = sorted(range(len(asserted)), key=lambda i: (-asserted[i].confidence, i))
    left = [asserted[i] for i in ranked[:len(wants)]]
    out: list[Event | None] = [None] * len(wants)
    for k, want in enumerate(wants):
        hit = next((e for e in left if e.type == want), None)
        if hit is not None:
            out[k] = hit
            left.remove(hit)
    for k in range(len(wants)):
        if out[k] is None and left:
            out[k] = left.pop(0)
    return out


def _items(gold: list[dict]) -> list[Item]:
    by_text: dict[str, Item] = {}
    for g in gold:
        if g.get("event") == "DOCUMENT" or not g.get("text"):
            continue
        by_text.setdefault(g["text"], Item(g["text"])).golds.append(g)
    return list(by_text.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print this many wrongly typed gold events")
    ap.add_argument("--half", choices=("even", "odd"), default=None, help="score one half of the set only")
    a = ap.parse_args()
    gold = json.loads(shared_or_exit("data", "plover", "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    old = lexicon().old_names
    items = _items(gold)
    before = build(STAGES_BEFORE_CODER, given=("text", "language"))
    docs = [_prepare(it.text, before) for it in items]
    events.warm()
    t0 = time.process_time()
    for d in docs:
        events.code(d)
    coder_cpu = time.process_time() - t0

    n = type_ok = covered = covered_ok = false_events = sentences = 0
    actor_n = actor_ok = recip_n = recip_ok = 0
    halves: dict[str, list[int]] = {"even": [0, 0], "odd": [0, 0]}
    confusion: Counter[tuple[str, str]] = Counter()
    per_type: Counter[str] = Counter()
    wrong: list[tuple[str, str, str]] = []
    for it, d in zip(items, docs, strict=True):
        wants = [old.get(g["event"], g["event"]) for g in it.golds]
        tops = assign(wants, d.events)
        for want, top in zip(wants, tops, strict=True):
            halves[it.half][0] += 1
            halves[it.half][1] += bool(top and top.type == want)
        if a.half and it.half != a.half:
            continue
        sentences += 1
        false_events += sum(e.type not in wants for e in d.events if e.status == "asserted")
        for g, want, top in zip(it.golds, wants, tops, strict=True):
            n += 1
            per_type[want] += 1
            got = top.type if top else "-"
            confusion[(want, got)] += 1
            if top is None:
                wrong.append((want, got, it.text))
                continue
            covered += 1
            if top.type == want:
                type_ok += 1
                covered_ok += 1
            else:
                wrong.append((want, got, it.text))
            src, tgt = _codes(g.get("source")), _codes(g.get("target"))
            if src:
                actor_n += 1
                actor_ok += bool(top.actor and top.actor.country in src)
            if tgt:
                recip_n += 1
                recip_ok += bool(top.recipient and top.recipient.country in tgt)

    print(f"{'type':10} {'gold':>5} {'right':>6}")
    for t, k in sorted(per_type.items()):
        print(f"{t:10} {k:5} {confusion[(t, t)]:6}")
    for want, got, text in wrong[:a.show]:
        print(f"  gold {want:9} got {got:9} {text[:150]}")
    summary = {
        "half": a.half or "all",
        "gold_events": n,
        "sentences": sentences,
        "type_accuracy": round(type_ok / max(n, 1), 3),
        "coverage": round(covered / max(n, 1), 3),
        "type_accuracy_covered": round(covered_ok / max(covered, 1), 3),
        "actor_country_accuracy": round(actor_ok / max(actor_n, 1), 3),
        "actor_country_n": actor_n,
        "recipient_country_accuracy": round(recip_ok / max(recip_n, 1), 3),
        "recipient_country_n": recip_n,
        "false_events_per_sentence": round(false_events / max(sentences, 1), 3),
        "coder_sentences_per_second": round(len(items) / coder_cpu, 1) if coder_cpu else None,
    }
    for name in ("even", "odd"):  # with --half, the other half's figure stays unseen
        if a.half in (None, name):
            summary[f"type_accuracy_{name}"] = round(halves[name][1] / max(halves[name][0], 1), 3)
    return print_figures(summary)


if __name__ == "__main__":
    raise SystemExit(main())
