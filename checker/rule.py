"""The rule contract: everything a rule module declares or defines, what it means, and its default.

A rule is one module in rules/, registered by code in ``rules.REGISTRY``. The
registry loads it through :func:`load`, which checks the module against this
contract and wraps it in a :class:`Rule` with every default filled in; the
engine only ever talks to that :class:`Rule`. A newcomer adds a rule with this
module alone: write the module, add it to the registry, add a case file.

There are two kinds of rule.

**Claim rule** (money, counts, dates): it finds claims and the engine does
the rest. ``checker/align.py`` lines up claims of different articles, using
the rule's ``comparable``, ``affinity`` and ``magnitude``; each aligned group
becomes an agreement or a discrepancy through the rule's ``compare``; each
claim left alone becomes an "unsupported" finding when ``REPORT_ALONE``.

**Story rule** (quotes, paraphrase, names, titles, statements, actors): its
facts need their own alignment, so it defines
``check_story(story, claims, evidence) -> list[Finding]`` and builds its
findings with ``checker.findings``.

Module-level names (``*`` required):

=======================  ==============================================================
``CODE`` *               "FC101": the stable code reports and ``--rules`` use
``NAME`` *               "money": the short name (also the case file tests/cases/NAME.toml)
docstring *              the user reference: a title line, then *What it finds*, *Why it
                         matters* and *Example* (run as a test)
``find_claims`` *        ``(article) -> list[Claim]``: the facts of this kind the article
                         states, built with ``checker.claims.make_claim`` (a story rule
                         that reads only evidence may omit it: no claims)
``compare``              ``(a, b) -> "same" | "compatible" | "differ"``: required of a
                         claim rule; symmetric (a test checks)
``describe``             ``(claim) -> str``: the value as an editor reads it (default: the
                         claim's own words)
``comparable``           ``(a, b) -> bool``: may two claims be one fact at all (default: yes)
``affinity``             ``(a, b) -> float`` in [-1, 1]: how surely they are about one thing
                         (default: 1 when their heads are equal, else 0)
``magnitude``            ``(claim) -> float | None``: the central figure, for "far apart"
                         (default: none, never far apart)
``check_alone``          ``(claim) -> (kind, message) | None``: a claim that can be checked
                         on its own (a stated conversion); it is then not aligned (default: none)
``checkable``            ``(claim) -> bool``: False for a reading that is no fact to source on
                         its own: when only one source states it, it is not reported
                         (TimeML's PRESENT_REF "now", a vague period "for months", a
                         recurring time "daily"); ``comparable`` says whether it may still
                         agree (default: every claim is checkable)
``timeml``               ``(claim) -> dict | None``: the TimeML view of a temporal claim,
                         ``{type, value, start, end}`` (TIMEX3 type and value; offsets of
                         the expression without its role word), which ``factcheck claims``
                         prints (default: none)
``check_story``          ``(story, claims, evidence) -> list[Finding]``: makes it a story rule
``KINDS``                finding kinds it may give (default: all three); a finding of
                         another kind is an engine error
``REPORT_ALONE``         a fact only one source states is a finding of its own (default:
                         True). False: one source's claim is never reported, and an
                         agreement among near-copies of one story keeps its kind
``PROVIDES``             evidence this rule's findings give later rules (default: none;
                         a claim rule also provides ``groups_of(NAME)``, its aligned groups)
``NEEDS``                evidence this rule reads (default: none); it runs after every
                         rule that provides it, and ``--rules`` brings those rules along
``RESTATES``             its findings are about what a whole clause says (a quote, a
                         paraphrase): a discrepancy still ties its sentences (LINKS), and a
                         clause-level addition inside one is not reported again
``CLAUSE_ADDITIONS``     its unsupported findings are whole clauses: a lone figure inside
                         one is folded into it (one addition for an editor to source)
``SAME_VALUE_BONUS``     alignment score for an identical value (default
                         ``checker.align.W_SAME``): an exact sum is stronger evidence
                         than an identical "2"
=======================  ==============================================================

The docstring's Example is run as a test (tests/test_rule_examples.py), so it
keeps this form: each article's text verbatim after ``A:`` / ``B:`` (optionally
``B (published YYYY-MM-DD):``), then ``-> kind`` or ``-> kind (FCxxx), kind``::

    Example
        A: The fire forced about 2,500 residents to flee.
        B: Some 2,500 people were evacuated.
        -> agreement

Evidence (checker/evidence.py) is what rules show each other, never a side
effect: ``LINKS`` (pairs of sentences an aligned fact tied together), and
``groups_of(name)`` (a claim rule's aligned groups with their verdicts). The
run order is derived from ``PROVIDES``/``NEEDS`` (ties: registry order); a rule
reading evidence it did not declare is an error.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from checker.evidence import LINKS, groups_of, is_evidence

if TYPE_CHECKING:
    from checker.evidence import Evidence
    from checker.model import Article, Claim, Finding
    from checker.story import Story

ALL_KINDS = ("agreement", "discrepancy", "unsupported")

# hook name -> number of positional parameters it takes
FUNCTIONS = {
    "find_claims": 1,
    "compare": 2,
    "describe": 1,
    "comparable": 2,
    "affinity": 2,
    "magnitude": 1,
    "check_alone": 1,
    "checkable": 1,
    "timeml": 1,
    "check_story": 3,
}
# declared constant -> the types it may have
CONSTANTS: dict[str, tuple[type, ...]] = {
    "CODE": (str,),
    "NAME": (str,),
    "KINDS": (tuple,),
    "REPORT_ALONE": (bool,),
    "PROVIDES": (tuple,),
    "NEEDS": (tuple,),
    "RESTATES": (bool,),
    "CLAUSE_ADDITIONS": (bool,),
    "SAME_VALUE_BONUS": (float, int),
}
HOOKS = frozenset(FUNCTIONS) | frozenset(CONSTANTS)
CLAIM_RULE_ONLY = ("compare", "comparable", "affinity", "magnitude", "check_alone", "checkable", "SAME_VALUE_BONUS")


class RuleError(Exception):
    """A rule module that does not meet the contract (names the rule and the hook)."""


class Named(Protocol):
    """What a finding needs of its rule: the code and the name (a rule module or a Rule)."""

    CODE: str
    NAME: str


def _no_claims(article: Article) -> list[Claim]:
    return []


def _own_words(claim: Claim) -> str:
    return claim.text


def _always(a: Claim, b: Claim) -> bool:
    return True


def _same_head(a: Claim, b: Claim) -> float:
    return 1.0 if a.head and a.head == b.head else 0.0


def _no_magnitude(claim: Claim) -> float | None:
    return None


def _not_alone(claim: Claim) -> tuple[str, str] | None:
    return None


def _checkable(claim: Claim) -> bool:
    return True


def _no_timeml(claim: Claim) -> dict[str, Any] | None:
    return None


@dataclass(frozen=True, eq=False)
class Rule:
    """A rule module checked against the contract, every hook present (the module's own or the default)."""

    code: str
    name: str
    doc: str
    module: ModuleType
    find_claims: Callable[[Article], list[Claim]]
    describe: Callable[[Claim], str]
    compare: Callable[[Claim, Claim], str] | None
    comparable: Callable[[Claim, Claim], bool]
    affinity: Callable[[Claim, Claim], float]
    magnitude: Callable[[Claim], float | None]
    check_alone: Callable[[Claim], tuple[str, str] | None]
    checkable: Callable[[Claim], bool]
    timeml: Callable[[Claim], dict[str, Any] | None]
    check_story: Callable[[Story, list[Claim], Evidence], list[Finding]] | None
    kinds: tuple[str, ...] = ALL_KINDS
    report_alone: bool = True
    provides: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    restates: bool = False
    clause_additions: bool = False
    same_value_bonus: float | None = None
    defined: frozenset[str] = field(default_factory=frozenset)

    # the names findings and messages use (a rule module has the same two)
    @property
    def CODE(self) -> str:  # noqa: N802
        return self.code

    @property
    def NAME(self) -> str:  # noqa: N802
        return self.name

    @property
    def aligns_own_facts(self) -> bool:
        """A story rule: it aligns its own facts in check_story."""
        return self.check_story is not None

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name})"


