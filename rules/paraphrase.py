"""FC105 paraphrase: reported speech that says more than the speaker's quoted words.

What it finds
    Reported speech without quote marks: "X mentioned that ...", "X said
    (that) the plan was ...", "X predicted ...", "officials said the road
    would ...", "the regulator blamed ... for ...", "X called demand ...",
    "according to X, ..." and "..., X said." The claim is the reported clause
    (the words after the reporting verb, to the end of the clause). Each
    paraphrase is set against the direct quotes of the same speaker in the
    story (a body and its report or statement count as one voice, and
    "officials" as any official the story quotes) on the same subject
    (content words weighted by how rare they are in the story). A paraphrase
    that says more than the quoted words is a discrepancy:

    - a stronger degree: "couldn't be more", "fully", "record", "historic",
      superlatives, absent from the quote;
    - more certainty: "will", "would", "blamed", "confirmed", "predicted"
      where the quote hedges with "may", "hoping", "if", "not yet
      determined", "cautiously";
    - a figure the quote does not give ("triple-digit gains"), and, with
      either of the above, the content words the quote lacks;
    - the opposite of the quote: a word both share, qualified one way in
      the quote and the other way in the paraphrase ("well equipped" /
      "insufficiently equipped").

    A paraphrase of a named speaker that keeps to the words another article
    quotes, on a closely matched subject, is an agreement; a looser match that
    says no more gives nothing, and so does a paraphrase with no quote to
    check against (an unquoted statement only one source makes is the
    statements rule's business).

Why it matters
    Paraphrase is where a hedge quietly becomes a promise: "we hope to have
    the east road open if the rain stops" turns into "the roads will be
    completely clear". The quote is on the record; the paraphrase is the outlet's.

Example
    A: "Sales are levelling off, and we may see some growth," Jo Bloggs said.
    B: Bloggs said sales were completely back and predicted record growth.
    -> discrepancy: stronger degree ('completely', 'record'); more certainty
       ('predicted' where the quote has 'may')

The quotes, who said them and the reporting verbs come from the engine's
speech layer, checker/speech.py (``speech_of``).
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker import caches, calendar, entities, vocab
from checker.align import context_similarity
from checker.claims import make_claim
from checker.compare import make_finding, shorten
from checker.evidence import LINKS
from checker.model import Article, Claim, Finding
from checker.speech import SPOKEN_WORD_RE, quote_claims, reporting_verbs, speaker_articles, speech_of
from checker.text import canon, content_terms

CODE = "FC105"
NAME = "paraphrase"
REPORT_ALONE = False  # a paraphrase with no quote to check is no finding
PROVIDES = (LINKS,)  # a paraphrase and its quote tie their sentences: dates and statements there are one subject
RESTATES = True
SAME_SPEAKER_AT = 0.18  # subject similarity for a paraphrase of the same named speaker
SAME_VOICE_AT = 0.22  # ... of a body, its report, or "officials"
FIGURE_ALONE_AT = 0.30  # a new figure on its own needs a paraphrase that restates the quote
HEDGE_DROPPED_AT = 0.40  # so does a hedge dropped with no word of certainty added
AGREE_AT = 0.35  # a faithful paraphrase is reported only when surely of the same statement ...
AGREE_DIRECT_AT = 0.30  # ... restating the quote's own words
MIN_WORDS = 3
PARA_WEIGHT = 0.85  # paragraph context counts a little less than the sentences themselves
TIME_BONUS = 0.15  # the same day or year in both ("by Wednesday")
CAUSE_BONUS = 0.10  # both speak of a cause ("blamed" / "we do not know why")

# "\sbut", not "\s+but": the caller trims the blanks before the end it finds, and a search for "\s+" from
# each blank of a long run would be quadratic
_CLAUSE_END = re.compile(
    r",\s+(?:which|but|while|whereas|although|though|as|adding|according|so|quoting|citing|saying|and\s+(?:that|added|said|warned))\b"
    r"|\sbut\s+(?:also\s+)?(?:warned|said|added|noted|cautioned|insisted|stressed|admitted|conceded)\b"
    r"|;|\s[–—]\s|\s-\s|,\s+(?:he|she|they|it)\s+(?:said|added)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Paraphrase:
    """The reported words and who they are given to."""

    speaker: str | None
    words: tuple[str, ...]
    verb: str = ""
    speaker_kind: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"speaker": self.speaker, "verb": self.verb, "words": " ".join(self.words)}
        if self.speaker_kind:
            out["speaker_kind"] = self.speaker_kind
        return out


@functools.cache
def _v() -> dict:
    return vocab.load("paraphrase")


@functools.cache
def _pset(key: str) -> frozenset[str]:
    """A word list of the vocabulary's [paraphrase] table as a set."""
    return frozenset(_v()["paraphrase"][key])


