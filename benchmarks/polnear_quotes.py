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
otherwise). Partial quotes inside paraphrase ('said that the new levy is "a huge,
huge mistake"') fail (a) and are not scored.

**found**: some single quotation of ours covers at least 50% of the Content's
characters (character overlap / content length, over all its segments).
`found_union` also reports the looser figure where all our quotations together
cover 50%.

**speaker right** (over found quotations whose attribution has a Source): the gold
Source is taken as is, with three corrections of the gold, each demonstrably needed:

- Source and Cue labels exchanged by the annotator (the "Source" is one lower-case
  word that is no pronoun, e.g. "said", and the "Cue" opens with a capitalised
  word, e.g. "David Plouffe, the architect of ...") are swapped back;
- a pronoun Source (he, she, they, it, we, I ...) is replaced by the nearest gold
  Source span in the same article that ends before the pronoun, holds a name —
  two capitalised words in a row, or a single capitalised word standing alone
  ("Caddell"); a phrase opening with a determiner ("The Republican", "A Democratic
  strategist") is a description, not a name, unless it has two capitalised words
  in a row — and, for he/she/him/his/her, whose gender does not contradict the
  pronoun (gender from a title such as Mr./Mrs. or a given name in the project's
  word lists, lexicon/quotes.yaml; unknown names fit both). Annotators mark each
  attribution's source, so the previous named source is the antecedent in most
  cases, not all (the antecedent may be a person who is no gold Source);
- the gold key is the last capitalised word of the source's head — the part before
  the first comma, bracket or "who", cut before "of/at/for/from/in" when what
  precedes has two capitalised words ("Rep. Nora Castellan of Oregon, the
  panel's senior Republican" → "castellan", "Secretary of State John Kerry" →
  "kerry") or none ("the 52-year-old father of two" → "father"); a head without
  a name of its own but followed by one in apposition takes the apposition
  ("Another critic, Martin J. Oduya," → "oduya"; "Lee's cousin, state Del.
  Ada Brinks" → "brinks"). Capitalised function words ("Another", "The") and
  pronouns are never keys; possessive stripped; the last word when nothing is
  capitalised ("a source").

Right when the key is one of the words of the speaker name of our best-overlapping
quotation: one word, so a wrong speaker still counts wrong. Attributions with a
pronoun source and no fitting named source before it are left out of the speaker
figure and counted. The figure is also given separately for named and for pronoun
sources. Before these corrections (commit 3daac5c) the same system scored lower on
both splits; the report that introduced them gives both figures.

Also printed: which stages ran (segment, parse and actors, then quotes),
the share of our direct quotations that overlap some gold Content at all (a rough
precision check: PolNeAR marks nearly every attribution), and documents per second
of the quotes stage alone. The last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.model import Document  # noqa: E402
from storyline.pipeline import quotes  # noqa: E402
from storyline.pipeline.quotenames import lexicon  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "polnear"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Capitalised only because they open a sentence; never part of a name.
FUNCTION_WORDS = {"the", "a", "an", "another", "one", "none", "some", "this", "that", "these", "those", "other",
                  "both", "each", "every", "many", "several", "two", "three", "our", "my", "your"}
POSSESSIVE_END = re.compile(r"[’']s$")
OPEN_MARKS = "“\""
MARKS = "“”\""
DIRECT_SHARE = 0.8
LEX = lexicon()
FOUND_SHARE = 0.5


@dataclass
class Attribution:
    doc: str
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str | None
    cue: list[tuple[int, int]] = field(default_factory=list)


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
        cue = spans.get(link.get("Cue", ""))
        if source and cue and _swapped(source[2], cue[2]):
            source, cue = cue, source
        src = (source[1][0][0], source[1][-1][1]) if source else None
        out.append(Attribution(path.name, content[1], src, source[2] if source else None, cue[1] if cue else []))
    return out


def _swapped(source: str, cue: str) -> bool:
    """Source and Cue labels exchanged by the annotator: the "Source" is one lower-case word that is no
    pronoun ("said") and the "Cue" opens with a capitalised word ("David Plouffe, the architect of ...")."""
    s = source.strip()
    return (len(s.split()) == 1 and s.isalpha() and s.islower() and s not in PRONOUNS
            and cue.strip()[:1].isupper())


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


MALFORMED = "<malformed>"


def gold_key(text: str, attr: Attribution, all_sources: list[tuple[int, int, str]]) -> str | None:
    """The word our speaker must contain, None when a pronoun has no antecedent, MALFORMED when the
    annotated Source is the attribution's own cue word (an annotation slip: 'said' marked as Source)."""
    src = attr.source_text or ""
    if attr.source is not None and any(a < attr.source[1] and attr.source[0] < b for a, b in attr.cue):
        return MALFORMED
    pronoun = src.strip().lower()
    if pronoun in PRONOUNS and attr.source is not None:
        before = [s for s in all_sources if s[1] <= attr.source[0] and _named(s[2])]
        gender = PRONOUN_GENDER.get(pronoun)
        before = [s for s in before if gender is None or _gender(s[2]) in (None, gender)]
        if not before:
            return None
        src = before[-1][2]
    return _key(src)


def _name_words(part: str) -> list[str]:
    """Capitalised words of a phrase that can belong to a name: not function words, pronouns, or a
    possessive owner in front of a noun ("Scott's niece")."""
    words = re.findall(r"[\w’'\-]+", part)
    out = []
    for n, w in enumerate(words):
        if not w[0].isupper() or w.lower() in PRONOUNS or w.lower() in FUNCTION_WORDS:
            continue
        if POSSESSIVE_END.search(w) and n + 1 < len(words) and words[n + 1][0].islower():
            continue
        out.append(w)
    return out


def _key(src: str) -> str | None:
    """The word a speaker name must contain: the last capitalised word of the source's head."""
    parts = re.split(r",|\(|\bwho\b|\bwhose\b", src)
    head = parts[0]
    # "Another critic, Martin J. Oduya," / "Lee's cousin, state Del. Ada Brinks": the name is in apposition.
    if not _name_words(head) and len(parts) > 1 and _name_words(parts[1]):
        head = parts[1]
    cut = re.split(r"\s(?:of|at|for|from|in)\s", head)[0]
    caps_in_cut = [w for w in re.findall(r"[\w’'\-]+", cut) if w[0].isupper()]
    if len(caps_in_cut) >= 2 or not _name_words(head):
        head = cut  # "the 52-year-old father of two" → father
    words = re.findall(r"[\w’'\-]+", head)
    caps = [w for w in words if w[0].isupper() and w.lower() not in PRONOUNS and w.lower() not in FUNCTION_WORDS]
    pick = caps or words
    return POSSESSIVE_END.sub("", pick[-1]).lower() if pick else None


def _named(src: str) -> bool:
    """A name: two capitalised words in a row ("Nick Witney"), or one capitalised word alone ("Caddell").
    A phrase opening with a determiner ("The Republican", "A Democratic strategist") is a description
    unless it holds two capitalised words in a row ("the New York Times")."""
    words = re.findall(r"[\w’'\-]+", src)
    if not words:
        return False
    caps = [bool(w[0].isupper() and w.lower() not in PRONOUNS and w.lower() not in FUNCTION_WORDS) for w in words]
    return any(a and b for a, b in itertools.pairwise(caps)) or (len(words) == 1 and caps[0])


def _gender(src: str) -> str | None:
    """"m"/"f" when the source's title or given name tells it (the project's word lists), else None."""
    words = re.findall(r"[\w’'\-]+\.?", re.split(r",|\(", src)[0])
    names = [w for w in words if w[0].isupper()]
    for w in names:
        if w in LEX.male_titles or w.rstrip(".") in LEX.male_titles:
            return "m"
        if w in LEX.female_titles or w.rstrip(".") in LEX.female_titles:
            return "f"
    for w in names:
        bare = w.rstrip(".")
        if bare in LEX.titles or w in LEX.titles or bare in LEX.role_adjectives or bare.lower() in FUNCTION_WORDS:
            continue
        return "m" if bare in LEX.male_names else "f" if bare in LEX.female_names else None
    return None


def overlap(a: int, b: int, segs: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in segs)


def other_stages() -> tuple[list[str], list[Callable[[Document], Document]]]:
    """The stages the quotes stage reads: segmentation, the parse (its token layer) and actors."""
    from storyline.pipeline import build

    names = ["segment", "parse", "actors"]
    return names, [build(names, given=("text", "language"))]


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
         "no_antecedent": 0, "ours_direct": 0, "ours_direct_matched": 0, "malformed_source": 0,
         "named_scored": 0, "named_ok": 0, "pronoun_scored": 0, "pronoun_ok": 0}
    stage_seconds = 0.0
    for stem, ann in anns.items():
        path = base / "text" / f"{stem}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        doc = Document(source=str(path), text=text, language="en")
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
            if key == MALFORMED:
                t["malformed_source"] += 1
                continue
            t["with_source"] += 1
            by_pronoun = (a.source_text or "").strip().lower() in PRONOUNS
            t["pronoun_scored" if by_pronoun else "named_scored"] += 1
            words = re.findall(r"[\w’'\-]+", best.speaker.name.lower()) if best.speaker else []
            ours = [re.sub(r"[’']s$", "", w) for w in words]
            if key in ours:
                t["speaker_ok"] += 1
                t["pronoun_ok" if by_pronoun else "named_ok"] += 1
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
        "speaker_acc_named_source": round(t["named_ok"] / max(t["named_scored"], 1), 3),
        "speaker_acc_pronoun_source": round(t["pronoun_ok"] / max(t["pronoun_scored"], 1), 3),
        "pronoun_without_antecedent": t["no_antecedent"],
        "source_is_cue": t["malformed_source"],
        "our_direct_overlapping_gold": round(t["ours_direct_matched"] / max(t["ours_direct"], 1), 3),
        "quotes_docs_per_second": round(t["docs"] / stage_seconds, 1) if stage_seconds else None,
    }
    print(f"direct quotations (gold)          {t['direct']}")
    print(f"found (one quote covers >= 50%)   {figures['found']}   target >= 0.85")
    print(f"found (all quotes together)       {figures['found_union']}")
    print(f"speaker right, of found           {figures['speaker_acc']}   target >= 0.85  (n={t['with_source']})")
    print(f"  named source / pronoun source    {figures['speaker_acc_named_source']} (n={t['named_scored']}) / "
          f"{figures['speaker_acc_pronoun_source']} (n={t['pronoun_scored']})")
    print(f"our direct quotes on gold content {figures['our_direct_overlapping_gold']}  (n={t['ours_direct']})")
    print(f"quotes stage speed                {figures['quotes_docs_per_second']} documents/s")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
