"""Benchmarks for factcheck: `python -m benchmarks.run` times the pipeline on a generated corpus."""