@functools.cache
def _time_preps() -> frozenset[str]:
    """Words that open a time phrase after the verb: "on", "last", weekday names."""
    return _pset("time_preps") | frozenset(calendar.weekday_names().values())


_WORD_OR_PERCENT = re.compile(f"{SPOKEN_WORD_RE.pattern}|%")  # the speech layer's words, and "%" as a word of its own


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_OR_PERCENT.findall(text)]


# ---------------------------------------------------------------- finding paraphrases


def _clause(text: str, at, marks) -> tuple[int, int] | None:
    """The reported clause of an attribution: after the verb to the clause's end, or before a trailing one."""
    s, e = at.region.start, at.region.end
    if at.side == "mid":
        return None
    if at.side == "before":
        e = s + len(text[s:e].rstrip(" ,"))
    else:
        if text[s:e].lstrip().startswith(",") and at.verb != "according to":
            return None  # "X, it said, with ...": a parenthetical attribution reports what went before
        toks = list(re.finditer(r"[\w’'-]+|[^\w\s]", text[s:e]))
        i = 0
        while i < len(toks) and toks[i].group() in (",", ":"):
            i += 1
        if at.verb in _pset("object_verbs") and i < len(toks):
            # "told reporters (that) ...", "told the court he ...": skip the listener
            j = i + 1
            if toks[i].group().lower() in speaker_articles() and j < len(toks):
                j += 1
            i = j
        # "said on Friday (that) ...", "said Monday that ..."
        that = next((k for k in range(i, min(i + 7, len(toks))) if toks[k].group().lower() == "that"), None)
        if (
            that is not None
            and all(toks[k].group().lower() not in _pset("not_before_that") or k > i for k in range(i, that))
            and (that == i or toks[i].group().lower() in _time_preps() or toks[i].group()[0].isupper())
        ):
            i = that + 1
        elif i < len(toks) and toks[i].group().lower() in _time_preps():
            k = i + 1
            while k < len(toks) and k < i + 5 and toks[k].group().lower() not in _pset("clause_starts"):
                k += 1
            if k < len(toks) and toks[k].group().lower() in _pset("clause_starts"):
                i = k
        if i >= len(toks):
            return None
        s = s + toks[i].start()
    if at.side == "after":  # a trailing attribution bounds its clause; so does a quote mark
        m = _CLAUSE_END.search(text, s, e)
        mark = marks.first_mark(s, e)
        e = min(m.start() if m else e, e if mark is None else mark)
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if e > s else None


def find_claims(article: Article) -> list[Claim]:
    speech = speech_of(article)
    text = article.text
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for at in speech.attributions:
        if at.verb not in reporting_verbs() or at.speaker is None:
            continue
        if speech.marks.first_mark(at.region.start, at.region.end) is not None or any(
            at.sentence.start < q.end <= at.verb_start and not any(t.start > q.start and t.end < q.end for t in speech.titles)
            for q in speech.quoted
        ):
            continue  # the attribution of a quote ('"...," X told reporters'; 'X said: "..."')
        span = _clause(text, at, speech.marks)
        if span is None:
            continue
        s, e = span
        if speech.in_quote(s - 1, e + 1) or speech.marks.first_mark(s, e) is not None:
            continue  # partial quotes are the quote rule's
        if any(a <= s and e <= b for a, b in taken):
            continue  # "X said A and warned B": one clause
        words = tuple(_words(text[s:e]))
        if len(words) < MIN_WORDS:
            continue
        sp = at.speaker
        value = Paraphrase(sp.name, words, at.verb, sp.kind, sp.start, sp.end)
        out.append(make_claim(article, CODE, s, e, value, sentence=at.sentence))
        taken.append((s, e))
    return out


