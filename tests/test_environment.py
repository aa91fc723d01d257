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
