"""The source report over a real store: texts ingested through the whole pipeline, events inserted as rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from storyline import settings
from storyline.errors import UsageError
from storyline.ingest import ingest
from storyline.model import Actor, Document, Event, Quote, Span
from storyline.pipeline import build
from storyline.report import (
    Report,
    boilerplate_share,
    named_speaker,
    paragraphs,
    render_report,
    render_table,
    report_json,
    sorted_rows,
    source_report,
)
from storyline.store import schema
from storyline.store.db import Store
from storyline.store.records import derived_records, event_record, quote_record

# A page dump with a menu, a byline, a footer, quotes, claims and a reference list with one
# marker missing from it ([2]) and one entry never cited ([3]).
WIRE_2026 = """Gulf Wire Gulf Wire
Home
World
Politics
Business
Subscribe
Sign in

Mexico rejects US strike threat as tensions rise

January 15, 2026

By Ana Torres

Mexico's newly elected president, Claudia Sheinbaum, said on Wednesday that her government would not accept \
foreign troops on Mexican soil.

“We will never accept an intervention on our territory,” Sheinbaum told reporters at the National Palace.

“The strikes will continue until the flow stops,” a senior US official said on condition of anonymity.

At least 83 people have been killed in US strikes on boats since September, according to the Pentagon. The navy \
seized 12 tons of cocaine off the Pacific coast in December.

More than 2,000 soldiers were deployed to the northern border last week [1]. Another 1,500 National Guard members \
are expected to follow [2].

Sources
[1] Reuters. Mexico deploys troops to northern border. https://www.reuters.com/world/americas/mexico-troops-2026
[3] Associated Press. Navy seizure off Pacific coast. https://apnews.com/article/mexico-navy-cocaine

Related articles
Privacy policy
Terms of use
© 2026 Gulf Wire. All rights reserved.
"""

# The same phrase nineteen days into her presidency: right, not flagged.
WIRE_2024 = """Gulf Wire Gulf Wire
Home
World
Politics
Subscribe

Sheinbaum pledges continuity on security policy

October 20, 2024

Mexico's newly elected president, Claudia Sheinbaum, told governors on Saturday that the security strategy of \
her predecessor would continue with more intelligence work.

Officials said 30 members of a criminal group were arrested in Sinaloa over the weekend.

Privacy policy
© 2024 Gulf Wire. All rights reserved.
"""

# No menu and no quotation marks.
HARBOR = """Harbor Times Harbor Times

US and Mexico agree to expand border talks

November 18, 2025

Officials from both countries met in Mexico City on Monday to discuss security cooperation along the border and \
the flow of fentanyl north.

The talks followed weeks of tension over US military strikes on vessels in the Caribbean and the eastern Pacific.