_DEFAULTS: dict[str, Any] = {
    "find_claims": _no_claims,
    "describe": _own_words,
    "compare": None,
    "comparable": _always,
    "affinity": _same_head,
    "magnitude": _no_magnitude,
    "check_alone": _not_alone,
    "checkable": _checkable,
    "timeml": _no_timeml,
    "check_story": None,
    "KINDS": ALL_KINDS,
    "REPORT_ALONE": True,
    "PROVIDES": (),
    "NEEDS": (),
    "RESTATES": False,
    "CLAUSE_ADDITIONS": False,
    "SAME_VALUE_BONUS": None,
}


def _public_names(module: ModuleType) -> list[str]:
    """The module's public names (not private, not imported modules)."""
    return [n for n, v in vars(module).items() if not n.startswith("_") and not inspect.ismodule(v)]


def load(module: ModuleType, code: str | None = None) -> Rule:
    """Check a rule module against the contract and wrap it; RuleError names the rule and the hook."""
    label = f"rule module {module.__name__}"
    for req in ("CODE", "NAME"):
        if not isinstance(vars(module).get(req), str):
            raise RuleError(f"{label}: {req} must be a string")
    label = f"rule {module.CODE} ({module.__name__})"
    if code is not None and module.CODE != code:
        raise RuleError(f"{label}: declares {module.CODE}, the registry says {code}")
    doc = (module.__doc__ or "").strip()
    if not doc or "Example" not in doc:
        raise RuleError(f"{label}: the docstring (the user reference) needs a title line and an Example section")
    names = set(vars(module))
    defined = frozenset(h for h in HOOKS if h in names)
    # a public name close to a hook the module lacks is a misspelt hook ("check_stroy", "REPORT_ALLONE")
    for n in _public_names(module):
        if n in HOOKS:
            continue
        missing = [h for h in HOOKS if h not in defined]
        close = difflib.get_close_matches(n, missing, n=1, cutoff=0.85)
        if close:
            raise RuleError(f"{label}: {n!r} is not a hook of the rule contract; did you mean {close[0]!r}?")
    values: dict[str, Any] = {}
    for hook, arity in FUNCTIONS.items():
        fn = vars(module).get(hook, _DEFAULTS[hook])
        if fn is None:
            values[hook] = None
            continue
        if not callable(fn):
            raise RuleError(f"{label}: {hook} must be a function")
        if hook in defined:
            params = [
                p for p in inspect.signature(fn).parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            if len(params) != arity:
                raise RuleError(f"{label}: {hook} takes {arity} argument(s), it has {len(params)}")
        values[hook] = fn
    for const, types in CONSTANTS.items():
        v = vars(module).get(const, _DEFAULTS.get(const))
        if v is not None and not isinstance(v, types):
            raise RuleError(f"{label}: {const} must be {' or '.join(t.__name__ for t in types)}")
        values[const] = v
    story_rule = values["check_story"] is not None
    if "find_claims" not in defined and not story_rule:
        raise RuleError(f"{label}: a rule needs find_claims (or check_story, for a rule that reads only evidence)")
    if not story_rule and values["compare"] is None:
        raise RuleError(f"{label}: a claim rule needs compare(a, b)")
    if story_rule:
        extra = [h for h in CLAIM_RULE_ONLY if h in defined]
        if extra:
            raise RuleError(f"{label}: {', '.join(extra)} belong to claim rules; a story rule aligns its own facts")
    bad = [k for k in values["KINDS"] if k not in ALL_KINDS]
    if bad:
        raise RuleError(f"{label}: KINDS has {bad}, known kinds are {list(ALL_KINDS)}")
    for key in ("PROVIDES", "NEEDS"):
        bad = [e for e in values[key] if not is_evidence(e)]
        if bad:
            raise RuleError(f"{label}: {key} names unknown evidence {bad} (see checker/evidence.py)")
    return Rule(
        code=module.CODE,
        name=module.NAME,
        doc=doc,
        module=module,
        find_claims=values["find_claims"],
        describe=values["describe"],
        compare=values["compare"],
        comparable=values["comparable"],
        affinity=values["affinity"],
        magnitude=values["magnitude"],
        check_alone=values["check_alone"],
        checkable=values["checkable"],
        timeml=values["timeml"],
        check_story=values["check_story"],
        kinds=tuple(values["KINDS"]),
        report_alone=values["REPORT_ALONE"],
        provides=tuple(values["PROVIDES"]) + (() if story_rule else (groups_of(module.NAME),)),
        needs=tuple(values["NEEDS"]),
        restates=values["RESTATES"],
        clause_additions=values["CLAUSE_ADDITIONS"],
        same_value_bonus=values["SAME_VALUE_BONUS"],
        defined=defined,
    )


def run_order(asked: Iterable[Rule], known: list[Rule]) -> list[Rule]:
    """The asked rules and every rule providing what they need, each after its providers.

    ``known`` is every registered rule in registry order, which breaks ties. A
    rule that both needs and provides one kind of evidence (dates read the
    sentences sums linked, and link their own) runs after the rules that only
    provide it; two such rules for one evidence would wait on each other, which
    is a RuleError.
    """
    position = {r.code: i for i, r in enumerate(known)}

    def providers(rule: Rule, evidence: str) -> list[Rule]:
        return [p for p in known if p is not rule and evidence in p.provides]

    wanted: dict[str, Rule] = {}
    todo = list(asked)
    while todo:
        r = todo.pop()
        if r.code in wanted:
            continue
        wanted[r.code] = r
        for ev in r.needs:
            found = providers(r, ev)
            if not found:
                raise RuleError(f"rule {r.code} ({r.name}) needs {ev!r}, which no rule provides")
            todo.extend(found)
    # r must come after p when r needs what p provides (p is not r)
    after: dict[str, set[str]] = {c: set() for c in wanted}
    for r in wanted.values():
        for ev in r.needs:
            for p in wanted.values():
                if p is not r and ev in p.provides:
                    after[r.code].add(p.code)
    order: list[Rule] = []
    done: set[str] = set()
    while len(order) < len(wanted):
        ready = sorted((c for c in wanted if c not in done and after[c] <= done), key=position.__getitem__)
        if not ready:
            stuck = sorted(c for c in wanted if c not in done)
            raise RuleError(f"rules {', '.join(stuck)} wait on each other's evidence (PROVIDES/NEEDS form a cycle)")
        done.add(ready[0])
        order.append(wanted[ready[0]])
    return order


__all__ = ["LINKS", "Named", "Rule", "RuleError", "load", "run_order"]
