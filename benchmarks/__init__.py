"""Benchmarks: ``make bench`` runs every ``bench_*.py`` module here and writes RESULTS.md.

A module defines ``cases() -> list[Case]``; each case is timed ``repeat`` times and
reported with its median, spread and peak memory. Speed is measured here, never in
timed tests.
"""
