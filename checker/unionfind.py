"""Disjoint sets over 0..n-1: the grouping step of reprints, statements and the entity index."""

from __future__ import annotations


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        """The representative of x's set (with path halving)."""
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Join b's set to a's."""
        self.parent[self.find(b)] = self.find(a)
