"""FC104 quotes: direct quotes, who said them, and whether other articles quote them alike.

What it finds
    Words inside quote marks, straight ("...") or curly (“...”), double or
    single ('...' and ‘...’, the British style; apostrophes as in "don't",
    "the pirates' boats" or "the '90s" open and close nothing; a single-marked
    quote inside a double-marked one is a quote within it), or mismatched
    (“...,' she said): whole
    statements, partial quotes inside a sentence, quotes split by an
    attribution ("This is," she said, "only the start" is one quote) and
    quotes over several paragraphs (a paragraph that opens a quote without
    closing it runs on into the next paragraph that opens with a quote mark;
    a quote whose closing mark was lost runs to the end of its paragraph).
    Each quote gets its speaker, read from the attribution around it: "X
    said", "said X", "X says", "X told reporters: ...", "according to X",
    "X, the chief executive of Y, said", "X described the cuts as "..."",
    "X put it plainly: "..."", "X added"; "he said" and "she added" refer back
    to the last person named before them, "it said" and "the company said" to
    the last body or document ("the report says"); a quote paragraph with no
    attribution continues the quote before it. Quotes whose words are a
    title ("Harbour Safety Review 2024") are titles, not quotes.

    Across articles, quotes are aligned by their words, whatever the marks:
    the same words (a shorter quote inside a longer one counts) agree, and so
    do contractions ("I'm" / "I am"), spellings ("offence" / "offense"),
    compounds ("endgame" / "end game"), punctuation and an added
    complementizer "that" or article "the"; words that differ in a few places are a changed
    quote (pronouns count: "asked us to wait" / "asked to wait"), one changed word in a
    short quote too ("the heart of our town" / "... our community"); a quote
    given to one person in both articles is a changed quote even when it is
    reworded and shares only a content word or two, as long as most of its
    words match; a shorter quote that starts right after a hedge the longer
    one has ("but I think the dyke will hold" / "The dyke will hold") drops the hedge, a
    changed quote. The same words given to
    two different people are a speaker discrepancy, reported on the speakers'
    names once per pair of people, listing every quote they are both given
    (a name variant of one person, "Bill X" and "William X", is no
    discrepancy). A quote of three words or more that no other article
    carries, not even in part, is reported as one source's alone; scare
    quotes of one or two words are aligned but never reported alone, nor is
    a phrase in the writer's own voice (no speaker, no attribution, a
    sentence runs into it: a "quiet giant of the valley").

Why it matters
    A quote is the one place a reader expects the exact words. One changed
    word ("a trace of regret" against "a hint of regret") or a quote put
    in another person's mouth is a correction waiting to happen.

Example
    A: Judge Ann Roe told him: "You did it without a trace of regret."
    B: “You did it without a hint of regret,” Judge Roe said.
    -> discrepancy: A: 'without a trace of regret' / B: 'without a hint of regret'

The quotes and their speakers are read from the engine's speech layer,
checker/speech.py (``speech_of``); this rule compares them across articles.
"""

from __future__ import annotations

import functools
import sys
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from checker import entities, vocab
from checker.claims import make_claim, sentence_of
from checker.compare import article_list, make_finding, shorten, the_others
from checker.evidence import LINKS
from checker.model import Article, Claim, Finding
from checker.speech import PERSON_KINDS, Quote, iter_quote_words, quote_claims, quote_words, speaker_articles, speech_of
from checker.text import stopwords

CODE = "FC104"
NAME = "quotes"
REPORT_ALONE = True
PROVIDES = (LINKS,)  # an aligned quote ties its sentences, whatever the verdict: dates and statements there are one subject
RESTATES = True
MIN_WORDS = 3  # fewer words is a scare quote: aligned, never reported alone
MIN_CHANGED_MATCH = 5  # a changed quote must still share this many words in order
SIMILAR_AT = 80  # rapidfuzz ratio of the aligned words for a changed quote
MAX_CHANGES = 4  # a changed quote differs in at most this many places ...
CHANGED_SHARE = 0.35  # ... and in no more words than this share of the words it shares
MAX_BUCKET = 40  # a word more quotes share than this finds no candidates
MIN_ONE_CHANGE_MATCH = 4  # one change in a short quote: "the heart of our town" / "... our community" ...
ONE_CHANGE_SHARE = 0.6  # ... when the shared words are this share of the shorter quote
ONE_CHANGE_SIMILAR_AT = 70  # one change of a word or two: short quotes' letters differ more
# the same speaker on both sides: words reworded in more places are still one quote changed
SPEAKER_MAX_CHANGES = 5
SPEAKER_CHANGED_SHARE = 0.75
SPEAKER_SIMILAR_AT = 60
SPEAKER_MOST_WORDS = 0.6  # ... as long as the shared words are this share of the longer quote's aligned words


