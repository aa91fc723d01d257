"""Batch reports: execute the notebooks through papermill, convert to HTML, publish atomically.

A scheduler (cron, a systemd timer) runs ``khcn report`` unattended, so the batch
must be safe to read while it runs and safe to fail: everything is written to a
hidden temporary folder inside the reports folder and renamed into place only when
the whole run is finished. A run where every notebook succeeded becomes
``run-<UTC time>-<hash>`` and ``latest`` is re-pointed at it atomically; a run with
a failure becomes ``failed-<UTC time>-<hash>`` (executed notebooks kept, errors
visible) and ``latest`` keeps pointing at the previous complete run.

Which notebooks run is data (:data:`NOTEBOOKS`), not code: once per batch, once per
scenario, or once with the list of scenarios.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import multiprocessing
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from khcn_analysis.core import paths
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.report import manifest as mf

logger = logging.getLogger(__name__)

Kind = Literal["once", "scenario", "comparison"]


@dataclass(frozen=True)
class NotebookSpec:
    """One notebook of the batch and how often it runs.

    ``once``: one run per batch; ``scenario``: one run per chosen scenario (parameter
    ``scenario``); ``comparison``: one run with all chosen scenarios (parameter
    ``scenarios``, a list of names).
    """

    stem: str
    kind: Kind
    title_vi: str
    title_en: str

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en


NOTEBOOKS: tuple[NotebookSpec, ...] = (
    NotebookSpec("01_plan_audit", "once", "Kiểm tra kế hoạch 2013", "Audit of the 2013 plan"),
    NotebookSpec("02_baseline_data", "once", "Số liệu nền", "Baseline data"),
    NotebookSpec("03_scenario_report", "scenario", "Báo cáo kịch bản", "Scenario report"),
    NotebookSpec("04_scenario_comparison", "comparison", "So sánh kịch bản", "Scenario comparison"),
    NotebookSpec("05_uncertainty", "scenario", "Độ bất định", "Uncertainty"),
)

DEFAULT_JOBS = 2
KERNEL_NAME = "python3"
LATEST = "latest"
RUN_PREFIX = "run-"
FAILED_PREFIX = "failed-"
TMP_PREFIX = ".tmp-"
LOCK_NAME = ".lock"


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
    """Validate every requested scenario (all shipped ones for ``None``) before anything runs.

    A scenario that fails validation is kept as an entry with its error, so the batch
    reports it as failed and still runs the others.
    """
    try:
        from khcn_analysis.model import scenarios as sc
    except ImportError as err:
        raise ReportsNotReady(
            "the scenario engine (khcn_analysis/model/scenarios.py, issue #5) is not built yet"
        ) from err
    if requested is None:
        entries = []
        for scenario in sc.list_scenarios():
            entries.append(_entry_from(scenario, scenario.name))
        return entries
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


# --------------------------------------------------------------------------- planning


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


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """Parameters named in the notebook's ``parameters`` cell (papermill's own parser)."""
    from papermill.inspection import inspect_notebook

    return inspect_notebook(str(notebook))


def _parameters_for(notebook: Path, wanted: dict[str, Any]) -> dict[str, Any]:
    """Pass only what the notebook declares: papermill would inject anything silently."""
    declared = declared_parameters(notebook)
    return {k: v for k, v in wanted.items() if k in declared}


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
    missing: list[str] = []
    valid = [s for s in scenarios if s.valid]
    if scenarios_missing:
        missing.append(scenarios_missing)
    for spec in specs:
        notebook = notebooks_dir / f"{spec.stem}.ipynb"
        if not notebook.is_file():
            missing.append(f"notebook {notebook} (not built yet)")
            continue
        base = {"lang": lang}
        if spec.kind == "once":
            params = _parameters_for(notebook, base)
            jobs.append(Job(spec.stem, spec, notebook, _with_output(notebook, params, spec.stem)))
        elif scenarios_missing:
            missing.append(f"{spec.stem}: needs scenarios")
        elif spec.kind == "comparison":
            if not valid:
                missing.append(f"{spec.stem}: no valid scenario to compare")
                continue
            params = _parameters_for(notebook, {**base, "scenarios": [s.ref for s in valid]})
            jobs.append(Job(spec.stem, spec, notebook, _with_output(notebook, params, spec.stem)))
        else:
            for entry in scenarios:
                job_id = f"{spec.stem}--{_safe_id(entry.name)}"
                if not entry.valid:
                    jobs.append(Job(job_id, spec, notebook, {}, entry.name, error=entry.error))
                    continue
                wanted = {**entry.parameters, **base, "scenario": entry.ref}
                params = _with_output(notebook, _parameters_for(notebook, wanted), job_id)
                titles = {lg: str(entry.parameters[f"title_{lg}"]) for lg in ("vi", "en")
                          if entry.parameters.get(f"title_{lg}")}
                jobs.append(Job(job_id, spec, notebook, params, entry.name, scenario_titles=titles))
    _dedupe_ids(jobs)
    return Plan(jobs=jobs, scenarios=scenarios, missing=missing)


def _with_output(notebook: Path, params: dict[str, Any], job_id: str) -> dict[str, Any]:
    # Relative to the run folder (the kernel's working directory), so the path written
    # into the executed notebook stays true after the folder is renamed into place.
    if "output_dir" in declared_parameters(notebook):
        params = {**params, "output_dir": f"files/{job_id}"}
    return params


def _dedupe_ids(jobs: list[Job]) -> None:
    seen: dict[str, int] = {}
    for job in jobs:
        count = seen.get(job.id, 0)
        seen[job.id] = count + 1
        if count:
            job.id = f"{job.id}-{count + 1}"


# --------------------------------------------------------------------------- execution


@dataclass
class Outcome:
    """What happened to one job."""

    id: str
    status: Literal["ok", "failed"]
    seconds: float
    error: str | None = None
    executed: str | None = None
    html: str | None = None
    files: list[str] = field(default_factory=list)
    log: str | None = None  # the kernel's and papermill's stderr, when they wrote any


def execute_job(job: Job, run_dir: Path) -> Outcome:
    """Run one notebook with papermill (API, never the CLI) and convert it to HTML.

    Runs in a worker process. A failing cell does not raise here: papermill has
    already written the executed notebook with its error banner, and that notebook
    is converted like any other so the error is visible in the report.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    executed = run_dir / job.executed_rel
    executed.parent.mkdir(parents=True, exist_ok=True)
    if "output_dir" in job.parameters:
        (run_dir / job.parameters["output_dir"]).mkdir(parents=True, exist_ok=True)
    error = None
    log = run_dir / job.log_rel
    log.parent.mkdir(parents=True, exist_ok=True)
    with _stderr_to(log):
        try:
            pm.execute_notebook(
                str(job.notebook),
                str(executed),
                parameters=job.parameters,
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                log_output=False,
                cwd=str(run_dir),
            )
        except PapermillExecutionError as err:
            error = f"{err.ename}: {err.evalue}".strip()
            error = f"cell {err.exec_count}: {error}" if err.exec_count else error
        except Exception as err:  # noqa: BLE001 - kernel death, bad notebook: report, don't crash the batch
            error = f"{type(err).__name__}: {err}"
        html_rel = None
        if executed.is_file():
            lang = str(job.parameters.get("lang", "vi"))
            title = job.spec.title(check_lang(lang) if lang in ("vi", "en") else "vi")
            if job.scenario:
                title = f"{title}: {job.scenario_title(lang)}"
            try:
                notebook_to_html(executed, run_dir / job.html_rel, title=title, lang=lang)
                html_rel = job.html_rel
            except Exception as err:  # noqa: BLE001
                error = error or f"HTML conversion failed: {type(err).__name__}: {err}"
    files_dir = run_dir / job.files_rel
    files = sorted(
        p.relative_to(run_dir).as_posix() for p in files_dir.rglob("*") if p.is_file()
    ) if files_dir.is_dir() else []
    return Outcome(
        id=job.id,
        status="failed" if error else "ok",
        seconds=round(time.perf_counter() - start, 3),
        error=_first_lines(error),
        executed=job.executed_rel if executed.is_file() else None,
        html=html_rel,
        files=files,
        log=job.log_rel if log.is_file() and log.stat().st_size else None,
    )


