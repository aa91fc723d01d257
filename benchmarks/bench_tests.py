"""The test suite's wall time: ``make test`` (the whole suite) and ``make test-fast``.

Run as a developer runs them, from the checkout, one after the other, with nothing else
of ``make bench`` running. Goals (issue 16.3): ``make test`` under 4 minutes and
``make test-fast`` under 60 s on an idle 2-core machine. A failing suite stops the
benchmark (a time for a red suite means nothing). Each runs once (minutes each on a
shared machine). Beside the wall time, the CPU seconds of make and everything it started
(user + system, read with ``os.wait4``): on a loaded machine the wall time says little
about an idle one, while CPU seconds / 2 is what the suite needs at least on 2 idle cores.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Case, Measured

ROOT = Path(__file__).resolve().parent.parent
TEST, FAST = "make test (lint + whole suite)", "make test-fast"


def _make(target: str) -> Measured:
    # A clean make: not a sub-make of `make bench` (no inherited flags or jobserver).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(["make", "--no-print-directory", "-C", str(ROOT), target], stdout=out,
                                stderr=subprocess.STDOUT, text=True, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # usage: make and every descendant it waited for
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"make {target} failed (exit {proc.returncode}):\n{output[-4000:]}")
    summary = re.findall(r"=+ (\d+ passed.*?) in [\d.]+s", output)
    return Measured(seconds=seconds, data={"summary": summary[-1] if summary else "",
                                           "cpu_s": usage.ru_utime + usage.ru_stime})


def cases() -> list[Case]:
    return [
        Case(TEST, lambda: _make("test"), repeat=1, warmup=False,
             note="ruff, notebook hygiene, import layers, pytest -n 2"),
        Case(FAST, lambda: _make("test-fast"), repeat=1, warmup=False,
             note="ruff, pytest -n 2 -m 'not slow and not system'"),
    ]


def extra_lines(results) -> list[str]:
    return [f"- {name}: {r.median:.0f} s wall, {r.runs[-1]['cpu_s']:.0f} CPU seconds (so at least "
            f"{r.runs[-1]['cpu_s'] / 2:.0f} s on 2 idle cores); pytest said: {r.runs[-1].get('summary') or '?'}"
            for name in (TEST, FAST) if (r := results.get(name)) and r.runs]