@functools.cache
def _v() -> dict:
    return vocab.load("quotes")


@functools.cache
def _clitics() -> dict[str, frozenset[str]]:
    """Clitic -> the words it may stand for ("'s": "is", "has")."""
    return {k: frozenset(v) for k, v in _v()["clitics"].items()}


def find_claims(article: Article) -> list[Claim]:
    return quote_claims(article, CODE)


# ---------------------------------------------------------------- comparing words


@functools.cache
def _contractions() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_v()["contractions"].items(), key=lambda kv: -len(kv[0])))


def _expand(words: tuple[str, ...]) -> list[tuple[str, int]]:
    """Words with contractions expanded, each with the index of the word it came from."""
    out: list[tuple[str, int]] = []
    for i, w in enumerate(words):
        done = False
        for short, full in _contractions():
            if w == short or short.startswith(("'", "n'")) and w.endswith(short) and len(w) > len(short):
                if w == short:
                    parts = full.split()
                else:
                    parts = (w[: -len(short)] + full).split()
                out.extend((p, i) for p in parts)
                done = True
                break
        if not done and len(w) > 2 and w.endswith(tuple(_clitics())):
            out.extend(((w[:-2], i), (w[-2:], i)))  # "daughter's been" = "daughter has been"
        elif not done:
            out.append((w, i))
    return out


@functools.cache
def _ignorable() -> frozenset[str]:
    return frozenset(_v()["ignorable"])


@functools.cache
def _hedges(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(h.split()) for h in _v()[key]), key=vocab.longest_first))


def _spelling(a: list[str], b: list[str]) -> bool:
    """Two stretches that differ only in spelling ("stabilizing" / "stabilising", "its" / "it's", "endgame" / "end game")."""
    if a and b and len(a) != len(b) and "".join(a).replace("'", "") == "".join(b).replace("'", ""):
        return True  # a compound written as one word or two
    if not a or not b:
        return all(w in _ignorable() for w in a + b)  # an added complementizer "that"
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if y in _clitics().get(x, ()) or x in _clitics().get(y, ()):
            continue
        x, y = x.replace("'", ""), y.replace("'", "")
        if x == y:
            continue
        if (
            min(len(x), len(y)) < 5
            or _edit_distance_gt1(x, y)
            and not (
                x.endswith("re")
                and y.endswith("er")
                and x[:-2] == y[:-2]
                or y.endswith("re")
                and x.endswith("er")
                and x[:-2] == y[:-2]
            )
        ):
            return False
    return True


def _edit_distance_gt1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return True
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) > 1


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # "same" or "changed"
    changes: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # (a word range, b word range), original indexes
    matched: int = 0
    # "same" with a hedge one side has just outside the words both share: (side "a"|"b", where "before"|"after")
    hedge: tuple[str, str] | None = None


def _orig(exp: list[tuple[str, int]], lo: int, hi: int, n: int) -> tuple[int, int]:
    """An expanded word range as a range of the quote's own words."""
    if lo >= len(exp):
        return (n, n)
    if hi <= lo:
        i = exp[lo][1]
        return (i, i)
    return (exp[lo][1], exp[hi - 1][1] + 1)


