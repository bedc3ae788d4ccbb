"""Files, streams and terminal safety (issue 12, reliability 3-5), through the installed command line:
only regular files are read, within a size limit and inside the paths given; reports are written
atomically and never over an input, a device, a FIFO, a symlink or a read-only file; a closed or
broken stdout ends quietly; article words and file names never drive the terminal or the Markdown."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import reprints
from checker.model import Article, Span

A = "Bridge\nPublished: 2025-03-03\n\nThe Varlo council approved a $4.2 million bridge on Monday, officials said.\n"
B = "Bridge\nPublished: 2025-03-04\n\nThe Varlo council on Monday approved a bridge costing $4.8 million, officials said.\n"


def run(args: list[str], cwd: Path, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        capture_output="stdout" not in kw,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": ""},
        **kw,
    )


def one_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    return d


# ---------------------------------------------------------------- only regular files


def test_a_fifo_named_like_an_article_is_refused_not_opened(story: Path):
    os.mkfifo(story / "f.txt")
    for args in ([str(story)], [str(story / "a.txt"), str(story / "f.txt")]):
        proc = run([*args, "--no-export"], story.parent, timeout=30)  # a FIFO opened would block: the timeout fails
        assert proc.returncode == 2 and "FIFO" in one_line(proc)


def test_a_socket_and_a_device_are_refused(story: Path, tmp_path: Path):
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(story / "s.txt"))
        proc = run([str(story), "--no-export"], tmp_path)
        assert proc.returncode == 2 and "socket" in one_line(proc)
    finally:
        sock.close()
        (story / "s.txt").unlink()
    proc = run(["/dev/null", str(story / "a.txt"), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "device" in one_line(proc)
    (story / "n.txt").symlink_to("/dev/zero")  # followed on request, still not a regular file
    proc = run([str(story), "--no-export", "--follow-symlinks"], tmp_path, timeout=30)
    assert proc.returncode == 2 and "device" in one_line(proc)


def test_an_article_over_the_size_limit_is_refused_without_reading_it(story: Path, tmp_path: Path):
    big = story / "big.txt"
    with open(big, "wb") as fh:  # sparse: 6 GB that a whole read would need memory for
        fh.truncate(6_000_000_000)
    proc = run([str(story), "--no-export"], tmp_path, timeout=30)
    assert proc.returncode == 2 and "size limit of 5,000,000" in one_line(proc)
    big.unlink()
    proc = run([str(story), "--no-export", "--max-article-size", "50"], tmp_path)
    assert proc.returncode == 2 and "size limit of 50 (" in one_line(proc)
    assert run([str(story), "--no-export", "--max-article-size", "1M"], tmp_path).returncode == 1
    assert run([str(story), "--max-article-size", "lots"], tmp_path).returncode == 2
    (tmp_path / "factcheck.toml").write_text("max_article_bytes = 60\n", encoding="utf-8")
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "size limit of 60" in one_line(proc)
    proc = run(["claims", str(story / "a.txt")], tmp_path)
    assert proc.returncode == 2 and "size limit of 60" in one_line(proc)
    (tmp_path / "factcheck.toml").write_text("max_article_bytes = 'big'\n", encoding="utf-8")
    assert "max_article_bytes" in one_line(run([str(story)], tmp_path))


def test_an_endless_stdin_is_refused_at_the_size_limit_and_named_as_given(story: Path, tmp_path: Path):
    """`-` reads stdin only to one byte past the limit (an endless stream ends in exit 2, not in a full
    disk or memory), and the article is named "-" in the report and in the error, not by its private copy."""
    endless = subprocess.Popen(["yes", "The council met on Monday."], stdout=subprocess.PIPE)
    try:
        proc = run(["-", "--no-export", "--max-article-size", "1M"], tmp_path, stdin=endless.stdout, timeout=30)
    finally:
        endless.kill()
        endless.wait()
    line = one_line(proc)
    assert proc.returncode == 2 and line.startswith("factcheck: -: 1,000,001 bytes, over the article size limit of 1,000,000")
    proc = run(["-", str(story / "b.txt"), "--format", "json", "--no-export"], tmp_path, input=A)
    paths = [a["path"] for a in json.loads(proc.stdout)["articles"]]
    assert proc.returncode == 1 and paths[0] == "-" and "factcheck-" not in proc.stdout


def test_a_nul_byte_anywhere_makes_a_binary_file(story: Path, tmp_path: Path):
    (story / "c.txt").write_bytes(A.encode() + b"x" * 20_000 + b"\x00 and more text.\n")
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "binary file" in one_line(proc)


def test_cr_line_ends_are_line_ends(story: Path, tmp_path: Path):
    """A lone CR is read as LF, one character for one: the header is found and the offsets still index
    the file as decoded (the same length, the same claims' places as the LF copy)."""
    (story / "b.txt").write_text(A.replace("\n", "\r"), encoding="utf-8", newline="")
    proc = run([str(story), "--no-export", "--format", "json"], tmp_path)
    assert proc.returncode == 0, proc.stdout  # an article and its CR copy: no date discrepancy
    import json

    doc = json.loads(proc.stdout)
    assert {a["published"] for a in doc["articles"]} == {"2025-03-03"}
    claims = json.loads(run(["claims", str(story), "--format", "json"], tmp_path).stdout)["articles"]
    spans = [[(c["start"], c["end"], c["text"]) for c in a["claims"]] for a in claims]
    assert spans[0] == spans[1] and spans[0]
    raw = (story / "b.txt").read_bytes().decode("utf-8")
    assert all(raw[s:e].replace("\r", "\n") == t for s, e, t in spans[1])


def test_a_file_name_that_is_not_utf8_gives_one_clear_line(story: Path, tmp_path: Path):
    with open(os.fsencode(story) + b"/\xff\xfe.txt", "wb") as fh:
        fh.write(B.encode())
    proc = run([str(story), "--no-export"], tmp_path)
    line = one_line(proc)
    assert proc.returncode == 2 and "not UTF-8" in line and "codec" not in line and "\\xff" in line


# ---------------------------------------------------------------- inside the paths given


def test_a_symlink_leading_outside_the_paths_given_is_refused(story: Path, tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Private\n\nThe vault code of Orsk is 4471, the keeper said.\n", encoding="utf-8")
    (story / "x.txt").symlink_to(outside)
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "outside the paths given" in one_line(proc) and "4471" not in proc.stdout
    proc = run([str(story), "--no-export", "--follow-symlinks"], tmp_path)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr
    # a symlink to another of the paths given is inside them; named on the command line, it is the user's
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text(A, encoding="utf-8")
    (story / "x.txt").unlink()
    (story / "y.txt").symlink_to(other / "c.txt")
    assert run([str(story), str(other), "--no-export"], tmp_path).returncode in (0, 1)
    assert run([str(outside), str(story / "a.txt"), "--no-export"], tmp_path).returncode in (0, 1)


def test_symlink_loops_and_folders_named_like_articles(story: Path, tmp_path: Path):
    (story / "loop.txt").symlink_to("loop.txt")
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "symlink loop" in one_line(proc)
    (story / "loop.txt").unlink()
    (story / "d.txt").mkdir()
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "directory named like an article" in one_line(proc)
    (story / "d.txt").rmdir()
    shelf = tmp_path / "shelf"
    (shelf / "one").mkdir(parents=True)
    for name, text in (("a.txt", A), ("b.txt", B)):
        (shelf / "one" / name).write_text(text, encoding="utf-8")
    (shelf / "one" / "up").symlink_to(shelf)  # a folder loop: each folder read once
    proc = run([str(shelf), "--no-export"], tmp_path, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file(story: Path, tmp_path: Path):
    (story / "a.txt").chmod(0)
    proc = run([str(story), "--no-export"], tmp_path)
    assert proc.returncode == 2 and "cannot read" in one_line(proc)


# ---------------------------------------------------------------- writing reports


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_inputs_are_never_written(story: Path, tmp_path: Path):
    files = sorted(story.iterdir())
    for f in files:
        f.chmod(0o444)
    before = [digest(f) for f in files]
    proc = run([str(story), "-o", str(story / "a.txt")], tmp_path)
    assert proc.returncode == 2 and "one of the articles read" in one_line(proc)
    proc = run([str(story), "-o", f"json:{story / 'b.txt'}"], tmp_path)
    assert proc.returncode == 2
    proc = run(["claims", str(story / "a.txt"), "-o", str(story / "a.txt")], tmp_path)
    assert proc.returncode == 2
    assert run([str(story), "--no-export"], tmp_path).returncode == 1
    assert [digest(f) for f in files] == before


def test_o_never_replaces_a_device_a_fifo_a_symlink_or_a_read_only_file(story: Path, tmp_path: Path):
    target = tmp_path / "target.md"
    target.write_text("keep\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(target)
    os.mkfifo(tmp_path / "fifo.md")
    ro = tmp_path / "ro.md"
    ro.write_text("read only\n", encoding="utf-8")
    ro.chmod(0o444)
    for out, says in (("link.md", "symlink"), ("fifo.md", "FIFO"), ("/dev/null", "device"), ("ro.md", "read-only")):
        proc = run([str(story), "-o", out], tmp_path, timeout=30)
        assert proc.returncode == 2 and says in one_line(proc), out
    assert target.read_text() == "keep\n" and (tmp_path / "link.md").is_symlink()
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo.md").st_mode) and ro.read_text() == "read only\n"
    proc = run([str(story), "--write-baseline", "link.md"], tmp_path)
    assert proc.returncode == 2 and target.read_text() == "keep\n"


def test_reports_get_the_umask_permissions_and_leave_no_temporary_file(story: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    for mask, mode in ((0o022, 0o644), (0o077, 0o600)):
        proc = subprocess.run(
            ["sh", "-c", f'umask {mask:03o} && exec "$0" -m checker.cli "$1" -o report.md', sys.executable, str(story)],
            cwd=out,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 1, proc.stderr
        assert stat.S_IMODE((out / "report.md").stat().st_mode) == mode
    assert sorted(p.name for p in out.iterdir()) == ["report.md"]


KILLED = """
import os, sys, time
from checker import files
real = os.fsync
def slow(fd):
    real(fd)
    open(sys.argv[2], "w").close()   # the temporary file is written: tell the test
    time.sleep(60)
os.fsync = slow
files.write_atomic(sys.argv[1], "the new report\\n" * 1000)
"""


def test_a_run_killed_while_writing_leaves_the_earlier_report(tmp_path: Path):
    report = tmp_path / "report.md"
    report.write_text("the earlier report\n", encoding="utf-8")
    flag = tmp_path / "writing"
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(report), str(flag)], cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not flag.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert flag.exists()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert report.read_text() == "the earlier report\n"
    stale = [p for p in tmp_path.iterdir() if p.name.endswith(".factcheck-tmp")]
    assert len(stale) == 1 and str(proc.pid) in stale[0].name  # SIGKILL cannot be caught: named for the next run
    from checker import files

    files.write_atomic(str(report), "the next report\n")
    assert report.read_text() == "the next report\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".factcheck-tmp")]  # the next write removed it


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path):
    report = tmp_path / "report.md"
    report.write_text("the earlier report\n", encoding="utf-8")
    flag = tmp_path / "writing"
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(report), str(flag)], cwd=tmp_path)
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) != 0
    assert report.read_text() == "the earlier report\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".factcheck-tmp")]


@pytest.mark.parametrize("folder", ["../x", ".", "/tmp"])
def test_markdown_dir_and_export_must_be_inside_the_project(tmp_path: Path, folder: str):
    project = tmp_path / "project"
    (project / "st").mkdir(parents=True)
    (project / "reports").mkdir()
    (project / "st" / "a.txt").write_text(A, encoding="utf-8")
    (project / "st" / "b.txt").write_text(B, encoding="utf-8")
    (project / "README.md").write_text("the project's own\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(f'[tool.factcheck]\nmarkdown_dir = "{folder}"\n', encoding="utf-8")
    proc = run(["st/"], project)
    assert proc.returncode == 2 and "must name a folder inside the project" in one_line(proc)
    (project / "pyproject.toml").write_text('[tool.factcheck]\nmarkdown_dir = "reports"\n', encoding="utf-8")
    proc = run(["st/", "--export", folder], project)
    assert proc.returncode == 2 and "--export" in one_line(proc)
    assert run(["st/"], project).returncode == 1 and (project / "reports" / "st.md").is_file()
    assert (project / "README.md").read_text() == "the project's own\n"


# ---------------------------------------------------------------- streams


def test_a_closed_stdout_ends_quietly(story: Path, tmp_path: Path):
    proc = subprocess.run(
        ["sh", "-c", 'exec "$0" -m checker.cli "$1" --no-export >&-', sys.executable, str(story)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.stderr == "" and proc.returncode == 1  # nothing printed; the exit code still says it


def test_a_broken_pipe_ends_quietly_with_0(story: Path, tmp_path: Path):
    r, w = os.pipe()
    os.close(r)  # the reader is gone before the first write
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "checker.cli", str(story), "--no-export", "--show", "all"],
            stdout=w,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    finally:
        os.close(w)
    assert proc.stderr == "" and proc.returncode == 0
    proc = subprocess.run(
        ["sh", "-c", '"$0" -m checker.cli "$1" --no-export --show all | head -c 10 >/dev/null', sys.executable, str(story)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.stderr == ""


# ---------------------------------------------------------------- no injection

HOSTILE = (
    "Bridge \x1b[2J\x1b]8;;http://elsewhere.example\x07opens\x1b]8;;\x07 today\n"
    "Published: 2025-03-03\n\n"
    "The Varlo council approved a $4.2 million bridge on Monday\x08\x08\x08, officials said \x1b[8mhidden\x1b[0m\x07.\r\n"
)


def test_control_characters_and_markup_never_reach_the_terminal(tmp_path: Path):
    d = tmp_path / "story"
    d.mkdir()
    (d / "[bold red]x[blink].txt").write_text(HOSTILE, encoding="utf-8")
    (d / "b\x1b[31mz.txt").write_text(B, encoding="utf-8")
    for color in ("always", "never"):
        proc = run([str(d), "--no-export", "--show", "all", "--color", color], tmp_path)
        assert proc.returncode == 1, proc.stderr
        out = proc.stdout
        for bad in ("\x1b[2J", "\x1b]8", "\x07", "\x08", "\x1b[8m", "\x1b[31mz", "\r"):
            assert bad not in out, (color, bad)
        assert "\\x1b[2J" in out and "\\x08" in out  # shown, as escapes
        assert "[bold red]x[blink]" in out  # the file name as written, not read as markup
    listing = run(["claims", str(d)], tmp_path).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "\x08" not in listing
    proc = run([str(d), "--no-export", "--max-article-size", "1"], tmp_path)
    assert "\x1b" not in proc.stderr and proc.returncode == 2


def test_markdown_escapes_what_an_article_could_inject(tmp_path: Path):
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(
        "Bridge\nPublished: 2025-03-03\n\nThe Varlo council approved a $4.2 million bridge on Monday, "
        "officials said [here](http://elsewhere.example) <img src=x onerror=alert(1)> \x1b[2J.\n# Heading\n",
        encoding="utf-8",
    )
    (d / "b.txt").write_text(B, encoding="utf-8")
    out = run([str(d), "--format", "markdown"], tmp_path).stdout
    import re

    assert not re.search(r"(?<!\\)\[here|(?<!\\)<img", out) and "\x1b" not in out
    assert "\\[here\\]" in out and "\\<img" in out
    assert not [x for x in out.splitlines() if x.startswith("# ") and "Heading" in x]


# ---------------------------------------------------------------- many files, near-linear reprints


def brute(articles: list[Article]) -> list[tuple[str, ...]]:
    """The pair-by-pair test the index replaces."""
    from checker.unionfind import UnionFind

    sets = [reprints.shingles(a) for a in articles]
    uf = UnionFind(len(articles))
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            small = min(len(sets[i]), len(sets[j]))
            if small >= reprints.MIN_SHINGLES and len(sets[i] & sets[j]) / small >= reprints.COPY_SHARE:
                uf.union(i, j)
    groups: dict[int, list[str]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(uf.find(i), []).append(a.id)
    return [tuple(g) for g in groups.values() if len(g) > 1]


def synthetic(n: int, seed: int) -> list[Article]:
    rnd = random.Random(seed)
    vocab = [f"w{k}" for k in range(3000)]
    bases = [[rnd.choice(vocab) for _ in range(rnd.randint(30, 160))] for _ in range(max(2, n // 4))]
    out = []
    for i in range(n):
        words = list(rnd.choice(bases))
        for _ in range(rnd.randint(0, len(words) // 3)):  # edits: some stay copies, some do not
            words[rnd.randrange(len(words))] = rnd.choice(vocab)
        if rnd.random() < 0.3:
            words = words[: rnd.randint(10, len(words))]
        text = " ".join(words) + "."
        out.append(Article(f"a{i}", "", text, None, None, None, (Span(0, len(text)),)))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_indexed_reprints_are_the_pairwise_ones(seed: int):
    articles = synthetic(120, seed)
    assert reprints.clusters(articles) == brute(articles)


def test_reprints_of_many_articles_are_near_linear():
    small, large = synthetic(500, 7), synthetic(5000, 7)
    t = time.perf_counter()
    reprints.clusters(small)
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    reprints.clusters(large)
    t_large = time.perf_counter() - t
    assert t_large < max(40 * t_small, 8.0), (t_small, t_large)  # 10x the articles; pairwise would be 100x


def test_a_folder_of_10000_files_is_listed_in_bounded_time(tmp_path: Path):
    from checker.stories import plan

    d = tmp_path / "many"
    d.mkdir()
    for i in range(10_000):
        (d / f"n{i:05d}.txt").write_bytes(b"x")
    t = time.perf_counter()
    stories = plan([str(d)])
    assert len(stories[0].files) == 10_000 and time.perf_counter() - t < 10
