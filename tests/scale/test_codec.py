"""Records survive the trip through the Parquet row shape: typed contract fields, JSON where types vary."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.scale.codec import SCHEMAS, from_row, to_row

EVENT = {
    "kind": "event", "id": "e1", "document_id": "d1", "type": "ASSAULT", "mode": "airstrike",
    "actor": {"name": "United States", "country": "USA", "sector": "MIL", "id": "USA"},
    "recipient": None, "date": "2025-11-17", "date_precision": "day", "date_text": "on Monday",
    "location": {"name": "Caribbean Sea", "country": None, "lat": 15.0, "lon": -75.0, "precision": "sea"},
    "status": "asserted", "magnitude": {"killed": 3, "injured": None, "count": None}, "intensity": -9.0,
    "evidence": "The US military struck a vessel in the Caribbean on Monday, killing three people.",
    "reported_by": None, "confidence": 0.8, "background": False, "trigger": {"text": "struck", "start": 16, "end": 22},
    "start": 0, "end": 84, "rule": "triggers.yaml:verb:strike#1",
    "added_later": {"nested": [1, 2]},  # a field the schema does not list yet
}
STORY = {
    "kind": "story", "id": "s1", "type": "ASSAULT", "actor": {"name": "United States", "country": "USA",
                                                             "sector": None, "id": None},
    "recipient": None, "date_first": "2025-11-17", "date_last": "2025-11-18", "event_ids": ["e1", "e2"],
    "document_ids": ["d1", "d2"], "sources": ["a.example", "b.example"], "corroboration": 2,
    "conflicts": [{"field": "killed", "values": [{"value": 3, "document_id": "d1"}, {"value": 4, "document_id": "d2"}],
                   "cluster_id": "c1"},
                  {"field": "date", "values": [{"value": "2025-11-17", "document_id": "d1"},
                                               {"value": "2025-11-18", "document_id": "d2"}], "cluster_id": "c1"}],
    "independent_sources": ["a.example", "b.example"],
    "clusters": [{"id": "c1", "date": "2025-11-17", "date_precision": "day", "event_ids": ["e1", "e2"],
                  "document_ids": ["d1", "d2"], "sources": ["a.example", "b.example"], "corroboration": 2,
                  "intensity": -9.0, "evidence": "The US military struck a vessel.", "conflicts": []}],
}
MENTION = {"kind": "mention", "id": "m1", "document_id": "d1", "type": "date", "text": "on Monday", "start": 3,
           "end": 12, "value": {"value": "2025-11-17", "precision": "day", "range": None}, "rule": "dates:weekday"}
CLAIM = {"kind": "claim", "id": "c1", "document_id": "d1", "text": "At least 80 people have been killed.",
         "quantities": [{"value": 80, "qualifier": "at least", "unit": "people", "phrase": "at least 80 people",
                         "upper": None}],
         "attributed_to": None, "citations": [3, 4], "start": 0, "end": 36, "rule": "claims:quantity"}


def _as_arrow(spec: Any, value: Any) -> Any:
    """What pyarrow hands back for a row built by `to_row`: structs as dicts, lists as lists."""
    if value is None:
        return None
    if isinstance(spec, dict):
        return {k: _as_arrow(t, v) for (k, t), v in zip(spec.items(), value, strict=True)}
    if isinstance(spec, list):
        return [_as_arrow(spec[0], v) for v in value]
    return value


@pytest.mark.parametrize("record", [EVENT, STORY, MENTION, CLAIM], ids=lambda r: r["kind"])
def test_round_trip(record: dict[str, Any]) -> None:
    spec = SCHEMAS[record["kind"]]
    row = to_row(record["kind"], record)
    as_read = {**_as_arrow(spec, row[:-1]), "extra": row[-1]}
    assert from_row(record["kind"], as_read) == record


def test_conflict_values_keep_their_type() -> None:
    row = to_row("story", STORY)
    back = from_row("story", {**_as_arrow(SCHEMAS["story"], row[:-1]), "extra": row[-1]})
    assert [v["value"] for v in back["conflicts"][0]["values"]] == [3, 4]
    assert back["conflicts"][1]["values"][0]["value"] == "2025-11-17"


def test_a_value_of_the_wrong_type_names_the_field() -> None:
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match=r"event\.magnitude\.killed"):
        to_row("event", {**EVENT, "magnitude": {"killed": "three"}})


def test_spark_schema_lists_every_column() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'storyline[spark]'")
    from storyline.scale.codec import spark_schema

    assert spark_schema("event").fieldNames() == [*SCHEMAS["event"], "extra"]
    assert spark_schema("story")["conflicts"].dataType.elementType["values"].dataType.elementType.names == [
        "value", "document_id"]
