"""Union-find: the groups a run of links makes, whatever order the finds come in."""

from __future__ import annotations

from storyline.unionfind import union_find


def test_links_join_groups_transitively_and_the_caller_picks_the_root() -> None:
    parent: dict[str, str] = {}
    find = union_find(parent)
    for a, b in [("a", "b"), ("c", "d"), ("b", "d")]:
        parent[find(a)] = find(b)
    assert {find(x) for x in "abcd"} == {"d"}
    assert find("e") == "e"  # an item never linked is a group of its own
    assert parent["e"] == "e"


def test_halving_paths_keeps_every_root() -> None:
    parent = {i: i + 1 for i in range(9)} | {9: 9}  # one chain 0 -> 1 -> ... -> 9
    find = union_find(parent)
    assert find(0) == 9
    assert parent[0] != 1  # the path was shortened
    assert all(find(i) == 9 for i in range(10))