def _ends_with_hedge(words: list[str], key: str) -> int:
    """How many words at the end ("before") or start ("after") of words are a hedge (0: none)."""
    ws = list(words)
    if key == "hedges_before":
        while ws and ws[-1] in _ignorable():
            ws.pop()  # "I think that the dyke ..."
        for h in _hedges(key):
            if len(ws) >= len(h) and tuple(ws[-len(h) :]) == h:
                return len(words) - len(ws) + len(h)
        return 0
    for h in _hedges(key):
        if len(ws) >= len(h) and tuple(ws[: len(h)]) == h:
            return len(h)
    return 0


def relate(a: tuple[str, ...], b: tuple[str, ...], same_speaker: bool = False) -> Relation | None:
    """How two quotes' words relate: the same (one may hold the other), changed in a few places, or not at all.

    ``same_speaker``: both quotes are given to one person, so a quote reworded in more places
    is still that person's quote changed (most of its words must still match).
    """
    ea, eb = _expand(a), _expand(b)
    wa, wb = [w for w, _ in ea], [w for w, _ in eb]
    if not wa or not wb:
        return None
    sm = SequenceMatcher(None, wa, wb, autojunk=False)
    ops = sm.get_opcodes()
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    shorter = min(len(wa), len(wb))
    if matched < MIN_WORDS or matched < shorter * 0.5:
        return None  # a scare quote inside a statement is no alignment
    inner = list(ops)
    while inner and inner[0][0] in ("insert", "delete"):
        inner.pop(0)
    while inner and inner[-1][0] in ("insert", "delete"):
        inner.pop()
    if not inner:
        return None
    changes = []
    changed_words = 0
    for tag, i1, i2, j1, j2 in inner:
        if tag == "equal":
            continue
        if _spelling(wa[i1:i2], wb[j1:j2]):
            continue
        changes.append((i1, i2, j1, j2))
        changed_words += max(i2 - i1, j2 - j1)
    if not changes:
        # contained or overlapping: one quote holds the other, or they overlap at an end
        return Relation("same", (), matched, _hedge_outside(ops, wa, wb))
    ra = " ".join(wa[inner[0][1] : inner[-1][2]])
    rb = " ".join(wb[inner[0][3] : inner[-1][4]])
    ratio = fuzz.ratio(ra, rb)
    min_match = MIN_CHANGED_MATCH
    if len(changes) == 1 and matched >= ONE_CHANGE_SHARE * shorter:
        min_match = MIN_ONE_CHANGE_MATCH
    plain = (
        matched >= min_match
        and len(changes) <= MAX_CHANGES
        and changed_words <= max(2, CHANGED_SHARE * matched)
        and ratio >= (ONE_CHANGE_SIMILAR_AT if len(changes) == 1 else SIMILAR_AT)
    )
    span = max(inner[-1][2] - inner[0][1], inner[-1][4] - inner[0][3])
    by_speaker = (
        same_speaker
        and matched >= MIN_CHANGED_MATCH
        and len(changes) <= SPEAKER_MAX_CHANGES
        and changed_words <= SPEAKER_CHANGED_SHARE * matched
        and matched >= SPEAKER_MOST_WORDS * span
        and ratio >= SPEAKER_SIMILAR_AT
    )
    if not (plain or by_speaker):
        return None
    out = tuple((_orig(ea, i1, i2, len(a)), _orig(eb, j1, j2, len(b))) for i1, i2, j1, j2 in changes)
    return Relation("changed", out, matched)


def _hedge_outside(ops: list, wa: list[str], wb: list[str]) -> tuple[str, str] | None:
    """One quote holds the other and has a hedge right before or after the words both share."""
    first, last = ops[0], ops[-1]
    for op, key, where in ((first, "hedges_before", "before"), (last, "hedges_after", "after")):
        tag, i1, i2, j1, j2 = op
        if tag == "delete" and _ends_with_hedge(wa[i1:i2], key):
            return ("a", where)
        if tag == "insert" and _ends_with_hedge(wb[j1:j2], key):
            return ("b", where)
    return None


