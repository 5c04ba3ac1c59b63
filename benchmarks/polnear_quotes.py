#!/usr/bin/env python3
"""How well the quotes stage finds PolNeAR's direct quotations and their sources.

    .venv/bin/python benchmarks/polnear_quotes.py [--split dev] [--verbose]

Reads ../shared/data/polnear/<split>/text/*.txt and the brat standoff files in
attributions/*.ann (T lines: `Source|Cue|Content start end[;start end...]`, E lines
tying them into one attribution; see ../shared/data/polnear/README.md). When an
article has several annotators' files, the first by name is used. Skips with a
message when ../shared is absent.

**Direct quotation** (the gold set scored here): an attribution whose Content,
taken over its segments each widened by one character when a double quote mark
(“ ” ") sits just outside it, (a) begins with an opening double mark after white
space is stripped, and (b) has at least 80% of its letters between paired double
marks (“ pairs with the next ”; a straight " opens when none is open and closes
otherwise). Partial quotes inside paraphrase ('said that voter fraud is "a big,
big problem"') fail (a) and are not scored.

**found**: some single quotation of ours covers at least 50% of the Content's
characters (character overlap / content length, over all its segments).
`found_union` also reports the looser figure where all our quotations together
cover 50%.

**speaker right** (over found quotations whose attribution has a Source): the gold
Source is taken as is, unless it is one pronoun (he, she, they, it, we, I ...): then
it is replaced by the nearest gold Source span in the same article that ends before
the pronoun and holds a name — two capitalised words in a row, or a single
capitalised word standing alone ("Caddell") — since annotators mark each
attribution's source, the previous named source is the antecedent in most cases
(not all: a "she" after a named man is scored against him). The gold key is the
last capitalised word of the source's head — the part before the first comma,
bracket or "who", cut before "of/at/for/from/in" when what precedes has two
capitalised words ("Rep. Elijah Cummings of Maryland, the panel's ranking
Democrat" → "cummings", "Secretary of State John Kerry" → "kerry") — possessive
stripped, or its last word when it has none ("a source"). Right when
the key is one of the words of the speaker name of our best-overlapping quotation.
Attributions with a pronoun source and no named source before it are left out of
the speaker figure and counted.

Also printed: which stages ran (quotes, plus segment and actors when importable),
the share of our direct quotations that overlap some gold Content at all (a rough
precision check: PolNeAR marks nearly every attribution), and documents per second
of the quotes stage alone. The last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.model import Document  # noqa: E402
from storyline.pipeline import quotes  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "polnear"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their"}
OPEN_MARKS = "“\""
MARKS = "“”\""
DIRECT_SHARE = 0.8
FOUND_SHARE = 0.5


@dataclass
class Attribution:
    doc: str
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str | None


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            segs = [tuple(int(x) for x in seg.split()) for seg in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in segs], parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    out = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None:
            continue
        source = spans.get(link.get("Source", ""))
        src = (source[1][0][0], source[1][-1][1]) if source else None
        out.append(Attribution(path.name, content[1], src, source[2] if source else None))
    return out


def is_direct(text: str, segs: list[tuple[int, int]]) -> bool:
    pieces = []
    for a, b in segs:
        if a > 0 and text[a - 1] in MARKS:
            a -= 1
        if b < len(text) and text[b] in MARKS:
            b += 1
        pieces.append(text[a:b])
    content = " ".join(pieces).strip()
    if not content or content[0] not in OPEN_MARKS:
        return False
    inside = letters = 0
    open_ = False
    for c in content:
        if c == "“" or (c == '"' and not open_):
            open_ = True
        elif c == "”" or c == '"':
            open_ = False
        elif c.isalpha():
            letters += 1
            inside += open_
    return letters > 0 and inside / letters >= DIRECT_SHARE


def gold_key(text: str, attr: Attribution, all_sources: list[tuple[int, int, str]]) -> str | None:
    src = attr.source_text or ""
    if src.strip().lower() in PRONOUNS and attr.source is not None:
        before = [s for s in all_sources if s[1] <= attr.source[0] and _named(s[2])]
        if not before:
            return None
        src = before[-1][2]
    return _key(src)


def _key(src: str) -> str | None:
    """The word a speaker name must contain: the last capitalised word of the source's head."""
    head = re.split(r",|\(|\bwho\b|\bwhose\b", src)[0]
    cut = re.split(r"\s(?:of|at|for|from|in)\s", head)[0]
    if len([w for w in re.findall(r"[\w’'\-]+", cut) if w[0].isupper()]) >= 2:
        head = cut
    words = re.findall(r"[\w’'\-]+", head)
    caps = [w for w in words if w[0].isupper() and w.lower() not in PRONOUNS]
    pick = caps or words
    return re.sub(r"[’']s$", "", pick[-1]).lower() if pick else None


def _named(src: str) -> bool:
    """A name: two capitalised words in a row ("Nick Witney"), or one capitalised word alone ("Caddell")."""
    words = re.findall(r"[\w’'\-]+", src)
    caps = [bool(w[0].isupper() and w.lower() not in PRONOUNS) for w in words]
    return any(a and b for a, b in itertools.pairwise(caps)) or (len(words) == 1 and caps[0])


