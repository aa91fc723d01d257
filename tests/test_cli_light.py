"""Light commands load only what they use: no pandas, matplotlib or numpy for help or validate.

``khcn --help`` once took 1.25 s because the command modules imported pandas at load; each
command now imports its machinery inside the function that runs it. These tests check which
modules a fresh interpreter has loaded after a light command, not how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Libraries a light command must not load (each costs 0.3–2 s of start-up).
HEAVY = ("pandas", "matplotlib", "numpy", "openpyxl", "xlsxwriter", "docx", "papermill", "nbformat")

_PROBE = """
import json, sys
from khcn_analysis.cli import main
argv = json.loads(sys.argv[1])
try:
    code = main(argv)
except SystemExit as exc:  # --help exits through argparse
    code = exc.code
sys.stdout.flush()
print("\\n@@" + json.dumps({"code": code, "loaded": sorted(
    name for name in json.loads(sys.argv[2]) if name in sys.modules)}))
"""


def _loaded_after(argv: list[str]) -> tuple[int, list[str], str]:
    """Exit code, the heavy libraries loaded, and the output of ``khcn *argv`` in a new interpreter."""
    result = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(argv), json.dumps(HEAVY)],
                            capture_output=True, text=True, check=False)
    out, _, tail = result.stdout.rpartition("\n@@")
    assert tail, result.stderr
    report = json.loads(tail)
    return report["code"], report["loaded"], out


def test_importing_the_cli_and_building_its_parser_loads_no_heavy_library():
    code = (
        "import sys, json\n"
        "from khcn_analysis.cli import build_parser\n"
        "build_parser()\n"
        f"print(json.dumps(sorted(n for n in {HEAVY!r} if n in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("argv", [["--help"], ["report", "--help"], ["project", "--help"]])
def test_help_loads_no_heavy_library(argv):
    code, loaded, out = _loaded_after(argv)
    assert code == 0
    assert "usage: khcn" in out
    assert loaded == []


@pytest.mark.parametrize("argv", [["validate"], ["scenarios"], ["plan"]])
def test_reading_scenarios_or_the_plan_loads_no_heavy_library(argv):
    code, loaded, out = _loaded_after(argv)
    assert code == 0, out
    assert out.strip()  # it did its work: scenarios listed, the plan shown
    assert loaded == []


def test_json_output_still_converts_numpy_and_pandas_values():
    """``json_safe`` finds numpy/pandas in sys.modules instead of importing them; values still convert."""
    import numpy as np
    import pandas as pd

    from khcn_analysis.cli.output import json_safe

    frame = pd.DataFrame({"a": [1.5, np.nan], "b": ["x", None]})
    assert json_safe({"n": np.int64(3), "f": np.float32(0.5), "bad": np.float64("nan"), "ok": np.bool_(True),
                      "arr": np.array([1, 2]), "nat": pd.NaT, "na": pd.NA,
                      "ts": pd.Timestamp("2020-01-02"), "rows": frame}) == {
        "n": 3, "f": 0.5, "bad": None, "ok": True, "arr": [1, 2], "nat": None, "na": None,
        "ts": "2020-01-02T00:00:00", "rows": [{"a": 1.5, "b": "x"}, {"a": None, "b": None}],
    }
