""""Both sides", "the two countries": the pair of states the document is about; and a finite verb the
parser coordinates with an infinitive is the main verb's conjunct. Invented sentences in the shapes of
wire copy."""

from __future__ import annotations

from english_coder import CODER, asserted

from storyline.model import Document

STORY = ("Ethiopia accused Eritrea on Tuesday of moving troops toward the border. Eritrea rejected the accusation "
         "and said Ethiopia was preparing for war. ")


def _pairs(text: str, type_: str) -> set[tuple[str | None, str | None]]:
    return {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in asserted(text) if e.type == type_}


def test_both_sides_are_the_two_states_of_the_document() -> None:
    got = _pairs(STORY + "The African Union urged both sides to show restraint.", "REQUEST")
    assert got == {(None, "ETH"), (None, "ERI")}


def test_the_two_governments_are_the_two_states_of_the_document() -> None:
    got = _pairs(STORY + "The United States called on the two governments to resume talks.", "REQUEST")
    assert got == {("USA", "ETH"), ("USA", "ERI")}


def test_no_pair_when_the_document_names_no_clear_two() -> None:
    text = ("Kenya, Uganda and Tanzania met in Arusha. The African Union urged both sides to show restraint.")
    assert {r for _, r in _pairs(text, "REQUEST")} <= {None}


def test_a_finite_verb_after_an_infinitive_is_coordinated_with_the_main_verb() -> None:
    text = "The African Union urged both sides to show restraint and offered to mediate."
    doc = CODER(Document(source="t", text=text, language="en"))
    toks = {t.text: (i, t) for i, t in enumerate(doc.tokens)}
    assert toks["offered"][1].dep == "conj" and toks["offered"][1].head == toks["urged"][0]
    assert "AGREE" in {e.type for e in doc.events if e.status == "asserted"}


def test_a_dateline_with_a_date_is_no_subject() -> None:
    text = ("NIAMEY, July 27 (Wire) - Members of the presidential guard detained President Mohamed Bazoum of Niger "
            "on Wednesday.")
    doc = CODER(Document(source="t", text=text, language="en"))
    assert not any(t.text == "NIAMEY" for t in doc.tokens)  # left out of the parse
    evs = [e for e in doc.events if e.type == "COERCE"]
    assert evs and all(e.actor is None or "NIAMEY" not in e.actor.name for e in evs)


def test_a_foreign_mission_gives_the_crowd_at_its_door_no_country() -> None:
    text = ("Hundreds of supporters of the junta rallied in the capital on Thursday, chanting slogans and setting "
            "fire to the door of the French embassy.")
    protests = [e for e in asserted(text) if e.type == "PROTEST"]
    assert protests and all(e.actor is not None and e.actor.country != "FRA" for e in protests)
