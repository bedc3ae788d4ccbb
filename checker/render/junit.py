"""JUnit XML (``--format junit``), as CI systems display test results: a test suite per story, a test
case per article ("agrees with its story"), failed by each discrepancy that involves the article; a
claim only one source makes is written to the case's system-out, not a failure (as --fail-on says by
default). Deterministic: the order of the stories and of their articles."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.model import Report
from checker.render.matrix import where


def _suite(name: str, report: Report) -> ET.Element:
    articles = {a.id: a for a in report.articles}
    involved = {c.article for f in report.findings if f.kind == "discrepancy" for c in f.claims}
    failures = sum(1 for a in report.articles if a.id in involved)  # failed cases: articles a discrepancy involves
    suite = ET.Element("testsuite", name=name or "articles", tests=str(len(report.articles)), failures=str(failures), errors="0")
    for a in report.articles:
        case = ET.SubElement(suite, "testcase", classname=name or "articles", name=a.id, file=a.path)
        mine = [f for f in report.findings if any(c.article == a.id for c in f.claims)]
        for f in mine:
            if f.kind == "discrepancy":
                where_ = "; ".join(where(articles, c) for c in f.claims)
                fail = ET.SubElement(case, "failure", type=f"{f.rule} {f.rule_name}", message=f.message)
                fail.text = where_
        alone = [f for f in mine if f.kind == "unsupported"]
        if alone:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(
                f"only this article: {f.rule} {f.rule_name} {where(articles, f.claims[0])} {f.claims[0].text!r}" for f in alone
            )
    return suite


def render_stories(reports: list[tuple[str, Report]]) -> str:
    root = ET.Element("testsuites", name="factcheck")
    for name, report in reports:
        root.append(_suite(name, report))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