def _first_lines(text: str | None, limit: int = 600) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # ANSI colours from tracebacks
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The lab template without the two scripts it fetches from a CDN (require.js, MathJax):
# the reports are read offline, on office machines, and need neither.
_HTML_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
"""


#: Cells with this tag speak to whoever runs the notebook (parameters, how to run it),
#: not to the reader of the report: the HTML page leaves them out.
REPORT_HIDDEN_TAG = "hide-in-report"


def notebook_to_html(executed: Path, out: Path, *, title: str | None = None, lang: str = "vi") -> Path:
    """A self-contained page without code: inputs and prompts hidden, images inline."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    notebook = nbformat.read(executed, as_version=4)
    notebook.cells = [
        c for c in notebook.cells if REPORT_HIDDEN_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"khcn_report.html.j2": _HTML_TEMPLATE})],
        template_file="khcn_report.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        language_code=lang,
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": title or Path(executed).stem}}
    )
    out.write_text(body, encoding="utf-8")
    return out


@contextlib.contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Send this process's stderr, and the kernel's it inherits, to a log file.

    Kernels print start-up warnings straight to file descriptor 2; in a batch they
    would drown the progress lines, but they belong to the run's record.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as handle:
        os.dup2(handle.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def run_jobs(
    jobs: Sequence[Job], run_dir: Path, *, workers: int, progress: Callable[[str], None]
) -> list[Outcome]:
    """Execute in a process pool; one progress line per notebook as it finishes."""
    total = len(jobs)
    outcomes: dict[str, Outcome] = {}
    done = 0

    def report(outcome: Outcome, job: Job) -> None:
        nonlocal done
        done += 1
        outcomes[job.id] = outcome
        label = job.spec.stem + (f" [{job.scenario}]" if job.scenario else "")
        line = f"[{done}/{total}] {outcome.status:<6} {label} ({outcome.seconds:.1f} s)"
        if outcome.error:
            line += f": {outcome.error.splitlines()[0]}"
        progress(line)

    runnable = []
    for job in jobs:
        if job.error:
            report(Outcome(job.id, "failed", 0.0, error=f"not run: {job.error}"), job)
        else:
            runnable.append(job)
    if runnable:
        # spawn: the parent may hold zmq contexts or event loops that must not be forked.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(runnable))), mp_context=context) as pool:
            futures = {pool.submit(execute_job, job, run_dir): job for job in runnable}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    outcome = future.result()
                except Exception as err:  # noqa: BLE001 - a worker died: still a result
                    outcome = Outcome(job.id, "failed", 0.0, error=f"{type(err).__name__}: {err}")
                report(outcome, job)
    return [outcomes[job.id] for job in jobs]


# --------------------------------------------------------------------------- publishing


@dataclass
class RunResult:
    """What a batch did; ``exit_code`` is what the CLI returns."""

    status: Literal["complete", "failed", "skipped", "nothing"]
    folder: Path | None
    outcomes: list[Outcome]
    message: str
    missing: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.status == "failed" else 0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One batch at a time per reports folder (a slow run and the next timer tick).

    An advisory ``flock``, not the file's existence, is the lock: the kernel releases it
    when its owner dies, so a run killed part-way (SIGKILL, power cut) never blocks the
    next one. The owner's PID is written into the file only to name it in the message.
    """
    import fcntl

    handle = open(root / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            handle.seek(0)
            owner = handle.read().strip()[:20]
            who = f" (process {owner})" if owner.isdigit() else ""
            raise KhcnError(
                f"{root}: another `khcn report` is running{who} (lock {root / LOCK_NAME}); try again later"
            ) from err
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def remove_stale_temporaries(root: Path, say: Callable[[str], None] | None = None) -> list[str]:
    """Delete ``.tmp-*`` left in ``root`` by a run that was killed before publishing.

    Call only while holding the lock: every live batch writes its temporaries under it,
    so whatever is there now belongs to a dead run. They were never a report (``latest``
    never points at them), but they take space and would accumulate.
    """
    removed = []
    for stale in sorted(root.glob(f"{TMP_PREFIX}*")):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
        removed.append(stale.name)
    if removed and say:
        say(f"removed {len(removed)} temporary item(s) left by an interrupted run: {', '.join(removed)}")
    return removed


def update_latest(root: Path, folder_name: str) -> Path:
    """Point ``latest`` at ``folder_name`` atomically: a new symlink renamed over the old."""
    link = root / LATEST
    if link.exists() and not link.is_symlink():
        raise KhcnError(f"{link}: found a real folder; expected a symlink to the newest run (move it away)")
    tmp = root / f"{TMP_PREFIX}latest-{uuid.uuid4().hex[:8]}"
    os.symlink(folder_name, tmp)
    os.replace(tmp, link)
    return link


def latest_manifest(root: Path) -> dict[str, Any] | None:
    link = Path(root) / LATEST
    return mf.read_manifest(link) if link.is_dir() else None


def collect_inputs(
    jobs: Sequence[Job],
    scenarios: Sequence[ScenarioEntry],
    *,
    raw_dir: Path | None = None,
    code_dir: Path | None = None,
) -> list[mf.InputFile]:
    raw_dir = Path(raw_dir or paths.raw_dir())
    code_dir = Path(code_dir or Path(__file__).resolve().parents[1])
    inputs = mf.files_under(raw_dir, "raw_data")
    inputs += [mf.InputFile("scenario", s.path) for s in scenarios if s.path is not None]
    inputs += [mf.InputFile("notebook", j.notebook) for j in jobs]
    inputs += mf.files_under(code_dir, "code", suffixes=(".py",))
    return inputs


def run_reports(
    scenarios: Sequence[str] | None = None,
    *,
    out: Path | None = None,
    jobs: int = DEFAULT_JOBS,
    lang: str = "vi",
    if_changed: bool = False,
    notebooks_dir: Path | None = None,
    specs: Sequence[NotebookSpec] = NOTEBOOKS,
    raw_dir: Path | None = None,
    code_dir: Path | None = None,
    resolve: Resolver = resolve_scenarios,
    progress: Callable[[str], None] | None = None,
    build_data: bool = False,
) -> RunResult:
    """Validate, plan, execute, convert, index and publish one batch of reports.

    ``scenarios=None`` means every shipped scenario. ``build_data`` first rebuilds
    ``data/processed/`` from ``data/raw/`` (``khcn data build``), so the notebooks never read
    stale or missing tables; it runs after the ``if_changed`` check. Returns a :class:`RunResult`;
    raises :class:`KhcnError` only for problems with the batch itself (lock held,
    ``latest`` not a symlink), never for a failing notebook.
    """
    lang = check_lang(lang)
    if jobs < 1:
        raise KhcnError(f"--jobs: found {jobs}; expected a whole number of at least 1")
    say = progress or _stderr
    root = Path(out or paths.reports_dir()).resolve()
    started = _utcnow()
    clock = time.perf_counter()

    scenarios_missing = None
    try:
        entries = resolve(scenarios)
    except ReportsNotReady as err:
        if scenarios is not None:
            raise KhcnError(f"cannot run --scenario: {err}") from err
        entries, scenarios_missing = [], str(err)
    if scenarios is None and not entries and scenarios_missing is None:
        scenarios_missing = f"no scenario files in {paths.scenarios_dir()}"
    for entry in entries:
        if not entry.valid:
            say(f"scenario {entry.ref}: invalid, its notebooks will not run: {entry.error}")
    validated = time.perf_counter()
    plan = plan_jobs(
        entries, lang=lang, notebooks_dir=notebooks_dir, specs=specs,
        scenarios_missing=scenarios_missing,
    )
    for item in plan.missing:
        say(f"not built yet: {item}")
    if not plan.jobs:
        message = "khcn report: nothing to run yet; nothing was written"
        say(message)
        return RunResult("nothing", None, [], message, plan.missing)

    inputs = mf.hash_inputs(
        collect_inputs(plan.jobs, plan.scenarios, raw_dir=raw_dir, code_dir=code_dir),
        paths.project_root(),
    )
    job_records = [_job_record(j) for j in plan.jobs]
    print_ = mf.fingerprint(inputs, job_records, lang)

    root.mkdir(parents=True, exist_ok=True)
    with _lock(root):
        remove_stale_temporaries(root, say)
        previous = latest_manifest(root)
        if if_changed and previous and previous.get("fingerprint") == print_:
            message = (
                f"khcn report: inputs and code unchanged since {previous.get('run_id')}; "
                "skipped (--if-changed)"
            )
            say(message)
            return RunResult("skipped", root / LATEST, [], message, plan.missing)

        if build_data:
            _build_processed(say)
        stamp = started.strftime("%Y%m%dT%H%M%SZ")
        tmp = root / f"{TMP_PREFIX}{stamp}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        try:
            say(f"khcn report: {len(plan.jobs)} notebook(s) on {jobs} process(es) -> {root}")
            outcomes = run_jobs(plan.jobs, tmp, workers=jobs, progress=say)
            executed = time.perf_counter()
            complete = all(o.status == "ok" for o in outcomes)
            prefix = RUN_PREFIX if complete else FAILED_PREFIX
            final = _free_name(root, f"{prefix}{stamp}-{print_[:8]}")
            finished = _utcnow()
            manifest = {
                "schema": mf.MANIFEST_SCHEMA,
                "run_id": final.name,
                "status": "complete" if complete else "failed",
                "lang": lang,
                "started_utc": started.isoformat(),
                "finished_utc": finished.isoformat(),
                "git": mf.git_state(paths.project_root()),
                "fingerprint": print_,
                "seed": _seeds(plan.jobs),
                "packages": mf.package_versions(),
                "inputs": inputs,
                "scenarios": [_scenario_record(s) for s in plan.scenarios],
                "notebooks": [
                    {**rec, **asdict(o)} for rec, o in zip(job_records, outcomes, strict=True)
                ],
                "not_built": plan.missing,
                "timings_s": {
                    "validate": round(validated - clock, 3),
                    "execute": round(executed - validated, 3),
                    "total": round(time.perf_counter() - clock, 3),
                    "jobs": jobs,
                },
            }
            mf.write_manifest(tmp, manifest)
            write_index(tmp, manifest, plan.jobs, lang)
            os.rename(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if complete:
            update_latest(root, final.name)
    failed = [o for o in outcomes if o.status == "failed"]
    if complete:
        message = f"khcn report: complete, {len(outcomes)} notebook(s) -> {final} ({root / LATEST})"
    else:
        names = ", ".join(o.id for o in failed)
        kept = f"previous report kept at {root / LATEST}" if previous else "no previous report"
        message = (
            f"khcn report: FAILED {len(failed)} of {len(outcomes)} notebook(s): {names}. "
            f"Executed notebooks with the errors are in {final}; {kept}."
        )
    say(message)
    return RunResult("complete" if complete else "failed", final, outcomes, message, plan.missing)


def _build_processed(say: Callable[[str], None]) -> None:
    try:
        from khcn_analysis.data.build import build_processed
    except ImportError:
        say("not built yet: khcn_analysis/data/build.py (issue #4); data/processed/ left as it is")
        return
    say(build_processed().summary().splitlines()[0])


def _job_record(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "notebook": mf.display_path(job.notebook, paths.project_root()),
        "title": job.spec.title_en,
        "kind": job.spec.kind,
        "scenario": job.scenario,
        "parameters": dict(job.parameters),
    }


def _scenario_record(entry: ScenarioEntry) -> dict[str, Any]:
    return {
        "name": entry.name,
        "ref": entry.ref,
        "path": mf.display_path(entry.path, paths.project_root()) if entry.path else None,
        "status": "valid" if entry.valid else "invalid",
        "error": entry.error,
        "parameters": entry.parameters,
    }


def _seeds(jobs: Sequence[Job]) -> dict[str, Any]:
    """The random seed each stochastic notebook used: passed, or the notebook's default."""
    seeds: dict[str, Any] = {}
    for job in jobs:
        if job.error:
            continue
        if "seed" in job.parameters:
            seeds[job.id] = job.parameters["seed"]
        else:
            declared = declared_parameters(job.notebook).get("seed")
            if declared is not None:
                seeds[job.id] = declared.get("default")
    return seeds


def _free_name(root: Path, name: str) -> Path:
    candidate, n = root / name, 1
    while candidate.exists():
        n += 1
        candidate = root / f"{name}-{n}"
    return candidate


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- index page

_TEXT = {
    "vi": {
        "title": "Báo cáo KH&CN tỉnh Lai Châu",
        "subtitle": "Bộ báo cáo tự động từ sổ tay phân tích (Quyết định 182/QĐ-UBND, 2013)",
        "run": "Lần chạy",
        "made": "Thời điểm tạo (UTC)",
        "status": "Trạng thái",
        "complete": "Hoàn tất",
        "failed": "Có lỗi",
        "general": "Báo cáo chung",
        "scenario": "Kịch bản",
        "report": "Báo cáo",
        "notebook": "Sổ tay đã chạy",
        "files": "Biểu đồ và bảng",
        "ok": "đạt",
        "error": "LỖI",
        "not_run": "không chạy",
        "manifest": "Danh mục đầu vào và phiên bản (manifest.json)",
        "not_built": "Chưa xây dựng",
        "duration": "Thời gian",
        "seconds": "giây",
    },
    "en": {
        "title": "Lai Châu S&T reports",
        "subtitle": "Reports generated from the analytical workbook (Decision 182/QĐ-UBND, 2013)",
        "run": "Run",
        "made": "Generated (UTC)",
        "status": "Status",
        "complete": "Complete",
        "failed": "Failed",
        "general": "General reports",
        "scenario": "Scenario",
        "report": "Report",
        "notebook": "Executed notebook",
        "files": "Charts and tables",
        "ok": "ok",
        "error": "ERROR",
        "not_run": "not run",
        "manifest": "Inputs and versions (manifest.json)",
        "not_built": "Not built yet",
        "duration": "Time",
        "seconds": "s",
    },
}

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.ok{color:#1a7f37}.failed{color:#b42318;font-weight:bold}.err{color:#b42318;font-size:.85rem;white-space:pre-wrap}
.meta{color:#555}ul.files{margin:0;padding-left:1rem;font-size:.9rem}
"""


def write_index(folder: Path, manifest: dict[str, Any], jobs: Sequence[Job], lang: Lang) -> Path:
    """``index.html``: one page linking every report, executed notebook, chart and table."""
    t = _TEXT[lang]
    e = html.escape
    records = {n["id"]: n for n in manifest["notebooks"]}
    status = t["complete"] if manifest["status"] == "complete" else t["failed"]
    status_cls = "ok" if manifest["status"] == "complete" else "failed"
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(t['title'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(t['title'])}</h1><p class=meta>{e(t['subtitle'])}</p>",
        "<p class=meta>"
        f"{e(t['run'])}: <code>{e(manifest['run_id'])}</code> · "
        f"{e(t['made'])}: {e(manifest['finished_utc'])} · "
        f"{e(t['status'])}: <span class={status_cls}>{e(status)}</span></p>",
    ]
    groups: dict[str, list[Job]] = {}
    for job in jobs:
        key = t["general"] if job.scenario is None else f"{t['scenario']}: {job.scenario_title(lang)}"
        groups.setdefault(key, []).append(job)
    for heading, group in groups.items():
        parts.append(f"<h2>{e(heading)}</h2><table><tr><th>{e(t['report'])}</th>"
                     f"<th>{e(t['status'])}</th><th>{e(t['notebook'])}</th>"
                     f"<th>{e(t['files'])}</th><th>{e(t['duration'])}</th></tr>")
        for job in group:
            rec = records[job.id]
            title = e(job.spec.title(lang))
            link = f'<a href="{e(rec["html"])}">{title}</a>' if rec.get("html") else title
            if rec["status"] == "ok":
                state = f"<span class=ok>{e(t['ok'])}</span>"
            else:
                word = t["not_run"] if not rec.get("executed") else t["error"]
                state = f"<span class=failed>{e(word)}</span><div class=err>{e(rec.get('error') or '')}</div>"
            nb = f'<a href="{e(rec["executed"])}">.ipynb</a>' if rec.get("executed") else ""
            files = "".join(
                f'<li><a href="{e(f)}">{e(Path(f).name)}</a></li>' for f in rec.get("files", [])
            )
            parts.append(
                f"<tr><td>{link}</td><td>{state}</td><td>{nb}</td>"
                f"<td><ul class=files>{files}</ul></td>"
                f"<td>{rec['seconds']:.1f} {e(t['seconds'])}</td></tr>"
            )
        parts.append("</table>")
    if manifest.get("not_built"):
        items = "".join(f"<li>{e(m)}</li>" for m in manifest["not_built"])
        parts.append(f"<h2>{e(t['not_built'])}</h2><ul>{items}</ul>")
    parts.append(f'<p class=meta><a href="{mf.MANIFEST_NAME}">{e(t["manifest"])}</a></p>')
    parts.append("</body></html>")
    path = folder / "index.html"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path
