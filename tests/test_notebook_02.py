"""Notebook 02 runs end to end through papermill with its default parameters."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "02_baseline_data.ipynb"


@pytest.mark.slow
def test_notebook_02_executes_with_defaults(tmp_path, monkeypatch):
    # a private project root, so the notebook's build writes into tmp_path only
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    for name in ("sources.csv", "assumptions.yaml"):
        shutil.copy(ROOT / "data" / "raw" / name, raw / name)
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NOTEBOOK), str(out), kernel_name="python3", cwd=str(tmp_path))

    nb = nbformat.read(out, as_version=4)
    texts, images = [], 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error"
            data = output.get("data", {})
            images += "image/png" in data
            texts.append(output.get("text", "") + data.get("text/plain", "")
                         + data.get("text/html", ""))
    text = "\n".join(texts)
    assert (tmp_path / "data" / "processed" / "observations.csv").exists()
    assert "conflicts resolved" in text
    assert "population_gso_average_series" in text  # the conflict rules and choices
    assert "known source inconsistency" in text  # the cross-check finding
    assert "st_budget_ratio_recurrent" in text  # the assumptions table
    assert "Trung du và miền núi phía Bắc" in text  # regional snapshot, Vietnamese labels
    assert images >= 10  # seven main series + three regional charts


def test_notebook_02_is_clean_and_parameterised():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[0].source.strip() == 'lang = "vi"'
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
