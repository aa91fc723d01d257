"""What a batch runs: the notebook table, the validated scenarios, and one job per execution.

Which notebooks run is data (:data:`NOTEBOOKS`), not code: once per batch, once per
scenario, or once with the list of scenarios. Every requested scenario is validated
before anything runs; an invalid one becomes a job that fails with its error, so the
batch reports it and still runs the others.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from khcn_analysis.core import paths
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.core.formatting import Lang

__all__ = [
    "NOTEBOOKS",
    "Job",
    "Kind",
    "NotebookSpec",
    "Plan",
    "ReportsNotReady",
    "Resolver",
    "ScenarioEntry",
    "declared_parameters",
    "plan_jobs",
    "resolve_scenarios",
]

Kind = Literal["once", "scenario", "comparison"]


@dataclass(frozen=True)
class NotebookSpec:
    """One notebook of the batch and how often it runs.

    ``once``: one run per batch; ``scenario``: one run per chosen scenario (parameter
    ``scenario``); ``comparison``: one run with all chosen scenarios (parameter
    ``scenarios``, a list of names). The title a reader sees is the catalogue's
    ``report.notebook.<stem>`` unless the spec states its own.
    """

    stem: str
    kind: Kind
    title_vi: str = ""
    title_en: str = ""

    def title(self, lang: Lang) -> str:
        return getattr(self, f"title_{lang}", "") or t(f"report.notebook.{self.stem}", lang)


NOTEBOOKS: tuple[NotebookSpec, ...] = (
    NotebookSpec("01_plan_audit", "once"),
    NotebookSpec("02_baseline_data", "once"),
    NotebookSpec("03_scenario_report", "scenario"),
    NotebookSpec("04_scenario_comparison", "comparison"),
    NotebookSpec("05_uncertainty", "scenario"),
)


# --------------------------------------------------------------------------- scenarios


@dataclass
class ScenarioEntry:
    """A requested scenario after validation: parameters when valid, the error when not."""

    ref: str
    name: str
    path: Path | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None


Resolver = Callable[[Sequence[str] | None], list[ScenarioEntry]]


class ReportsNotReady(KhcnError):
    """Parts of the batch (notebooks, the scenario engine) do not exist yet."""

    exit_code = 0


def resolve_scenarios(requested: Sequence[str] | None) -> list[ScenarioEntry]:
    """Validate every requested scenario (all shipped ones for ``None``) before anything runs."""
    try:
        from khcn_analysis.model import scenarios as sc
    except ImportError as err:
        raise ReportsNotReady("the scenario engine (khcn_analysis/model/scenarios.py) is missing") from err
    if requested is None:
        return [_entry_from(scenario, scenario.name) for scenario in sc.list_scenarios()]
    entries = []
    for ref in requested:
        try:
            scenario = sc.load_scenario(ref)
        except KhcnError as err:
            entries.append(
                ScenarioEntry(ref=ref, name=_scenario_name(ref), path=_scenario_file(ref), error=str(err))
            )
            continue
        entries.append(_entry_from(scenario, ref))
    return entries


def _entry_from(scenario: Any, ref: str) -> ScenarioEntry:
    path = Path(scenario.path).resolve() if getattr(scenario, "path", None) else None
    shipped = path is not None and path.parent == paths.scenarios_dir().resolve()
    return ScenarioEntry(
        ref=scenario.name if shipped or path is None else str(path),
        name=scenario.name,
        path=path,
        parameters=dict(scenario.as_parameters()),
    )


def _scenario_file(ref: str) -> Path | None:
    """The file an invalid scenario came from, so the manifest still hashes it."""
    for candidate in (Path(ref), paths.scenarios_dir() / f"{ref}.yaml"):
        if candidate.is_file():
            return candidate.resolve()
    return None


def _scenario_name(ref: str) -> str:
    return Path(ref).stem if ref.endswith((".yaml", ".yml")) else ref


# --------------------------------------------------------------------------- jobs


@dataclass
class Job:
    """One notebook execution: input notebook, parameters, and where its outputs go."""

    id: str
    spec: NotebookSpec
    notebook: Path
    parameters: dict[str, Any]
    scenario: str | None = None
    error: str | None = None  # set when the job fails before running (invalid scenario)
    #: The scenario's titles for readers by language (``title_vi``/``title_en``); ids stay in ``scenario``.
    scenario_titles: dict[str, str] = field(default_factory=dict)

    def scenario_title(self, lang: str) -> str | None:
        """The scenario as a reader sees it: its title in ``lang``, else its id."""
        if self.scenario is None:
            return None
        return self.scenario_titles.get(lang) or self.scenario

    def page_title(self, lang: Lang) -> str:
        """The page's ``<title>``: the notebook's title, and the scenario's when it has one."""
        title = self.spec.title(lang)
        return f"{title}: {self.scenario_title(lang)}" if self.scenario else title

    @property
    def executed_rel(self) -> str:
        return f"notebooks/{self.id}.ipynb"

    @property
    def html_rel(self) -> str:
        return f"{self.id}.html"

    @property
    def files_rel(self) -> str:
        return f"files/{self.id}"

    @property
    def log_rel(self) -> str:
        return f"logs/{self.id}.log"