def _hedge_change(rel: Relation, a: tuple[str, ...], b: tuple[str, ...]) -> Relation:
    """A "same" relation with a hedge outside the shorter quote, as a changed quote: the hedge is the change."""
    side, where = rel.hedge
    ea, eb = _expand(a), _expand(b)
    wa, wb = [w for w, _ in ea], [w for w, _ in eb]
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    tag, i1, i2, j1, j2 = ops[0] if where == "before" else ops[-1]
    key = "hedges_" + where
    if side == "a":
        n = _ends_with_hedge(wa[i1:i2], key)
        lo, hi = (i2 - n, i2) if where == "before" else (i1, i1 + n)
        ra, rb = _orig(ea, lo, hi, len(a)), _orig(eb, j1, j1, len(b))
    else:
        n = _ends_with_hedge(wb[j1:j2], key)
        lo, hi = (j2 - n, j2) if where == "before" else (j1, j1 + n)
        ra, rb = _orig(ea, i1, i1, len(a)), _orig(eb, lo, hi, len(b))
    return Relation("changed", ((ra, rb),), rel.matched, rel.hedge)


def describe(claim: Claim) -> str:
    q: Quote = claim.value
    who = f"{q.speaker}: " if q.speaker else ""
    return f"{who}'{shorten(claim.text, words=12)}'"


# ---------------------------------------------------------------- speakers


def names_match(story, a_article: str, a: str, b_article: str, b: str) -> bool:
    """One person or body under two spellings (checker.entities.names_match over the story's index)."""
    return entities.names_match(story.entities if story is not None else None, a_article, a, b_article, b)


# ---------------------------------------------------------------- the story


def _content_keys(words: tuple[str, ...]) -> set[str]:
    stops = stopwords()
    return {w for w in words if w not in stops and len(w) > 2}


def _norm_body(article: Article) -> str:
    return (
        " " + " ".join(w for w, _, _ in iter_quote_words(article.text, tuple((s.start, s.end) for s in article.sentences))) + " "
    )


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    """Align the story's quotes across articles and report their words, speakers and lone quotes."""
    me = sys.modules[__name__]
    order = story.order
    claims = sorted(claims, key=lambda c: (order.get(c.article, 0), c.start))
    n = len(claims)
    # candidates: quotes of different articles sharing rare words
    index: dict[str, list[int]] = defaultdict(list)
    keys = [_content_keys(c.value.words) for c in claims]
    for i, ks in enumerate(keys):
        for k in ks:
            index[k].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for k, members in index.items():
        if len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if claims[i].article != claims[j].article:
                    shared[(i, j)] += 1
    relations: dict[tuple[int, int], Relation] = {}
    for (i, j), count in shared.items():
        # two shared content words, or one when a quote has only two ("a trace of regret" / "a hint of
        # regret") or when one person is given both quotes
        same = _same_speaker(story, claims[i], claims[j])
        need = 1 if same or min(len(keys[i]), len(keys[j])) <= 2 else 2
        if count < need:
            continue
        rel = relate(claims[i].value.words, claims[j].value.words, same)
        if rel is not None and rel.hedge is not None and _hedge_dropped(story, claims[i], claims[j], rel):
            rel = _hedge_change(rel, claims[i].value.words, claims[j].value.words)
        if rel is not None:
            relations[(i, j)] = rel
    # quotes with no content words ("it is what it is") align only when identical
    plain = defaultdict(list)
    for i, c in enumerate(claims):
        if not keys[i]:
            plain[c.value.words].append(i)
    for members in plain.values():
        # members run in article order: each pairs with those after its article's run only (not with
        # every other quote of its own article: the same two words quoted a thousand times in one article)
        nxt = len(members)
        after = [0] * len(members)
        for x in range(len(members) - 1, -1, -1):
            if x + 1 < len(members) and claims[members[x]].article != claims[members[x + 1]].article:
                nxt = x + 1
            after[x] = nxt
        for x in range(len(members)):
            for y in range(after[x], len(members)):
                i, j = members[x], members[y]
                if claims[i].article != claims[j].article:
                    relations[(i, j)] = Relation("same", (), len(claims[i].value.words))
    # groups: connected quotes, variants within them joined by "same"
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in relations:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    findings: list[Finding] = []
    speakers: list[tuple[tuple[Claim, ...], str, list[list[Claim]]]] = []
    bodies: dict[str, str] | None = None
    for members in groups.values():
        arts = {claims[m].article for m in members}
        if len(arts) < 2:
            for m in members:
                c = claims[m]
                if len(c.value.words) < MIN_WORDS or _writers_phrase(story.article(c.article), c):
                    continue
                if bodies is None:
                    bodies = {a.id: _norm_body(a) for a in story.articles}
                phrase = " " + " ".join(c.value.words) + " "
                if any(phrase in body for aid, body in bodies.items() if aid != c.article):
                    continue  # another article carries the words without quote marks
                findings.append(_unsupported(me, story, c))
            continue
        if max(len(claims[m].value.words) for m in members) < MIN_WORDS:
            continue  # scare quotes both use: nothing worth a line of the report
        findings.extend(_group_findings(me, story, [claims[m] for m in members], members, relations, claims, speakers))
    findings.extend(_speaker_findings(me, story, speakers))
    return findings


