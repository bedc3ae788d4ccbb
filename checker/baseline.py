"""Baselines: findings a newsroom has accepted, hidden from later runs (``--baseline``, ``--write-baseline``).

A finding is keyed by what it is, never by where it is: its story, rule and kind, and each claim's
article and own words (whitespace folded, so a reflowed paragraph keeps its key). Text added above a
finding, a line rewrapped or an article moved within its folder leaves the key as it was; a changed
figure or quote is a new finding. An entry of the baseline that no run matches any more is stale (as
ruff's RUF100 reports an unused suppression): the report names it, so the baseline can be rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from checker.load import InputError
from checker.model import Finding, Report

SCHEMA = "factcheck.baseline/1"


def _words(text: str) -> str:
    return " ".join(text.split())


def story_key(name: str) -> str:
    """A story folder however it was written ("stories/fire/", "./stories/fire", its absolute path): the
    path from the current folder, so a baseline written from the repository's root matches there."""
    if not name:
        return ""
    return Path(os.path.relpath(os.path.abspath(name))).as_posix()


def identity(story: str, rule: str, claims) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What a finding is, whatever its place: its story, rule and claims' (article, words), words folded.
    A baseline entry and a discrepancy of an old report (checker/corrections.py) are matched on it."""
    return story_key(story), rule, tuple(sorted({(a, _words(t)) for a, t in claims}))


def read_json(path: str, what: str):
    """A JSON file factcheck wrote earlier; InputError (one line) when it is missing or no JSON."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read the {what} ({err.strerror or err})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{path}: not a factcheck {what} (not JSON)") from None


def entry(story: str, f: Finding) -> dict:
    """What the baseline records of a finding (its key among them)."""
    name, rule, claims = identity(story, f.rule, ((c.article, c.text) for c in f.claims))
    body = {"story": name, "rule": rule, "kind": f.kind, "claims": [list(c) for c in claims]}
    key = hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return {"key": key, **body, "message": f.message}


@dataclass
class Baseline:
    """The accepted findings by key, and the keys a run has matched so far."""

    entries: dict[str, dict]
    matched: set[str]

    def apply(self, story: str, report: Report) -> Report:
        """The report without the findings the baseline holds (the counts recomputed)."""
        from checker.pipeline import make_report

        kept = []
        for f in report.findings:
            k = entry(story, f)["key"]
            if k in self.entries:
                self.matched.add(k)
            else:
                kept.append(f)
        if len(kept) == len(report.findings):
            return report
        return make_report(list(report.articles), kept, list(report.reprints))

    def stale(self, stories: set[str] | None = None) -> list[dict]:
        """Entries no finding matched (of the stories checked, when given), in key order."""
        return [
            e
            for k, e in sorted(self.entries.items())
            if k not in self.matched and (stories is None or e.get("story") in {story_key(s) for s in stories})
        ]


def load(path: str) -> Baseline:
    """A baseline file; InputError (one line) for a missing or malformed one."""
    doc = read_json(path, "baseline")
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("findings"), list):
        raise InputError(f"{path}: not a factcheck baseline (schema {SCHEMA} expected)")
    entries = {e["key"]: e for e in doc["findings"] if isinstance(e, dict) and isinstance(e.get("key"), str)}
    return Baseline(entries, set())


def render(findings: list[tuple[str, Finding]]) -> str:
    """The baseline file for these findings: sorted by key, so that rewriting it gives a small diff."""
    entries = {e["key"]: e for e in (entry(story, f) for story, f in findings)}
    doc = {"schema": SCHEMA, "findings": [entries[k] for k in sorted(entries)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
