"""Citation integrity: `check(doc)` appends findings to `doc.citation_issues`.

Takes a `Document` whose `text` keeps the page's own reference list. Finds:

- inline markers in the body: `[1]`, `[[1], [4]]`, `[1, 4]`, `[1-3]` (a range,
  expanded), superscript digits glued to a word (`claims²`, never `km²`), and
  author-year citations `(Reuters, 2024)`, `(Smith et al., 2023; Lee 2021)`;
- reference lists: a heading ("Sources", "References", "Notes", ... from
  `lexicon/citations.yaml`) followed by entries `[n] …`, `n. …` or `n) …`, or
  unnumbered entries that carry a URL, a quoted title or a year; a run of two or
  more `[n] …` lines is a list even without a heading.

Issues, each a `CitationIssue(issue, marker, detail, span)`:

- `cited_not_listed`: one per marker number cited in the body with no entry of
  that number (every cited number when the page has markers but no list);
- `listed_not_cited`: one per numbered entry the body never cites;
- `dangling_reference`: a list entry a reader cannot follow — no URL, no quoted
  title and no capitalised source name beyond filler words ("[7] Source.",
  "[7] news report") — or, when the page has a list, an author-year citation
  that no entry matches (surname and year);
- `stripped_citation`: a space before a full stop or comma that ends a clause
  (`insufficient .`), where a marker was removed; each occurrence once; English
  (or unknown-language) text only, never `" ..."`, and not on a page whose writer
  spaces before punctuation as a habit (three or more " ," outnumbering " .", or
  two or more " :", " ;", " ?", " !");
- `placeholder`: template text left in the page (`[INTERNAL_LINK:…]`, `{{…}}`,
  `[insert …]`, Lorem ipsum, `%%…%%`);
- `truncated_url`: a URL that ends in `…` or `...`, or whose host has no dot.

The cited/listed comparison runs only when the page has a numbered reference
list, or at least two numbered markers (a lone "[538]" on a page with no list
is more likely a label than a citation). It does not fetch URLs, judge whether a source supports its
sentence, or report on sources across documents.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon_data import per_user_files, stage
from ..model import CitationIssue, Document, Span

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_VALUE = str.maketrans(SUPERSCRIPT, "0123456789")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’'\[\]]+")
MARKER = re.compile(
    r"\[\[\d{1,3}\](?:\s*,\s*\[\d{1,3}\])*\]"  # [[1], [4]]
    r"|\[\d{1,3}(?:\s*[-–,;]\s*\d{1,3})*\]"  # [1]  [1, 4]  [1-3]
    rf"|(?<=[^\s\d{SUPERSCRIPT}])[{SUPERSCRIPT}]+(?:[,˒][{SUPERSCRIPT}]+)*"  # claims¹²  claims¹,²
)
MARKER_PART = re.compile(rf"(\d+|[{SUPERSCRIPT}]+)(?:\s*[-–]\s*(\d+))?")
WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
LINE = re.compile(r"^.*$", re.MULTILINE)
ENTRY_BRACKET = re.compile(r"\s*(?:[•*-]\s*)?\[(\d{1,3})\]\s*")
ENTRY_DOTTED = re.compile(r"\s*(\d{1,3})[.)]\s+")
ENTRY_CARET = re.compile(r"\s*\^\s*")
QUOTED_TITLE = re.compile(r"[“\"‘«][^”\"’»\n]{3,}[”\"’»]|\*[^*\n]{3,}\*|_[^_\n]{3,}_")
YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
PARENTHESIS = re.compile(r"\(([^()\n]{3,300})\)")
AUTHOR_YEAR = re.compile(
    r"\s*(?:see\s+(?:also\s+)?)?"
    r"(?P<who>[A-Z][\w’'.&\-]*(?:\s+(?:[A-Z][\w’'.&\-]*|and|&|de|del|van|von|der|la|et al\.?))*)"
    r",?\s+(?P<year>(?:1[5-9]|20)\d{2})[a-z]?(?:,\s*(?:p|pp)\.\s*[\d\-–]+)?\s*"
)
STRIPPED = re.compile(r"(?<=[\w)”’\"'])[ \t\u00a0]+([.,])(?=\s|$)(?![ \t]\.)")  # not ". . ."
SPACED_PUNCTUATION = re.compile(r"(?<=\w)[ \t\u00a0]+[:;!?](?=\s|$)")
NAME_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
HOST = re.compile(r"(?:https?://)?([^/?#]*)")
URL_TRAILING = re.compile(r"[.,;:!?)\]}>]+$")


@dataclass
class Entry:
    """One item of a reference list."""

    number: int | None
    span: Span  # the whole entry, marker included
    body: str  # the entry without its marker


@dataclass
class Marker:
    """One inline citation marker and the numbers it cites."""

    span: Span
    numbers: list[int]


def is_list_heading(line: str) -> bool:
    """A line that is only a reference-list heading of `lexicon/citations.yaml` ("Sources", "Referencias")."""
    return line.strip().rstrip(":").strip().lower() in _lexicon()["headings"]


@per_user_files
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = stage("citations.yaml")
    return {
        "headings": frozenset(h.lower() for h in data["list_headings"]),
        "placeholders": [re.compile(p, re.IGNORECASE) for p in data["placeholders"]],
        "filler": frozenset(w.lower() for w in data["empty_entry_words"]),
        "not_authors": frozenset(w.lower() for w in data["not_authors"]),
        "power_units": frozenset(data["power_units"]),
    }


def check(doc: Document) -> Document:
    """Append citation-integrity findings about `doc.text` to `doc.citation_issues`."""
    text = doc.text
    entries = reference_entries(text)
    regions = [(e.span.start, e.span.end) for e in entries]
    body_markers = [m for m in find_markers(text) if not _inside(m.span.start, regions)]
    issues = doc.citation_issues
    issues.extend(_compare(body_markers, entries))
    issues.extend(_dangling(text, entries, regions))
    if doc.language in (None, "en"):
        issues.extend(_stripped(text, regions))
    issues.extend(_placeholders(text))
    issues.extend(_truncated_urls(text, entries))
    return doc


def find_markers(text: str, start: int = 0, end: int | None = None) -> list[Marker]:
    """Numbered inline markers in `text[start:end]`, with the numbers each cites (ranges expanded)."""
    power_units = _lexicon()["power_units"]
    out: list[Marker] = []
    for m in MARKER.finditer(text, start, len(text) if end is None else end):
        raw = m.group()
        if raw[0] != "[":
            word = WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word and word.group(1) in power_units:
                continue
        numbers: list[int] = []
        for part in MARKER_PART.finditer(raw):
            first = int(part.group(1).translate(SUPERSCRIPT_VALUE))
            last = int(part.group(2)) if part.group(2) else first
            # A reversed or huge "range" is more likely a typo than 500 citations; keep its ends.
            numbers.extend(range(first, last + 1) if 0 <= last - first <= 50 else (first, last))
        out.append(Marker(Span(m.start(), m.end(), raw), numbers))
    return out


def cited_numbers(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """The marker numbers cited in `text[start:end]`, in order, each once."""
    seen: dict[int, None] = {}
    for marker in find_markers(text, start, end):
        for n in marker.numbers:
            seen.setdefault(n, None)
    return list(seen)


def reference_entries(text: str) -> list[Entry]:
    """The entries of every reference list in `text`, numbered or not."""
    return list(_reference_entries(text, _lexicon()["headings"]))


@functools.lru_cache(maxsize=16)
def _reference_entries(text: str, headings: frozenset[str]) -> tuple[Entry, ...]:
    lines = [(m.start(), m.end()) for m in LINE.finditer(text)]
    entries: list[Entry] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        stripped = text[start:end].strip()
        if stripped.rstrip(":").strip().lower() in headings:
            found, i = _read_list(text, lines, i + 1, headed=True)
            entries.extend(found)
            continue
        if ENTRY_BRACKET.match(text, start) and _next_starts_entry(text, lines, i):
            found, i = _read_list(text, lines, i, headed=False)
            entries.extend(found)
            continue
        i += 1
    return tuple(entries)


def _next_starts_entry(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    for start, end in lines[i + 1 :]:
        if text[start:end].strip():
            return bool(ENTRY_BRACKET.match(text, start))
    return False


def _read_list(text: str, lines: list[tuple[int, int]], i: int, headed: bool) -> tuple[list[Entry], int]:
    """Read entries from line `i` on; return them and the index of the first line after the list."""
    entries: list[Entry] = []
    blank_before = False
    numbered: bool | None = None
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not line.strip():
            blank_before = True
            i += 1
            continue
        match = ENTRY_BRACKET.match(line) or (ENTRY_DOTTED.match(line) if headed else None)
        if match and (numbered is None or numbered):
            numbered = True
            body_start = start + match.end()
            entries.append(Entry(int(match.group(1)), Span(start, end, line), text[body_start:end]))
        elif numbered and entries and not blank_before:
            # A wrapped entry: the line continues the one above it.
            last = entries[-1]
            entries[-1] = Entry(last.number, Span(last.span.start, end, text[last.span.start : end]),
                                last.body + "\n" + line)
        elif headed and numbered is not True and _looks_like_reference(line):
            numbered = False
            caret = ENTRY_CARET.match(line)
            body_start = start + (caret.end() if caret else 0)
            entries.append(Entry(None, Span(start, end, line), text[body_start:end]))
        else:
            break
        blank_before = False
        i += 1
    return entries, i


def _looks_like_reference(line: str) -> bool:
    return bool(URL.search(line) or QUOTED_TITLE.search(line) or YEAR.search(line))


def _inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in regions)


def _compare(markers: list[Marker], entries: list[Entry]) -> list[CitationIssue]:
    listed = {e.number: e for e in entries if e.number is not None}
    if not listed and len(markers) < 2:
        return []  # no list and one bracketed number: more likely a label ("[538]") than a citation
    first_cite: dict[int, Span] = {}
    for marker in markers:
        for n in marker.numbers:
            first_cite.setdefault(n, marker.span)
    issues = [
        CitationIssue("cited_not_listed", n, f"[{n}] is cited in the text but no list entry has that number", span)
        for n, span in sorted(first_cite.items())
        if n not in listed
    ]
    issues.extend(
        CitationIssue("listed_not_cited", n, f"reference [{n}] is never cited in the text: {_short(e.body)}", e.span)
        for n, e in sorted(listed.items())
        if n not in first_cite
    )
    return issues


def _dangling(text: str, entries: list[Entry], regions: list[tuple[int, int]]) -> list[CitationIssue]:
    filler = _lexicon()["filler"]
    issues: list[CitationIssue] = []
    for entry in entries:
        body = entry.body
        if URL.search(body) or QUOTED_TITLE.search(body):
            continue
        names = [w for w in NAME_WORD.findall(body) if w[0].isupper() and w.lower() not in filler]
        if not names:
            label = f"[{entry.number}]" if entry.number is not None else "an entry"
            issues.append(CitationIssue("dangling_reference", entry.number,
                                        f"{label} names no source, title or URL: {_short(body) or '(empty)'}",
                                        entry.span))
    if entries:
        issues.extend(_unmatched_author_year(text, entries, regions))
    return issues


def _unmatched_author_year(text: str, entries: list[Entry], regions: list[tuple[int, int]]) -> list[CitationIssue]:
    not_authors = _lexicon()["not_authors"]
    bodies = [e.body.lower() for e in entries]
    issues: list[CitationIssue] = []
    for paren in PARENTHESIS.finditer(text):
        if _inside(paren.start(), regions):
            continue
        offset = paren.start(1)
        for part in paren.group(1).split(";"):
            cite = AUTHOR_YEAR.fullmatch(part)
            if cite and cite.group("who").split()[0].rstrip(".").lower() not in not_authors:
                surname = _surname(cite.group("who"))
                year = cite.group("year")
                if not any(surname in b and year in b for b in bodies):
                    start = offset + cite.start("who")
                    end = offset + cite.end("year")
                    issues.append(CitationIssue("dangling_reference", None,
                                                f"author-year citation ({cite.group('who')}, {year}) matches no "
                                                "entry of the reference list", Span(start, end, text[start:end])))
            offset += len(part) + 1
    return issues


def _surname(who: str) -> str:
    words = [w for w in re.split(r"\s+|,", who) if w and w[0].isupper()]
    return (words[0] if words else who).lower()


def _stripped(text: str, regions: list[tuple[int, int]]) -> list[CitationIssue]:
    found = [m for m in STRIPPED.finditer(text) if not _inside(m.start(), regions)]
    commas = sum(m.group(1) == "," for m in found)
    # A writer who spaces before commas, colons or question marks throughout has a habit, not
    # removed markers: removed markers leave mostly " ." at clause ends.
    if (commas >= 3 and commas > len(found) - commas) or len(SPACED_PUNCTUATION.findall(text)) >= 2:
        return []
    issues: list[CitationIssue] = []
    for m in found:
        before = text[max(0, m.start() - 30) : m.start()].split()[-1:] or [""]
        issues.append(CitationIssue("stripped_citation", None,
                                    f"space before {m.group(1)!r} after {before[0]!r}: a citation marker was "
                                    "probably removed here", Span(m.start(), m.end(), m.group())))
    return issues


def _placeholders(text: str) -> list[CitationIssue]:
    found: list[tuple[int, int]] = []
    for pattern in _lexicon()["placeholders"]:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in found):
                found.append((m.start(), m.end()))
    return [CitationIssue("placeholder", None, f"template text left in the page: {text[s:e]}", Span(s, e, text[s:e]))
            for s, e in sorted(found)]


def _truncated_urls(text: str, entries: list[Entry]) -> list[CitationIssue]:
    issues: list[CitationIssue] = []
    for m in URL.finditer(text):
        raw = m.group()
        cut = raw.endswith(("…", "...")) or "…" in raw
        host = HOST.match(URL_TRAILING.sub("", raw.rstrip("…"))).group(1)  # type: ignore[union-attr]
        if not cut and host.rstrip(".") and "." in host.rstrip("."):
            continue
        entry = next((e for e in entries if e.span.start <= m.start() < e.span.end), None)
        number = entry.number if entry else None
        why = "ends in an ellipsis" if cut else "has no complete host name"
        issues.append(CitationIssue("truncated_url", number, f"URL {why}: {raw}", Span(m.start(), m.end(), raw)))
    return issues


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
