"""FC107 titles: the titles articles give documents (reports, white papers, plans, bills).

What it finds
    A document's title: a quoted stretch written as a title (most words
    capitalised) next to a document noun ('released its report, "Silt and
    Dredging in the Outer Harbour"', '"... Green Paper (2024)", was released'), a title after
    "titled", "entitled" or "called" ("Titled Harbour Renewal Strategy, the
    draft was ..."), or a capitalised name ending in a document noun ("the
    Clean Rivers Act"). Each title belongs to a family of document nouns
    (rules/vocab/titles.toml): paper, report, plan, law, guidelines...
    A generic noun ("the draft", "the document") takes the family of the
    nearest specific noun written before it.

    Titles of different articles are one document when their nouns are of one
    family and their sentences share the publisher or the event (context
    words, named entities), or the titles share distinctive words. Then:
    the same title (word order, case, a year or a leading "the" aside) is an
    agreement, another title a discrepancy. A title no other article gives is
    reported as that source's alone. A white paper and an action plan are
    never compared.

Why it matters
    A document's title is what readers search for; two outlets giving one
    report two titles means one of them did not read it.

Example
    A: The board published its report, "Harbour Silt and Dredging Review".
    B: In its report, titled "Dredging the Harbour", the board found fault.
    -> discrepancy (one report, two titles)
"""

from __future__ import annotations

import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from checker import vocab
from checker.align import context_similarity, greedy_groups
from checker.claims import make_claim
from checker.compare import make_finding, odd_ones_out, the_others
from checker.entities import find_mentions, title_like
from checker.model import Article, Claim, Finding
from checker.speech import marks_of
from checker.text import content_terms

CODE = "FC107"
NAME = "titles"
REPORT_ALONE = True  # done inside check_story: a title only one article gives
MAX_TITLE_WORDS = 30
LOOK_BEFORE = 10  # words before a quoted title searched for its document noun
ALIGN_AT = 0.35


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    doc_noun: str  # the document noun as written ("white paper", "report")
    family: str  # paper, report, plan, law, guidelines, generic ...
    context: frozenset[str] = frozenset()  # words of the earlier sentence that named the document ("a white paper")

    def to_json(self) -> dict[str, Any]:
        return {"title": self.text, "doc_noun": self.doc_noun, "family": self.family}


@functools.cache
def _v() -> dict:
    return vocab.load("titles")


@functools.cache
def _nouns() -> dict[tuple[str, ...], str]:
    return {tuple(k.lower().split()): fam for k, fam in _v()["doc_nouns"].items()}


@functools.cache
def _max_noun() -> int:
    return max(len(k) for k in _nouns())


_WORD = re.compile(r"[^\W_][\w'’\-]*")


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _noun_at(words: list[str], i: int) -> tuple[int, str, str] | None:
    """The longest document noun starting at word i: (length, noun, family)."""
    nouns = _nouns()
    for n in range(min(_max_noun(), len(words) - i), 0, -1):
        key = tuple(w.lower() for w in words[i : i + n])
        if key in nouns:
            return n, " ".join(key), nouns[key]
    return None


def _nouns_in(words: list[str], capital_only: bool = False) -> list[tuple[int, int, str, str]]:
    out = []
    i = 0
    while i < len(words):
        hit = _noun_at(words, i)
        if hit and (not capital_only or words[i][0].isupper()):
            out.append((i, hit[0], hit[1], hit[2]))
            i += hit[0]
        else:
            i += 1
    return out


def _specific_before(article: Article, sent_index: int, pos: int) -> tuple[str, str] | tuple[str, str, frozenset[str]] | None:
    """The nearest specific document noun before `pos`, in its sentence or the two before
    (with that earlier sentence's words, which tell what the document is about)."""
    text = article.text
    for k in range(sent_index, max(sent_index - 3, -1), -1):
        s = article.sentences[k]
        end = pos if k == sent_index else s.end
        ws = [w for w, _, _ in _words(text, s.start, end)]
        found = [x for x in _nouns_in(ws) if x[3] != "generic"]
        if found:
            if k == sent_index:
                return found[-1][2], found[-1][3]
            terms = frozenset(t for t, _, _ in content_terms(text, s.start, s.end))
            return found[-1][2], found[-1][3], terms
    return None