def _writers_phrase(article: Article, c: Claim) -> bool:
    """A quoted phrase with no speaker that a sentence runs into ('a "quiet giant" of a mill'): the writer's own
    voice, not a statement anyone is quoted making, so no fact for an editor to source."""
    if c.value.speaker is not None or c.text[:1].isupper():
        return False
    sent = c.sentence
    return not any(sent.start <= at.verb_start < sent.end for at in speech_of(article).attributions)


def _same_speaker(story, a: Claim, b: Claim) -> bool:
    """Both quotes are given to one named person (a name variant counts)."""
    qa, qb = a.value, b.value
    if not (qa.speaker and qb.speaker and qa.speaker_kind in PERSON_KINDS and qb.speaker_kind in PERSON_KINDS):
        return False
    return names_match(story, a.article, qa.speaker, b.article, qb.speaker)


def _hedge_dropped(story, a: Claim, b: Claim, rel: Relation) -> bool:
    """The quote without the hedge is a whole statement of its own ("The dyke will hold."), not a
    fragment a sentence runs into, and both quotes are one speaker's (or the speaker is unknown on one side)."""
    side, where = rel.hedge
    short = b if side == "a" else a
    if where == "before" and not short.text[:1].isupper():
        return False
    sa, sb = a.value.speaker, b.value.speaker
    return not (sa and sb) or sa == sb or _same_speaker(story, a, b)


def _one_speaker(story, claims: list[Claim] | tuple[Claim, ...]) -> str | None:
    """The speaker all the claims that name one agree on (the fullest spelling), else None."""
    named = [c for c in claims if c.value.speaker]
    if not named:
        return None
    first = named[0]
    if all(names_match(story, first.article, first.value.speaker, c.article, c.value.speaker) for c in named[1:]):
        return max((c.value.speaker for c in named), key=len)
    return None


def _topic(story, claims: list[Claim] | tuple[Claim, ...]) -> str:
    speaker = _one_speaker(story, claims)
    longest = max(claims, key=lambda c: len(c.value.words))
    words = " ".join(longest.value.words[:5])
    return f"{speaker}: '{words}'" if speaker else f"quote '{words}'"


def _unsupported(me, story, c: Claim) -> Finding:
    where = the_others(story.ids, c.article)
    verb = "carries" if len(story.ids) == 2 else "carry"
    who = f" {c.value.speaker}" if c.value.speaker else ""
    msg = f"Only {c.article} quotes{who}: '{shorten(c.text, words=20)}'; {where} {verb} no such quote, not even in part."
    return make_finding(me, "unsupported", (c,), msg, _topic(story, [c]), agree=(c.article,))