def overlap(a: int, b: int, segs: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in segs)


def other_stages() -> tuple[list[str], list[Callable[[Document], Document]]]:
    """segment and actors, when the tree has them (through the registry, else by their usual names)."""
    names: list[str] = []
    fns: list[Callable[[Document], Document]] = []
    try:
        from storyline.pipeline import STAGES

        registry = {s.name: s for s in STAGES}
    except ImportError:
        registry = {}
    for name, guesses in (("segment", ("segment",)), ("actors", ("extract", "tag", "find"))):
        fn = None
        if name in registry:
            try:
                fn = registry[name].load()
            except (ImportError, AttributeError):
                fn = None
        if fn is None:
            try:
                module = importlib.import_module(f"storyline.pipeline.{name}")
            except ImportError:
                continue
            fn = next((getattr(module, g) for g in guesses if callable(getattr(module, g, None))), None)
        if fn is not None:
            names.append(name)
            fns.append(fn)
    return names, fns


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--verbose", action="store_true", help="print the misses and wrong speakers")
    args = ap.parse_args()
    base = DATA / args.split
    if not base.is_dir():
        print(f"polnear_quotes: skipped, {base} is absent (the shared data lives in ../shared next to the repo)")
        return 0
    names, fns = other_stages()
    print("stages run:", ", ".join([*names, "quotes"]))
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", p.name), p)
    t = {"docs": 0, "direct": 0, "found": 0, "found_union": 0, "with_source": 0, "speaker_ok": 0,
         "no_antecedent": 0, "ours_direct": 0, "ours_direct_matched": 0}
    stage_seconds = 0.0
    for stem, ann in anns.items():
        path = base / "text" / f"{stem}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        doc = Document(source=str(path), text=text)
        for fn in fns:
            doc = fn(doc)
        t0 = time.perf_counter()
        doc = quotes.extract(doc)
        stage_seconds += time.perf_counter() - t0
        t["docs"] += 1
        attrs = read_ann(ann)
        sources = sorted((a.source[0], a.source[1], a.source_text or "") for a in attrs if a.source)
        contents = [a.content for a in attrs]
        for q in doc.quotes:
            if q.direct:
                t["ours_direct"] += 1
                t["ours_direct_matched"] += any(overlap(q.span.start, q.span.end, c) for c in contents)
        for a in attrs:
            if not is_direct(text, a.content):
                continue
            t["direct"] += 1
            size = sum(y - x for x, y in a.content)
            best = max(doc.quotes, key=lambda q: overlap(q.span.start, q.span.end, a.content), default=None)
            share = overlap(best.span.start, best.span.end, a.content) / size if best else 0.0
            union = sum(overlap(q.span.start, q.span.end, a.content) for q in doc.quotes) / size
            t["found_union"] += union >= FOUND_SHARE
            gtext = " / ".join(text[x:y] for x, y in a.content)[:100]
            if share < FOUND_SHARE or best is None:
                if args.verbose:
                    print(f"MISS {stem}: {gtext!r}")
                continue
            t["found"] += 1
            if a.source is None:
                continue
            key = gold_key(text, a, sources)
            if key is None:
                t["no_antecedent"] += 1
                continue
            t["with_source"] += 1
            words = re.findall(r"[\w’'\-]+", best.speaker.name.lower()) if best.speaker else []
            ours = [re.sub(r"[’']s$", "", w) for w in words]
            if key in ours:
                t["speaker_ok"] += 1
            elif args.verbose:
                who = best.speaker.name if best.speaker else None
                print(f"SPEAKER {stem}: gold {a.source_text!r} ({key}) ours {who!r} [{best.rule}] {gtext[:60]!r}")
    if not t["docs"]:
        print(f"polnear_quotes: skipped, no annotated texts under {base}")
        return 0
    figures = {
        "split": args.split,
        "stages": [*names, "quotes"],
        "documents": t["docs"],
        "direct_quotations": t["direct"],
        "found": round(t["found"] / max(t["direct"], 1), 3),
        "found_union": round(t["found_union"] / max(t["direct"], 1), 3),
        "speaker_acc": round(t["speaker_ok"] / max(t["with_source"], 1), 3),
        "speaker_scored": t["with_source"],
        "pronoun_without_antecedent": t["no_antecedent"],
        "our_direct_overlapping_gold": round(t["ours_direct_matched"] / max(t["ours_direct"], 1), 3),
        "quotes_docs_per_second": round(t["docs"] / stage_seconds, 1) if stage_seconds else None,
    }
    print(f"direct quotations (gold)          {t['direct']}")
    print(f"found (one quote covers >= 50%)   {figures['found']}   target >= 0.85")
    print(f"found (all quotes together)       {figures['found_union']}")
    print(f"speaker right, of found           {figures['speaker_acc']}   target >= 0.85  (n={t['with_source']})")
    print(f"our direct quotes on gold content {figures['our_direct_overlapping_gold']}  (n={t['ours_direct']})")
    print(f"quotes stage speed                {figures['quotes_docs_per_second']} documents/s")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
