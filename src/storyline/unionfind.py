"""Union-find (disjoint sets): which items a run of links joins into one group.

Takes a dict mapping each item to its parent (an item it does not hold is a group of its own) and
gives `find`, the item that stands for an item's group. Union is `parent[find(a)] = find(b)`: the
caller chooses which root stands for the joined group, so the groups do not depend on how the
paths were shortened. It does not rank or size the groups.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def union_find(parent: dict[K, K]) -> Callable[[K], K]:
    """The `find` over `parent`, halving every path it walks so that later finds are short."""

    def find(x: K) -> K:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return find
