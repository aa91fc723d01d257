"""What a kernel started ahead of need imports before a notebook reaches it (issue 16).

Page 03 imports the Excel and Word writers inside ``if output_dir:`` (only a batch
writes them) and draws inline charts: a kernel warmed without those paid for them in
the notebook's own time, five times a batch.
"""

from __future__ import annotations

import json
from pathlib import Path

from khcn_analysis.report.kernels import INLINE_BACKEND, warm_modules

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
    assert warm_modules([nb])[:3] == (*INLINE_BACKEND, "fractions")


def test_the_report_notebooks_warm_the_writers_page_03_uses_in_a_batch():
    modules = set(warm_modules(sorted((ROOT / "notebooks").glob("0[1-5]_*.ipynb"))))
    assert {"khcn_analysis.present.excel", "khcn_analysis.present.brief", *INLINE_BACKEND} <= modules
