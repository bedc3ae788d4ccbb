"""Evidence: what the rules that ran have shown about the story, for the rules that run after them.

Rules never write to the story. The engine records each rule's findings
here after the rule has run, as the rule's ``PROVIDES`` declares, and hands
the next rule a view that only answers what its ``NEEDS`` declares (reading
anything else is an error, so a dependency cannot hide).

Kinds of evidence:

- ``LINKS``: pairs of sentences shown to state one fact: an agreement of a
  rule that provides links ties its sentences; so does a discrepancy of a
  rule that ``RESTATES`` (a changed quote is still one utterance). Dates
  weigh a linked sentence pair as one event; statements count a linked
  sentence as supported.
- ``groups_of(name)``: the aligned groups of claim rule ``name`` as its
  findings (agreements and discrepancies, with their claims and topic):
  actors read who acts with a sum that money aligned. Every claim rule
  provides its groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from checker.model import Finding, Span

if TYPE_CHECKING:
    from checker.rule import Rule

LINKS = "links"
_GROUPS = "groups:"

Link = tuple[str, Span, str, Span]


def groups_of(rule_name: str) -> str:
    """The evidence name of a claim rule's aligned groups: groups_of("money") == "groups:money"."""
    return _GROUPS + rule_name


def is_evidence(name: str) -> bool:
    return name == LINKS or (name.startswith(_GROUPS) and len(name) > len(_GROUPS))


class UndeclaredEvidence(Exception):
    """A rule read evidence its NEEDS does not name."""


class Evidence:
    """The story's evidence; ``for_rule`` gives the view a rule may read."""

    def __init__(self) -> None:
        self._links: set[Link] = set()
        self._sentences: set[tuple[str, Span]] = set()
        self._groups: dict[str, tuple[Finding, ...]] = {}
        self._allowed: frozenset[str] | None = None  # None: the engine's own, unrestricted view
        self._reader = ""

    def for_rule(self, rule: Rule) -> Evidence:
        """A read-only view answering only what `rule` NEEDS."""
        view = Evidence.__new__(Evidence)
        view._links, view._sentences, view._groups = self._links, self._sentences, self._groups
        view._allowed, view._reader = frozenset(rule.needs), f"{rule.code} ({rule.name})"
        return view

    def _check(self, name: str) -> None:
        if self._allowed is not None and name not in self._allowed:
            raise UndeclaredEvidence(f"rule {self._reader} reads {name!r} evidence but does not declare it in NEEDS")

    # ------------------------------------------------------------------ reading
    def linked(self, a_article: str, a_sentence: Span, b_article: str, b_sentence: Span) -> bool:
        """Whether the two sentences were shown to state one fact."""
        self._check(LINKS)
        return (a_article, a_sentence, b_article, b_sentence) in self._links

    def has_link(self, article: str, sentence: Span) -> bool:
        """Whether the sentence is tied to a sentence of another article."""
        self._check(LINKS)
        return (article, sentence) in self._sentences

    def links(self) -> _Links:
        """A container of (article, sentence, article, sentence) links, for `in` tests in a hot loop."""
        self._check(LINKS)
        return _Links(self._links)

    def groups(self, rule_name: str) -> tuple[Finding, ...]:
        """The aligned groups claim rule `rule_name` formed, as its agreement and discrepancy findings."""
        self._check(groups_of(rule_name))
        return self._groups.get(rule_name, ())

    # ------------------------------------------------------------------ recording (the engine only)
    def record(self, rule: Rule, findings: Iterable[Finding], groups: Iterable[Finding] = ()) -> None:
        """What `rule`'s findings show, as its PROVIDES declares; `groups` are a claim rule's aligned groups."""
        if self._allowed is not None:
            raise UndeclaredEvidence(f"rule {self._reader} may not record evidence")
        self._groups[rule.name] = tuple(groups)
        if LINKS not in rule.provides:
            return
        for f in findings:
            if f.kind == "agreement" or (f.kind == "discrepancy" and rule.restates):
                for a in f.claims:
                    for b in f.claims:
                        if a.article != b.article:
                            self._links.add((a.article, a.sentence, b.article, b.sentence))
                            self._sentences.add((a.article, a.sentence))


class _Links:
    """Read-only `in` over the links (no copy), and iteration for a rule that looks up pairs by their link."""

    __slots__ = ("_s",)

    def __init__(self, links: set[Link]):
        self._s = links

    def __contains__(self, key: object) -> bool:
        return key in self._s

    def __iter__(self) -> Iterator[Link]:
        return iter(self._s)
