"""A surname after a gendered honorific is not read back to a person of the other gender. Invented text."""

from __future__ import annotations

from english_coder import CODER

from storyline.model import Document


def _refs(text: str) -> list[tuple[str, str]]:
    doc = CODER(Document(source="t", text=text, published="2025-11-18", published_precision="day", language="en"))
    return [(m.span.text, str(m.value.get("name"))) for m in doc.mentions if m.rule == "coref:surname"]


def test_mrs_and_a_surname_is_not_the_man_of_that_name() -> None:
    refs = _refs("Senator Tom Alvarez spoke in Ohio on Monday. Mrs. Alvarez criticized the bank, "
                 "and Mr. Alvarez promised new roads for the county.")
    assert refs == [("Alvarez", "Tom Alvarez")]
    assert _refs("Senator Karen Holt spoke in Ohio. Ms. Holt criticized the bank; Mr. Holt stayed away.") == \
        [("Holt", "Karen Holt")]
