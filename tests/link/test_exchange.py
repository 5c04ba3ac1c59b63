"""A report with no time at all told in one sentence with the reply it answers (a rejection and the
threat it rejects) joins the incident placed in time that is told with the same reply between the
same two states, however few words the two sentences share."""

from __future__ import annotations

from typing import Any

from storyline.link import link_new
from storyline.link.merge import Report, attach_hosts, exchange, replies, report_from_record
from storyline.model import Actor, Document, Event, Span
from storyline.store.db import Store

PERU = {"name": "Ana Quispe", "country": "PER", "sector": "GOV", "id": None}
PERU_GOV = {"name": "government", "country": "PER", "sector": "GOV", "id": None}
CHILE = {"name": "Chilean president", "country": "CHL", "sector": "GOV", "id": None}
CHILE_ARMY = {"name": "Chilean army", "country": "CHL", "sector": "MIL", "id": None}
BOLIVIA = {"name": "Bolivian president", "country": "BOL", "sector": "GOV", "id": None}

# Two outlets tell one exchange in their own words: Peru's rejection, answering Chile's threat.
UNDATED = ("While President Quispe flatly refuses any such move, the Chilean leader's latest remarks, calling "
           "a raid over the border acceptable, have stirred a bitter quarrel")
DATED = ("Peruvian President Ana Quispe restated on Monday her government's opposition to any Chilean armed "
         "incursion, after the Chilean president said he would not exclude hitting smuggling gangs")


def record(n: int, evidence: str, type_: str, actor: dict[str, Any], recipient: dict[str, Any],
           date: str | None = None, doc: int | None = None, background: bool = False) -> dict[str, Any]:
    return {"id": f"e{n}", "document_id": f"d{doc or n}", "type": type_, "mode": None, "actor": actor,
            "recipient": recipient, "date": date, "date_precision": "day" if date else None, "location": None,
            "status": "asserted", "magnitude": {}, "intensity": -2.0, "evidence": evidence,
            "background": background, "rule": ""}


def as_report(rec: dict[str, Any], published: str | None = None) -> Report:
    return report_from_record(rec, published=published, seen=rec["id"], language="en")


REJECT_UNDATED = record(1, UNDATED, "REJECT", PERU, CHILE)
THREAT_UNDATED = record(2, UNDATED, "THREATEN", CHILE, PERU, doc=1)
REJECT_DATED = record(3, DATED, "REJECT", PERU_GOV, CHILE_ARMY, "2026-03-02")
THREAT_DATED = record(4, DATED, "THREATEN", CHILE, PERU, "2026-03-02", doc=3)
BY_DOC = {"d1": [REJECT_UNDATED, THREAT_UNDATED], "d3": [REJECT_DATED, THREAT_DATED]}


def replies_of(r: Report) -> frozenset[tuple[str, str, str]]:
    return replies(r, BY_DOC.get(r.document_id, []))


def test_a_reply_is_what_the_same_sentence_tells_the_other_way() -> None:
    assert replies_of(as_report(REJECT_UNDATED)) == {("THREATEN", "CHL", "PER")}
    assert replies_of(as_report(REJECT_DATED, "2026-03-03")) == {("THREATEN", "CHL", "PER")}
    other_sentence = record(5, "The Chilean president threatened a raid over the border", "THREATEN", CHILE, PERU,
                            doc=1)
    assert replies(as_report(REJECT_UNDATED), [REJECT_UNDATED, other_sentence]) == frozenset()
    recap = {**THREAT_UNDATED, "background": True}
    assert replies(as_report(REJECT_UNDATED), [REJECT_UNDATED, recap]) == frozenset()
    same_way = record(6, UNDATED, "THREATEN", PERU, CHILE, doc=1)  # not a reply: the same direction
    assert replies(as_report(REJECT_UNDATED), [REJECT_UNDATED, same_way]) == frozenset()


def test_an_exchange_needs_the_same_reply_between_the_same_states() -> None:
    assert exchange(frozenset({("THREATEN", "CHL", "PER")}), frozenset({("THREATEN", "CHL", "PER")}))
    assert not exchange(frozenset({("THREATEN", "CHL", "PER")}), frozenset({("ACCUSE", "CHL", "PER")}))
    assert not exchange(frozenset({("THREATEN", "CHL", "PER")}), frozenset({("THREATEN", "BOL", "PER")}))
    assert not exchange(frozenset(), frozenset())


def test_the_rejection_with_no_time_joins_the_dated_rejection_of_the_same_exchange() -> None:
    loose, host = as_report(REJECT_UNDATED), as_report(REJECT_DATED, "2026-03-03")
    assert attach_hosts([loose, host], [[0]], [[1]]) == [None]  # the words alone do not say it
    assert attach_hosts([loose, host], [[0]], [[1]], replies_of) == [0]


def test_the_threat_with_no_time_joins_the_dated_threat_of_the_same_exchange() -> None:
    loose, host = as_report(THREAT_UNDATED), as_report(THREAT_DATED, "2026-03-03")
    assert attach_hosts([loose, host], [[0]], [[1]], replies_of) == [0]


def test_a_rejection_told_with_another_states_threat_stays_apart() -> None:
    by_doc = {"d1": [REJECT_UNDATED, THREAT_UNDATED],
              "d7": [record(7, DATED, "REJECT", PERU_GOV, CHILE_ARMY, "2026-03-02"),
                     record(8, DATED, "ACCUSE", CHILE, PERU, "2026-03-02", doc=7)]}
    loose, host = as_report(REJECT_UNDATED), as_report(by_doc["d7"][0], "2026-03-03")
    assert attach_hosts([loose, host], [[0]], [[1]], lambda r: replies(r, by_doc.get(r.document_id, []))) == [None]


def test_two_dated_exchanges_fit_so_the_report_with_no_time_joins_neither() -> None:
    later = record(9, DATED, "REJECT", PERU_GOV, CHILE_ARMY, "2026-05-11")
    later_threat = record(10, DATED, "THREATEN", CHILE, PERU, "2026-05-11", doc=9)
    by_doc = {**BY_DOC, "d9": [later, later_threat]}
    reports = [as_report(REJECT_UNDATED), as_report(REJECT_DATED, "2026-03-03"), as_report(later, "2026-05-12")]
    assert attach_hosts(reports, [[0]], [[1], [2]], lambda r: replies(r, by_doc.get(r.document_id, []))) == [None]


def _page(source: str, sentence: str, date: str | None, published: str | None,
          events: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> Document:
    text = f"{sentence}. Filed as {source}."
    doc = Document(source=source, text=text, publisher=source.split(".")[0], published=published,
                   published_precision="day" if published else None, language="en")
    for type_, actor, recipient in events:
        doc.events.append(Event(
            type=type_, mode=None, actor=Actor(**{k: v for k, v in actor.items() if k != "id"}),
            recipient=Actor(**{k: v for k, v in recipient.items() if k != "id"}), status="asserted",
            evidence=Span(0, len(sentence), sentence), trigger=Span(0, 5, sentence[:5]), rule="test",
            date=date, date_precision="day" if date else None))
    return doc


def test_in_the_store_both_sides_of_the_exchange_join_and_explain_says_why(store: Store) -> None:
    from storyline.link.why import explain_merge

    store.add_document(_page("ledger.html", DATED, "2026-03-02", "2026-03-03",
                             [("REJECT", PERU_GOV, CHILE_ARMY), ("THREATEN", CHILE, PERU)]))
    store.add_document(_page("courier.html", UNDATED, None, None,
                             [("REJECT", PERU, CHILE), ("THREATEN", CHILE, PERU)]))
    store.flush()
    link_new(store)
    events = {(e["type"], e["date"] is None): e["id"] for e in store.records(["event"])}
    for type_ in ("REJECT", "THREATEN"):
        result = explain_merge(store, events[(type_, True)], events[(type_, False)])
        assert result["same_incident"], (type_, result["verdict"])
        assert next(c for c in result["criteria"] if c["criterion"] == "one exchange")["passes"]
