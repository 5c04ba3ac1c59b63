"""Story threading: clusters of one dyad whose matters each name the other's are one thread."""

from __future__ import annotations

from typing import Any

from storyline.link.merge import matter_of, report_from_record, thread_keys

USA_LEG = {"name": "lawmakers", "country": "USA", "sector": "LEG", "id": None}
USA_GOV = {"name": "the president", "country": "USA", "sector": "GOV", "id": None}
VEN = {"name": "Venezuela", "country": "VEN", "sector": None, "id": None}
MEX = {"name": "Mexico", "country": "MEX", "sector": None, "id": None}


def _record(n: int, evidence: str, type_: str, actor: dict[str, Any], recipient: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"e{n}", "document_id": f"d{n}", "type": type_, "actor": actor, "recipient": recipient,
            "date": None, "date_precision": None, "location": None, "status": "asserted",
            "magnitude": {}, "intensity": -2.0, "evidence": evidence}


def _threads(*records: dict[str, Any]) -> tuple[list[str | None], list[str]]:
    reports = [report_from_record(r, published="2025-10-20") for r in records]
    groups = [[i] for i in range(len(reports))]
    return [matter_of(reports, g) for g in groups], thread_keys(reports, groups)


def test_two_matters_each_naming_the_other_are_one_thread() -> None:
    matters, keys = _threads(
        _record(1, "A bid by lawmakers to halt the strikes on smuggling boats near Venezuela failed in a vote",
                "REJECT", USA_LEG, VEN),
        _record(2, "Lawmakers voted to table a resolution limiting further military action against Venezuela",
                "REJECT", USA_LEG, VEN))
    assert matters == ["military_strikes", "war_powers"]  # each told by its own words
    assert keys[0] == keys[1] == "=VEN|military_strikes"


def test_a_matter_named_one_way_only_stays_its_own_thread() -> None:
    matters, keys = _threads(
        _record(1, "The president threatened tariffs on Mexican imports over migrants crossing the border",
                "THREATEN", USA_GOV, MEX),
        _record(2, "The president threatened Mexico over the migrants crossing its border by the thousands",
                "THREATEN", USA_GOV, MEX))
    assert matters == ["tariffs", "border"]
    assert keys[0] != keys[1]


def test_matters_of_two_recipients_are_never_joined() -> None:
    _, keys = _threads(
        _record(1, "A bid by lawmakers to halt the strikes on smuggling boats near Venezuela failed in a vote",
                "REJECT", USA_LEG, VEN),
        _record(2, "Lawmakers voted to table a resolution limiting further military action against Mexico",
                "REJECT", USA_LEG, MEX))
    assert keys == ["=VEN|military_strikes", "=MEX|war_powers"]


def test_a_report_naming_no_matter_takes_the_one_its_article_names() -> None:
    first = _record(1, "The military said it had struck two smuggling boats off the coast of Venezuela",
                    "ASSAULT", USA_GOV, VEN)
    told_back = _record(2, "The operations have killed at least nineteen people so far", "ASSAULT", USA_GOV, VEN)
    elsewhere = _record(3, "The operations have killed at least nineteen people so far", "ASSAULT", USA_GOV, VEN)
    elsewhere["document_id"] = "d9"
    told_back["document_id"] = first["document_id"]
    matters, keys = _threads(first, told_back, elsewhere)
    assert matters == ["military_strikes", None, None]
    assert keys[0] == keys[1] == "=VEN|military_strikes"
    assert keys[2].startswith("#")  # an article that names no matter: nothing to follow it by


def test_an_article_naming_two_matters_lends_none() -> None:
    records = [_record(1, "The military said it had struck two smuggling boats off the coast of Venezuela",
                       "COERCE", USA_GOV, VEN),
               _record(2, "The treasury froze the assets of two banks in Caracas", "COERCE", USA_GOV, VEN),
               _record(3, "The measures have hit hard, officials said", "COERCE", USA_GOV, VEN)]
    for r in records:
        r["document_id"] = "d1"
    matters, keys = _threads(*records)
    assert matters == ["military_strikes", "sanctions", None]
    assert keys[2].startswith("#")


def test_reports_with_no_recipient_country_join_threads_both_ways_too() -> None:
    none = {"name": None, "country": None, "sector": None, "id": None}
    _, keys = _threads(
        _record(1, "A bid by lawmakers to halt the strikes on smuggling boats failed in a vote", "REJECT", USA_LEG, none),
        _record(2, "Lawmakers voted to table a resolution limiting further military action", "REJECT", USA_LEG, none))
    assert keys[0] == keys[1] == "?|military_strikes"
