"""FC102 counts: how many of what, percentages, tallies and ages.

What it finds
    A figure as a frame: what it measures (a measure class of
    checker/vocab/measures.toml, read by checker/frames.py: "killing 10
    people", "the death toll rose to 10" and "10 were killed" are deaths;
    "arrested 31 smugglers" arrests), the noun it counts ("1,200 jobs", "19
    Brevian fishermen", "seven XR-9 rifles"), its hedge or range, and its time
    (the months and years its sentence names). Also measures with units,
    converted (checker/units.py: "64 miles" = "103 kilometres", "110 mph",
    "weighing 150 pounds", "5-foot-8"), percentages, tallies and scores ("a
    5-2 vote", "beat X 84-70"), ages in every form ("Smith, 54,", "a
    41-year-old man", "He was 88.", "died at age 88") with the person they
    describe, and magnitudes. Parts that add up ("51 passengers and three
    crew") are one count of 54 people. Killed and injured never meet; two
    nouns meet when their measure class agrees and the figures match.

Why it matters
    Counts of the dead, the evacuated, the jailed and the voting are what
    readers remember; a hedge ("at least 9") must not read as a conflict with
    the figure it bounds ("14"), and a different figure must.

Example
    A: The fire forced about 2,500 residents to flee.
    B: Some 2,500 people were evacuated.
    -> agreement
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from checker import calendar, entities, frames, quantity, speech, units, vocab
from checker.claims import make_claim
from checker.evidence import LINKS
from checker.model import Article, Claim, Span
from checker.text import canon, letter_words, sentence_words

CODE = "FC102"
NAME = "counts"
REPORT_ALONE = True
PROVIDES = (LINKS,)  # an agreeing count ties its sentences


@dataclass(frozen=True, slots=True)
class Count:
    n: float
    noun: str  # the counted noun as written ("residents"), "%" for a percentage, "age", "tally", or a unit ("miles")
    hedge: str = "exact"
    unit: float = 0.0
    high: float | None = None  # upper end of a range, or the second figure of a tally
    nouns: frozenset[str] = frozenset()  # canonical words of the counted phrase
    parts: tuple[float, ...] = ()  # figures that were summed
    measure: str = ""  # the measure class (checker/frames.py): "deaths", "arrested"; a unit's dimension: "length"
    base: float | None = None  # a measure with a unit: the figure in its dimension's base unit (metres, kg, km/h)
    when: frozenset[str] = frozenset()  # the months and years its sentence names: the time the figure is of
    vague: str = ""  # a vague amount as written ("dozens"): a range that agrees, never a figure to contradict
    source: str = ""  # on whose word: the speaker of the attribution that reports it ("the USGS said 6.1")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"count": quantity.json_number(self.n), "noun": self.noun}
        if self.hedge != "exact":
            out["hedge"] = self.hedge
        if self.high is not None:
            out["high" if self.noun != "tally" else "against"] = quantity.json_number(self.high)
        if self.parts:
            out["parts"] = [quantity.json_number(p) for p in self.parts]
        if self.measure:
            out["measure"] = self.measure
        if self.base is not None:
            out["base"] = round(self.base, 6)
        if self.source:
            out["source"] = self.source
        return out


@functools.cache
def _v() -> dict:
    return vocab.load("counts")


@functools.cache
def _regexes() -> dict[str, re.Pattern[str]]:
    fig = quantity.FIGURE_RE
    run_fig = fig.replace("|", r"|(?<!\d)", 1)
    numw = quantity.number_word_re()
    hedge = quantity.hedge_re()
    # a word of a counted phrase: a model name ("XR-9", "A320", "XR 9"), or a plain word
    word = r"[A-Z]+[-\s]?\d+[A-Za-z]*|[A-Za-z][A-Za-z'’\-]*"
    ages = "|".join(re.escape(p) for p in sorted(_v()["age_before"], key=vocab.longest_first))
    return {
        # the plain figure of FIGURE_RE only from a run of digits' start: "1234" fails at "234" when it
        # failed at "1", and a search from each digit of a long run would be quadratic
        "percent": re.compile(
            rf"(?P<num>{run_fig})\s?(?:%|(?:per\s?cent|percent|pct)\b)(?:\s+(?:to|and|-)\s+(?P<high>{fig})\s?(?:%|per\s?cent|percent))?",
            re.I,
        ),
        "tally": re.compile(rf"\b(?P<a>\d{{1,3}})[-–](?P<b>\d{{1,3}})\s+(?P<noun>{'|'.join(_v()['tally_nouns'])})\b", re.I),
        # "beat Marlow 84-70", "voted 5-2", "deadlocked at 10-2": a tally after the verb that says what it tallies
        "tally_verb": re.compile(
            rf"\b(?P<verb>{'|'.join(sorted(map(re.escape, _v()['tally_verbs']), key=vocab.longest_first))})"
            rf"(?:\s+(?:at|by|visiting|the|No\.\s?\d+|[A-Z][\w.'’\-]*)){{0,4}},?\s+(?P<a>\d{{1,3}})[-–](?P<b>\d{{1,3}})(?![\d\-–])",
            re.I,
        ),
        "age_comma": re.compile(
            r"(?P<name>\b[A-Z][\w'’\-]*[a-z][\w'’\-]*|\b[IVX]{2,4}\b|\bJr\.|\bSr\.),\s(?:(?P<when>now|then)\s)?(?P<num>\d{1,3})(?=,\s|\.\s|\.$|;|\s+of\s)"
        ),
        # "Jo Roe and Al Fenn, both 51,": one age of two people
        "age_both": re.compile(r"(?P<name>\b[A-Z][\w'’\-]*[a-z][\w'’\-]*),\s+both\s+(?P<num>\d{1,3})(?=,\s|\.\s|\.$|;|\s)"),
        "age_hyphen": re.compile(rf"\b(?P<num>\d{{1,3}}|{numw})[-\s]years?[-\s]old\b", re.I),
        # "aged 88", "at the age of 88", "died at 88", "He was 88." (a figure that ends its clause)
        "age_word": re.compile(
            rf"\b(?P<cue>{ages})\s+(?P<num>\d{{1,3}})(?P<tail>\s*[.,;)]|\s+(?:and|when|after|in|on|at|years)\b)", re.I
        ),
        # a person's rank in a series: "Roe was the first witness", "The prosecution's first witness was Roe"
        "ordinal": re.compile(
            rf"\b(?:the|its|his|her|their|[A-Z][\w'’\-]*['’]s?)\s+(?P<ord>{'|'.join(sorted(_v()['ordinals'], key=vocab.longest_first))})"
            r"\s+(?P<np>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)",
            re.I,
        ),
        # a gun's calibre: ".32-caliber revolver", "a .45", read only where a gun word is near
        "calibre": re.compile(r"(?<![\w.])\.(?P<num>\d{2,3})(?![\d.,]\d)(?:[-\s](?:caliber|calibre)\b)?", re.I),
        "magnitude": re.compile(r"\bmagnitude[-\s](?P<num>\d(?:\.\d)?)\b|\b(?P<num2>\d\.\d)[-\s]magnitude\b", re.I),
        # "5-foot-8", "5 feet 8 inches", "6-foot-2-inch": a height
        "height": re.compile(
            r"\b(?P<ft>[4-7])[-\s](?:foot|feet|ft)[-\s](?P<inch>1[01]|[0-9])(?:[-\s]inch(?:es)?)?(?![\d.])", re.I
        ),
        "measure": re.compile(
            rf"(?P<num>(?<![\w$€£¥.,\-/:])(?:{fig})|\b{numw}\b)"
            rf"(?:\s*(?:and|to|-|–)\s*(?P<high>{fig}))?(?=[\s\-]?[A-Za-z°])",
            re.I,
        ),
        "count": re.compile(
            rf"(?P<num>(?<![\w$€£¥.,\-/:])(?:{fig})(?![\w%:/]|[.,]\d)|\b{numw}\b)"
            rf"(?:\s+(?:and|to|-)\s+(?P<high>{fig})(?![\w%]))?"
            rf"(?P<rest>(?:[\s-]+(?:{word})){{1,6}})",
            re.I,
        ),
        "zero": _zero_re(),
        # "dozens of people", "hundreds of homes", "a handful of protesters": a vague amount, a range
        "vague": re.compile(
            rf"\b(?P<vague>{'|'.join(sorted(map(re.escape, _v()['vague']), key=vocab.longest_first))})\s+(?:of\s+)?(?P<rest>(?:[\s-]*(?:{word})){{1,6}})",
            re.I,
        ),
        # the hedge and "between" before a figure, read backwards from it (a hedge alternation tried at
        # every position of a sentence costs four times the figure patterns themselves)
        "before": re.compile(rf"(?:\b(?P<hedge>{hedge})\s+)?(?:(?P<between>between)\s+)?\Z", re.I),
        "bare": re.compile(
            rf"(?P<num>(?<![\w$€£¥.,\-/:#])(?:{fig})(?![\w%:/$€£¥]|[.,]\d)|\b{numw}\b)",
            re.I,
        ),
    }


@functools.cache
def _plurals() -> frozenset[str]:
    return frozenset(_v()["plural_nouns"])


class _Hedged:
    """A figure pattern's match with the hedge and "between" read backwards from it: the groups and
    offsets of one match of "(hedge )?(between )?figure...", so callers read it as one."""

    __slots__ = ("m", "b")

    def __init__(self, m: re.Match[str], b: re.Match[str]):
        self.m, self.b = m, b

    def group(self, name: str) -> str | None:
        return self.b.group(name) if name in ("hedge", "between") else self.m.group(name)

    def start(self, name: str | None = None) -> int:
        if name is None:
            return self.b.start() if self.b.end() > self.b.start() else self.m.start()
        return self.b.start(name) if name in ("hedge", "between") else self.m.start(name)

    def end(self, name: str | None = None) -> int:
        return self.m.end() if name is None else self.m.end(name)


def _hedged(rx: dict[str, re.Pattern[str]], key: str, text: str, lo: int, hi: int, pos: int | None = None):
    """The matches of figure pattern `key` in text[lo:hi] (from `pos`), each with the hedge before it."""
    before = rx["before"]
    last = _hedge_last_words()
    for m in rx[key].finditer(text, lo if pos is None else pos, hi):
        s = m.start()
        j = s  # the word before the figure, read by hand (hot: every figure of the story)
        while j > lo and text[j - 1].isspace():
            j -= 1
        k = j
        while k > lo and j - k < 20 and text[k - 1].isalpha():
            k -= 1
        lo_b = max(lo, s - 40) if j < s and text[k:j].lower() in last else s  # no hedge ends there: no search
        yield _Hedged(m, before.search(text, lo_b, s))  # type: ignore[arg-type]


@functools.cache
def _gates():
    """gate(key, lowered sentence): False when pattern `key` cannot match (a literal it needs is absent),
    so a sentence is not scanned by patterns that have nothing to find there."""
    needs: dict[str, tuple[str, ...]] = {
        "percent": ("%", "cent", "pct"),
        "tally": ("-", "–"),
        "tally_verb": ("-", "–"),
        "age_hyphen": ("year",),
        "age_word": tuple({p.split()[0].lower() for p in _v()["age_before"]}),
        "magnitude": ("magnitude",),
        "calibre": tuple(_v()["calibre_words"]),
        "ordinal": tuple(_v()["ordinals"]),
        "height": ("foot", "feet", "ft"),
        "vague": tuple({p.split()[-1].lower() for p in _v()["vague"]}),
        "zero": ("no",),
    }

    def gate(key: str, low: str) -> bool:
        return any(n in low for n in needs[key])

    return gate


_LAST_WORD = re.compile(r"([A-Za-z]+)\s+\Z")


@functools.cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge phrase, and "between": a figure after any other word has no hedge."""
    return frozenset(p.split()[-1].lower() for p in quantity.hedge_table()) | {"between"}


