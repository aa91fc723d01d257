"""Timing and memory measurement shared by the benchmark modules."""

from __future__ import annotations

import contextlib
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata


@dataclass
class Case:
    name: str
    func: Callable[[], object]
    repeat: int = 5
    setup: Callable[[], object] | None = None
    note: str = ""


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
    case.func()  # warm-up: imports and caches are not what we measure
    times = []
    for _ in range(case.repeat):
        start = time.perf_counter()
        case.func()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    case.func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Result(case.name, times, peak / 2**20, case.note)


def machine_lines() -> list[str]:
    import os

    versions = []
    for pkg in ("numpy", "pandas", "papermill", "matplotlib", "openpyxl"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{pkg} {metadata.version(pkg)}")
    return [
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; " + ", ".join(versions),
    ]
