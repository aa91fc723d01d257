"""The test suite's wall time: ``make test`` (the whole suite) and ``make test-fast``.

Run as a developer runs them, from the checkout, one after the other, with nothing else
of ``make bench`` running. Goals (issue 16.3): ``make test`` under 4 minutes and
``make test-fast`` under 60 s on an idle 2-core machine. A failing suite stops the
benchmark (a time for a red suite means nothing). ``make test`` runs once (it takes
minutes); ``make test-fast`` three times.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

from benchmarks.harness import Case, Measured

ROOT = Path(__file__).resolve().parent.parent
TEST, FAST = "make test (lint + whole suite)", "make test-fast"


def _make(target: str) -> Measured:
    # A clean make: not a sub-make of `make bench` (no inherited flags or jobserver).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), target], capture_output=True,
                          text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"make {target} failed (exit {done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    summary = re.findall(r"=+ (\d+ passed.*?) in [\d.]+s", done.stdout)
    return Measured(seconds=seconds, data={"summary": summary[-1] if summary else ""})


def cases() -> list[Case]:
    return [
        Case(TEST, lambda: _make("test"), repeat=1, warmup=False,
             note="ruff, notebook hygiene, import layers, pytest -n 2"),
        Case(FAST, lambda: _make("test-fast"), repeat=3, warmup=False,
             note="ruff, pytest -n 2 -m 'not slow and not system'"),
    ]


def extra_lines(results) -> list[str]:
    return [f"- {name}: {r.median:.0f} s; pytest said: {r.runs[-1].get('summary') or '?'}"
            for name in (TEST, FAST) if (r := results.get(name)) and r.runs]
