"""FC111 places: where an event happened, and in which direction from a named place.

What it finds
    A place claim: a relation word and the place it names, in a story
    sentence. The relations (rules/vocab/places.toml) are a point ("in X",
    "at X", "near X"), a side ("inside the courtroom", "outside the
    courthouse"), a direction with or without a distance ("55 km south of
    X", "west of X"), the sea by a place ("off X", "130km off the coast of
    X") and a stretch between two places ("between X and Y"). The place is a
    capitalised name (checker/entities.py; never a person), with the common
    noun of a building written after it ("the Harbour cable station"), or a
    building written after "the" ("the courtroom"); "X, Y" and "X in Y" give
    the place it lies in.

    Two claims of different articles locate one event when the words around
    them (the event, the people) agree closely, or their sentences were
    already tied by an agreeing fact (LINKS). Then: the same place (the same
    name, one name inside the other, "Linfield Hospital" and "Orrin Vale
    Linfield Hospital") with compatible relations ("near X" and "in X", "off
    X" and "150 miles east of X") is an agreement; the same place with
    opposite sides ("inside" and "outside") or directions at least 90 degrees
    apart ("east of X", "west of X") is a discrepancy; two different places
    are a discrepancy only when both are named, the event words agree very
    closely, and no sentence of the story names the two places together
    (which would hint that one lies in the other). A place that may contain
    the other ("in the county" and "in its capital") is never a discrepancy,
    and a place only one article gives is not reported.

Why it matters
    A chase that ended in one town or another, a killing inside or outside a
    building, a ship east or west of a port: where an event happened is a
    fact readers rely on, and two outlets placing it apart means one of them
    is wrong.

Example
    A: The tanker ran aground 20 miles east of Port Calder on Sunday night.
    B: On Sunday night the tanker ran aground 20 miles west of Port Calder.
    -> discrepancy
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from checker import vocab
from checker.align import context_candidates, context_similarity, greedy_groups
from checker.claims import make_claim
from checker.compare import article_list, make_finding
from checker.entities import NameBuckets, find_mentions, names_match
from checker.evidence import LINKS
from checker.model import Article, Claim, Finding
from checker.text import sentence_words, stem, stopwords, surface

CODE = "FC111"
NAME = "places"
REPORT_ALONE = False  # a place one article alone gives is not reported
KINDS = ("agreement", "discrepancy")
NEEDS = (LINKS,)  # sentences tied by an agreeing fact are one event

AGREE_AT = 0.35  # context similarity two claims of one place need to locate one event
CLASS_AT = 0.3  # ... a clash (two places, two sides, two directions) when both name one event class
DIFFER_AT = 0.5  # ... a clash when no event word tells the event: only on close agreement
NEAR_AT = 0.25  # and then the nearest words must agree a little
MIN_PREFIX = 5  # "courtroom" and "courthouse" are one building: a shared first part this long
MAX_FINDINGS = 12  # place findings per story at most (discrepancies first)


@dataclass(frozen=True, slots=True)
class Place:
    relation: str  # point, inside, outside, off, direction, between
    names: tuple[str, ...]  # the place(s) as written (two after "between")
    bearing: int | None = None  # a direction's bearing in degrees
    container: str | None = None  # the place it lies in ("Orvin, Calder State": Calder State)
    common: bool = False  # a building named by a common noun ("the courtroom")
    event: str | None = None  # the event class of the nearest event word ("death", "capture")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"relation": self.relation, "places": list(self.names)}
        if self.bearing is not None:
            out["bearing"] = self.bearing
        if self.container:
            out["within"] = self.container
        return out


@functools.cache
def _v() -> dict:
    return vocab.load("places")


@functools.cache
def _set(key: str) -> frozenset[str]:
    return vocab.word_set("places", key)


@functools.cache
def _relations() -> dict[str, str]:
    return {k.lower(): v for k, v in _v()["relations"].items()}


@functools.cache
def _bearings() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in _v()["directions"].items()}


@functools.cache
def _event_words() -> dict[str, str]:
    return {stem(w.lower()): cls for cls, ws in _v()["events"].items() for w in ws}


def _event_of(toks, before: int, after: int) -> str | None:
    """The class of the nearest event word before token `before`, else from token `after` on."""
    words = _event_words()
    for k in range(before - 1, max(before - int(_v()["event_window_before"]), 0) - 1, -1):
        cls = words.get(stem(toks[k][0].lower()))
        if cls:
            return cls
    for k in range(after, min(after + int(_v()["event_window_after"]), len(toks))):
        cls = words.get(stem(toks[k][0].lower()))
        if cls:
            return cls
    return None


_WORD = re.compile(r"[^\W_][\w'’\-]*")


@functools.lru_cache(maxsize=16384)  # a pure function of the name: every pair of places asks for both
def _fold(s: str) -> str:
    return " ".join(w for w in re.findall(r"[^\W_]+", s.lower()) if w not in _set("name_stopwords"))


def _mention_starts(article: Article) -> dict[int, Any]:
    not_place = _set("not_place_kinds")
    venues = _set("venue_nouns")
    mentions = find_mentions(article)
    # a surname used alone names the person the article named in full ("Roe" after "Hanna Roe")
    people = {w for m in mentions if m.kind in not_place for w in (m.text, m.text.split()[-1])}
    out = {}
    for m in mentions:
        if m.kind in not_place or m.text in people:
            continue
        if m.kind == "body" and m.text.split()[-1].lower() not in venues:
            continue  # a company or a council is not a place; a hospital is
        out[m.start] = m
    return out


def _venue_run(toks: list[tuple[str, int, int]], k: int, limit: int) -> int:
    """How many lowercase words from k form a building's common noun (the last a venue noun); 0 when none."""
    venues = _set("venue_nouns")
    best = 0
    for n in range(1, limit + 1):
        if k + n > len(toks):
            break
        w = toks[k + n - 1][0]
        if not w.islower() or not w.isalpha():
            break
        if w in venues:
            best = n
    return best