Both delegations agreed to meet again before the end of the year after a joint statement by two foreign ministries.
"""

PAGES = {"wire_2026.txt": WIRE_2026, "wire_2024.txt": WIRE_2024, "harbor.txt": HARBOR}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, dict[str, Any]]]]:
    """A store with the three pages ingested; documents by file name."""
    folder = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    cfg = settings.load({"db": str(folder / "report.db")})
    with Store.open(cfg["db"]) as store:
        summary = ingest([str(folder)], store, cfg)
        assert summary.new == 3 and summary.failed == 0, summary.errors
        docs = {Path(r["source"]).name: r for r in store.records(["document"])}
        yield store, docs


def _doc_row(report: Report, doc_id: str) -> Any:
    return next(r for r in report.documents if r.id == doc_id)


@pytest.mark.parametrize(("text", "expected"), [
    ("One paragraph.", 1),
    ("One.\n\nTwo.\n\nThree.", 3),
    ("One.\nStill one.\n\n  \n\nTwo.", 2),
    ("Sources\n[1] Reuters.\n[2] AP.", 1),
    ("", 0),
])
def test_paragraphs_are_blank_line_separated_blocks(text: str, expected: int) -> None:
    assert paragraphs(text) == expected


@pytest.mark.parametrize(("removed", "kept", "share"), [(10, 4, 10 / 14), (0, 5, 0.0), (3, 0, 1.0), (0, 0, None)])
def test_boilerplate_share(removed: int, kept: int, share: float | None) -> None:
    assert boilerplate_share(removed, kept) == share


@pytest.mark.parametrize(("speaker", "named"), [
    ({"name": "Claudia Sheinbaum", "country": "MEX", "sector": "GOV", "id": "sheinbaum"}, True),
    ({"name": "Anne Milgram", "country": "USA", "sector": "COP", "id": "local:anne-milgram"}, True),
    ({"name": "Jeff Garmany", "country": None, "sector": None, "id": None}, True),
    ({"name": "White House", "country": "USA", "sector": "GOV", "id": "USAGOV"}, True),
    ({"name": "Secretary of State Marco Rubio", "country": "USA", "sector": "GOV", "id": None}, True),
    ({"name": "senior US official", "country": None, "sector": None, "id": None}, False),
    ({"name": "US officials", "country": "USA", "sector": "GOV", "id": "USAGOV"}, False),
    ({"name": "Mexican President", "country": "MEX", "sector": "GOV", "id": "MEXGOV"}, False),
    ({"name": "Officials", "country": None, "sector": "GOV", "id": "GOV"}, False),
    ({"name": "the Mexican government", "country": "MEX", "sector": "GOV", "id": "MEXGOV"}, False),
    (None, False),
])
def test_named_speaker(speaker: dict[str, Any] | None, named: bool) -> None:
    assert named_speaker(speaker) is named


def test_boilerplate_share_of_a_page_dump_with_a_menu(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    report = source_report(store)
    menu, plain = _doc_row(report, docs["wire_2026.txt"]["id"]), _doc_row(report, docs["harbor.txt"]["id"])
    # The kept article: five paragraphs and the reference list.
    assert menu.counts.paragraphs == 6
    assert menu.counts.removed_blocks == docs["wire_2026.txt"]["removed_blocks"] >= 10  # menu, related, footer
    assert menu.counts.boilerplate == pytest.approx(menu.counts.removed_blocks / (menu.counts.removed_blocks + 6))
    assert menu.counts.boilerplate > 0.6
    assert plain.counts.paragraphs == 3
    assert plain.counts.boilerplate < 0.3


def test_claims_citations_and_quotes_per_document(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    row = _doc_row(source_report(store), docs["wire_2026.txt"]["id"])
    c = row.counts
    # 83 killed (according to the Pentagon), 12 tons (nobody), 2,000 soldiers [1], 1,500 members [2].
    assert (c.claims, c.claims_attributed, c.claims_cited, c.claims_unsourced) == (4, 1, 2, 1)
    assert dict(c.citation_issues) == {"cited_not_listed": 1, "listed_not_cited": 1}
    # Sheinbaum is named; "a senior US official" is not.
    assert (c.quotes, c.quotes_named, c.named) == (2, 1, 0.5)


def test_named_speaker_share_from_stored_quote_rows(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    doc = docs["harbor.txt"]
    assert _doc_row(source_report(store), doc["id"]).counts.quotes == 0  # the page quotes nobody
    text = doc["text"]
    speakers = [Actor("Claudia Sheinbaum", "MEX", "GOV", "sheinbaum"), Actor("White House", "USA", "GOV", "USAGOV"),
                Actor("US officials", "USA", "GOV", "USAGOV"), None]
    rows = []
    for i, speaker in enumerate(speakers):
        rec = quote_record(Quote(Span(i, i + 1, text[i]), text[i], speaker, "said", True), doc["id"])
        rows.append({"id": rec["id"], "document_id": doc["id"], "data": rec})
    with store.engine.begin() as conn:
        conn.execute(insert(schema.quotes), rows)
    try:
        row = _doc_row(source_report(store), doc["id"])
        assert (row.counts.quotes, row.counts.quotes_named, row.counts.named) == (4, 2, 0.5)
    finally:
        with store.engine.begin() as conn:
            conn.execute(schema.quotes.delete().where(schema.quotes.c.document_id == doc["id"]))


def test_newly_elected_leader_long_in_office(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    report = source_report(store)
    late, early = _doc_row(report, docs["wire_2026.txt"]["id"]), _doc_row(report, docs["wire_2024.txt"]["id"])
    assert [f.issue for f in late.findings] == ["stale_newcomer"]
    finding = late.findings[0]
    assert finding.text == "newly elected president"
    assert docs["wire_2026.txt"]["text"][finding.start:finding.end] == finding.text
    assert "Claudia Sheinbaum" in finding.detail and "2024-10-01" in finding.detail
    assert early.findings == [] and early.counts.date_issues["stale_newcomer"] == 0


EVENTS = [  # (date, status, flagged) for the article of 2026-01-15
    ("2026-02-03", "asserted", True),
    ("2027", "asserted", True),
    ("2026-01", "asserted", False),
    ("2025-12-30", "asserted", False),
    ("2026-03-01", "planned", False),
]


def test_event_dated_after_publication(built: tuple[Store, dict[str, Any]]) -> None:
    """Events coded on the stored text, checked by the datechecks stage, stored, and read back by the report."""
    store, docs = built
    doc = docs["wire_2026.txt"]
    text = doc["text"]
    start = text.index("At least 83")
    end = text.index(".", start) + 1
    sentence, trigger = Span(start, end, text[start:end]), Span(start + 27, start + 33, "killed")
    coded = Document(source=doc["source"], text=text, published=doc["published"])
    for i, (date, status, _flag) in enumerate(EVENTS):
        coded.events.append(Event(
            "ASSAULT", None, Actor("United States", "USA", "MIL", "USAMIL"), None, status, sentence,
            Span(trigger.start + i, trigger.end, text[trigger.start + i:trigger.end]), "test:insert",
            date=date, date_precision={4: "year", 7: "month", 10: "day"}[len(date)], date_text=date))
    checked = build(["datechecks"], given=("text", "dates", "actors", "events"))(coded)
    flagged = [e for e, (_d, _s, flag) in zip(coded.events, EVENTS, strict=True) if flag]
    records = derived_records(checked, doc["id"])
    assert [r["record_id"] for r in records["date_issue"]] == [event_record(e, doc["id"])["id"] for e in flagged]
    with store.engine.begin() as conn:
        conn.execute(insert(schema.date_issues), [Store.derived_row("date_issue", r) for r in records["date_issue"]])
    try:
        report = source_report(store)
        row = _doc_row(report, doc["id"])
        after = [f for f in row.findings if f.issue == "event_after_publication"]
        assert sorted(f.detail.split(" dated ")[1].split(" ")[0] for f in after) == ["2026-02-03", "2027"]
        assert all(f.text == sentence.text for f in after)
        assert row.counts.date_issues["event_after_publication"] == 2
        gulf = next(p for p in report.publishers if p.publisher == "Gulf Wire")
        assert gulf.counts.date_issues == {"event_after_publication": 2, "stale_newcomer": 1}
    finally:
        with store.engine.begin() as conn:
            conn.execute(schema.date_issues.delete().where(
                schema.date_issues.c.data["issue"].as_string() == "event_after_publication"))


def test_date_issues_are_exported_as_records(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    issues = list(store.records(["date_issue"]))
    assert [(r["kind"], r["issue"], r["text"]) for r in issues] == [("date_issue", "stale_newcomer",
                                                                     "newly elected president")]
    on = docs["wire_2026.txt"]
    assert issues[0]["document_id"] == on["id"] and on["text"][issues[0]["start"]:issues[0]["end"]] == issues[0]["text"]
    mention = next(m for m in store.records(["mention"]) if m["id"] == issues[0]["record_id"])
    assert mention["type"] == "actor" and mention["text"].endswith("Claudia Sheinbaum")


def test_publisher_rows_pool_their_documents(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    report = source_report(store)
    assert [p.publisher for p in report.publishers] == ["Gulf Wire", "Harbor Times"]
    gulf = report.publishers[0].counts
    d26, d24 = (_doc_row(report, docs[n]["id"]).counts for n in ("wire_2026.txt", "wire_2024.txt"))
    assert gulf.documents == 2
    assert gulf.claims == d26.claims + d24.claims
    assert gulf.claims_unsourced == d26.claims_unsourced + d24.claims_unsourced
    removed, kept = d26.removed_blocks + d24.removed_blocks, d26.paragraphs + d24.paragraphs
    assert gulf.boilerplate == pytest.approx(removed / (removed + kept))
    assert gulf.date_issues["stale_newcomer"] == 1


def test_sorting_puts_unknown_values_last_both_ways(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    report = source_report(store)
    quoted = docs["wire_2026.txt"]["id"]
    for desc in (False, True):
        rows = sorted_rows(report, "document", "named", desc)
        assert rows[0].id == quoted and rows[-1].counts.named is None
    by_boilerplate = [r.counts.boilerplate for r in sorted_rows(report, "document", "boilerplate", desc=True)]
    assert by_boilerplate == sorted(by_boilerplate, reverse=True)
    assert [r.id for r in sorted_rows(report, "document", "stale_new", desc=True, limit=1)] == [quoted]
    names = [r.publisher for r in sorted_rows(report, "publisher", "publisher", desc=True)]
    assert names == ["Harbor Times", "Gulf Wire"]


@pytest.mark.parametrize(("by", "sort", "message"), [
    ("document", "documents", "cannot sort the document report by 'documents'"),
    ("publisher", "title", "cannot sort the publisher report by 'title'"),
    ("outlet", None, "unknown report view 'outlet'"),
])
def test_bad_view_or_column_is_a_usage_error(built: tuple[Store, dict[str, Any]], by: str, sort: str | None,
                                             message: str) -> None:
    store, _ = built
    with pytest.raises(UsageError, match=message):
        render_table(source_report(store), by=by, sort=sort)


def test_both_views_sort_where_the_column_exists(built: tuple[Store, dict[str, Any]]) -> None:
    store, _ = built
    report = source_report(store)
    text = render_report(report, sort="title", width=200)  # only the document view has titles
    assert "Sources by publisher (2 publishers)" in text and "Sources by document (3 documents)" in text
    assert text.index("Mexico rejects US") < text.index("Sheinbaum pledges") < text.index("US and Mexico agree")
    with pytest.raises(UsageError, match="cannot sort the report by 'speed'"):
        render_report(report, sort="speed")


def test_table_shows_the_figures(built: tuple[Store, dict[str, Any]]) -> None:
    store, _ = built
    table = render_table(source_report(store), by="publisher", sort="documents", desc=True, width=200)
    gulf = next(line for line in table.splitlines() if "Gulf Wire" in line)
    assert gulf.split()[2:4] == ["2", f"{100 * source_report(store).publishers[0].counts.boilerplate:.0f}%"]


def test_json_has_rows_breakdowns_and_evidence(built: tuple[Store, dict[str, Any]]) -> None:
    store, docs = built
    out = report_json(source_report(store), sort="stale_new", desc=True, limit=2)
    assert set(out) == {"columns", "thresholds", "publishers", "documents"}
    assert out["thresholds"] == {"newcomer_max_days": 274}
    assert len(out["documents"]) == 2 and len(out["publishers"]) == 2
    first = out["documents"][0]
    assert first["document"] == docs["wire_2026.txt"]["id"] and first["stale_new"] == 1
    assert first["citation_issues_by_type"] == {"cited_not_listed": 1, "listed_not_cited": 1}
    assert first["date_findings"][0]["text"] == "newly elected president"
    assert set(out["columns"]["document"]) <= set(first)
    only = report_json(source_report(store), by="publisher")
    assert "documents" not in only and only["publishers"][0]["publisher"] == "Gulf Wire"


# An undated page is judged by the latest date in its own reference list: it cannot be older than what
# it cites.
UNDATED = """Border talks stall as troops deploy

