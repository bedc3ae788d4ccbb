"""FC106 names: the people and bodies a story names, and the roles it gives them.

What it finds
    Every person and body an article names (checker/entities.py), with the
    variants that are one entity resolved across the story: "Judge Helena
    K. Marsh", "Judge Marsh" and "HHJ Helena Marsh"; "Bill" and "William";
    "Jian Ming" and "Jianming"; a body and its acronym ("National Rail Safety
    Agency", "NRSA"). It reports:

    - an agreement for each person or body two or more articles name, when
      one of them names it in full (two words or more, or an acronym), its
      claims the fullest name each article gives;
    - a discrepancy when articles give one person roles one person cannot
      hold together (a prosecutor in one, a detective in the other; "CEO" and
      "chief executive", "Judge" and "HHJ" are one role), and when they give
      one office of one body (its chief executive, a county's sheriff) to two
      different people;
    - a discrepancy when articles give one person one office at two ranks
      ("Assistant District Attorney" / "District Attorney", "deputy associate
      director" / "associate director"), both present or both past, for an
      office one person heads (a deputy public defender is still a public
      defender), read from formal titles and appositions ("Jane Roe was deputy
      director"), not from lowercase descriptions before a name;
    - a discrepancy when a relative who is the source of the report ("his
      grandson Tom Roe said") has another given name in another article, and
      neither article names both.

    A name is never reported as one source's alone: the statements rule
    reports facts only one article gives. To keep the report short, at most
    ``MAX_FINDINGS`` findings per story: discrepancies first, then people
    with a role, then people, then bodies, the most often named first.

Why it matters
    A misspelt name or a role given to the wrong person is the correction a
    newsroom prints most often; a name written two ways across outlets must
    not read as two people.

Example
    A: Orvane CEO Bill Castellan-Reed announced the sale on Monday.
    B: The sale was announced by the chief executive, William Castellan-Reed.
    -> agreement (one man, one role)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from checker.claims import make_claim
from checker.compare import make_finding
from checker.entities import (
    Entity,
    Mention,
    find_mentions,
    given_names_match,
    kin_role,
    rank_start,
    rank_title,
    ranks_differ,
    roles_conflict,
    source_words,
    spelled_differently,
    surname,
    unique_role,
)
from checker.model import Article, Claim, Finding

CODE = "FC106"
NAME = "names"
REPORT_ALONE = False
MAX_FINDINGS = 8  # per story: an editor reads every line
ROLE_GAP = 60  # a role and its name this close (characters) make one span


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    kind: str
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "role": self.role}


def find_claims(article: Article) -> list[Claim]:
    return [_claim(article, m) for m in find_mentions(article) if m.kind in ("person", "body")]


def _claim(article: Article, m: Mention, with_role: bool = False, ranked: bool = False) -> Claim:
    start, end = m.start, m.end
    if with_role and m.role_span is not None and m.sentence.contains(m.role_span.start):
        rs = rank_start(article.text, m.role_span.start) if ranked else m.role_span.start
        if not m.sentence.contains(rs):
            rs = m.role_span.start
        s, e = min(start, rs), max(end, m.role_span.end)
        if e - s <= (end - start) + (m.role_span.end - m.role_span.start) + ROLE_GAP:
            start, end = s, e
    return make_claim(article, CODE, start, end, Name(m.text, m.kind, m.role), sentence=m.sentence)


def describe(claim: Claim) -> str:
    v = claim.value
    return f"{v.name} ({v.role})" if v.role else v.name


# ---------------------------------------------------------------- the story


def _as_written(m: Mention) -> str:
    return f"{m.prefix} {m.text}" if m.prefix else m.text


def _fullest(mentions: list[Mention]) -> Mention:
    return max(mentions, key=lambda m: (len(m.text.split()), len(m.text), -m.start))


def _by_article(e: Entity, order: list[str]) -> list[tuple[str, list[Mention]]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in e.mentions:
        groups[m.article].append(m)
    return [(a, groups[a]) for a in order if a in groups]


def _agreement(story, e: Entity) -> Finding:
    module = sys.modules[__name__]
    order = story.ids
    per = _by_article(e, order)
    chosen = [(aid, _fullest(ms)) for aid, ms in per]
    # a role written after the name ("Jane Roe, executive vice president of Acme") is part of what is agreed
    claims = tuple(_claim(story.article(aid), m, m.role_span is not None and m.role_span.start >= m.end) for aid, m in chosen)
    n, total = len(chosen), len(order)
    who = f"All {n} articles" if n == total and n > 2 else ("Both articles" if n == total else f"{n} of {total} articles")
    forms = ", ".join(f"'{_as_written(m)}' in {aid}" for aid, m in chosen)
    roles = [e.roles.get(aid, set()) for aid, _ in chosen]
    shared = set.intersection(*roles) if roles and all(roles) else set()
    tail = f", each as {min(shared)}" if shared else ""
    message = f"{who} name {e.label} (as {forms}){tail}.{_spelling_note(e, [m for _, m in chosen])}"
    return make_finding(
        module,
        "agreement",
        claims,
        message,
        e.label,
        agree=tuple(aid for aid, _ in chosen),
        why="one entity: name variants resolved",
    )


def _spelling_note(e: Entity, chosen: list[Mention]) -> str:
    """A name written with another spelling (not a nickname, an initial or a dropped middle name)."""
    if e.kind != "person":
        return ""
    forms: list[str] = []
    for m in chosen:
        if len(m.text.split()) < 2:
            continue
        if not any(not spelled_differently(m.text, f) for f in forms):
            forms.append(m.text)
    if len(forms) < 2:
        return ""
    return " Spelled differently: " + " / ".join(f"'{t}'" for t in forms) + "."


def _role_conflict(story, e: Entity) -> Finding | None:
    """One person, roles one person cannot hold together, in different articles."""
    module = sys.modules[__name__]
    order = story.ids
    arts = [a for a in order if e.roles.get(a)]
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            for ra in sorted(e.roles[a]):
                for rb in sorted(e.roles[b]):
                    if roles_conflict(ra, rb) and ra not in e.roles[b] and rb not in e.roles[a]:
                        ma = next(m for m in e.mentions if m.article == a and m.role == ra and not m.former)
                        mb = next(m for m in e.mentions if m.article == b and m.role == rb and not m.former)
                        claims = (_claim(story.article(a), ma, True), _claim(story.article(b), mb, True))
                        message = (
                            f"{a} gives {e.label} the role {ra} ({claims[0].text!r}); "
                            f"{b} gives the role {rb} ({claims[1].text!r})."
                        )
                        return make_finding(
                            module, "discrepancy", claims, message, e.label, why=f"roles {ra} and {rb} cannot be one person's"
                        )
    return None


def _titles(story, e: Entity) -> dict[str, list[tuple[str, bool, Mention]]]:
    """Per article, each role as written (lowercased, qualifiers dropped), whether past, and its mention."""
    out: dict[str, list[tuple[str, bool, Mention]]] = defaultdict(list)
    for m in e.mentions:
        if m.role and m.role_span is not None and not kin_role(m.role):
            text = story.article(m.article).text
            start = rank_start(text, m.role_span.start)
            if m.role_span.end <= m.start and not text[start].isupper():
                continue  # "public defender Jane Roe": a description (capitalised before a name, a formal title)
            out[m.article].append((rank_title(text[start : m.role_span.end]), m.former, m))
    return out


def _shares_surname(story, index, e: Entity, aid: str) -> bool:
    """Another person of the article has this person's surname (a relative): roles may be theirs."""
    own = {surname(m.text) for m in e.mentions if m.kind == "person"} - {""}
    for other in index.entities:
        if other.id == e.id or other.kind != "person" or aid not in other.articles:
            continue
        if any(surname(m.text) in own for m in other.mentions if m.article == aid):
            return True
    return False