def _place_at(text: str, toks, k: int, starts: dict[int, Any]) -> tuple[str, int, int, bool] | None:
    """The place written from token k: (name, end offset, next token, common noun?)."""
    n = len(toks)
    the = k < n and toks[k][0].lower() == "the"
    j = k + 1 if the else k
    if j >= n:
        return None
    m = starts.get(toks[j][1])
    if m is not None:
        end = m.end
        nxt = j
        while nxt < n and toks[nxt][1] < end:
            nxt += 1
        run = _venue_run(toks, nxt, 2)
        name = m.text
        if run:
            end = toks[nxt + run - 1][2]
            name = text[m.start : end]
            nxt += run
        elif the and nxt < n and toks[nxt][0].islower() and toks[nxt][0] not in stopwords() and toks[nxt][1] == end + 1:
            return None  # "off the Brevian shipping lane": the name only qualifies a noun
        return name, end, nxt, False
    if the:
        run = _venue_run(toks, j, int(_v()["max_venue_words"]))
        if run:
            end = toks[j + run - 1][2]
            return text[toks[j][1] : end], end, j + run, True
    return None


def _distance_start(text: str, toks, i: int) -> int:
    """The start of a distance written just before token i ("about 150 nautical miles"), else token i's start."""
    units, hedges = _set("distance_units"), _set("distance_hedges")

    def joined(k: int) -> bool:  # token k-1 and token k stand one space apart
        return text[toks[k - 1][2] : toks[k][1]] == " "

    k = i
    while k > 0 and toks[k - 1][0].lower() in units and i - k < 2 and joined(k):
        k -= 1
    if k > 0 and joined(k) and any(ch.isdigit() for ch in toks[k - 1][0]):
        if k == i and not toks[k - 1][0][-1].isalpha():
            return toks[i][1]  # a bare figure with no unit ("the 3 off ...")
        k -= 1
        if k > 0 and joined(k) and toks[k - 1][0].lower() in hedges:
            k -= 1
        return toks[k][1]
    return toks[i][1]


