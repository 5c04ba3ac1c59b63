"""Sentence segmentation: `segment(doc)` fills `doc.sentences`.

Takes a `Document` whose `text` is the clean body (paragraphs separated by blank
lines; list items and table rows may be single lines inside a paragraph) and
gives one `Span` per sentence, in order, with `doc.text[s.start:s.end] == s.text`.
A line break inside a paragraph ends a sentence unless it is a soft wrap (the
line has no closing punctuation and the next one starts in lower case), so
headings, bullets and table rows come out as sentences of their own.

Boundaries are found by one compiled pattern — a terminator (`.`, `!`, `?`, an
ellipsis), any closing quotes or brackets, any inline citation markers, then
white space — and kept or rejected by rules driven by `lexicon/segment.yaml`:
titles ("Gen.", "Dr."), abbreviations before numbers ("Feb. 3", "No. 2"),
dotted acronyms and initials ("U.S.", "George W. Bush") that end a sentence only
when an ordinary sentence opener follows. Decimals and "U.S.-Mexico" never
match because a boundary needs white space after the terminator.

Spanish: a sentence may open with "¿" or "¡"; a quotation in «» that the
sentence goes on after («No lo permitiremos. Nunca», dijo) is kept whole, as is
a dialogue turn up to the narrator's dash ("—No lo vamos a permitir. Nunca
—dijo la presidenta—."), whose full stops are the speaker's, not the
sentence's.

It does not tokenise, tag or parse, and it does not use spaCy or NLTK.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..lexicon_data import load_yaml
from ..model import Document, Span

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE = re.compile(r"[^\n]+")
# Terminator, closers (quotes, brackets), inline markers glued after the stop, then the gap.
BOUNDARY = re.compile(
    r"(?P<term>\.(?:[ ]?\.){2}|…|[.!?]+)"
    r"(?P<close>[”’\"')\]»]*)"
    r"(?P<cite>(?:\[\d+(?:\s*[-–,]\s*\d+)*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)"
    r"(?P<gap>\s+)"
)
WORD_BEFORE = re.compile(r"[^\s\"“‘'(\[«¿¡]*$")
NEXT_WORD = re.compile(r"[\"“‘'«(\[¿¡]*([^\s\"“”‘’'«»()\[\],;:¿¡]*)")
INVERTED = "¿¡"
# A «» quotation and what follows its close: the sentence goes on when a comma, a dash or a lower-case word does.
GUILLEMETS = re.compile(r"«[^«»\n]{1,600}»(?=\s*(?:[,;:]|[—–-]|[^\W\d_]*[a-záéíóúñ]))")
# A dialogue turn opens its line with a dash; the narrator's words start at a dash before a lower-case word.
DIALOGUE_OPEN = re.compile(r"[—–]\s?(?=\S)")
NARRATOR_DASH = re.compile(r"\s[—–]\s?(?=[a-záéíóúñ])")
DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")
INITIAL = re.compile(r"[A-Z]$")
OPENING_QUOTE = re.compile(r"[\"“‘«]")
LEADING_BULLET = re.compile(r"[•·▪◦‣*]\s+")
SOFT_WRAP_END = re.compile(r"[\w,\-–]$")


@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    data: dict[str, Any] = load_yaml("segment.yaml")
    keys = ("never_final", "before_number", "may_be_final", "openers")
    return {key: frozenset(str(w) for w in data[key]) for key in keys}


def segment(doc: Document) -> Document:
    """Fill `doc.sentences` with one span per sentence of `doc.text`."""
    doc.sentences = split_sentences(doc.text)
    return doc


def split_sentences(text: str) -> list[Span]:
    """The sentences of `text` as spans (offsets into `text`)."""
    spans: list[Span] = []
    for start, end in _units(text):
        cursor = start
        inside = _kept_whole(text, start, end)
        for m in BOUNDARY.finditer(text, start, end):
            if m.end() >= end or not _is_boundary(text, m):
                continue
            if any(a < m.start() and m.end() < b for a, b in inside):
                continue
            _add(spans, text, cursor, m.start("gap"))
            cursor = m.end()
        _add(spans, text, cursor, end)
    return spans


def _kept_whole(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of a unit no boundary may fall inside: «» quotes the sentence goes on after, a dialogue turn."""
    spans = [(m.start(), m.end()) for m in GUILLEMETS.finditer(text, start, end)]
    if DIALOGUE_OPEN.match(text, start, end):
        narrator = NARRATOR_DASH.search(text, start, end)
        if narrator:
            spans.append((start, narrator.start() + 1))
    return spans


def _units(text: str) -> list[tuple[int, int]]:
    """Stretches that no sentence crosses: paragraphs, cut at hard line breaks."""
    units: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        unit_start: int | None = None
        prev_end = para_start
        for line in LINE.finditer(text, para_start, para_end):
            stripped = line.group().strip()
            if not stripped:
                continue
            if unit_start is not None and not _soft_wrap(text[unit_start:prev_end].rstrip(), stripped):
                units.append((unit_start, prev_end))
                unit_start = None
            if unit_start is None:
                unit_start = line.start()
            prev_end = line.end()
        if unit_start is not None:
            units.append((unit_start, prev_end))
    return units


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _soft_wrap(before: str, line: str) -> bool:
    return bool(SOFT_WRAP_END.search(before)) and line[:1].islower()


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    lex = _lexicon()
    after = m.end()
    first = text[after]
    next_word = NEXT_WORD.match(text, after)
    word = next_word.group(1) if next_word else ""
    starts_quote = bool(OPENING_QUOTE.match(first)) or first in INVERTED
    if first.islower() or (word[:1].islower() and not starts_quote):
        return False
    if not (first.isupper() or first.isdigit() or starts_quote or first in "([•·▪◦‣*-–—" or word[:1].isupper()):
        return False
    term = m.group("term")
    if "!" in term or "?" in term:
        return True
    if term != ".":  # an ellipsis: a pause inside a sentence more often than an end
        return bool(m.group("close")) or word in lex["openers"] or starts_quote
    if m.group("close") or m.group("cite"):
        return True
    window = text[max(0, m.start() - 40) : m.start()]
    before_match = WORD_BEFORE.search(window)
    before = before_match.group() if before_match else ""
    if not before:  # " ." — a stop after a space (often a stripped citation) still ends the sentence
        return True
    if before in lex["never_final"]:
        return False
    if before.isdigit() and len(before) <= 3:
        # A list marker opening its line or following a full sentence: "1. Secure the border. 2. Stop …"
        line_start = text.rfind("\n", 0, m.start()) + 1
        prefix = text[line_start : m.start() - len(before)].strip(" \t•*-–(")
        if not prefix or prefix.endswith((".", "!", "?", ":", ";")):
            return False
    if before in lex["before_number"] and first.isdigit():
        return False
    if before in lex["may_be_final"] or DOTTED_ACRONYM.match(before) or INITIAL.match(before):
        return word in lex["openers"] or starts_quote
    return True


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    bullet = LEADING_BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
