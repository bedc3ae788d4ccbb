"""Corrections (``--compare-to OLD_REPORT.json``): which discrepancies a corrected article resolved, which
remain and which are new, against an earlier JSON report of the same stories.

A discrepancy is matched as a baseline entry is (checker/baseline.py): by story, rule and its claims'
articles and words, never by offsets, so a correction elsewhere in the article moves nothing. One that
is in both reports remains; one only in the old report is resolved; one only in the new report is new.
"""

from __future__ import annotations

from checker.baseline import identity, read_json
from checker.load import InputError
from checker.model import Finding


def load(path: str) -> dict[tuple, dict]:
    """The discrepancies of an earlier factcheck.report/1 or factcheck.stories/1 file, by key."""
    doc = read_json(path, "old report")
    schema = doc.get("schema") if isinstance(doc, dict) else None
    if schema == "factcheck.report/1":
        stories = [("", doc)]
    elif schema == "factcheck.stories/1":
        stories = [(s.get("story", ""), s) for s in doc.get("stories", [])]
    else:
        raise InputError(f"{path}: not a factcheck JSON report (schema factcheck.report/1 or factcheck.stories/1)")
    out = {}
    for name, rep in stories:
        for f in rep.get("findings", []):
            if f.get("kind") == "discrepancy":
                claims = [(c["article"], c["text"]) for c in f.get("claims", [])]
                out[identity(name, f["rule"], claims)] = {"story": name, "rule": f["rule"], "message": f.get("message", "")}
    return out


def compare(old: dict[tuple, dict], reports: list[tuple[str, list[Finding]]]) -> dict[str, list[dict]]:
    """{"resolved", "remain", "new"}: each a list of {story, rule, message}, in report order (`reports`:
    each story checked now with its discrepancies)."""
    now: dict[tuple, dict] = {}
    for name, findings in reports:
        for f in findings:
            if f.kind == "discrepancy":
                now[identity(name, f.rule, [(c.article, c.text) for c in f.claims])] = {
                    "story": name,
                    "rule": f.rule,
                    "message": f.message,
                }
    # an old report of one story names it "": it is the story checked now when only one is
    single = len(reports) == 1
    norm = {(("",) + k[1:] if single else k): v for k, v in now.items()}
    old_n = {(("",) + k[1:] if single else k): v for k, v in old.items()}
    return {
        "resolved": [v for k, v in old_n.items() if k not in norm],
        "remain": [v for k, v in norm.items() if k in old_n],
        "new": [v for k, v in norm.items() if k not in old_n],
    }


def render_text(result: dict[str, list[dict]], path: str) -> str:
    lines = [
        f"\nCompared with {path}: {len(result['resolved'])} resolved, {len(result['remain'])} remain, "
        f"{len(result['new'])} new discrepancies."
    ]
    for kind in ("resolved", "remain", "new"):
        for e in result[kind]:
            lines.append(f"  {kind:<8} {e['rule']} {e['message']}")
    return "\n".join(lines) + "\n"