def _container(text: str, end: int, stop: int, starts: dict[int, Any]) -> tuple[str | None, int]:
    """A place written after a place: ", Y" or " in Y" (the place it lies in), with the new end."""
    for lead in (", ", " in "):
        if text.startswith(lead, end):
            m = starts.get(end + len(lead))
            if m is None or m.end > stop or m.kind == "body":
                continue
            if lead == ", " and m.end < stop and text[m.end] not in ",.;:)":
                continue  # "at the Hospital, Roe said": a speaker, not the place it lies in
            return m.text, m.end
    return None, end


def _frames(article: Article) -> list[tuple[int, int, Place]]:
    text = article.text
    starts = _mention_starts(article)
    relations, bearings = _relations(), _bearings()
    off_words, coast = _set("off_words"), _set("coast_words")
    between, and_words = _set("between_words"), _set("and_words")
    out: list[tuple[int, int, Place]] = []
    named = sorted(starts)
    venues = _set("venue_nouns")
    words = sentence_words(article)
    for sent in article.sentences:
        k0 = bisect.bisect_left(named, sent.start)
        if (k0 == len(named) or named[k0] >= sent.end) and venues.isdisjoint(words[sent]):
            continue  # no place named and no building: nothing to locate
        toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, sent.start, sent.end)]
        n = len(toks)
        i = 0
        while i < n:
            w = toks[i][0]
            lw = w.lower()
            if w != lw and i > 0:
                i += 1
                continue
            start = toks[i][1]
            rel, bearing, k = "", None, i + 1
            if lw in bearings and i + 1 < n and toks[i + 1][0] == "of":
                rel, bearing, k = "direction", bearings[lw], i + 2
                start = _distance_start(text, toks, i)
            elif lw in off_words:
                rel = "off"
                start = _distance_start(text, toks, i)
                j = k
                while j < n and toks[j][0].lower() in coast and j - k < 3:
                    j += 1
                if j > k and toks[j - 1][0].lower() == "of":
                    k = j
                elif start == toks[i][1]:
                    m = starts.get(toks[k][1]) if k < n else None
                    if m is None or m.kind != "place":
                        i += 1
                        continue  # "off the bench": a bare "off" locates only before a known place
            elif lw in between:
                rel = "between"
            elif lw in relations:
                rel = relations[lw]
            if not rel:
                i += 1
                continue
            got = _place_at(text, toks, k, starts)
            if got is None:
                i += 1
                continue
            name, end, nxt, common = got
            names = (name,)
            if rel == "between":
                if nxt < n and toks[nxt][0].lower() in and_words:
                    second = _place_at(text, toks, nxt + 1, starts)
                    if second is None or second[3] or common:
                        i += 1
                        continue
                    names, end, nxt = (name, second[0]), second[1], second[2]
                else:
                    i += 1
                    continue
            container, end2 = (None, end) if common else _container(text, end, sent.end, starts)
            if end2 > end:
                end = end2
                while nxt < n and toks[nxt][1] < end:
                    nxt += 1
            elif not common and nxt < n and toks[nxt][0].lower() in between and rel != "between":
                # "in the Sea between X and Y": the stretch names the place more closely
                pair = _place_at(text, toks, nxt + 1, starts)
                if pair is not None and not pair[3] and pair[2] < n and toks[pair[2]][0].lower() in and_words:
                    second = _place_at(text, toks, pair[2] + 1, starts)
                    if second is not None and not second[3]:
                        names = (name, pair[0], second[0])
                        end, nxt = second[1], second[2]
            first = next(k for k in range(n) if toks[k][1] >= start)
            event = _event_of(toks, first, nxt)
            out.append((start, end, Place(rel, names, bearing, container, common, event)))
            i = max(nxt, i + 1)
    return out