# ---------------------------------------------------------------- matching a quote


def _generic(name: str) -> bool:
    """Whether a speaker is a noun, not a name: "the report", "Port officials", "a spokesman"."""
    words = name.split()
    return name[:1].islower() or words[0].lower() in speaker_articles() or words[-1][:1].islower()


_PEOPLE = ("person", "official", "name")


def _speaker_fit(story, p: Claim, q: Claim) -> str | None:
    """ "same" (one named speaker), "voice" (a body and its report, officials and an official), or None."""
    pv, qv = p.value, q.value
    if not pv.speaker or not qv.speaker:
        return None
    pk, qk = pv.speaker_kind, qv.speaker_kind
    people = _PEOPLE
    if pk in people and qk in people:
        if _generic(pv.speaker) or _generic(qv.speaker):
            return "voice" if pk == "official" and qk == "official" and _generic(pv.speaker) else None
        return "same" if entities.names_match(story.entities, p.article, pv.speaker, q.article, qv.speaker) else None
    if pk == "group":
        return "voice" if qk in ("official", "body", "document", "group") else None
    if pk in ("body", "document") and qk in ("body", "document"):
        if not _generic(pv.speaker) and not _generic(qv.speaker):
            if entities.names_match(story.entities, p.article, pv.speaker, q.article, qv.speaker):
                return "same"
            return "voice" if pk != qk else None
        return "voice"
    return None


def _fit_candidates(story, quotes: list[Claim]) -> Callable[[Claim], list[Claim]]:
    """For a paraphrase, the quotes _speaker_fit may accept, in story order; it accepts none of the others.

    A named person's paraphrase fits only the quote of a named person whose name names_match takes: the
    same name as written, one entity of the story's index, or a name _match may take (entities.NameBuckets).
    Any other paraphrase is tried against every quote.
    """
    index = story.entities
    by_entity: dict[int | None, set[int]] = defaultdict(set)
    buckets = entities.NameBuckets()
    for i, q in enumerate(quotes):
        if _named_person(q):
            by_entity[index.resolve(q.article, q.value.speaker)].add(i)
            buckets.add(q.value.speaker, i)

    def fits(p: Claim) -> list[Claim]:
        if not _named_person(p):
            return quotes
        name = p.value.speaker
        ids = buckets.candidates(name)
        eid = index.resolve(p.article, name)
        if eid is not None:
            ids |= by_entity.get(eid, set())
        return [quotes[i] for i in sorted(ids)]

    return fits


def _named_person(c: Claim) -> bool:
    """A speaker of a person's kind named by a name, not a noun ("officials")."""
    v = c.value
    return bool(v.speaker) and v.speaker_kind in _PEOPLE and not _generic(v.speaker)


@caches.per_article
def _layout(article: Article) -> tuple[dict, list[int]]:
    """Where each sentence stands in its article, and the offsets of its line breaks: a long article's
    paraphrase pairs are many, and neither a search of the sentences nor a slice of the text between two
    claims is made for each."""
    return {s: i for i, s in enumerate(article.sentences)}, [m.start() for m in re.finditer("\n", article.text)]


def _near(article: Article, a: Claim, b: Claim) -> bool:
    """Whether two claims of one article are in the same or neighbouring sentences, or one paragraph."""
    at, breaks = _layout(article)
    ia, ib = at.get(a.sentence), at.get(b.sentence)
    if ia is None or ib is None:
        return True
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return abs(ia - ib) <= 1 or bisect.bisect_left(breaks, lo) == bisect.bisect_left(breaks, hi)


def _direct(story, p: Claim, q: Claim) -> float:
    """How much the paraphrase's own words restate the quoted words (no context)."""
    drop = _name_terms(p.value.speaker, q.value.speaker)
    tp = frozenset({t for t, _, _ in content_terms(p.text, 0, len(p.text))} - drop)
    qt = " ".join(q.value.words)
    tq = frozenset({t for t, _, _ in content_terms(qt, 0, len(qt))} - drop)
    return context_similarity(tp, tq, story.idf)