def _is_plural(lw: str) -> bool:
    if lw in _plurals() or (lw.endswith("men") and len(lw) > 4):
        return True
    return lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 3


def _before(text: str, lo: int, s: int) -> tuple[str, list[str], str]:
    """The few characters before a figure, their words, and the last of them lower-cased ("route" of "Route 9")."""
    before = text[max(lo, s - 14) : s]
    prev = re.findall(r"[A-Za-z]+\.?", before)
    return before, prev, prev[-1].rstrip(".").lower() if prev else ""


def _people_head(w: str) -> bool:
    """A capitalised plural that counts people ("1,200 Brevians", "three Democrats"), not a name or a place."""
    return _is_plural(w.lower()) and re.fullmatch(r"[A-Z][a-z]+", w) is not None and w.lower().endswith(_people_suffixes())


@functools.cache
def _raw_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(generic nouns, person nouns) as written: "20 individuals" meets "20 women" on the same figure."""
    return frozenset(_v()["generic_nouns"]), frozenset(_v()["person_nouns"])


def _model(word: str) -> str:
    """A model name folded so "XR-9", "XR 9" and "XR9s" are one: "xr9"."""
    return re.sub(r"[^a-z0-9]", "", word.lower()).removesuffix("s")


def _noun_phrase(rest: str, plural: bool) -> tuple[str, frozenset[str], int] | None:
    """(counted noun, canonical words, length of the phrase in `rest`) of the words after a figure.

    The counted noun is the first plural word within four words ("two speed
    boats", "seven XR-9 assault rifles"); capitalised adjectives may stand
    before it ("31 Brevian and Ostrian fishermen") but a capitalised word that is
    the head makes an address or a label ("12 Elm St."). A model name is kept
    as a counted word ("seven XR-9s" meets "9 XR 9 guns").
    """
    skip = set(_v()["skip_adjectives"])
    stop = _not_counted()
    words = list(re.finditer(r"[A-Z]+[-\s]\d+[A-Za-z]*|[A-Za-z0-9][A-Za-z0-9'’\-]*", rest))
    i = 0
    while i < len(words) and words[i].group().lower() in skip:
        i += 1
    phrase: list[re.Match[str]] = []
    caps = 0
    for m in words[i : i + 5]:
        w = m.group()
        lw = w.lower()
        model = bool(re.search(r"\d", w))
        if lw in stop and not (phrase and lw in ("and", "or") and phrase[-1].group()[0].isupper()):
            break
        if lw in skip and not model:
            break
        if w[0].isupper() and not model:
            if _people_head(w):
                phrase.append(m)  # a people noun: "1,200 Brevians", "three Democrats"
                break
            caps += 1
            if _is_plural(lw) and not re.fullmatch(r"[A-Z][a-z]+", w):
                break
            phrase.append(m)  # a capitalised adjective ("Brevian"), head still to come
            continue
        phrase.append(m)
        if model and lw.endswith("s") and not plural:
            break
        if (_is_plural(lw) and not model) or not plural or (model and lw.endswith("s")):
            break
        if len([p for p in phrase if p.group()[0].islower()]) >= 4:
            break

    while phrase and (
        phrase[-1].group().lower() in ("and", "or")
        or (phrase[-1].group()[0].isupper() and not re.search(r"\d", phrase[-1].group()) and not _people_head(phrase[-1].group()))
    ):
        phrase.pop()  # a run of capitalised words with no lowercase head: a name or an address
    if not phrase:
        return None
    noun = phrase[-1].group()
    lw = noun.lower()
    head_is_model = bool(re.search(r"\d", noun))
    if plural and not (_is_plural(lw) or head_is_model and lw.endswith("s")):
        return None  # "999 call", "60 mph": a figure before a singular noun is a label or a unit
    if caps and len(phrase) == caps and not _people_head(phrase[-1].group()):
        return None
    # the counted thing: its head, and a modifier only when it names a model ("A-320 jets"),
    # not a kind ("patrol boats" do not count patrols)
    nouns = {_model(noun) if head_is_model else canon(noun)} | {
        _model(p.group()) for p in phrase[:-1] if re.search(r"\d", p.group())
    }
    return noun, frozenset(nouns), phrase[-1].end()


@functools.cache
def _not_counted() -> frozenset[str]:
    """Words that are no counted noun: the rule's list, scale words and suffixes, and "dozens", "millions"."""
    figures = [*quantity.scales(), *quantity.suffixes()]
    plurals = [w + "s" for w in [*quantity.multipliers(), *quantity.scales()]]
    return frozenset(_v()["not_counted"]) | frozenset(figures) | frozenset(plurals)


def _percent_subject(text: str, sent_start: int, start: int, end: int, sent_end: int) -> str | None:
    """What a percentage is of: the nearest subject word before it (8 words), else just after (3)."""
    subjects = _percent_subjects()
    before = letter_words(text[max(sent_start, start - 70) : start])
    for w in reversed(before[-8:]):
        if canon(w) in subjects:
            return w
    after = letter_words(text[end : min(sent_end, end + 30)])
    for w in after[:3]:
        if canon(w) in subjects:
            return w
    return None


@functools.cache
def _percent_subjects() -> frozenset[str]:
    return frozenset(canon(w) for w in _v()["percent_subjects"])


def _value_of(num: str) -> tuple[float, float] | None:
    if num[0].isdigit():
        return quantity.parse_figure(num)
    v = quantity.parse_words(num)
    return (v, 0.0) if v is not None else None


@functools.cache
def _zero_re() -> re.Pattern[str]:
    """None of a measure: "no one was killed", "nobody was hurt", "no deaths" (the measure's own nouns)."""
    nouns = sorted({" ".join(p) for c in frames.classes().values() if c.people for p in c.nouns}, key=vocab.longest_first)
    return re.compile(rf"\b(?:no one|no-one|nobody)\b|\bno\s+(?P<noun>{'|'.join(map(re.escape, nouns))})\b", re.I)


@functools.cache
def _hint_re() -> re.Pattern[str]:
    """A sentence without a digit, a number word or a "no one" holds no count: skip the full patterns."""
    words = "|".join(w for w, v in [*quantity.number_words().items(), *quantity.scales().items()] if v >= 1)
    vague = "|".join(map(re.escape, _v()["vague"]))
    return re.compile(rf"\d|\b(?:{words}|{vague})|{_zero_re().pattern}", re.I)


_CUT = re.compile(r"[;:()\[\]—–]|,\s|\s-\s|\bsaid\b|\bsays\b")  # where a clause ends: the words of a frame stop there


def _words_before(text: str, lo: int, pos: int, n: int = 6) -> list[str]:
    """The last `n` lower-cased words before `pos` in its clause (from `lo`, the sentence start)."""
    seg = text[max(lo, pos - 70) : pos]
    cut = None
    for cut in _CUT.finditer(seg):
        pass
    if cut is not None:
        seg = seg[cut.end() :]
    return [w.lower() for w in letter_words(seg)][-n:]


def _words_after(text: str, pos: int, hi: int, n: int = 6) -> list[str]:
    """The first `n` lower-cased words after `pos` in its clause (up to `hi`, the sentence end)."""
    seg = text[pos : min(hi, pos + 70)]
    cut = _CUT.search(seg)
    if cut is not None:
        seg = seg[: cut.start()]
    return [w.lower() for w in letter_words(seg)][:n]


def _name_run(text: str, lo: int, hi: int, backward: bool) -> tuple[str, ...]:
    """The capitalised words of a name just before `hi` (backward) or just after `lo`: ("raj", "k", "chohan")."""
    if backward:
        m = re.search(r"((?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]*)\s*$", text[max(lo, hi - 60) : hi])
    else:
        m = re.match(r"\s+((?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]*)", text[lo:hi])
    if not m:
        return ()
    names = tuple(w.lower().rstrip(".") for w in re.findall(r"[A-Z][\w'’\-]*", m.group(1)))
    skip = _age_not_names()
    return tuple(w for w in names if w not in skip)


def _subject_person(article: Article, sent: Span, pos: int) -> tuple[str, ...]:
    """The words of the person an unnamed age is about: the first name of its own sentence before it
    ("X, the former director, has died at age 88"), else the first of the sentence before ("He was 88.")."""
    people = [m for m in entities.find_mentions(article) if m.kind in ("person", "other")]
    here = [m for m in people if sent.start <= m.start < pos]
    if not here:
        prev = [s for s in article.sentences if s.end <= sent.start]
        if prev:
            here = [m for m in people if prev[-1].start <= m.start < prev[-1].end]
    if not here:
        return ()
    return tuple(w.lower() for w in re.findall(r"[^\W\d_][\w'’\-]*", here[0].text))


@functools.cache
def _age_not_names() -> frozenset[str]:
    """Capitalised words next to an age that name no one: months, weekdays, articles ("A 41-year-old")."""
    return frozenset(calendar.months()) | frozenset(calendar.weekdays()) | frozenset(_v()["age_not_names"])


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _when(text: str, sent: Span) -> frozenset[str]:
    """The months and years a sentence names ("in September", "in 2005"): a figure's time, when it gives one."""
    months = calendar.months()
    words = letter_words(text[sent.start : sent.end])
    named = {months[w.lower()] for w in words if w.lower() in months and w[0].isupper()}
    out = {f"m{m}" for m in named} | set(_YEAR.findall(text, sent.start, sent.end))
    lows = {w.lower() for w in words}
    if lows & _time_words():
        out.add("relative")  # "last month", "earlier": a time this sentence gives without a month or year
    elif lows & frozenset(calendar.weekdays()):
        out.add("weekday")  # "on Sunday": this week, the article's own event
    return frozenset(out)


@functools.cache
def _time_words() -> frozenset[str]:
    return frozenset(_v()["time_words"])


def _other_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two figures' sentences speak of different times: both name months or years and share none,
    or one names a month or year and the other only a weekday or no time at all (the article's own,
    recent event: "the quake in September" is not "Sunday's quake")."""
    marks = {"relative", "weekday"}
    fa, fb = a - marks, b - marks
    if fa and fb:
        return not fa & fb
    if fa or fb:
        return "relative" not in (a if not fa else b)
    return False


def _is_whole(text: str, lo: int, start: int) -> bool:
    """A figure that is the whole a part is counted out of: "missing 10 of the team's [16 games]",
    "three out of [four lines]"."""
    return bool(_whole_re().search(text[max(lo, start - 50) : start]))


_OUT_OF = re.compile(r"\b(\d{1,2}|[a-z]+)\s+out\s+of\s+(?:the\s+)?$", re.I)


_SPLIT_RE = re.compile(r"\s+[A-Z][\w'’\-]*\s+(?:and|or)\s+(?P<num>\d[\d,]*)\s+(?=[A-Z])")
_BRACKET_SPLIT = re.compile(r"\s*\(\s*(?P<a>\d[\d,]*)\s+[A-Z][\w'’\-]*\s*(?:,|and)\s+(?P<b>\d[\d,]*)\s+[A-Z][\w'’\-]*\s*\)")
_CLAUSE_SPLIT = re.compile(
    r",\s+(?P<a>\d[\d,]*)\s+(?:are|were|is|was)\b[^,.;()]{0,40}?\s+and\s+(?P<b>\d[\d,]*)\s+(?:are\s+|were\s+)?(?:from|of|in)\s+[A-Z]"
)


def _breakdown(text: str, end: int, hi: int, total: float) -> tuple[int, tuple[float, float]] | None:
    """Two figures right after a count that add up to it: "(17 Northern and 13 Southern)", ", 17 are from X
    and 13 from Y" -> (the end of the breakdown, its parts); a sum that does not add up is no breakdown."""
    m = _BRACKET_SPLIT.match(text, end, hi) or _CLAUSE_SPLIT.match(text, end, hi)
    if m is None:
        return None
    a, b = _value_of(m.group("a")), _value_of(m.group("b"))
    if a is None or b is None or a[0] + b[0] != total:
        return None
    return (m.end() if m.re is _BRACKET_SPLIT else m.end("b")), (a[0], b[0])


def _part_out_of(text: str, lo: int, start: int, whole: float) -> tuple[int, float] | None:
    """ "three out of four pumps": (start of "three", 3) when the whole is a small count (not a ratio such as
    "one out of 10 voters", "seven out of ten")."""
    m = _OUT_OF.search(text, max(lo, start - 30), start)
    if m is None or whole > _v()["out_of_max"] or whole in (10, 100, 1000):
        return None
    val = _value_of(m.group(1))
    if val is None or not 0 < val[0] < whole:
        return None
    return m.start(1), val[0]


@functools.cache
def _whole_re() -> re.Pattern[str]:
    numw = quantity.number_word_re(with_scales=False)
    owner = r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[A-Z][\w'’\-]*\s+)?"
    return re.compile(rf"\b(?:\d[\d,]*|{numw})\s+(?:out\s+)?of\s+{owner}$", re.I)


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    rx = _regexes()
    hint = _hint_re()
    labels = set(_v()["label_words"])
    months = calendar.months()
    persons = {canon(w) for w in _v()["person_nouns"]}
    scales = quantity.scales()
    stop = _not_counted()
    out: list[Claim] = []
    sent_words = sentence_words(article)
    for sent in article.sentences:
        if not hint.search(text, sent.start, sent.end):
            for s, e, n, measure in _victims(text, sent, sent_words[sent]):  # "killing a guard and a driver": no figure, a count
                value = _victim_count(n, measure)
                when = _when(text, sent)
                out.append(
                    make_claim(article, CODE, s, e, replace(value, when=when) if when else value, sentence=sent, head=measure)
                )
            low = text[sent.start : sent.end].lower()
            for m in rx["ordinal"].finditer(text, sent.start, sent.end) if _gates()("ordinal", low) else ():
                got = _ordinal_role(text, sent, m)  # "Roe was the first witness": a rank, no figure
                if got:
                    s0, e0, n, head, who = got
                    value = Count(float(n), "ordinal", nouns=frozenset({canon(head)}), measure="ordinal")
                    out.append(make_claim(article, CODE, s0, e0, value, sentence=sent, head="ordinal", subject=who))
            continue
        taken: list[tuple[int, int]] = []
        parts_of: set[tuple[int, int]] = set()
        past_ages: set[tuple[int, int]] = set()
        breakdowns: set[tuple[int, int]] = set()  # "17 Northern and 13 Southern delegates": compared with breakdowns

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        when = _when(text, sent)

        def add(s: int, e: int, value: Count, head: str | None, subject: tuple[str, ...] = ()) -> None:
            taken.append((s, e))
            if not quantity.finite(value.n, value.high, value.base, *value.parts):
                return  # a figure beyond a float's range (400 nines): its span is read, but it is no count
            role = (
                "baseline"
                if quantity.is_baseline(text, s, e, sent.end)
                else "whole"
                if _is_whole(text, sent.start, s)
                else "part"
                if (s, e) in parts_of
                else "then"
                if (s, e) in past_ages
                else "breakdown"
                if (s, e) in breakdowns
                else ""
            )
            if when:
                value = replace(value, when=when)
            source = _source_of(article, s, e)
            if source:
                value = replace(value, source=source)
            out.append(make_claim(article, CODE, s, e, value, sentence=sent, head=head, subject=subject, role=role))

        def label_before(s: int, seen: tuple[str, list[str], str] | None = None) -> bool:
            before, _, prev_word = seen or _before(text, sent.start, s)
            return prev_word in labels or prev_word in months or bool(re.search(r"[$€£¥#]\s?$", before))

        low = text[sent.start : sent.end].lower()
        gate = _gates()
        for m in _hedged(rx, "percent", text, sent.start, sent.end) if gate("percent", low) else ():
            n, unit = quantity.parse_figure(m.group("num"))
            high = float(m.group("high")) if m.group("high") else None
            subject = _percent_subject(text, sent.start, m.start(), m.end(), sent.end)
            add(
                m.start(),
                m.end(),
                Count(n, "%", quantity.hedge_class(m.group("hedge")) if not high else "range", unit, high, frozenset({"%"})),
                subject,
            )
        # "a 5-2 vote" (the noun after it says what it tallies), "voted 5-2", "beat X 84-70" (the verb before it)
        for key, word in (("tally", "noun"), ("tally_verb", "verb")):
            for m in rx[key].finditer(text, sent.start, sent.end) if gate(key, low) else ():
                s, e = m.start("a"), m.end("b")
                if free(s, e):
                    tally = Count(
                        float(m.group("a")), "tally", "exact", 0.0, float(m.group("b")), frozenset({_tally_class(m.group(word))})
                    )
                    add(s if key == "tally_verb" else m.start(), e if key == "tally_verb" else m.end(), tally, "tally")
        for m in rx["age_comma"].finditer(text, sent.start, sent.end):
            if m.group("name").lower() in months or m.group("name").lower() in _age_not_names():
                continue
            s, e = m.start("num"), m.end("num")
            who = _name_run(text, sent.start, m.end("name"), backward=True)
            if m.group("when") == "then":
                past_ages.add((s, e))  # "Roe, then 15,": her age at the time
            add(s, e, Count(float(m.group("num")), "age", nouns=frozenset({"age"}), measure="age"), "age", who)
        for m in rx["age_both"].finditer(text, sent.start, sent.end) if " both " in low else ():
            s, e = m.start("num"), m.end("num")
            names = re.findall(r"[A-Z][\w'’\-]*", text[max(sent.start, m.start("name") - 80) : m.end("name")])
            who = tuple(dict.fromkeys(w.lower() for w in names if w.lower() not in _age_not_names()))[-6:]
            if free(s, e) and 0 < int(m.group("num")) <= 120:
                add(
                    text.index("both", m.end("name"), e),
                    e,
                    Count(float(m.group("num")), "age", nouns=frozenset({"age"}), measure="age"),
                    "age",
                    who,
                )
        for m in rx["age_hyphen"].finditer(text, sent.start, sent.end) if gate("age_hyphen", low) else ():
            val = _value_of(m.group("num"))
            if val and free(m.start(), m.end()):
                appos = re.search(
                    r"([A-Z][\w'’\-]*(?:\s+[IVX]+)?),\s+(?:a|an|the)\s+$", text[max(sent.start, m.start() - 60) : m.start()]
                )
                if appos:  # "Jane Roe, a 44-year-old nurse": the name in apposition
                    who = _name_run(text, sent.start, m.start() - len(appos.group(0)) + len(appos.group(1)), backward=True)
                else:
                    who = _name_run(text, m.end(), sent.end, backward=False)
                if re.search(r"\bthen[-\s]+$", text[max(sent.start, m.start() - 6) : m.start()], re.I):
                    past_ages.add((m.start(), m.end()))  # "the then-15-year-old": his age at the time, not now
                add(m.start(), m.end(), Count(val[0], "age", nouns=frozenset({"age"}), measure="age"), "age", who)
        for m in rx["age_word"].finditer(text, sent.start, sent.end) if gate("age_word", low) else ():
            s, e = m.start("num"), m.end("num")
            n = float(m.group("num"))
            if free(s, e) and 0 < n <= 120:
                who = _name_run(text, sent.start, m.start(), backward=True) or _subject_person(article, sent, m.start())
                add(m.start("cue"), e, Count(n, "age", nouns=frozenset({"age"}), measure="age"), "age", who[-3:])
        for m in rx["ordinal"].finditer(text, sent.start, sent.end) if gate("ordinal", low) else ():
            got = _ordinal_role(text, sent, m)
            if got and free(got[0], got[1]):
                s0, e0, n, head, who = got
                add(s0, e0, Count(float(n), "ordinal", nouns=frozenset({canon(head)}), measure="ordinal"), "ordinal", who)
        for m in rx["calibre"].finditer(text, sent.start, sent.end) if gate("calibre", low) else ():
            if free(m.start(), m.end()):
                add(
                    m.start(),
                    m.end(),
                    Count(float(m.group("num")), "calibre", nouns=frozenset({"calibre"}), measure="calibre"),
                    "calibre",
                )
        for m in rx["magnitude"].finditer(text, sent.start, sent.end) if gate("magnitude", low) else ():
            num = m.group("num") or m.group("num2")
            if free(m.start(), m.end()):
                n, unit = quantity.parse_figure(num)
                add(
                    m.start(),
                    m.end(),
                    Count(
                        n, "magnitude", "exact", 0.0 if unit == 0 else unit, None, frozenset({"magnitude"}), measure="magnitude"
                    ),
                    "magnitude",
                )
        for m in rx["height"].finditer(text, sent.start, sent.end) if gate("height", low) else ():
            if free(m.start(), m.end()):
                ft, inch = int(m.group("ft")), int(m.group("inch"))
                base = ft * 0.3048 + inch * 0.0254
                add(
                    m.start(),
                    m.end(),
                    Count(ft + inch / 12, f"{ft} ft {inch} in", nouns=frozenset({"height"}), measure="height", base=base),
                    "height",
                )
                # "5-foot-10, 165 pounds" (often written "5-foot-10,165 pounds"): the weight after a height
                w = re.match(r",\s*(?:and\s+)?(\d{2,3})[\s-]?(pounds|pound|lbs?)\b", text[m.end() : sent.end])
                if w:
                    ws, we = m.end() + w.start(1), m.end() + w.end(2)
                    n = float(w.group(1))
                    add(ws, we, Count(n, w.group(2), nouns=frozenset({"mass"}), measure="mass", base=n * 0.45359237), "pounds")
        _find_measures(text, sent, rx, taken, free, add, label_before)
        pending: list[tuple[int, int, Count, str]] = []
        pos = sent.start
        while (m := next(_hedged(rx, "count", text, sent.start, sent.end, pos), None)) is not None:
            pos = m.end("num")
            s = m.start()
            num = m.group("num")
            if not free(m.start("num"), m.end("num")):
                continue
            if not num[0].isdigit() and num.split()[0].split("-")[0].lower() in scales:
                continue  # "million" left over from a sum the money rule reads
            if re.match(r"s?\s+of\b", text[m.end("num") : m.end("num") + 5]) and not num[0].isdigit():
                continue  # "dozens of", "dozen of": no figure
            val = _value_of(num)
            if val is None or val[0] < 1:
                continue
            value, unit = val
            one_word = value < 2 and not num[0].isdigit()  # "one person": a count only in a frame ("killing one person")
            seen = _before(text, sent.start, s)
            before, prev, prev_word = seen
            if label_before(s, seen):
                continue
            if (
                prev
                and prev[-1][0].isupper()
                and s > sent.start + len(prev[-1]) + 1
                and not m.group("hedge")
                and prev_word not in quantity.hedge_table()
                and not prev_word.endswith("s")
                and re.search(r"[A-Za-z.]\s+$", before)
            ):
                continue  # "Route 9", "Gate 31": a label after a proper name (not "off Cape Rell, seven people")
            if 1900 <= value <= 2099 and num.isdigit() and not m.group("hedge"):
                continue  # a year
            high = None
            if m.group("high"):
                hv = quantity.parse_figure(m.group("high"))[0]
                if hv > value:
                    high = hv
            split = _SPLIT_RE.match(m.group("rest"))
            parts: tuple[float, ...] = ()
            if split and not high and (second := _value_of(split.group("num"))) is not None:
                # "17 Northern and 13 Southern delegates": one count of 30 delegates, in two parts
                np = _noun_phrase(m.group("rest")[split.end() - 1 :], True)
                if np is None:
                    continue
                noun, nouns, length = np
                end = m.start("rest") + split.end() - 1 + length
                parts = (value, second[0])
                value += second[0]
            else:
                np = _noun_phrase(m.group("rest"), value != 1)
                if np is None:
                    continue
                noun, nouns, length = np
                end = m.start("rest") + length
            if not parts and (bd := _breakdown(text, end, sent.end, value)) is not None:
                end, parts = bd  # "30 delegates (17 Northern and 13 Southern)", "Of 30 delegates, 17 are from X and 13 from Y"
            hedge = "range" if high else quantity.hedge_class(m.group("hedge"))
            start = m.start() if m.group("hedge") or m.group("between") else m.start("num")
            measure = frames.measure_of(_words_before(text, sent.start, start), noun, _words_after(text, end, sent.end)) or ""
            if one_word and not (measure and canon(noun) in _persons()):
                continue
            if re.match(r"[\s-]+of\b", m.group("rest")):
                parts_of.add((start, end))  # "9,000 of the letters": a part of a count, not the count
            part = _part_out_of(text, sent.start, start, value)
            if part is not None:  # "lost three out of four pumps": three pumps (the four is their whole)
                ps, pn = part
                pending.append((ps, end, Count(pn, noun, "exact", 0.0, None, nouns, measure=measure), noun))
                pos = end
                continue
            if parts:
                breakdowns.add((start, end))
            pending.append((start, end, Count(value, noun, hedge, unit, high, nouns, parts, measure=measure), noun))
            pos = end
        # parts that add up: "51 passengers and three crew"
        i = 0
        while i < len(pending):
            s, e, c, noun = pending[i]
            if i + 1 < len(pending):
                s2, e2, c2, noun2 = pending[i + 1]
                if (
                    re.fullmatch(r"\s*(?:and|plus|,)\s*", text[e:s2])
                    and c.nouns & persons
                    and c2.nouns & persons
                    and c.hedge == c2.hedge == "exact"
                ):
                    total = Count(
                        c.n + c2.n,
                        f"{noun} and {noun2}",
                        "exact",
                        0.0,
                        None,
                        c.nouns | c2.nouns | {"people"},
                        (c.n, c2.n),
                        measure=c.measure or c2.measure,
                    )
                    add(s, e2, total, "people")
                    i += 2
                    continue
            add(
                s, e, c, c.measure if frames.is_static(c.measure) else noun
            )  # a town's population is its head, whoever is counted
            i += 1
        for m in rx["vague"].finditer(text, sent.start, sent.end) if gate("vague", low) else ():
            if not free(m.start(), m.end()):
                continue
            np = _noun_phrase(" " + m.group("rest"), True)
            if np is None:
                continue
            noun, nouns, length = np
            end = m.start("rest") + length - 1
            lo, hi = _v()["vague"][m.group("vague").lower()]
            measure = frames.measure_of(_words_before(text, sent.start, m.start()), noun, _words_after(text, end, sent.end)) or ""
            vague = Count(float(lo), noun, "range", 0.0, float(hi), nouns, measure=measure, vague=m.group("vague").lower())
            add(m.start(), end, vague, noun)
        # none: "no one was killed", "nobody was hurt", "no deaths"
        for m in rx["zero"].finditer(text, sent.start, sent.end) if gate("zero", low) else ():
            if not free(m.start(), m.end()):
                continue
            noun = m.group("noun")
            measure = frames.measure_of_noun(noun) if noun else frames.measure_after(_words_after(text, m.end(), sent.end))
            if not measure or not frames.counts_people(measure):
                continue
            add(m.start(), m.end(), Count(0.0, "", "exact", 0.0, None, frozenset(), measure=measure), measure)
        # a bare figure whose frame says what it measures: "killing seven", "50 were hurt", "the death toll rose to 10"
        for m in _hedged(rx, "bare", text, sent.start, sent.end):
            num = m.group("num")
            ns, ne = m.start("num"), m.end("num")
            if not free(m.start(), m.end()) or label_before(m.start()):
                continue
            val = _value_of(num)
            if val is None or (num.isdigit() and 1900 <= val[0] <= 2099 and not m.group("hedge")):
                continue
            nxt = _words_after(text, ne, sent.end, 1)
            if (
                nxt
                and (nxt[0] in stop - _bare_followers() or nxt[0] in months)
                or re.match(r"\s*(?:%|-\w|\.\d)", text[ne : ne + 3])
            ):
                continue  # "10 years", "one of them", "7-year-old": not a count of its own
            if not num[0].isdigit() and num.split()[0].split("-")[0].lower() in scales:
                continue
            measure = frames.measure_before(_words_before(text, sent.start, m.start(), 14)) or frames.measure_after(
                _words_after(text, ne, sent.end)
            )
            if not frames.allows_bare(measure) or (val[0] < 1 and not num[0].isdigit()):
                continue
            if measure == "age":
                continue
            hedge = quantity.hedge_class(m.group("hedge"))
            start = m.start() if m.group("hedge") else ns
            add(start, ne, Count(val[0], "", hedge, val[1], None, frozenset(), measure=measure), measure)
        for s, e, n, measure in _victims(text, sent, sent_words[sent]):
            if free(s, e):
                add(s, e, _victim_count(n, measure), measure)
        elided = _elided(text, sent, article.sentences, out) or _parallel(text, sent, out)
        if elided and free(elided[0], elided[1]):
            add(*elided)
    return out


SOURCE_KINDS = ("person", "official", "body", "document", "name")  # a named source; "residents said" is none


def _source_of(article: Article, start: int, end: int) -> str:
    """Who the figure is attributed to: the named speaker of the narrowest attribution whose reported
    text holds it ("the USGS said the quake measured 6.1", "6.1, according to the USGS"), else ""."""
    best = None
    for at in speech.speech_of(article).attributions:
        r, sp = at.region, at.speaker
        if sp is None or sp.kind not in SOURCE_KINDS or not (r.start <= start and end <= r.end):
            continue
        if best is None or r.end - r.start < best[0]:
            best = (r.end - r.start, sp.name)
    return best[1] if best else ""


def _same_source(a: str, b: str) -> bool:
    """One source named two ways: the same name, or one inside the other ("the central bank" and "the
    central bank's monthly bulletin", a body and its document)."""
    wa, wb = _source_words(a), _source_words(b)
    return wa <= wb or wb <= wa or entities.same_name(a, b)


def _source_words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", name.lower())) if w != "the")


_BE = re.compile(r"\s+(?:was|is|became|will\s+be)\s+$")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]*\Z")
_BE_AFTER = re.compile(r"\s+(?:was|is|will\s+be)\s+")


def _ordinal_role(text: str, sent: Span, m: re.Match[str]) -> tuple[int, int, int, str, tuple[str, ...]] | None:
    """(start, end, rank, role, person) of "Roe was the first witness" or "The first witness was Jo Roe":
    a person's rank among the people of a role (the role a person noun, the person named beside it)."""
    words = list(re.finditer(r"[a-z][\w\-]*", m.group("np")))
    head = None
    for w in words:
        if w.group() in _victim_words()["stop"] or w.group().endswith("ed"):
            break
        head = w
    if head is None or not _person(head.group()):
        return None
    end = m.start("np") + head.end()
    rank = int(_v()["ordinals"][m.group("ord").lower()])
    before = _BE.search(text, max(sent.start, m.start() - 12), m.start())
    if before:  # "Roe was the first witness"
        who = _name_run(text, sent.start, before.start(), backward=True)
        run = _NAME_BEFORE.search(text, max(sent.start, before.start() - 60), before.start())
        if who and run:
            return run.start(), end, rank, head.group(), who
    after = _BE_AFTER.match(text, end)
    if after:  # "The prosecution's first witness was Kathie's mother, Jo Roe"
        clause = re.match(r"[^.;:]{0,80}", text[after.end() : sent.end]).group()
        names = re.findall(r"((?:[A-Z][\w'’\-]*\s+){0,2}[A-Z][\w'’\-]*)(?![\w'’])(?!['’]s)", clause)
        if names:
            last = names[-1]
            pos = after.end() + clause.rfind(last)
            who = tuple(w.lower() for w in last.split() if w.lower() not in _age_not_names())
            if who:
                return m.start(), pos + len(last), rank, head.group(), who
    return None


def _victim_count(n: int, measure: str) -> Count:
    return Count(float(n), "", "exact", 0.0, None, frozenset(), measure=measure)


_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*|--|[^\w\s]")


@functools.cache
def _victim_words() -> dict[str, Any]:
    v = _v()["victims"]
    return {
        "openers": frozenset(v["openers"]),
        "passive_openers": frozenset(v["passive_openers"]),
        "endings": tuple(v["person_endings"]),
        "words": frozenset(v["person_words"]),
        "not": frozenset(v["not_persons"]),
        "pair": frozenset(v["pair_words"]),
        "later_openers": frozenset(v["later_openers"]),
        "passive": frozenset(v["passive_verbs"]),
        "stop": frozenset(_v()["bare_followers"]) | frozenset(v["stops"]),
    }


def _person(word: str) -> bool:
    """A noun that names a person: a person noun of the vocabulary, or a singular with a person's ending."""
    w = word.lower()
    V = _victim_words()
    if w in V["not"] or not w.isalpha():
        return False
    return canon(w) in _persons() or w in V["words"] or (len(w) > 4 and w.endswith(V["endings"]))


def _people_list(tokens: list[re.Match[str]], k: int, openers: frozenset[str]) -> tuple[int, int] | None:
    """People named one by one from tokens[k]: "a deckhand and a ship's cook" -> (2, index past it).

    A later person may open with "the" or a possessive, or with no article after a plain "and" ("a
    guard and bus driver"); ", and state police said ..." ends the list where it stood.
    """
    V = _victim_words()
    limit = _v()["victims"]["max_words"]
    n, done = 0, None
    while k < len(tokens):
        first = tokens[k].group().lower()
        opened = first in openers or bool(n and first in V["later_openers"])
        if opened:
            k += 1
        elif n == 0 or done is None or done[2]:
            return done[:2] if done else None  # the first needs its article; after ", and" so does the next
        # a later person that opens like one ("and a paramedic") and is not read as one: unsure, say nothing
        fail = None if opened else (done[:2] if done else None)
        words = 0
        while k + words < len(tokens) and words < limit:
            w = tokens[k + words].group()
            if not w[0].isalpha() or w.lower() in V["stop"] or w.lower().endswith("ing"):
                break
            words += 1
        if words == 0 or not _person(tokens[k + words - 1].group()):
            return fail
        k += words
        if k < len(tokens) and tokens[k].group().lower() == "of":
            return fail  # "a member of the crew", "a number of people": not one person
        n += 1
        nxt = [t.group().lower() for t in tokens[k : k + 2]]
        if nxt[:1] == ["and"] or nxt == [",", "and"] or (nxt[:1] == [","] and nxt[1:] and nxt[1] in openers):
            done = (n, k, nxt[:1] != ["and"])  # after a comma the next person needs its article
            k += 1 if nxt[:1] == ["and"] or nxt[1] in openers else 2
            continue
        return n, k
    return (n, k) if n else None


def _victims(text: str, sent: Span, words: frozenset[str] | None = None) -> list[tuple[int, int, int, str]]:
    """People a verb of a people measure names one by one: (start, end, how many, measure).

    "killing a deckhand and a ship's cook" (2 deaths), "A guard and
    a driver were hurt" (2 injured), "the cashier -- Jo Roe -- was shot
    dead" (1 death), "wounding both" (2 injured).
    """
    V = _victim_words()
    if words is not None and _victim_verbs().isdisjoint(words):
        return []  # no verb of a people measure: the cheap test before the full gate
    if not _victim_gate().search(text, sent.start, sent.end):
        return []
    tokens = list(_TOKEN.finditer(text, sent.start, sent.end))
    out: list[tuple[int, int, int, str]] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        w = t.group().lower()
        measure = None
        if w in V["openers"] or w in V["pair"]:
            measure = frames.measure_before(_words_before(text, sent.start, t.start()))
        if measure and frames.counts_people(measure) and frames.allows_bare(measure):
            if w in V["pair"]:
                out.append((t.start(), t.end(), 2, measure))
                k += 1
                continue
            got = _people_list(tokens, k, V["openers"])
            if got:
                n, k2 = got
                out.append((t.start(), tokens[k2 - 1].end(), n, measure))
                k = k2
                continue
        # the passive, at the start of a clause: "A guard and a driver were hurt"
        at_clause = k == 0 or tokens[k - 1].group() in (",", ";", "--", "—", "–", ":")
        if at_clause and w in V["passive_openers"]:
            got = _people_list(tokens, k, V["passive_openers"])
            if got:
                n, k2 = got
                end = tokens[k2 - 1].end()
                rest = text[end : sent.end]
                appos = _APPOSITION.match(rest)
                pos = end + (appos.end() if appos else 0)
                verb = re.match(r"\s*(\w+)", text[pos : sent.end])
                if verb and verb.group(1).lower() in V["passive"] and (verb.group(1).lower() == "were") == (n > 1):
                    after = _words_after(text, pos, sent.end)
                    measure = frames.measure_after(after)
                    if measure and frames.counts_people(measure) and frames.allows_bare(measure):
                        phrase = _measure_phrase(text, pos, sent.end, after)
                        out.append((t.start(), phrase, n, measure))
                        k = k2
                        continue
        k += 1
    return out


@functools.cache
def _victim_verbs() -> frozenset[str]:
    return frames.people_verbs()


@functools.cache
def _victim_gate() -> re.Pattern[str]:
    """A people verb right before an opener ("killing a", "wounding both"), or "was"/"were" a few words
    before one ("the guard was shot dead"): a sentence with neither names no victims one by one."""
    verbs = "|".join(re.escape(w) for w in sorted(frames.people_verbs(), key=vocab.longest_first))
    V = _victim_words()
    openers = "|".join(re.escape(w) for w in sorted(V["openers"] | V["pair"]))
    return re.compile(rf"\b(?:{verbs})\s+(?:{openers})\b|\b(?:was|were)\s+(?:\w+\s+){{0,2}}?(?:{verbs})\b", re.I)


_APPOSITION = re.compile(r"\s*(?:--|—|–|,)\s*[A-Z][^,;—–()]{0,40}?\s*(?:--|—|–|,)")


def _measure_phrase(text: str, pos: int, hi: int, after: list[str]) -> int:
    """The end of "was shot dead" after `pos`: the fewest words after it that give the measure."""
    words = list(re.finditer(r"[A-Za-z]+", text[pos:hi]))
    for n in range(1, min(len(words), len(after), 7) + 1):
        if frames.measure_after(after[:n]):
            return pos + words[n - 1].end()
    return pos + words[min(len(words), 3) - 1].end() if words else pos


def _elided(text: str, sent: Span, sentences: list[Span], found: list[Claim]):
    """A figure whose noun the sentence before gave: "... with 1,480 goals. Roe now has 1,512." ->
    (start, end, Count, head), borrowing the noun and measure of that nearest earlier count of a like size."""
    E = _v()["elided"]
    m = _elided_re().search(text, sent.start, sent.end)
    if m is None or text[m.end() : sent.end].strip(" \"”’'") not in ("", ".", ";", "!"):
        return None
    val = _value_of(m.group("num"))
    if val is None or not m.group("num")[0].isdigit() or (1900 <= val[0] <= 2099 and "," not in m.group("num")):
        return None
    idx = next((i for i, x in enumerate(sentences) if x == sent), None)
    if idx is None:
        return None
    window = sentences[max(0, idx - E["sentences"]) : idx]
    if not window:
        return None
    for c in reversed(found):
        v = c.value
        if c.start < window[0].start or c.sentence == sent:
            continue
        if not v.noun or v.noun in ("%", "tally", "age") or v.measure == "age" or v.base is not None:
            return None  # the count just before is no counted noun to borrow: say nothing
        if not (1 / E["ratio"] <= val[0] / max(v.n, 1e-9) <= E["ratio"]):
            return None
        count = Count(val[0], v.noun, "exact", val[1], None, v.nouns, measure=v.measure)
        return m.start("num"), m.end("num"), count, c.head
    return None


def _parallel(text: str, sent: Span, found: list[Claim]):
    """A figure whose noun its own sentence gave after the same verb: "The suit against X names 14
    tenants, while the suit against Y names only three." -> (start, end, Count, head) of "three" tenants."""
    for c in reversed(found):
        if c.sentence != sent:
            break
        v = c.value
        if not v.noun or v.noun in ("%", "tally", "age") or v.base is not None or v.measure == "age":
            continue
        verb = _LAST_WORD.search(text, max(sent.start, c.start - 30), c.start)
        if verb is None or len(verb.group(1)) < 3:
            continue
        m = _parallel_re().search(text, c.end, sent.end)
        if m is None or m.group("verb").lower() != verb.group(1).lower():
            continue
        val = _value_of(m.group("num"))
        if val is None:
            continue
        return m.start("num"), m.end("num"), Count(val[0], v.noun, "exact", val[1], None, v.nouns, measure=v.measure), c.head
    return None


@functools.cache
def _parallel_re() -> re.Pattern[str]:
    numw = quantity.number_word_re(with_scales=False)
    skip = "|".join(re.escape(w) for w in _v()["elided"]["skip"])
    return re.compile(
        rf"[,;]\s+(?:{'|'.join(re.escape(w) for w in _v()['elided']['openers'])})\b[^,;]{{0,60}}?\b(?P<verb>[A-Za-z]+)\s+"
        rf"(?:(?:{skip})\s+)?(?P<num>\d[\d,]*|{numw})\s*(?:[.;!]|$)",
        re.I,
    )


@functools.cache
def _elided_re() -> re.Pattern[str]:
    E = _v()["elided"]
    verbs = "|".join(re.escape(w) for w in E["verbs"])
    skip = "|".join(re.escape(w) for w in E["skip"])
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:{skip})\s+)?(?P<num>\d[\d,]*(?:\.\d+)?)(?![\w,.]*\w)", re.I)


