"""What a report run was made from: input files and their hashes, versions, git commit.

A scheduler re-runs the batch only when something it depends on changed
(``khcn report --if-changed``), and a reader can tell months later which data,
scenarios, notebooks and code produced a report. Both need the same list of inputs
with a content hash each, so it lives here, apart from the orchestration.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import platform
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

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
    path = Path(folder) / MANIFEST_NAME
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a report folder, or None when there is none or it is unreadable."""
    path = Path(folder) / MANIFEST_NAME
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
