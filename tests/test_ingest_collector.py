"""ingest() holds the cyclic collector to a higher first threshold while it runs, and gives it back after."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import COLLECT_AFTER, ingest
from storyline.store.db import Store

REPORT = ("Navy seizes cocaine off Veracruz\n\nVERACRUZ, May 6, 2025 — Mexico's navy seized 400 kilograms of "
          "cocaine from a fishing boat off Veracruz on Tuesday, the navy ministry said in a statement.\n")


@pytest.mark.parametrize("first", [700, COLLECT_AFTER * 2])
def test_the_collector_runs_less_often_during_an_ingest_and_as_before_after(
        tmp_path: Path, store: Store, cfg: dict[str, Any], first: int) -> None:
    (tmp_path / "navy.txt").write_text(REPORT, encoding="utf-8")
    before = gc.get_threshold()
    during: list[int] = []
    try:
        gc.set_threshold(first, *before[1:])
        summary = ingest([str(tmp_path / "navy.txt")], store, cfg, on_item=lambda *_: during.append(gc.get_threshold()[0]))
        assert summary.new == 1
        assert during == [max(first, COLLECT_AFTER)]  # never lowered where it was set higher
        assert gc.get_threshold() == (first, *before[1:])
    finally:
        gc.set_threshold(*before)
