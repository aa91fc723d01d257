"""The notebooks' kernel is installed inside the venv and papermill runs it."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import papermill as pm
from jupyter_client.kernelspec import KernelSpecManager

FIXTURE = Path(__file__).parent / "fixtures" / "hello_parameters.ipynb"


def test_python3_kernel_is_installed_in_the_venv():
    spec_dir = Path(KernelSpecManager().get_kernel_spec("python3").resource_dir).resolve()
    assert Path(sys.prefix).resolve() in spec_dir.parents, (
        f"kernel spec at {spec_dir} is outside the venv {sys.prefix}; run `make install`"
    )


def test_papermill_injects_parameters_and_executes_with_the_venv_kernel(tmp_path):
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(
        str(FIXTURE),
        str(out),
        parameters={"n": 21, "greeting": "chao"},
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    text = "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert "chao: 42" in text
    assert str(Path(sys.prefix).resolve()) in text or sys.prefix in text
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
