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

    A pair two buckets share is given by the first of them. Which pairs came before is remembered in one
    of two ways, with the same pairs in the same order: items in a few buckets each (a name's surname
    and initial) are asked whether an earlier bucket holds both, which needs no memory per pair (a long
    article yields millions of them); items in many buckets (a claim's words) are looked up in a set of
    the pairs given.
    """
    kept = [members for members in buckets if len(members) <= cap]
    of: dict[int, list[int]] = {}
    for b, members in enumerate(kept):
        for i in members:
            of.setdefault(i, []).append(b)
    if of and sum(map(len, of.values())) <= 3 * len(of):
        yield from _first_bucket_pairs(kept, of)
        return
    seen: set[tuple[int, int]] = set()
    for members in kept:
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _first_bucket_pairs(kept: list, of: dict[int, list[int]]):
    """bucket_pairs for items in few buckets: a pair is given by the first bucket both are in."""
    doubled: dict[int, int] = {}  # item -> the first bucket that lists it twice (whose pair (i, i) it gives)
    for b, members in enumerate(kept):
        if len(members) != len(set(members)):
            for i in {i for i in members if members.count(i) > 1}:
                doubled.setdefault(i, b)
    for b, members in enumerate(kept):
        twice = len(members) != len(set(members))  # an item listed twice in one bucket: its pairs once
        done: set[tuple[int, int]] = set()
        for x in range(len(members)):
            i = members[x]
            mine = of[i]
            for y in range(x + 1, len(members)):
                j = members[y]
                theirs = of[j]
                if (doubled[i] < b) if i == j else any(bb < b and bb in theirs for bb in mine):
                    continue
                pair = (i, j)
                if twice:
                    if pair in done:
                        continue
                    done.add(pair)
                yield pair
