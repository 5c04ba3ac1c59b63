"""Stories across documents: merge decisions, threads, conflicts, corroboration, idempotent and incremental linking."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from storyline.link import (
    escalation,
    escalation_text,
    link_new,
    relink_all,
    stories,
    story_records,
    timeline,
    timeline_text,
)
from storyline.link.merge import clusters, period_of, report_from_record
from storyline.model import Actor, Document, Event, Span
from storyline.store import linkschema, schema

USA_GOV = {"name": "Donald Trump", "country": "USA", "sector": "GOV", "id": "trump"}
USA_MIL = {"name": "U.S. forces", "country": "USA", "sector": "MIL", "id": None}
MEX_GOV = {"name": "Mexico", "country": "MEX", "sector": "GOV", "id": None}
MEX = {"name": "Mexico", "country": "MEX", "sector": None, "id": None}
VEN = {"name": "Venezuela", "country": "VEN", "sector": None, "id": None}
CARTELS = {"name": "cartels", "country": None, "sector": "CRM", "id": None}
BOATS = {"name": "boat", "country": None, "sector": "CRM", "id": None}

@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    """Linking runs on SQLite and on PostgreSQL."""
    return any_backend_db_url



def record(n: int, evidence: str, type_: str = "ASSAULT", actor: dict | None = None, recipient: dict | None = None,
           date: str | None = None, precision: str | None = None, killed: int | None = None,
           count: int | None = None, place: str | None = None) -> dict[str, Any]:
    return {"id": f"e{n}", "document_id": f"d{n}", "type": type_, "actor": actor or USA_MIL,
            "recipient": recipient or BOATS, "date": date, "date_precision": precision,
            "location": {"name": place, "country": place and place[:3].upper()} if place else None,
            "status": "asserted", "magnitude": {"killed": killed, "injured": None, "count": count},
            "intensity": -9.0, "evidence": evidence}


# (why, report a, report b, one event?)
PAIRS = [
    ("one strike, two outlets, same day and toll",
     record(1, "U.S. forces struck a suspected drug boat in the southern Caribbean on Tuesday, killing 11 people",
            date="2025-09-02", precision="day", killed=11),
     record(2, "The US military killed 11 people when it struck a suspected drug-running boat in the Caribbean",
            date="2025-09-02", precision="day", killed=11), True),
    ("same strike, a day apart across time zones, tolls disagree",
     record(1, "A U.S. strike on a vessel off Venezuela's coast killed 80 people aboard, officials said",
            date="2025-10-14", precision="day", killed=80),
     record(2, "Officials said 83 people aboard a vessel off Venezuela's coast were killed in the U.S. strike",
            date="2025-10-15", precision="day", killed=83), True),
    ("two strikes described alike, two weeks apart",
     record(1, "U.S. forces struck a suspected drug boat in the Caribbean, killing three people",
            date="2025-09-02", precision="day", killed=3),
     record(2, "U.S. forces struck a suspected drug boat in the Caribbean, killing three people",
            date="2025-09-16", precision="day", killed=3), False),
    ("same words, different recipient country",
     record(1, "Washington imposed new sanctions on officials accused of protecting drug traffickers",
            type_="SANCTION", actor=USA_GOV, recipient=MEX, date="2025-05", precision="month"),
     record(2, "Washington imposed new sanctions on officials accused of protecting drug traffickers",
            type_="SANCTION", actor=USA_GOV, recipient=VEN, date="2025-05", precision="month"), False),
    ("a designation told as six by one outlet, five by another, dated to the year and to the month",
     record(1, "The administration designated six drug cartels as foreign terrorist organisations",
            type_="SANCTION", actor=USA_GOV, recipient=CARTELS, date="2025", precision="year", count=6),
     record(2, "In January the president signed an order designating five cartels as foreign terrorist organizations",
            type_="SANCTION", actor=USA_GOV, recipient=CARTELS, date="2025-01", precision="month", count=5), True),
    ("a threat of tariffs and a threat of strikes on the same day",
     record(1, "Trump threatened a 25% tariff on all Mexican imports unless fentanyl flows stopped",
            type_="THREATEN", actor=USA_GOV, recipient=MEX_GOV, date="2025-03-03", precision="day"),
     record(2, "Trump said he was ready to order drone strikes on cartel laboratories inside Mexico",
            type_="THREATEN", actor=USA_GOV, recipient=MEX_GOV, date="2025-03-03", precision="day"), False),
    ("a call told from each side (symmetric type)",
     record(1, "Trump held a phone call with Sheinbaum on border security and trade",
            type_="CONSULT", actor=USA_GOV, recipient=MEX_GOV, date="2025-02-03", precision="day"),
     record(2, "Sheinbaum said she held a phone call with Trump on trade and border security",
            type_="CONSULT", actor=MEX_GOV, recipient={**USA_GOV, "id": None}, date="2025-02-03", precision="day"),
     True),
    ("an undated retelling of a dated strike",
     record(1, "U.S. forces struck a boat laden with drugs off the Pacific coast, killing 14 people",
            date="2025-10-28", precision="day", killed=14),
     {**record(2, "the strike that killed 14 people on a boat laden with drugs off the Pacific coast",
               killed=14), "published": "2025-11-02"}, True),
    ("an undated retelling in an article that gives no date of its own",
     record(1, "U.S. forces struck a boat laden with drugs off the Pacific coast, killing 14 people",
            date="2025-10-28", precision="day", killed=14),
     record(2, "the strike that killed 14 people on a boat laden with drugs off the Pacific coast",
            killed=14), False),
    ("an undated retelling published long after the strike",
     record(1, "U.S. forces struck a boat laden with drugs off the Pacific coast, killing 14 people",
            date="2025-10-28", precision="day", killed=14),
     {**record(2, "the strike that killed 14 people on a boat laden with drugs off the Pacific coast",
               killed=14), "published": "2026-02-10"}, False),
    ("a report in Spanish and one in English of one capture, the same day, no word in common",
     record(1, "US forces captured the president in a night raid on the capital", type_="ASSAULT",
            recipient=VEN, date="2026-01-03", precision="day"),
     record(2, "el presidente fue capturado tras los bombardeos en la capital", type_="ASSAULT",
            recipient=VEN, date="2026-01-03", precision="day"), True),
    ("the same words about strikes in two countries' waters",
     record(1, "U.S. forces struck a suspected drug boat, killing four people, the Pentagon said",
            date="2025-11-04", precision="day", killed=4, place="Colombia"),
     record(2, "U.S. forces struck a suspected drug boat, killing four people, the Pentagon said",
            date="2025-11-04", precision="day", killed=4, place="Mexico"), False),
]


@pytest.mark.parametrize(("why", "a", "b", "merged"), PAIRS, ids=[p[0] for p in PAIRS])
def test_merge_decisions(why: str, a: dict[str, Any], b: dict[str, Any], merged: bool) -> None:
    got = clusters([report_from_record(a, "1", published=a.get("published")),
                    report_from_record(b, "2", published=b.get("published"))])
    assert (len(got) == 1) is merged, why


def test_an_undated_report_never_bridges_two_dated_events() -> None:
    early = record(1, "U.S. forces struck a boat carrying drugs in the Caribbean, killing six people",
                   date="2025-09-02", precision="day", killed=6)
    late = record(2, "U.S. forces struck a boat carrying drugs in the Caribbean, killing six people",
                  date="2025-09-20", precision="day", killed=6)
    vague = record(3, "U.S. forces struck a boat carrying drugs in the Caribbean, killing six people", killed=6)
    # published after both strikes: the undated report could be either
    reports = [report_from_record(r, str(i), published="2025-09-25") for i, r in enumerate((early, late, vague))]
    for order in (reports, reports[::-1]):
        got = sorted(sorted(r.event_id for r in (order[i] for i in c)) for c in clusters(order))
        assert got == [["e1", "e3"], ["e2"]]


# --- the store side -----------------------------------------------------------------------------------

def _doc(source: str, publisher: str | None, published: str, events: list[dict[str, Any]]) -> Document:
    """A document whose text is its event sentences, and the events coded on them."""
    text = " ".join(e["evidence"] for e in events) + f" Filed from {source}."
    doc = Document(source=source, text=text, publisher=publisher, published=published, published_precision="day",
                   language="en")
    for e in events:
        start = text.index(e["evidence"])
        end = start + len(e["evidence"])
        doc.events.append(Event(
            type=e["type"], mode=None, actor=Actor(**e.get("actor", USA_GOV)),
            recipient=Actor(**e.get("recipient", MEX_GOV)), status=e.get("status", "asserted"),
            evidence=Span(start, end, e["evidence"]), trigger=Span(start, start + 4, e["evidence"][:4]), rule="test",
            date=e.get("date"), date_precision=e.get("precision"),
            magnitude={"killed": e.get("killed"), "injured": None, "count": e.get("count")},
            intensity=e.get("intensity", -6.0)))
    return doc


THREAT_JULY = {"type": "THREATEN", "date": "2024-07", "precision": "month",
               "evidence": "In July he threatened U.S. strikes if the Mexican government failed to act against the gangs"}
THREAT_NOV = {"type": "THREATEN", "date": "2025-11-17", "precision": "day",
              "evidence": "Trump said on Monday he would be fine with launching strikes in Mexico to stop drugs"}
THREAT_UNDATED = {"type": "THREATEN",
                  "evidence": "Trump has openly threatened land strikes inside Mexico against the cartels"}
REJECT = {"type": "REJECT", "actor": MEX_GOV, "recipient": {**USA_GOV, "id": None}, "intensity": -4.0,
          "evidence": "Sheinbaum refused any U.S. armed intervention in Mexican territory"}
REJECT_OTHER_WORDS = {"type": "REJECT", "actor": MEX_GOV, "recipient": {**USA_GOV, "id": None}, "intensity": -4.0,
                      "evidence": "Mexico's president has said she opposes any such attacks on her country"}
SIX = {"type": "SANCTION", "recipient": CARTELS, "date": "2025-01", "precision": "month", "count": 6,
       "intensity": -7.0,
       "evidence": "In January the administration designated six drug cartels as foreign terrorist organisations"}
FIVE = {"type": "SANCTION", "recipient": {**CARTELS, "country": "MEX"}, "date": "2025-01", "precision": "month",
        "count": 5, "intensity": -7.0,
        "evidence": "In January he signed an order designating five Mexican cartels as foreign terrorist organizations"}
PLANNED = {"type": "ASSAULT", "status": "planned", "date": "2025-11-03", "precision": "day",
           "evidence": "The White House was preparing for the early stages of a ground operation in Mexico"}


def _snapshot(store: Any) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return {
            "stories": sorted(json.dumps(d, sort_keys=True)
                              for (d,) in conn.execute(select(linkschema.stories.c.data))),
            "events": sorted(map(tuple, conn.execute(select(linkschema.link_events)).all())),
            # when an incident appeared differs between a rebuild and the incremental run; nothing else may
            "clusters": sorted(json.dumps({k: v for k, v in r._asdict().items() if k not in ("created_at", "updated_at")},
                                          sort_keys=True)
                               for r in conn.execute(select(linkschema.link_clusters)).all()),
            "documents": sorted(map(tuple, conn.execute(select(linkschema.link_documents)).all())),
            "dups": sorted(map(tuple, conn.execute(select(schema.documents.c.id, schema.documents.c.duplicate_of)))),
        }


def _three_outlets(store: Any) -> dict[str, str]:
    ids = {}
    for source, publisher, published, events in (
        ("news.html", "Daily Courier", "2025-11-18", [THREAT_NOV, REJECT_OTHER_WORDS, SIX, PLANNED]),
        ("explainer.html", None, "2025-12-01", [THREAT_UNDATED, REJECT]),
        ("policy.html", "Policy Review", "2025-02-16", [THREAT_JULY, FIVE]),
    ):
        ids[source] = store.add_document(_doc(source, publisher, published, events))[1]
    return ids


def _story(store: Any, type_: str) -> dict[str, Any]:
    (found,) = [s for s in story_records(store) if s["type"] == type_]
    return found


def test_a_thread_spans_outlets_and_months(store: Any) -> None:
    ids = _three_outlets(store)
    link_new(store)
    threat = _story(store, "THREATEN")
    assert (threat["actor"]["country"], threat["recipient"]["country"]) == ("USA", "MEX")
    assert set(threat["document_ids"]) == set(ids.values())
    assert (threat["date_first"], threat["date_last"]) == ("2024-07", "2025-11-17")
    assert threat["corroboration"] == 3
    assert len(threat["clusters"]) >= 2  # July and November are two real-world threats in one thread
    reject = _story(store, "REJECT")
    assert set(reject["document_ids"]) == {ids["news.html"], ids["explainer.html"]}


def test_figures_that_disagree_are_listed_with_their_documents(store: Any) -> None:
    ids = _three_outlets(store)
    link_new(store)
    sanction = _story(store, "SANCTION")
    (conflict,) = sanction["conflicts"]
    assert conflict["field"] == "count"
    assert sorted((v["value"], v["document_id"]) for v in conflict["values"]) == sorted(
        [(6, ids["news.html"]), (5, ids["policy.html"])])
    assert sanction["date_first"] == sanction["date_last"] == "2025-01"


def test_reports_are_clustered_within_a_month(store: Any) -> None:
    """Blocks are months: a report dated only "this year" meets the reports of the month its
    document appeared in, not those of the month the act took place (the documented cost of
    bounded linking); both stay in the story of their dyad."""
    vague = {**SIX, "date": "2025", "precision": "year", "recipient": {**CARTELS, "country": "MEX"},
             "evidence": "The administration designated six drug cartels as foreign terrorist organisations this year"}
    store.add_document(_doc("news.html", "Daily Courier", "2025-11-18", [vague]))
    store.add_document(_doc("policy.html", "Policy Review", "2025-02-16", [FIVE]))
    store.add_document(_doc("recap.html", "Weekly Recap", "2025-01-30", [{**vague, "evidence": vague["evidence"]
                                                                          + ", officials said"}]))
    link_new(store)
    sanction = _story(store, "SANCTION")
    assert len(sanction["document_ids"]) == 3
    by_cluster = sorted(sorted(c["document_ids"]) for c in sanction["clusters"])
    assert len(by_cluster) == 2  # January's two reports are one event; November's retelling stands apart
    assert [len(c) for c in by_cluster] in ([1, 2], [2, 1])


def test_an_unknown_recipient_joins_its_units_only_thread_from_another_month(store: Any) -> None:
    """REJECT_OTHER_WORDS names no recipient and appears in November; the unit's only thread (Mexico
    rejecting the US) is in March. Linked before and after that thread exists, it ends in the thread
    each time, and incremental linking equals a rebuild."""
    loose = {**REJECT_OTHER_WORDS, "recipient": {"name": None, "country": None, "sector": None, "id": None}}
    _, first = store.add_document(_doc("news.html", "Daily Courier", "2025-11-18", [loose]))
    link_new(store)
    (alone,) = [s for s in story_records(store) if s["type"] == "REJECT"]
    assert alone["recipient"] is None
    _, second = store.add_document(_doc("wire.html", "Wire", "2025-03-02", [REJECT]))
    link_new(store)
    reject = _story(store, "REJECT")
    assert set(reject["document_ids"]) == {first, second}
    assert reject["recipient"]["country"] == "USA"
    assert len(reject["clusters"]) == 2
    incremental = _snapshot(store)
    relink_all(store)
    assert _snapshot(store) == incremental


def test_only_asserted_events_form_stories(store: Any) -> None:
    _three_outlets(store)
    link_new(store)
    assert not [s for s in story_records(store) if s["type"] == "ASSAULT"]


def test_same_publisher_counts_once(store: Any) -> None:
    store.add_document(_doc("a.html", "Daily Courier", "2025-11-18", [THREAT_NOV]))
    store.add_document(_doc("b.html", "daily courier ", "2025-11-19",
                            [{**THREAT_NOV, "evidence": THREAT_NOV["evidence"] + " again"}]))
    link_new(store)
    story = _story(store, "THREATEN")
    assert len(story["document_ids"]) == 2
    assert story["corroboration"] == 1


def test_linking_twice_changes_nothing(store: Any) -> None:
    _three_outlets(store)
    first = link_new(store)
    before = _snapshot(store)
    second = link_new(store)
    assert (first.events, second.events, second.documents, second.blocks) == (7, 0, 0, 0)
    assert _snapshot(store) == before
    relink_all(store)
    assert _snapshot(store) == before


def test_a_new_document_updates_stories_and_matches_a_rebuild(store: Any) -> None:
    store.add_document(_doc("news.html", "Daily Courier", "2025-11-18", [THREAT_NOV, SIX]))
    link_new(store)
    story_id = _story(store, "THREATEN")["id"]
    _, new_id = store.add_document(_doc("policy.html", "Policy Review", "2025-02-16", [THREAT_JULY, FIVE]))
    summary = link_new(store)
    assert (summary.documents, summary.events) == (1, 2)  # only the new document and its events
    threat = _story(store, "THREATEN")
    # A story's id follows from its first incident: the July threat now opens the thread.
    assert threat["id"] != story_id
    first = [c for c in threat["clusters"] if c["date"] == "2024-07"]
    assert threat["id"] == stories.story_id(first[0]["id"])
    assert new_id in threat["document_ids"]
    assert _story(store, "SANCTION")["conflicts"]
    incremental = _snapshot(store)
    relink_all(store)
    assert _snapshot(store) == incremental


def test_timeline_and_escalation(store: Any) -> None:
    _three_outlets(store)
    # A wire copy of the November report adds a document but not an event to the series.
    store.add_document(_doc("copy.html", "Evening Mirror", "2025-11-18", [THREAT_NOV, REJECT_OTHER_WORDS, SIX]))
    assert link_new(store).near_duplicates == 1
    stories = timeline(store, actor="USA", recipient="MEX")
    assert [s["type"] for s in stories] == ["THREATEN", "SANCTION"]
    assert [s["corroboration"] for s in stories] == [3, 2]
    assert [s["type"] for s in timeline(store, actor="USA", type="sanction")] == ["SANCTION"]
    assert timeline(store, actor="USA", since="2025-12") == []
    assert [s["type"] for s in timeline(store, recipient="USA")] == ["REJECT"]
    by_month = escalation(store, ("USA", "MEX"), by="month")
    assert [(p, v) for p, v, _ in by_month] == [("2024-07", -6.0), ("2025-01", -7.0), ("2025-11", -6.0)]
    by_week = escalation(store, ("USA", "MEX"), by="week")
    assert [(p, v) for p, v, _ in by_week] == [("2025-W47", -6.0)]
    text = timeline_text(store, actor="USA", recipient="MEX")
    assert "THREATEN" in text and "2024-07" in text
    assert "2025-W47" in escalation_text(store, "USA-MEX", by="week")


@pytest.mark.parametrize(("text", "expected"), [("USA-MEX", ("USA", "MEX")), ("usa-mex", ("USA", "MEX")),
                                               ("USA:VEN", ("USA", "VEN")), ("USAMEX", None), ("US-MX", None)])
def test_dyad_option(text: str, expected: tuple[str, str] | None) -> None:
    from storyline.errors import UsageError
    from storyline.link import parse_dyad

    if expected is None:
        with pytest.raises(UsageError):
            parse_dyad(text)
    else:
        assert parse_dyad(text) == expected


def test_a_placeholder_publication_day_of_year_one_blocks_in_its_own_month() -> None:
    # Some sites print 0001-01-01 when they have no date; three days before it is no date at all.
    assert period_of(None, None, "0001-01-01") == "0001-01"
    assert period_of(None, None, "2026-02-02") == "2026-01"


# --- an act whose actor's country is unknown --------------------------------------------------------

NO_ACTOR = {"name": None, "country": None, "sector": None, "id": None}
MEX_GANG = {"name": "the gang", "country": "MEX", "sector": "CRM", "id": None}
RAID = {"type": "ASSAULT", "actor": {**MEX_GOV, "sector": "MIL"}, "recipient": MEX_GANG, "date": "2026-03-02",
        "precision": "day", "evidence": "Mexican marines killed six gang members in a raid on a ranch in Sinaloa"}
RAID_NO_ACTOR = {"type": "ASSAULT", "actor": NO_ACTOR, "recipient": MEX_GANG, "date": "2026-03-03",
                 "precision": "day", "evidence": "A gang leader was shot dead in the raid near Culiacan, officials said"}


def test_an_act_with_no_actor_country_joins_the_only_thread_of_its_type_it_fits() -> None:
    from storyline.link.merge import place_actorless

    raids = ("ASSAULT:MEX", "=MEX|military_strikes", "2026-03", {"CRM"})
    assert place_actorless("2026-03", None, "MEX", {"CRM"}, "military_strikes", [raids]) == raids[:2]
    assert place_actorless("2026-03", "MIL", None, {"CRM"}, "military_strikes", [raids]) == raids[:2]
    assert place_actorless("2026-04", None, "MEX", {"CRM"}, "military_strikes", [raids]) is None  # another month
    assert place_actorless("2026-03", None, "USA", {"CRM"}, "military_strikes", [raids]) is None  # another recipient
    assert place_actorless("2026-03", None, "MEX", {"CRM"}, "capture", [raids]) is None  # another matter
    assert place_actorless("2026-03", "CRM", "MEX", {"CRM"}, "military_strikes", [raids]) is None  # not a state's act
    assert place_actorless("2026-03", None, None, set(), "military_strikes", [raids]) is None  # done to no one named
    strikes = ("ASSAULT:USA", "=MEX|military_strikes", "2026-03", set())
    assert place_actorless("2026-03", None, "MEX", {"CRM"}, "military_strikes", [raids, strikes]) is None  # two fit


@pytest.mark.parametrize("order", ["known-first", "unknown-first"])
def test_an_act_with_no_actor_country_is_told_in_its_states_story(store: Any, order: str) -> None:
    docs = [("navy.html", "Coast Daily", "2026-03-02", [RAID]), ("wire.html", "Valley Wire", "2026-03-03",
                                                                    [RAID_NO_ACTOR])]
    for source, publisher, published, events in docs if order == "known-first" else docs[::-1]:
        store.add_document(_doc(source, publisher, published, events))
        link_new(store)
    (story,) = [s for s in story_records(store) if s["type"] == "ASSAULT"]
    assert story["actor"]["country"] == "MEX"
    assert len(story["document_ids"]) == 2 and len(story["incident_ids"]) == 2
    incremental = _snapshot(store)
    relink_all(store)
    assert _snapshot(store) == incremental
