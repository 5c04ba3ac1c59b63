"""Ingest: sources -> pipeline -> store, one input at a time.

`ingest()` is what `storyline ingest`, the HTTP API and tests call. It never
stops for one bad input: each leaves an ingest_error and the run goes on.
An input already ingested (same source, same bytes) is skipped before any
cleaning, which is what makes a second run over the same inputs cheap. Linking
at the end links every document still unlinked, not only this run's: a run
killed after its documents were written and before linking is finished by the next.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .errors import UsageError
from .model import Document, IngestError, RawInput
from .pipeline import Pipeline, build
from .pipeline.run import process
from .pipeline.run import to_document as to_document  # the public name callers knew it by
from .sources import read_inputs
from .store.db import Store

MAX_ERRORS_KEPT = 20  # errors echoed back in the summary; all of them are in the store
# Linking is incremental, so a long ingest links as it goes: what linking holds in memory is then
# bounded by this many new documents rather than by the size of the batch.
LINK_EVERY = 2000


@dataclass
class IngestSummary:
    new: int = 0
    duplicate: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0  # files in a folder not read (unknown extension, not a regular file): ingest_error stage skip
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)
    link: dict[str, Any] = field(default_factory=dict)  # what cross-document linking did after the documents

    @property
    def documents(self) -> int:
        return self.new + self.duplicate + self.unchanged

    @property
    def per_second(self) -> float:
        return (self.documents + self.failed) / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"new": self.new, "duplicate": self.duplicate, "unchanged": self.unchanged, "failed": self.failed,
                "skipped": self.skipped, "seconds": round(self.seconds, 3), "per_second": round(self.per_second, 2)}


def _link(store: Store, summary: IngestSummary) -> None:
    """Link what is new so far and add it to the summary's link counts."""
    from .link import link_new  # imported here: MinHash brings numpy and scipy

    done = link_new(store).as_dict()
    for key, value in done.items():
        summary.link[key] = round(summary.link.get(key, 0) + value, 3)


def _pending(store: Store) -> bool:
    from .link import pending

    return pending(store)


def ingest(
    targets: Iterable[str],
    store: Store,
    settings: dict[str, Any],
    pipeline: Pipeline | None = None,
    on_item: Callable[[str, str], None] | None = None,
    stdin: BinaryIO | None = None,
    link: bool = True,
    workers: int = 1,
) -> IngestSummary:
    """Ingest every input, then link what is new across documents (near-duplicates, stories).

    `workers` > 1 runs the per-document pipeline on that many processes (`scale.pool`), each with the
    full pipeline; results are written in input order by this process. `link=False` leaves linking
    to a later `storyline link` (or `link_new`), e.g. for bulk loads.
    """
    targets = list(targets)
    summary = IngestSummary()
    started = time.perf_counter()
    run_id = store.begin_run("ingest", targets)

    def notify(status: str, source: str) -> None:
        if on_item:
            on_item(status, source)

    def record_error(err: IngestError) -> None:
        if err.stage == "skip":
            summary.skipped += 1
        else:
            summary.failed += 1
        if len(summary.errors) < MAX_ERRORS_KEPT:
            summary.errors.append(err)
        store.add_error(err, run_id)
        notify("skipped" if err.stage == "skip" else "failed", err.source)

    def unseen() -> Iterator[RawInput]:
        """Inputs not ingested before; unreadable and already-seen ones are counted as they pass."""
        for item in read_inputs(targets, settings, stdin=stdin):
            if isinstance(item, IngestError):
                record_error(item)
            elif store.seen_input(item.key, item.raw_hash, item.source):
                summary.unchanged += 1
                notify("unchanged", item.source)
            else:
                yield item

    if workers > 1:
        if pipeline is not None:
            raise UsageError("a custom pipeline runs in this process only; use workers=1 with it")
        from .scale.pool import process_many

        results: Iterator[Document | IngestError] = process_many(unseen(), workers)
    else:
        chosen = pipeline or build()
        results = (process(raw, chosen) for raw in unseen())
    unlinked = 0
    for result in results:
        if isinstance(result, IngestError):
            record_error(result)
            continue
        status, _ = store.add_document(result, run_id)
        setattr(summary, status, getattr(summary, status) + 1)
        notify(status, result.source)
        unlinked += status != "unchanged"
        if link and unlinked >= LINK_EVERY:
            _link(store, summary)
            unlinked = 0
    store.flush()
    if link and (unlinked or _pending(store)):  # what is pending, not only what this run added
        _link(store, summary)
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.as_dict(), summary.seconds)
    return summary