def _doc_noun(article: Article, k: int, start: int, end: int, inside: str, cue: bool) -> tuple | None:
    """The document noun a title belongs to: inside it, just before or after it, or (after a cue) nearby."""
    text = article.text
    sent = article.sentences[k]
    inner = [w for w, _, _ in _words(inside, 0, len(inside))]
    own = [x for x in _nouns_in(inner, capital_only=True) if x[3] != "generic" and x[0] > 0]
    if own:
        return own[-1][2], own[-1][3]
    before = _words(text, sent.start, start)[-LOOK_BEFORE:]
    after = _words(text, end, sent.end)[:4]
    near = [x for x in _nouns_in([w for w, _, _ in before])]
    if near:
        noun, fam = near[-1][2], near[-1][3]
        if fam == "generic":
            return _specific_before(article, k, start) or (noun, fam)
        return noun, fam
    nxt = _nouns_in([w for w, _, _ in after])
    if nxt and nxt[0][0] <= 1:
        noun, fam = nxt[0][2], nxt[0][3]
        if fam == "generic":
            return _specific_before(article, k, start) or (noun, fam)
        return noun, fam
    if cue:  # "Titled X, the draft was ...": a document noun later in the sentence
        rest = [w for w, _, _ in _words(text, end, sent.end)][:8]
        later = _nouns_in(rest)
        if later:
            noun, fam = later[0][2], later[0][3]
            if fam == "generic":
                return _specific_before(article, k, start) or (noun, fam)
            return noun, fam
    return None


_CAPRUN = r"(?:[A-Z0-9][\w'’\-.]*(?:\s+(?:of|and|for|the|on|in|to|a|&)\s+|\s+|,\s+(?=[A-Z]))){0,%d}[A-Z0-9][\w'’\-]*(?:\s+\(\d{4}(?:\s+to\s+\d{4}|[-–]\d{2,4})?\))?"


@functools.cache
def _cue_re() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in _v()["title_cues"])
    return re.compile(rf"\b(?i:{cues})\s+(?P<t>{_CAPRUN % MAX_TITLE_WORDS})")


@functools.cache
def _cue_before_re() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in _v()["title_cues"])
    return re.compile(rf"\b(?:{cues})\s*[,:]?\s*$")


