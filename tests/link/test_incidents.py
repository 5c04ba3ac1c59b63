"""Incidents in the store: outlets, background recaps, second-hand credits, ids, changes since a time."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from storyline.link import link_new, story_records
from storyline.link.reports import outlet, source_key
from storyline.model import Actor, Document, Event, RawInput, Span
from storyline.pagetime import published_at, utc_minute
from storyline.store.db import Store
from storyline.store.incidents import incident_records, incidents_since

USA = {"name": "U.S. forces", "country": "USA", "sector": "MIL"}
BOATS = {"name": "boat", "country": None, "sector": "CRM"}
STRIKE = "U.S. forces struck a suspected drug boat in the Pacific off Guatemala on Tuesday, killing four people aboard"
RETOLD = "The U.S. military killed four people aboard a suspected drug boat in a strike in the Pacific off Guatemala"


def _doc(source: str, publisher: str | None, url: str | None, events: list[dict[str, Any]],
         published: str | None = "2025-11-05") -> Document:
    text = " ".join(e["evidence"] + "." for e in events) + f" Filed as {source}."
    doc = Document(source=source, text=text, publisher=publisher, url=url, published=published,
                   published_precision="day" if published else None, language="en")
    for e in events:
        start = text.index(e["evidence"])
        doc.events.append(Event(
            type="ASSAULT", mode=None, actor=Actor(**USA), recipient=Actor(**BOATS), status="asserted",
            evidence=Span(start, start + len(e["evidence"]), e["evidence"]), trigger=Span(start, start + 4, "U.S."),
            rule="test", date=e.get("date", "2025-11-04"), date_precision="day" if e.get("date", True) else None,
            magnitude={"killed": 4, "injured": None, "count": None}, reported_by=e.get("reported_by"),
            background=e.get("background", False)))
    return doc


@pytest.mark.parametrize(("publisher", "url", "expected"), [
    ("Harbor Wire", "https://news.example.com/a", "Harbor Wire"),
    (None, "https://edition.cnn.com/2025/11/04/world/strike", "cnn.com"),
    (None, "https://www.bbc.co.uk/news/world-123", "bbc.co.uk"),
    (None, "https://www.eluniversal.com.mx/nacion/embajada", "eluniversal.com.mx"),
    (None, None, "unknown"),
])
def test_an_outlet_is_a_publisher_or_a_registered_domain(publisher: str | None, url: str | None,
                                                         expected: str) -> None:
    assert outlet(publisher, url)[1] == expected


def test_a_file_path_is_never_an_outlet() -> None:
    assert source_key(None, None, "/home/me/pages/000_ab12.txt") == ("unknown", "unknown")
    assert source_key(None, None, "https://www.reuters.com/world/x")[1] == "reuters.com"


def test_two_outlets_corroborate_and_one_outlet_twice_counts_once(store: Store) -> None:
    store.add_document(_doc("a.html", "Harbor Wire", None, [{"evidence": STRIKE}]))
    store.add_document(_doc("b.html", None, "https://news.valleycourier.com/x", [{"evidence": RETOLD}]))
    store.add_document(_doc("c.html", "Harbor Wire ", None, [{"evidence": RETOLD + " on Tuesday"}]))
    link_new(store)
    (incident,) = incident_records(store)
    assert len(incident["event_ids"]) == 3
    assert incident["outlets"] == ["Harbor Wire", "valleycourier.com"]
    assert incident["corroboration"] == 2
    (story,) = story_records(store)
    assert incident["story_id"] == story["id"] and story["incident_ids"] == [incident["id"]]


def test_a_background_recap_never_joins_an_incident(store: Store) -> None:
    store.add_document(_doc("a.html", "Harbor Wire", None, [{"evidence": STRIKE}]))
    store.add_document(_doc("b.html", "Valley Courier", None, [{"evidence": RETOLD, "background": True}]))
    link_new(store)
    news, recap = sorted(incident_records(store), key=lambda i: i["background"])
    assert len(news["event_ids"]) == 1 and news["corroboration"] == 1 and news["outlets"] == ["Harbor Wire"]
    assert recap["background"] and recap["corroboration"] == 0 and recap["outlets"] == ["Valley Courier"]
    (story,) = story_records(store)  # the recap still says what the story is about
    assert set(story["incident_ids"]) == {news["id"], recap["id"]}


def test_reports_with_no_date_at_all_join_only_on_the_same_words(store: Store) -> None:
    # Neither page gives a publication date, nor their sentences a date: only the words can say
    # these are one strike; a strike told in other words stays apart, and the two join the one
    # dated report of the same words, the only incident of their unit they fit.
    wire = "U.S. forces struck a semi-submersible vessel carrying cocaine in the Caribbean, killing four people aboard"
    copy = "U.S. forces struck a semi-submersible vessel carrying cocaine in the Caribbean and killed four people aboard"
    other = "A U.S. drone hit a speedboat off the Colombian coast, leaving four suspected smugglers dead"
    store.add_document(_doc("a.html", "Harbor Wire", None, [{"evidence": wire, "date": None}], published=None))
    store.add_document(_doc("b.html", "Valley Courier", None, [{"evidence": copy, "date": None}], published=None))
    store.add_document(_doc("c.html", "Coast Daily", None, [{"evidence": other, "date": None}], published=None))
    store.add_document(_doc("d.html", "Gulf Times", None, [{"evidence": wire}]))
    link_new(store)
    by_outlets = sorted(tuple(i["outlets"]) for i in incident_records(store))
    assert by_outlets == [("Coast Daily",), ("Gulf Times", "Harbor Wire", "Valley Courier")]


def test_an_outlet_credited_second_hand_is_listed_apart(store: Store) -> None:
    store.add_document(_doc("a.html", "Valley Courier", None, [{"evidence": STRIKE, "reported_by": "Reuters"}]))
    store.add_document(_doc("b.html", "Harbor Wire", None, [{"evidence": RETOLD}]))
    link_new(store)
    (incident,) = incident_records(store)
    assert incident["second_hand"] == ["Reuters"]
    assert incident["corroboration"] == 2


def test_ids_in_unrelated_stores_do_not_collide(tmp_path: Any) -> None:
    ids = []
    for n, evidence in enumerate((STRIKE, "U.S. forces struck a vessel off the coast of Colombia, killing four")):
        with Store.open(str(tmp_path / f"{n}.db")) as store:
            store.add_document(_doc(f"{n}.html", "Harbor Wire", None, [{"evidence": evidence}]))
            link_new(store)
            (story,) = story_records(store)
            (incident,) = incident_records(store)
            ids.append({story["id"], incident["id"]})
    assert not ids[0] & ids[1]


def test_incidents_since_a_time_are_the_new_and_the_changed(store: Store) -> None:
    store.add_document(_doc("a.html", "Harbor Wire", None, [{"evidence": STRIKE}]))
    link_new(store)
    first = dt.datetime.now(dt.UTC)
    assert incidents_since(store, first) == []
    store.add_document(_doc("b.html", "Valley Courier", None, [{"evidence": RETOLD}]))
    store.add_document(_doc("c.html", "Valley Courier", None, [{"evidence": "Troops were deployed to the border",
                                                                  "date": "2025-11-20"}], published="2025-11-21"))
    link_new(store)
    changed = {i["id"]: i for i in incidents_since(store, first)}
    assert sorted(i["new"] for i in changed.values()) == [False, True]
    updated = next(i for i in changed.values() if not i["new"])
    assert updated["corroboration"] == 2 and updated["created_at"] < first <= updated["updated_at"]
    assert set(updated) >= {"id", "story_id", "type", "actor", "recipient", "corroboration", "conflicts"}
    second = dt.datetime.now(dt.UTC)
    store.add_document(_doc("d.html", "Daily Mirror", None, [{"evidence": "Congress debated the budget",
                                                              "date": "2025-03-02"}], published="2025-03-03"))
    link_new(store)  # touches another month only: the strike's incident is not rewritten
    assert [i["new"] for i in incidents_since(store, second)] == [True]


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-11-19T14:05:00Z", "2025-11-19T14:05Z"),
    ("2025-11-19T09:05:00-05:00", "2025-11-19T14:05Z"),
    ("2025-11-19", None),  # a day, no time
    ("2025-11-19T14:05:00", None),  # no zone: cannot be ordered against another outlet's
    ("yesterday", None),
])
def test_a_publication_time_is_read_to_the_minute_in_utc(value: str, expected: str | None) -> None:
    assert utc_minute(value) == expected


def test_the_page_time_comes_from_the_page_head() -> None:
    page = ('<html><head><meta content="2025-11-19T18:30:00Z" property="article:published_time">'
            "</head><body><p>text</p></body></html>")
    assert published_at(RawInput("p.html", page, "html")) == "2025-11-19T18:30Z"
    ld = '<script type="application/ld+json">' + json.dumps({"datePublished": "2025-11-19T14:05:00+00:00"}) + "</script>"
    assert published_at(RawInput("q.html", ld, "html")) == "2025-11-19T14:05Z"
    assert published_at(RawInput("r.txt", "date 2025-11-19 14:05", "text")) is None


def test_export_and_explain_incidents_from_the_command_line(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        store.add_document(_doc("a.html", None, "https://www.harbor-wire.com/a", [{"evidence": STRIKE}]))
        store.add_document(_doc("b.html", None, "https://news.valleycourier.com/b", [{"evidence": RETOLD}]))
        store.add_document(_doc("c.html", None, "https://news.valleycourier.com/c",
                                [{"evidence": "Troops were deployed to the border", "date": "2025-11-20"}],
                                published="2025-11-21"))
        link_new(store)
    runner = CliRunner()
    out = runner.invoke(app, ["export", "--db", db, "-k", "incident"]).stdout.splitlines()
    incidents = [json.loads(line) for line in out]
    (incident,) = [i for i in incidents if len(i["document_ids"]) == 2]
    assert incident["kind"] == "incident" and incident["outlets"] == ["harbor-wire.com", "valleycourier.com"]
    assert incident["corroboration"] == 2 and incident["story_id"]
    a, b = incident["event_ids"][:2]
    result = runner.invoke(app, ["explain", a, "--with", b, "--db", db])
    assert result.exit_code == 0, result.output
    assert "one incident" in result.output.splitlines()[0]
    assert "evidence similarity" in result.output and "link score" in result.output
    other = next(i for i in incidents if i["id"] != incident["id"])
    result = runner.invoke(app, ["explain", a, "--with", other["event_ids"][0], "--db", db])
    assert result.exit_code == 0 and "not one incident" in result.output.splitlines()[0]


# --- merge rules on invented multi-outlet reports ----------------------------------------------------

TRUMP = {"name": "Donald Trump", "country": "USA", "sector": "GOV", "id": "trump"}
US_FORCES = {"name": "U.S. forces", "country": "USA", "sector": "MIL", "id": None}
US_SENATE = {"name": "Senate", "country": "USA", "sector": "LEG", "id": None}
US_MILITARY = {"name": "U.S. military", "country": "USA", "sector": "MIL", "id": None}
SHEINBAUM = {"name": "Claudia Sheinbaum", "country": "MEX", "sector": "GOV", "id": "sheinbaum"}
CARTELS = {"name": "cartels", "country": None, "sector": "CRM", "id": None}
VENEZUELA = {"name": "Nicolás Maduro", "country": "VEN", "sector": "GOV", "id": "maduro"}
ORTEGA = {"name": "Daniel Ortega", "country": "NIC", "sector": "GOV", "id": "ortega"}
NICARAGUA = {"name": "Nicaragua", "country": "NIC", "sector": None, "id": "NIC"}
CANADA = {"name": "Canada", "country": "CAN", "sector": None, "id": "CAN"}
COLOMBIA = {"name": "Colombia", "country": "COL", "sector": None, "id": "COL"}
SEDENA = {"name": "Secretaría de la Defensa Nacional", "country": "MEX", "sector": "MIL", "id": "mx_sedena"}
MORELIA = {"name": "Morelia", "country": "MEX", "lat": 19.70, "lon": -101.19, "precision": "city"}
CULIACAN = {"name": "Culiacán", "country": "MEX", "lat": 24.80, "lon": -107.39, "precision": "city"}
MICHOACAN = {"name": "Michoacán", "country": "MEX", "lat": 19.17, "lon": -101.90, "precision": "admin"}
CJNG = {"name": "Cártel de Jalisco Nueva Generación", "country": "MEX", "sector": "CRM", "id": "cjng"}


def report(n: int, evidence: str, type_: str, actor: dict[str, Any], recipient: dict[str, Any],
           date: str | None = None, published: str | None = None, language: str = "en",
           background: bool = False, mode: str | None = None, killed: int | None = None, rule: str = "",
           location: dict[str, Any] | None = None) -> Any:
    from storyline.link.merge import report_from_record

    record = {"id": f"e{n}", "document_id": f"d{n}", "type": type_, "mode": mode, "actor": actor, "recipient": recipient,
              "date": date, "date_precision": "day" if date else None, "location": location, "status": "asserted",
              "magnitude": {"killed": killed}, "intensity": -5.0, "evidence": evidence, "background": background,
              "rule": rule}
    return report_from_record(record, published=published, seen=f"s{n}", language=language)


# (why, report a, report b, one incident?)
RULES = [
    ("the president's order and the forces' strike: two arms of one state",
     report(1, "Trump ordered a strike on a drug boat in the Caribbean that killed six people", "ASSAULT", TRUMP,
            CARTELS, "2025-10-14", "2025-10-15"),
     report(2, "U.S. forces struck a drug boat in the Caribbean, killing six people aboard", "ASSAULT", US_FORCES,
            CARTELS, "2025-10-14", "2025-10-15"), True),
    ("a refusal of the president's plan and of the military's intervention: one recipient state",
     report(1, "Sheinbaum refused any U.S. armed intervention in Mexican territory against the cartels", "REJECT",
            SHEINBAUM, TRUMP, "2025-11-18", "2025-11-19"),
     report(2, "Sheinbaum again refused a U.S. armed intervention against cartels in Mexican territory", "REJECT",
            SHEINBAUM, US_MILITARY, "2025-11-18", "2025-11-19"), True),
    ("the Senate's vote is not the president's act, even in the same words",
     report(1, "rejected the war powers resolution on military action in the Caribbean", "REJECT", US_SENATE,
            VENEZUELA, "2025-10-08", "2025-10-09"),
     report(2, "rejected the war powers resolution on military action in the Caribbean", "REJECT", TRUMP,
            VENEZUELA, "2025-10-08", "2025-10-09"), False),
    ("a tariff threat and a strike threat of one dyad on one day, GOV and MIL recipients",
     report(1, "Trump threatened a 25% tariff on every Mexican import unless fentanyl stopped", "THREATEN", TRUMP,
            SHEINBAUM, "2025-03-03", "2025-03-04"),
     report(2, "Trump said he was ready to order drone strikes on cartel laboratories inside Mexico", "THREATEN",
            TRUMP, {**SHEINBAUM, "sector": "MIL", "id": None}, "2025-03-03", "2025-03-04"), False),
    ("an English and a Spanish report of one designation, undated, published the same day: cognates",
     report(1, "The administration designated six cartels as foreign terrorist organizations", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20"),
     report(2, "El gobierno designó a seis cárteles como organizaciones terroristas extranjeras", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20", language="es"), True),
    ("the same two sentences given as one language meet on their stems only",
     report(1, "The administration designated six cartels as foreign terrorist organizations", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20"),
     report(2, "El gobierno designó a seis cárteles como organizaciones terroristas extranjeras", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20"), False),
    ("two Spanish reports of one clash in other inflections: Spanish stems",
     report(1, "Militares abatieron a pistoleros durante un enfrentamiento en la sierra", "ASSAULT",
            {**SHEINBAUM, "sector": "MIL", "id": None}, CARTELS, None, "2026-02-10", language="es"),
     report(2, "Un pistolero abatido por militares tras enfrentarse en Durango", "ASSAULT",
            {**SHEINBAUM, "sector": "MIL", "id": None}, CARTELS, None, "2026-02-11", language="es"), True),
    ("a president's capture told in few words: the captured one is named by both",
     report(1, "U.S. forces captured Nicolás Maduro in Caracas", "ASSAULT", US_FORCES, VENEZUELA, None,
            "2026-01-04"),
     report(2, "Nicolás Maduro was captured by U.S. troops", "ASSAULT", US_FORCES, VENEZUELA, None, "2026-01-04"),
     True),
    ("one capture of one named person told in other words, neither report placed in time",
     report(1, "Navy commandos seized Daniel Ortega at a ranch outside Managua after a long chase", "ASSAULT",
            US_FORCES, ORTEGA, mode="abduct"),
     report(2, "Democrats demanded answers days after U.S. troops captured Ortega in a night operation", "ASSAULT",
            US_FORCES, ORTEGA, mode="abduct"), True),
    ("the same two sentences with a country as the recipient: no one person, so the words must say it",
     report(1, "Navy commandos seized Daniel Ortega at a ranch outside Managua after a long chase", "ASSAULT",
            US_FORCES, NICARAGUA, mode="abduct"),
     report(2, "Democrats demanded answers days after U.S. troops captured Ortega in a night operation", "ASSAULT",
            US_FORCES, NICARAGUA, mode="abduct"), False),
    ("a capture and a targeted killing of one person are two acts",
     report(1, "Navy commandos seized Daniel Ortega at a ranch outside Managua after a long chase", "ASSAULT",
            US_FORCES, ORTEGA, mode="abduct"),
     report(2, "A drone killed Ortega in a strike on his convoy", "ASSAULT", US_FORCES, ORTEGA, mode="targeted"),
     False),
    ("strikes on one person's forces recur: no one-off mode, the words must say it",
     report(1, "U.S. jets bombed positions loyal to Daniel Ortega near Managua", "ASSAULT", US_FORCES, ORTEGA,
            mode="aerial"),
     report(2, "Another wave of strikes hit Ortega's guard in the north", "ASSAULT", US_FORCES, ORTEGA, mode="aerial"),
     False),
    ("one person's capture told with figures far apart: two raids",
     report(1, "Commandos seized Daniel Ortega in a raid that killed 40 guards", "ASSAULT", US_FORCES, ORTEGA,
            mode="abduct", killed=40),
     report(2, "Troops captured Ortega in an operation in which 3 soldiers died", "ASSAULT", US_FORCES, ORTEGA,
            mode="abduct", killed=3), False),
    ("one person's capture, both dated, days apart: two captures",
     report(1, "Navy commandos seized Daniel Ortega at a ranch outside Managua", "ASSAULT", US_FORCES, ORTEGA,
            "2026-03-02", "2026-03-03", mode="abduct"),
     report(2, "Troops captured Ortega again after his escape from a prison ship", "ASSAULT", US_FORCES, ORTEGA,
            "2026-03-20", "2026-03-21", mode="abduct"), False),
    ("one vote told by its count, either side first, in other words, neither report placed in time",
     report(1, "The Senate voted 52-47 against a resolution sponsored by Sen. Tim Kaine to end the tariffs",
            "REJECT", US_SENATE, CANADA),
     report(2, "Kaine's similar resolution failed 47-52 in the spring", "REJECT", US_SENATE, CANADA), True),
    ("the same count in two votes that share no words: two votes",
     report(1, "The Senate voted 52-47 against a resolution sponsored by Sen. Tim Kaine to end the tariffs",
            "REJECT", US_SENATE, CANADA),
     report(2, "A farm subsidy bill from the House went down 47-52 on Friday", "REJECT", US_SENATE, CANADA), False),
    ("the same count, but the president's act: no vote",
     report(1, "Trump rejected a 52-47 split of the dairy quotas that Ottawa put forward on Monday", "REJECT", TRUMP,
            CANADA),
     report(2, "The White House turned down a dairy offer split 47-52 between the two countries", "REJECT", TRUMP,
            CANADA), False),
    ("a recipient filled from the document is no evidence against the other report's",
     report(1, "Senators rejected the war powers resolution on the strikes in the Caribbean by a wide margin",
            "REJECT", US_SENATE, COLOMBIA, rule="verb:reject; recipient=document-counterpart"),
     report(2, "Senators rejected the war powers resolution on the strikes in the Caribbean by a wide margin",
            "REJECT", US_SENATE, VENEZUELA), True),
    ("two recipients the sentences name, of two states: two acts",
     report(1, "Senators rejected the war powers resolution on the strikes in the Caribbean by a wide margin",
            "REJECT", US_SENATE, COLOMBIA),
     report(2, "Senators rejected the war powers resolution on the strikes in the Caribbean by a wide margin",
            "REJECT", US_SENATE, VENEZUELA), False),
    ("one operation of one ministry on one cartel, told from two days' news in other words",
     report(1, "Según el parte castrense, las tropas abatieron a seis pistoleros de la banda "
               "junto a un rancho", "ASSAULT", SEDENA, CJNG, "2026-02-22", "2026-02-22", language="es"),
     report(2, "Guatemala elogió a las autoridades mexicanas por la incursión donde cayó abatido el líder criminal",
            "ASSAULT", SEDENA, CJNG, "2026-02-23", "2026-02-23", language="es"), True),
    ("the same two reports a day apart in two towns far apart: two operations",
     report(1, "Según el parte castrense, las tropas abatieron a seis pistoleros de la banda "
               "junto a un rancho", "ASSAULT", SEDENA, CJNG, "2026-02-22", "2026-02-22", language="es",
            location=MORELIA),
     report(2, "Guatemala elogió a las autoridades mexicanas por la incursión donde cayó abatido el líder criminal",
            "ASSAULT", SEDENA, CJNG, "2026-02-23", "2026-02-23", language="es", location=CULIACAN), False),
    ("the same two reports a day apart, a town on one side and its state on the other: one operation",
     report(1, "Según el parte castrense, las tropas abatieron a seis pistoleros de la banda "
               "junto a un rancho", "ASSAULT", SEDENA, CJNG, "2026-02-22", "2026-02-22", language="es",
            location=MORELIA),
     report(2, "Guatemala elogió a las autoridades mexicanas por la incursión donde cayó abatido el líder criminal",
            "ASSAULT", SEDENA, CJNG, "2026-02-23", "2026-02-23", language="es", location=MICHOACAN), True),
    ("the same two reports two days apart: two operations",
     report(1, "Según el parte castrense, las tropas abatieron a seis pistoleros de la banda "
               "junto a un rancho", "ASSAULT", SEDENA, CJNG, "2026-02-22", "2026-02-22", language="es"),
     report(2, "Guatemala elogió a las autoridades mexicanas por la incursión donde cayó abatido el líder criminal",
            "ASSAULT", SEDENA, CJNG, "2026-02-24", "2026-02-24", language="es"), False),
    ("the same two reports on cartels the lexicon does not name: the words must say it",
     report(1, "Según el parte castrense, las tropas abatieron a seis pistoleros de la banda "
               "junto a un rancho", "ASSAULT", SEDENA, {**CARTELS, "country": "MEX"}, "2026-02-22", "2026-02-22",
            language="es"),
     report(2, "Guatemala elogió a las autoridades mexicanas por la incursión donde cayó abatido el líder criminal",
            "ASSAULT", SEDENA, {**CARTELS, "country": "MEX"}, "2026-02-23", "2026-02-23", language="es"), False),
    ("an English and a Spanish report sharing only a word's first letters across other matters",
     report(1, "The government announced new controls on the operation of border crossings", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20"),
     report(2, "El gobierno anunció una operación contra el lavado de dinero de los cárteles", "SANCTION", TRUMP,
            CARTELS, None, "2025-02-20", language="es"), False),
]


@pytest.mark.parametrize(("why", "a", "b", "merged"), RULES, ids=[r[0] for r in RULES])
def test_merge_rules(why: str, a: Any, b: Any, merged: bool) -> None:
    from storyline.link.merge import clusters

    assert a.block == b.block
    assert (len(clusters([a, b])) == 1) is merged, why
    assert (len(clusters([b, a])) == 1) is merged, why


@pytest.mark.parametrize(("words", "same"), [
    (("atacaron", "ataque", "atacar"), True),
    (("capturado", "captura", "capturó"), True),
    (("abatieron", "abatido", "abatir"), True),
    (("embarcaciones", "embarcación"), True),
    (("ataque", "captura"), False),
])
def test_spanish_inflections_share_a_stem(words: tuple[str, ...], same: bool) -> None:
    from storyline.link.evidence import terms

    stems = [terms(w, "es") for w in words]
    assert all(len(t) == 1 for t in stems)
    assert (len(set().union(*stems)) == 1) is same


@pytest.mark.parametrize(("sentence", "matter"), [
    ("Soldados abatieron a dos pistoleros en la sierra", "military_strikes"),
    ("un pistolero fue abatido por la Guardia", "military_strikes"),
    ("el gobierno impuso nuevos aranceles", "tariffs"),
])
def test_a_spanish_inflection_names_its_matter(sentence: str, matter: str) -> None:
    from storyline.link.evidence import terms
    from storyline.link.merge import matters_named

    assert matter in matters_named(terms(sentence, "es"), "es")


def test_weekdays_and_months_are_one_key_in_either_language() -> None:
    from storyline.link.evidence import terms

    assert terms("el sábado", "es") == terms("on Saturday", "en")
    assert terms("en octubre", "es") == terms("in October", "en") != terms("on Saturday", "en")
    assert terms("fue atacada", "es") == terms("atacada", "es")  # Spanish function words are stop words


def test_an_office_holder_of_the_recipient_state_is_what_the_act_was_done_to() -> None:
    captured = report(1, "U.S. commandos seized Nicolás Maduro after Donald Trump gave the order", "ASSAULT",
                      US_FORCES, VENEZUELA)
    assert "@maduro" in captured.terms and "@trump" not in captured.terms  # the acting side's names stay out
    call = report(2, "Donald Trump spoke by phone with Nicolás Maduro", "CONSULT", TRUMP, VENEZUELA)
    assert not any(t.startswith("@") for t in call.terms)  # the counterpart of a call says nothing the dyad does not


STRUCK = "U.S. forces struck a semi-submersible vessel carrying cocaine in the Caribbean, killing four people aboard"
RETELLING = "the strike on a semi-submersible vessel carrying cocaine in the Caribbean that killed four people"

# (why, the timeless reports, the host incidents (lists of reports placed in time), the host it joins or None)
ATTACH = [
    ("a retelling with no time at all joins the only incident telling it",
     [report(1, RETELLING, "ASSAULT", US_FORCES, CARTELS)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")],
      [report(3, "U.S. forces deployed a carrier group to the Caribbean", "ASSAULT", US_FORCES, CARTELS,
              "2025-10-24", "2025-10-25")]], 0),
    ("in Spanish, it joins the English incident on cognates",
     [report(1, "la operación militar contra una embarcación con cocaína en el Caribe", "ASSAULT", US_FORCES,
             CARTELS, language="es")],
     [[report(2, "a military operation against a vessel carrying cocaine in the Caribbean", "ASSAULT",
              US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], 0),
    ("a capture with no time joins the Spanish incident naming the captured leader and the weekday",
     [report(1, "U.S. troops captured Nicolás Maduro in a night raid on Saturday", "ASSAULT", US_FORCES, VENEZUELA)],
     [[report(2, "Nicolás Maduro fue capturado el sábado en una incursión nocturna", "ASSAULT", US_FORCES, VENEZUELA,
              "2026-01-03", "2026-01-04", language="es")],
      [report(3, "U.S. forces struck a drug boat in the Caribbean on Saturday, killing three", "ASSAULT", US_FORCES,
              CARTELS, "2026-01-10", "2026-01-11")]], 0),
    ("the same Spanish words given as English meet on stems only",
     [report(1, "la operación militar contra una embarcación con cocaína en el Caribe", "ASSAULT", US_FORCES,
             CARTELS)],
     [[report(2, "a military operation against a vessel carrying cocaine in the Caribbean", "ASSAULT",
              US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], None),
    ("the president's order of it, told by the forces: one state",
     [report(1, RETELLING, "ASSAULT", TRUMP, CARTELS)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], 0),
    ("two strikes told alike: nothing says which one",
     [report(1, RETELLING, "ASSAULT", US_FORCES, CARTELS)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")],
      [report(3, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-11-02", "2025-11-03")]], None),
    ("a strike in other words stays apart",
     [report(1, "A U.S. drone hit a speedboat off the Colombian coast, leaving suspected smugglers dead", "ASSAULT",
             US_FORCES, CARTELS)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], None),
    ("a background recap joins nothing",
     [report(1, RETELLING, "ASSAULT", US_FORCES, CARTELS, background=True)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], None),
    ("another recipient state stays apart",
     [report(1, RETELLING, "ASSAULT", US_FORCES, VENEZUELA)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, SHEINBAUM, "2025-10-16", "2025-10-17")]], None),
    ("the Senate is not the forces",
     [report(1, RETELLING, "ASSAULT", US_SENATE, CARTELS)],
     [[report(2, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")]], None),
]


@pytest.mark.parametrize(("why", "loose", "hosts", "joins"), ATTACH, ids=[a[0] for a in ATTACH])
def test_a_report_with_no_time_joins_the_only_incident_it_fits(why: str, loose: list[Any], hosts: list[list[Any]],
                                                                joins: int | None) -> None:
    from storyline.link.merge import attach_hosts, timeless

    assert all(timeless(r) for r in loose) and not any(timeless(r) for h in hosts for r in h)
    reports = [*loose, *(r for h in hosts for r in h)]
    at = len(loose)
    host_members = []
    for h in hosts:
        host_members.append(list(range(at, at + len(h))))
        at += len(h)
    assert attach_hosts(reports, [list(range(len(loose)))], host_members) == [joins], why


def _state(store: Store) -> tuple[list[list[str]], list[str]]:
    from sqlalchemy import select

    from storyline.store import linkschema

    events = {e["id"]: e["document_id"] for e in store.records(["event"])}
    incidents = sorted(sorted(events[e] for e in i["event_ids"]) for i in incident_records(store))
    with store.engine.connect() as conn:
        rows = sorted(json.dumps([*r], default=str) for r in conn.execute(select(linkschema.link_events)).all())
    return incidents, rows


def test_attaching_is_decided_again_as_reports_arrive_and_matches_a_rebuild(store: Store) -> None:
    from storyline.link import relink_all

    docs = {}
    for name, publisher, evidence, date, published in (
            ("a", "Harbor Wire", STRUCK, None, None), ("b", "Valley Courier", STRUCK, "2025-10-16", "2025-10-17"),
            ("c", "Coast Daily", STRUCK, "2025-11-02", "2025-11-03")):
        _, docs[name] = store.add_document(_doc(f"{name}.html", publisher, None,
                                                [{"evidence": evidence, "date": date}], published=published))
        store.flush()
        link_new(store)
        incremental = _state(store)
        relink_all(store)
        assert _state(store) == incremental, name
        if name == "b":  # the timeless report joined the only dated strike telling it
            assert incremental[0] == [sorted([docs["a"], docs["b"]])]
    # a second strike told alike: the timeless report no longer knows which one it tells of
    assert incremental[0] == sorted([[docs["a"]], [docs["b"]], [docs["c"]]])


@pytest.mark.parametrize(("criterion", "passes"), [
    ("block (type, actor country, month)", True),  # a report with no time may join across months
    ("actor sector", True),  # MIL and GOV of one state
    ("evidence similarity", True),
    ("link score", True),
])
def test_explain_says_why_a_report_with_no_time_joined(store: Store, criterion: str, passes: bool) -> None:
    from storyline.link.why import explain_merge

    store.add_document(_doc("a.html", "Harbor Wire", None, [{"evidence": STRUCK}]))
    order = Document(source="b.html", text=f"{RETELLING}. Filed as b.html.", publisher="Valley Courier",
                     language="en")
    order.events.append(Event(type="ASSAULT", mode=None, actor=Actor(**{k: v for k, v in TRUMP.items() if k != "id"}),
                              recipient=Actor(**BOATS), status="asserted", evidence=Span(0, len(RETELLING), RETELLING),
                              trigger=Span(4, 10, "strike"), rule="test", magnitude={"killed": 4}))
    _, order_id = store.add_document(order)
    link_new(store)
    a, b = sorted(store.records(["event"]), key=lambda e: e["document_id"] == order_id)
    result = explain_merge(store, a["id"], b["id"])
    assert result["same_incident"], result["verdict"]
    assert next(c for c in result["criteria"] if c["criterion"] == criterion)["passes"] is passes


def test_two_reports_with_no_time_that_contradict_each_other_do_not_both_join() -> None:
    from storyline.link.merge import attach_hosts

    host = report(3, STRUCK, "ASSAULT", US_FORCES, CARTELS, "2025-10-16", "2025-10-17")
    off_colombia = report(1, RETELLING, "ASSAULT", US_FORCES, CARTELS)
    off_mexico = report(2, RETELLING, "ASSAULT", US_FORCES, CARTELS)
    off_colombia.place_country, off_mexico.place_country = "COL", "MEX"
    assert attach_hosts([off_colombia, off_mexico, host], [[0], [1]], [[2]]) == [0, None]