def _rank_conflict(story, index, e: Entity) -> Finding | None:
    """One office at two ranks for one person ("District Attorney" / "Assistant District Attorney"),
    both present or both past (a past lower rank and a present higher one may be a promotion)."""
    module = sys.modules[__name__]
    titles = _titles(story, e)
    arts = [a for a in story.ids if titles.get(a)]
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            written_a = {t for t, _, _ in titles[a]}
            written_b = {t for t, _, _ in titles[b]}
            for ta, fa, ma in titles[a]:
                for tb, fb, mb in titles[b]:
                    if fa != fb or not ranks_differ(ta, tb):
                        continue
                    if ta in written_b and tb in written_a:
                        continue
                    if _shares_surname(story, index, e, a) or _shares_surname(story, index, e, b):
                        return None
                    claims = (_claim(story.article(a), ma, True, True), _claim(story.article(b), mb, True, True))
                    message = (
                        f"{a} gives {e.label} the title {ta} ({claims[0].text!r}); {b} gives the title {tb} ({claims[1].text!r})."
                    )
                    return make_finding(
                        module, "discrepancy", claims, message, e.label, why=f"{ta} and {tb}: one office, two ranks"
                    )
    return None


def _is_source(story, m: Mention) -> bool:
    text = story.article(m.article).text[m.sentence.start : m.sentence.end].lower()
    return not source_words().isdisjoint(re.findall(r"[a-z]+", text))