def _terms(c: Claim, drop: frozenset[str]) -> frozenset[str]:
    return _claim_terms(c.text, c.terms) - drop


@caches.per_story  # asked for both claims of every quote-paraphrase pair of the story
def _claim_terms(text: str, context: frozenset[str]) -> frozenset[str]:
    return frozenset({t for t, _, _ in content_terms(text, 0, len(text))} | context)


@caches.per_story  # the paragraph of each claim, asked for every pair it is in (a str hashes once)
def _span_terms(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset({t for t, _, _ in content_terms(text, start, end)})


def _para_terms(article: Article, c: Claim, drop: frozenset[str], lead_in: bool = False) -> frozenset[str]:
    """Content terms of the paragraph around a claim, and for a quote the sentence before it:
    a quote's subject is often set a sentence before ("X said the team held the line. "We hope ...")."""
    text = article.text
    s = text.rfind("\n", 0, c.sentence.start) + 1
    e = text.find("\n", c.sentence.end)
    e = len(text) if e < 0 else e
    if lead_in:
        i = bisect.bisect_right(article.sentences, c.sentence.start, key=lambda x: x.end)  # those that end before it
        if i:
            s = min(s, article.sentences[i - 1].start)
    return _span_terms(text, s, e) - drop


@caches.per_story  # asked for every quote-paraphrase pair of the story
def _name_terms(*names: str | None) -> frozenset[str]:
    """Words of the speakers' names (not "the report": a generic noun is part of the subject)."""
    out: set[str] = set()
    for n in names:
        if n and not _generic(n):
            out |= {canon(w) for w in re.findall(r"[A-Z][\w'’-]*", n)}
    return frozenset(out | {canon(w) for w in reporting_verbs() if " " not in w})


@functools.cache
def _time_pattern() -> re.Pattern[str]:
    """Weekday and month names, the vocabulary's time words and years ("by Wednesday", "next week", "2025")."""
    weekdays, months = calendar.weekday_names().values(), calendar.month_names().values()
    words = [*weekdays, *_v()["paraphrase"]["time_words"], *months]
    alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    return re.compile(rf"\b(?:{alts}|(?:19|20)\d\d)\b", re.IGNORECASE)


@caches.per_story  # asked for every quote-paraphrase pair of the story
def _times(text: str) -> frozenset[str]:
    return frozenset({re.sub(r"\s+", " ", m.group().lower()) for m in _time_pattern().finditer(text)})


def _bags(story, c: Claim, drop: frozenset[str], lead_in: bool, memo: dict) -> tuple[frozenset[str], frozenset[str]]:
    """A claim's own terms and those with its paragraph's, without the words in drop; kept in memo (by the
    claim, which the caller keeps alive) since a claim is set against many others with the same drop, and
    the same sets weigh once (Idf.total)."""
    key = (id(c), drop, lead_in)
    hit = memo.get(key)
    if hit is None:
        own = _terms(c, drop)
        hit = memo[key] = (own, own | _para_terms(story.article(c.article), c, drop, lead_in=lead_in))
    return hit


def subject_similarity(story, p: Claim, q: Claim, memo: dict | None = None) -> float:
    """How surely a paraphrase and a quote are about one thing: shared rare words around them,
    in their sentences or paragraphs, and a shared time ("by Wednesday"). (memo: see _bags.)"""
    drop = _name_terms(p.value.speaker, q.value.speaker)
    memo = {} if memo is None else memo
    tp, wide_p = _bags(story, p, drop, False, memo)
    tq, wide_q = _bags(story, q, drop, True, memo)
    local = context_similarity(tp, tq, story.idf)
    para = context_similarity(wide_p, wide_q, story.idf)
    time = TIME_BONUS if _times(p.text) & _times(q.text) else 0.0
    cause = CAUSE_BONUS if _causal(f"{p.value.verb} {p.text}") and _causal(q.text) else 0.0
    return max(local, PARA_WEIGHT * para) + time + cause


# ---------------------------------------------------------------- saying more


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_words(phrase)) if phrase != "%" else ("%",)


def _has(words: list[str], phrase: str, present: frozenset[str] | set[str] | None = None) -> list[int]:
    """Start indexes of a phrase (a word sequence) in words (`present`: the set of words, to skip early)."""
    pw = _phrase_words(phrase)
    n = len(pw)
    if not n or (present is not None and pw[0] not in present):
        return []
    return [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == pw]


