"""Plain-text dumps of web pages: keep the article, drop the page around it.

Takes the text a browser or scraper produced from a whole page — menus,
breadcrumbs, ad slots, comment forms, author boxes, related-article lists and
footers included — and gives the article's lines (paragraphs, headings, list
items and table rows), the lines removed, and the lines before the article
where the title, date and byline usually sit.

How: every non-blank line is a block. A block is *good* when it reads as prose
(enough words, dense in function words; a long line that ends as a sentence needs
fewer), *inline* or *barrier* boilerplate when it matches `lexicon/boilerplate.yaml`,
and *short* otherwise. Good blocks score their word count, short ones a small penalty; barriers cannot be crossed. The
article is the run of blocks with the highest total (a maximum-sum segment),
which keeps the headings, list items and table rows that sit between
paragraphs and leaves out a stray long paragraph in a footer. A reference list
that follows the article is kept with it: the citation checker needs it.

It does not parse HTML (see `htmlclean`) and does not read metadata from the
lines it returns (see `textmeta`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon_data import load_yaml, per_user_files, stage
from .citations import is_list_heading

WORD = re.compile(r"\w+")
BULLET = re.compile(r"^(?:[•·▪◦‣∙●○■□–—*-]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
REFERENCE_ENTRY = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^|↑)|https?://|[“\"«].{8,}[”\"»]")

# A prose line has at least this many words and this share of function words;
# menus and tag lists have almost none. Short one-sentence paragraphs that miss
# the bar are still kept when they sit inside the article.
GOOD_MIN_WORDS = 12
GOOD_MIN_WORDS_WITH_STOP = 7
GOOD_MIN_DENSITY = 0.18
# A long line that ends as a sentence is prose at a lower share: a news lead dense with names and
# titles ("MANILA, June 18 - The Philippines summoned China's ambassador ...") has few function words.
LONG_PROSE_WORDS = 24
LONG_PROSE_DENSITY = 0.1
SHORT_PENALTY = 2
NAV_PENALTY = 4
INLINE_PENALTY = 1


@dataclass
class Block:
    index: int  # 0-based line number in the dump
    text: str  # stripped line, bullet mark normalised to "• "
    words: int
    bullet: bool
    kind: str  # good | short | inline | barrier


@dataclass
class Cleaned:
    kept: list[Block]
    removed: list[Block]
    before: list[Block]  # blocks above the article, nearest last: where title, date and byline sit
    blocks: list[Block]


@per_user_files
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = stage("boilerplate.yaml")
    inline = re.compile("(?:" + "|".join(data["inline"]) + r")[.!:]?", re.IGNORECASE)
    barrier = re.compile("(?:" + "|".join(data["barrier"]) + r")[.!:]?", re.IGNORECASE)
    return inline, barrier


@cache
def _stopwords() -> frozenset[str]:
    data = load_yaml("stopwords.yaml")
    return frozenset(w for words in data.values() for w in words)


def classify(index: int, line: str) -> Block:
    text = line.strip()
    bullet = bool(BULLET.match(text))
    if bullet:
        text = "• " + BULLET.sub("", text, count=1)
    body = text[2:] if bullet else text
    words = WORD.findall(body)
    inline, barrier = _patterns()
    if inline.fullmatch(body):
        kind = "inline"
    elif barrier.fullmatch(body):
        kind = "barrier"
    else:
        stop = _stopwords()
        density = sum(w.lower() in stop for w in words) / max(len(words), 1)
        long_enough = len(words) >= GOOD_MIN_WORDS or (
            len(words) >= GOOD_MIN_WORDS_WITH_STOP and SENTENCE_END.search(body) is not None
        )
        long_prose = len(words) >= LONG_PROSE_WORDS and SENTENCE_END.search(body) is not None
        kind = "good" if long_enough and density >= (LONG_PROSE_DENSITY if long_prose else GOOD_MIN_DENSITY) \
            else "short"
    return Block(index, text, len(words), bullet, kind)


def _score(block: Block) -> float:
    if block.kind == "good":
        return float(block.words)
    if block.kind == "inline":
        return -INLINE_PENALTY
    if block.kind == "barrier":
        return float("-inf")
    looks_like_nav = block.bullet or block.words <= 3
    return -(NAV_PENALTY if looks_like_nav else SHORT_PENALTY)


def _best_run(blocks: list[Block]) -> tuple[int, int] | None:
    """The maximum-sum run of blocks (Kadane), never crossing a barrier."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, block in enumerate(blocks):
        s = _score(block)
        if total <= 0 or s == float("-inf"):
            total, start = 0.0, i
        if s == float("-inf"):
            start = i + 1
            continue
        total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _extend_references(blocks: list[Block], end: int) -> int:
    """Take a reference list that follows the article into it."""
    i = end + 1
    if i < len(blocks) and is_list_heading(blocks[i].text):
        i += 1
        misses = 0
        last = end
        while i < len(blocks) and blocks[i].kind != "barrier":
            if REFERENCE_ENTRY.search(blocks[i].text):
                last, misses = i, 0
            else:
                misses += 1
                if misses > 1:
                    break
            i += 1
        return last if last > end + 1 else end
    return end


def _menu_runs(blocks: list[Block], adjacent: list[bool]) -> set[int]:
    """Runs of three or more adjacent one-to-four-word lines with no punctuation: a menu inside the article."""
    menu: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, Block(-1, "", 99, False, "good")]):
        navlike = block.words <= 4 and not SENTENCE_END.search(block.text) and block.kind != "good"
        if navlike and (not run or adjacent[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            menu.update(run)
        run = [i] if navlike else []
    return menu


def split_dump(text: str) -> Cleaned | None:
    """Classify the lines of a page dump; None when no line reads as article prose."""
    lines = text.splitlines()
    blocks = [classify(i, line) for i, line in enumerate(lines) if line.strip()]
    span = _best_run(blocks)
    if span is None:
        return None
    start, end = span
    end = _extend_references(blocks, end)
    region = blocks[start : end + 1]
    adjacent = [k > 0 and region[k].index == region[k - 1].index + 1 for k in range(len(region))] + [False]
    menu = _menu_runs(region, adjacent)
    kept = [b for k, b in enumerate(region) if b.kind != "inline" and k not in menu]
    kept_ids = {b.index for b in kept}
    removed = [b for b in blocks if b.index not in kept_ids]
    return Cleaned(kept=kept, removed=removed, before=blocks[:start], blocks=blocks)


def join_blocks(blocks: list[Block]) -> str:
    """Runs of adjacent list items, or of adjacent table rows, stay one per line; everything else is a paragraph."""
    out: list[str] = []
    prev: Block | None = None
    for block in blocks:
        if prev is not None:
            together = block.index == prev.index + 1 and block.bullet == prev.bullet
            out.append("\n" if together else "\n\n")
        out.append(block.text)
        prev = block
    return "".join(out)
