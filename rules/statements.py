"""FC108 statements: plain statements of events, lined up across articles.

What it finds
    Each story sentence is cut into statements (clauses: "Although X, Y" is
    two; "..., according to Z" gives its source its own statement). A
    statement is represented by its content words reduced to a base form and
    mapped through the synonym table (aired = broadcast, taken down =
    removed), plus the entities it names with aliases resolved (an acronym
    and its full name are one token) and the figures it gives ("8-5",
    "63rd": a word of its event). Statements of different articles that
    cover each other's words, the event's own words among them (not only
    names, "police said" or "on Monday"), are one event: an agreement. A
    group never chains: at most two statements of one article (a lead and
    its body), each joining statement states the event of every other
    article of the group, and two groups of one event merge only when each
    article states the event of every other. A factual statement
    that no other article covers is an unsupported addition when it carries a
    checkable fact (event words or a figure, not a setting clause such as
    "when he left office") and does not repeat its own article's aligned
    sentence; a summary line and the body that repeats it are one addition.
    Quotes (FC104), page furniture and the writer's own voice
    (first person, opinion markers, questions, list items) are left out.

Why it matters
    The additions one outlet makes are what an editor must source before
    publishing, and the events several outlets report are what a story rests on.

Example
    A: State television broadcast a report on the scheme.
    B: The report was aired on the national broadcaster.
    -> agreement
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from checker import vocab
from checker.align import Idf, greedy_groups
from checker.compare import make_finding, shorten, the_others
from checker.evidence import LINKS, groups_of
from checker.model import Article, Claim, Finding, Span
from checker.speech import marks_of
from checker.text import content_terms, span_terms, surface

CODE = "FC108"
NAME = "statements"
REPORT_ALONE = True
FIGURE_RULES = ("money", "counts", "dates")  # their discrepancies share a topic with the statement of their sentences
# a sentence tied to another article's by an agreeing fact is supported; a figure discrepancy there names the topic
NEEDS = (LINKS, *(groups_of(r) for r in FIGURE_RULES))
CLAUSE_ADDITIONS = True  # a lone statement is a whole clause: the lone figures inside it are part of it

RARE_AGREE_AT = 0.34  # ... or this much when they share a word no other statement uses
AGREE_AT = 0.5  # share of the smaller statement's weight the two must share to be one event
SUPPORTED_AT = 0.4  # a statement this well covered by another article is not one source's alone
PLAIN_SUPPORT = 0.25  # ... and at least this share of its plain (non-name) words
MIN_TERMS = 2  # shorter clauses carry no statement of their own
MIN_TERMS_ALONE = 3  # and an addition worth an editor's line has a little more
QUOTE_SHARE = 0.4  # a sentence this much inside quote marks belongs to the quotes rule
ENTITY_WEIGHT = 1.5  # an entity shared across articles weighs more than a word
ATTRIBUTION_WEIGHT = 0.3  # who speaks ("police", "spokesman", "told reporters") weighs less than what happened
EVENT_AT = 0.1  # share of the smaller statement's event words (no names, no attribution) two must share
PER_ARTICLE = 2  # an article may state one event twice (lead and body), never more in one group
JOIN_AT = 0.34  # a third statement joins a group only if it states the event of the members this well on average
MERGE_AT = 0.34  # two groups of one event merge when each kept statement states the others' event this well on average
FLOOR_AT = 0.1  # ... and of every one of them at least this well (their event words shared: no chain)
RESTATED_AT = 0.6  # a lone statement this much covered by another statement of its own article repeats it
MIN_EVENT_ALONE = 2  # an addition needs this many event words (or a figure): names and a title are no event
SUBJECT_WORDS = 4  # a first piece this short before ", who ..." is the sentence's subject, not a statement
LEAD_AGREE_AT = 0.2  # two articles' lead statements (first sentence, not its setting clause) state the story's event:
LEAD_EVENT_AT = 0.2  # ... this much overlap is one event when this share of the smaller one's event words is shared
LEAD_EVENT_WORDS = 2  # ... and two of them at least (one word such as "help" is no event)


# "8-5", "3,250", "63rd"; not the digits of a name ("76ers")
_FIGURE_TOKEN = re.compile(
    r"(?:(?<![\w.])\.(?=\d)|(?<![\d,.:/-]))\d(?:[\d,.:/-]{0,12}\d)?(?:st|nd|rd|th)?(?!\d|[a-zA-Z]{3})"
)  # "8-5", "3,250", "63rd", ".32" (a calibre); not "76ers"
_NAME_NEXT = re.compile(r"\.?\s{1,3}[A-Z]")  # after a sentence's first word: a capitalised word, a name goes on


@dataclass(frozen=True, slots=True)
class Statement:
    factual: bool
    terms: frozenset[str]
    proper: frozenset[str] = frozenset()  # terms that come from capitalised names

    def to_json(self) -> dict[str, Any]:
        return {"factual": self.factual, "terms": sorted(self.terms)}


@functools.cache
def _v() -> dict:
    return vocab.load("statements")


@functools.cache
def _split_re() -> re.Pattern[str]:
    openers = "|".join(re.escape(w) for w in sorted(_v()["clause_openers"], key=vocab.longest_first))
    anywhere = "|".join(
        re.escape(w.strip()) if w.strip() not in (";", "–", "—", "--") else re.escape(w) for w in _v()["anywhere"]
    )
    # dashes are left alone: "X – whether A or B – did Y" is one clause with an aside. Linear on any input:
    # the openers start with no space, so the space runs are possessive, and a cut before a word is only
    # tried at the start of its run of spaces (not once per space of a long run)
    # (a vocabulary word kept with its spaces, " – ", needs the plain form)
    spaced = any(w[:1].isspace() and w.strip() in (";", "–", "—", "--") for w in _v()["anywhere"])
    cut = r"\s+" if spaced else r"(?<!\s)\s++"
    return re.compile(rf",\s++(?=(?:{openers})\b)|;\s+|{cut}(?=(?:{anywhere})\b)", re.I)


@functools.cache
def _opinion_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(m) for m in _v()["opinion_markers"]) + r")\b")


def units(article: Article) -> list[tuple[Span, Span]]:
    """(statement span, sentence span) for each statement of the story."""
    text = article.text
    out: list[tuple[Span, Span]] = []
    marks = marks_of(article)  # the quoted stretches, as checker/speech.py reads them (a quote may span sentences)
    for sent in article.sentences:
        if marks.inside(sent.start, sent.end) > QUOTE_SHARE * (sent.end - sent.start):
            continue
        cuts = [sent.start]
        for m in _split_re().finditer(text, sent.start, sent.end):
            cuts.append(
                m.end() if text[m.start()] in ",;" or m.group().strip() in ("–", "—", "--") else m.start() + len(m.group())
            )
        # "Although X, Y": the subordinate clause ends at the first comma
        first = re.match(r"\s*(\w+)", text[sent.start : sent.end])
        if first and first.group(1).lower() in _v()["subordinate_openers"]:
            comma = text.find(",", sent.start, sent.end)
            if comma > 0:
                cuts.append(comma + 1)
        cuts = sorted(set(cuts)) + [sent.end]
        # "Chief Jo Hale, who joined in 2001, was hurt": a subject alone before a relative clause is no
        # statement; the sentence stays whole, so the clause keeps the name it is about
        if len(cuts) > 2 and _subject_only(text[cuts[0] : cuts[1]], text[cuts[1] : cuts[2]]):
            del cuts[1]
        for s, e in zip(cuts, cuts[1:]):
            span = _trim(text, s, e)
            if span.end - span.start > 0 and marks.inside(span.start, span.end) <= QUOTE_SHARE * (span.end - span.start):
                out.append((span, sent))
    return out


def _subject_only(head: str, clause: str) -> bool:
    """A sentence's first piece is a bare subject (a few words) and the next opens a relative clause."""
    first = re.match(r"\s*(\w+)", clause)
    return bool(first) and first.group(1).lower() in _v()["relative_openers"] and len(head.split()) <= SUBJECT_WORDS


