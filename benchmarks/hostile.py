"""Time the whole pipeline on hostile articles of 10 kB and 100 kB (issue 12, "no pattern slower than linear").

    python -m benchmarks.hostile                     # the table, every input at 10 kB and 100 kB
    python -m benchmarks.hostile --sizes 10000 --only digits periods
    python -m benchmarks.hostile --profile periods --sizes 10000   # cProfile of one input, top 25

Each story is two articles: the hostile text and a normal short article. Every
measurement runs in a child process with a time limit (``--timeout``), so a
hang is reported as "> N s" instead of blocking the table. The ratio column is
time(100 kB) / time(10 kB); linear is about 10, tests/test_linear_time.py fails
above 15.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NORMAL = """Harbour council approves new ferry terminal

March 4, 2021

By Pell Ostrander

The Varnley harbour council voted 7-2 on Tuesday to approve a $14 million ferry terminal, its chair, Odile Brask, said.
"We have waited long enough," Brask told reporters. About 1,200 people use the crossing each day, up 12% from 2019.
Work is due to start on May 3 and end in 2023, according to the council.
"""

MONTHS = "January February March April May June July August September October November December "

# name -> the unit repeated to make an article of any size
UNITS: dict[str, str] = {
    "digits": "1",
    "digits_commas": "1,",
    "capitals": "A",
    "capital_words": "Abc ",
    "quote_double": '"',
    "quote_ldouble": "“",
    "quote_rdouble": "”",
    "quote_lsingle": "‘",
    "quote_rsingle": "’",
    "quote_lguillemet": "«",
    "quote_rguillemet": "»",
    "quote_apostrophe": "'",
    "quotes_mixed": "“a” ‘b’ «c» \"d\" 'e' ",
    "spaces": " ",
    "hyphens": "-",
    "periods": ".",
    "of_the": "of the ",
    "said": "said ",
    "months": MONTHS,
    "may_3": "May 3 ",
    "dollars": "$",
    "euros": "€",
    "money_words": "$1 ",
    "percent": "1% ",
    "mr": "Mr. ",
    "word": "a",
}


def hostile(name: str, size: int) -> str:
    """The unit repeated to size characters, between two ordinary words (an all-blank file is refused as empty)."""
    unit = UNITS[name]
    return "Start " + (unit * (size // len(unit) + 1))[:size] + " end."


def story_dir(name: str, size: int, root: Path) -> Path:
    d = root / f"{name}_{size}"
    d.mkdir(parents=True, exist_ok=True)
    (d / "a_hostile.txt").write_text(hostile(name, size), encoding="utf-8")
    (d / "b_normal.txt").write_text(NORMAL, encoding="utf-8")
    return d


def run_once(name: str, size: int) -> float:
    """Seconds for check_paths on the two-article story (in this process)."""
    from checker.pipeline import check_paths

    with tempfile.TemporaryDirectory() as tmp:
        check_paths([str(story_dir("said", 100, Path(tmp) / "warm"))])  # imports, vocabularies, regexes
        d = story_dir(name, size, Path(tmp))
        t = time.perf_counter()
        check_paths([str(d)])
        return time.perf_counter() - t


def timed_child(name: str, size: int, timeout: float) -> float | None:
    """run_once in a child process; None when it does not finish within timeout seconds."""
    cmd = [sys.executable, "-m", "benchmarks.hostile", "--child", name, str(size)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as e:
        print(f"{name} {size}: crashed\n{e.stderr[-2000:]}", file=sys.stderr)
        return float("nan")
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--only", nargs="+", choices=sorted(UNITS), help="these inputs only")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per measurement (default 60)")
    ap.add_argument("--profile", choices=sorted(UNITS), help="cProfile one input at the first size")
    ap.add_argument("--child", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(f"{run_once(args.child[0], int(args.child[1])):.4f}")
        return 0
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run_once, args.profile, args.sizes[0])
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
        return 0
    names = args.only or list(UNITS)
    print(f"{'input':18}" + "".join(f"{s // 1000:>8} kB" for s in args.sizes) + "   ratio")
    for name in names:
        times = [timed_child(name, s, args.timeout) for s in args.sizes]
        cells = "".join(f"{f'> {args.timeout:g}s' if t is None else f'{t:.2f} s':>11}" for t in times)
        ratio = ""
        if len(times) >= 2 and None not in times[:2] and times[0]:
            ratio = f"{times[1] / max(times[0], 0.05):7.1f}"
        print(f"{name:18}{cells}   {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
