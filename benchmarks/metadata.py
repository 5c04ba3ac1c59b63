"""HTML metadata (author, title, publication date) on the Scrapinghub pages: ours, trafilatura's, and the mix.

    python benchmarks/metadata.py [--rounds 2]

The Scrapinghub benchmark's gold (../shared/data/scrapinghub/ground-truth.json) holds only each
page's article body and URL: no author, title or date. So the reference here is each page's own
structured metadata, read by this script with lxml (not by storyline's patterns): JSON-LD
`author`/`headline`/`datePublished` of an Article-like item, else the `author`, `og:title` and
`article:published_time` meta tags. A page without a reference value for a field is not scored on
it. This reference favours storyline's reader, which reads the same markup; trafilatura's value
is on the pages where that markup is missing, which this reference cannot score, so the script
also prints coverage (pages with any value) and, for authors found only by trafilatura, how many
of them stand in the page's visible text.

Printed, for storyline's reader before (`ours`) and after (`mixed`: ours, trafilatura's
`extract_metadata` filling what ours leaves empty) and for trafilatura alone:

- coverage: pages with a value, per field;
- agreement with the reference, per field: authors match when the sets of case-folded names
  overlap; titles when equal after case-folding and collapsing spaces, or one contains the
  other; dates when the days are equal;
- time: the whole `clean_html` per page with and without the fill (best of --rounds, CPU time),
  and the ratio after/before.

The last line is JSON with every figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_or_exit

SPACE = re.compile(r"\s+")
FIELDS = ("authors", "title", "published")


def _ld_items(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads(script.text_content())]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item.get("@graph") or [])
                kind = str(item.get("@type", ""))
                if "Article" in kind or "Posting" in kind or "Report" in kind:
                    items.append(item)
    return items


def _person_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    if isinstance(value, dict):
        value = value.get("name")
    return [value.strip()] if isinstance(value, str) and value.strip() and "http" not in value else []


def reference(page: bytes) -> dict[str, Any]:
    """The page's own structured metadata (see the module docstring), read with lxml."""
    import lxml.html

    tree = lxml.html.fromstring(page)
    ld = _ld_items(tree)
    meta = {}
    for tag in tree.xpath("//meta[@content]"):
        key = (tag.get("property") or tag.get("name") or "").lower()
        if key and key not in meta:
            meta[key] = tag.get("content").strip()
    authors = next((_person_names(i["author"]) for i in ld if i.get("author")), [])
    if not authors and meta.get("author") and "http" not in meta["author"]:
        authors = [meta["author"]]
    title = next((str(i["headline"]) for i in ld if i.get("headline")), None) or meta.get("og:title")
    date = next((str(i["datePublished"]) for i in ld if i.get("datePublished")), None)
    date = date or meta.get("article:published_time")
    return {"authors": authors, "title": title, "published": date[:10] if date else None}


def _norm(text: str) -> str:
    return SPACE.sub(" ", text).strip().casefold()


def agrees(field: str, found: Any, ref: Any) -> bool:
    if field == "authors":
        return bool({_norm(a) for a in found} & {_norm(a) for a in ref})
    if field == "title":
        a, b = _norm(found), _norm(ref)
        return a == b or a in b or b in a
    return bool(found) and found[:10] == ref


def trafilatura_meta(page: bytes, url: str | None) -> dict[str, Any]:
    from trafilatura import extract_metadata

    m = extract_metadata(page.decode("utf-8", "replace"), default_url=url, extensive=False)
    authors = [a.strip() for a in (m.author or "").split(";") if a.strip()] if m else []
    return {"authors": authors, "title": m.title if m else None, "published": m.date if m else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = shared_or_exit("data", "scrapinghub")
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted((folder / "html").glob("*.html.gz"))}

    from storyline.errors import ExtractionError
    from storyline.pipeline.htmlclean import clean_html

    def run(fill: bool) -> tuple[dict[str, dict[str, Any]], float]:
        out: dict[str, dict[str, Any]] = {}
        started = time.process_time()
        for key, page in pages.items():
            try:
                r = clean_html(page, key, gold.get(key, {}).get("url"), fill_metadata=fill)
            except ExtractionError:
                out[key] = {"authors": [], "title": None, "published": None}
                continue
            out[key] = {"authors": r.authors, "title": r.title, "published": r.published}
        return out, time.process_time() - started

    run(True)  # warm-up: imports, trafilatura's caches
    before_s, after_s = float("inf"), float("inf")
    for _ in range(max(1, args.rounds)):
        ours, t = run(False)
        before_s = min(before_s, t)
        mixed, t = run(True)
        after_s = min(after_s, t)
    traf = {k: trafilatura_meta(p, gold.get(k, {}).get("url")) for k, p in pages.items()}
    refs = {k: reference(p) for k, p in pages.items()}

    figures: dict[str, Any] = {"pages": len(pages), "reference": {}, "coverage": {}, "agreement": {}}
    for field in FIELDS:
        have_ref = [k for k in pages if refs[k][field]]
        figures["reference"][field] = len(have_ref)
        for name, found in (("ours", ours), ("mixed", mixed), ("trafilatura", traf)):
            covered = sum(1 for k in pages if found[k][field])
            right = sum(1 for k in have_ref if found[k][field] and agrees(field, found[k][field], refs[k][field]))
            figures["coverage"].setdefault(name, {})[field] = covered
            figures["agreement"].setdefault(name, {})[field] = round(right / len(have_ref), 3) if have_ref else None
    only_traf = [k for k in pages if not ours[k]["authors"] and mixed[k]["authors"]]
    in_text = sum(1 for k in only_traf if any(_norm(a) in _norm(pages[k].decode("utf-8", "replace"))
                                               for a in mixed[k]["authors"]))
    figures["authors_only_from_trafilatura"] = {"pages": len(only_traf), "name_in_page": in_text}
    figures["seconds_per_page"] = {"before": round(before_s / len(pages), 4), "after": round(after_s / len(pages), 4),
                                   "ratio": round(after_s / before_s, 3)}

    print(f"{len(pages)} Scrapinghub pages; reference values (the page's own JSON-LD/meta): "
          + ", ".join(f"{f} {figures['reference'][f]}" for f in FIELDS))
    print(f"{'':12} " + " ".join(f"{f + ' cov':>14} {f + ' agree':>14}" for f in FIELDS))
    for name in ("ours", "mixed", "trafilatura"):
        print(f"{name:12} " + " ".join(f"{figures['coverage'][name][f]:>14} {figures['agreement'][name][f]:>14}"
                                       for f in FIELDS))
    print(f"authors found only by trafilatura: {len(only_traf)} pages, the name stands in the page on {in_text}")
    s = figures["seconds_per_page"]
    print(f"clean_html CPU time per page: before {s['before']:.4f} s, after {s['after']:.4f} s, ratio {s['ratio']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
