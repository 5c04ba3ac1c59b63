"""Ingest: sources -> pipeline -> store, one input at a time.

`ingest_one(item, store)` is the one ingest path: the seen-check, the pipeline, the store, the
flush and linking, for one raw input or one target (a URL or a path, read with the settings).
`storyline ingest` runs it on every input through `ingest()`, which writes in batches and links
every `LINK_EVERY` documents and at the end; the HTTP API (`POST /api/documents`) and the watcher
call it on each page. It never stops for one bad input: each leaves an ingest_error and the run
goes on. An input already ingested (same source, same bytes) is skipped before any cleaning, which
is what makes a second run over the same inputs cheap. Linking at the end of `ingest()` links every
document still unlinked, not only this run's: a run killed after its documents were written and
before linking is finished by the next.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .errors import StorylineError, UsageError
from .model import Document, IngestError, RawInput
from .pipeline import Pipeline, build
from .pipeline.run import process, shared
from .pipeline.run import to_document as to_document  # the public name callers knew it by
from .sources import read_inputs
from .store.db import Store

log = logging.getLogger(__name__)
MAX_ERRORS_KEPT = 20  # errors echoed back in the summary; all of them are in the store
# Linking is incremental, so a long ingest links as it goes: what linking holds in memory is then
# bounded by this many new documents rather than by the size of the batch.
LINK_EVERY = 2000
# The cyclic collector's first threshold while `ingest()` runs (Python's default is 700): each page allocates
# hundreds of thousands of objects that reference counting frees, and at the default every tenth collection of
# the youngest generation leads to a full one, which walks every document still queued for the store. At this
# threshold a full collection comes ten times more rarely (none on the 181 Scrapinghub pages, where the
# default made five, a sixth of a second).
COLLECT_AFTER = 7000


@dataclass
class Outcome:
    """What became of one input (or of one target's inputs, for `ingest_one` on a URL or path)."""

    status: str  # new | duplicate | unchanged | failed | skipped (a file in a folder not read)
    source: str
    document_id: str | None = None  # the document stored, or the one an unchanged input became
    error: IngestError | None = None  # why it failed or was skipped (also stored as an ingest_error)
    link: dict[str, Any] = field(default_factory=dict)  # what linking did after it (`LinkSummary`), or its error
    stored: int = 0  # documents written (new or duplicate): what linking has to link


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

    def add(self, out: Outcome) -> None:
        """Count one input's outcome (and keep its error, up to MAX_ERRORS_KEPT)."""
        setattr(self, out.status, getattr(self, out.status) + 1)
        if out.error is not None and len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(out.error)

    def as_dict(self) -> dict[str, Any]:
        return {"new": self.new, "duplicate": self.duplicate, "unchanged": self.unchanged, "failed": self.failed,
                "skipped": self.skipped, "seconds": round(self.seconds, 3), "per_second": round(self.per_second, 2)}


def _link(store: Store, summary: IngestSummary) -> None:
    """Link what is new so far and add it to the summary's link counts."""
    from .link import link_new  # imported here: linking brings numpy

    done = link_new(store).as_dict()
    for key, value in done.items():
        summary.link[key] = round(summary.link.get(key, 0) + value, 3)


def _pending(store: Store) -> bool:
    from .link import pending

    return pending(store)


def _seen(raw: RawInput, store: Store) -> Outcome | None:
    """`unchanged` when this input (its key and raw bytes) was ingested before, else None."""
    doc_id = store.seen_input(raw.key, raw.raw_hash, raw.source)
    return Outcome("unchanged", raw.source, doc_id) if doc_id else None


def _stored(result: Document | IngestError, store: Store, run_id: int | None) -> Outcome:
    """Queue a pipeline result in the store: the document with its records, or the ingest_error."""
    if isinstance(result, IngestError):
        store.add_error(result, run_id)
        return Outcome("skipped" if result.stage == "skip" else "failed", result.source, error=result)
    status, doc_id = store.add_document(result, run_id)
    return Outcome(status, result.source, doc_id, stored=int(status != "unchanged"))


def _one(item: RawInput | IngestError, store: Store, pipeline: Pipeline | None, run_id: int | None) -> Outcome:
    if isinstance(item, IngestError):
        return _stored(item, store, run_id)
    return _seen(item, store) or _stored(process(item, pipeline or shared()), store, run_id)


def _combined(target: str, parts: list[Outcome]) -> Outcome:
    """One outcome for a target's inputs: its first failure, else its first new, duplicate or unchanged."""
    if not parts:
        return Outcome("failed", target, error=IngestError(target, "read", "no input found here"))
    chosen = next(o for status in ("failed", "skipped", "new", "duplicate", "unchanged")
                   for o in parts if o.status == status)
    return Outcome(chosen.status, chosen.source, chosen.document_id, chosen.error,
                   stored=sum(o.stored for o in parts))


def ingest_one(
    item: RawInput | IngestError | str,
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    settings: dict[str, Any] | None = None,
    link: bool = True,
    flush: bool = True,
    run_id: int | None = None,
) -> Outcome:
    """Ingest one input: seen-check, pipeline, store, flush, then link what it stored.

    `item` is a raw input (a reader's `IngestError` is stored as such), or a target (a URL or a path)
    read with `settings`, whose inputs (one page, or the records of a container) are each ingested
    and reported as one outcome: the first failure, else the first document. `pipeline` defaults to
    the full pipeline, built once per process. `link=False` leaves linking to the caller (the watcher
    links once a poll); `flush=False` leaves the writes queued for the store's next batch (what
    `ingest()` does between inputs). A linking failure is logged and reported in `Outcome.link`
    (`{"error": ...}`); it never un-stores the document.
    """
    if isinstance(item, str):
        if settings is None:
            raise UsageError(f"ingest_one({item!r}) reads a target and needs the settings (settings.load())")
        out = _combined(item, [_one(i, store, pipeline, run_id) for i in read_inputs([item], settings)])
    else:
        out = _one(item, store, pipeline, run_id)
    if flush:
        store.flush()
    if link and out.stored:
        from .link import link_new

        try:
            out.link = link_new(store).as_dict()
        except StorylineError as exc:
            log.error("linking after ingesting %s failed: %s", out.source, exc)
            out.link = {"error": str(exc)}
    return out


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The collector at COLLECT_AFTER for the block (unless it was set higher already), as it was after."""
    before = gc.get_threshold()
    if before[0] < COLLECT_AFTER:
        gc.set_threshold(COLLECT_AFTER, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


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
    """Ingest every input (`ingest_one` on each, writes batched), then link what is new across
    documents (near-duplicates, stories).

    `workers` > 1 runs the per-document pipeline on that many processes (`scale.pool`), each with the
    full pipeline; results are written in input order by this process, with the same seen-check and
    store steps as `ingest_one`. `link=False` leaves linking to a later `storyline link` (or
    `link_new`), e.g. for bulk loads. Meanwhile the cyclic collector runs less often (COLLECT_AFTER).
    """
    with _collecting_less():
        return _ingest(list(targets), store, settings, pipeline, on_item, stdin, link, workers)


def _ingest(targets: list[str], store: Store, settings: dict[str, Any], pipeline: Pipeline | None,
            on_item: Callable[[str, str], None] | None, stdin: BinaryIO | None, link: bool,
            workers: int) -> IngestSummary:
    summary = IngestSummary()
    started = time.perf_counter()
    run_id = store.begin_run("ingest", targets)
    items = read_inputs(targets, settings, stdin=stdin)
    outcomes: Iterator[Outcome]
    if workers > 1:
        if pipeline is not None:
            raise UsageError("a custom pipeline runs in this process only; use workers=1 with it")
        from .scale.pool import process_many

        early: list[Outcome] = []  # inputs settled before the pipeline (unreadable, seen), in order

        def unseen() -> Iterator[RawInput]:
            for item in items:
                if isinstance(item, IngestError):
                    early.append(_stored(item, store, run_id))
                elif (seen := _seen(item, store)) is not None:
                    early.append(seen)
                else:
                    yield item

        def settled() -> Iterator[Outcome]:
            for result in process_many(unseen(), workers):
                yield from early
                early.clear()
                yield _stored(result, store, run_id)
            yield from early

        outcomes = settled()
    else:
        chosen = pipeline or build()
        outcomes = (ingest_one(item, store, chosen, link=False, flush=False, run_id=run_id) for item in items)
    unlinked = 0
    for out in outcomes:
        summary.add(out)
        if on_item:
            on_item(out.status, out.source)
        unlinked += out.stored
        if link and unlinked >= LINK_EVERY:
            _link(store, summary)
            unlinked = 0
    store.flush()
    if link and (unlinked or _pending(store)):  # what is pending, not only what this run added
        _link(store, summary)
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.as_dict(), summary.seconds)
    return summary