def _kin_conflicts(story, index) -> list[Finding]:
    """One relative, the source of the report, named by two given names: "his grandson Rob Roe" /
    "the grandson, Nick Roe". Silent when an article names both, or either one twice over."""
    module = sys.modules[__name__]
    kin: dict[tuple[str, str], dict[str, list[tuple[Entity, Mention]]]] = defaultdict(lambda: defaultdict(list))
    for e in index.entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            if kin_role(m.role) and len(m.text.split()) >= 2:
                kin[(m.role, surname(m.text))][m.article].append((e, m))
    out = []
    for (role, _), per in kin.items():
        arts = [a for a in story.ids if a in per and len({x.id for x, _ in per[a]}) == 1]
        found = None
        for i, a in enumerate(arts):
            ea, ma = per[a][0]
            for b in arts[i + 1 :]:
                eb, mb = per[b][0]
                if ea.id == eb.id or given_names_match(ma.text, mb.text):
                    continue
                if a in eb.articles or b in ea.articles:
                    continue  # an article names both: two relatives
                if not (_is_source(story, ma) and _is_source(story, mb)):
                    continue
                found = (a, ma, ea, b, mb, eb)
                break
            if found:
                break
        if found is None:
            continue
        a, ma, ea, b, mb, eb = found
        claims = (_claim(story.article(a), ma, True), _claim(story.article(b), mb, True))
        message = (
            f"{a} names the {role} {ma.text} ({claims[0].text!r}); {b} names the {role} {mb.text} "
            f"({claims[1].text!r}): one source, two given names."
        )
        out.append(make_finding(module, "discrepancy", claims, message, f"the {role} {ea.label}", why=f"one {role}, two names"))
    return out


def _office_conflicts(story, index) -> list[Finding]:
    """One office of one body given to two different people by different articles."""
    module = sys.modules[__name__]
    holders: dict[tuple[str, int], dict[str, dict[int, Mention]]] = defaultdict(lambda: defaultdict(dict))
    for e in index.entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            if not m.role or m.former or m.body is None or not unique_role(m.role):
                continue
            body = index.entity_at(m.article, m.body.start, m.body.end)
            if body is None or body == e.id:
                continue
            holders[(m.role, body)][m.article].setdefault(e.id, m)
    out = []
    for (role, body), per in holders.items():
        arts = [a for a in story.ids if a in per and len(per[a]) == 1]
        for i, a in enumerate(arts):
            ((pa, ma),) = per[a].items()
            other = next(((b, *next(iter(per[b].items()))) for b in arts[i + 1 :] if next(iter(per[b])) != pa), None)
            if other is None:
                continue
            b, pb, mb = other
            claims = (_claim(story.article(a), ma, True), _claim(story.article(b), mb, True))
            org = index.entities[body].label
            message = (
                f"{a} names {index.entities[pa].label} as {role} of {org} ({claims[0].text!r}); "
                f"{b} names {index.entities[pb].label} ({claims[1].text!r})."
            )
            out.append(
                make_finding(module, "discrepancy", claims, message, f"{role} of {org}", why=f"one {role} of {org} at a time")
            )
            break
    return out


def _rank(e: Entity) -> tuple:
    has_role = any(e.roles.values())
    # a body named by its initials in one article and in full in another: a variant an editor must see resolved
    initials = e.kind == "body" and len({_is_initials(m.text) for m in e.mentions}) == 2
    return (e.kind == "person" and has_role, initials, e.kind == "person", len(e.articles), len(e.mentions), -e.id)


def _is_initials(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and " " not in text


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    index = story.entities
    if len(story.articles) < 2:
        return []
    discrepancies: list[Finding] = []
    agreements: list[tuple[tuple, Finding]] = []
    for e in index.entities:
        if e.kind not in ("person", "body") or len(e.articles) < 2:
            continue
        if e.kind == "person":
            f = _role_conflict(story, e) or _rank_conflict(story, index, e)
            if f is not None:
                discrepancies.append(f)
                continue
        if e.full:
            agreements.append((_rank(e), _agreement(story, e)))
    discrepancies.extend(_office_conflicts(story, index))
    discrepancies.extend(_kin_conflicts(story, index))
    agreements.sort(key=lambda x: x[0], reverse=True)
    out = discrepancies[:MAX_FINDINGS]
    out.extend(f for _, f in agreements[: max(MAX_FINDINGS - len(out), 0)])
    return out
