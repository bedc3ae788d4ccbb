"""People, bodies and places an article names, and which names of a story are one entity.

No model: names are found with regular expressions over each story sentence
and the word lists of checker/vocab/names.toml.

Finding names (``find_mentions``)
    A name is a run of capitalised words, joined across "of", "and", "for",
    "of the", "&" and name particles ("de", "van") only where the run stays a
    name: "of" after an organisation head ("Committee of ..."), "and" when an
    organisation head follows ("Arts and Heritage Council"), so that
    "Peru and Chile" stays two names. A run is then cut where a title
    or role stands inside it ("Halden County Coroner Tom Roe": a place,
    the role coroner, a person). The role of a person is read from a title
    before the name ("Judge", "HHJ", "Detective Inspector", "CEO"), a role word
    before it ("chief executive Jane Roe", "Corvane chief executive Jane Roe")
    or an apposition after it ("Jane Roe, the former chief executive of
    Corvane"), canonicalised through the vocabulary (CEO = chief executive,
    HHJ = judge). The kind of a name: a person (a title, a role, an age
    ", 54,", a common given name, or the surname used alone elsewhere in the
    article), a body (an organisation head word or legal suffix, "X CEO", "CEO
    of X", an acronym defined for one), a place (a place head word, "in X",
    "X-based"), else "other". Sentence-initial common words ("Besides",
    "Carmaker"), month and weekday names, and capitals inside quoted
    titles are skipped. "Full Name (ACR)" defines ACR as an alias.

Name variants (``same_name``, context-free)
    Joined or split given names (Chang Peng = Changpeng), middle initials,
    initials with or without stops (A.J. = AJ), titles, nicknames of the vocabulary (Bill = William), a surname alone, a
    close transliteration (rapidfuzz ratio >= 88 on the whole name with the
    same surname initial and compatible given names), an acronym made of the
    initials of a body's name (ignoring "of", "and", "the"), and a company
    named without its head word ("Acme" = "Acme Air", "Acme Ltd"). Two given
    names that differ (John Smith, Mary Smith) and bodies that differ before a
    shared head word (Securities Commission, Science Commission) are not one.
    ``names_match`` adds the story's index to it: the one name matcher of the
    rules that compare speakers (quotes, paraphrase).

Clustering (``EntityIndex``)
    Mentions are bucketed (by surname, by first word, by initials) and joined
    with a union-find; a join is refused when it would put two incompatible
    full names in one entity. A surname alone, a short company name or an
    acronym joins a full name only when exactly one candidate fits (first in
    its own article, then in the story); otherwise it stays apart.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from checker import caches, calendar, speech, vocab
from checker.model import Article, Span
from checker.unionfind import UnionFind, bucket_pairs

KINDS = ("person", "body", "place", "other")
FUZZY_NAME = 88  # rapidfuzz ratio on a whole personal name for a transliteration
FUZZY_BODY = 95  # token_sort_ratio for two spellings of one body's name
MAX_PERSON_TOKENS = 5


@dataclass(frozen=True, slots=True)
class Mention:
    """One name as written in one article: ``article.text[start:end] == text``.

    ``prefix`` is a title or honorific written just before the name ("Judge",
    "HHJ", "Dr") and not part of the span; ``role_span`` is where the role is
    written (inside the prefix, before the name or in an apposition after it);
    ``body`` is the span of the body the role is held in ("Corvane" in
    "Corvane chief executive Jane Roe"); ``alias`` is, for an acronym the text
    defines ("Full Name (ACR)"), the full name; ``former`` marks a role that is
    no longer held ("former chief executive").
    """

    article: str
    start: int
    end: int
    text: str
    kind: str
    role: str | None
    sentence: Span
    prefix: str = ""
    role_span: Span | None = None
    body: Span | None = None
    alias: str | None = None
    former: bool = False


@dataclass
class Entity:
    id: int
    kind: str
    mentions: list[Mention]
    label: str
    articles: frozenset[str]
    roles: dict[str, set[str]] = field(default_factory=dict)

    @property
    def full(self) -> bool:
        """Named in full somewhere: two words or more, or an acronym."""
        return any(len(_form(m.text).tokens) >= 2 or _is_acronym(m.text) for m in self.mentions)


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    honorifics: frozenset[tuple[str, ...]]
    roles: dict[tuple[str, ...], str]
    lower_only: frozenset[str]
    appositive_only: frozenset[str]
    openers: frozenset[str]
    max_title: int
    families: dict[str, dict[str, str]]
    compatible: frozenset[frozenset[str]]
    unique_roles: frozenset[str]
    body_roles: frozenset[str]
    qualifiers: frozenset[str]
    body_heads: frozenset[str]
    company_heads: frozenset[str]
    legal: frozenset[str]
    of_heads: frozenset[str]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    place_preps: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    never: frozenset[str]
    not_acronyms: frozenset[str]
    starters: frozenset[str]
    given: frozenset[str]
    nick: dict[str, frozenset[str]]
    calendar: frozenset[str]
    stopwords: frozenset[str]
    stop_kept: frozenset[str]
    connectors: frozenset[str]
    acronym_skip: frozenset[str]
    rank_words: frozenset[str]
    ranked_offices: frozenset[str]
    copulas: dict[str, bool]
    kin: frozenset[str]
    source_words: frozenset[str]


@functools.cache
def _v() -> _Vocab:
    d = vocab.load("names")
    low = lambda xs: frozenset(x.lower() for x in xs)
    roles = {tuple(re.sub(r"'s$", "", w) for w in k.lower().split()): v for k, v in d["roles"].items()}
    hon = frozenset(tuple(h.lower().split()) for h in d["honorifics"])
    nick: dict[str, set[str]] = defaultdict(set)
    for short, fulls in d["nicknames"].items():
        nick[short.lower()].update(f.lower() for f in fulls)
    from checker.text import stopwords

    return _Vocab(
        honorifics=hon,
        roles=roles,
        lower_only=low(d["lowercase_only_roles"]),
        appositive_only=low(d["appositive_only_roles"]),
        openers=low(d["name_openers"]),
        max_title=max(len(k) for k in [*roles, *hon]),
        families={fam: {k.lower(): v for k, v in slots.items()} for fam, slots in d["role_families"].items()},
        compatible=frozenset(frozenset(x.lower() for x in pair) for pair in d["compatible_roles"]),
        unique_roles=low(d["unique_roles"]),
        body_roles=low(d["body_roles"]),
        qualifiers=low(d["role_qualifiers"]),
        body_heads=low(d["body_heads"]),
        company_heads=low(d["company_heads"]),
        legal=low(d["legal_suffixes"]),
        of_heads=low(d["of_heads"]),
        place_heads=low(d["place_heads"]),
        event_heads=low(d["event_heads"]),
        place_preps=low(d["place_prepositions"]),
        particles=low(d["particles"]),
        suffixes=low(d["name_suffixes"]),
        never=low(d["never_names"]),
        not_acronyms=low(d["not_acronyms"]),
        starters=low(d["sentence_starters"]),
        given=low(d["given_names"]) | frozenset(nick) | frozenset(f for fs in nick.values() for f in fs),
        nick={k: frozenset(v) for k, v in nick.items()},
        calendar=calendar.all_names(),
        stopwords=stopwords(),
        stop_kept=low(d["stop_kept"]),
        connectors=low(d["connectors"]),
        acronym_skip=low(d["acronym_skip"]),
        rank_words=low(d["rank_words"]),
        ranked_offices=low(d["ranked_offices"]),
        copulas={k.lower(): bool(x) for k, x in d["role_copulas"].items()},
        kin=low(d["kin_roles"]),
        source_words=low(d["source_words"]),
    )


def sentence_starters() -> frozenset[str]:
    """Common words that open sentences capitalised but are no names (names.toml sentence_starters)."""
    return _v().starters


def name_particles() -> frozenset[str]:
    """Lowercase particles inside personal names ("de", "van", "bin")."""
    return _v().particles


# ---------------------------------------------------------------- tokens

# initials run ("U.S."), a word with inner apostrophes or hyphens and an optional final stop, "&"
_TOK_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*\.?|&")
_LOWER_WORD_RE = re.compile(r"(?<![\w’'])[a-z][a-z'’\-]*")


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str  # lowercase, without final stop or possessive
    cap: bool
    digit: bool
    poss: bool = False
    based: bool = False  # "Denver-based": the name part of the token

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def initial(self) -> bool:
        return len(self.text) == 2 and self.text[1] == "." and self.text[0].isupper()


_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")
_DIGIT_RE = re.compile(r"\d")


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The words of text[start:end] as tokens (hot: every story sentence goes through here once)."""
    out: list[_Tok] = []
    keep = _v().stop_kept
    for m in _TOK_RE.finditer(text, start, end):
        raw, s, e = m.group(), m.start(), m.end()
        if raw[-1] == "." and not _DOTTED_RE.fullmatch(raw):
            base = raw[:-1]
            if not ((len(base) == 1 and base.isupper()) or base.lower() in keep):
                raw, e = base, e - 1
        poss = False
        if len(raw) > 2 and raw[-1] == "s" and raw[-2] in "'’":
            raw, e, poss = raw[:-2], e - 2, True
        low = raw.lower()
        based = False
        if len(raw) > 6 and low.endswith("-based") and raw[0].isupper():
            raw, e, based = raw[:-6], e - 6, True
            low = low[:-6]
        low = low.rstrip(".").replace("’", "'")
        out.append(_Tok(raw, s, e, low, raw[:1].isupper(), bool(_DIGIT_RE.search(raw)), poss, based))
    return out


