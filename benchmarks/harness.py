"""Timing and memory measurement shared by the benchmark modules.

A module ``benchmarks/bench_*.py`` exposes ``cases() -> list[Case]`` and, optionally,
``extra_lines(results: dict[str, Result]) -> list[str]``: figures derived from its own
results of the same run (a ratio of two cases, a growth rate), written under
"Extra figures" in ``RESULTS.md``.

Each case runs once untimed (imports and caches are not what we measure; skip it with
``warmup=False`` for cases too slow to run twice), ``repeat`` times timed, then once more
under :mod:`tracemalloc` for its peak memory: Python and numpy allocations of this
process (numpy reports its buffers to tracemalloc), not the memory of child processes
such as notebook kernels.

A case may return :class:`Measured` from each run instead: for work in a child process,
the seconds the child measured around the work itself (used instead of the harness's
clock, which would include the child's start-up) and the child's peak resident memory
read from outside by a small waiter process (``os.wait4``; tracemalloc misses numpy's allocator
pools and the interpreter); or only data about the run (how many notebooks ran). Such
a case has no tracemalloc run; its peak is the largest resident peak of its runs
("resident" in the table), or none. :func:`run_child` starts such a child.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

WAITER = str(Path(__file__).with_name("rss_waiter.py"))
VERSIONED = ("numpy", "pandas", "papermill", "nbconvert", "matplotlib", "openpyxl", "xlsxwriter",
             "pydantic", "ema-workbench")


@dataclass
class Case:
    name: str
    func: Callable[[], object]
    repeat: int = 5
    setup: Callable[[], object] | None = None
    note: str = ""
    warmup: bool = True


@dataclass
class Measured:
    """What one run of a case measured itself (in a child process): replaces the harness's figures."""

    seconds: float | None = None  # the work alone, by the child's clock
    peak_mib: float | None = None  # the child's peak resident memory, read from outside
    data: dict = field(default_factory=dict)  # anything else the child reported


@dataclass
class Result:
    name: str
    times_s: list[float]
    peak_mib: float
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    #: "traced" (tracemalloc, this process), "resident" (a child's peak RSS, from outside) or "none"
    peak_kind: str = "traced"
    #: Per timed run: the resident peaks and the data the case reported (empty unless it returned Measured).
    peaks_mib: list[float] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times_s)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.times_s), max(self.times_s)


def run_case(case: Case) -> Result:
    if case.setup:
        case.setup()
    if case.warmup:
        case.func()
    times: list[float] = []
    measured: list[Measured] = []
    for _ in range(case.repeat):
        start = time.perf_counter()
        got = case.func()
        elapsed = time.perf_counter() - start
        if isinstance(got, Measured):
            measured.append(got)
            elapsed = got.seconds if got.seconds is not None else elapsed
        times.append(elapsed)
    if measured:
        peaks = [m.peak_mib for m in measured if m.peak_mib is not None]
        return Result(case.name, times, max(peaks, default=float("nan")), case.note,
                      peak_kind="resident" if peaks else "none", peaks_mib=peaks,
                      runs=[m.data for m in measured])
    tracemalloc.start()
    try:
        case.func()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Result(case.name, times, peak / 2**20, case.note)


def run_child(args: Sequence[str], *, env: dict[str, str] | None = None) -> Measured:
    """Run ``python args…`` to the end; its peak resident memory (read from outside) and its report.

    The child is started by a small waiter process (:mod:`benchmarks.rss_waiter`), which waits
    for it with ``os.wait4``: ``ru_maxrss`` is the child's peak resident set size (KiB on
    Linux). Not from this process: Linux carries the peak of the process that started a
    child into the child's ``ru_maxrss`` (across fork/vfork and exec), so a child of the
    benchmark process (hundreds of MiB by then) would never report less than it. The child may print one
    JSON object as the last line of its stdout; its ``"seconds"`` becomes the run's time.
    A child that fails raises, with the end of its stderr.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("r", suffix=".json") as report:
        proc = subprocess.run([sys.executable, WAITER, report.name, sys.executable, *args], stdout=out,
                              stderr=err, text=True, env=env, check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        usage = json.loads(report.read() or "{}")
    if proc.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} exited with {proc.returncode}: {stderr[-2000:]}")
    lines = stdout.strip().splitlines()
    data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Measured(seconds=data.get("seconds"), peak_mib=usage["maxrss_kib"] / 1024, data=data)


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in open("/proc/cpuinfo", encoding="utf-8"):  # noqa: SIM115 - Linux only, read once
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def memory_gib() -> str:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in open("/proc/meminfo", encoding="utf-8"):  # noqa: SIM115
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
    return "RAM unknown"


def machine_lines() -> list[str]:
    versions = []
    for pkg in VERSIONED:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{pkg} {metadata.version(pkg)}")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"- Machine: {cpu_model()}, {platform.machine()}, {os.cpu_count()} cores "
        f"({usable} usable), {memory_gib()}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; " + ", ".join(versions),
    ]
