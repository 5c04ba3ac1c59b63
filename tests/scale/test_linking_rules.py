"""The Spark linking stages choose near-duplicate candidates by the store's rules (no Spark needed)."""

from __future__ import annotations

from collections import Counter

import pytest

from storyline.link import neardup
from storyline.scale.linking import _candidates, _earlier


def test_a_document_looks_through_a_bucket_only_while_it_holds_few_earlier_documents(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neardup, "MAX_BUCKET", 2)
    members = [("0003", "c"), ("0001", "a"), ("0004", "d"), ("0002", "b")]  # (reading order, id)
    got = sorted(_earlier(("bucket", members)))
    # a, b and c arrive with 0, 1 and 2 earlier documents in the bucket; d with 3, over the cap
    assert got == [("b", "a"), ("c", "a"), ("c", "b")]


def test_the_likeliest_candidates_are_those_sharing_most_buckets_ties_by_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neardup, "MAX_CANDIDATES", 2)
    earlier = ["x", "y", "z", "y", "z", "w", "w"]  # y, z and w share two buckets each, x one
    assert sorted(_candidates(("doc", earlier))) == [("w", "doc"), ("y", "doc")]
    assert neardup.likeliest(Counter(earlier)) == ["w", "y"]


def test_fingerprints_confirm_the_pairs_the_shingles_confirm() -> None:
    import json
    from pathlib import Path

    from storyline.scale.linking import _unpack, text_index

    folder = Path(__file__).resolve().parents[2] / "src" / "storyline" / "examples"
    texts = [(folder / "invented-analysis-dump.txt").read_text(encoding="utf-8")]
    for line in (folder / "invented-briefs.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line).get("text") or "")
    texts = [t for t in texts if len(neardup.shingles(t)) >= neardup.MIN_SHINGLES]
    assert len(texts) >= 2
    wire = texts[0]
    edited = wire.replace(".", ", officials said.", 2) + " The ministry declined to comment further."
    half = wire[: len(wire) // 2]
    for a, b in [(wire, edited), (wire, half), (wire, texts[1]), (edited, texts[1])]:
        grams_a, grams_b = neardup.shingles(a), neardup.shingles(b)
        by_strings = neardup.near_duplicate(grams_a, grams_b)
        by_prints = neardup.near_duplicate(_unpack(text_index(a)[1]), _unpack(text_index(b)[1]))
        assert by_prints == by_strings
    assert neardup.near_duplicate(neardup.shingles(wire), neardup.shingles(edited)) is not None
    assert text_index("too short to index") == ([], b"")