@functools.lru_cache(maxsize=16384)  # a pure function of the string; names are folded again and again
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


_NAME_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|&")


def _name_tokens(name: str) -> list[str]:
    return _NAME_TOKEN_RE.findall(name)


def _is_acronym(s: str) -> bool:
    s = s.strip()
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,7}", s)) and s.lower() not in _v().not_acronyms


# ---------------------------------------------------------------- finding names


@dataclass
class _Seg:
    toks: list[_Tok]
    kind: str = "other"
    role: str | None = None
    role_span: Span | None = None
    prefix: str = ""
    body: _Seg | None = None
    former: bool = False
    alias: str | None = None
    person_evidence: bool = False
    role_owner: bool = False  # a body because a role is held in it

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def lows(self) -> list[str]:
        return [t.low for t in self.toks]

    def names(self) -> list[_Tok]:
        return [t for t in self.toks if t.cap]


@caches.per_article
def find_mentions(article: Article) -> list[Mention]:
    """The names an article's story sentences hold, in text order (cached for the story)."""
    return _find(article)


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end : b.start]
    if a.poss:
        gap = gap[2:]
    return 0 < len(gap) <= 2 and gap.strip(" ") == ""


def _nameish(t: _Tok) -> bool:
    v = _v()
    if not t.cap or t.digit or t.low in v.never:
        return False
    if "'" in t.low and t.low.split("'")[0] in v.stopwords:  # "We're", "It's"
        return False
    return len(t.text) > 1  # "A", "I": not a name; an initial keeps its stop ("M.")


def _title_at(lows: list[str], i: int, caps: list[bool] | None = None) -> tuple[int, str | None] | None:
    """The longest title or honorific starting at i: (length, canonical role or None)."""
    v = _v()
    for n in range(min(v.max_title, len(lows) - i), 0, -1):
        key = tuple(lows[i : i + n])
        if key in v.roles:
            if caps is not None and " ".join(key) in v.lower_only:
                continue
            return n, v.roles[key]
        if key in v.honorifics:
            return n, None
    return None


def _title_ending_at(lows: list[str], j: int) -> tuple[int, str | None] | None:
    """The longest role written lowercase ending at index j (inclusive)."""
    v = _v()
    for n in range(min(v.max_title, j + 1), 0, -1):
        key = tuple(lows[j - n + 1 : j + 1])
        if key in v.roles:
            return n, v.roles[key]
    return None


def _quoted_titles(text: str, sent: Span, marks: speech.Marks) -> list[Span]:
    """Quoted stretches of a sentence that read as titles (most words capitalised)."""
    return [
        sp
        for sp in marks.stretches(sent.start, sent.end)
        if 3 <= sp.end - sp.start <= 400 and title_like(text[sp.start : sp.end])
    ]


def title_word(word: str) -> bool:
    """A word of a title or a body run into a name ("Police", "Chief", "Sgt."), not a name's own word."""
    v = _v()
    w = word.lower().rstrip(".")
    return (w,) in v.roles or (w,) in v.honorifics or w in v.body_heads or w in v.rank_words