@functools.cache
def _named_re() -> re.Pattern[str]:
    """A capitalised name ending in a capitalised document noun: "the Clean Rivers Act"."""
    nouns = sorted((" ".join(w.capitalize() for w in n.split()) for n in _v()["named_nouns"]), key=vocab.longest_first)
    alt = "|".join(re.escape(n) for n in nouns)
    return re.compile(
        rf"(?<![\w“\"‘'’])(?P<t>(?:[A-Z][\w\-]*\s+(?:(?:of|and|for|on|the)\s+)?){{1,8}}(?:{alt})(?:\s+\(?\d{{4}}\)?)?)(?![\w'’]|\s+[A-Z])"
    )


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []

    marks = marks_of(article)

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(k: int, s: int, e: int, noun: str, fam: str, context: frozenset[str] = frozenset()) -> None:
        while e > s and text[e - 1] in " ,.;:":
            e -= 1
        if e <= s or not free(s, e):
            return
        taken.append((s, e))
        value = Title(text[s:e], noun, fam, context)
        out.append(make_claim(article, CODE, s, e, value, sentence=article.sentences[k], head=noun.split()[-1]))

    for k, sent in enumerate(article.sentences):
        # quoted titles
        for sp in marks.stretches(sent.start, sent.end):  # checker/speech.py's quote marks
            s, e = sp.start, sp.end
            inside = text[s:e]
            if len(inside) < 3 or len(inside.split()) > MAX_TITLE_WORDS or not title_like(inside):
                continue
            before = text[sent.start : s - 1].lower()
            cue = bool(_cue_before_re().search(before))
            hit = _doc_noun(article, k, s - 1, e + 1, inside, cue)
            if hit is None:
                continue
            inner = [w.lower() for w, _, _ in _words(inside, 0, len(inside))]
            if len(inner) <= 3 and _noun_at(inner, 0) and _noun_at(inner, 0)[0] == len(inner):
                continue  # the bare noun in quotes: "the “Green Paper”"
            add(k, s, e, *hit)
        # unquoted titles after a cue: "Titled Harbour Renewal Strategy, the draft ..."
        for m in _cue_re().finditer(text, sent.start, sent.end):
            s, e = m.start("t"), m.end("t")
            if s in marks.opens or not title_like(m.group("t")) or len(m.group("t").split()) < 2:
                continue
            if re.search(r"['’]s$", m.group("t")) or not _title_ends(text, e, sent.end):
                continue
            hit = _doc_noun(article, k, s, e, m.group("t"), True)
            if hit is not None:
                add(k, s, e, *hit)
        # capitalised names ending in a document noun: "the Clean Rivers Act"
        for m in _named_re().finditer(text, sent.start, sent.end):
            s, e = m.start("t"), m.end("t")
            words = [w for w, _, _ in _words(text, s, e)]
            while (
                words
                and words[0].lower() in ("the", "a", "an", "its", "this")
                or (words and s == sent.start and len(words) > 2 and words[0].lower() in _common_openers())
            ):
                cut = text.index(words[0], s) + len(words[0])
                s = cut + len(text[cut:e]) - len(text[cut:e].lstrip())
                words = words[1:]
            nouns = _nouns_in(words, capital_only=True)
            if len(words) < 2 or not nouns or nouns[-1][0] == 0:
                continue
            add(k, s, e, nouns[-1][2], nouns[-1][3])
    out.sort(key=lambda c: c.start)
    return out


@functools.cache
def _after_title() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_v()["title_end_words"], key=vocab.longest_first))
    return re.compile(rf"\s*(?:$|[,.;:)\]—–]|\s-\s|(?:{words})\b)")


def _title_ends(text: str, end: int, sent_end: int) -> bool:
    """An unquoted title ends at punctuation or before a verb, not inside a noun phrase."""
    return bool(_after_title().match(text[end:sent_end]))


@functools.cache
def _common_openers() -> frozenset[str]:
    from checker.entities import sentence_starters
    from checker.text import stopwords

    return sentence_starters() | stopwords()


# ---------------------------------------------------------------- comparing


_YEAR = re.compile(r"^\(?\d{4}\)?$")


def _key_words(title: str) -> list[str]:
    """The title's words, lowercased, without a leading "the", brackets or punctuation."""
    ws = [w.lower().strip("()") for w in re.findall(r"[\w'’.\-()]+", title)]
    ws = [w.strip(".") for w in ws if w]
    while ws and ws[0] in ("the", "a", "an"):
        ws = ws[1:]
    return ws


def _distinctive(title: str) -> set[str]:
    from checker.text import stopwords

    stops = stopwords()
    nouns = {k[0] for k in _nouns() if len(k) == 1} | vocab.word_set("titles", "not_distinctive")
    return {w for w in _key_words(title) if w not in stops and w not in nouns and not _YEAR.match(w) and len(w) > 1}