def _group_findings(
    me, story, group: list[Claim], idx: list[int], relations: dict, allc: list[Claim], speakers: list
) -> list[Finding]:
    """The agreement or discrepancy on one group's words; its speakers' clusters go to ``speakers``."""
    out: list[Finding] = []
    topic = _topic(story, group)
    # variants: quotes joined by "same"
    parent = {i: i for i in idx}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for (i, j), rel in relations.items():
        if i in parent and j in parent and rel.kind == "same":
            parent[find(i)] = find(j)
    variants: dict[int, list[int]] = defaultdict(list)
    for i in idx:
        variants[find(i)].append(i)
    vs = sorted(variants.values(), key=lambda v: (-len({allc[m].article for m in v}), min(v)))
    claims = tuple(group)
    if len(vs) == 1:
        arts = _arts(claims)
        partly = _partly(claims)
        who = _one_speaker(story, claims)
        words = shorten(max(claims, key=lambda c: len(c.value.words)).text, words=20)
        if who:
            msg = f"{article_list(arts)} quote {who} alike: '{words}'{partly}."
        else:
            msg = f"{article_list(arts)} carry the same quoted words: '{words}'{partly}."
        out.append(make_finding(me, "agreement", claims, msg, topic, agree=arts))
    else:
        main = vs[0]
        main_arts = tuple(dict.fromkeys(allc[m].article for m in main))
        odd_arts: list[str] = []
        diffs: list[str] = []
        for v in vs[1:]:
            # the changed words between this variant and the main one
            rel, a_i, b_i = _changed_pair(v, main, relations)
            if rel is None:
                continue
            a_c, b_c = allc[a_i], allc[b_i]
            sides = [
                (a_c, [_snippet(a_c, ar) for ar, _ in rel.changes[:3]]),
                (b_c, [_snippet(b_c, br) for _, br in rel.changes[:3]]),
            ]
            sides.sort(key=lambda side: story.order[side[0].article])
            diff = " / ".join(f"{c.article}: " + ", ".join(f"'{x}'" for x in snips) for c, snips in sides)
            if rel.hedge is not None:
                ((ar, br),) = rel.changes
                hedged, plain, rng = (a_c, b_c, ar) if ar[1] > ar[0] else (b_c, a_c, br)
                diff += f" ({plain.article} drops the hedge '{_snippet(hedged, rng, context=0)}')"
            diffs.append(diff)
            odd_arts.extend(dict.fromkeys(allc[m].article for m in v))
        n_arts = len(_arts(claims))
        if n_arts > 2 and len(main_arts) > len(set(odd_arts)):
            agree, differ = main_arts, tuple(dict.fromkeys(odd_arts))
            tail = f" {article_list(agree)} agree; the odd one out: {', '.join(differ)}."
        else:
            agree, differ, tail = (), (), ""
        who = _one_speaker(story, claims)
        msg = f"The quote{' of ' + who if who else ''} differs between articles: {'; '.join(diffs)}.{tail}"
        out.append(make_finding(me, "discrepancy", claims, msg, topic, agree=agree, differ=differ))
    clusters = _speaker_clusters(story, claims)
    if clusters:
        speakers.append((claims, topic, clusters))
    return out


def _changed_pair(v: list[int], main: list[int], relations: dict) -> tuple[Relation | None, int, int]:
    """A "changed" relation between a quote of `main` (a) and one of `v` (b), oriented so."""
    for i in main:
        for j in v:
            if (i, j) in relations and relations[(i, j)].kind == "changed":
                return relations[(i, j)], i, j
            if (j, i) in relations and relations[(j, i)].kind == "changed":
                rel = relations[(j, i)]
                flipped = Relation(rel.kind, tuple((b, a) for a, b in rel.changes), rel.matched)
                return flipped, i, j
    return None, main[0], v[0]


def _snippet(c: Claim, rng: tuple[int, int], context: int = 2) -> str:
    """The changed words of a quote with a little context, as the article writes them."""
    parts = c.value.parts or ((c.start, c.end),)
    words = quote_words(c.text, tuple((s - c.start, e - c.start) for s, e in parts))  # offsets in c.text
    if not words:
        return c.text
    lo, hi = rng
    a = min(max(0, lo - context), len(words) - 1)
    b = max(min(len(words), max(hi, lo) + context), a + 1)
    return " ".join(c.text[words[a][1] : words[b - 1][2]].split())


def _arts(claims: tuple[Claim, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.article for c in claims))


def _partly(claims: tuple[Claim, ...]) -> str:
    longest = max(len(c.value.words) for c in claims)
    part = [c.article for c in claims if len(c.value.words) < longest]
    return f" ({', '.join(dict.fromkeys(part))} quote{'s' if len(set(part)) == 1 else ''} part of it)" if part else ""


