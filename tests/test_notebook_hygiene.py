"""Notebooks are committed without outputs; the hygiene check catches any that are not."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from khcn_analysis.report.notebook_hygiene import dirty_cells, main

ROOT = Path(__file__).resolve().parent.parent


def test_committed_notebooks_have_no_outputs():
    assert main([str(ROOT / "notebooks"), str(ROOT / "tests" / "fixtures")]) == 0


def test_a_notebook_with_outputs_is_refused(tmp_path):
    nb = new_notebook(cells=[new_code_cell("1+1"), new_code_cell("print(2)")])
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="2\n")]
    nb.cells[1].execution_count = 1
    path = tmp_path / "dirty.ipynb"
    nbformat.write(nb, path)
    assert dirty_cells(path) == [1]
    assert main([str(tmp_path)]) == 1
