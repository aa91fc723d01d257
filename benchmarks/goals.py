"""The goals `make bench` is held to, each beside this run's figure (the "Goals" table of RESULTS.md).

Every goal reads the results of this run by case name; a goal whose cases did not run
(a partial run, ``python -m benchmarks scaling``) says so instead of showing a figure.
"Met" is the figure against the goal as written, on whatever machine ran the benchmarks:
the goals are set for an idle 2-core machine, so the load average at the start and the
end of the run is in RESULTS.md too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks import bench_batch, bench_memory, bench_peer, bench_scaling, bench_tests
from benchmarks.harness import Result

Figure = tuple[str, bool | None]
FLOOR = "papermill_empty_notebook"
TRIVIAL = "report_one_trivial_notebook"
FULL_BATCH = "report_batch_all_2_jobs"
RERUN = "report_rerun_one_scenario_changed"
MILLION = 1_000_000


@dataclass(frozen=True)
class Goal:
    text: str
    figure: Callable[[dict[str, Result]], Figure]


def _batch_ratio(r: dict[str, Result]) -> Figure:
    each, n = bench_batch.per_notebook(r)
    floor = r[FLOOR].median
    return (f"{each / floor:.2f}× ({r[bench_batch.NAME].median:.1f} s / {n} notebooks = {each:.2f} s "
            f"against a {floor:.2f} s floor)", each / floor <= 1.5)


def _path_ratio(r: dict[str, Result]) -> Figure:
    trivial, floor = r[TRIVIAL].median, r[FLOOR].median
    return f"{trivial / floor:.2f}× ({trivial:.2f} s against a {floor:.2f} s floor)", trivial / floor <= 1.5


def _full_batch(r: dict[str, Result]) -> Figure:
    s = r[FULL_BATCH].median
    return f"{s:.1f} s (median, after a warm-up run)", s < 15


def _rerun(r: dict[str, Result]) -> Figure:
    s, full = r[RERUN].median, r[FULL_BATCH].median
    return f"{s:.1f} s ({s / full:.0%} of the full batch)", None


def _million_peak(r: dict[str, Result]) -> Figure:
    peaks = r[bench_memory.name(MILLION)].peaks_mib
    mb = max(peaks) * 2**20 / 1e6
    return f"{mb:,.0f} MB ({max(peaks):,.0f} MiB), the largest of {len(peaks)} runs", mb < 500


def _linear(r: dict[str, Result]) -> Figure:
    small, big = (r[bench_scaling._name(n)].median for n in (100_000, MILLION))
    exponent = math.log(big / small) / math.log(MILLION / 100_000)
    return (f"time grows as draws^{exponent:.2f} from 100,000 to 1,000,000 "
            f"({small * 1e6 / 100_000:.2f} → {big * 1e6 / MILLION:.2f} ms per 1,000 draws)", exponent <= 1.1)


def _explorer(r: dict[str, Result]) -> Figure:
    changes = {n: x for n, x in r.items() if n.startswith("explore:") and "change" in n}
    if not changes:
        raise KeyError("explore")
    name, worst = max(changes.items(), key=lambda kv: kv[1].median)
    return f"{worst.median:.3f} s ({name.split('→')[0].removeprefix('explore: ').strip()}, median)", \
        worst.median <= 0.13


def _suite(name: str, limit_s: float) -> Callable[[dict[str, Result]], Figure]:
    def figure(r: dict[str, Result]) -> Figure:
        s = r[name].median
        wall = f"{s // 60:.0f} min {s % 60:02.0f} s" if s >= 60 else f"{s:.0f} s"
        cpu = r[name].runs[-1].get("cpu_s") if r[name].runs else None
        if cpu:
            wall += f" wall; {cpu:.0f} CPU s, so at least {cpu / 2:.0f} s on 2 idle cores"
        return wall, s < limit_s
    return figure


def _peer(r: dict[str, Result]) -> Figure:
    ratio = r[bench_peer.EMA].median / r[bench_peer.ENGINE].median
    return f"the engine {ratio:,.0f}× faster than EMA Workbench, results checked equal", True


GOALS = (
    Goal("Per notebook, the batch path itself (validate, execute, HTML, files, manifest) costs at most 1.5× "
         "papermill's floor: one trivial notebook through `khcn report` against an empty notebook through the "
         "papermill API on the same kernel, this run", _path_ratio),
    Goal("Per notebook, our five notebooks of one scenario (--jobs 1), their own work included (tables, "
         "charts, the Word brief, the Excel workbook), at most 1.5× the same floor", _batch_ratio),
    Goal("`khcn report --all` (13 notebooks, 2 processes) under 15 s, warm", _full_batch),
    Goal("One scenario changed: only its pages and the comparison run again (figure only)", _rerun),
    Goal("Monte Carlo, 1,000,000 draws: peak under 500 MB resident (measured from outside)", _million_peak),
    Goal("Monte Carlo time linear in draws (growth exponent at most 1.1 from 10^5 to 10^6)", _linear),
    Goal("Explorer: at most 0.13 s per control change (the slowest change case)", _explorer),
    Goal("`make test` (lint + whole suite) under 4 min", _suite(bench_tests.TEST, 240)),
    Goal("`make test-fast` under 60 s", _suite(bench_tests.FAST, 60)),
    Goal("Peer comparison with EMA Workbench kept (same model, same parameter sets)", _peer),
)


def goal_lines(results: dict[str, Result]) -> list[str]:
    lines = ["| goal | this run | met |", "|---|---|---|"]
    for goal in GOALS:
        try:
            figure, met = goal.figure(results)
        except (KeyError, IndexError, ZeroDivisionError):
            figure, met = "not measured in this run", None
        lines.append(f"| {goal.text} | {figure} | {'–' if met is None else 'yes' if met else '**no**'} |")
    return lines
