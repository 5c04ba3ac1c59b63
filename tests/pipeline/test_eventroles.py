"""Recipients the tree coder reads off argument places beyond the plain object, on invented wire
sentences: the receiver before the thing given, an object shifted behind an "as" phrase, the target
of the act a trigger governs, the subject of a demand's that-clause, and whom a protest's demand is
made of. Each row: the sentence, the event type, the recipient country wanted and the rule that must
have found it."""

from __future__ import annotations

import pytest

from storyline.model import Document, Event
from storyline.pipeline import build

CODER = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def asserted(text: str, type_: str) -> list[Event]:
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    return [e for e in doc.events if e.status == "asserted" and e.type == type_]


@pytest.mark.parametrize(("text", "type_", "country", "rule"), [
    # the receiver, not the thing given ("military intelligence" is also an actor word)
    ("Germany is providing satellite images and other military intelligence to Moldova, officials said.",
     "AID", "MDA", "recipient=recipient:to"),
    ("Japan gave Vietnam emergency aid on Monday.", "AID", "VNM", "recipient=recipient:receiver"),
    # "denounced as X the Y": the parser hangs the shifted object on the as-phrase
    ("Poland on Friday denounced as a shameful act Belarus's expulsion of Polish diplomats from Minsk.",
     "ACCUSE", "BLR", "recipient=recipient:object"),
    # the act a threat or an offer governs names its target
    ("Turkey threatened to bomb Syrian villages on Monday.", "THREATEN", "SYR", "recipient=recipient:governed-act"),
    ("Ghana said it is ready to withdraw its peacekeepers from Mali.", "AGREE", "MLI",
     "recipient=recipient:governed-act"),
    # the subject of the that-clause of a demand noun, hung on its light verb
    ("The World Health Organization renewed its demand on Tuesday that Ethiopia lift restrictions on aid convoys.",
     "REQUEST", "ETH", "recipient=recipient:that-clause"),
    # whom a protest's purpose clause makes its demand of
    ("Thousands of teachers throughout Peru staged demonstrations on Monday to demand the resignation of "
     "Peruvian Prime Minister Luis Carranza.", "PROTEST", "PER", "recipient=recipient:purpose"),
    ("Bolivian miners began a hunger strike outside Congress to demand the return of land seized by Bolivian "
     "army units.", "PROTEST", "BOL", "recipient=recipient:purpose"),
    ("Chilean dockworkers rioted after a rally calling for the removal of President Jorge Alvear from office.",
     "PROTEST", "CHL", "recipient=recipient:purpose"),
    # a place of a country named with a compass word is that country
    ("Armenia today launched its long-feared invasion of Northern Azerbaijan, officials said.", "ASSAULT", "AZE",
     "recipient=recipient:of"),
    # whose act the object is: "a ban by X"
    ("A radio station in Tripoli has defied a ban by General Khalifa Haftar on broadcasting the speeches.",
     "REJECT", "LBY", "recipient=recipient:object"),
    # a complaint is about someone, made to someone else
    ("Chad complained to the African Union on Monday over two Sudanese air raids on border villages.",
     "ACCUSE", "SDN", "recipient=recipient:over"),
    ("Kosovo officials demanded help from the Serbian Assembly in recovering the seized land.", "REQUEST", "SRB",
     "recipient=recipient:object"),
    # an office holder named by one word after the title, asked by a party of the same country
    ("Opposition parties in Kenya are demanding that President Kibwana step down before the vote.", "REQUEST",
     "KEN", "recipient=recipient:clause-subject+mention+office-sentence-country"),
    # a protest closing the sentence accuses the subject of the claim before it
    ("Serbian forces have shelled three villages in Kosovo, a rights group protested here Wednesday.", "ACCUSE",
     "SRB", "recipient=recipient:claim-subject"),
])
def test_recipient_place(text: str, type_: str, country: str, rule: str) -> None:
    got = asserted(text, type_)
    assert got, f"no asserted {type_}"
    e = got[0]
    assert e.recipient is not None and e.recipient.country == country, e.rule
    assert rule in e.rule


@pytest.mark.parametrize(("text", "type_"), [
    # one's own forces, sent or contributed, are never the target
    ("Egypt is ready to contribute 2,000 troops to a peace force in Somalia.", "AGREE"),
    ("Ukraine agreed to send 2,000 reserve soldiers to its western border after a request from Poland.",
     "AGREE"),
])
def test_ones_own_forces_are_no_recipient(text: str, type_: str) -> None:
    got = asserted(text, type_)
    assert got, f"no asserted {type_}"
    assert all(e.recipient is None or e.recipient.sector not in ("MIL", "COP") for e in got), [e.rule for e in got]


@pytest.mark.parametrize("text", [
    "Students marched in Lima on Monday to demand free tuition.",
    "Thousands of nurses staged demonstrations on Monday to demand better pay for striking workers.",
])
def test_a_demand_for_a_thing_names_no_one(text: str) -> None:
    got = asserted(text, "PROTEST")
    assert got
    assert all("recipient:purpose" not in e.rule for e in got), [e.rule for e in got]
