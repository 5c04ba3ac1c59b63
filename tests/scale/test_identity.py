"""Document ids decided without a store match what `Store.add_document` decides in reading order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import ingest
from storyline.model import stable_id
from storyline.scale.identity import identities
from storyline.store.db import Store

H = "0123456789abcdef"


@pytest.mark.parametrize(
    ("copies", "expected"),
    [
        ([("0.0", "a.html")], [("new", H, None)]),
        # a wire story and its syndicated copy: the copy read later points at the first
        ([("0.0", "wire.html"), ("1.0", "copy.html")],
         [("new", H, None), ("duplicate", stable_id(H, "copy.html"), H)]),
        # reading order decides, not the order the copies arrive in
        ([("1.0", "copy.html"), ("0.0", "wire.html")],
         [("duplicate", stable_id(H, "copy.html"), H), ("new", H, None)]),
        # the same file named twice: the second is unchanged and keeps the first's id
        ([("0.0", "a.html"), ("3.0", "a.html")], [("new", H, None), ("unchanged", H, None)]),
        ([("0.0", "a.html"), ("1.0", "b.html"), ("2.0", "b.html")],
         [("new", H, None), ("duplicate", stable_id(H, "b.html"), H), ("unchanged", stable_id(H, "b.html"), None)]),
    ],
)
def test_identities(copies: list[tuple[str, str]], expected: list[tuple[str, str, str | None]]) -> None:
    decided = identities(H, copies)
    got = [(decided[o].status, decided[o].document_id, decided[o].duplicate_of) for o, _ in copies]
    assert got == expected


TEXT = ("Mexico's foreign ministry summoned the US ambassador on Wednesday to protest remarks by President "
        "Donald Trump about strikes on cartels.\n")


def test_the_store_decides_the_same(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    paths = []
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
        paths.append(str(tmp_path / name))
    ingest([*paths, paths[0]], store, cfg)
    stored = {r["source"]: (r["id"], r["duplicate_of"]) for r in store.records(["document"])}
    h, first_copy_of = stored[paths[0]]  # b.txt, read first, is the original
    assert first_copy_of is None
    decided = identities(h, [(f"{i}.0", p) for i, p in enumerate([*paths, paths[0]])])
    assert {p: (decided[f"{i}.0"].document_id, decided[f"{i}.0"].duplicate_of)
            for i, p in enumerate(paths)} == stored
