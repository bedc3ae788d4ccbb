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
