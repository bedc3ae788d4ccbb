"""Time factcheck's pipeline on a generated corpus of 10, 100 and 1000 articles.

    python -m benchmarks.run                      # the table
    python -m benchmarks.run --check              # exit 1 if over the budget
    python -m benchmarks.run --keep benchmarks/.corpus --sizes 1000   # keep the files, for profiling

What is measured, and why
-------------------------
A newsroom runs factcheck on one story folder at a time, so the unit of work
is ``checker.pipeline.check_paths([story_dir])``, called in process once per
story, exactly as the CLI does minus the rendering. For each corpus size the
stories (2-4 articles each, from ``benchmarks.corpus``) are written to a
temporary directory first; generating and writing are not timed. The timed
part is the whole loop over the stories, with ``time.perf_counter()``:
reading and decoding the files (``check_paths`` loads them), extracting,
aligning and comparing claims. The files were just written, so they are read
from the OS page cache: disk speed is not part of the figure.

Cold start. Importing the pipeline and the first call (rule modules imported,
vocabularies parsed, regexes compiled) are one-off costs a batch pays once.
They are measured on a separate small warm-up story before any timed run and
reported on their own line, so they neither hide in nor inflate the
per-article throughput.

Memory. ``tracemalloc`` slows Python down a lot, so each size runs twice:
once timed without it, then once untimed under it; "peak MB" is the
tracemalloc peak of Python allocations during that second run (not the
process RSS, which also counts the interpreter and loaded modules; the
process's max RSS is printed below the table for reference).

Scaling. Stories are independent, so time should grow linearly with the
number of articles: time(1000)/time(100) should be close to 10. A ratio well
above that means some cost grows with the corpus (a cache that never stops
growing, work repeated across stories). The project's budget, enforced with
``--check``: 1000 articles in under 20 s, and time(1000)/time(100) under 12.

Exit codes: 0 done (and within budget with --check); 1 over budget (--check
only; the reasons are printed on stderr); 2 bad arguments.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import corpus

DEFAULT_SIZES = (10, 100, 1000)
BUDGET_SECONDS_1000 = 20.0  # 1000 articles must take less than this
BUDGET_RATIO = 12.0  # time(1000) / time(100) must stay under this (linear is 10)
WARMUP_ARTICLES = 2


@dataclass
class Run:
    articles: int
    stories: int
    words: int
    seconds: float
    findings: int
    kinds: dict[str, int]
    peak_mb: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


@dataclass
class ColdStart:
    import_s: float  # `from checker.pipeline import check_paths`
    first_call_s: float  # first check_paths on the warm-up story
    warm_call_s: float  # the same call again, for comparison


# ---------------------------------------------------------------- measuring


def cold_start(story_dir: Path) -> tuple[ColdStart, Callable]:
    """Import the pipeline and check the warm-up story twice, timing each step."""
    t0 = time.perf_counter()
    from checker.pipeline import check_paths

    t1 = time.perf_counter()
    check_paths([str(story_dir)])
    t2 = time.perf_counter()
    check_paths([str(story_dir)])
    t3 = time.perf_counter()
    return ColdStart(t1 - t0, t2 - t1, t3 - t2), check_paths


def check_all(check_paths: Callable, dirs: list[Path]) -> tuple[int, dict[str, int]]:
    """check_paths on each story folder; the number of findings, in all and by kind."""
    findings, kinds = 0, {}
    for d in dirs:
        try:
            report = check_paths([str(d)])
        except Exception:
            print(f"benchmark: check_paths failed on {d} (rerun with --keep DIR to inspect it)", file=sys.stderr)
            raise
        findings += len(report.findings)
        for f in report.findings:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
    return findings, dict(sorted(kinds.items()))


def measure(check_paths: Callable, size: int, seed: int, root: Path) -> Run:
    stories = corpus.generate(size, seed)
    dirs = corpus.write(stories, root / f"n{size}")

    gc.collect()
    t0 = time.perf_counter()
    findings, kinds = check_all(check_paths, dirs)
    seconds = time.perf_counter() - t0

    gc.collect()
    tracemalloc.start()
    try:
        check_all(check_paths, dirs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    return Run(
        articles=sum(len(s.articles) for s in stories),
        stories=len(stories),
        words=sum(s.words for s in stories),
        seconds=seconds,
        findings=findings,
        kinds=kinds,
        peak_mb=peak / 2**20,
    )


def max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux


def ratio(runs: dict[int, Run], big: int, small: int) -> float | None:
    if big in runs and small in runs and runs[small].seconds > 0:
        return runs[big].seconds / runs[small].seconds
    return None


def budget_failures(runs: dict[int, Run]) -> list[str]:
    out = []
    if runs[1000].seconds >= BUDGET_SECONDS_1000:
        out.append(f"1000 articles took {runs[1000].seconds:.2f} s; the budget is under {BUDGET_SECONDS_1000:g} s")
    r = ratio(runs, 1000, 100)
    if r is not None and r >= BUDGET_RATIO:
        out.append(f"time(1000)/time(100) is {r:.2f}; the budget is under {BUDGET_RATIO:g} (linear would be 10)")
    return out


# ---------------------------------------------------------------- printing


def print_table(cold: ColdStart, runs: dict[int, Run], seed: int) -> None:
    print(f"factcheck benchmark: seed {seed}, Python {platform.python_version()} on {platform.machine()}")
    print(
        f"cold start: import {cold.import_s:.3f} s, first check_paths {cold.first_call_s:.3f} s "
        f"(the same {WARMUP_ARTICLES}-article story warm: {cold.warm_call_s:.3f} s)"
    )
    print()
    header = ("articles", "stories", "words", "seconds", "articles/s", "words/s", "findings", "peak MB")
    rows = [
        (
            f"{r.articles}",
            f"{r.stories}",
            f"{r.words}",
            f"{r.seconds:.3f}",
            f"{r.articles_per_s:.1f}",
            f"{r.words_per_s:.0f}",
            f"{r.findings}",
            f"{r.peak_mb:.1f}",
        )
        for r in runs.values()
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
    print()
    sizes = sorted(runs)
    for small, big in zip(sizes, sizes[1:]):
        print(f"time({big})/time({small}) = {ratio(runs, big, small):.2f}  (linear: {big / small:g})")
    print(
        "peak MB: tracemalloc peak of Python allocations in a separate, untimed run of the same size; "
        f"process max RSS at the end: {max_rss_mb():.1f} MB"
    )


def as_json(cold: ColdStart, runs: dict[int, Run], seed: int) -> dict:
    return {
        "seed": seed,
        "python": platform.python_version(),
        "cold_start": asdict(cold),
        "runs": [{**asdict(r), "articles_per_s": r.articles_per_s, "words_per_s": r.words_per_s} for r in runs.values()],
        "ratio_1000_100": ratio(runs, 1000, 100),
        "peak_mb_is": "tracemalloc peak of Python allocations during a separate untimed run",
        "max_rss_mb": max_rss_mb(),
        "budget": {"seconds_1000": BUDGET_SECONDS_1000, "ratio_1000_100": BUDGET_RATIO},
    }


# ---------------------------------------------------------------- main


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(x) for x in text.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 2:
        raise argparse.ArgumentTypeError("sizes are numbers of articles, each at least 2 (a story has 2-4)")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Time checker.pipeline.check_paths on generated story folders.",
        epilog="Exit codes: 0 done; 1 over budget (with --check); 2 bad arguments.",
    )
    p.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="numbers of articles to time, comma-separated (default: 10,100,1000)",
    )
    p.add_argument("--seed", type=int, default=0, help="corpus seed: the same seed writes the same files (default: 0)")
    p.add_argument(
        "--keep",
        metavar="DIR",
        type=Path,
        help="write the corpus under DIR (DIR/warmup, DIR/n10, ...) and keep it, e.g. benchmarks/.corpus",
    )
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object instead of the table")
    p.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 if 1000 articles take >= {BUDGET_SECONDS_1000:g} s or "
        f"time(1000)/time(100) >= {BUDGET_RATIO:g} (needs 100 and 1000 in --sizes)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.check and not {100, 1000} <= set(args.sizes):
        parser.error("--check needs 100 and 1000 in --sizes")
    if args.keep:
        for sub in ["warmup", *(f"n{n}" for n in args.sizes)]:
            target = args.keep / sub
            if target.exists() and any(target.iterdir()):
                parser.error(f"{target} exists and is not empty: give --keep a new or empty directory")

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        root = args.keep if args.keep else Path(tmp)
        warm = corpus.write(corpus.generate(WARMUP_ARTICLES, args.seed + 1), root / "warmup")[0]
        cold, check_paths = cold_start(warm)
        runs = {n: measure(check_paths, n, args.seed, root) for n in args.sizes}

    if args.json:
        print(json.dumps(as_json(cold, runs, args.seed), indent=2))
    else:
        print_table(cold, runs, args.seed)
        if args.keep:
            print(f"corpus kept in {args.keep}")

    if args.check:
        failures = budget_failures(runs)
        for why in failures:
            print(f"over budget: {why}", file=sys.stderr)
        if failures:
            return 1
        if not args.json:
            print(f"within budget: 1000 articles under {BUDGET_SECONDS_1000:g} s, time(1000)/time(100) under {BUDGET_RATIO:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
