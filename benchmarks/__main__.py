"""Run every benchmark module and write ``benchmarks/RESULTS.md``."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks.harness import Result, machine_lines, run_case

HERE = Path(__file__).parent


def main() -> int:
    results: list[Result] = []
    modules = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        for case in module.cases():
            print(f"bench {case.name} ...", file=sys.stderr, flush=True)
            results.append(run_case(case))
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        *machine_lines(),
        "",
        "| benchmark | median (s) | min–max (s) | runs | peak memory (MiB) | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lo, hi = r.spread
        lines.append(
            f"| {r.name} | {r.median:.4f} | {lo:.4f}–{hi:.4f} | {len(r.times_s)} | {r.peak_mib:.1f} | {r.note} |"
        )
    if not results:
        lines.append("| (no benchmarks yet) | | | | | |")
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
