"""Run every benchmark module and write ``benchmarks/RESULTS.md``.

``python -m benchmarks`` runs all ``bench_*.py`` modules (``make bench``).
``python -m benchmarks peer scaling`` runs only the modules whose name contains one of
the words and prints the table instead of writing ``RESULTS.md`` (a partial run must
not replace the full record). A case that raises is shown as failed and the run goes
on; the exit code is then 1. ``RESULTS.md`` opens with the goals (:mod:`benchmarks.goals`),
each beside this run's figure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import math
import os
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks.goals import goal_lines
from benchmarks.harness import Case, Result, machine_lines, run_case

HERE = Path(__file__).parent


def _mib(value: float) -> str:
    return f"{value:.2f}" if value < 1 else f"{value:,.1f}"


def _peak(r: Result) -> str:
    if r.peak_kind == "none" or math.isnan(r.peak_mib):
        return "–"
    return _mib(r.peak_mib) + (" resident" if r.peak_kind == "resident" else "")


def _table(results: list[Result]) -> list[str]:
    lines = [
        "| benchmark | median (s) | min–max (s) | runs | peak memory (MiB) | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        if not r.times_s:
            lines.append(f"| {r.name} | **failed** | | 0 | | {r.note} |")
            continue
        lo, hi = r.spread
        lines.append(
            f"| {r.name} | {r.median:.4f} | {lo:.4f}–{hi:.4f} | {len(r.times_s)} | {_peak(r)} | {r.note} |"
        )
    if not results:
        lines.append("| (no benchmarks yet) | | | | | |")
    return lines


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def _run(case: Case) -> Result:
    try:
        return run_case(case)
    except Exception as err:  # noqa: BLE001 - one failed case must not lose the others' figures
        message = " ".join(str(err).split())[:300]
        print(f"  FAILED: {message}", file=sys.stderr, flush=True)
        return Result(case.name, [], float("nan"), f"failed: {message}", peak_kind="none")


def main(argv: list[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    started, load_before = time.perf_counter(), _load()
    results: list[Result] = []
    extras: list[str] = []
    modules = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    if words:
        modules = [m for m in modules if any(w in m for w in words)]
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        own: dict[str, Result] = {}
        for case in module.cases():
            print(f"bench {case.name} ...", file=sys.stderr, flush=True)
            result = _run(case)
            if result.times_s:
                print(f"  median {result.median:.4f} s, peak {_peak(result)} MiB", file=sys.stderr, flush=True)
            results.append(result)
            if result.times_s:
                own[case.name] = result
        if hasattr(module, "extra_lines"):
            with contextlib.suppress(KeyError, IndexError):  # a case failed; its row says so
                extras += module.extra_lines(own)
    total = time.perf_counter() - started
    measured = {r.name: r for r in results if r.times_s}
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC "
        f"(the whole run took {total / 60:.1f} min).",
        "",
        *machine_lines(),
        f"- Load average (1/5/15 min) when the run started: {load_before}; when it ended: {_load()} "
        "(the goals are for an idle machine: a load above the 2 cores slows every figure below)",
        "",
        "## Goals",
        "",
        *goal_lines(measured),
        "",
        "## All cases",
        "",
        "Each case runs once untimed (unless marked otherwise), then `runs` times timed: the median "
        "and the fastest–slowest of those runs are shown. Peak memory is the largest traced "
        "allocation (Python and numpy, `tracemalloc`) during one more run, in this process only: "
        "child processes such as notebook kernels are not included. Where it says *resident*, "
        "the case ran in a process of its own and the figure is that process's peak resident "
        "memory read from outside (the largest of the runs); its time is the work alone, by the "
        "child's clock.",
        "",
        *_table(results),
    ]
    if extras:
        lines += ["", "## Extra figures", "", *extras]
    text = "\n".join(lines) + "\n"
    failed = len(results) - len(measured)
    if words:
        print(text)
        return 1 if failed else 0
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}" + (f"; {failed} case(s) FAILED" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
