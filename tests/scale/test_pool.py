"""The process pool gives what the single-process loop gives, in order, with bounded work in flight."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from storyline.errors import UsageError
from storyline.model import Document, IngestError, RawInput
from storyline.pipeline import build
from storyline.pipeline.run import process
from storyline.scale.pool import IN_FLIGHT_PER_WORKER, process_many
from storyline.store.records import derived_records

pytestmark = pytest.mark.slow  # starts worker processes that each build the pipeline

SENTENCES = [
    "Mexico's foreign ministry summoned the US ambassador on Wednesday to protest remarks by President Donald Trump.",
    "The US military struck a vessel in the southern Caribbean on Monday, killing three people aboard.",
    "Guatemala agreed on Thursday to deploy 1,500 troops to its northern border under a pact with the United States.",
    "Colombia's president accused Washington of killing a fisherman and suspended intelligence sharing.",
    "“We do not accept interventions of any kind,” Foreign Minister Juan Ramón de la Fuente told reporters.",
]


def _inputs(n: int) -> list[RawInput]:
    out = []
    for i in range(n):
        text = f"{SENTENCES[i % len(SENTENCES)]}\n\nThis is brief number {i}."
        out.append(RawInput(source=f"brief-{i}.txt", content=text, format="text"))
    out.append(RawInput(source="empty.txt", content="   ", format="text"))  # the clean stage refuses it
    return out


def _summary(result: Document | IngestError) -> Any:
    if isinstance(result, IngestError):
        return ("error", result.source, result.stage)
    return (result.source, result.text, derived_records(result, result.content_hash))


def test_same_results_in_the_same_order_as_one_process() -> None:
    items = _inputs(12)
    pipeline = build()
    expected = [_summary(process(raw, pipeline)) for raw in items]
    assert [_summary(r) for r in process_many(items, workers=2)] == expected
    assert expected[-1][0] == "error"


def test_work_in_flight_is_bounded() -> None:
    pulled = 0

    def stream() -> Iterator[RawInput]:
        nonlocal pulled
        for raw in _inputs(30):
            pulled += 1
            yield raw

    limit = 2 * IN_FLIGHT_PER_WORKER
    for done, _ in enumerate(process_many(stream(), workers=2), 1):
        assert pulled - done <= limit  # what was read but not yet given back
    assert pulled == 31


class _KillsItsWorker(bytes):
    """Content whose unpickling ends the worker process at once, like a crash in native code."""

    def __reduce__(self) -> Any:
        return (os._exit, (3,))


def test_a_worker_that_dies_costs_one_input_not_the_run() -> None:
    items = _inputs(4)
    pipeline = build()
    expected = [_summary(process(raw, pipeline)) for raw in items]
    items.insert(2, RawInput(source="poison.html", content=_KillsItsWorker(b"<html>"), format="html",
                             raw_hash="0" * 32))
    results = list(process_many(items, workers=2))
    assert [r.source for r in results] == [r.source for r in items]
    poisoned = results[2]
    assert isinstance(poisoned, IngestError) and poisoned.stage == "pipeline" and "died" in poisoned.error
    assert [_summary(r) for r in results[:2] + results[3:]] == expected


@pytest.mark.parametrize("workers", [0, -1])
def test_workers_must_be_positive(workers: int) -> None:
    with pytest.raises(UsageError, match="--workers"):
        list(process_many([], workers))