@functools.cache
def _bare_followers() -> frozenset[str]:
    """Words of `not_counted` that may follow a bare count ("killing 10 and injuring 20", "10 were hurt")."""
    return frozenset(_v()["bare_followers"])


def _find_measures(text: str, sent, rx, taken: list[tuple[int, int]], free, add, label_before) -> None:
    """Figures with a unit: "64 miles", "3,500ft", "110 mph", "weighing 150 pounds"; a conversion after one
    in brackets ("64 miles (103 kilometres)") is the same measure and not claimed again."""
    context = text[sent.start : sent.end]
    last_end = -1
    last_dim = ""
    for m in _hedged(rx, "measure", text, sent.start, sent.end):
        ns = m.start("num")
        ne = m.end("high") if m.group("high") else m.end("num")
        if not free(m.start(), m.end()) or label_before(m.start()):
            continue
        u = units.read_unit(text, ne, sent.end, context)
        if u is None:
            continue
        val = _value_of(m.group("num"))
        if val is None:
            continue
        start = m.start() if m.group("hedge") or m.group("between") else ns
        high = None
        if m.group("high"):
            hv = quantity.parse_figure(m.group("high"))[0]
            high = hv if hv > val[0] else None
        if (
            last_end >= 0
            and u.dimension == last_dim
            and re.fullmatch(r"\s*\(\s*(?:about|around|some|roughly|nearly)?\s*", text[last_end:start])
        ):
            taken.append((start, u.end))  # "(103 kilometres)": the conversion of the measure just before
            continue
        hedge = "range" if high else quantity.hedge_class(m.group("hedge"))
        base = u.base((val[0] + high) / 2) if high else u.base(val[0])
        noun = text[ne : u.end].strip(" -")
        add(
            start,
            u.end,
            Count(val[0], noun, hedge, val[1], high, frozenset({u.dimension}), measure=u.dimension, base=base),
            u.word,
        )
        last_end, last_dim = u.end, u.dimension