def _trim(text: str, s: int, e: int) -> Span:
    while s < e and (text[s].isspace() or text[s] in ",;:–—-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:–—-"):
        e -= 1
    return Span(s, e)


def _factual(article: Article, span: Span, sent: Span) -> bool:
    """A statement of fact, not the writer's voice: no first person, opinion marker, question or list item."""
    text = article.text
    chunk = marks_of(article).unquoted(text, span.start, span.end)
    low = chunk.lower()
    words = set(re.findall(r"[a-z’']+", low))
    if words & set(_v()["first_person"]) or words & set(_v()["second_person"]):
        return False
    if _opinion_re().search(low):
        return False
    sentence = text[sent.start : sent.end]
    if sentence.rstrip().endswith("?") or re.match(r"\s*\d+[.)]\s", sentence):
        return False
    # something checkable: a name, a figure or a date (a capital after the first word, or a digit)
    return bool(re.search(r"(?<![.!?]\s)\b[A-Z](?:[a-z]|[A-Z]+s?\b)|\d", chunk.strip()[1:]))


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    out = []
    for span, sent in units(article):
        same = _same_event()
        found = [(same.get(t, t), s, e) for t, s, e in span_terms(text, sent, span.start, span.end)]
        terms = frozenset(t for t, _, _ in found)
        if len(terms) < MIN_TERMS:
            continue
        # a figure the clause gives ("8-5", "17%", "63rd") is a word of its event: two clauses that give
        # the same figure are likely one fact (the figure rules judge the figures themselves)
        terms |= {"#" + m.group().replace(",", "") for m in _FIGURE_TOKEN.finditer(text, span.start, span.end)}
        # a capitalised word is a name, unless the whole sentence is in capitals (a wire bulletin)
        caps = not any(ch.islower() for ch in text[sent.start : sent.end])
        # the first word of a sentence is a name when a capitalised word follows it ("Mayor Jo Hale said")
        proper = (
            frozenset()
            if caps
            else frozenset(
                t for t, s, e in found if text[s].isupper() and (s != sent.start or _NAME_NEXT.match(text, e, sent.end))
            )
        )
        value = Statement(_factual(article, span, sent), terms, proper)
        out.append(Claim(CODE, article.id, span.start, span.end, text[span.start : span.end], value, sent, terms, terms))
    return out