def _negated(words: list[str], i: int) -> bool:
    neg = set(_v()["paraphrase"]["negations"])
    return any(w in neg or w.endswith("n't") for w in words[max(0, i - 3) : i])


@caches.per_story  # asked for every quote-paraphrase pair of the story
def _causal(text: str) -> bool:
    """Whether the words give a cause ("because", "due to")."""
    return bool(_found(_words(text), "cause_words"))


def _found(words: list[str], key: str) -> list[str]:
    out = []
    present = set(words)
    for phrase in _v()["paraphrase"][key]:
        hits = _has(words, phrase, present)
        if any(not _negated(words, i) for i in hits) if key in ("intensifiers", "certainty") else hits:
            out.append(phrase)
    return out


def says_more(p_text: str, verb: str, q_text: str, q_context: str, strong: bool, direct: float) -> list[str]:
    """Why a paraphrase says more than the quoted words (empty: it does not).

    Words of degree and certainty set against the quote's hedges need only the
    subject to match; a hedge dropped with no word of certainty, or a figure
    added, needs the paraphrase to restate the quote's own words (`direct`).
    """
    pw = _words(f"{verb} {p_text}")
    qw = _words(q_text)
    reasons: list[str] = []
    flipped = _reversed(_words(p_text), qw)
    if flipped:
        reasons.append(f"the opposite of the quote ('{flipped[0]}' where the quote has '{flipped[1]}')")
    degree = [x for x in _found(pw, "intensifiers") if not _has(qw, x)]
    if degree:
        reasons.append("stronger degree (" + ", ".join(f"'{x}'" for x in _longest(degree)) + ")")
    sure = _found(pw, "certainty")
    hedges = _found(qw, "hedges")
    if hedges and not _found(_words(p_text), "hedges"):
        said = ", ".join(f"'{x}'" for x in _longest(hedges)[:2])
        if sure:
            reasons.append("more certainty (" + ", ".join(f"'{x}'" for x in _longest(sure)[:2]) + f" where the quote has {said})")
        elif strong and direct >= HEDGE_DROPPED_AT:
            reasons.append(f"more certainty (states as fact what the quote hedges with {said})")
    q_all = set(qw) | set(_words(q_context))
    figures = [x for x in _found(pw, "figure_words") if not _has(qw, x)] + [
        w for w in pw if w[0].isdigit() and w not in q_all and not re.fullmatch(r"(?:19|20)\d\d", w)
    ]
    new = _new_content(p_text, q_text + " " + q_context)
    if figures and (reasons or (strong and direct >= FIGURE_ALONE_AT)):
        reasons.append("a figure the quote does not give (" + ", ".join(f"'{x}'" for x in dict.fromkeys(figures)) + ")")
    elif reasons and new:
        reasons.append("content the quote does not contain (" + ", ".join(f"'{x}'" for x in new[:3]) + ")")
    return reasons


def _reversed(pw: list[str], qw: list[str]) -> tuple[str, str] | None:
    """A word both share, qualified one way in the quote and the other way in the paraphrase:
    "well equipped" / "insufficiently equipped" (the paraphrase's words, then the quote's)."""
    pos, neg = _pset("reversal_positive"), _pset("reversal_negative")
    pw = [x for w in pw for x in w.split("-") if x]  # "well-equipped"
    qw = [x for w in qw for x in w.split("-") if x]
    before_q = {qw[i]: qw[i - 1] for i in range(1, len(qw)) if len(qw[i]) > 3}
    for i in range(1, len(pw)):
        w, m = pw[i], pw[i - 1]
        qm = before_q.get(w)
        if qm is None or qm == m:
            continue
        if (m in pos and qm in neg) or (m in neg and qm in pos):
            return (f"{m} {w}", f"{qm} {w}")
    return None


def _longest(phrases: list[str]) -> list[str]:
    """Drop phrases inside longer ones found too ("more" inside "couldn't be more")."""
    return [p for p in phrases if not any(p != o and f" {p} " in f" {o} " for o in phrases)]


