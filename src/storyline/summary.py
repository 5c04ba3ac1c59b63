"""What `storyline summary` prints: record counts, the latest documents, recent ingest errors.

`summary_data(store, limit)` reads the store (documents latest published first, undated last).
`render_terminal(data, width)` lays the documents out as a table that fits `width` columns: the
number columns keep their headers' width, the title wraps, and when even that cannot fit the
least useful columns go first ("copy of" becomes a mark on the title, then "removed", then the
publisher). `render_plain(data)` gives tab-separated rows with every column in full, for a pipe or
a file, where no terminal width applies. Neither writes to the store.
"""

from __future__ import annotations

import io
from typing import Any

from .store import queries
from .store.db import Store

NUMBERS = (("removed", "removed_blocks"), ("events", "event"), ("quotes", "quote"), ("claims", "claim"),
           ("issues", "citation_issue"))
HEADING = "documents, latest published first (undated last)"
TITLE_MIN = 20  # below this a title is unreadable even wrapped; drop a column instead
PUBLISHER_MAX = 22
PUBLISHER_NARROW = 12
GAP = 3  # padding on either side of a column and the space between them
# What gives way, in this order, when the table cannot fit: what each costs a reader least
# ("copy of" becomes a mark on the title; the plain output keeps every column).
STEPS = (None, "copy of", "narrow publisher", "removed", "publisher")


def summary_data(store: Store, limit: int = 20) -> dict[str, Any]:
    return {"totals": queries.counts(store), "documents": queries.document_rows(store, limit=limit),
            "errors": queries.latest_errors(store)}


def _totals_line(db: str, totals: dict[str, int]) -> str:
    return f"{db}: " + ", ".join(f"{n} {k.replace('_', ' ')}s" for k, n in totals.items())


def _layout(docs: list[dict[str, Any]], width: int) -> tuple[list[str], int] | None:
    """The table's columns and the publisher column's width for a terminal `width` columns wide.

    None when even the narrowest table cannot fit: the caller prints plain rows instead.
    """
    from rich.cells import cell_len

    def longest(values: list[str], header: str) -> int:
        return max([cell_len(header), *(cell_len(v) for v in values)])

    size = {"published": longest([d["published"] or "—" for d in docs], "published"),
            "publisher": min(PUBLISHER_MAX, longest([d["publisher"] or "—" for d in docs], "publisher")),
            "copy of": longest([d["duplicate_of"] or "" for d in docs], "copy of")}
    size.update({name: longest([str(d[key]) for d in docs], name) for name, key in NUMBERS})
    columns = ["published", "title", "publisher", *(name for name, _ in NUMBERS), "copy of"]
    for step in STEPS:
        if step == "narrow publisher":
            size["publisher"] = min(size["publisher"], PUBLISHER_NARROW)
        elif step:
            columns.remove(step)
        fixed = sum(size[c] for c in columns if c != "title") + GAP * (len(columns) - 1)
        if width - fixed >= TITLE_MIN:
            return columns, size["publisher"]
    return None


def render_terminal(data: dict[str, Any], db: str, width: int) -> str:
    """The summary as a terminal of `width` columns shows it (rich markup included, as ANSI codes)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, highlight=False)
    console.print(f"[bold]{_totals_line(db, data['totals'])}[/]", markup=True)
    docs = data["documents"]
    layout = _layout(docs, width)
    if layout is None:  # narrower than any table: the rows as a pipe gets them, after the counts
        console.file.write(render_plain(data, db).split("\n", 1)[1])
        return out.getvalue()
    columns, publisher_width = layout
    table = Table(title=HEADING, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    for name in columns:
        if name == "title":
            table.add_column(name, overflow="fold", min_width=TITLE_MIN, ratio=1)
        elif name == "publisher":
            table.add_column(name, overflow="ellipsis", no_wrap=True, max_width=publisher_width)
        elif name in ("published", "copy of"):
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
    for d in docs:
        title = d["title"] or d["source"]
        if d["duplicate_of"] and "copy of" not in columns:
            title += " (copy)"
        values = {"published": d["published"] or "—", "title": title, "publisher": d["publisher"] or "—",
                  "copy of": d["duplicate_of"] or "", **{name: str(d[key]) for name, key in NUMBERS}}
        table.add_row(*(values[c] for c in columns))
    console.print(table)
    if data["errors"]:
        console.print("[bold]inputs that could not be used[/]")
        for e in data["errors"]:
            console.print(f"  {e['source']}: {e['stage']}: {e['error']}", markup=False)
    return out.getvalue()


def render_plain(data: dict[str, Any], db: str) -> str:
    """The summary as plain lines: tab-separated document rows under a header row, nothing cut."""

    def cell(value: Any) -> str:
        return " ".join(str(value).split()) if value is not None else ""

    lines = [_totals_line(db, data["totals"]), "", HEADING,
             "\t".join(["published", "title", "publisher", *(n for n, _ in NUMBERS), "copy_of", "id", "source"])]
    for d in data["documents"]:
        lines.append("\t".join(cell(v) for v in (d["published"], d["title"], d["publisher"],
                                                 *(d[key] for _, key in NUMBERS), d["duplicate_of"], d["id"],
                                                 d["source"])))
    if data["errors"]:
        lines += ["", "inputs that could not be used"]
        lines += [f"  {cell(e['source'])}: {e['stage']}: {cell(e['error'])}" for e in data["errors"]]
    return "\n".join(lines) + "\n"
