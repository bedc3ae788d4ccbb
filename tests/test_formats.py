"""Machine formats for CI (issue 11): GitHub workflow annotations point at the claim's own line and
column in the article. Run through the installed command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday, officials said.\n"
B = (
    "Budget\nPublished: 2025-03-04\n\nResidents packed the hall, 100% of the seats taken.\n\n"
    "The Orlin council on Monday approved a road repair budget of $4.8 million, officials said.\n"
)
LINE = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed command line, as a subprocess."""
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_github_annotations_point_at_the_claims(tmp_path: Path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    proc = run(str(tmp_path), "--format", "github", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(LINE.match(x) for x in lines), lines
    first = LINE.match(lines[0])
    assert first and first.group(1) == "error" and "FC101 money" in first.group(7)  # the discrepancy first
    level, path, line, col, end_line, end_col = first.groups()[:6]
    text = Path(path).read_text(encoding="utf-8").split("\n")
    assert text[int(line) - 1][int(col) - 1 : int(end_col) - 1] in ("$4.2 million", "$4.8 million")
    assert "%3A" in first.group(7)  # a colon in the title is escaped, as the workflow syntax asks


def test_github_annotations_carry_no_escape_sequence_of_an_article(tmp_path: Path):
    """The Actions log renders ANSI escapes: an article's escape (here in a quote the report names) is
    shown as the text \\x1b, never sent raw."""
    (tmp_path / "a.txt").write_text(
        A.replace("officials said.", 'officials said. "We are \x1b[8mhidden\x1b[0m done," Mayor Ilsa Vorn said.'),
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    proc = run(str(tmp_path), "--format", "github", cwd=tmp_path)
    assert proc.returncode == 1 and "\x1b" not in proc.stdout
    assert "\\x1b[8mhidden" in proc.stdout  # the claim is still reported, its escape made visible


def test_junit_has_a_suite_per_story_and_a_failed_case_per_article_a_discrepancy_involves(tmp_path: Path):
    import xml.etree.ElementTree as ET

    for name, texts in {"orlin-budget": (A, B), "solo": (A,)}.items():
        (tmp_path / "stories" / name).mkdir(parents=True)
        for i, t in enumerate(texts):
            (tmp_path / "stories" / name / f"{'ab'[i]}.txt").write_text(t, encoding="utf-8")
    proc = run("stories", "--format", "junit", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    root = ET.fromstring(proc.stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["stories/orlin-budget", "stories/solo"]
    budget = suites["stories/orlin-budget"]
    assert (budget.get("tests"), budget.get("failures")) == ("2", "2")
    assert all(case.find("failure") is not None for case in budget.iter("testcase"))
    assert suites["stories/solo"].get("failures") == "0"


def test_one_run_writes_several_formats_while_the_terminal_gets_text(tmp_path: Path):
    import json

    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    proc = run(str(tmp_path), "-o", "json:out.json", "-o", "junit:out.xml", "--no-export", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("2 articles: 1 discrepancy")  # the text report on the terminal
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["counts"]["discrepancy"] == 1
    assert (tmp_path / "out.xml").read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>')
    plain = run(str(tmp_path), "--format", "json", "-o", "only.json", cwd=tmp_path)
    assert (
        plain.stdout == "" and json.loads((tmp_path / "only.json").read_text(encoding="utf-8"))["schema"] == "factcheck.report/1"
    )


def test_sarif_has_the_runs_rules_and_results_code_scanning_reads(tmp_path: Path):
    import json

    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    proc = run(str(tmp_path), "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["tool"]["driver"]["name"] == "factcheck" and any(r["id"] == "FC101" for r in rules)
    errors = [r for r in run_["results"] if r["level"] == "error"]
    assert errors and all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run_["results"])
    for loc in errors[0]["locations"]:
        region = loc["physicalLocation"]["region"]
        text = (tmp_path / loc["physicalLocation"]["artifactLocation"]["uri"]).read_text(encoding="utf-8")
        assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert all(r["partialFingerprints"]["factcheckFinding/v1"] for r in run_["results"])


SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


def _sarif_validator():
    import json

    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(tmp_path: Path):
    """The OASIS SARIF 2.1.0 schema (errata 01), vendored under tests/schemas, accepts a story's
    report and a shelf's; and it is strict enough to refuse a log with a result missing its message."""
    import json

    story = tmp_path / "shelf" / "budget"
    story.mkdir(parents=True)
    (story / "a.txt").write_text(A, encoding="utf-8")
    (story / "b.txt").write_text(B, encoding="utf-8")
    other = tmp_path / "shelf" / "alone"
    other.mkdir()
    (other / "a.txt").write_text(A, encoding="utf-8")
    validator = _sarif_validator()
    for target in (story, tmp_path / "shelf"):
        proc = run(str(target), "--format", "sarif", "--no-export", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        doc = json.loads(proc.stdout)
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == [], errors
        assert doc["runs"][0]["results"]
    broken = json.loads(proc.stdout)
    del broken["runs"][0]["results"][0]["message"]
    assert any("message" in e.message for e in validator.iter_errors(broken))


def test_json_text_is_the_standard_librarys_byte_for_byte():
    """The JSON renderer encodes with orjson for speed; its text must stay what json.dumps(indent=2) writes,
    for every kind of value a report holds, and for what orjson refuses (an integer beyond 64 bits). A
    float written with an exponent is the one difference: orjson spells 1e-07 as 1e-7, the same number."""
    import json as stdjson

    from checker.render.json import dumps

    docs = [
        {"a": [], "b": {}, "c": [1, 2.5, -0.001, 0.0001, 123456789.125], "d": None, "e": True, "f": "naïve “quoted” ’ é\n\t\\"},
        {"nested": [{"x": [[]], "y": [{"z": "東京"}]}], "big": 10**30},
        [],
        {"emoji": "\U0001f600", "control": "\x1b[2J"},
    ]
    for doc in docs:
        assert dumps(doc) == stdjson.dumps(doc, ensure_ascii=False, indent=2)
    tiny = {"value": 1e-07, "huge": 1e300}
    assert stdjson.loads(dumps(tiny)) == tiny