def find_claims(article: Article) -> list[Claim]:
    return [make_claim(article, CODE, s, e, p, head=None) for s, e, p in _frames(article)]


def describe(claim: Claim) -> str:
    return f"'{claim.text}'"


# ---------------------------------------------------------------- comparing


def _same_common(a: str, b: str) -> bool:
    """Two buildings named by common nouns are one: "courtroom" and "court room", "courtroom" and "courthouse"."""
    x, y = a.lower().replace(" ", ""), b.lower().replace(" ", "")
    if x == y:
        return True
    k = 0
    while k < min(len(x), len(y)) and x[k] == y[k]:
        k += 1
    return k >= MIN_PREFIX


def _one_place(story, a: Claim, b: Claim, x: str, y: str) -> bool:
    fx, fy = _fold(x), _fold(y)
    if not fx or not fy:
        return False
    if fx == fy:
        return True
    wx, wy = set(fx.split()), set(fy.split())
    if wx <= wy or wy <= wx:
        return True  # "Linfield Hospital" inside "Orrin Vale Linfield Hospital"
    return names_match(story.entities, a.article, x, b.article, y)


def _places(p: Place) -> tuple[str, ...]:
    return p.names + ((p.container,) if p.container else ())


def _shared_place(story, a: Claim, b: Claim) -> bool:
    pa, pb = a.value, b.value
    if pa.common != pb.common:
        return False
    if pa.common:
        return _same_common(pa.names[0], pb.names[0])
    return any(_one_place(story, a, b, x, y) for x in _places(pa) for y in _places(pb))


def _clash(pa: Place, pb: Place) -> str | None:
    """Why two claims on one place conflict: opposite sides or directions; None when compatible."""
    sides = {pa.relation, pb.relation}
    if "outside" in sides and sides & {"inside", "in"}:
        return "inside and outside"
    if pa.bearing is not None and pb.bearing is not None:
        d = abs(pa.bearing - pb.bearing) % 360
        if min(d, 360 - d) >= 90:
            return "in different directions"
    return None


def _verdict(story, a: Claim, b: Claim, together) -> str:
    """same | differ | side | none: the same place, two places, a clash on one place, or nothing to say."""
    pa, pb = a.value, b.value
    if _shared_place(story, a, b):
        return "side" if _clash(pa, pb) else "same"
    if pa.common or pb.common:
        return "none"  # a building and a town: one may hold the other
    if {pa.relation, pb.relation} & {"inside", "outside", "direction"}:
        return "none"
    if pa.container and pb.container and not _one_place(story, a, b, pa.container, pb.container):
        return "none"  # two towns in two regions: likely two events
    if together(pa, pb):
        return "none"
    ba, bb = _building(pa), _building(pb)
    if ba != bb and "between" not in (pa.relation, pb.relation):
        return "none"  # a building and a town or district: the one may stand in the other
    return "differ"


def _building(p: Place) -> bool:
    """A place named by a building's noun ("Linfield Hospital", "the cable station", "the courtroom")."""
    return p.common or any(n.split()[-1].lower() in _set("venue_nouns") for n in p.names)


def _together_index(story):
    """Whether some sentence of the story names places of both claims (one may lie in the other)."""
    where: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for art in story.articles:
        for m in find_mentions(art):
            key = (art.id, m.sentence.start)
            for w in _fold(m.text).split():
                where[w].add(key)

    def seen(name: str) -> set[tuple[str, int]]:
        words = _fold(name).split()
        if not words:
            return set()
        out = set(where.get(words[0], ()))
        for w in words[1:]:
            out &= where.get(w, set())
        return out

    def together(pa: Place, pb: Place) -> bool:
        for x in _places(pa):
            sx = seen(x)
            if sx and any(sx & seen(y) for y in _places(pb)):
                return True
        return False

    return together


