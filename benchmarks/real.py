"""factcheck beside the hand-wired peer, on real news, in one run.

    python -m benchmarks.real                    # the table (about two minutes on 2 cores)
    python -m benchmarks.real --json bench.json  # and the figures as JSON, for comparing runs
    python -m benchmarks.real --check            # exit 1 when a target below is missed

What is measured
----------------
The text is real: ../shared/tools/make_corpus.py copies the real stories of ../shared/real into
folders of about 100 and 1,000 articles (made in a temporary folder, never shipped). Each figure
is the wall time of a whole process as a user starts it, interpreter start-up included, with the
files in the page cache. Peak memory is the largest resident set of the process and of the
children it waited for (``os.wait4``). Linux counts in it the parent's own peak when the child is
started (vfork and exec), so this process imports nothing heavy: it stays at about 15 MB, below
every figure it reports.

- **start-up**: ``factcheck --version`` and ``factcheck seeds/`` in a new process, best of 5;
  ``seeds/`` both with the cache off and with it warm (the story checked once before).
- **1,000 articles**: the peer (../shared/tools/peer_baseline.py: dateparser's search_dates per
  sentence, regexes, rapidfuzz sentence matching) in its one process, against
  ``factcheck DIR --jobs 2 --format json``, which checks the 264 story folders story by story.
- **a story of 12, 25 and 50 articles**: real articles from different stories in one folder. Time
  must grow about linearly with the articles (alignment must not compare every claim with every
  claim).
- **one long article**: a real article's body repeated to about 5k, 20k and 80k words, beside a
  short one. Time must grow about linearly with the length.

The corpus repeats each real story several times, byte for byte, as make_corpus makes it, and
factcheck keeps a cache of story reports keyed by their content (checker/cache.py). So the
1,000 articles are timed three ways, and the table names each: with the cache off (the work
itself: every copy is checked again); with an empty cache (the copies of a story are hits within
the run); and again with that cache warm (a CI run on a repository where nothing changed). All
the other scenarios run with the cache off.

Targets (issue 12), on the project's 2-core machine: 1,000 articles with ``--jobs 2`` at least
15x faster than the peer; a story of 50 articles within 3 s; time(50)/time(25) under 3 and the
long article's time(16x)/time(4x) under 6 (linear growth gives 2 and 4); peak memory under 300 MB;
``--version`` under 0.1 s and ``seeds/`` under 0.3 s.

Progress goes to stderr, the table to stdout. Exit codes: 0 done (and on target with --check),
1 a target missed (--check only), 2 bad arguments or a missing corpus tool.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTCHECK = Path(sys.executable).with_name("factcheck")
STORY_SIZES = (12, 25, 50)
LENGTHS = (1, 4, 16)  # the long article's length, in repeats of the base article
BASE_WORDS = 5000  # the long article at 1x, about

TARGETS = {
    "speedup_1000": 15.0,  # the peer's time / factcheck --jobs 2, at least
    "story_50_s": 3.0,  # a story of 50 articles, at most
    "story_growth": 2 * 1.5,  # time(50) / time(25): linear is 2
    "length_growth": 4 * 1.5,  # time(4x) / time(x) of the long article: linear is 4
    "peak_mb": 300.0,
    "version_s": 0.1,
    "seeds_s": 0.3,
}


@dataclass
class Timed:
    seconds: float
    peak_mb: float
    code: int
    words: int = 0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class Figures:
    machine: dict = field(default_factory=dict)
    startup: dict = field(default_factory=dict)
    corpus: dict = field(default_factory=dict)
    peer_1000: dict = field(default_factory=dict)
    factcheck_1000: dict = field(default_factory=dict)
    factcheck_1000_jobs1: dict = field(default_factory=dict)
    factcheck_1000_cache_empty: dict = field(default_factory=dict)
    factcheck_1000_cache_warm: dict = field(default_factory=dict)
    story: dict = field(default_factory=dict)
    length: dict = field(default_factory=dict)
    targets: dict = field(default_factory=dict)


def progress(text: str) -> None:
    print(f"benchmark: {text}", file=sys.stderr, flush=True)


def run(cmd: list[str], cwd: Path = ROOT, words: int = 0, cache: Path | None = None) -> Timed:
    """Run a whole process, timing it from outside, with its peak resident memory. factcheck's cache
    is off unless a cache folder is given."""
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_NO_CACHE", "FACTCHECK_CACHE_DIR")}
    if cache is None:
        env["FACTCHECK_NO_CACHE"] = "1"
    else:
        env["FACTCHECK_CACHE_DIR"] = str(cache)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(cmd)} exited {proc.returncode}: {err.strip()[:300]}")
    return Timed(seconds, usage.ru_maxrss / 1024, proc.returncode, words)


def best(cmd: list[str], times: int, cwd: Path = ROOT, words: int = 0, cache: Path | None = None) -> Timed:
    return min((run(cmd, cwd, words, cache) for _ in range(times)), key=lambda t: t.seconds)


def words_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in folder.rglob("*.txt"))


def build_corpus(shared: Path, into: Path) -> Path:
    tool = shared / "tools" / "make_corpus.py"
    if not tool.exists():
        raise SystemExit(f"benchmark: {tool} not found (give --shared, the folder that holds tools/ and real/)")
    subprocess.run([sys.executable, str(tool), str(into), "--articles", "1000"], check=True, stdout=subprocess.DEVNULL)
    return into / "1000"


def one_story(corpus: Path, into: Path, n: int) -> Path:
    """n real articles from different stories, as one story folder."""
    folder = into / f"story-{n}"
    folder.mkdir()
    files = sorted(corpus.glob("*/*.txt"))
    for f in files[:n]:
        shutil.copyfile(f, folder / f"{f.parent.name}-{f.name}")
    return folder


def long_article(corpus: Path, into: Path, repeats: int) -> Path:
    """A real article's body, repeated to about BASE_WORDS * repeats words, beside a short real article."""
    files = sorted(corpus.glob("*/*.txt"), key=lambda p: (-p.stat().st_size, str(p)))
    base = files[0].read_text(encoding="utf-8")
    head, _, body = base.partition("\n\n")
    copies = max(1, BASE_WORDS * repeats // max(1, len(body.split())))
    folder = into / f"long-{repeats}"
    folder.mkdir()
    (folder / "long.txt").write_text(head + "\n\n" + "\n\n".join([body.strip()] * copies) + "\n", encoding="utf-8")
    shutil.copyfile(files[1], folder / "short.txt")
    return folder


def peer(shared: Path, corpus: Path, tmp: Path, words: int) -> Timed | None:
    # looked up, not imported: this process stays small (see the module doc on peak memory)
    missing = [name for name in ("dateparser", "numpy", "rapidfuzz") if importlib.util.find_spec(name) is None]
    if missing:
        progress(
            f"the peer needs dateparser, numpy and rapidfuzz in this interpreter (missing: {', '.join(missing)}); peer skipped"
        )
        return None
    return run(
        [sys.executable, str(shared / "tools" / "peer_baseline.py"), "--clusters", str(corpus), "--json", str(tmp / "peer.json")],
        words=words,
    )


def measure(shared: Path, tmp: Path) -> Figures:
    fig = Figures(machine={"python": platform.python_version(), "cores": os.cpu_count(), "platform": platform.platform()})
    fc = [str(FACTCHECK)]
    # the bytecode an installed package has (pip compiles a wheel's modules when it installs them): a shell
    # with PYTHONDONTWRITEBYTECODE=1 and an editable install would otherwise time Python's compiler
    compileall.compile_dir(str(ROOT / "checker"), quiet=1)
    compileall.compile_dir(str(ROOT / "rules"), quiet=1)
    progress("[1/6] start-up: factcheck --version and factcheck seeds/ in new processes, best of 5")
    version = best([*fc, "--version"], 5)
    seeds = best([*fc, "seeds/", "--no-export", "--silent"], 5)
    run([*fc, "seeds/", "--no-export", "--silent"], cache=tmp / "seeds-cache")  # fills the cache
    seeds_warm = best([*fc, "seeds/", "--no-export", "--silent"], 5, cache=tmp / "seeds-cache")
    fig.startup = {
        "version_s": round(version.seconds, 3),
        "seeds_s": round(seeds.seconds, 3),
        "seeds_cache_s": round(seeds_warm.seconds, 3),
    }
    progress("[2/6] the corpus: ../shared/tools/make_corpus.py")
    corpus = build_corpus(shared, tmp / "corpus")
    words = words_in(corpus)
    fig.corpus = {"articles": len(list(corpus.glob("*/*.txt"))), "stories": len(list(corpus.iterdir())), "words": words}
    progress(f"[3/6] the peer on {fig.corpus['articles']} articles, one process")
    p = peer(shared, corpus, tmp, words)
    if p:
        fig.peer_1000 = {"seconds": round(p.seconds, 2), "peak_mb": round(p.peak_mb, 1), "words_per_s": round(p.words_per_s)}
    progress(
        "[4/6] factcheck on the same folders: --jobs 2 and --jobs 1 without the cache, then --jobs 2 with an empty and a warm cache"
    )
    check = [*fc, str(corpus), "--format", "json", "--no-export"]
    two = run([*check, "--jobs", "2"], words=words)
    one = run([*check, "--jobs", "1"], words=words)
    empty = run([*check, "--jobs", "2"], words=words, cache=tmp / "cache")
    warm = run([*check, "--jobs", "2"], words=words, cache=tmp / "cache")
    runs = (
        (fig.factcheck_1000, two),
        (fig.factcheck_1000_jobs1, one),
        (fig.factcheck_1000_cache_empty, empty),
        (fig.factcheck_1000_cache_warm, warm),
    )
    for into, t in runs:
        into.update({"seconds": round(t.seconds, 2), "peak_mb": round(t.peak_mb, 1), "words_per_s": round(t.words_per_s)})
    progress(f"[5/6] one story of {', '.join(map(str, STORY_SIZES))} articles")
    for n in STORY_SIZES:
        folder = one_story(corpus, tmp, n)
        t = best([*fc, str(folder), "--format", "json", "--no-export"], 2, words=words_in(folder))
        fig.story[str(n)] = {"seconds": round(t.seconds, 2), "peak_mb": round(t.peak_mb, 1), "words": t.words}
    progress(f"[6/6] one long article, {', '.join(f'{r}x' for r in LENGTHS)} about {BASE_WORDS} words")
    for r in LENGTHS:
        folder = long_article(corpus, tmp, r)
        t = best([*fc, str(folder), "--format", "json", "--no-export"], 1 if r == LENGTHS[-1] else 2, words=words_in(folder))
        fig.length[f"{r}x"] = {"seconds": round(t.seconds, 2), "peak_mb": round(t.peak_mb, 1), "words": t.words}
    fig.targets = targets(fig)
    return fig


def targets(fig: Figures) -> dict:
    """Each target: the figure measured, the bound, and whether it holds."""
    out = {}

    def check(name: str, value: float | None, bound: float, at_least: bool = False) -> None:
        if value is None:
            return
        ok = value >= bound if at_least else value <= bound
        out[name] = {"value": round(value, 3), "bound": bound, "ok": ok}

    if fig.peer_1000:
        # the work itself (no cache), and a first run with an empty cache (copies of a story are hits)
        check("speedup_1000", fig.peer_1000["seconds"] / fig.factcheck_1000["seconds"], TARGETS["speedup_1000"], at_least=True)
        speedup = fig.peer_1000["seconds"] / fig.factcheck_1000_cache_empty["seconds"]
        check("speedup_1000_cache", speedup, TARGETS["speedup_1000"], at_least=True)
        # and a second run (CI on a repository where nothing changed since the cache was kept)
        warm = fig.peer_1000["seconds"] / fig.factcheck_1000_cache_warm["seconds"]
        check("speedup_1000_cache_warm", warm, TARGETS["speedup_1000"], at_least=True)
    big, mid = str(STORY_SIZES[-1]), str(STORY_SIZES[-2])
    check("story_50_s", fig.story[big]["seconds"], TARGETS["story_50_s"])
    check("story_growth", fig.story[big]["seconds"] / fig.story[mid]["seconds"], TARGETS["story_growth"])
    check(
        "length_growth",
        fig.length[f"{LENGTHS[-1]}x"]["seconds"] / fig.length[f"{LENGTHS[-2]}x"]["seconds"],
        TARGETS["length_growth"],
    )
    peaks = [
        fig.factcheck_1000["peak_mb"],
        *(v["peak_mb"] for v in fig.story.values()),
        *(v["peak_mb"] for v in fig.length.values()),
    ]
    check("peak_mb", max(peaks), TARGETS["peak_mb"])
    check("version_s", fig.startup["version_s"], TARGETS["version_s"])
    check("seeds_s", fig.startup["seeds_s"], TARGETS["seeds_s"])
    check("seeds_cache_s", fig.startup["seeds_cache_s"], TARGETS["seeds_s"])
    return out


def table(fig: Figures) -> str:
    rows = [f"factcheck beside the peer, real news ({fig.machine['cores']} cores, Python {fig.machine['python']})", ""]
    rows.append(f"{'scenario':<52}{'peer':>10}{'factcheck':>11}{'ratio':>8}{'words/s':>10}{'peak MB':>9}")
    p, f1, f2 = fig.peer_1000, fig.factcheck_1000_jobs1, fig.factcheck_1000
    c = fig.corpus
    label = f"{c['articles']:,} articles ({c['stories']} stories)"
    rows.insert(1, f"corpus: {c['articles']:,} articles in {c['stories']} story folders, {c['words']:,} words")
    peer_s = f"{p['seconds']:.2f} s" if p else "—"
    shown = (
        (f"{label}, --jobs 2, no cache", f2),
        ("the same, --jobs 1, no cache", f1),
        ("the same, --jobs 2, empty cache", fig.factcheck_1000_cache_empty),
        ("the same, --jobs 2, warm cache", fig.factcheck_1000_cache_warm),
    )
    for name, t in shown:
        ratio = f"{p['seconds'] / t['seconds']:.1f}x" if p else "—"
        rows.append(f"{name:<52}{peer_s:>10}{t['seconds']:>9.2f} s{ratio:>8}{t['words_per_s']:>10,}{t['peak_mb']:>9.0f}")
    if p:
        rows.append(f"{'  (the peer)':<52}{'':>10}{'':>11}{'':>8}{p['words_per_s']:>10,}{p['peak_mb']:>9.0f}")
    for n, t in fig.story.items():
        name = f"one story of {n} articles ({t['words']:,} words)"
        rows.append(f"{name:<52}{'':>10}{t['seconds']:>9.2f} s{'':>8}{round(t['words'] / t['seconds']):>10,}{t['peak_mb']:>9.0f}")
    for r, t in fig.length.items():
        name = f"one article {r} ({t['words']:,} words with its pair)"
        rows.append(f"{name:<52}{'':>10}{t['seconds']:>9.2f} s{'':>8}{round(t['words'] / t['seconds']):>10,}{t['peak_mb']:>9.0f}")
    rows.append(f"{'start-up: factcheck --version':<52}{'':>10}{fig.startup['version_s']:>9.3f} s")
    rows.append(f"{'start-up: factcheck seeds/, no cache':<52}{'':>10}{fig.startup['seeds_s']:>9.3f} s")
    rows.append(f"{'start-up: factcheck seeds/, warm cache':<52}{'':>10}{fig.startup['seeds_cache_s']:>9.3f} s")
    rows += ["", "targets (issue 12):"]
    for name, t in fig.targets.items():
        sign = ">=" if name.startswith("speedup") else "<="
        rows.append(f"  {'ok  ' if t['ok'] else 'MISS'} {name:<15} {t['value']:>9} {sign} {t['bound']}")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.real", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the folder with tools/ and real/ (default: ../shared)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    ap.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it (default: a temporary folder)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    if not FACTCHECK.exists():
        print(f"benchmark: no factcheck beside {sys.executable}: pip install -e . first", file=sys.stderr)
        return 2
    shared = Path(args.shared)
    if args.keep:
        tmp = Path(args.keep)
        if tmp.exists() and any(tmp.iterdir()):
            print(f"benchmark: {tmp} is not empty", file=sys.stderr)
            return 2
        tmp.mkdir(parents=True, exist_ok=True)
        fig = measure(shared, tmp)
    else:
        with tempfile.TemporaryDirectory(prefix="fc-bench-") as d:
            fig = measure(shared, Path(d))
    sys.stdout.write(table(fig))
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(fig), indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and not all(t["ok"] for t in fig.targets.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
