"""Batch reports: the full default batch on 2 processes, and papermill's own floor.

``report_batch_all_2_jobs`` is ``khcn report --all --jobs 2`` (every notebook for every
shipped scenario) into a new temporary folder, so every notebook is executed.
``report_rerun_one_scenario_changed`` is the same batch into a folder that holds the last
run, after one scenario file changed: that scenario's pages and the comparison run again,
the other pages are kept (issue 16.1). ``papermill_empty_notebook`` runs an empty
notebook on the same kernel through the papermill API: the fixed cost of one notebook
(kernel start, execution round-trip, write). ``report_one_trivial_notebook`` is one
trivial notebook through the whole batch path (validate, pool, papermill, HTML, index,
manifest, publish): its difference from the empty-notebook case is our per-batch overhead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import nbformat

from benchmarks.harness import Case

os.environ.setdefault("MPLBACKEND", "Agg")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "report_notebooks"


def _full_batch() -> None:
    from khcn_analysis.report.batch import run_reports

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-"))
    try:
        result = run_reports(None, out=out, jobs=2, progress=lambda line: None, build_data=True)
        if result.status != "complete":
            raise RuntimeError(result.message)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _empty_notebook() -> None:
    import papermill as pm

    with tempfile.TemporaryDirectory() as tmp:
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                               "display_name": "Python 3"}})
        nb.cells.append(nbformat.v4.new_code_cell("pass"))
        src = Path(tmp) / "empty.ipynb"
        nbformat.write(nb, src)
        pm.execute_notebook(str(src), str(Path(tmp) / "out.ipynb"), kernel_name="python3",
                            progress_bar=False)


def _one_trivial_notebook_batch() -> None:
    from khcn_analysis.report.batch import NotebookSpec, run_reports

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-"))
    try:
        result = run_reports(
            [], out=out, jobs=1, notebooks_dir=FIXTURES,
            specs=(NotebookSpec("c_compare", "once", "c", "c"),),
            resolve=lambda names: [], progress=lambda line: None,
        )
        if result.status != "complete":
            raise RuntimeError(result.message)
    finally:
        shutil.rmtree(out, ignore_errors=True)


class _Incremental:
    """A private project (KHCN_ROOT) with one complete run; each call changes one scenario and reruns."""

    def __init__(self) -> None:
        self.root: Path | None = None
        self.calls = 0

    def setup(self) -> None:
        from khcn_analysis.report.batch import run_reports

        self.root = Path(tempfile.mkdtemp(prefix="khcn-bench-incremental-"))
        shutil.copytree(ROOT / "data" / "raw", self.root / "data" / "raw")
        for folder in ("scenarios", "notebooks"):
            shutil.copytree(ROOT / folder, self.root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        with self._project():
            result = run_reports(None, out=self.root / "reports", jobs=2, progress=lambda line: None,
                                 build_data=True)
        if result.status != "complete":
            raise RuntimeError(result.message)

    @contextlib.contextmanager
    def _project(self):
        before = os.environ.get("KHCN_ROOT")
        os.environ["KHCN_ROOT"] = str(self.root)
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("KHCN_ROOT", None)
            else:
                os.environ["KHCN_ROOT"] = before

    def __call__(self) -> None:
        from khcn_analysis.report.batch import run_reports

        assert self.root is not None
        self.calls += 1
        scenario = self.root / "scenarios" / "austerity.yaml"
        scenario.write_text(scenario.read_text(encoding="utf-8") + f"# benchmark edit {self.calls}\n",
                            encoding="utf-8")
        with self._project():
            result = run_reports(None, out=self.root / "reports", jobs=2, progress=lambda line: None,
                                 build_data=True)
        rerun = sorted(o.id for o in result.outcomes if o.reused_from is None)
        if result.status != "complete" or rerun != ["03_scenario_report--austerity", "04_scenario_comparison",
                                                    "05_uncertainty--austerity"]:
            raise RuntimeError(f"{result.message}; ran again: {rerun}")


def cases() -> list[Case]:
    return [
        Case("report_batch_all_2_jobs", _full_batch, repeat=1,
             note="khcn report --all --jobs 2: 01, 02, 04 once; 03 and 05 per scenario"),
        Case("papermill_empty_notebook", _empty_notebook, repeat=3,
             note="papermill API, python3 kernel, one empty cell: the per-notebook floor"),
        Case("report_one_trivial_notebook", _one_trivial_notebook_batch, repeat=3,
             note="one trivial notebook through the whole batch path; minus the floor = overhead"),
        Case("report_rerun_one_scenario_changed", (incremental := _Incremental()), repeat=1,
             setup=incremental.setup,
             note="khcn report --all --jobs 2 after one scenario changed: 3 of 13 notebooks run again"),
    ]


def extra_lines(results: dict) -> list[str]:
    """The per-notebook ratios issue 16.1 sets goals for, from this run's own figures."""
    floor = results["papermill_empty_notebook"].median
    trivial = results["report_one_trivial_notebook"].median
    full = results["report_batch_all_2_jobs"].median
    lines = [
        f"- one notebook through the whole batch path / papermill's floor: **{trivial / floor:.2f}x** "
        f"({trivial:.2f} s against {floor:.2f} s; goal at most 1.5x)",
        f"- full batch (13 notebooks, 2 processes): {full:.1f} s, {full / 13:.2f} s per notebook, "
        f"{full / 13 / floor:.2f}x the floor per notebook (goal: under 15 s on an idle machine)",
    ]
    if "report_rerun_one_scenario_changed" in results:
        rerun = results["report_rerun_one_scenario_changed"].median
        lines.append(f"- after one scenario changed: {rerun:.1f} s ({rerun / full:.0%} of the full batch)")
    return lines
