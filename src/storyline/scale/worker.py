"""The pipeline of this worker process, built once (`pipeline.run.shared`).

A process-pool worker or a Spark Python worker calls `process_one` for every item; the first call
imports the stages and loads their lexicons (`pipeline.build()` warms them), later calls get the
same pipeline. Nothing here is shared between processes.
"""

from __future__ import annotations

from ..model import Document, IngestError, RawInput
from ..pipeline.run import process, shared


def warm() -> None:
    """Build the pipeline now (a pool initializer), so the first item is not the slow one."""
    shared()


def process_one(raw: RawInput) -> Document | IngestError:
    """`pipeline.run.process` with this process's pipeline, lightened for the trip to another process:
    the raw bytes and the sentence spans (the stages' working material, which no record or store
    row holds) are dropped, so pickling the result costs half as much."""
    result = process(raw, shared())
    if isinstance(result, Document):
        result.raw = ""
        result.sentences = []
    return result
