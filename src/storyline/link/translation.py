"""Translations: one article published in two languages, found by what a translation keeps.

A translation shares almost no words with its original, so the near-duplicate pass (word shingles)
cannot see it. What it keeps is language-free: the numbers (normalised, so "2,500", "2.500" and
"2 mil 500" are one number), the proper names and acronyms ("Sheinbaum", "Culiacán", "CJNG",
accents ignored), and the order they come in. `anchors` lists them in order of first appearance;
`is_translation` says two texts in different languages are one article when:

- they share at least `MIN_SHARED` anchors (names compared on their first `NAME_PREFIX` letters, so
  cognates agree), and those are at least `MIN_SHARE` of the smaller list;
- the shared anchors come in nearly the same order (longest common subsequence at least
  `MIN_ORDER` of them): two outlets writing separately about one press conference name the same
  people, but not in the same order paragraph after paragraph;
- when both give numbers, at least `MIN_NUMBER_SHARE` of the smaller set of numbers are shared;
- their lengths in words are within `MAX_LENGTH_RATIO` of each other.

`neardup.link_documents` asks it about documents in another coded language published within
`MAX_DAYS` days, and links a translation into its original's group of copies: `duplicate_of`
points at the earliest published member, so the translation is not counted again as a source,
and the document's `translation_of` says the copy is in another language.

It does not translate, nor read spelled-out numbers ("four", "cuatro"), nor link a summary to
the article it summarises.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon_data import load_yaml
from .evidence import fold

MIN_SHARED = 6
MIN_SHARE = 0.6
MIN_ORDER = 0.8
MIN_NUMBER_SHARE = 0.6
MAX_LENGTH_RATIO = 2.0
MAX_DAYS = 3
# Languages a translation is looked for in: those with a coder.
LANGUAGES = ("en", "es")

# A number: thousands groups of exactly three digits ("2,500", "2.500", "2 500"), then an optional decimal part;
# Spanish "2 mil 500" / "30 mil" as a number.
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,. ]\d{3})+|\d+)(?:[.,](\d+))?(?:\s+mil(?:\s+(\d{1,3})(?!\d))?)?"
                    r"(?:st|nd|rd|th|º|°|o|a)?(?!\w)")
# Names are compared on their first letters, accents folded: cognates agree there ("Pentagon", "Pentágono";
# "Pacific", "Pacífico"; "Palace", "Palacio").
NAME_PREFIX = 5
NAME = re.compile(r"(?<![\w’'])[A-ZÁÉÍÓÚÑÜ][\w’'-]*[\w]")
SENTENCE_START = re.compile(r"(?:^|[.!?:;«“\"—–(\n]\s*|\n)$")


@cache
def _common_words() -> frozenset[str]:
    """Function words and calendar names of every listed language: capitalised, they open sentences or dates."""
    words: set[str] = set()
    for ws in (load_yaml("stopwords.yaml") or {}).values():
        words |= {fold(str(w)) for w in ws}
    for path in ("dates.yaml", "es/dates.yaml"):
        data = load_yaml(path) or {}
        for spec in (data.get("months") or {}).values():
            words |= {fold(str(w)) for w in spec.get("full", [])}
        for ws in (data.get("weekdays") or {}).values():
            words |= {fold(str(w)) for w in ws}
    return frozenset(words)


def _number(m: re.Match[str]) -> str:
    whole = int(re.sub(r"[,. ]", "", m.group(1)))
    if "mil" in m.group(0)[len(m.group(1)):].split():
        whole = whole * 1000 + int(m.group(3) or 0)
        return f"#{whole}"
    return f"#{whole}.{m.group(2)}" if m.group(2) else f"#{whole}"


def anchors(text: str) -> list[str]:
    """The numbers ("#2500") and folded proper names of `text`, each once, in order of first appearance."""
    found: list[tuple[int, str]] = [(m.start(), _number(m)) for m in NUMBER.finditer(text)]
    common = _common_words()
    for m in NAME.finditer(text):
        word = fold(m.group())
        if len(word) < 3 or word in common:
            continue
        if SENTENCE_START.search(text, max(0, m.start() - 3), m.start()) and not m.group().isupper():
            continue  # a capital that opens a sentence says nothing
        found.append((m.start(), word[:NAME_PREFIX]))
    return list(dict.fromkeys(a for _, a in sorted(found)))


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def is_translation(a: list[str], b: list[str], words_a: int, words_b: int) -> bool:
    """Whether two texts' anchor lists (and lengths in words) are those of one article in two languages."""
    if not words_a or not words_b or max(words_a, words_b) > MAX_LENGTH_RATIO * min(words_a, words_b):
        return False
    shared = set(a) & set(b)
    if len(shared) < MIN_SHARED or len(shared) < MIN_SHARE * min(len(set(a)), len(set(b))):
        return False
    nums_a, nums_b = {x for x in a if x[0] == "#"}, {x for x in b if x[0] == "#"}
    if nums_a and nums_b and len(nums_a & nums_b) < MIN_NUMBER_SHARE * min(len(nums_a), len(nums_b)):
        return False
    return _lcs([x for x in a if x in shared], [x for x in b if x in shared]) >= MIN_ORDER * len(shared)