def describe(claim: Claim) -> str:
    return shorten(claim.text, chars=90)


# ---------------------------------------------------------------- the story


def _entity_terms(story, claims: list[Claim]) -> dict[int, frozenset[str]]:
    """Entity tokens ("@3") for each claim's span, so an acronym meets its full name."""
    try:
        from checker.entities import find_mentions

        index = story.entities
    except ImportError:  # the entities engine is optional for this rule
        return {}
    out: dict[int, set[str]] = defaultdict(set)
    # a claim holds only the names of its own sentence (a mention lies in one): the claims are looked up
    # by sentence, not scanned for each name; one that reaches past its sentence is tried for every name
    by_sentence: dict[tuple[str, Span], list[tuple[int, Claim]]] = defaultdict(list)
    loose: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for i, c in enumerate(claims):
        inside = c.sentence.start <= c.start and c.end <= c.sentence.end
        (by_sentence[(c.article, c.sentence)] if inside else loose[c.article]).append((i, c))
    for aid in dict.fromkeys(c.article for c in claims):
        for m in find_mentions(story.article(aid)):
            if m.kind not in ("person", "body"):
                continue
            items = [*by_sentence.get((aid, m.sentence), ()), *loose.get(aid, ())]
            if not items:
                continue
            eid = index.entity_at(aid, m.start, m.end)
            if eid is None:
                continue
            for i, c in items:
                if c.start <= m.start and m.end <= c.end:
                    out[i].add(f"@{eid}")
    return {i: frozenset(v) for i, v in out.items()}


@functools.cache
def _antonyms() -> dict[str, set[str]]:
    from checker.text import canon

    out: dict[str, set[str]] = defaultdict(set)
    for x, y in _v()["antonyms"]:
        out[canon(x)].add(canon(y))
        out[canon(y)].add(canon(x))
    return out


def _clash(group: tuple[Claim, ...], opposites: dict[str, set[str]]) -> tuple[tuple[Claim, str], tuple[Claim, str]] | None:
    """Two statements of one event whose verbs say opposite things ("approved" / "rejected")."""
    for x in group:
        for y in group:
            if x.article >= y.article:
                continue
            for t in x.terms - y.terms:
                for o in opposites.get(t, ()):
                    if o in y.terms and o not in x.terms:
                        return (x, _surface(x, t)), (y, _surface(y, o))
    return None


