"""The library's public face: the names `import storyline` gives, and `storyline.code` on real sentences."""

from __future__ import annotations

import pytest

import storyline
from storyline.errors import InputError

# That `import storyline` and `storyline --help` import nothing heavy is tests/test_cli.py's
# test_help_imports_nothing_heavy.


def test_the_exported_names() -> None:
    assert sorted(storyline.__all__) == ["Store", "__version__", "build", "code", "ingest"]
    from storyline.ingest import ingest
    from storyline.pipeline import build
    from storyline.store.db import Store

    assert storyline.build is build and storyline.ingest is ingest and storyline.Store is Store
    assert callable(storyline.Store.open)
    with pytest.raises(AttributeError, match="no attribute 'Pipeline'"):
        storyline.Pipeline  # noqa: B018


def test_code_a_one_sentence_article() -> None:
    doc = storyline.code("The United States imposed sanctions on Venezuela on Friday.", published="2025-11-18")
    coded = [(e.type, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in doc.events]
    assert ("SANCTION", "USA", "VEN") in coded
    assert doc.published == "2025-11-18"


def test_code_dates_its_events_from_the_publication_date_and_names_the_url() -> None:
    text = ("Colombia and Venezuela agreed on Tuesday to reopen the main border crossing between Cúcuta and "
            "San Antonio del Táchira, ending a closure that had lasted nearly three weeks, officials said.")
    doc = storyline.code(text, published="2025-11-20", url="https://example.org/news/border")
    assert doc.source == "https://example.org/news/border" and doc.publisher == "example.org"
    assert doc.language == "en"
    agreed = [e for e in doc.events if e.date == "2025-11-18"]
    assert agreed, [(e.type, e.date) for e in doc.events]


def test_code_takes_the_language_it_is_given() -> None:
    text = ("Colombia and Venezuela agreed on Tuesday to reopen the main border crossing between Cúcuta and "
            "San Antonio del Táchira, ending a closure that had lasted nearly three weeks, officials said.")
    assert storyline.code(text, language="es").language == "es"


def test_code_refuses_what_is_no_article_naming_the_stage() -> None:
    with pytest.raises(InputError) as caught:
        storyline.code("   ")
    assert caught.value.source == "<text>" and caught.value.stage == "parse"
