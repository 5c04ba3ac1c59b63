"""English text on a Spanish page: found paragraph by paragraph and coded by the English coder."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build
from storyline.pipeline.language import other_language_sentences, written_in

STAGES = ["language", "segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]
RUN = build(STAGES, given=["text"])

SPANISH_1 = ("La presidenta Claudia Sheinbaum rechazó este martes cualquier operación armada de Estados Unidos "
             "en suelo mexicano y afirmó que la cooperación en seguridad tiene límites claros.")
ENGLISH = ("In a statement released on Monday, the Pentagon said that the United States military struck a vessel "
           "operated by a cartel in the eastern Pacific and that all of the people on board were killed.")
SPANISH_2 = ("La cancillería mexicana dijo que mandará una nota diplomática a Washington para pedir "
             "explicaciones sobre el ataque, según un comunicado oficial difundido por la noche.")


def run(text: str) -> Document:
    return RUN(Document(source="mixta", text=text, published="2026-01-06"))


def test_an_english_paragraph_is_told_from_spanish_ones() -> None:
    assert written_in(ENGLISH, "es", "en")
    assert not written_in(SPANISH_1, "es", "en") and not written_in(SPANISH_2, "es", "en")
    assert not written_in("Donald Trump, Truth Social, Washington Post, The New York Times.", "es", "en")


def test_english_paragraph_on_a_spanish_page_is_coded_as_english() -> None:
    doc = run(f"{SPANISH_1}\n\n{ENGLISH}\n\n{SPANISH_2}")
    assert doc.language == "es"
    english = [k for k, lang in doc.sentence_language.items() if lang == "en"]
    assert [doc.sentences[k].text for k in english] == [ENGLISH]
    struck = [e for e in doc.events if e.evidence.text == ENGLISH]
    assert struck and struck[0].type == "ASSAULT" and not struck[0].rule.startswith("es/")
    assert struck[0].actor is not None and struck[0].actor.country == "USA"
    rejected = [e for e in doc.events if e.evidence.text == SPANISH_1]
    assert rejected and all(e.rule.startswith("es/") for e in rejected)
    starts = [e.evidence.start for e in doc.events]
    assert starts == sorted(starts)


def test_an_english_statement_quoted_inside_a_spanish_paragraph_is_english() -> None:
    quoted = ("“We will hit the cartels very hard and we will do it on land if they keep sending drugs”, "
              "escribió Trump.")
    doc = run(f"{SPANISH_1} {quoted} {SPANISH_2}")
    k = next(i for i, s in enumerate(doc.sentences) if s.text.startswith("“We will"))
    assert other_language_sentences(doc) == {k: "en"}


def test_a_spanish_page_without_english_is_left_to_the_spanish_coder() -> None:
    doc = run(f"{SPANISH_1}\n\n{SPANISH_2}")
    assert doc.sentence_language == {}
    assert doc.events and all(e.rule.startswith("es/") for e in doc.events)
