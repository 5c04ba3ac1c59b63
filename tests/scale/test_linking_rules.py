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
