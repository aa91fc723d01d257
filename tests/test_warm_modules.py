"""What a kernel started ahead of need imports before a notebook reaches it (issue 16).

Page 03 imports the Excel and Word writers inside ``if output_dir:`` (only a batch
writes them) and draws inline charts: a kernel warmed without those paid for them in
the notebook's own time, five times a batch.
"""

from __future__ import annotations

import json
from pathlib import Path

from khcn_analysis.report.kernels import DEFERRED_IMPORTS, INLINE_BACKEND, warm_modules

ROOT = Path(__file__).resolve().parent.parent


def _notebook(path: Path, *cells: str) -> Path:
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": c, "metadata": {}} for c in cells]}),
                    encoding="utf-8")
    return path


def test_imports_inside_if_with_and_try_blocks_are_warmed_but_not_those_in_functions(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb",
                   "import fractions\nif output_dir:\n    from decimal import Decimal\nelse:\n    import json",
                   "try:\n    import csv\nexcept ImportError:\n    import io\nwith open(x) as f:\n    import uuid",
                   "def later():\n    import sqlite3\nclass K:\n    import wave")
    modules = warm_modules([nb])
    assert {"fractions", "decimal", "decimal.Decimal", "json", "csv", "io", "uuid"} <= set(modules)
    assert not {"sqlite3", "wave"} & set(modules)
    assert not set(INLINE_BACKEND) & set(modules)


def test_matplotlib_inline_warms_the_inline_backend(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb", "%matplotlib inline\nimport fractions")
    modules = warm_modules([nb])
    assert [m for m in modules if m in (*INLINE_BACKEND, "fractions")] == [*INLINE_BACKEND, "fractions"]
    assert set(DEFERRED_IMPORTS["matplotlib.pyplot"]) <= set(modules)  # what saving a PNG loads


def test_a_module_named_brings_what_it_imports_inside_its_functions(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb", "from khcn_analysis import pipeline\nimport fractions")
    modules = warm_modules([nb])
    deferred = DEFERRED_IMPORTS["khcn_analysis.pipeline"]
    at = modules.index("khcn_analysis.pipeline")
    assert modules[at + 1: at + 1 + len(deferred)] == deferred  # right after it, in order
    assert modules[-1] == "fractions"


def test_every_deferred_import_names_a_module_that_exists_and_every_chart_module_is_one():
    """The list is a hint kept by hand: a renamed module would silently stop being warmed."""
    import importlib

    from khcn_analysis.present import charts

    for modules in DEFERRED_IMPORTS.values():
        for name in modules:
            importlib.import_module(name)
    chart_modules = {f"khcn_analysis.present.charts.{m}" for m in set(charts._WHERE.values())}
    assert chart_modules <= set(DEFERRED_IMPORTS["khcn_analysis.present.charts"])


def test_the_report_notebooks_warm_the_writers_page_03_uses_in_a_batch():
    modules = set(warm_modules(sorted((ROOT / "notebooks").glob("0[1-5]_*.ipynb"))))
    assert {"khcn_analysis.present.excel", "khcn_analysis.present.brief", *INLINE_BACKEND} <= modules
