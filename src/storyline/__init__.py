"""storyline: news pages in, a sourced record of who did what to whom out.

The library comes first; the CLI, the API and the Spark job are thin adapters.
Importing this package imports nothing heavy: `build`, `ingest` and `Store`
are imported on first use, and `code` loads the pipeline on its first call.

    import storyline
    doc = storyline.code("The United States imposed sanctions on Venezuela on Friday.", published="2025-11-18")
    print([(e.type, e.actor.country, e.recipient.country) for e in doc.events])  # [('SANCTION', 'USA', 'VEN')]
    with storyline.Store.open("news.db") as store:
        print(storyline.ingest(["articles.jsonl"], store, storyline.settings.load()).as_dict())
"""

from __future__ import annotations

import functools
import json
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ingest import ingest
    from .model import Document
    from .pipeline import Pipeline, build
    from .store.db import Store

__version__ = "0.1.0"

__all__ = ["Store", "__version__", "build", "code", "ingest"]

_LAZY = {"build": ("pipeline", "build"), "ingest": ("ingest", "ingest"), "Store": ("store.db", "Store")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    if name == "settings":  # the settings module, for `ingest`'s third argument
        import importlib

        return importlib.import_module(f"{__name__}.settings")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """Keeps `storyline.ingest` the function: importing the submodule of that name would replace it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "ingest" and isinstance(value, types.ModuleType):
            return  # the module stays reachable as sys.modules["storyline.ingest"]
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


@functools.cache
def _pipeline(language_given: bool) -> Pipeline:
    from .pipeline import STAGES, build

    if language_given:
        return build([s.name for s in STAGES if s.name != "language"], given=("language",))
    return build()


def code(text: str, published: str | None = None, url: str | None = None,
         language: str | None = None) -> Document:
    """Run the whole per-document pipeline on one article's text and return the coded `Document`.

    The text is taken as the article itself, exactly as a JSONL record's `text` field is; `published`
    (ISO or any date the clean stage reads) anchors relative dates, `url` names the source and gives the
    publisher, and `language` (ISO 639-1) overrides language identification. Its events, quotes, claims,
    mentions and date issues are on the returned document. A text the pipeline cannot use raises an
    `InputError` naming the stage that refused it. The pipeline is built once, on the first call.
    """
    from .errors import InputError
    from .model import IngestError
    from .pipeline.run import to_document
    from .sources.containers import read_jsonl

    if not isinstance(text, str):
        raise TypeError(f"code() takes the article's text as a str, not {type(text).__name__}")
    source = url or "<text>"
    record = {"text": text, "published": published, "url": url}
    line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    (raw,) = read_jsonl([line], source, max_bytes=len(line) + 1)
    if isinstance(raw, IngestError):
        raise InputError(source, raw.error, stage=raw.stage)
    raw.source = source
    doc = to_document(raw)
    if language:
        doc.language = language
    return _pipeline(bool(language))(doc)
