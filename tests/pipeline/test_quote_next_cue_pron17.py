"""A cue in the sentence after a quotation that introduces the next quotation ('To which she said, "..."')
speaks that one, not the one before; and a colon after a clause with "I" or "we" as its own subject does
not hand the quotation to the sentence's subject."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

PIPELINE = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def speakers(text: str) -> dict[str, str | None]:
    doc = PIPELINE(Document(source="test", text=text, language="en"))
    return {q.text[:20]: (q.speaker.name if q.speaker else None) for q in doc.quotes}


def test_a_cue_opening_the_next_quotation_is_not_the_one_before() -> None:
    text = ("Marta Ilves, the head of the co-op, met the buyers on Tuesday. One of them asked for a discount. "
            "“We cannot go lower than this.” To which Ilves said, “Then there is no deal.”")
    got = speakers(text)
    assert got["Then there is no dea"] == "Marta Ilves", got
    assert got["We cannot go lower t"] != "Marta Ilves", got


def test_a_colon_after_a_first_person_clause_is_not_the_subject_s() -> None:
    text = "When the storm came, Dana Roe was so upset that we changed the plan: “Nobody goes home tonight.”"
    assert speakers(text)["Nobody goes home ton"] is None


def test_a_colon_after_the_subject_s_own_clause_is_still_hers() -> None:
    text = "Dana Roe gave her answer at once: “The files were never here.”"
    assert speakers(text)["The files were never"] == "Dana Roe"
