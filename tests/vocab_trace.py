"""Run every consumer of the vocabulary with the loader traced; print what was read (JSON).

    python tests/vocab_trace.py

Run by tests/test_vocab.py in a fresh interpreter, so that no cache filled
before tracing started hides a read: every rule over every case file and
the seeds, then the shared APIs that only some paths reach.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from checker import vocab  # noqa: E402

trace = vocab.start_trace()

from casefile import load_cases, run_case  # noqa: E402

from checker import calendar, quantity, text  # noqa: E402
from checker.pipeline import check_paths  # noqa: E402

for case in load_cases():
    run_case(case)
check_paths([str(ROOT / "seeds")])
# the TimeML view `factcheck claims` prints, over every claim of the seeds
from checker.load import discover, load_one, parse_article  # noqa: E402
from rules import rules as registered  # noqa: E402

sample = parse_article("t", "t.txt", "T\n\nIt began about 3 p.m. on Monday and ended just before 5 p.m., now.\n")
for article in [*(load_one(p) for p in discover([str(ROOT / "seeds")])), sample]:
    for rule in registered().values():
        [rule.timeml(c) for c in rule.find_claims(article)]
# the APIs every consumer shares, whatever the cases exercised
calendar.all_names(), calendar.abbreviations(), calendar.full_names()
quantity.parse_words("two dozen"), quantity.hedge_re(), [quantity.hedge_word(c) for c in quantity.HEDGE_CLASSES]
text.abbreviations(), text.stopwords(), text.stem("news"), text.canon("taken")

json.dump(
    {
        "files": sorted(vocab.files()),
        "read": sorted(trace.read),
        "whole": sorted(trace.whole),
        "missing": sorted(trace.missing),
    },
    sys.stdout,
)