def compare_values(a: Count, b: Count) -> str:
    if a.noun == "tally" or b.noun == "tally":
        return "same" if (a.n, a.high) == (b.n, b.high) else "differ"
    if a.base is not None and b.base is not None and a.noun.lower() != b.noun.lower():
        # one measure in two units ("64 miles" / "103 kilometres"): equal once converted, within the rounding
        x, y = abs(a.base), abs(b.base)
        if max(x, y) == 0 or abs(x - y) / max(x, y) <= units.tolerance():
            return "same" if a.hedge == b.hedge else "compatible"
        ia = quantity.interval(a.base, 0.0, a.hedge)
        ib = quantity.interval(b.base, 0.0, b.hedge)
        return "compatible" if ia.intersects(ib) else "differ"
    if a.parts and b.parts and len(a.parts) == len(b.parts) and a.n == b.n and sorted(a.parts) != sorted(b.parts):
        return "differ"  # 30 in all either way, but split 17 and 13 in one and 16 and 14 in the other
    if (a.n, a.hedge, a.high) == (b.n, b.hedge, b.high) or (
        a.high is None and b.high is None and quantity.same_figure(a.n, b.n, a.hedge, b.hedge)
    ):
        return "same"
    ia = quantity.interval(a.n, a.unit, "exact" if a.hedge == "range" else a.hedge, a.high)
    ib = quantity.interval(b.n, b.unit, "exact" if b.hedge == "range" else b.hedge, b.high)
    return "compatible" if ia.intersects(ib) else "differ"


