"""Notebooks whose inputs did not change are not run again: their pages come from the last run.

Each job has a fingerprint: the raw data, the library's code and the package versions
(shared by all), its notebook, its parameters and the scenario files it reads. When the
latest complete run holds a page with the same fingerprint, that page, its executed
notebook, files and log are linked into the new run instead of executing it again, so a
change to one scenario reruns that scenario's pages and the comparison only. The
manifest and the index say which pages were reused and from which run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khcn_analysis.core import paths
from khcn_analysis.report.execute import Outcome
from khcn_analysis.report.jobs import Job, ScenarioEntry
from khcn_analysis.report.manifest import display_path

__all__ = ["bring", "fingerprints", "reusable"]

_SHARED_KINDS = ("raw_data", "code")


def fingerprints(jobs: Sequence[Job], scenarios: Sequence[ScenarioEntry], inputs: Sequence[Mapping[str, str]],
                 packages: Mapping[str, str], lang: str) -> dict[str, str]:
    """One fingerprint per job id: everything that can change its page."""
    sha = {r["path"]: r["sha256"] for r in inputs}
    shared = sorted((r["path"], r["sha256"]) for r in inputs if r["kind"] in _SHARED_KINDS)
    valid = [s for s in scenarios if s.valid and s.path is not None]
    root = paths.project_root()

    def scenario_files(job: Job) -> list[str]:
        chosen = valid if job.spec.kind == "comparison" else [s for s in valid if s.name == job.scenario]
        return [sha.get(display_path(s.path, root), "") for s in chosen]  # type: ignore[arg-type]

    prints = {}
    for job in jobs:
        payload = {
            "shared": shared,
            "packages": dict(packages),
            "lang": lang,
            "notebook": sha.get(display_path(job.notebook, root), ""),
            "parameters": {k: v for k, v in job.parameters.items() if k != "output_dir"},
            "scenario_files": scenario_files(job),
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=str)
        prints[job.id] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return prints


def reusable(jobs: Sequence[Job], prints: Mapping[str, str], previous: Mapping[str, Any] | None,
             previous_dir: Path) -> dict[str, dict[str, Any]]:
    """The previous run's records of the jobs that need not run again (same fingerprint, done, on disk)."""
    if not previous or previous.get("status") != "complete":
        return {}
    records = {n["id"]: n for n in previous.get("notebooks", [])}
    found = {}
    for job in jobs:
        rec = records.get(job.id)
        if not rec or job.error or rec.get("status") != "ok" or rec.get("fingerprint") != prints.get(job.id):
            continue
        needed = [rec.get("executed"), rec.get("html"), *rec.get("files", [])]
        if all(isinstance(p, str) and (previous_dir / p).is_file() for p in needed):
            found[job.id] = rec
    return found


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # same file system: no copy, and the run folder stays self-contained
    except OSError:
        shutil.copy2(source, target)


def bring(job: Job, record: Mapping[str, Any], previous_dir: Path, run_dir: Path, run_id: str) -> Outcome:
    """Link a previous page, its notebook, files and log into this run; the job's outcome says so."""
    kept = [record["executed"], record["html"], *record.get("files", [])]
    if record.get("log"):
        kept.append(record["log"])
    for rel in kept:
        if (previous_dir / rel).is_file():
            _link(previous_dir / rel, run_dir / rel)
    return Outcome(
        id=job.id, status="ok", seconds=0.0, executed=record["executed"], html=record["html"],
        files=list(record.get("files", [])), log=record.get("log"),
        reused_from=record.get("reused_from") or run_id,  # the run that made the page
    )
