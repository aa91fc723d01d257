"""The set-up files agree with each other, so conda and pip users get the same stack."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _normalise(spec: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert match, f"cannot parse requirement {spec!r}"
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def pyproject_runtime() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(_normalise(s) for s in data["project"]["dependencies"])


def environment_runtime() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip: section"
    return dict(_normalise(s) for s in pip_sections[0])


def test_environment_yml_lists_the_same_runtime_packages_as_pyproject():
    assert environment_runtime() == pyproject_runtime()


def test_environment_yml_uses_conda_forge_and_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    assert "python>=3.11" in env["dependencies"]


def test_design_card_packages_are_dependencies():
    runtime = pyproject_runtime()
    for name in ["jupyterlab", "pandas", "matplotlib", "seaborn", "openpyxl", "papermill",
                 "ipykernel", "ipywidgets", "pydantic", "pyyaml"]:
        assert name in runtime, f"{name} missing from [project.dependencies]"
        assert runtime[name].startswith(">="), f"{name} needs a tested lower bound"


def test_design_card_layout_exists():
    for folder in ["notebooks", "data/raw", "data/processed", "khcn_analysis", "reports",
                   "tests", "scenarios", "benchmarks"]:
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / "reports" / "README.md").is_file()


def test_the_venv_made_by_make_holds_bytecode_for_what_every_process_imports():
    """``make`` compiles the venv and our source: where PYTHONDONTWRITEBYTECODE is set (as on the
    CI machine), a module without a ``.pyc`` is compiled from source in every process that imports
    it; for pandas and matplotlib that was 1-2 s per kernel, test worker and ``khcn`` command."""
    import importlib
    import importlib.util
    import sys

    if not Path(sys.prefix, ".compiled-venv").is_file():
        import pytest

        pytest.skip("not the venv made by make (no .venv/.compiled-venv stamp)")
    missing = []
    for name in ("pandas.core.frame", "matplotlib.figure", "ipykernel.kernelapp", "papermill.execute",
                 "khcn_analysis.pipeline", "khcn_analysis.model.projection"):
        source = importlib.util.find_spec(name).origin
        if not Path(importlib.util.cache_from_source(source)).is_file():
            missing.append(f"{name} ({source})")
    assert not missing, f"no bytecode for: {missing}; run make install (it compiles the venv and the source)"