def compare(a: Claim, b: Claim) -> str:
    return compare_values(a.value, b.value)


def _hedge_word(cls: str) -> str:
    """How the report words a hedge before a count ("fewer than", not "less than")."""
    word = _v()["hedge_words"].get(cls) or quantity.hedge_word(cls)
    return f"{word} " if word else ""


def describe(claim: Claim) -> str:
    c: Count = claim.value
    said = f", according to {c.source}" if c.source else ""
    return _describe(c) + said


def _describe(c: Count) -> str:
    n = quantity.fmt_amount(c.n)
    if c.noun == "tally":
        return f"{n}-{quantity.fmt_amount(c.high or 0)}"
    if c.noun == "%":
        return f"{_hedge_word(c.hedge)}{n}%" if c.high is None else f"{n}-{quantity.fmt_amount(c.high)}%"
    if c.noun == "age":
        return f"aged {n}"
    if c.noun == "calibre":
        return f".{n} calibre"
    if c.noun == "ordinal":
        return f"number {n} {'/'.join(sorted(c.nouns))}"
    if c.measure == "height":
        return c.noun
    noun = c.noun or _measure_word(c.measure)
    if c.vague:
        return f"{c.vague} of {noun}"
    if c.high is not None:
        return f"{n} to {quantity.fmt_amount(c.high)} {noun}"
    parts = f" ({' + '.join(quantity.fmt_amount(p) for p in c.parts)})" if c.parts else ""
    return f"{_hedge_word(c.hedge)}{n} {noun}{parts}"


def _measure_word(measure: str) -> str:
    """How a report names a bare figure's measure: "10 killed", "80 injured"."""
    return _v()["measure_words"].get(measure, measure)


@functools.cache
def _people_suffixes() -> tuple[str, ...]:
    """Endings of capitalised plurals that name people ("Brevians", "Iraqis", "Democrats"), not places."""
    return tuple(_v()["people_suffixes"])


@functools.cache
def _persons() -> frozenset[str]:
    return frozenset(canon(w) for w in [*_v()["person_nouns"], *_v()["generic_nouns"]])


@functools.cache
def _generic() -> frozenset[str]:
    return frozenset(canon(w) for w in _v()["generic_nouns"])


def _tally_class(word: str) -> str:
    """What a tally tallies: "result" for a win or a loss ("beat", "victory"), "vote" for a vote, else the noun."""
    w = word.lower()
    return _v()["tally_classes"].get(w, canon(w))


def _models(c: Count) -> frozenset[str]:
    """The model names among a count's counted words ("xr9" of "seven XR-9 rifles")."""
    return _models_of(c.nouns)


@functools.lru_cache(maxsize=4096)
def _models_of(nouns: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in nouns if any(ch.isdigit() for ch in w))


def _special(c: Count) -> str | None:
    """The kind of figure that meets only its own kind: a percentage, an age, a tally, a magnitude, a unit's dimension."""
    if c.noun in ("%", "age", "tally", "magnitude", "calibre", "ordinal"):
        return c.noun
    if c.base is not None:
        return c.measure
    return None


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two figures may be one fact: the same measure (frame), and the counted things meet.

    A discrepancy needs more than a possible match: two ages differ only when
    both name one person, two counts of people only when their measure
    classes agree or they count the same noun. Prefer silence.
    """
    va, vb = a.value, b.value
    if a.role != b.role:
        return False
    if (va.vague or vb.vague) and compare_values(va, vb) == "differ":
        return False  # "dozens" against "12": too loose a word to be a wrong figure
    if _other_time(va.when, vb.when) and compare_values(va, vb) == "differ":
        return False  # "injuring 40" and "injured almost 50 in September": two times, maybe two events
    if va.source and vb.source and not _same_source(va.source, vb.source) and compare_values(va, vb) == "differ":
        return False  # each on its own source's word ("the USGS said 6.1", "the centre said 5.9"): not outlets at odds
    ka, kb = _special(va), _special(vb)
    if ka or kb:
        if ka != kb:
            return False
        if ka == "tally":
            return bool(va.nouns & vb.nouns)  # a vote with a vote, a win with a win
        if ka == "ordinal":
            # one person's rank in one role, agreeing only (a series may be counted in two ways)
            return bool(va.nouns & vb.nouns and set(a.subject) & set(b.subject)) and compare_values(va, vb) == "same"
        if ka == "calibre":
            return compare_values(va, vb) == "same"  # a story may hold two guns: calibres only ever agree
        if ka == "age":
            if a.subject and b.subject:
                return bool(set(a.subject) & set(b.subject))
            return compare_values(va, vb) != "differ"  # whose age? only the same figure is worth aligning
        return True
    if va.measure and vb.measure and va.measure != vb.measure:
        return False  # killed and injured are never one count
    if bool(va.measure) != bool(vb.measure) and compare_values(va, vb) == "differ":
        return False  # "three pipes were damaged" / "the four pipes": a discrepancy needs the same measure
    ma, mb = _models(va), _models(vb)
    if ma and mb and not ma & mb:
        return False  # two models ("A320 jets", "B737 jets") are two counts
    if bool(ma) != bool(mb) and compare_values(va, vb) == "differ":
        return False  # "seven XR-9 rifles" and "nine rifles": the nine may count every kind
    same_noun = a.head == b.head or bool(va.nouns & vb.nouns)
    generic, people = _raw_nouns()
    na, nb = va.noun.lower(), vb.noun.lower()
    if not same_noun and (na in generic and nb in people or nb in generic and na in people):
        return compare_values(va, vb) != "differ"  # "20 individuals" / "20 women": the same figure of people
    if not same_noun and (va.measure or vb.measure) and not (va.measure and vb.measure):
        bare, other = (va, vb) if va.measure else (vb, va)
        if frames.counts_people(bare.measure) and not bare.nouns and other.nouns & _persons():
            return compare_values(va, vb) != "differ"  # "a population of 42,000" / "42,000 residents": only the same figure
    if va.measure and va.measure == vb.measure:
        if frames.counts_people(va.measure) and (
            same_noun or not va.nouns or not vb.nouns or va.nouns & _generic() or vb.nouns & _generic()
        ):
            return True
        # "31 smugglers" / "31 men" arrested, "four pipelines" / "four lines" cut: one count;
        # different figures need one noun
        return same_noun or compare_values(va, vb) != "differ"
    return same_noun


def affinity(a: Claim, b: Claim) -> float:
    """1 when the two count the same thing: one measure class of people, one counted noun, or one person's age."""
    va, vb = a.value, b.value
    if va.noun == "age" and vb.noun == "age":
        if a.subject and b.subject:
            return 1.0 if set(a.subject) & set(b.subject) else 0.0
        # one age names nobody ("a 41-year-old nurse"): only its figure can tie it to a named one
        return 0.5 if compare_values(va, vb) == "same" else 0.0
    ma, mb = _models(va), _models(vb)
    if ma and mb and ma & mb:
        return 1.0
    if bool(ma) != bool(mb):
        return 0.5  # "seven XR-9 rifles" / "seven rifles": likely, not surely, one count
    if va.measure and va.measure == vb.measure and frames.is_static(va.measure):
        return 1.4  # one town's population, one quake's magnitude: stated once a story, however worded
    if a.head and a.head == b.head:
        return 1.0
    if va.measure and va.measure == vb.measure and (frames.counts_people(va.measure) or va.base is not None):
        return 1.0
    if va.measure and va.measure == vb.measure and not va.nouns & vb.nouns:
        return 0.5  # one measure ("damaged"), two nouns ("pipelines" / "lines")
    return 1.0 if va.nouns & vb.nouns - {"%"} else 0.0


def magnitude(claim: Claim) -> float | None:
    c: Count = claim.value
    return (c.n + c.high) / 2 if c.high and c.noun != "tally" else c.n
