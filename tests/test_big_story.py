"""One story of very many short articles checks in near-linear time (issue 12, "Limits").

A folder of thousands of articles is one story, and the story rules compare claims across articles: a rule
that scored every pair of claims, or scanned the whole story once per claim, grew with the square of the
articles. The articles here are templated (invented names and places, a few events told by several
articles each), so the rules find places, dates, figures, quotes and paraphrases to line up.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SMALL, LARGE = 25, 100  # articles
RATIO = 6.0  # 4x the articles within 6x the time (linear is 4)
FLOOR = 0.2  # seconds: below this the small story's time is noise

_SYLLABLES = ("ka", "lo", "mir", "ten", "vas", "dor", "qui", "ran", "sel", "bru", "nol", "tev")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("March", "April", "May", "June", "July", "August")


def _word(n: int, parts: int = 2) -> str:
    """An invented name, one per n: 'Kalo', 'Mirten', ..."""
    out = ""
    for _ in range(parts):
        out += _SYLLABLES[n % len(_SYLLABLES)]
        n //= len(_SYLLABLES)
    return out.capitalize()


def article(i: int) -> str:
    """Article i: one of four telling event i // 4, each with its own details. An event's own words are
    invented for it, as two stories share few words beside the common ones."""
    e, k = i // 4, i % 4
    town, other = _word(e * 7 + 3), _word(e * 5 + 11)
    victim, speaker = f"{_word(e * 3 + 1)} {_word(e * 11 + 2, 3)}", f"{_word(e * 13 + 5)} {_word(e * 17 + 7, 3)}"
    w = [_word(e * 19 + n, 3).lower() for n in range(12)]  # this event's words
    day, month, weekday = 1 + e % 27, _MONTHS[e % len(_MONTHS)], _WEEKDAYS[(e + k) % 7]
    return (
        f"{victim} was {w[8]} to the {w[9]} {w[10]} in {town} on {weekday}, the {w[11]} {w[0]}.\n\n"
        f"The {w[0]} {w[1]} at the {w[2]} {2 + (e + k) % 9} miles north of {town} began on {month} {day}.\n\n"
        f'"We are {w[3]} the {w[4]}," said {speaker}, a {w[5]} of the {town} {w[6].capitalize()} Department.\n\n'
        f"{speaker.split()[-1]} {w[7]} the {w[6]} {w[3]} near {other} and the {w[4]} {w[5]} outside {town}.\n\n"
        f"The {w[1]} {w[9]} the {w[2]} {w[10]} in {other if k % 2 else town} {w[11]} {w[8]}.\n"
    )


_TIMER = """
import gc, sys, time, tempfile
from pathlib import Path
from checker.caches import tune_gc
from checker.pipeline import check_paths
from tests.test_big_story import article
tune_gc()  # as the command line runs the pipeline
root = Path(tempfile.mkdtemp())
dirs = []
for n in [int(x) for x in sys.argv[1:]]:
    dirs.append(root / str(n))
    dirs[-1].mkdir()
    for i in range(n):
        (dirs[-1] / f"a{i:05d}.txt").write_text(article(i))
check_paths([str(dirs[0])])  # imports, vocabularies, regexes
for d in dirs:
    gc.collect()
    t = time.perf_counter()
    check_paths([str(d)])
    print(time.perf_counter() - t)
"""


def story_times(*sizes: int) -> list[float]:
    """The time of one story of each size, in a process of its own (nothing earlier tests left in this one)."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, *map(str, sizes)], capture_output=True, text=True, cwd=root, timeout=300, check=True
    )
    return [float(x) for x in out.stdout.split()]


def test_many_articles_near_linear():
    small, big = story_times(SMALL, LARGE)
    assert big <= RATIO * max(small, FLOOR), f"{small:.3f} s for {SMALL} articles, {big:.3f} s for {LARGE}"
