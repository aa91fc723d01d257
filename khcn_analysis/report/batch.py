"""``khcn report``: validate, plan, execute, index and publish one batch of reports.

The recipe, top to bottom (papermill's ``execute_notebook`` is the model):

1. resolve and validate the scenarios (:mod:`.jobs`), plan one job per notebook run;
2. hash every input into a fingerprint (:mod:`.manifest`); with ``--if-changed`` an
   unchanged fingerprint ends the run here;
3. claim the reports folder and take its lock (:mod:`.publish`);
4. execute the jobs in a process pool through papermill and convert each to a page
   (:mod:`.execute`, :mod:`.html`);
5. write the manifest and the index page (:mod:`.index`), rename the run into place
   and point ``latest`` at it when every notebook succeeded.

A run with a failure becomes ``failed-<UTC time>-<hash>`` (executed notebooks kept,
errors visible) and ``latest`` keeps pointing at the previous complete run.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from khcn_analysis.core import paths
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.core.formatting import check_lang
from khcn_analysis.report import manifest as mf
from khcn_analysis.report import publish, reuse
from khcn_analysis.report.execute import Outcome, Runner
from khcn_analysis.report.index import write_index
from khcn_analysis.report.jobs import (
    NOTEBOOKS,
    NotebookSpec,
    Plan,
    ReportsNotReady,
    Resolver,
    ScenarioEntry,
    plan_jobs,
    resolve_scenarios,
)

__all__ = ["DEFAULT_JOBS", "NotebookSpec", "RunResult", "run_reports"]

DEFAULT_JOBS = 2


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
    reuse_pages: bool = True,
) -> RunResult:
    """Run one batch; ``scenarios=None`` means every shipped scenario.

    ``build_data`` first rebuilds ``data/processed/`` from ``data/raw/`` (after the
    ``if_changed`` check), so the notebooks never read stale tables. ``reuse_pages`` keeps
    the latest complete run's page of every notebook whose inputs did not change
    (:mod:`.reuse`) instead of running it again. Raises
    :class:`KhcnError` only for problems with the batch itself (lock held, a folder that
    is not ours, ``latest`` not a symlink), never for a failing notebook.
    """
    lang = check_lang(lang)
    if jobs < 1:
        raise KhcnError(f"--jobs: found {jobs}; expected a whole number of at least 1")
    say = progress or _stderr
    root = Path(out or paths.reports_dir()).resolve()
    started, clock = publish.utc_now(), time.perf_counter()

    plan = _plan(scenarios, resolve, lang=lang, notebooks_dir=notebooks_dir, specs=specs, say=say)
    if not plan.jobs:
        message = "khcn report: nothing to run yet; nothing was written"
        say(message)
        return RunResult("nothing", None, [], message, plan.missing)
    inputs = mf.hash_inputs(
        mf.collect_inputs(plan.jobs, plan.scenarios, raw_dir=raw_dir, code_dir=code_dir), paths.project_root()
    )
    packages = mf.package_versions()
    prints = reuse.fingerprints(plan.jobs, plan.scenarios, inputs, packages, lang)
    job_records = [{**mf.job_record(j), "fingerprint": prints[j.id]} for j in plan.jobs]
    print_ = mf.fingerprint(inputs, job_records, lang)
    timings = {"validate": round(time.perf_counter() - clock, 3)}

    publish.claim_folder(root)
    with publish.lock(root):
        publish.remove_stale_temporaries(root, say)
        previous = publish.latest_manifest(root)
        if if_changed and previous and previous.get("fingerprint") == print_:
            message = (f"khcn report: inputs and code unchanged since {previous.get('run_id')}; "
                       "skipped (--if-changed)")
            say(message)
            return RunResult("skipped", root / publish.LATEST, [], message, plan.missing)
        stamp = started.strftime("%Y%m%dT%H%M%SZ")
        tmp = publish.make_temporary(root, stamp)
        try:
            executing = time.perf_counter()
            kept = _reused(plan, prints, previous, root, tmp, say) if reuse_pages else {}
            fresh = [j for j in plan.jobs if j.id not in kept]
            with Runner(fresh, tmp, workers=jobs) as runner:  # workers and kernels start now...
                if build_data:
                    _build_processed(say)  # ...while data/processed is rebuilt
                say(f"khcn report: {len(fresh)} notebook(s) on {runner.workers} process(es) -> {root}")
                done = {o.id: o for o in runner.run(fresh, say)}
            outcomes = [kept.get(j.id) or done[j.id] for j in plan.jobs]
            timings["execute"] = round(time.perf_counter() - executing, 3)
            complete = all(o.status == "ok" for o in outcomes)
            manifest = mf.run_manifest(
                status="complete" if complete else "failed", lang=lang, started=started,
                finished=publish.utc_now(), fingerprint=print_, inputs=inputs, packages=packages, jobs=plan.jobs,
                scenarios=plan.scenarios, records=[{**r, **asdict(o)} for r, o in zip(job_records, outcomes, strict=True)],
                not_built=plan.missing,
                timings={**timings, "total": round(time.perf_counter() - clock, 3), "jobs": jobs},
            )
            prefix = publish.RUN_PREFIX if complete else publish.FAILED_PREFIX
            final = _finish(tmp, root, f"{prefix}{stamp}-{print_[:8]}", manifest, plan, lang)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if complete:
            publish.update_latest(root, final.name)
    message = _summary(outcomes, final, root, previous is not None)
    say(message)
    return RunResult("complete" if complete else "failed", final, outcomes, message, plan.missing)


def _plan(
    scenarios: Sequence[str] | None, resolve: Resolver, *, say: Callable[[str], None], **options: Any
) -> Plan:
    """Validate the scenarios (an invalid one is reported, not fatal) and plan the jobs."""
    scenarios_missing = None
    try:
        entries: list[ScenarioEntry] = resolve(scenarios)
    except ReportsNotReady as err:
        if scenarios is not None:
            raise KhcnError(f"cannot run --scenario: {err}") from err
        entries, scenarios_missing = [], str(err)
    if scenarios is None and not entries and scenarios_missing is None:
        scenarios_missing = f"no scenario files in {paths.scenarios_dir()}"
    for entry in entries:
        if not entry.valid:
            say(f"scenario {entry.ref}: invalid, its notebooks will not run: {entry.error}")
    plan = plan_jobs(entries, scenarios_missing=scenarios_missing, **options)
    for item in plan.missing:
        say(f"not built yet: {item}")
    return plan


def _reused(plan: Plan, prints: dict[str, str], previous: dict[str, Any] | None, root: Path, tmp: Path,
            say: Callable[[str], None]) -> dict[str, Outcome]:
    """Link the latest run's pages of the jobs whose fingerprint did not change into ``tmp``."""
    previous_dir = (root / publish.LATEST).resolve()
    kept = {}
    for job_id, record in reuse.reusable(plan.jobs, prints, previous, previous_dir).items():
        job = next(j for j in plan.jobs if j.id == job_id)
        kept[job_id] = reuse.bring(job, record, previous_dir, tmp, str(previous["run_id"]))  # type: ignore[index]
        say(f"[reused] {job_id}: inputs unchanged since {previous['run_id']}")  # type: ignore[index]
    return kept


def _finish(tmp: Path, root: Path, name: str, manifest: dict[str, Any], plan: Plan, lang: str) -> Path:
    """Write the manifest and the index into the temporary folder, then rename it into place."""
    final = publish.free_name(root, name)
    manifest["run_id"] = final.name
    mf.write_manifest(tmp, manifest)
    write_index(tmp, manifest, plan.jobs, check_lang(lang))
    return publish.publish(tmp, final)


def _summary(outcomes: Sequence[Outcome], final: Path, root: Path, had_previous: bool) -> str:
    failed = [o for o in outcomes if o.status == "failed"]
    if not failed:
        return f"khcn report: complete, {len(outcomes)} notebook(s) -> {final} ({root / publish.LATEST})"
    names = ", ".join(o.id for o in failed)
    kept = f"previous report kept at {root / publish.LATEST}" if had_previous else "no previous report"
    return (
        f"khcn report: FAILED {len(failed)} of {len(outcomes)} notebook(s): {names}. "
        f"Executed notebooks with the errors are in {final}; {kept}."
    )


def _build_processed(say: Callable[[str], None]) -> None:
    from khcn_analysis.data.build import build_processed

    say(build_processed().summary().splitlines()[0])


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