def _a_person(story, c: Claim) -> bool:
    """A claim whose place is a person the story names elsewhere ("near Roe")."""
    p = c.value
    if p.common:
        return False
    index = story.entities
    for name in p.names:
        eid = index.resolve(c.article, name)
        if eid is not None and index.entities[eid].kind == "person":
            return True
    return False


def _topic(cs: tuple[Claim, ...], story) -> str:
    terms = set().union(*(c.near for c in cs))
    best = sorted(terms, key=lambda t: (-story.idf.weight(t), t))[:2]
    return "place: " + " ".join(surface(t) for t in best) if best else "place"


def _candidates(pool: list[Claim], once: set[int], links, idf) -> set[tuple[int, int]]:
    """The pairs (i < j) of the pool that check_story may report; the others are never scored.

    A pair's score is its context similarity, plus a bonus when linked; it is kept from AGREE_AT, CLASS_AT or
    DIFFER_AT, or at any score when both name one event once. So a pair that is not linked, and not of one
    event named once by each, is kept only with a context of at least the least of the three bars.
    """
    out = context_candidates([c.terms for c in pool], idf, min(AGREE_AT, CLASS_AT, DIFFER_AT), [c.article for c in pool])
    at: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for i, c in enumerate(pool):
        at[(c.article, c.sentence)].append(i)
    for a_art, a_sent, b_art, b_sent in links:
        for i in at.get((a_art, a_sent), ()):
            out.update((min(i, j), max(i, j)) for j in at.get((b_art, b_sent), ()))
    by_event: dict[str, list[int]] = defaultdict(list)
    for i in sorted(once):
        if pool[i].value.event:
            by_event[pool[i].value.event].append(i)
    for members in by_event.values():
        out.update((i, j) for k, i in enumerate(members) for j in members[k + 1 :])
    return out


