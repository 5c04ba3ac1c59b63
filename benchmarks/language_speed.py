"""Words per second of the whole pipeline by language, on the development pages.

    .venv/bin/python benchmarks/language_speed.py [--repeat 3]

Reads ../shared/eval/dev/pages and their languages from ../shared/eval/dev/gold.json, runs every
page through `pipeline.build()` (after a warm-up pass that loads the models), and prints words/s
for each language and the ratio of each to English, measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time

from _common import shared_or_exit
from storyline.pipeline import build
from storyline.pipeline.run import to_document
from storyline.settings import load
from storyline.sources import read_inputs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    pages = shared_or_exit("eval", "dev", "pages")
    gold = json.loads(shared_or_exit("eval", "dev", "gold.json").read_text(encoding="utf-8"))
    lang = {g["file"]: g.get("language", "en") for g in gold["documents"]}
    settings = load()
    raws = {}
    for f in sorted(pages.iterdir()):
        if f.name in lang:
            raws[f.name] = [r for r in read_inputs([str(f)], settings) if not hasattr(r, "stage")]
    pipeline = build()
    words: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for rs in raws.values():  # warm-up: models and lexicons load once
        for r in rs:
            with contextlib.suppress(Exception):  # a page the clean stage rejects counts for no language
                pipeline(to_document(r))  # type: ignore[arg-type]
    for _ in range(a.repeat):
        for name, rs in raws.items():
            for r in rs:
                t0 = time.perf_counter()
                try:
                    d = pipeline(to_document(r))  # type: ignore[arg-type]
                except Exception:
                    continue
                seconds[lang[name]] = seconds.get(lang[name], 0.0) + time.perf_counter() - t0
                words[lang[name]] = words.get(lang[name], 0) + len(d.text.split())
    rate = {k: words[k] / seconds[k] for k in words if seconds.get(k)}
    for k in sorted(rate):
        ratio = f"{rate[k] / rate['en']:.2f}x English" if "en" in rate else ""
        print(f"{k}: {words[k] // a.repeat} words/pass, {rate[k]:,.0f} words/s {ratio}")


if __name__ == "__main__":
    main()
