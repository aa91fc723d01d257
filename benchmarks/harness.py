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
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata

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
class Result:
    name: str
    times_s: list[float]
    peak_mib: float
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

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
    times = []
    for _ in range(case.repeat):
        start = time.perf_counter()
        case.func()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    try:
        case.func()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Result(case.name, times, peak / 2**20, case.note)


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
