"""A known person's surname after another given name names someone else ("Nadia Cruz" is not Ted Cruz);
the person's own given name, a title, or the surname alone still name them. Invented sentences."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

ACTORS = build(["segment", "parse", "actors"], given=("text", "language"))


def _people(text: str) -> dict[str, str]:
    doc = ACTORS(Document(source="t", text=text, language="en"))
    return {m.span.text: str(m.value.get("name")) for m in doc.mentions if m.kind == "actor"}


def test_a_surname_after_another_given_name_is_not_the_known_person() -> None:
    got = _people("Public Ombudsman Nadia Cruz's office said the deaths were caused by gunshot wounds.")
    assert "Ted Cruz" not in got.values()
    assert "Marco Rubio" not in _people("The lawyer Angela Rubio filed the appeal on Monday.").values()


def test_the_persons_own_given_name_a_title_or_the_surname_alone_still_name_them() -> None:
    assert _people("Senator Ted Cruz spoke on Monday. Cruz added that he would vote no.")["Cruz"] == "Ted Cruz"
    assert "Ted Cruz" in _people("Sen. Cruz spoke on Monday.").values()
    assert _people("Nicolas Maduro said no on Monday.")["Nicolas Maduro"] == "Nicolás Maduro"
