"""What a report run was made from: input files and their hashes, versions, git commit.

A scheduler re-runs the batch only when something it depends on changed
(``khcn report --if-changed``), and a reader can tell months later which data,
scenarios, notebooks and code produced a report. Both need the same list of inputs
with a content hash each, so it lives here, apart from the orchestration.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import platform
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from khcn_analysis.core import paths
from khcn_analysis.report.jobs import Job, ScenarioEntry, declared_parameters

MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA = 1

# Distributions whose version can change a report's content or its rendering.
PACKAGES = (
    "khcn-workbook",
    "papermill",
    "nbconvert",
    "nbclient",
    "nbformat",
    "ipykernel",
    "jupyter_client",
    "numpy",
    "pandas",
    "matplotlib",
    "seaborn",
    "pydantic",
    "pyyaml",
    "openpyxl",
    "xlsxwriter",
)

_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}


@dataclass(frozen=True)
class InputFile:
    """One file a report depends on; ``kind`` says why (raw_data, scenario, notebook, code)."""

    kind: str
    path: Path

    def record(self, root: Path) -> dict[str, str]:
        return {"kind": self.kind, "path": display_path(self.path, root), "sha256": sha256_file(self.path)}


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def display_path(path: Path, root: Path) -> str:
    """Relative to the project root when inside it (portable manifests), else absolute."""
    path = Path(path).resolve()
    try:
        return path.relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def files_under(folder: Path, kind: str, suffixes: tuple[str, ...] | None = None) -> list[InputFile]:
    """Every regular file below ``folder`` (sorted, caches and hidden files left out)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or _SKIP_PARTS.intersection(rel.parts):
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        if suffixes and path.suffix not in suffixes:
            continue
        found.append(InputFile(kind, path))
    return found


def hash_inputs(inputs: Iterable[InputFile], root: Path) -> list[dict[str, str]]:
    """Hash each input once, in a stable order (kind, then path)."""
    seen: dict[Path, InputFile] = {}
    for item in inputs:
        seen.setdefault(Path(item.path).resolve(), item)
    records = [item.record(root) for item in seen.values() if Path(item.path).is_file()]
    return sorted(records, key=lambda r: (r["kind"], r["path"]))


def fingerprint(inputs: list[dict[str, str]], jobs: list[Mapping[str, Any]], lang: str) -> str:
    """One hash over inputs and what is run with which parameters.

    Output folders are left out of the job parameters: they differ every run.
    """
    payload = {
        "inputs": [(r["path"], r["sha256"]) for r in inputs],
        "jobs": [
            {
                "notebook": job["notebook"],
                "parameters": {k: v for k, v in job["parameters"].items() if k != "output_dir"},
            }
            for job in jobs
        ],
        "lang": lang,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return versions


def git_state(root: Path) -> dict[str, Any] | None:
    """Commit and whether the tree had uncommitted changes; None outside a git checkout."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {"commit": commit, "dirty": bool(status.strip())}


def write_manifest(folder: Path, manifest: Mapping[str, Any]) -> Path:
    text = json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n"
    path = Path(folder) / MANIFEST_NAME
    path.write_text(text, encoding="utf-8")
    return path


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a report folder, or None when there is none or it is unreadable."""
    path = Path(folder) / MANIFEST_NAME
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --------------------------------------------------------------------------- a batch's records


def collect_inputs(
    jobs: Sequence[Job],
    scenarios: Sequence[ScenarioEntry],
    *,
    raw_dir: Path | None = None,
    code_dir: Path | None = None,
) -> list[InputFile]:
    """What a batch depends on: raw data, the scenario files, the notebooks, the library's code."""
    raw_dir = Path(raw_dir or paths.raw_dir())
    code_dir = Path(code_dir or Path(__file__).resolve().parents[1])
    inputs = files_under(raw_dir, "raw_data")
    inputs += [InputFile("scenario", s.path) for s in scenarios if s.path is not None]
    inputs += [InputFile("notebook", j.notebook) for j in jobs]
    inputs += files_under(code_dir, "code", suffixes=(".py",))
    return inputs


def job_record(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "notebook": display_path(job.notebook, paths.project_root()),
        "title": job.spec.title("en"),
        "kind": job.spec.kind,
        "scenario": job.scenario,
        "parameters": dict(job.parameters),
    }


def scenario_record(entry: ScenarioEntry) -> dict[str, Any]:
    return {
        "name": entry.name,
        "ref": entry.ref,
        "path": display_path(entry.path, paths.project_root()) if entry.path else None,
        "status": "valid" if entry.valid else "invalid",
        "error": entry.error,
        "parameters": entry.parameters,
    }


def seeds(jobs: Sequence[Job]) -> dict[str, Any]:
    """The random seed each stochastic notebook used: passed, or the notebook's default."""
    found: dict[str, Any] = {}
    for job in jobs:
        if job.error:
            continue
        if "seed" in job.parameters:
            found[job.id] = job.parameters["seed"]
        else:
            declared = declared_parameters(job.notebook)
            if "seed" in declared:
                found[job.id] = declared["seed"]
    return found


def run_manifest(
    *,
    status: str,
    lang: str,
    started: dt.datetime,
    finished: dt.datetime,
    fingerprint: str,
    inputs: list[dict[str, str]],
    packages: dict[str, str],
    jobs: Sequence[Job],
    scenarios: Sequence[ScenarioEntry],
    records: list[dict[str, Any]],
    not_built: list[str],
    timings: dict[str, Any],
) -> dict[str, Any]:
    """The manifest of one run; ``run_id`` is filled in once the folder's name is chosen."""
    return {
        "schema": MANIFEST_SCHEMA,
        "run_id": "",
        "status": status,
        "lang": lang,
        "started_utc": started.isoformat(),
        "finished_utc": finished.isoformat(),
        "git": git_state(paths.project_root()),
        "fingerprint": fingerprint,
        "seed": seeds(jobs),
        "packages": packages,
        "inputs": inputs,
        "scenarios": [scenario_record(s) for s in scenarios],
        "notebooks": records,
        "not_built": not_built,
        "timings_s": timings,
    }
