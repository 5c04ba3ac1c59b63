"""The pipeline of this worker process, built once and kept in a module global.

A process-pool worker or a Spark Python worker calls `pipeline()` for every item; the first call
imports the stages and loads their lexicons (`pipeline.build()` warms them), later calls get the
same object. Nothing here is shared between processes.
"""

from __future__ import annotations

from ..model import Document, IngestError, RawInput
from ..pipeline import Pipeline, build
from ..pipeline.run import process

_PIPELINE: Pipeline | None = None


def pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = build()
    return _PIPELINE


def warm() -> None:
    """Build the pipeline now (a pool initializer), so the first item is not the slow one."""
    pipeline()


def process_one(raw: RawInput) -> Document | IngestError:
    """`pipeline.run.process` with this process's pipeline, lightened for the trip to another process:
    the raw bytes and the sentence spans (the stages' working material, which no record or store
    row holds) are dropped, so pickling the result costs half as much."""
    result = process(raw, pipeline())
    if isinstance(result, Document):
        result.raw = ""
        result.sentences = []
    return result
