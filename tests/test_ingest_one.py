"""ingest_one: one input through the seen-check, the pipeline, the store and linking, on a real store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline.ingest import ingest_one
from storyline.link import pending
from storyline.model import RawInput
from storyline.store.db import Store

REPORT = ("Navy seizes cocaine off Veracruz\n\nVERACRUZ, May 6, 2025 — Mexico's navy seized 400 kilograms of "
          "cocaine from a fishing boat off Veracruz on Tuesday, the navy ministry said in a statement.\n")


def test_a_raw_input_is_stored_linked_then_unchanged(store: Store) -> None:
    raw = RawInput(source="wire/navy.txt", content=REPORT, format="text")
    first = ingest_one(raw, store)
    assert first.status == "new" and first.document_id and first.error is None
    assert first.link["documents"] == 1 and not pending(store)
    again = ingest_one(RawInput(source="wire/navy.txt", content=REPORT, format="text"), store)
    assert (again.status, again.document_id, again.link) == ("unchanged", first.document_id, {})
    copy = ingest_one(RawInput(source="daily/navy.txt", content=REPORT, format="text"), store)
    assert copy.status == "duplicate" and copy.document_id != first.document_id
    assert store.count("document") == 2


def test_a_path_is_read_with_the_settings_and_a_bad_one_is_an_ingest_error(
        tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    page = tmp_path / "navy.txt"
    page.write_text(REPORT, encoding="utf-8")
    done = ingest_one(str(page), store, settings=cfg, link=False)
    assert done.status == "new" and done.link == {} and pending(store)
    missing = ingest_one(str(tmp_path / "gone.txt"), store, settings=cfg)
    assert missing.status == "failed" and missing.error is not None and missing.error.stage == "read"
    assert store.count("ingest_error") == 1 and store.count("document") == 1
