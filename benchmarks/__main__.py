"""Run every benchmark module and write ``benchmarks/RESULTS.md``.

``python -m benchmarks`` runs all ``bench_*.py`` modules (``make bench``).
``python -m benchmarks peer scaling`` runs only the modules whose name contains one of
the words and prints the table instead of writing ``RESULTS.md`` (a partial run must
not replace the full record).
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks.harness import Result, machine_lines, run_case

HERE = Path(__file__).parent


def _mib(value: float) -> str:
    return f"{value:.2f}" if value < 1 else f"{value:,.1f}"


def _table(results: list[Result]) -> list[str]:
    lines = [
        "| benchmark | median (s) | min–max (s) | runs | peak memory (MiB) | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lo, hi = r.spread
        lines.append(
            f"| {r.name} | {r.median:.4f} | {lo:.4f}–{hi:.4f} | {len(r.times_s)} | {_mib(r.peak_mib)} | {r.note} |"
        )
    if not results:
        lines.append("| (no benchmarks yet) | | | | | |")
    return lines


def main(argv: list[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
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
            result = run_case(case)
            print(f"  median {result.median:.4f} s, peak {result.peak_mib:.1f} MiB", file=sys.stderr, flush=True)
            results.append(result)
            own[case.name] = result
        if hasattr(module, "extra_lines"):
            extras += module.extra_lines(own)
    total = time.perf_counter() - started
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC "
        f"(the whole run took {total / 60:.1f} min).",
        "",
        *machine_lines(),
        "",
        "Each case runs once untimed (unless marked otherwise), then `runs` times timed: the median "
        "and the fastest–slowest of those runs are shown. Peak memory is the largest traced "
        "allocation (Python and numpy, `tracemalloc`) during one more run, in this process only: "
        "child processes such as notebook kernels are not included.",
        "",
        *_table(results),
    ]
    if extras:
        lines += ["", "## Extra figures", "", *extras]
    text = "\n".join(lines) + "\n"
    if words:
        print(text)
        return 0
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