Mexico's newly elected president, Claudia Sheinbaum, said her government would not accept foreign troops \
on Mexican soil, as talks with Washington on border security stalled again.

More than 2,000 soldiers were sent to the northern border, the defence ministry said [1].

References
[1] Reuters. “Mexico sends troops to the northern border.” {cited}.
"""


def test_an_undated_page_is_judged_by_what_it_cites(tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text(UNDATED.format(cited="January 12, 2026"), encoding="utf-8")
    (tmp_path / "early.txt").write_text(UNDATED.format(cited="October 9, 2024"), encoding="utf-8")
    cfg = settings.load({"db": str(tmp_path / "undated.db")})
    with Store.open(cfg["db"]) as store:
        ingest([str(tmp_path / "late.txt"), str(tmp_path / "early.txt")], store, cfg)
        report = source_report(store)
    stale = {Path(r.source).stem: r.counts.date_issues["stale_newcomer"] for r in report.documents}
    assert stale == {"late": 1, "early": 0}
    assert all(r.counts.boilerplate is not None for r in report.documents)


# A Spanish page written for this test: a figure sourced to the Navy, one cited [1], one unsourced,
# a marker with no entry [3], an entry never cited [2], and a named and an unnamed speaker.
SPANISH = """\
CIUDAD DE MÉXICO, 14 de octubre de 2025.- La Secretaría de Marina informó que al menos 40 personas fueron detenidas en Sinaloa, según la dependencia.

