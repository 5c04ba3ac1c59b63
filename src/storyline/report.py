"""The source-integrity report: how well each publisher and each document holds up.

Takes a `Store` and gives a `Report` with one row per document and one per
publisher (documents with no known publisher share one row, `publisher` None).
Each row counts:

- `boilerplate`: the share of the page's blocks removed as boilerplate, i.e.
  removed_blocks / (removed_blocks + kept paragraphs), where kept paragraphs are
  the non-empty blank-line separated blocks of the clean text (a reference list
  printed as one block counts once). A publisher's share pools its blocks.
- `named`: the share of quotes whose speaker is named — a person or an
  institution by its name ("Claudia Sheinbaum", "the White House"), not a
  description ("US officials", "a spokesman") and not nobody (`named_speaker`).
- `claims`, `attributed` (credited to someone), `cited` (carrying an inline
  marker), `unsourced` (neither). A claim both attributed and cited counts in both.
- `citation_issues`: the citation stage's findings; the JSON splits them by issue.
- `after_publication` and `stale_new`: dates that cannot be right, as the
  datechecks stage found and stored them (`date_issue` records): asserted events
  dated after the article, and leaders called "new" or "newly elected" more than
  `NEWCOMER_MAX_DAYS` into their role (on a page with no stated date, at the
  latest date its reference list cites).

`render_table` draws one view as a rich table (plain text, no colour codes);
`render_report` draws both; `report_json` gives the same rows as plain data.
Every view sorts by any of its columns (`None` values last either way).

It reads stored records only: it does not re-run the pipeline, and a document
ingested before a stage existed has no records of that stage.
"""

from __future__ import annotations

import functools
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .lexicon import load_lexicon
from .pipeline.datechecks import NEWCOMER_MAX_DAYS, DateFinding

if TYPE_CHECKING:
    from .store.db import Store

VIEWS = ("publisher", "document")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
DEFAULT_WIDTH = 160
TITLE_WIDTH = 48


def paragraphs(text: str) -> int:
    """Non-empty blocks of `text` separated by blank lines."""
    return sum(1 for block in PARAGRAPH_BREAK.split(text) if block.strip())


def boilerplate_share(removed_blocks: int, kept_paragraphs: int) -> float | None:
    """removed / (removed + kept); None for a page with no blocks at all."""
    total = removed_blocks + kept_paragraphs
    return removed_blocks / total if total else None


def named_speaker(speaker: dict[str, Any] | None) -> bool:
    """Whether a quote's speaker is named rather than described or missing.

    Named: a person or organisation the actor lexicon knows (by `id`), an unknown person with a
    document-local id (`local:…`), or a name of capitalised words (function words aside) whose last
    word is not an office or group noun ("White House" yes; "US officials", "Mexican President" no).
    """
    if not speaker or not speaker.get("name"):
        return False
    lex = load_lexicon()
    sid = speaker.get("id")
    if isinstance(sid, str) and (sid.startswith("local:") or lex.entity(sid) is not None):
        return True
    words = NAME_WORD.findall(str(speaker["name"]))
    content = [w for w in words if w.lower() not in lex.function_words]
    if not content or not all(w[0].isupper() for w in content):
        return False
    return content[-1].lower().rstrip(".") not in _descriptive_words()


@functools.cache
def _descriptive_words() -> frozenset[str]:
    """Office, role and group nouns of the actor lexicon: a name ending in one describes, it does not name."""
    lex = load_lexicon()
    return frozenset(w.lower() for w in (*lex.keywords, *lex.roles))


