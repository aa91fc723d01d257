"""Batch reports: the full default batch on 2 processes, and papermill's own floor.

``report_batch_all_2_jobs`` is ``khcn report --all --jobs 2`` (every notebook for every
shipped scenario) into a temporary folder. ``papermill_empty_notebook`` runs an empty
notebook on the same kernel through the papermill API: the fixed cost of one notebook
(kernel start, execution round-trip, write). ``report_one_trivial_notebook`` is one
trivial notebook through the whole batch path (validate, pool, papermill, HTML, index,
manifest, publish): its difference from the empty-notebook case is our per-batch overhead.
"""

from __future__ import annotations

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


def cases() -> list[Case]:
    return [
        Case("report_batch_all_2_jobs", _full_batch, repeat=1,
             note="khcn report --all --jobs 2: 01, 02, 04 once; 03 and 05 per scenario"),
        Case("papermill_empty_notebook", _empty_notebook, repeat=3,
             note="papermill API, python3 kernel, one empty cell: the per-notebook floor"),
        Case("report_one_trivial_notebook", _one_trivial_notebook_batch, repeat=3,
             note="one trivial notebook through the whole batch path; minus the floor = overhead"),
    ]
