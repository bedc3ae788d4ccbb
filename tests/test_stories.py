"""Stories at scale (issue 11): a folder of story folders is checked story by story, one report with a
section per story and one exit code; --jobs N gives the output of one process; a story of one article is
reported as such. Run through the installed command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.stories import StoryInput, check_stories, plan

AGREE_A = "Mill fire\nPublished: 2025-03-03\n\nThe fire at the Ashby mill killed two workers on Monday, police said.\n"
AGREE_B = "Mill blaze\nPublished: 2025-03-03\n\nTwo workers died in the fire at the Ashby mill on Monday, police said.\n"
DIFFER_A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday.\n"
DIFFER_B = "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved a road repair budget of $4.8 million.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300, env=dict(os.environ)
    )


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """stories/ with three story folders (one agrees, one differs, one has a single article) and a README."""
    root = tmp_path / "stories"
    for name, texts in {"mill-fire": (AGREE_A, AGREE_B), "orlin-budget": (DIFFER_A, DIFFER_B), "solo": (AGREE_A,)}.items():
        (root / name).mkdir(parents=True)
        for i, t in enumerate(texts):
            (root / name / f"{'ab'[i]}.txt").write_text(t, encoding="utf-8")
    (root / "README.md").write_text("# Our stories\n\nOne folder per story.\n", encoding="utf-8")
    return root


def test_plan_reads_a_shelf_story_by_story(shelf: Path):
    stories = plan([str(shelf)])
    assert [s.name.rsplit("/", 1)[1] for s in stories] == ["mill-fire", "orlin-budget", "solo"]
    assert [len(s.files) for s in stories] == [2, 2, 1]  # the README beside the folders is no story's


def test_several_story_folders_are_several_stories(shelf: Path):
    assert len(plan([str(shelf / "mill-fire"), str(shelf / "orlin-budget")])) == 2
    files = plan([str(shelf / "mill-fire" / "a.txt"), str(shelf / "mill-fire" / "b.txt")])
    assert [(s.name, len(s.files)) for s in files] == [("", 2)]  # files named one by one: one story


def test_a_shelf_gives_one_report_with_a_section_per_story_and_one_exit_code(shelf: Path):
    proc = run(str(shelf), "--format", "json", cwd=shelf.parent)
    assert proc.returncode == 1, proc.stderr  # one story disagrees
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "factcheck.stories/1"
    by_name = {s["story"].rsplit("/", 1)[1]: s for s in doc["stories"]}
    assert list(by_name) == ["mill-fire", "orlin-budget", "solo"]
    assert by_name["orlin-budget"]["counts"]["discrepancy"] == 1
    assert by_name["mill-fire"]["counts"]["discrepancy"] == 0 and by_name["mill-fire"]["counts"]["agreement"] >= 1
    assert (len(by_name["solo"]["articles"]), by_name["solo"]["findings"]) == (1, [])
    assert doc["counts"]["discrepancy"] == 1
    text = run(str(shelf), cwd=shelf.parent)
    first = text.stdout.splitlines()[:4]
    assert first[0].startswith("3 stories: 1 discrepancy in 1 story")
    assert any("orlin-budget" in line and line.lstrip().startswith("≠") for line in first)
    assert any("solo" in line and "nothing to compare yet" in line for line in first)


def test_jobs_two_gives_the_bytes_of_jobs_one(shelf: Path):
    one = run(str(shelf), "--format", "json", "--jobs", "1", cwd=shelf.parent)
    two = run(str(shelf), "--format", "json", "--jobs", "2", cwd=shelf.parent)
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1
    md = [run(str(shelf), "--format", "markdown", "--jobs", j, cwd=shelf.parent).stdout for j in ("1", "2")]
    assert md[0] == md[1] and "## " in md[0]


def test_jobs_must_be_positive(shelf: Path):
    proc = run(str(shelf), "--jobs", "0", cwd=shelf.parent)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--jobs" in proc.stderr


def test_check_stories_keeps_the_order_given(shelf: Path):
    stories = plan([str(shelf)])[::-1]
    assert [s for s, _ in check_stories(stories, jobs=2)] == stories
    assert isinstance(stories[0], StoryInput)


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not beside the project")
def test_the_real_stories_are_thirty_stories_and_jobs_do_not_change_a_byte():
    root = Path(__file__).resolve().parents[1]
    one = run(str(REAL), "--format", "json", "--jobs", "1", cwd=root)
    two = run(str(REAL), "--format", "json", "--jobs", "2", cwd=root)
    # the only line on stderr names the editors' files that are not articles (expected.toml)
    assert one.returncode in (0, 1) and one.stderr.count("\n") <= 1 and all("expected.toml" in x for x in one.stderr.splitlines())
    doc = json.loads(one.stdout)
    assert len(doc["stories"]) == len([p for p in REAL.iterdir() if p.is_dir()]) == 30
    assert one.stdout == two.stdout


def test_the_stories_json_is_written_as_json_dumps_would(shelf: Path):
    out = run(str(shelf), "--format", "json", cwd=shelf.parent).stdout  # rendered story by story, not as one object
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_statistics_sum_over_the_stories(shelf: Path):
    out = run(str(shelf), "--statistics", cwd=shelf.parent).stdout
    assert "FC101 money" in out and "discrepancy" in out


def test_published_dates_the_articles_that_give_no_date(tmp_path: Path):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text("Fire\n\nThe Ashby mill burned yesterday, police said.\n", encoding="utf-8")
    (d / "b.txt").write_text("Fire\nPublished: 2025-03-05\n\nThe Ashby mill burned on Tuesday, police said.\n", encoding="utf-8")
    doc = json.loads(run(str(d), "--format", "json", "--published", "2025-03-05", cwd=tmp_path).stdout)
    assert [a["published"] for a in doc["articles"]] == ["2025-03-05", "2025-03-05"]
    assert any(f["kind"] == "agreement" and f["rule_name"] == "dates" for f in doc["findings"])  # March 4 both
    bad = run(str(d), "--published", "soon", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_an_article_from_stdin(tmp_path: Path):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text(DIFFER_A, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(d / "a.txt"), "-", "--format", "json"],
        input=DIFFER_B,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert [a["id"] for a in json.loads(proc.stdout)["articles"]] == ["a", "stdin"]
    empty = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(d / "a.txt"), "-"], input="", capture_output=True, text=True, cwd=tmp_path
    )
    assert empty.returncode == 2 and "empty" in empty.stderr and empty.stderr.count("\n") == 1


def test_files_that_are_not_articles_are_named_never_skipped_silently(shelf: Path):
    story = shelf / "orlin-budget"
    (story / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (story / ".DS_Store").write_bytes(b"\0\0")
    named = run(str(story / "notes.pdf"), str(story / "a.txt"), "--no-export", cwd=shelf)
    assert named.returncode == 2 and named.stdout == ""
    assert named.stderr.count("\n") == 1 and "notes.pdf: not an article" in named.stderr
    folder = run(str(story), "--no-export", cwd=shelf)
    assert folder.returncode == 1 and "1 discrepancy" in folder.stdout
    assert folder.stderr.count("\n") == 1 and "notes.pdf" in folder.stderr and ".DS_Store" not in folder.stderr
    quiet = run(str(story), "--no-export", "-q", cwd=shelf)
    assert quiet.returncode == 1 and quiet.stderr == ""


def test_loose_files_beside_a_story_folder_are_a_story_the_reader_can_name(shelf: Path, tmp_path: Path):
    """Article files named on the command line, outside any folder given, make one story: the text and
    Markdown reports call it "the files given" (not an empty heading); JSON keeps its empty name."""
    loose = tmp_path / "draft.txt"
    loose.write_text(DIFFER_A, encoding="utf-8")
    text = run(str(loose), str(shelf / "mill-fire"), "--no-export", "--color", "never", cwd=tmp_path)
    assert "the files given" in text.stdout and "───  ───" not in text.stdout
    md = run(str(loose), str(shelf / "mill-fire"), "--format", "markdown", "--no-export", cwd=tmp_path)
    assert "## the files given" in md.stdout
    doc = json.loads(run(str(loose), str(shelf / "mill-fire"), "--format", "json", "--no-export", cwd=tmp_path).stdout)
    assert [s["story"] for s in doc["stories"]][0] == ""
