"""The rule registry: one module per kind of fact.

Every rule module exposes:

- ``CODE`` ("FC101"), ``NAME`` ("money"), and a docstring that opens with
  *What it finds / Why it matters / Example* (the user reference);
- ``find_claims(article) -> list[Claim]``: the facts of that kind the
  article states, each built with ``checker.claims.make_claim`` so that
  ``article.text[start:end] == claim.text``; rules only read
  ``article.sentences`` (so furniture never yields a claim);
- ``compare(a, b) -> "same" | "compatible" | "differ"``: whether two claims
  on the same subject state the same value (hedges, rounding and ranges
  considered);
- ``describe(claim) -> str``: the value as an editor reads it in a message;
- ``REPORT_ALONE``: whether a claim no other article makes is worth an
  "unsupported" finding.

Rules never print and never import each other.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

# code -> module name, in the order rules run and reports list them
REGISTRY: dict[str, str] = {
    "FC101": "money",
    "FC102": "counts",
    "FC104": "quotes",  # before dates: a quote and its paraphrase tie their sentences together
    "FC105": "paraphrase",
    "FC103": "dates",
    "FC109": "actors",  # after money: it reads the sums money aligned
    "FC106": "names",
    "FC107": "titles",
    "FC108": "statements",  # last: it reads what the rules before it linked
}


@functools.cache
def get(code: str) -> ModuleType:
    """The rule module for a code, imported on first use."""
    name = REGISTRY[code]
    mod = importlib.import_module(f"rules.{name}")
    assert mod.CODE == code, f"rules/{name}.py declares {mod.CODE}, registry says {code}"
    return mod


def rules() -> dict[str, ModuleType]:
    """code -> rule module, every registered rule."""
    return {code: get(code) for code in REGISTRY}
