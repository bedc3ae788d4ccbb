"""Test-wide settings.

The cache of story reports (checker/cache.py) is off in every test and every factcheck the tests
start, so each test sees the pipeline itself. An in-process test that patches a rule must never get
a report cached before the patch. tests/test_cache.py turns the cache on, in folders of its own.
"""

import os

os.environ["FACTCHECK_NO_CACHE"] = "1"