def _new_content(p_text: str, q_text: str) -> list[str]:
    """Runs of the paraphrase's content words the quote does not have ("completely back")."""
    q_terms = {t for t, _, _ in content_terms(q_text, 0, len(q_text))}
    terms = content_terms(p_text, 0, len(p_text))
    if not terms:
        return []
    new = [(t, s, e) for t, s, e in terms if t not in q_terms]
    if len(new) < 2 or len(new) < len(terms) * 0.5:
        return []
    runs: list[tuple[int, int]] = []
    for _, s, e in new:
        if runs and re.fullmatch(r"[\s-]*", p_text[runs[-1][1] : s]):
            runs[-1] = (runs[-1][0], e)
        else:
            runs.append((s, e))
    runs = [r for r in runs if re.search(r"\s|-", p_text[r[0] : r[1]]) and not re.search(r"n['’]t\b", p_text[r[0] : r[1]])]
    runs.sort(key=lambda r: -(r[1] - r[0]))
    return [p_text[s:e] for s, e in runs]


# ---------------------------------------------------------------- the story


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    """Set each paraphrase against the best-matching quote of its speaker; report what it adds."""
    me = sys.modules[__name__]
    order = story.order
    quotes = [c for a in story.articles for c in quote_claims(a, CODE)]
    by_id = {a.id: a for a in story.articles}
    out: list[Finding] = []
    candidates = _fit_candidates(story, quotes)
    memo: dict = {}  # subject_similarity's term sets, while claims and quotes are alive
    for p in claims:
        best: tuple[float, Claim, str] | None = None
        seen: dict[tuple, str | None] = {}  # a fit depends on the two names, kinds and articles alone
        for q in candidates(p):
            key = (q.value.speaker, q.value.speaker_kind, q.article)
            if key not in seen:
                seen[key] = _speaker_fit(story, p, q)
            fit = seen[key]
            if fit is None:
                continue
            if q.article == p.article and (fit != "same" or _near(story.article(p.article), p, q)):
                continue  # an article's own lead-in to its quote is no paraphrase of it
            sim = subject_similarity(story, p, q, memo)
            if sim < (SAME_SPEAKER_AT if fit == "same" else SAME_VOICE_AT):
                continue
            score = sim + (0.1 if fit == "same" else 0.0)
            if best is None or score > best[0]:
                best = (score, q, fit)
        if best is None:
            continue
        _, q, fit = best
        art = by_id[q.article]
        context = art.text[q.sentence.start : q.sentence.end]
        sim = best[0] - (0.1 if fit == "same" else 0)
        direct = _direct(story, p, q)
        reasons = says_more(p.text, p.value.verb, " ".join(q.value.words), context, fit == "same", direct)
        pair = tuple(sorted((q, p), key=lambda c: (order.get(c.article, 0), c.start)))
        who, q_who = p.value.speaker, q.value.speaker
        topic = f"{q.value.speaker}: '{' '.join(q.value.words[:5])}'"
        why = f"speaker {fit}, subject similarity {sim:.2f}, shared words {direct:.2f}"
        if reasons:
            says = "says the opposite of" if reasons[0].startswith("the opposite") else "says more than"
            msg = (
                f"{p.article}'s paraphrase of {who} ({p.value.verb} '{shorten(p.text, words=14)}') {says} "
                f"{q_who}'s quoted words in {q.article} ('{shorten(q.text, words=14)}'): {'; '.join(reasons)}."
            )
            out.append(make_finding(me, "discrepancy", pair, msg, topic, why=why))
        elif fit == "same" and q.article != p.article and sim >= AGREE_AT and direct >= AGREE_DIRECT_AT:
            # worth a line only when it is surely the same statement, told in another article
            msg = (
                f"{p.article}'s paraphrase of {who} ({p.value.verb} '{shorten(p.text, words=14)}') keeps to "
                f"{q_who}'s quoted words in {q.article} ('{shorten(q.text, words=14)}')."
            )
            out.append(make_finding(me, "agreement", pair, msg, topic, agree=(q.article, p.article), why=why))
    return out


def describe(claim: Claim) -> str:
    return f"{claim.value.speaker} {claim.value.verb} '{shorten(claim.text, words=14)}'"
