"""The rule registry: one module per kind of fact, by code, in registry order.

What a rule module must declare and define is the contract in
``checker/rule.py``; ``get`` loads a module and checks it against that
contract (a clear RuleError names the rule and the missing or misspelt hook).
The order here is the order reports list rules and breaks ties in the run
order, which ``checker.rule.run_order`` derives from what each rule
``PROVIDES`` and ``NEEDS``. Rules never print and never import each other.
"""

from __future__ import annotations

import functools
import importlib

from checker.rule import Rule, load

# code -> module name in rules/
REGISTRY: dict[str, str] = {
    "FC101": "money",
    "FC102": "counts",
    "FC104": "quotes",
    "FC105": "paraphrase",
    "FC103": "dates",
    "FC109": "actors",
    "FC106": "names",
    "FC107": "titles",
    "FC108": "statements",
    "FC110": "times",
    "FC111": "places",
    "FC112": "charges",
    "FC113": "causes",
    "FC114": "conditions",
}


@functools.cache
def get(code: str) -> Rule:
    """The rule for a code, imported and checked against the contract on first use."""
    return load(importlib.import_module(f"rules.{REGISTRY[code]}"), code)


def rules() -> dict[str, Rule]:
    """code -> rule, every registered rule, in registry order."""
    return {code: get(code) for code in REGISTRY}
