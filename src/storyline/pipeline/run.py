"""One raw input through the pipeline: `to_document` makes its Document, `process` runs the stages.

`process` is what every path calls on one input (the ingest loop, the process pool's workers, the
Spark tasks, `ingest.ingest_one`); it never raises for a bad input: an input the pipeline cannot
use comes back as an `IngestError` naming the stage. It does not touch the store.
"""

from __future__ import annotations

from functools import cache

from ..errors import InputError
from ..model import Document, IngestError, RawInput
from ..pagetime import published_at
from . import Pipeline


def to_document(raw: RawInput) -> Document:
    return Document(
        source=raw.source,
        raw=raw.content,
        raw_format=raw.format,
        raw_hash=raw.raw_hash,
        source_key=raw.key,
        url=raw.url,
        published_at=published_at(raw),  # the clean stage keeps the day; copies are ordered by the minute
        hints={"title": raw.title, "published": raw.published, "article": raw.article},
    )


def process(raw: RawInput, pipeline: Pipeline) -> Document | IngestError:
    """Run the pipeline on one raw input; an unusable input comes back as an IngestError."""
    try:
        return pipeline(to_document(raw))
    except InputError as exc:
        return IngestError(exc.source, exc.stage, exc.message)
    except Exception as exc:  # one input must never stop the run
        return IngestError(raw.source, "pipeline", f"unexpected {type(exc).__name__}: {exc}")


@cache
def shared() -> Pipeline:
    """The full pipeline, built once per process (a pool worker, a Spark worker, the API, `ingest_one`)."""
    from . import build

    return build()