def _named_once(story, pool: list[Claim]) -> set[int]:
    """The claims of the pool whose place no other claim of their article names (_shared_place).

    Only the claims that may share a place are tried (a long article names thousands of places): two
    common nouns share one only if their first MIN_PREFIX letters (or, shorter, all) agree; two names only
    if they share a folded word (equal, or one inside the other), or names_match takes them: the same
    entity of the story's index, or a name NameBuckets files as a partner.
    """
    index = story.entities
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(pool):
        by_article[c.article].append(i)
    once: set[int] = set()
    for aid, idx in by_article.items():
        keyed: dict[tuple, list[int]] = defaultdict(list)
        buckets = NameBuckets()
        keys: dict[int, set[tuple]] = {}
        for i in idx:
            p = pool[i].value
            if p.common:
                x = p.names[0].lower().replace(" ", "")
                ks = {("common", x[:MIN_PREFIX] if len(x) >= MIN_PREFIX else "=" + x)}
            else:
                ks = set()
                for x in _places(p):
                    ks |= {("word", w) for w in _fold(x).split()}
                    eid = index.resolve(aid, x)
                    if eid is not None:
                        ks.add(("entity", eid))
                    buckets.add(x, i)
            keys[i] = ks
            for k in ks:
                keyed[k].append(i)
        for i in idx:
            near = {j for k in keys[i] for j in keyed[k]}
            if not pool[i].value.common:
                for x in _places(pool[i].value):
                    near |= buckets.candidates(x)
            near.discard(i)
            if not any(_shared_place(story, pool[i], pool[j]) for j in sorted(near)):
                once.add(i)
    return once


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    if len(story.articles) < 2 or not claims:
        return []
    module = sys.modules[__name__]
    together = _together_index(story)
    links = evidence.links()
    idf = story.idf
    pool = sorted((c for c in claims if not _a_person(story, c)), key=lambda c: (story.order[c.article], c.start))
    agree: list[tuple[float, int, int, str]] = []
    agreed: set[tuple[int, int]] = set()
    clashes: list[tuple[float, int, int, str]] = []
    # a place an article names once: two articles naming it once each speak of one event
    once = _named_once(story, pool)
    for i, j in sorted(_candidates(pool, once, links, idf)):
        a, b = pool[i], pool[j]
        if a.article == b.article:
            continue
        ea, eb = a.value.event, b.value.event
        if ea and eb and ea != eb:
            continue  # where a chase ran and where it ended: two events
        linked = (a.article, a.sentence, b.article, b.sentence) in links
        ctx = context_similarity(a.terms, b.terms, idf)
        near = context_similarity(a.near, b.near, idf)
        score = ctx + (0.3 if linked else 0.0)
        verdict = _verdict(story, a, b, together)
        why = f"context {ctx:.2f}, nearest words {near:.2f}" + ("; their sentences agree on another fact" if linked else "")
        if ea and ea == eb:
            why += f"; both about one {ea} event"
        if verdict == "same":
            if score >= AGREE_AT or (i in once and j in once and ea and ea == eb and _building(a.value)):
                agree.append((score, i, j, why))
                agreed.add((i, j))
            continue
        if verdict not in ("side", "differ"):
            continue
        sure = (ea and ea == eb and score >= CLASS_AT) or (score >= DIFFER_AT and near >= NEAR_AT)
        if sure:
            reason = _clash(a.value, b.value) if verdict == "side" else "two places named"
            clashes.append((score, i, j, f"{why}; {reason}"))
    agree.sort(key=lambda p: (-p[0], p[1], p[2]))

    def fits(new: int, members: list[int]) -> bool:
        if pool[new].article in {pool[m].article for m in members}:
            return False
        return all((min(new, m), max(new, m)) in agreed for m in members)

    groups, group_of = greedy_groups(agree, fits)
    findings: list[Finding] = []
    clashes.sort(key=lambda p: (-p[0], p[1], p[2]))
    done: set[tuple] = set()
    in_clash: set[int] = set()
    for _score, i, j, why in clashes:
        gi, gj = group_of.get(i, -1 - i), group_of.get(j, -1 - j)
        key_i = gi if gi >= 0 else (pool[i].article, pool[i].value.names)
        key_j = gj if gj >= 0 else (pool[j].article, pool[j].value.names)
        if gi == gj or (key_i, key_j) in done or (key_j, key_i) in done:
            continue
        done.add((key_i, key_j))
        side_i = [pool[m] for m in groups[gi]["members"]] if gi >= 0 else [pool[i]]
        side_j = [pool[m] for m in groups[gj]["members"]] if gj >= 0 else [pool[j]]
        if len(side_j) > len(side_i):
            side_i, side_j = side_j, side_i
        cs = tuple(sorted(side_i + side_j, key=lambda c: (story.order[c.article], c.start)))
        say_i = "; ".join(f"{c.article}: '{c.text}'" for c in side_i)
        say_j = "; ".join(f"{c.article}: '{c.text}'" for c in side_j)
        odd = tuple(dict.fromkeys(c.article for c in side_j)) if len(side_i) > len(side_j) else ()
        message = f"One event, placed two ways: {say_i} — but {say_j}."
        findings.append(make_finding(module, "discrepancy", cs, message, _topic(cs, story), differ=odd, why=why))
        in_clash.update(id(c) for c in cs)
    for g in groups:
        cs = tuple(sorted((pool[m] for m in g["members"]), key=lambda c: (story.order[c.article], c.start)))
        if any(id(c) in in_clash for c in cs):
            continue
        who = article_list(tuple(dict.fromkeys(c.article for c in cs)))
        message = f"{who} place it alike: " + "; ".join(f"{c.article}: '{c.text}'" for c in cs) + "."
        findings.append(
            make_finding(module, "agreement", cs, message, _topic(cs, story), agree=tuple(c.article for c in cs), why=g["why"])
        )
    return findings[:MAX_FINDINGS]
