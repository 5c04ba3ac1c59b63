"""Parquet export of records whose member types are only known once every record is seen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.store import export
from storyline.store.export import write_files

pq = pytest.importorskip("pyarrow.parquet")


def _event(n: int, killed: int | None) -> dict[str, Any]:
    return {"kind": "event", "id": f"e{n}", "document_id": "d1", "type": "ASSAULT", "mode": None,
            "magnitude": {"killed": killed, "injured": None, "count": None}, "evidence": f"Sentence {n}."}


def test_a_member_null_in_the_first_batch_and_filled_later_is_written(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "PARQUET_BATCH", 2)
    records = [_event(1, None), _event(2, None), _event(3, 4), _event(4, None), _event(5, 12)]
    out = tmp_path / "events.parquet"
    assert write_files(iter(records), ["event"], "parquet", str(out)) == {"event": 5}
    back = pq.read_table(out).to_pylist()
    assert [r["id"] for r in back] == ["e1", "e2", "e3", "e4", "e5"]
    assert [r["magnitude"]["killed"] for r in back] == [None, None, 4, None, 12]


def test_conflicts_over_a_date_and_over_a_count_share_one_file(tmp_path: Path) -> None:
    def story(n: int, field: str, values: list[Any]) -> dict[str, Any]:
        conflicts = [{"field": field, "values": [{"value": v, "document_id": f"d{i}"} for i, v in enumerate(values)]}]
        return {"kind": "story", "id": f"s{n}", "conflicts": conflicts,
                "clusters": [{"id": f"i{n}", "conflicts": conflicts}]}

    records = [story(1, "date", ["2024-03-02", "2024-03-03"]), story(2, "count", [30, 35]),
               story(3, "killed", [None, 7])]
    out = tmp_path / "stories.parquet"
    assert write_files(iter(records), ["story"], "parquet", str(out)) == {"story": 3}
    back = pq.read_table(out).to_pylist()
    values = [[v["value"] for v in r["conflicts"][0]["values"]] for r in back]
    assert values == [["2024-03-02", "2024-03-03"], ["30", "35"], [None, "7"]]
    assert [[v["value"] for v in r["clusters"][0]["conflicts"][0]["values"]] for r in back] == values