El operativo movilizó a más de 1,200 elementos en tres municipios [1], y se aseguraron 3 toneladas de droga [3].

«No vamos a permitir ninguna intervención extranjera», dijo la presidenta Claudia Sheinbaum en Palacio Nacional.

«La coordinación sigue», afirmó un funcionario que pidió el anonimato.

Referencias

[1] Secretaría de Marina. «Comunicado 310/2025.»

[2] Gobierno de México. «Informe de seguridad.»
"""


def test_the_source_report_reads_a_spanish_page(tmp_path: Path) -> None:
    (tmp_path / "marina.txt").write_text(SPANISH, encoding="utf-8")
    cfg = settings.load({"db": str(tmp_path / "es.db")})
    with Store.open(cfg["db"]) as store:
        ingest([str(tmp_path / "marina.txt")], store, cfg)
        report = source_report(store)
    (row,) = report.documents
    c = row.counts
    assert dict(c.citation_issues) == {"cited_not_listed": 1, "listed_not_cited": 1}
    # one claim a sentence: the Navy's 40 detained ("según la dependencia"); 1,200 and 3 tons, cited [1]
    assert (c.claims, c.claims_attributed, c.claims_cited) == (2, 1, 1)
    # Sheinbaum is named; "un funcionario que pidió el anonimato" is not (and is not taken for her)
    assert c.quotes_named == 1