@dataclass
class Counts:
    documents: int = 0
    paragraphs: int = 0
    removed_blocks: int = 0
    quotes: int = 0
    quotes_named: int = 0
    claims: int = 0
    claims_attributed: int = 0
    claims_cited: int = 0
    claims_unsourced: int = 0
    citation_issues: Counter[str] = field(default_factory=Counter)
    date_issues: Counter[str] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        for name in ("documents", "paragraphs", "removed_blocks", "quotes", "quotes_named", "claims",
                     "claims_attributed", "claims_cited", "claims_unsourced"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.citation_issues.update(other.citation_issues)
        self.date_issues.update(other.date_issues)

    @property
    def boilerplate(self) -> float | None:
        return boilerplate_share(self.removed_blocks, self.paragraphs)

    @property
    def named(self) -> float | None:
        return self.quotes_named / self.quotes if self.quotes else None


@dataclass
class DocumentRow:
    id: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    publisher: str | None
    duplicate_of: str | None
    counts: Counts
    findings: list[DateFinding] = field(default_factory=list)


@dataclass
class PublisherRow:
    publisher: str | None
    counts: Counts


@dataclass
class Report:
    publishers: list[PublisherRow]
    documents: list[DocumentRow]


# ---------------------------------------------------------------------------------------------
# Columns: one table for both views, so --sort, the table and the JSON agree on names.

Row = DocumentRow | PublisherRow


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    help: str
    get: Callable[[Any], Any]
    format: str = "int"  # int | share | text


def _c(get: Callable[[Counts], Any]) -> Callable[[Row], Any]:
    return lambda row: get(row.counts)


COMMON = (
    Column("boilerplate", "Boiler-\nplate", "share of the page's blocks removed as boilerplate: removed / "
           "(removed + kept paragraphs)", _c(lambda c: c.boilerplate), "share"),
    Column("quotes", "Quotes", "quotations found", _c(lambda c: c.quotes)),
    Column("named", "Named", "share of quotes whose speaker is named", _c(lambda c: c.named), "share"),
    Column("claims", "Claims", "numeric claims", _c(lambda c: c.claims)),
    Column("attributed", "Attri-\nbuted", "claims credited to someone", _c(lambda c: c.claims_attributed)),
    Column("cited", "Cited", "claims carrying an inline citation marker", _c(lambda c: c.claims_cited)),
    Column("unsourced", "Un-\nsourced", "claims neither attributed nor cited", _c(lambda c: c.claims_unsourced)),
    Column("citation_issues", "Citation\nissues", "citation findings (cited_not_listed, placeholder, ...)",
           _c(lambda c: sum(c.citation_issues.values()))),
    Column("after_publication", "After\npub.", "asserted events dated after publication",
           _c(lambda c: c.date_issues["event_after_publication"])),
    Column("stale_new", "Stale\n\"new\"", f"leaders called new or newly elected more than {NEWCOMER_MAX_DAYS} "
           "days into their role", _c(lambda c: c.date_issues["stale_newcomer"])),
)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "publisher": (
        Column("publisher", "Publisher", "the publisher (site name or copyright owner)",
               lambda r: r.publisher, "text"),
        Column("documents", "Docs", "documents", _c(lambda c: c.documents)),
        *COMMON,
    ),
    "document": (
        Column("document", "Document", "document id", lambda r: r.id, "text"),
        Column("publisher", "Publisher", "the publisher", lambda r: r.publisher, "text"),
        Column("published", "Published", "publication date", lambda r: r.published, "text"),
        Column("title", "Title", "title", lambda r: r.title, "text"),
        *COMMON,
    ),
}


def columns(by: str) -> tuple[Column, ...]:
    if by not in COLUMNS:
        raise UsageError(f"unknown report view {by!r}; choose one of {', '.join(VIEWS)}")
    return COLUMNS[by]


def _rows(report: Report, by: str) -> Sequence[Row]:
    return report.publishers if by == "publisher" else report.documents


def sorted_rows(report: Report, by: str, sort: str | None = None, desc: bool = False,
                limit: int | None = None) -> list[Row]:
    """One view's rows, sorted by a column (None values last), at most `limit` of them."""
    cols = {c.name: c for c in columns(by)}
    rows = list(_rows(report, by))
    if sort is not None:
        if sort not in cols:
            raise UsageError(f"cannot sort the {by} report by {sort!r}; columns: {', '.join(cols)}")
        get = cols[sort].get
        known = [r for r in rows if get(r) is not None]
        unknown = [r for r in rows if get(r) is None]
        known.sort(key=lambda r: _sort_key(get(r)), reverse=desc)
        rows = known + unknown
    elif desc:
        rows.reverse()
    return rows[:limit] if limit is not None else rows


def _sort_key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _show(value: Any, fmt: str) -> str:
    if value is None:
        return "–"
    if fmt == "share":
        return f"{100 * value:.0f}%"
    if fmt == "text":
        text = str(value)
        return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"
    return str(value)


CAPTION = (f"Boilerplate = removed blocks / (removed + kept paragraphs). Named = quotes with a named speaker. "
           f'Stale "new" = called new or newly elected > {NEWCOMER_MAX_DAYS} days into the role.')


