"""A process pool for single-machine ingest: the per-document pipeline on several cores.

`process_many(raw_inputs, workers)` takes raw inputs (any iterable, read lazily) and yields, in
the same order, what `pipeline.run.process` gives for each: a `Document` or an `IngestError`. Each
worker process builds the pipeline once (`pipeline.run.shared`). At most `workers * IN_FLIGHT_PER_WORKER`
inputs are submitted and not yet yielded, so memory does not grow with the corpus however long
the input stream is; a slow document holds back the results behind it (order is kept) but never
lets more work pile up.

A worker process that dies (a crash in a native library, the OOM killer) does not stop the run:
the inputs that were in flight are run again one at a time in a fresh pool, and the one that
kills its worker alone becomes an ingest_error of stage `pipeline`.

It does not write to the store; the caller does, in the order given.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import UsageError
from ..model import Document, IngestError, RawInput
from . import worker

# Two queued per worker keep every worker busy while the parent writes; more only holds memory.
IN_FLIGHT_PER_WORKER = 4


def _context() -> multiprocessing.context.BaseContext:
    # Not fork: the parent may run threads (progress display, database pools) that a forked child
    # would inherit in a locked state. forkserver starts workers from a clean process.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=worker.warm)


def _crashed(raw: RawInput, exc: BaseException) -> IngestError:
    return IngestError(raw.source, "pipeline", f"the worker process died while processing this input ({exc})")


def _isolated(items: list[RawInput]) -> Iterator[Document | IngestError]:
    """Run each input alone in its own pool, so a crash is charged to the input that caused it."""
    for raw in items:
        with _executor(1) as pool:
            try:
                yield pool.submit(worker.process_one, raw).result()
            except BrokenProcessPool as exc:
                yield _crashed(raw, exc)


def process_many(raw_inputs: Iterable[RawInput], workers: int) -> Iterator[Document | IngestError]:
    """Process inputs on `workers` processes; results come back in input order."""
    if workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if workers == 1:  # no pool: the same results without the start-up and copying costs
        for raw in raw_inputs:
            yield worker.process_one(raw)
        return
    limit = workers * IN_FLIGHT_PER_WORKER
    items = iter(raw_inputs)
    pending: deque[tuple[RawInput, Future[Document | IngestError]]] = deque()
    pool = _executor(workers)
    try:
        while True:
            while len(pending) < limit:
                nxt = next(items, None)
                if nxt is None:
                    break
                pending.append((nxt, pool.submit(worker.process_one, nxt)))
            if not pending:
                return
            _, future = pending[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                stranded = [r for r, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _isolated(stranded)
                pool = _executor(workers)
                continue
            pending.popleft()
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
