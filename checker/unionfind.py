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


def bucket_pairs(buckets, cap: int):
    """Each pair (i, j), i before j in its bucket, once, from buckets of item indexes (lists in ascending order).

    Candidates come from shared keys, never all pairs; a bucket larger than
    `cap` is a key nearly everything shares and is skipped.
    """
    seen: set[tuple[int, int]] = set()
    for members in buckets:
        if len(members) > cap:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair
