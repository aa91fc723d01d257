"""The batch per notebook, on the real notebooks: ``khcn report --scenario plan_as_written --jobs 1``.

One scenario's batch in one process (notebooks 01–05: five notebooks, data/processed
rebuilt first, as the command does) into a new temporary folder each run, so every
notebook is executed. Divided by the number of notebooks it is the per-notebook cost of
the whole batch path (validate, execute, HTML, files, manifest), which issue 16.1 wants
at most 1.5× papermill's floor: ``papermill_empty_notebook`` of :mod:`bench_reports`,
measured in the same ``make bench`` run (the ratio is under "Goals"). Each notebook's own
seconds (the batch's per-notebook clock) are under "Extra figures".
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.harness import Case, Measured, Result

os.environ.setdefault("MPLBACKEND", "Agg")
NAME = "batch: khcn report --scenario plan_as_written --jobs 1 (every notebook of one scenario)"
FLOOR = "papermill_empty_notebook"


def _one_scenario() -> Measured:
    from khcn_analysis.report.batch import run_reports

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-batch-"))
    try:
        result = run_reports(["plan_as_written"], out=out, jobs=1, progress=lambda line: None,
                             build_data=True)
        if result.status != "complete":
            raise RuntimeError(result.message)
        reused = [o.id for o in result.outcomes if getattr(o, "reused_from", None)]
        if reused:
            raise RuntimeError(f"a new folder, yet pages were reused: {reused}")
        return Measured(data={"notebooks": len(result.outcomes),
                              "seconds_by_notebook": {o.id: o.seconds for o in result.outcomes}})
    finally:
        shutil.rmtree(out, ignore_errors=True)


def cases() -> list[Case]:
    return [Case(NAME, _one_scenario, repeat=3,
                 note="a new folder each run: every notebook executed; divided by the notebooks = per notebook")]


def per_notebook(results: dict[str, Result]) -> tuple[float, int]:
    """Median seconds per notebook of the batch, and how many notebooks it ran."""
    r = results[NAME]
    notebooks = r.runs[-1]["notebooks"]
    return r.median / notebooks, notebooks


def extra_lines(results: dict[str, Result]) -> list[str]:
    r = results.get(NAME)
    if r is None or not r.runs:
        return []
    each, n = per_notebook(results)
    ids = r.runs[-1]["seconds_by_notebook"]
    medians = {i: statistics.median(run["seconds_by_notebook"][i] for run in r.runs) for i in ids}
    return [f"- one scenario's batch, --jobs 1: {r.median:.1f} s for {n} notebooks, {each:.2f} s per notebook; "
            "each notebook by the batch's clock (median of the runs): "
            + ", ".join(f"{i} {s:.2f} s" for i, s in medians.items())]