def _speaker_clusters(story, claims: tuple[Claim, ...]) -> list[list[Claim]] | None:
    """The quotes of one group that name a person, clustered by who they name; None unless two
    people in different articles are given the same words."""
    named = [
        c
        for c in claims
        if c.value.speaker
        and c.value.speaker_kind in PERSON_KINDS
        and c.value.speaker_start is not None
        and c.value.speaker[0].isupper()
        and c.value.speaker.split()[0].lower() not in speaker_articles()
    ]
    if len({c.article for c in named}) < 2:
        return None
    clusters: list[list[Claim]] = []
    for c in named:
        for cl in clusters:
            if names_match(story, cl[0].article, cl[0].value.speaker, c.article, c.value.speaker):
                cl.append(c)
                break
        else:
            clusters.append([c])
    if len(clusters) < 2:
        return None
    return clusters


def _same_pair(story, a: list[list[Claim]], b: list[list[Claim]]) -> list[int] | None:
    """For each cluster of b, the cluster of a that names the same person, when the two name the same people."""
    if len(a) != len(b):
        return None
    out: list[int] = []
    for cb in b:
        hit = next(
            (
                i
                for i, ca in enumerate(a)
                if i not in out and names_match(story, ca[0].article, ca[0].value.speaker, cb[0].article, cb[0].value.speaker)
            ),
            None,
        )
        if hit is None:
            return None
        out.append(hit)
    return out


def _speaker_findings(me, story, items: list[tuple[tuple[Claim, ...], str, list[list[Claim]]]]) -> list[Finding]:
    """One discrepancy per pair of people given the same words, listing every quote they are both given:
    a spokesman named one way in one article and another way in the next is one fact, however many
    quotes he gave."""
    merged: list[tuple[list[tuple[Claim, ...]], str, list[list[Claim]]]] = []
    for claims, topic, clusters in items:
        for quotes_, _, into in merged:
            order = _same_pair(story, into, clusters)
            if order is not None:
                quotes_.append(claims)
                for cb, i in zip(clusters, order, strict=True):
                    into[i].extend(cb)
                break
        else:
            merged.append(([claims], topic, [list(cl) for cl in clusters]))
    return [_speaker_finding(me, story, groups, topic, clusters) for groups, topic, clusters in merged]


def _speaker_finding(me, story, groups: list[tuple[Claim, ...]], topic: str, clusters: list[list[Claim]]) -> Finding:
    """The same words given to two different people: a discrepancy on the speakers' names."""
    named = [c for cl in clusters for c in cl]
    named.sort(key=lambda c: (story.order[c.article], c.start))
    spk_claims: list[Claim] = []
    seen: set[tuple[str, int]] = set()
    for c in named:
        key = (c.article, c.value.speaker_start)
        if key in seen:
            continue
        seen.add(key)
        art = story.article(c.article)
        spk_claims.append(
            make_claim(
                art, CODE, c.value.speaker_start, c.value.speaker_end, c.value, sentence=sentence_of(art, c.value.speaker_start)
            )
        )
    clusters.sort(key=lambda cl: -len({c.article for c in cl}))
    says = "; ".join(
        f"{article_list(tuple(dict.fromkeys(c.article for c in cl)))} give{'s' if len({c.article for c in cl}) == 1 else ''} them to {cl[0].value.speaker}"
        for cl in clusters
    )
    n_arts = len({c.article for c in named})
    agree: tuple[str, ...] = ()
    differ: tuple[str, ...] = ()
    tail = ""
    if n_arts > 2 and len({c.article for c in clusters[0]}) > len({c.article for cl in clusters[1:] for c in cl}):
        agree = tuple(dict.fromkeys(c.article for c in clusters[0]))
        differ = tuple(dict.fromkeys(c.article for cl in clusters[1:] for c in cl))
        tail = f" The odd one out: {', '.join(differ)}."
    words = "'; '".join(shorten(max(claims, key=lambda c: len(c.value.words)).text, words=12) for claims in groups)
    msg = f"The same words ('{words}') have different speakers: {says}.{tail}"
    return make_finding(me, "discrepancy", tuple(spk_claims), msg, topic, agree=agree, differ=differ)