def _surface(c: Claim, term: str) -> str:
    """The word of the claim's text that gave a canonical term."""
    for t, s, e in content_terms(c.text, 0, len(c.text)):
        if t == term:
            return c.text[s:e]
    return term


def _event_terms(c: Claim) -> frozenset[str]:
    """The words of the event itself: no names, no attribution ("police said", "told reporters"), no setting."""
    return c.terms - c.value.proper - _attribution() - _setting()


@functools.cache
def _same_event() -> dict[str, str]:
    """Words that name one event in a statement though the shared synonym table keeps them apart ("killing")."""
    from checker.text import canon

    return {canon(x): canon(y) for x, y in _v()["same_event"]}


@functools.cache
def _attribution() -> frozenset[str]:
    from checker.text import canon

    return frozenset(canon(w) for w in _v()["attribution_words"])


@functools.cache
def _setting() -> frozenset[str]:
    from checker.text import canon

    return frozenset(canon(w) for w in _v()["setting_words"])


def _figure_topics(evidence) -> dict[tuple[str, Span], str]:
    """(article, sentence) -> topic of a figure or date discrepancy there (money, counts, dates)."""
    out: dict[tuple[str, Span], str] = {}
    for name in FIGURE_RULES:
        for f in evidence.groups(name):
            if f.kind != "discrepancy":
                continue
            for c in f.claims:
                out.setdefault((c.article, c.sentence), f.topic)
    return out


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    import sys

    module = sys.modules[__name__]
    ents = _entity_terms(story, claims)
    bags = [c.terms | ents.get(i, frozenset()) for i, c in enumerate(claims)]
    idf = Idf(bags)

    weights = {t: idf.weight(t) * (ENTITY_WEIGHT if t.startswith("@") else 1.0) for t in set().union(*bags)}
    base = dict(weights)  # support (is the statement another article's too?) weighs every word alike
    attribution = _attribution()
    for t in attribution & weights.keys():
        weights[t] *= ATTRIBUTION_WEIGHT  # "police", "spokesman", "statement": who speaks, not what happened
    weight = weights.__getitem__

    fsum = math.fsum  # exact sums: no dependence on set order (PYTHONHASHSEED)
    totals = [fsum(weight(t) for t in bag) for bag in bags]
    base_totals = [fsum(base[t] for t in bag) for bag in bags]
    events = [_event_terms(c) for c in claims]
    event_totals = [fsum(weight(t) for t in ev) for ev in events]
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for t in bag:
            index[t].append(i)
    # the lead: a statement of an article's first sentence that is not its setting ("After a long trial, ...")
    firsts = {a.id: a.sentences[0] for a in story.articles if a.sentences}
    seconds = {a.id: a.sentences[1] for a in story.articles if len(a.sentences) > 1}
    lead = [c.sentence == firsts.get(c.article) and not _subordinate(c.text) for c in claims]

    pair: dict[tuple[int, int], float] = {}  # (i, j), i < j, of two articles -> overlap, when they state one event
    rank: dict[tuple[int, int], float] = {}  # ... and how much of both they share (the best pairs group first)
    restated: dict[int, list[tuple[float, int]]] = defaultdict(list)  # i -> (share of i, k) of its own article
    leads: set[tuple[int, int]] = set()  # pairs of two leads told at one event only through the lead bar
    support = [0.0] * len(claims)
    words_only = [c.terms for c in claims]  # the bags without entity tokens
    arts = [c.article for c in claims]  # (read in the hot loop below: plain lists, not attribute chains)
    propers = [c.value.proper for c in claims]
    for i, bag in enumerate(bags):
        # one pass over the postings of i's words gathers, per statement j of another article: the shared
        # weight, the shared weight of i's plain (non-name) words, whether a plain word is shared at all
        # (a name is a name when both write it capitalised: "Silicon Valley" / "silicon valley" is a phrase),
        # whether a word only these two use ("logo") is among them, and the shared weight of the event's
        # own words (no names, no attribution): a name and "police said" do not make two statements one
        art_i, proper_i, words_i, event_i = claims[i].article, claims[i].value.proper, words_only[i], events[i]
        shared_w: dict[int, float] = defaultdict(float)
        base_w: dict[int, float] = defaultdict(float)
        plain_w: dict[int, float] = defaultdict(float)
        event_w: dict[int, float] = defaultdict(float)
        same_w: dict[int, float] = defaultdict(float)
        n_shared: dict[int, int] = defaultdict(int)
        has_plain: set[int] = set()
        rare_plain: set[int] = set()
        own_plain_w = 0.0
        for t in sorted(bag):  # a fixed order: float sums and ties must not depend on PYTHONHASHSEED
            is_word = t in words_i
            own_plain = is_word and t not in proper_i
            in_event = t in event_i
            w, wb = weight(t), base[t]
            if own_plain:
                own_plain_w += wb
            postings = index[t]
            if len(postings) > 60:
                continue
            for j in postings:
                if arts[j] == art_i:
                    if j != i:
                        same_w[j] += w
                    continue
                shared_w[j] += w
                base_w[j] += wb
                n_shared[j] += 1
                if own_plain or (is_word and t not in propers[j]):
                    has_plain.add(j)
                    if len(postings) <= 2:
                        rare_plain.add(j)
                if own_plain:
                    plain_w[j] += wb
                if in_event and t in events[j]:
                    event_w[j] += w
        for k, w in sorted(same_w.items()):
            share = w / max(totals[i], 1e-9)
            if share >= RESTATED_AT:  # every reader of restated asks for this much (a long article: millions less)
                restated[i].append((share, k))
        for j, w in sorted(shared_w.items()):
            overlap = w / max(min(totals[i], totals[j]), 1e-9)
            # support needs the event's words too: another article naming the same people doing something else is none
            if plain_w[j] >= PLAIN_SUPPORT * own_plain_w and event_w[j] >= EVENT_AT * event_totals[i]:
                support[i] = max(support[i], base_w[j] / max(base_totals[i], 1e-9))
            # one event: two or more shared words, one at least a plain word (not only names), and the
            # event's own words shared, not only who is named and who said it
            if n_shared[j] < 2 or j not in has_plain:
                continue
            if event_w[j] < EVENT_AT * min(event_totals[i], event_totals[j]) or event_w[j] <= 0.0:
                continue
            if AGREE_AT > overlap >= RARE_AGREE_AT and j in rare_plain:
                overlap = AGREE_AT  # a partial overlap on a word no other statement uses counts
            if (
                AGREE_AT > overlap >= LEAD_AGREE_AT
                and lead[i]
                and lead[j]
                and event_w[j] >= LEAD_EVENT_AT * min(event_totals[i], event_totals[j])
                and len(event_i & events[j]) >= LEAD_EVENT_WORDS
            ):
                # two leads: the story's event told with each outlet's own detail, which lets a lead join a
                # group of another article's lead (never open one, never merge two groups)
                leads.add((i, j) if i < j else (j, i))
            key = (i, j) if i < j else (j, i)
            pair[key] = max(pair.get(key, 0.0), overlap)
            rank[key] = 2 * w / max(totals[i] + totals[j], 1e-9)
        if evidence.has_link(claims[i].article, claims[i].sentence):
            support[i] = max(support[i], SUPPORTED_AT)  # another fact of its sentence agrees across articles

    # agreements: the best pairs first; a statement joins a group only if it states the event of every
    # member of the other articles (at most two statements per article: a lead and its body), so a
    # group never chains through shared neighbours
    def pair_of(a: int, b: int) -> float:
        return pair.get((a, b) if a < b else (b, a), 0.0)

    def rank_of(a: int, b: int) -> float:
        return rank.get((a, b) if a < b else (b, a), 0.0)

    def lead_of(a: int, b: int) -> float:
        return AGREE_AT if ((a, b) if a < b else (b, a)) in leads else pair_of(a, b)

    def joins(news: list[int], members: list[int], score=pair_of) -> bool:
        """Each of `news` states the event of every other article of the group (its best statement there)."""
        count: dict[str, int] = defaultdict(int)
        for m in members + news:
            count[claims[m].article] += 1
        if max(count.values()) > PER_ARTICLE:
            return False
        for new in news:
            best_per: dict[str, float] = {}
            for m in members:
                art = claims[m].article
                if art != claims[new].article:
                    best_per[art] = max(best_per.get(art, 0.0), score(new, m))
            scores = list(best_per.values())
            if not scores or min(scores) < FLOOR_AT or math.fsum(scores) < JOIN_AT * len(scores):
                return False
        return True

    def fits(new: int, members: list[int]) -> bool:
        return joins([new], members)

    ranked = sorted(
        ((rank[(i, j)], i, j, "") for (i, j), o in pair.items() if o >= AGREE_AT),
        key=lambda p: (-p[0], claims[p[1]].article, claims[p[1]].start, claims[p[2]].article, claims[p[2]].start),
    )
    made, group_of = greedy_groups(ranked, fits)
    # a lead left out joins a group that holds another article's lead it states the event of with, when it
    # states the event of every other article of the group as a joining statement must
    # (the story's event, told by each outlet with its own detail: "was fatally shot" / "died after a shooting")
    for i, j in sorted(
        leads, key=lambda k: (-rank[k], claims[k[0]].article, claims[k[0]].start, claims[k[1]].article, claims[k[1]].start)
    ):
        for new, old in ((i, j), (j, i)):
            if new in group_of or old not in group_of:
                continue
            members = made[group_of[old]]["members"]
            tied = {claims[m].article for m in members if ((m, new) if m < new else (new, m)) in leads}
            if tied and joins([new], members, lead_of):
                members.append(new)
                group_of[new] = group_of[old]

    # two groups of one event (formed from different pairs: each article's lead and body) become one when,
    # each article keeping its statements of the group formed first, then those best tied to the other articles, every kept statement
    # states the event of every other article; a statement left out stays covered (it was grouped)
    def trimmed(members: list[int], first: set[int]) -> list[int] | None:
        by_art: dict[str, list[int]] = defaultdict(list)
        for m in members:
            by_art[claims[m].article].append(m)

        def ties(m: int) -> tuple[int, float]:
            # how many other articles it states the event of, then how much of both it shares with them
            # (a symmetric share: a tiny clause that another covers whole does not outweigh the full one)
            best = [max(pair_of(m, o) for o in by_art[a]) for a in by_art if a != claims[m].article]
            full = [max(rank_of(m, o) for o in by_art[a]) for a in by_art if a != claims[m].article]
            return sum(b >= FLOOR_AT for b in best), math.fsum(full)

        keep: list[int] = []
        for a in sorted(by_art):
            # an article's first sentence that its second repeats with more ("Bomb explodes at X, killing two."
            # then "A bomb exploded Friday at X, killing ...": a headline read as a sentence) gives way to it
            def repeated(m: int, mine=by_art[a]) -> bool:
                if claims[m].sentence != firsts.get(a) or (n := len(claims[m].terms)) == 0:
                    return False
                return any(
                    sh >= RESTATED_AT and k in mine and len(claims[k].terms) > n and claims[k].sentence == seconds.get(a)
                    for sh, k in restated[m]
                )

            keep += sorted(by_art[a], key=lambda m: (-ties(m)[0], repeated(m), m not in first, -ties(m)[1], claims[m].start))[
                :PER_ARTICLE
            ]
        kept: dict[str, list[int]] = defaultdict(list)
        for m in keep:
            kept[claims[m].article].append(m)
        # an article's lead and body state its event together: each article states the event of every
        # other (its best pair there), and each kept statement is tied to some other article's statement
        for x in kept:
            best = [max(pair_of(m, o) for m in kept[x] for o in kept[y]) for y in kept if y != x]
            if min(best) < FLOOR_AT or math.fsum(best) < MERGE_AT * len(best):
                return None
        for m in keep:
            if max(pair_of(m, o) for o in keep if claims[o].article != claims[m].article) < FLOOR_AT:
                return None
        return keep

    dropped: set[int] = set()
    for _, i, j, _ in ranked:  # only groups a strong pair links are candidates: no all-pairs pass
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None or gj is None or gi == gj:
            continue
        if gj < gi:
            gi, gj = gj, gi  # the group of the stronger pair keeps its statements; the other gives way
        ma, mb = made[gi]["members"], made[gj]["members"]
        keep = trimmed(ma + mb, set(ma))
        if keep is None:
            continue
        for m in ma + mb:
            if m in keep:
                group_of[m] = gi
            else:
                group_of.pop(m, None)
                dropped.add(m)
        ma[:] = keep
        mb.clear()
    made = [g for g in made if g["members"]]
    group_of = {m: k for k, g in enumerate(made) for m in g["members"]}
    figure_topics = _figure_topics(evidence)
    findings: list[Finding] = []
    opposites = _antonyms()
    for g in made:
        members = g["members"]
        arts = {claims[m].article for m in members}
        members.sort(key=lambda m: (story.order[claims[m].article], claims[m].start))
        group = tuple(claims[m] for m in members)
        shared = frozenset.intersection(*(bags[m] for m in members)) or frozenset.union(*(bags[m] for m in members))
        topic = (
            " ".join(surface(t) for t in sorted((t for t in shared if t[0] not in "@#"), key=lambda t: (-idf.weight(t), t))[:3])
            or NAME
        )
        # a figure discrepancy in these sentences: the statement agreement stands beside it, under its topic
        figure = [figure_topics[k] for c in group if (k := (c.article, c.sentence)) in figure_topics]
        if len(figure) >= 2:
            topic = min(figure)
        quoted = "; ".join(f"{c.article}: {describe(c)!r}" for c in group)
        clash = _clash(group, opposites)
        if clash:
            (x, wx), (y, wy) = clash
            findings.append(
                make_finding(
                    module,
                    "discrepancy",
                    group,
                    f"{x.article} says {wx!r} where {y.article} says {wy!r} of the same event: {quoted}.",
                    topic,
                    agree=(),
                    differ=(y.article,) if len(arts) > 2 else (),
                )
            )
            continue
        findings.append(
            make_finding(
                module,
                "agreement",
                group,
                f"{len(arts)} articles report this: {quoted}.",
                topic,
                agree=tuple(sorted(arts, key=story.order.__getitem__)),
            )
        )

    # unsupported additions: factual statements no other article covers, or naming someone no other article
    # names; a checkable fact (a figure, a name, an event told in its own words), not a second mention of
    # what its article states elsewhere (an aligned sentence, or a summary line its body repeats)
    entity_articles: dict[str, set[str]] = defaultdict(set)
    for i, c in enumerate(claims):
        for t in ents.get(i, ()):
            entity_articles[t].add(c.article)
    covered = [i in group_of or i in dropped or support[i] >= SUPPORTED_AT for i in range(len(claims))]
    lone: list[int] = []
    for i, c in enumerate(claims):
        if not c.value.factual or len(c.terms) < MIN_TERMS_ALONE:
            continue
        novel = [t for t in ents.get(i, ()) if entity_articles[t] == {c.article}]
        if not novel and covered[i]:
            continue
        if len(events[i]) < MIN_EVENT_ALONE and not _figure_re().search(c.text):
            continue  # names and a title, no event: "former adviser Jo Smith"
        if c.start != c.sentence.start and not novel and not _figure_re().search(c.text) and _subordinate(c.text):
            continue  # "when he left office", "while his name was raised": the setting of its sentence, not a fact
        if any(share >= RESTATED_AT and covered[k] for share, k in restated[i]):
            continue  # its article says it again where another article agrees
        lone.append(i)
    chosen = set(lone)
    for i in lone:
        # two lone statements of one article saying the same: the fuller one is the addition
        for share, k in restated[i]:
            if k in chosen and k != i and share >= RESTATED_AT:
                if (len(claims[k].terms), claims[k].start) > (len(claims[i].terms), claims[i].start):
                    chosen.discard(i)
                    break
    for i in lone:
        if i not in chosen:
            continue
        c = claims[i]
        where = the_others(story.ids, c.article)
        topic = " ".join(surface(t) for t in sorted((t for t in c.terms if t[0] != "#"), key=lambda t: (-idf.weight(t), t))[:3])
        findings.append(
            make_finding(
                module,
                "unsupported",
                (c,),
                f"Only {c.article} reports this; {where} {'does' if len(story.ids) == 2 else 'do'} not: {describe(c)!r}.",
                topic,
                agree=(c.article,),
                why=f"best coverage by another article {support[i]:.2f}",
            )
        )
    return findings


@functools.cache
def _subordinate_re() -> re.Pattern[str]:
    words = sorted(_v()["setting_openers"], key=vocab.longest_first)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _subordinate(text: str) -> bool:
    """A clause that opens with a word of time, condition or concession ("when", "while", "although")."""
    return _subordinate_re().match(text) is not None


@functools.cache
def _figure_re() -> re.Pattern[str]:
    return re.compile(r"\d|\b(?:" + "|".join(re.escape(w) for w in _v()["number_words"]) + r")\b", re.I)