@dataclass
class Plan:
    jobs: list[Job]
    scenarios: list[ScenarioEntry]
    missing: list[str]  # what is not built yet, in words


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "x"


@cache
def _declared(notebook: Path, mtime_ns: int) -> dict[str, Any]:
    text = notebook.read_text(encoding="utf-8")
    cells = json.loads(text).get("cells", [])
    cell = next((c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        return {}
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    declared: dict[str, Any] = {}
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and node.value is not None:
            try:
                declared[target.id] = ast.literal_eval(node.value)
            except ValueError:
                declared[target.id] = ast.get_source_segment(source, node.value)
    return declared


def declared_parameters(notebook: Path) -> dict[str, Any]:
    """The parameters a notebook declares in its ``parameters`` cell, with their defaults.

    The cell is read as papermill reads it (top-level assignments), without importing
    papermill in the batch's own process: planning a batch stays cheap.
    """
    notebook = Path(notebook)
    return _declared(notebook, notebook.stat().st_mtime_ns)


def _parameters_for(notebook: Path, wanted: dict[str, Any], job_id: str) -> dict[str, Any]:
    """Pass only what the notebook declares (papermill would inject anything silently).

    ``output_dir`` is relative to the run folder (the kernel's working directory), so the
    path written into the executed notebook stays true after the folder is renamed into place.
    """
    declared = declared_parameters(notebook)
    params = {k: v for k, v in wanted.items() if k in declared}
    if "output_dir" in declared:
        params["output_dir"] = f"files/{job_id}"
    return params


def plan_jobs(
    scenarios: list[ScenarioEntry],
    *,
    lang: Lang = "vi",
    notebooks_dir: Path | None = None,
    specs: Sequence[NotebookSpec] = NOTEBOOKS,
    scenarios_missing: str | None = None,
) -> Plan:
    """Turn the notebook table and the validated scenarios into a list of jobs."""
    notebooks_dir = Path(notebooks_dir or paths.notebooks_dir())
    jobs: list[Job] = []
    missing: list[str] = [scenarios_missing] if scenarios_missing else []
    valid = [s for s in scenarios if s.valid]
    for spec in specs:
        notebook = notebooks_dir / f"{spec.stem}.ipynb"
        base = {"lang": lang}
        if not notebook.is_file():
            missing.append(f"notebook {notebook} (not built yet)")
        elif spec.kind == "once":
            jobs.append(Job(spec.stem, spec, notebook, _parameters_for(notebook, base, spec.stem)))
        elif scenarios_missing:
            missing.append(f"{spec.stem}: needs scenarios")
        elif spec.kind == "comparison":
            if not valid:
                missing.append(f"{spec.stem}: no valid scenario to compare")
                continue
            wanted = {**base, "scenarios": [s.ref for s in valid]}
            jobs.append(Job(spec.stem, spec, notebook, _parameters_for(notebook, wanted, spec.stem)))
        else:
            jobs.extend(_scenario_job(spec, notebook, entry, base) for entry in scenarios)
    _dedupe_ids(jobs)
    return Plan(jobs=jobs, scenarios=scenarios, missing=missing)


def _scenario_job(spec: NotebookSpec, notebook: Path, entry: ScenarioEntry, base: dict[str, Any]) -> Job:
    job_id = f"{spec.stem}--{_safe_id(entry.name)}"
    if not entry.valid:
        return Job(job_id, spec, notebook, {}, entry.name, error=entry.error)
    wanted = {**entry.parameters, **base, "scenario": entry.ref}
    titles = {lg: str(entry.parameters[f"title_{lg}"]) for lg in ("vi", "en")
              if entry.parameters.get(f"title_{lg}")}
    return Job(job_id, spec, notebook, _parameters_for(notebook, wanted, job_id), entry.name,
               scenario_titles=titles)


def _dedupe_ids(jobs: list[Job]) -> None:
    seen: dict[str, int] = {}
    for job in jobs:
        count = seen.get(job.id, 0)
        seen[job.id] = count + 1
        if count:
            job.id = f"{job.id}-{count + 1}"