def title_like(s: str) -> bool:
    """Whether a stretch of text is written as a title: most of its words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*|\d[\w.]*", s)]
    content = [
        w for w in words if w.lower() not in ("of", "and", "the", "a", "an", "for", "to", "in", "on", "at", "by", "with", "from")
    ]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= 0.75 and not re.search(r"[.!?]\s+[A-Z]", s)


def _find(article: Article) -> list[Mention]:
    text = article.text
    v = _v()
    lower_words = frozenset(m.group().replace("’", "'") for m in _LOWER_WORD_RE.finditer(text))
    # (a sentence's tokens are dropped once its segments are found: kept for the article, they were most of
    # the memory a long article takes)
    per_sentence: list[tuple[Span, list[_Seg]]] = []
    marks = speech.marks_of(article)
    for sent in article.sentences:
        toks = _tokens(text, sent.start, sent.end)
        skip = _quoted_titles(text, sent, marks)
        per_sentence.append((sent, _segments(text, sent, toks, lower_words, skip, marks.opens)))
    # article-level evidence: surnames used alone; bodies known by their role
    # a word alone that is never "the X" can be a surname ("the Saints" is a team)
    singles = {s.toks[0].low for _, segs in per_sentence for s in segs if len(s.names()) == 1}
    singles -= {m.group(1).lower() for m in re.finditer(r"\b[Tt]he ([A-Z][\w'’\-]+)\b(?! [A-Z])", text)}
    known_bodies = {tuple(s.lows) for _, segs in per_sentence for s in segs if s.kind == "body"}
    known_bodies |= {tuple(s.body.lows) for _, segs in per_sentence for s in segs if s.body is not None and s.body.kind == "body"}
    out: list[Mention] = []
    for sent, segs in per_sentence:
        segs = _split_known_bodies(segs, known_bodies)
        for seg in segs:
            names = seg.names()
            if (
                seg.kind == "other"
                and 2 <= len(names) <= 4
                and not seg.toks[-1].upper
                and names[-1].low in singles
                and not any(t.low in v.body_heads or t.low in v.place_heads for t in names)
            ):
                seg.kind = "person"
            out.append(_mention(article, sent, seg))
            body = seg.body
            if (
                body is not None
                and body.toks
                and body.kind != "person"
                and not any(m.start == body.start and m.end == body.end for m in out)
            ):
                out.append(_mention(article, sent, body))
    out.sort(key=lambda m: (m.start, m.end))
    dedup: list[Mention] = []
    for m in out:
        if dedup and dedup[-1].start == m.start and dedup[-1].end == m.end:
            continue
        dedup.append(m)
    return dedup


def _mention(article: Article, sent: Span, seg: _Seg) -> Mention:
    s, e = seg.start, seg.end
    return Mention(
        article=article.id,
        start=s,
        end=e,
        text=article.text[s:e],
        kind=seg.kind,
        role=seg.role,
        sentence=sent,
        prefix=seg.prefix,
        role_span=seg.role_span,
        body=Span(seg.body.start, seg.body.end) if seg.body is not None and seg.body.toks else None,
        alias=seg.alias,
        former=seg.former,
    )


def _split_known_bodies(segs: list[_Seg], known: set[tuple[str, ...]]) -> list[_Seg]:
    """'Acme Jane Roe' where the article names Acme as a body elsewhere: the body, then the person."""
    out = []
    for seg in segs:
        done = False
        if seg.kind in ("other", "person") and seg.body is None and len(seg.toks) >= 2:
            for k in range(min(3, len(seg.toks) - 1), 0, -1):
                if tuple(seg.lows[:k]) in known and _valid_person(seg.toks[k:]):
                    body = _Seg(seg.toks[:k], kind="body", role_owner=True)
                    person = _Seg(seg.toks[k:], kind="person", role=seg.role, role_span=seg.role_span, body=body)
                    out.append(person)
                    done = True
                    break
        if not done:
            out.append(seg)
    return out


def _segments(
    text: str, sent: Span, toks: list[_Tok], lower_words: frozenset[str], skip: list[Span], opens: frozenset[int]
) -> list[_Seg]:
    v = _v()
    runs = _runs(text, toks)
    segs: list[_Seg] = []
    for run in runs:
        for part in _split_run(toks, run):
            seg_toks = [toks[i] for i in part]
            if any(sp.start <= seg_toks[0].start and seg_toks[-1].end <= sp.end for sp in skip):
                continue
            seg_toks = _strip_common(text, sent, seg_toks, lower_words, opens)
            # month and weekday names never start or end a name
            while seg_toks and seg_toks[0].low in v.calendar:
                seg_toks = _drop_leading(seg_toks[1:])
            while seg_toks and seg_toks[-1].low in v.calendar:
                seg_toks = seg_toks[:-1]
            while seg_toks and not seg_toks[-1].cap:
                seg_toks = seg_toks[:-1]
            if not seg_toks:
                continue
            if len(seg_toks) > 1 and all(t.upper for t in seg_toks if t.cap):
                continue  # a heading in capitals, not a name
            segs.extend(_classify(text, seg_toks, lower_words))
    _link_context(text, sent, toks, segs)
    return [s for s in segs if s.toks]


def _runs(text: str, toks: list[_Tok]) -> list[list[int]]:
    """Index runs of capitalised tokens, with the connectors between them."""
    v = _v()
    runs: list[list[int]] = []
    i, n = 0, len(toks)
    while i < n:
        if not _nameish(toks[i]):
            i += 1
            continue
        run, j = [i], i
        while True:
            t = toks[j]
            if t.based:
                break
            k = j + 1
            if t.poss:
                # "Coroner's Office": a possessive stays inside a name before an organisation head
                if k < n and _nameish(toks[k]) and toks[k].low in v.body_heads and _adjacent(text, t, toks[k]):
                    run.append(k)
                    j = k
                    continue
                break
            conn: list[int] = []
            while (
                k < n
                and len(conn) < 2
                and not toks[k].cap
                and (toks[k].low in v.connectors or toks[k].low in v.particles or toks[k].low == "the")
                and _adjacent(text, toks[k - 1], toks[k])
            ):
                conn.append(k)
                k += 1
            if conn:
                words = [toks[c].low for c in conn]
                if not (len(words) == 1 and words[0] != "the" or words == ["of", "the"]):
                    break
            if k < n and _nameish(toks[k]) and _adjacent(text, toks[k - 1], toks[k]):
                run.extend(conn)
                run.append(k)
                j = k
                continue
            break
        runs.append(run)
        i = j + 1
    return runs


def _is_title_only(toks: list[_Tok]) -> bool:
    lows = [t.low for t in toks]
    hit = _title_at(lows, 0)
    return hit is not None and hit[0] == len(lows)


def _split_run(toks: list[_Tok], run: list[int]) -> list[list[int]]:
    """Cut a run at connectors that join two names rather than make one."""
    v = _v()
    parts: list[list[int]] = [[run[0]]]
    idx = 1
    while idx < len(run):
        t = toks[run[idx]]
        if t.cap:
            parts[-1].append(run[idx])
            idx += 1
            continue
        chain = []
        while idx < len(run) and not toks[run[idx]].cap:
            chain.append(run[idx])
            idx += 1
        words = [toks[c].low for c in chain]
        left = [toks[i] for i in parts[-1] if toks[i].cap and toks[i].low != "the"]
        rest = [toks[i] for i in run[idx:]]
        rest_names = []
        for r in rest:  # the names up to the next connector
            if not r.cap:
                break
            rest_names.append(r)
        keep = False
        w = words[0]
        if w == "&" or w in v.particles:
            keep = True
        elif w == "of":
            keep = bool(left) and (left[-1].low in v.body_heads or left[-1].low in v.of_heads or _is_title_only(left))
        elif w == "and":
            # "Arts and Heritage Council" is one name; "Forestry Commission and Environment Agency" two
            keep = (
                any(r.low in v.body_heads for r in rest_names)
                and not (len(left) >= 2 and left[-1].low in v.body_heads)
                and not any(_title_at([x.low for x in left], k) is not None for k in range(len(left)))
            )
        elif w == "for":
            keep = any(x.low in v.body_heads for x in left)
        if keep:
            parts[-1].extend(chain)
        else:
            parts.append([])
    return [p for p in parts if p]


def _at_sentence_start(text: str, sent: Span, tok: _Tok, opens: frozenset[int]) -> bool:
    """The first word of its sentence, or of a quote (``opens``: where quotes' words begin, checker.speech)."""
    return tok.start in opens or not re.search(r"[A-Za-z]", text[sent.start : tok.start])


def _drop_leading(seg: list[_Tok]) -> list[_Tok]:
    while seg and not seg[0].cap:
        seg = seg[1:]
    return seg


def _strip_common(text: str, sent: Span, seg: list[_Tok], lower_words: set[str], opens: frozenset[int]) -> list[_Tok]:
    """Drop capitalised common words that open a sentence or a quote ("Besides", "Carmaker")."""
    v = _v()
    if len(seg) == 1 and seg[0].start in opens and seg[0].low not in v.given:
        return []  # the first word of a quote: "Get out now"
    while seg:
        t = seg[0]
        initial = _at_sentence_start(text, sent, t, opens)
        if _title_at([x.low for x in seg], 0, caps=[True]) is not None:
            return seg
        if t.low == "the" and not initial and len(seg) > 1:
            return seg  # "The Paper" inside a sentence is a name
        if t.low in v.never or (initial and t.low in v.stopwords and not (t.low in v.openers and len(seg) > 1)):
            seg = _drop_leading(seg[1:])
            continue
        if initial and t.low in v.openers and len(seg) > 1 and seg[1].cap:
            return seg  # "New York", "San Diego"
        if initial and (t.low in v.starters or t.low in lower_words or (t.low.endswith("ly") and len(t.low) > 4)):
            if t.low in v.given and len(seg) > 1:
                return seg
            seg = _drop_leading(seg[1:])
            continue
        return seg
    return seg


def _valid_person(toks: list[_Tok]) -> bool:
    v = _v()
    names = [t for t in toks if t.cap]
    while len(names) > 1 and names[-1].low in v.suffixes:  # "Jr", "III"
        names = names[:-1]
    if not names or len(names) > MAX_PERSON_TOKENS or any(not t.cap and t.low not in v.particles for t in toks):
        return False
    if any(t.low in v.body_heads or t.low in v.place_heads or t.digit for t in names) or names[-1].low in v.event_heads:
        return False
    if names[-1].initial or names[-1].upper:
        return False
    return not (_title_at([t.low for t in names], 0) is not None and len(names) == 1)


def _body_kind(toks: list[_Tok]) -> str | None:
    """'body' or 'place' from head words, or None."""
    v = _v()
    names = [t for t in toks if t.cap]
    if not names:
        return None
    for i, t in enumerate(toks[:-1]):
        if toks[i + 1].low in ("of", "for") and t.low in v.body_heads:
            return "body"
    last = names[-1].low
    if names[-1].text.lower().rstrip(".") in v.legal:
        return "body"
    if last in v.place_heads and len(names) > 1:
        if any(t.low in v.body_heads and t.low not in v.place_heads for t in names[1:-1]):
            return "body"
        return "place"
    if last in v.body_heads:
        return "body"
    if len(names) > 1 and any(t.low in v.body_heads and t.low not in v.place_heads for t in names[1:]):
        return "body"
    return None


def _classify(text: str, seg: list[_Tok], lower_words: frozenset[str]) -> list[_Seg]:
    """Cut a segment at a title inside it and give each piece a kind."""
    v = _v()
    lows = [t.low for t in seg]
    # names_from[j]: the capitalised words of seg[j:]; a person has at most MAX_PERSON_TOKENS once its
    # trailing suffixes ("Jr") are dropped, so a longer rest needs no reading ("Mr. Mr. Mr. ...": linear)
    names_from = [0] * (len(seg) + 1)
    for j in range(len(seg) - 1, -1, -1):
        names_from[j] = names_from[j + 1] + seg[j].cap
    trailing = 0  # the suffixes that end the segment's names
    for t in reversed([t for t in seg if t.cap]):
        if t.low not in v.suffixes:
            break
        trailing += 1

    def person(j: int) -> bool:
        """_valid_person(seg[j:]), without copying a rest too long to be a name."""
        k = names_from[j]
        if k - min(trailing, k - 1) > MAX_PERSON_TOKENS:
            return False
        return _valid_person(seg[j:])

    # the last title inside the segment that a person's name follows
    best = None
    for i in range(len(seg)):
        if not seg[i].cap:
            continue
        hit = _title_at(lows, i)
        if hit is None:
            continue
        n, role = hit
        j = i + n  # the rest after the title: seg[j:]
        if " ".join(lows[i:j]) in v.lower_only and (len(seg) - j < 2 or not person(j)):
            continue  # "Owner Jane Roe" is a role before a name; "Resident Evil" is not
        cand = None
        if j < len(seg) and seg[j].low == "of" and role is not None:
            cand = (i, n, role, "of")
        elif j < len(seg) and person(j):
            cand = (i, n, role, "name")
        # the title that ends where the name begins, the longest ("Detective Inspector", not "Inspector")
        if cand is not None and (
            best is None or ((i + n, n) > (best[0] + best[1], best[1]) and not best[0] <= i < best[0] + best[1])
        ):
            best = cand
    if best is not None:
        i, n, role, how = best
        title_toks = seg[i : i + n]
        before = seg[:i]
        former = False
        while before and (not before[-1].cap or before[-1].low in v.qualifiers):
            former = former or before[-1].low in ("former", "ex")
            before = before[:-1]
        prefix = text[title_toks[0].start : title_toks[-1].end]
        role_span = Span(title_toks[0].start, title_toks[-1].end) if role else None
        out: list[_Seg] = []
        body_seg = None
        if before:
            body_seg = _kind_seg(before, lower_words)
            acronym = len(before) == 1 and _is_acronym(before[0].text)
            if role is not None and (role in v.body_roles or acronym) and body_seg.kind in ("other", "body"):
                body_seg.kind, body_seg.role_owner = "body", True
        if how == "of":
            rest = [t for t in seg[i + n + 1 :]]
            while rest and not rest[0].cap:
                rest = rest[1:]
            # "CEO of Acme Holdings Jane Roe": the body runs to its last head word, else one word
            heads = [k for k, t in enumerate(rest) if t.low in v.body_heads]
            cut = heads[-1] + 1 if heads else 1
            org, person = rest[:cut], rest[cut:]
            org_seg = _Seg(org, kind="body", role_owner=True) if org else None
            if person and _valid_person(person):
                out.append(_Seg(person, kind="person", role=role, role_span=role_span, prefix="", body=org_seg))
                if body_seg is not None:
                    out.append(body_seg)
            elif org:
                out.append(_kind_seg(rest, lower_words))
            if body_seg is not None and not out:
                out.append(body_seg)
            return out
        person = _Seg(seg[i + n :], kind="person", role=role, role_span=role_span, prefix=prefix, body=body_seg, former=former)
        person.person_evidence = True
        out.append(person)
        return out
    if _is_title_only(seg):
        return []
    return [_kind_seg(seg, lower_words)]


def _kind_seg(toks: list[_Tok], lower_words: frozenset[str] = frozenset()) -> _Seg:
    v = _v()
    seg = _Seg(toks)
    names = seg.names()
    if any(t.based for t in toks):
        seg.kind = "place"
        return seg
    if len(names) > 1 and names[-1].low in v.event_heads:
        return seg  # an event: "Redwater Fire", "Tony Awards"
    if (
        len(names) == 2
        and len(toks) == 2
        and names[0].low in v.given
        and names[1].low not in v.legal
        and names[1].low not in v.place_heads
        and names[1].low not in lower_words
    ):
        seg.kind = "person"  # "Jane Power": a given name makes it a person even before a head word
        return seg
    k = _body_kind(toks)
    if k:
        seg.kind = k
        return seg
    if len(names) == 1 and _is_acronym(names[0].text):
        seg.kind = "other"
        return seg
    if 2 <= len(names) <= 4 and names[0].low in v.given and _valid_person(toks) and names[-1].low not in lower_words:
        seg.kind = "person"
    return seg


def _link_context(text: str, sent: Span, toks: list[_Tok], segs: list[_Seg]) -> None:
    """Roles, ages, bodies and places read from the words around each name."""
    v = _v()
    pos = {id(t): i for i, t in enumerate(toks)}
    by_end = {s.toks[-1].end: s for s in segs}
    by_start = {s.toks[0].start: s for s in segs}
    lows = [t.low for t in toks]
    for seg in list(segs):
        first, last = pos.get(id(seg.toks[0])), pos.get(id(seg.toks[-1]))
        if first is None or last is None:
            continue
        after = text[seg.end : sent.end]
        # an acronym defined in brackets: "Full Name (ACR)"
        m = re.match(r"\s*\(([A-Z][A-Za-z&]{1,7})\)", after)
        if m and len(seg.names()) >= 2 and sum(c.isupper() for c in m.group(1)) >= 2:
            acr = by_start.get(seg.end + m.start(1))
            if acr is not None:
                acr.alias = text[seg.start : seg.end]
                if seg.kind in ("body", "other"):
                    acr.kind = seg.kind
        if seg.kind == "person" and seg.role is not None:
            _body_after(text, toks, last, seg, by_start)
            continue
        # a role written before the name: "chief executive Jane Roe", "Acme's chief executive, Jane Roe"
        if seg.role is None and first > 0 and not seg.toks[0].upper:
            gap = text[toks[first - 1].end : seg.start]
            if gap.strip(" ") in ("", ","):
                hit = _title_ending_at(lows, first - 1)
                if hit is not None and " ".join(lows[first - hit[0] : first]) in v.appositive_only:
                    hit = None
                if hit is not None and not toks[first - 1].cap:
                    n, role = hit
                    rs = first - n
                    if _valid_person(seg.toks) and seg.kind in ("other", "person"):
                        seg.kind = "person"
                        seg.role = role
                        seg.role_span = Span(toks[rs].start, toks[first - 1].end)
                        if rs > 0 and toks[rs - 1].low in v.qualifiers:
                            seg.former = True
                            rs -= 1
                        if rs > 0:
                            owner = by_end.get(toks[rs - 1].end)
                            if (
                                owner is not None
                                and owner is not seg
                                and text[owner.end : toks[rs].start].strip(" ") in ("", "'s", "’s")
                            ):
                                seg.body = owner
                                # "Acme chief executive Jane Roe": Acme is a body; "Roe's barrister": maybe a person
                                if (
                                    owner.kind == "other"
                                    and role in v.body_roles
                                    and not (owner.toks[-1].poss and len(owner.names()) == 1)
                                ):
                                    owner.kind = "body"
                                    owner.role_owner = True
        # an apposition after the name: "Jane Roe, 54, the former chief executive of Acme"
        if seg.kind in ("other", "person") and _valid_person(seg.toks):
            m = re.match(r",\s+(?:(\d{1,3}),\s+)?", after)
            if re.match(r",\s+\d{1,3},|\s+\(\d{1,3}\)", after):
                seg.kind = "person"
                seg.person_evidence = True
            copula = None
            if m is None:
                # "Jane Roe was deputy director of the agency": a role after a verb of being
                mc = re.match(r"\s+([a-z]+)\s+", after)
                if mc and mc.group(1) in v.copulas:
                    m, copula = mc, v.copulas[mc.group(1)]
            if m and seg.role is None:
                k = last + 1
                while k < len(toks) and toks[k].end <= seg.end + m.end():
                    k += 1
                former = bool(copula)
                owner = None
                steps = 0
                while k < len(toks) and steps < 4:
                    if lows[k] in ("the", "a", "an", "its", "his", "her", "their"):
                        k += 1
                    elif lows[k] in v.qualifiers:
                        former, k = True, k + 1
                    elif toks[k].cap and toks[k].start in by_start and by_start[toks[k].start].toks[-1].poss:
                        owner = by_start[toks[k].start]
                        k = pos[id(owner.toks[-1])] + 1
                    else:
                        break
                    steps += 1
                hit = _title_at(lows, k) if k < len(toks) else None
                if hit is not None and copula is not None and (" ".join(lows[k : k + hit[0]]) in v.lower_only or hit[1] in v.kin):
                    hit = None  # "Roe was a witness": a description, not an office
                if hit is not None and hit[1] is not None and not (toks[k].cap and toks[k].start in by_start):
                    n, role = hit
                    seg.kind = "person"
                    seg.role = role
                    seg.role_span = Span(toks[k].start, toks[k + n - 1].end)
                    seg.former = former
                    if owner is not None:
                        seg.body = owner
                        owner.role_owner = True
                        if owner.kind == "other":
                            owner.kind = "body"
                    else:
                        _body_after(text, toks, k + n - 1, seg, by_start)
        # a place after a preposition, unless something says otherwise
        if (
            seg.kind == "other"
            and first > 0
            and lows[first - 1] in v.place_preps
            and not seg.toks[0].upper
            and not seg.toks[-1].poss
            and seg.toks[0].low not in v.given
        ):
            seg.kind = "place"


def _body_after(text: str, toks: list[_Tok], j: int, seg: _Seg, by_start: dict[int, _Seg]) -> None:
    """'... of (the) (state) Acme Board': the body a role is held in, written after it."""
    k = j + 1
    if k >= len(toks) or toks[k].low not in ("of", "at", "for") or toks[k].cap:
        return
    k += 1
    if k < len(toks) and toks[k].low == "the":
        k += 1
    if k < len(toks) and not toks[k].cap and toks[k].low not in _v().stopwords:
        k += 1  # one adjective: "of the regional Water Board"
    if k < len(toks) and toks[k].start in by_start:
        owner = by_start[toks[k].start]
        if owner is seg or owner.kind == "person":
            return
        seg.body = owner
        owner.role_owner = True
        if owner.kind == "other":
            owner.kind = "body"


# ---------------------------------------------------------------- name forms


@dataclass(frozen=True)
class _Form:
    tokens: tuple[str, ...]  # folded, without titles, suffixes, "the", legal suffixes of bodies
    raw: tuple[str, ...]  # as written (for initials)
    acronym: str | None
    body: bool
    place: bool

    @property
    def single(self) -> bool:
        return len(self.tokens) == 1


@functools.lru_cache(maxsize=65536)
def _form(name: str) -> _Form:
    v = _v()
    raw = [t for t in re.findall(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*\.?|&", name)]
    raw = [re.sub(r"['’]s$", "", t) for t in raw]
    # titles and honorifics before the name, and any body written before a title
    lows = [t.lower().rstrip(".") for t in raw]
    # plain[j]: raw[j:] is all capitalised and holds no body or place head (read once from the end, so a
    # long run of titles, "Mr. Mr. Mr. ...", costs one pass, not one pass per title)
    plain = [True] * (len(raw) + 1)
    for j in range(len(raw) - 1, -1, -1):
        r = raw[j]
        plain[j] = plain[j + 1] and r[:1].isupper() and not (lows[j] in v.body_heads or r.lower() in v.place_heads)
    cut = 0
    for i in range(len(lows)):
        hit = _title_at(lows, i)
        if hit is not None and hit[1] in v.kin and raw[i][:1].isupper():
            hit = None  # "Son Heung-min": a relation is written lowercase
        if hit is not None and i + hit[0] < len(raw) and plain[i + hit[0]]:
            cut = i + hit[0]
    raw = raw[cut:]
    while raw and raw[0].lower() in ("the", "a", "an"):
        raw = raw[1:]
    acronym = raw[0] if len(raw) == 1 and _is_acronym(raw[0]) else None
    folded = [_fold(t).replace(".", "") if _DOTTED_RE.fullmatch(t) else _fold(t).rstrip(".") for t in raw]  # "A.J." = "AJ"
    heads = v.body_heads | v.company_heads
    is_body = any(t in heads for t in folded[1:]) or (bool(folded) and folded[-1] in v.legal)
    if is_body and len(folded) == 2 and folded[0] in v.given and folded[1] not in v.legal:
        is_body = False  # "Jane Power": a given name before a word that is also an organisation head
    is_place = bool(folded) and len(folded) > 1 and folded[-1] in v.place_heads and not is_body
    if is_body:
        while len(folded) > 1 and folded[-1] in v.legal:
            folded, raw = folded[:-1], raw[:-1]
        folded = ["and" if t == "&" else t for t in folded if t != "the"]
    else:
        while len(folded) > 1 and folded[-1] in v.suffixes:
            folded, raw = folded[:-1], raw[:-1]
    return _Form(tuple(folded), tuple(raw), acronym, is_body, is_place)


def _initials_variants(raw: tuple[str, ...]) -> set[str]:
    """The acronyms a body's name makes: initials without and with "of"/"and"/"the"/"for"."""
    v = _v()
    skip = v.acronym_skip | v.connectors
    words: list[str] = []
    for t in raw:
        words.extend(p for p in t.split("-") if p)
    strict = "".join(w[0].upper() for w in words if w.lower() not in skip and w[0].isalpha())
    full = "".join(w[0].upper() for w in words if w[0].isalpha() and w != "&")
    return {x for x in (strict, full) if len(x) >= 2}


@caches.per_story  # each acronym is tried against every multi-word name: a long story repeats both
def _acronym_lenient(acr: str, raw: tuple[str, ...]) -> bool:
    """ACR from the words' initials, a word giving one or two letters ("ABTV": Arden Broadcasting TeleVision)."""
    skip = _v().connectors | {"the"}
    words = [w.lower() for t in raw for w in t.split("-") if w and w.lower() not in skip]
    acr = acr.lower()
    if len(acr) < 3 or len(words) < 2 or len(acr) > len(words) + 2 or acr[0] != words[0][0]:
        return False

    @functools.cache
    def go(i: int, j: int, extra: int) -> bool:
        if j == len(words):
            return i == len(acr)
        if i >= len(acr) or acr[i] != words[j][0]:
            return False
        if go(i + 1, j + 1, extra):
            return True
        if extra < 1 and i + 1 < len(acr) and acr[i + 1] in words[j][1:]:
            return go(i + 2, j + 1, extra + 1)
        return False

    return go(0, 0, 0)


def _skeleton(s: str) -> str:
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[0] + re.sub(r"[aeiouy]", "", s[1:]) if s else s


def spelled_differently(a: str, b: str) -> bool:
    """Two names of one person written with another spelling (not a nickname, an initial, a dropped name)."""
    fa, fb = _form(a), _form(b)
    if not fa.tokens or not fb.tokens or fa.acronym or fb.acronym:
        return False
    if fa.tokens[-1] != fb.tokens[-1]:
        return True
    ga = [t for t in fa.tokens[:-1] if len(t) > 1]
    gb = [t for t in fb.tokens[:-1] if len(t) > 1]
    if not ga or not gb:
        return False
    return ga[0] != gb[0] and not (_nick_set(ga[0]) & _nick_set(gb[0]))


def _nick_set(g: str) -> frozenset[str]:
    v = _v()
    return v.nick.get(g, frozenset()) | {g}


def _given_eq(x: str, y: str, weak: bool = True) -> bool:
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return weak and x[0] == y[0]
    if _nick_set(x) & _nick_set(y):
        return True
    # a transliteration: same consonants, same first and last letter (Mohammad, Mohammed)
    return (
        weak
        and len(x) >= 5
        and len(y) >= 5
        and x[0] == y[0]
        and x[-1] == y[-1]
        and _skeleton(x) == _skeleton(y)
        and fuzz.ratio(x, y) >= 80
    )


def _given_ok(ga: tuple[str, ...], gb: tuple[str, ...], weak: bool = True) -> bool:
    v = _v()
    ga = tuple(g for g in ga if g not in v.particles)
    gb = tuple(g for g in gb if g not in v.particles)
    if not ga or not gb:
        return True
    fa = "".join(g for g in ga if len(g) > 1)
    fb = "".join(g for g in gb if len(g) > 1)
    if fa and fa == fb:
        return True
    if not _given_eq(ga[0], gb[0], weak):
        return False
    for x, y in zip(ga[1:], gb[1:]):
        if not _given_eq(x, y, True):
            return False
    return True


def _match(a: _Form, b: _Form) -> int:
    """2: the same name (strong), 1: compatible (a short form, an initial, a close spelling), 0: not."""
    v = _v()
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return 0
    if ta == tb:
        return 2
    if a.acronym or b.acronym:
        if a.acronym and b.acronym:
            return 2 if a.acronym == b.acronym else 0
        acr, full = (a, b) if a.acronym else (b, a)
        if len(full.tokens) < 2:
            return 0
        if acr.acronym in _initials_variants(full.raw):
            return 2
        return 1 if _acronym_lenient(acr.acronym, full.raw) else 0
    if a.body or b.body:
        return _match_body(a, b)
    if a.place or b.place:
        return 0
    if len(ta) == 1 or len(tb) == 1:
        short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        if len(long) == 1:
            return 1 if len(short[0]) >= 6 and short[0][0] == long[0][0] and fuzz.ratio(short[0], long[0]) >= 92 else 0
        if long[-1] in v.place_heads or long[-1] in v.body_heads:
            return 0
        return 1 if short[0] == long[-1] else 0
    sa, sb = ta[-1], tb[-1]
    ga, gb = ta[:-1], tb[:-1]
    if sa == sb:
        if _given_ok(ga, gb, weak=False):
            return 2
        return 1 if _given_ok(ga, gb, weak=True) else 0
    if len(ta) == 2 and len(tb) == 2 and set(ta) == set(tb):
        return 1  # family name written first in one article ("Li Wenjun", "Wenjun Li")
    if sa[0] != sb[0] or fuzz.ratio(" ".join(ta), " ".join(tb)) < FUZZY_NAME or fuzz.ratio(sa, sb) < 75:
        return 0
    return 1 if _given_ok(ga, gb, weak=True) else 0


def _match_body(a: _Form, b: _Form) -> int:
    v = _v()
    ta, tb = a.tokens, b.tokens
    if ta == tb:
        return 2
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long[: len(short)] == short and all(t in v.company_heads for t in long[len(short) :]):
        # "Acme" and "Acme Air": a company named without its head word
        return 2 if (a.body and b.body) else 1
    if (
        a.body
        and b.body
        and ta[-1] == tb[-1]
        and ta[0][0] == tb[0][0]
        and fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) >= FUZZY_BODY
    ):
        return 1
    return 0


class NameBuckets:
    """Names filed so that those a name may _match are found without trying every one.

    _match takes an acronym only with another acronym or a name of two tokens or more; every other way it
    accepts two names needs a token of each with one first letter (one token, the same last name, a
    body's name and its prefix, a close spelling that keeps the first letter); names_match also takes
    one name as written (folded). A name is filed under those keys, and looked up under the keys a
    partner of it would be filed under.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, set[int]] = defaultdict(set)

    @staticmethod
    def _keys(name: str, probe: bool) -> set[str]:
        f = _form(name)
        keys = {"letter " + t[:1] for t in f.tokens} | {"as written " + " ".join(_fold(name).split())}
        if f.acronym:
            keys |= {"acronym", "long"} if probe else {"acronym"}
        if len(f.tokens) >= 2:
            keys.add("acronym" if probe else "long")
        return keys

    def add(self, name: str, item: int) -> None:
        for k in self._keys(name, probe=False):
            self._by_key[k].add(item)

    def candidates(self, name: str) -> set[int]:
        """Every item filed with a name that name may _match or equal as written (and others)."""
        return set().union(*(self._by_key.get(k, ()) for k in self._keys(name, probe=True)))


def same_name(a: str, b: str) -> bool:
    """Whether two names as written can name one person or body, with no other context."""
    return _match(_form(a), _form(b)) > 0


@caches.per_story  # asked for every pair of speakers in a story: a long one repeats the same names
def names_match(index: EntityIndex | None, a_article: str, a: str, b_article: str, b: str) -> bool:
    """Whether two names, each as written in its article, can name one speaker.

    The one name matcher of the rules that compare who said what (quotes,
    paraphrase): the same words, one entity of the story's index (``index``,
    None outside a story), or a variant with no context (``same_name``).
    """
    if " ".join(_fold(a).split()) == " ".join(_fold(b).split()):
        return True
    if index is not None and index.same(a_article, a, b_article, b):
        return True
    return same_name(a, b)


# ---------------------------------------------------------------- the story's entities


class EntityIndex:
    """The entities of a story: every mention of every article, clustered."""

    def __init__(self, articles: list[Article]):
        self.order = [a.id for a in articles]
        self.mentions: list[Mention] = [m for a in articles for m in find_mentions(a)]
        self._forms = [_form(m.text) for m in self.mentions]
        n = len(self.mentions)
        self._uf = UnionFind(n)
        self._members: dict[int, list[int]] = {i: [i] for i in range(n)}
        # each cluster's kinds, full names and acronyms, merged as clusters merge: _compatible reads these,
        # not every member (a name a long article repeats makes one cluster of thousands)
        self._kinds: dict[int, set[str]] = {i: {m.kind} for i, m in enumerate(self.mentions)}
        self._fulls: dict[int, set[_Form]] = {i: {self._forms[i]} if self._full(i) else set() for i in range(n)}
        self._acronyms: dict[int, set[str]] = {i: {f.acronym} if f.acronym else set() for i, f in enumerate(self._forms)}
        self._cluster()
        self._build()

    # ------------------------------------------------------------ clustering

    def _full(self, i: int) -> bool:
        f = self._forms[i]
        return len(f.tokens) >= 2 and not f.acronym

    def _compatible(self, ra: int, rb: int) -> bool:
        """No two full names of the two clusters are incompatible, and kinds agree."""
        kinds_a, kinds_b = self._kinds[ra], self._kinds[rb]
        if ("person" in kinds_a and "body" in kinds_b and "person" not in kinds_b) or (
            "body" in kinds_a and "person" in kinds_b and "body" not in kinds_a
        ):
            return False
        for x in self._fulls[ra]:
            for y in self._fulls[rb]:
                if not _match(x, y):
                    return False
        # two acronyms that differ are two bodies
        aa, ab = self._acronyms[ra], self._acronyms[rb]
        return not (aa and ab and not (aa & ab))

    def _union(self, a: int, b: int, check: bool = True) -> bool:
        ra, rb = self._uf.find(a), self._uf.find(b)
        if ra == rb:
            return True
        if check and not self._compatible(ra, rb):
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._uf.parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        for summary in (self._kinds, self._fulls, self._acronyms):
            summary[ra] |= summary.pop(rb)
        return True

    def _cluster(self) -> None:
        ms, forms = self.mentions, self._forms
        n = len(ms)
        # 1. the same full name, written the same way
        by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in range(n):
            if self._full(i):
                by_key[forms[i].tokens].append(i)
        for group in by_key.values():
            for j in group[1:]:
                self._union(group[0], j)
        # 2. acronyms the text defines ("Full Name (ACR)")
        by_article: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(ms):
            by_article[m.article].append(i)
        for idx in by_article.values():
            for i in idx:
                if ms[i].alias:
                    for j in idx:
                        if ms[j].text == ms[i].alias and ms[j].end <= ms[i].start:
                            self._union(i, j, check=False)
                            break
        # 3. full names of people: bucket by surname (and by its first letter for close spellings)
        persons = [
            i
            for i in range(n)
            if self._full(i) and not forms[i].body and not forms[i].place and ms[i].kind not in ("body", "place")
        ]
        buckets: dict[str, list[int]] = defaultdict(list)
        for i in persons:
            buckets["s:" + forms[i].tokens[-1]].append(i)
            buckets["i:" + forms[i].tokens[-1][0]].append(i)
        weak: list[tuple[int, int]] = []
        for i, j in bucket_pairs(buckets.values(), 400):
            if forms[i].tokens == forms[j].tokens:
                continue
            level = _match(forms[i], forms[j])
            if level == 2:
                self._union(i, j)
            elif level == 1:
                weak.append((i, j))
        self._attach_weak(weak)
        # 4. bodies: the same first word ("Acme" and "Acme Air", two spellings of one name)
        bodies = [i for i in range(n) if (forms[i].body or ms[i].kind == "body") and not forms[i].acronym]
        first: dict[str, list[int]] = defaultdict(list)
        for i in range(n):
            if (
                forms[i].tokens
                and not forms[i].acronym
                and (i in bodies or (forms[i].single and ms[i].kind in ("other", "body")))
            ):
                first[forms[i].tokens[0]].append(i)
        weak = []
        for group in first.values():
            if len(group) > 400:
                continue
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    i, j = group[x], group[y]
                    if not (forms[i].body or forms[j].body or ms[i].kind == "body" or ms[j].kind == "body"):
                        continue
                    level = _match_body(forms[i], forms[j])
                    if level == 2 and not (forms[i].single or forms[j].single):
                        self._union(i, j)
                    elif level:
                        weak.append((i, j))
        self._attach_weak(weak, prefer_article=True)
        # 5. acronyms: the initials of a full name in the story
        initials: dict[str, set[int]] = defaultdict(set)
        multi = [i for i in range(n) if self._full(i) and ms[i].kind != "person"]
        for i in multi:
            for acr in _initials_variants(forms[i].raw):
                initials[acr].add(i)
        lenient: dict[str, list[int]] = {}  # acronym -> the full names it fits loosely (found once per acronym)
        for i in range(n):
            acr = forms[i].acronym
            if not acr:
                continue
            roots = {self._uf.find(j) for j in initials.get(acr, ())} - {self._uf.find(i)}
            if not roots:
                if acr not in lenient:
                    lenient[acr] = [j for j in multi if _acronym_lenient(acr, forms[j].raw)]
                roots = {self._uf.find(j) for j in lenient[acr]} - {self._uf.find(i)}
            if len(roots) == 1:
                self._union(i, next(iter(roots)))
        for acr_group in self._by_text(lambda i: forms[i].acronym).values():
            for j in acr_group[1:]:
                self._union(acr_group[0], j)
        # 6. a surname or short company name alone: the one full name it fits, in its article first
        self._attach_singles()

    def _by_text(self, key) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i in range(len(self.mentions)):
            k = key(i)
            if k:
                out[k].append(i)
        return out

    def _attach_weak(self, pairs: list[tuple[int, int]], prefer_article: bool = False) -> None:
        """Compatible-only pairs join when the mention has one candidate cluster."""
        cands: dict[int, set[int]] = defaultdict(set)
        for i, j in pairs:
            cands[i].add(j)
            cands[j].add(i)
        for i in sorted(cands):
            own = self._uf.find(i)
            roots = {self._uf.find(j) for j in cands[i]} - {own}
            if prefer_article and len(roots) > 1:
                local = {self._uf.find(j) for j in cands[i] if self.mentions[j].article == self.mentions[i].article} - {own}
                if len(local) == 1:
                    roots = local
            if len(roots) == 1:
                self._union(i, next(iter(roots)))

    def _attach_singles(self) -> None:
        ms, forms = self.mentions, self._forms
        v = _v()
        surname: dict[str, set[int]] = defaultdict(set)
        short: dict[str, set[int]] = defaultdict(set)
        for i in range(len(ms)):
            f = forms[i]
            if not self._full(i):
                continue
            if not f.body and not f.place and ms[i].kind in ("person", "other") and f.tokens[-1] not in v.body_heads:
                surname[f.tokens[-1]].add(i)
            if f.body or ms[i].kind == "body":
                for k in range(1, len(f.tokens)):
                    if all(t in v.company_heads for t in f.tokens[k:]):
                        short[" ".join(f.tokens[:k])].add(i)
                        break
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, m in enumerate(ms):
            f = forms[i]
            if f.single and not f.acronym and f.tokens[0] not in v.stopwords:
                groups[(m.article, f.tokens[0])].append(i)
        leftovers: dict[str, list[int]] = defaultdict(list)
        for (aid, tok), idx in sorted(groups.items()):
            kinds = {ms[i].kind for i in idx}
            cand = set()
            if kinds & {"person", "other"}:
                cand |= surname.get(tok, set())
            if kinds & {"body", "other"} and "person" not in kinds:
                cand |= short.get(tok, set())
            roots_local = {self._uf.find(j) for j in cand if ms[j].article == aid}
            roots_all = {self._uf.find(j) for j in cand}
            target = None
            if len(roots_local) == 1:
                target = next(iter(roots_local))
            elif not roots_local and len(roots_all) == 1:
                target = next(iter(roots_all))
            for j in idx[1:]:
                self._union(idx[0], j, check=False)
            if target is not None and self._union(idx[0], target):
                continue
            if not roots_all:
                leftovers[tok].extend(idx)
        for idx in leftovers.values():  # one word in several articles, fitting no full name: one entity
            for j in idx[1:]:
                self._union(idx[0], j)

    # ------------------------------------------------------------ entities

    def _build(self) -> None:
        ms = self.mentions
        order = {a: k for k, a in enumerate(self.order)}
        clusters = sorted(self._members.values(), key=lambda c: min((order[ms[i].article], ms[i].start) for i in c))
        self.entities: list[Entity] = []
        self._of: dict[int, int] = {}
        self._spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for eid, members in enumerate(clusters):
            mentions = sorted((ms[i] for i in members), key=lambda m: (order[m.article], m.start))
            kinds = {m.kind for m in mentions}
            kind = next((k for k in KINDS if k in kinds), "other")
            if kind == "other" and _initialism_of_name(mentions):
                kind = "body"  # "VCL" and "Varden Coast League": an organisation's name and its initials
            roles: dict[str, set[str]] = defaultdict(set)
            for m in mentions:
                if m.role and not m.former:
                    roles[m.article].add(m.role)
            ent = Entity(eid, kind, mentions, _label(mentions), frozenset(m.article for m in mentions), dict(roles))
            self.entities.append(ent)
            for i in members:
                self._of[i] = eid
                m = ms[i]
                self._spans[m.article].append((m.start, m.end, eid))
        for spans in self._spans.values():
            spans.sort()
        self._starts = {a: [s for s, _, _ in spans] for a, spans in self._spans.items()}
        self._resolved: dict[tuple[str, str], int | None] = {}
        # lookups for _resolve, which a long story asks once per name of each article: a scan of every
        # mention per name would grow with the square of the story
        self._in_article: dict[str, list[int]] = defaultdict(list)  # article -> its mentions' indexes
        self._in_article_entities: dict[str, set[int]] = defaultdict(set)  # article -> the entities it names
        for i, m in enumerate(ms):
            self._in_article[m.article].append(i)
            self._in_article_entities[m.article].add(self._of[i])
        self._names = NameBuckets()  # the entities a name may _match
        for ent in self.entities:
            for m in ent.mentions:
                self._names.add(m.text, ent.id)

    def _may_match(self, name: str) -> list[Entity]:
        """The entities with a mention that may _match the name, in story order: no other entity's can."""
        return [self.entities[e] for e in sorted(self._names.candidates(name))]

    def entity_of(self, mention: Mention) -> int | None:
        return self.entity_at(mention.article, mention.start, mention.end)

    def entity_at(self, article_id: str, start: int, end: int) -> int | None:
        """The entity of the mention at [start, end) in an article (containing it, else overlapping it)."""
        spans = self._spans.get(article_id)
        if not spans:
            return None
        starts = self._starts[article_id]
        i = bisect.bisect_right(starts, start) - 1
        best = None
        for k in range(max(i - 3, 0), min(i + 4, len(spans))):
            s, e, eid = spans[k]
            if s <= start and end <= e:
                return eid
            if s < end and start < e and best is None:
                best = eid
        return best

    def resolve(self, article_id: str, name: str) -> int | None:
        """The entity a name as written in an article refers to ("Roe", "the NRSA", "Judge Roe"), or None."""
        key = (article_id, name)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(article_id, name)
        return self._resolved[key]

    def _resolve(self, article_id: str, name: str) -> int | None:
        v = _v()
        name = " ".join(name.split()).strip(" ,.;:\"“”‘’'")
        if not name:
            return None
        if not any(c.isupper() for c in name):  # "the directorate", "the company"
            words = [w for w in re.findall(r"[a-z][a-z'\-]*", name.lower()) if w not in ("the", "a", "an", "its", "this")]
            if len(words) != 1 or words[0] not in v.body_heads:
                return None
            head = words[0]
            local = {
                e
                for e in self._in_article_entities.get(article_id, ())
                if self.entities[e].kind == "body" and any(head in _form(m.text).tokens for m in self.entities[e].mentions)
            }
            return next(iter(local)) if len(local) == 1 else None
        form = _form(name)
        if not form.tokens:
            return None
        exact = {
            self._of[i]
            for i in self._in_article.get(article_id, ())
            if (m := self.mentions[i]).text == name or f"{m.prefix} {m.text}" == name
        }
        if len(exact) == 1:
            return next(iter(exact))
        local: set[int] = set()
        anywhere: set[int] = set()
        for e in self._may_match(name):
            if any(_match(form, _form(m.text)) for m in e.mentions):
                anywhere.add(e.id)
                if article_id in e.articles:
                    local.add(e.id)
        if len(local) == 1:
            return next(iter(local))
        if not local and len(anywhere) == 1:
            return next(iter(anywhere))
        return None

    def same(self, a_article: str, a_name: str, b_article: str, b_name: str) -> bool:
        """Whether two names, each as written in its article, are one entity."""
        ra, rb = self.resolve(a_article, a_name), self.resolve(b_article, b_name)
        if ra is not None and rb is not None:
            return ra == rb
        return same_name(a_name, b_name)

    def get(self, eid: int) -> Entity:
        return self.entities[eid]


def _label(mentions: list[Mention]) -> str:
    """The fullest name: no acronym, most given names, the formal given name, the most frequent form."""
    v = _v()
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[m.text] += 1

    def score(m: Mention) -> tuple:
        f = _form(m.text)
        toks = [t for t in f.tokens if len(t) > 1]
        nickname = (
            bool(f.tokens) and len(f.tokens) > 1 and f.tokens[0] in v.nick and f.tokens[0] not in v.nick.get(f.tokens[0], ())
        )
        initials = sum(1 for t in f.tokens if len(t) == 1)
        return (not f.acronym, len(toks), not nickname, -initials, counts[m.text], -len(m.text))

    return max(mentions, key=score).text if mentions else ""


# ---------------------------------------------------------------- roles


def roles_conflict(a: str, b: str) -> bool:
    """Whether one person cannot hold both roles (another slot of one role family)."""
    v = _v()
    if a == b or frozenset((a, b)) in v.compatible:
        return False
    for slots in v.families.values():
        if a in slots and b in slots and slots[a] != slots[b]:
            return True
    return False


def unique_role(role: str) -> bool:
    """An office one person holds at a time in one body."""
    return role in _v().unique_roles


def _initialism_of_name(mentions: list[Mention]) -> bool:
    """An acronym written alone and a name of two words or more whose initials it is."""
    acrs = {_form(m.text).acronym for m in mentions} - {None}
    if not acrs:
        return False
    for m in mentions:
        f = _form(m.text)
        if len(f.raw) >= 2 and not f.acronym and acrs & _initials_variants(f.raw):
            return True
    return False


def _rank_split(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    v = _v()
    words = [w for w in re.findall(r"[a-z]+(?:-[a-z]+)*", title.lower()) if w not in v.qualifiers and w != "the"]
    i = 0
    while i < len(words) and words[i] in v.rank_words:
        i += 1
    return tuple(words[:i]), tuple(words[i:])


def rank_title(title: str) -> str:
    """A role as written, lowercased, without qualifiers ("former", "the")."""
    ranks, office = _rank_split(title)
    return " ".join(ranks + office)


def rank_start(text: str, start: int) -> int:
    """Where a role written at ``start`` begins with the rank words written just before it
    ("Assistant" of "Assistant Coach", when only "Coach" was read as the role)."""
    v = _v()
    window = text[max(0, start - 40) : start]
    base = start - len(window)
    pos = len(window)
    for m in reversed(list(re.finditer(r"([A-Za-z]+)[ \t]+", window))):
        if m.end() != pos or m.group(1).lower() not in v.rank_words:
            break
        pos = m.start()
    return base + pos


def ranks_differ(a: str, b: str) -> bool:
    """One office a person heads at two ranks: "assistant district attorney" and "district
    attorney", "deputy associate director" and "associate director" (not "deputy public
    defender" and "public defender": a deputy public defender is a public defender)."""
    ra, oa = _rank_split(a)
    rb, ob = _rank_split(b)
    return oa == ob and " ".join(oa) in _v().ranked_offices and ra != rb


def kin_role(role: str | None) -> bool:
    """A relation ("grandson", "wife"), not an office."""
    return role is not None and role in _v().kin


def source_words() -> frozenset[str]:
    """Words that make a named person the source of what is reported ("said", "citing")."""
    return _v().source_words


def surname(name: str) -> str:
    """The last word of a person's name, folded ("Tarrow-Voss" -> "tarrow-voss")."""
    f = _form(name)
    return f.tokens[-1] if f.tokens else ""


def given_names_match(a: str, b: str) -> bool:
    """Whether two full names can be one person's by their given names ("Bill"/"William")."""
    fa, fb = _form(a), _form(b)
    if len(fa.tokens) < 2 or len(fb.tokens) < 2:
        return True
    return _given_ok(fa.tokens[:-1], fb.tokens[:-1], weak=False)
