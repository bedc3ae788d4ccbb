"""A story's report does not depend on what the process checked before it.

A batch run, a server or the benchmark checks many stories in one process;
story-scoped state (checker/caches.py) must not carry from one to the next.
The display words of topics are the sharpest test: a topic names a
canonical term by a word of the story ("removed" for the stem "remov"), so
a story checked earlier that wrote a shorter word with the same stem must
not change it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CASES = ROOT.parent / "shared" / "cases"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from checker.load import load_articles, parse_article
    from checker.pipeline import check_articles
    from checker.render import json as rjson

    story, before, extra = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
    for folder in before:
        check_articles(load_articles([folder]))
    if extra:
        arts = [parse_article(f"x{i}", f"x{i}.txt", t) for i, t in enumerate(extra)]
        check_articles(arts)
    sys.stdout.write(rjson.render(check_articles(load_articles([story]))))
    """
)


def report_json(story: Path, before: list[Path] = (), extra: list[str] = ()) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(story), json.dumps([str(p) for p in before]), json.dumps(list(extra))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def shorter_variants(texts: list[str]) -> list[str]:
    """Two articles of shorter words that share a stem with the story's words ("segment" for "segments")."""
    from checker import vocab
    from checker.text import stem

    def canon(w: str) -> str:  # checker.text.canon without touching its caches
        return vocab.synonym_map().get(stem(w), stem(w))

    words = {w for t in texts for w in re.findall(r"[A-Za-z]{4,}", t)}
    found = sorted(
        {w[:k].lower() for w in words for k in range(3, len(w)) if canon(w[:k]) == canon(w) and w[:k].lower() != w.lower()}
    )
    body = ". ".join(" ".join(found[i : i + 12]).capitalize() for i in range(0, len(found), 12))
    return [f"Other story {n}\n\nMarch 3, 2025\n\n{body}.\n" for n in (1, 2)]


def test_report_is_the_same_after_other_stories():
    story = ROOT / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(story.glob("*.txt"))]
    extra = shorter_variants(texts)
    assert len(extra[0]) > 200, "the story should have words with shorter forms of one stem"
    alone = report_json(story)
    before = sorted(p for p in SHARED_CASES.glob("*") if p.is_dir())[:1]
    after = report_json(story, before, extra)
    assert json.loads(alone)["findings"], "the story should give findings"
    assert after == alone


def test_report_is_the_same_when_checked_twice_in_one_process():
    """In-process: a story's JSON report is byte-identical before and after another story."""
    from checker import caches
    from checker.load import load_articles, parse_article
    from checker.pipeline import check_articles
    from checker.render import json as rjson

    # other tests call rules directly, outside any story, and leave story caches filled; start from none
    caches.clear()
    story = load_articles([str(ROOT / "seeds")])
    first = rjson.render(check_articles(story))
    other = [parse_article(f"x{i}", f"x{i}.txt", t) for i, t in enumerate(shorter_variants([a.text for a in story]))]
    check_articles(other)
    assert rjson.render(check_articles(story)) == first