def render_table(report: Report, by: str = "publisher", sort: str | None = None, desc: bool = False,
                 limit: int | None = None, width: int | None = None) -> str:
    """One view (publisher or document) as a text table."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    cols = columns(by)
    rows = sorted_rows(report, by, sort, desc, limit)
    total = len(_rows(report, by))
    shown = f", {len(rows)} shown" if len(rows) < total else ""
    noun = by if total == 1 else f"{by}s"
    table = Table(box=box.SIMPLE_HEAD, title=f"Sources by {by} ({total} {noun}{shown})", title_justify="left",
                  caption=CAPTION, caption_justify="left")
    for col in cols:
        text = col.format == "text"
        table.add_column(col.header, justify="left" if text else "right", overflow="fold",
                         no_wrap=not text or col.name in ("document", "published"),
                         min_width=12 if col.name in ("publisher", "title") else None)
    for row in rows:
        table.add_row(*(_show(col.get(row), col.format) for col in cols))
    out = io.StringIO()
    Console(file=out, width=width or DEFAULT_WIDTH, color_system=None, force_terminal=False,
            highlight=False).print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def _views(by: str | None) -> tuple[str, ...]:
    if by is None:
        return VIEWS
    columns(by)
    return (by,)


def _check_sort(views: Iterable[str], sort: str | None) -> None:
    names = {c.name for v in views for c in columns(v)}
    if sort is not None and sort not in names:
        raise UsageError(f"cannot sort the report by {sort!r}; columns: {', '.join(sorted(names))}")


def render_report(report: Report, by: str | None = None, sort: str | None = None, desc: bool = False,
                  limit: int | None = None, width: int | None = None) -> str:
    """One view, or both (by=None); a sort column missing from one view leaves that view in its own order."""
    views = _views(by)
    _check_sort(views, sort)
    return "\n".join(
        render_table(report, v, sort if sort in {c.name for c in columns(v)} else None, desc, limit, width)
        for v in views
    )


def _record(row: Row, by: str) -> dict[str, Any]:
    rec = {c.name: c.get(row) for c in columns(by)}
    counts = row.counts
    rec.update(paragraphs=counts.paragraphs, removed_blocks=counts.removed_blocks, quotes_named=counts.quotes_named,
               citation_issues_by_type=dict(sorted(counts.citation_issues.items())),
               date_issues_by_type=dict(sorted(counts.date_issues.items())))
    if isinstance(row, DocumentRow):
        rec.update(source=row.source, url=row.url, duplicate_of=row.duplicate_of,
                   date_findings=[f.as_record() for f in row.findings])
    return rec


def report_json(report: Report, by: str | None = None, sort: str | None = None, desc: bool = False,
                limit: int | None = None) -> dict[str, Any]:
    """The report as plain data: `publishers` and/or `documents` rows, plus what each column means."""
    views = _views(by)
    _check_sort(views, sort)
    out: dict[str, Any] = {
        "columns": {v: {c.name: c.help for c in columns(v)} for v in views},
        "thresholds": {"newcomer_max_days": NEWCOMER_MAX_DAYS},
    }
    for v in views:
        s = sort if sort in {c.name for c in columns(v)} else None
        out[f"{v}s"] = [_record(r, v) for r in sorted_rows(report, v, s, desc, limit)]
    return out


# ---------------------------------------------------------------------------------------------
# Reading the store


def source_report(store: Store) -> Report:
    """Count every document's records and roll them up by publisher."""
    from .store.queries import source_report_rows

    docs: dict[str, DocumentRow] = {}
    for kind, item in source_report_rows(store):
        if kind == "document":
            r = item
            counts = Counts(documents=1, paragraphs=paragraphs(r.text or ""), removed_blocks=r.removed_blocks or 0)
            docs[r.id] = DocumentRow(r.id, r.source, r.url, r.title, r.published, r.publisher, r.duplicate_of, counts)
            continue
        doc_id, data = item
        if doc_id not in docs:
            continue
        row = docs[doc_id]
        c = row.counts
        if kind == "quote":
            c.quotes += 1
            c.quotes_named += named_speaker(data.get("speaker"))
        elif kind == "claim":
            attributed, cited = bool(data.get("attributed_to")), bool(data.get("citations"))
            c.claims += 1
            c.claims_attributed += attributed
            c.claims_cited += cited
            c.claims_unsourced += not (attributed or cited)
        elif kind == "citation_issue":
            c.citation_issues[data.get("issue") or "unknown"] += 1
        else:
            _note(row, DateFinding(data.get("issue") or "unknown", data.get("detail") or "", data.get("text"),
                                   data.get("start"), data.get("end"), data.get("record_id")))
    for row in docs.values():
        row.findings.sort(key=lambda f: (f.start is None, f.start or 0))
    documents = sorted(docs.values(), key=lambda r: (r.publisher is None, (r.publisher or "").casefold(),
                                                     r.published or "", r.id))
    by_publisher: dict[str | None, Counts] = {}
    for row in documents:
        by_publisher.setdefault(row.publisher, Counts()).add(row.counts)
    publishers = [PublisherRow(p, c) for p, c in by_publisher.items()]  # already in publisher order
    return Report(publishers, documents)


def _note(row: DocumentRow, finding: DateFinding) -> None:
    row.findings.append(finding)
    row.counts.date_issues[finding.issue] += 1
