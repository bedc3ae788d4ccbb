"""The cache of story reports (checker/cache.py), through the installed command line: the same
bytes out with or without it, a copy of a story elsewhere is a hit with its own paths, an edit is a
miss, a tampered or planted entry is never read, --no-cache writes nothing, and a cache folder that
cannot be written costs nothing but the time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday, officials said.\n"
B = "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved a road repair budget of $4.8 million, officials said.\n"


def run(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_NO_CACHE"}
    env["FACTCHECK_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args, "--format", "json", "--no-export"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.pickle"))


def story(root: Path, name: str, b: str = B) -> Path:
    d = root / name
    d.mkdir(parents=True)
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(b, encoding="utf-8")
    return d


def test_a_hit_gives_the_bytes_a_fresh_check_gives(tmp_path: Path):
    cache = tmp_path / "cache"
    first = story(tmp_path, "one")
    fresh = run(str(first), "--no-cache", cwd=tmp_path, cache=cache)
    assert fresh.returncode == 1 and not cache.exists()  # --no-cache writes nothing
    cold = run(str(first), cwd=tmp_path, cache=cache)
    assert len(entries(cache)) == 1 and oct((cache / "v1" / "key").stat().st_mode & 0o777) == "0o600"
    warm = run(str(first), cwd=tmp_path, cache=cache)
    assert fresh.stdout == cold.stdout == warm.stdout and warm.returncode == 1
    # the same story elsewhere is the same entry, reported with its own paths
    copy = story(tmp_path, "copy")
    moved = run(str(copy), cwd=tmp_path, cache=cache)
    assert len(entries(cache)) == 1
    paths = [a["path"] for a in json.loads(moved.stdout)["articles"]]
    assert paths == [str(copy / "a.txt"), str(copy / "b.txt")]
    assert moved.stdout == fresh.stdout.replace(str(first), str(copy))


def test_an_edit_is_a_miss(tmp_path: Path):
    cache = tmp_path / "cache"
    d = story(tmp_path, "one")
    run(str(d), cwd=tmp_path, cache=cache)
    (d / "b.txt").write_text(B.replace("$4.8 million", "$4.2 million"), encoding="utf-8")
    again = run(str(d), cwd=tmp_path, cache=cache)
    assert again.returncode == 0 and json.loads(again.stdout)["counts"]["discrepancy"] == 0
    assert len(entries(cache)) == 2
    other_rules = run(str(d), "--rules", "dates", cwd=tmp_path, cache=cache)
    assert other_rules.returncode == 0 and len(entries(cache)) == 3  # the rules run are part of the key


def test_a_tampered_or_planted_entry_is_never_read(tmp_path: Path):
    cache = tmp_path / "cache"
    d = story(tmp_path, "one")
    good = run(str(d), cwd=tmp_path, cache=cache).stdout
    (entry,) = entries(cache)
    data = bytearray(entry.read_bytes())
    # a pickle that would run code if it were ever loaded, behind a MAC made without the key
    import pickle

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    entry.write_bytes(bytes(data[:32]) + pickle.dumps(Boom()))
    again = run(str(d), cwd=tmp_path, cache=cache)
    assert again.stdout == good and not (tmp_path / "pwned").exists()
    assert entry.read_bytes() != bytes(data[:32]) + pickle.dumps(Boom())  # written anew


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path):
    blocked = tmp_path / "cache"
    blocked.write_text("not a folder", encoding="utf-8")
    d = story(tmp_path, "one")
    proc = run(str(d), cwd=tmp_path, cache=blocked)
    assert proc.returncode == 1 and proc.stderr == "" and json.loads(proc.stdout)["counts"]["discrepancy"] == 1


def test_jobs_read_the_cache_in_the_parent_and_keep_the_order(tmp_path: Path):
    """With --jobs, the stories the cache holds are read by the parent and only the others go to the
    workers: a shelf of cached, edited and new stories gives, in order, what a fresh --jobs 1 gives."""
    cache, shelf = tmp_path / "cache", tmp_path / "shelf"
    for name in ("s1", "s2", "s3", "s4"):
        story(shelf, name)
    run(str(shelf), "-j", "2", cwd=tmp_path, cache=cache)
    assert len(entries(cache)) == 1  # four copies of one story: one entry
    (shelf / "s2" / "b.txt").write_text(B.replace("$4.8 million", "$4.2 million"), encoding="utf-8")
    story(shelf, "s5", b=B.replace("Monday", "Tuesday"))
    mixed = run(str(shelf), "-j", "2", cwd=tmp_path, cache=cache)
    fresh = run(str(shelf), "-j", "1", "--no-cache", cwd=tmp_path, cache=cache)
    assert mixed.returncode == fresh.returncode == 1 and mixed.stdout == fresh.stdout
    stories = json.loads(mixed.stdout)["stories"]
    assert [s["story"] for s in stories] == [str(shelf / n) for n in ("s1", "s2", "s3", "s4", "s5")]
    assert [s["counts"]["discrepancy"] for s in stories][:2] == [1, 0]
    assert len(entries(cache)) == 3