def compare_values(a: Title, b: Title) -> str:
    ka, kb = _key_words(a.text), _key_words(b.text)
    if ka == kb:
        return "same"
    if fuzz.token_sort_ratio(" ".join(ka), " ".join(kb)) >= 95:
        return "same"
    da, db = _distinctive(a.text), _distinctive(b.text)
    if da and db and (da <= db or db <= da) and min(len(da), len(db)) >= max(2, (max(len(da), len(db)) * 2 + 2) // 3):
        if da == db or _same_order(ka, kb, da & db):
            return "compatible"  # a year, the noun or a word dropped
    return "differ"


def _same_order(ka: list[str], kb: list[str], shared: set[str]) -> bool:
    """The words two titles share come in one order: "Outer Harbour Dredging" keeps "Harbour Dredging",
    while "Dredging the Harbour" is another title, not a word dropped from "Harbour Silt and Dredging"."""

    def order(ws: list[str]) -> list[str]:
        return list(dict.fromkeys(w for w in ws if w in shared))

    return order(ka) == order(kb)


def _compare(a: Claim, b: Claim) -> str:
    return compare_values(a.value, b.value)


def describe(claim: Claim) -> str:
    return f"'{claim.value.text}' ({claim.value.doc_noun})"


def _comparable(a: Claim, b: Claim) -> bool:
    fa, fb = a.value.family, b.value.family
    return fa == fb or "generic" in (fa, fb)


def _entities_near(story, c: Claim) -> set[int]:
    """The people and bodies named in the claim's sentence (outside the title)."""
    index = story.entities
    out = set()
    for m in find_mentions(story.article(c.article)):
        if m.sentence == c.sentence and m.kind in ("person", "body") and not (c.start <= m.start and m.end <= c.end):
            eid = index.entity_at(c.article, m.start, m.end)
            if eid is not None:
                out.add(eid)
    return out


def _context(story, a: Claim, b: Claim) -> float:
    return context_similarity(a.terms | a.value.context, b.terms | b.value.context, story.idf)


def _score(story, a: Claim, b: Claim, ents: dict[int, set[int]]) -> tuple[float, str]:
    ctx = _context(story, a, b)
    da, db = _distinctive(a.value.text), _distinctive(b.value.text)
    shared = da & db
    words = fuzz.token_set_ratio(" ".join(_key_words(a.value.text)), " ".join(_key_words(b.value.text))) / 100 if shared else 0.0
    both = ents[id(a)] & ents[id(b)]
    score = 0.45 * ctx + 0.35 * words + (0.3 if both else 0.0) + (0.1 if a.value.family == b.value.family else 0.0)
    why = [f"context {ctx:.2f}", f"title words {words:.2f}"]
    if shared:
        why.append("shared words: " + ", ".join(sorted(shared)[:4]))
    if both:
        why.append("their sentences name the same publisher or actor")
    return score, "; ".join(why)


def _find_in(article: Article, title: str) -> tuple[int, int, int] | None:
    """The title written in another article's story sentences (case and spacing aside): (sentence, start, end)."""
    words = [re.escape(w) for w in title.split()]
    if len(words) < 2:
        return None
    pat = re.compile(r"\b" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    for k, s in enumerate(article.sentences):
        m = pat.search(article.text, s.start, s.end)
        if m:
            return k, m.start(), m.end()
    return None


def _accept(story, a: Claim, b: Claim, ents: dict[int, set[int]], unique: dict[tuple[str, str], int]) -> tuple[float, str] | None:
    """(score, why) when two titles name one document, else None."""
    verdict = _compare(a, b)
    score, why = _score(story, a, b, ents)
    if verdict == "same":
        return score + 1.0, why  # one title in two articles: one document
    shared = _distinctive(a.value.text) & _distinctive(b.value.text)
    words = fuzz.token_set_ratio(" ".join(_key_words(a.value.text)), " ".join(_key_words(b.value.text))) / 100
    if verdict == "compatible":
        return (score, why) if score >= ALIGN_AT or (shared and words >= 0.8) else None
    # different titles: the same document only on good evidence
    alone = unique.get((a.article, a.value.family), 0) == 1 and unique.get((b.article, b.value.family), 0) == 1
    if shared and words >= 0.6 and (score >= ALIGN_AT or (alone and len(shared) >= 2)):
        return score, why
    ctx = _context(story, a, b)
    if alone and (ctx >= 0.25 or ents[id(a)] & ents[id(b)]):
        return score, why + "; each article names one such document"
    return None


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    module = sys.modules[__name__]
    # a title repeated in one article is one claim: its first
    first: dict[tuple[str, str], Claim] = {}
    for c in claims:
        first.setdefault((c.article, " ".join(_key_words(c.value.text))), c)
    pool = list(first.values())
    unique: dict[tuple[str, str], int] = defaultdict(int)
    for c in pool:
        unique[(c.article, c.value.family)] += 1
    ents = {id(c): _entities_near(story, c) for c in pool}
    accepted: dict[tuple[int, int], float] = {}
    pairs = []
    for i, a in enumerate(pool):
        for j in range(i + 1, len(pool)):
            b = pool[j]
            if a.article == b.article or not _comparable(a, b):
                continue
            hit = _accept(story, a, b, ents, unique)
            if hit is not None:
                accepted[(i, j)] = hit[0]
                pairs.append((hit[0], i, j, hit[1]))
    pairs.sort(key=lambda p: (-p[0], pool[p[1]].article, pool[p[1]].start, pool[p[2]].article, pool[p[2]].start))

    def fits(new: int, members: list[int]) -> bool:
        if pool[new].article in {pool[m].article for m in members}:
            return False
        return all((min(new, m), max(new, m)) in accepted for m in members)

    groups, group_of = greedy_groups(pairs, fits)
    findings: list[Finding] = []
    order = story.order
    for g in groups:
        cs = tuple(sorted((pool[m] for m in g["members"]), key=lambda c: (order[c.article], c.start)))
        findings.append(_group_finding(module, cs, g["why"]))
    # a title no other article gives as a title: written there all the same, else this source's alone
    for i, c in enumerate(pool):
        if i in group_of:
            continue
        echo = []
        for other in story.articles:
            if other.id == c.article:
                continue
            hit = _find_in(other, c.value.text)
            if hit:
                k, s, e = hit
                echo.append(make_claim(other, CODE, s, e, c.value, sentence=other.sentences[k], head=c.head))
        if echo:
            cs = tuple(sorted([c, *echo], key=lambda x: (order[x.article], x.start)))
            findings.append(_group_finding(module, cs, "the same title written in the other articles"))
            continue
        where = the_others(story.ids, c.article)
        give = "gives" if len(story.ids) == 2 else "give"
        message = f"Only {c.article} gives the {c.value.doc_noun} a title, '{c.value.text}'; {where} {give} none."
        findings.append(make_finding(module, "unsupported", (c,), message, _topic(c), agree=(c.article,)))
    return findings


def _topic(c: Claim) -> str:
    return f"title of the {c.value.doc_noun}"


def _group_finding(module, cs: tuple[Claim, ...], why: str) -> Finding:
    n = len(cs)
    verdicts = [[_compare(x, y) == "differ" for y in cs] for x in cs]
    noun = next((c.value.doc_noun for c in cs if c.value.family != "generic"), cs[0].value.doc_noun)
    topic = f"title of the {noun}"
    if not any(any(row) for row in verdicts):
        message = (
            f"{'Both' if n == 2 else f'All {n}'} articles give the {noun} one title: "
            + "; ".join(f"{c.article}: '{c.value.text}'" for c in cs)
            + "."
        )
        return make_finding(module, "agreement", cs, message, topic, agree=tuple(c.article for c in cs), why=why)
    odd = tuple(cs[i].article for i in odd_ones_out(verdicts))
    says = "; ".join(f"{c.article} titles it '{c.value.text}'" for c in cs)
    message = f"The same {noun}, titled two ways: {says}."
    return make_finding(module, "discrepancy", cs, message, topic, differ=odd, why=why)
