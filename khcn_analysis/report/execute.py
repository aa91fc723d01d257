"""One notebook through papermill, and a pool of worker processes running many.

papermill stays the executor: every page is a real executed notebook. A failing cell
does not raise here; papermill has already written the executed notebook with its
error banner, and that notebook is converted like any other so the error is visible.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import multiprocessing.util
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.report.deferred_imports import defer_iri_grammar
from khcn_analysis.report.html import notebook_to_html
from khcn_analysis.report.jobs import Job
from khcn_analysis.report.kernel_factory import KERNEL_NAME, start_factory
from khcn_analysis.report.kernels import (
    Counters,
    LocalCounters,
    SharedCounters,
    Spare,
    Supply,
    register_engine,
    warm_modules,
)

__all__ = ["KERNEL_NAME", "Executed", "Outcome", "Runner", "execute_job", "run_jobs", "run_notebook"]


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
    worker: int | None = None  # the process that ran it
    reused_from: str | None = None  # the run whose page was kept, when the inputs did not change


def execute_job(job: Job, run_dir: Path, supply: Supply | None = None) -> Outcome:
    """Run one notebook with papermill (API, never the CLI) and convert it to HTML.

    ``supply`` gives a kernel started ahead of need when one is ready (and starts the
    next); without one, papermill starts the kernel itself.
    """
    return run_notebook(job, run_dir, supply).to_page()


@dataclass
class Executed:
    """A notebook papermill has run (or failed to run); :meth:`to_page` makes its page and outcome."""

    job: Job
    run_dir: Path
    start: float
    error: str | None

    def to_page(self) -> Outcome:
        """Convert the executed notebook to its HTML page and list its files: the job's outcome."""
        job, run_dir, error = self.job, self.run_dir, self.error
        executed = run_dir / job.executed_rel
        log = run_dir / job.log_rel
        html_rel = None
        if executed.is_file():
            lang = job.parameters.get("lang")
            lang = lang if lang in LANGS else "vi"
            try:
                notebook_to_html(executed, run_dir / job.html_rel, title=job.page_title(lang), lang=lang)
                html_rel = job.html_rel
            except Exception as err:  # noqa: BLE001 - a page that cannot be drawn is a failed job
                error = error or f"HTML conversion failed: {type(err).__name__}: {err}"
        files_dir = run_dir / job.files_rel
        files = sorted(p.relative_to(run_dir).as_posix() for p in files_dir.rglob("*") if p.is_file())
        if not any(files_dir.iterdir()):
            files_dir.rmdir()
        return Outcome(
            id=job.id,
            status="failed" if error else "ok",
            seconds=round(time.perf_counter() - self.start, 3),
            error=_first_lines(error),
            executed=job.executed_rel if executed.is_file() else None,
            html=html_rel,
            files=files,
            log=job.log_rel if log.is_file() and log.stat().st_size else None,
            worker=os.getpid(),
        )


def run_notebook(job: Job, run_dir: Path, supply: Supply | None = None) -> Executed:
    """Execute one notebook with papermill, its kernel's and papermill's stderr in the job's log."""
    start = time.perf_counter()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    supply = supply if supply is not None else _SUPPLY
    executed = run_dir / job.executed_rel
    log = run_dir / job.log_rel
    for folder in (executed.parent, log.parent, run_dir / job.files_rel):
        folder.mkdir(parents=True, exist_ok=True)
    with _stderr_to(log):
        spare = supply.take() if supply is not None else None
        try:
            error = _papermill(job, executed, run_dir, spare)
        finally:
            if spare is not None:
                spare.stop()
                _append_log(spare.log, log)
    return Executed(job, run_dir, start, error)


def _papermill(job: Job, executed: Path, run_dir: Path, spare: Spare | None) -> str | None:
    """Execute; the error in one line when a cell raised or the kernel died, else None."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    kernel = {"km": spare.manager, "engine_name": register_engine()} if spare is not None else {}
    try:
        pm.execute_notebook(
            str(job.notebook),
            str(executed),
            parameters=job.parameters,
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,  # papermill still writes the notebook when a cell fails
            cwd=str(run_dir),
            **kernel,
        )
    except PapermillExecutionError as err:
        error = f"{err.ename}: {err.evalue}".strip()
        return f"cell {err.exec_count}: {error}" if err.exec_count else error
    except Exception as err:  # noqa: BLE001 - kernel death, bad notebook: report, don't crash the batch
        return f"{type(err).__name__}: {err}"
    return None


def _append_log(source: Path, target: Path) -> None:
    """What a kernel started ahead of need wrote, added to the log of the notebook it ran."""
    try:
        text = source.read_bytes()
        source.unlink()
    except OSError:
        return
    if text:
        with open(target, "ab") as handle:
            handle.write(text)


def _first_lines(text: str | None, limit: int = 600) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # ANSI colours from tracebacks
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


# --------------------------------------------------------------------------- workers

#: This process's kernels, when it is a pool worker (set by :func:`_start_worker`).
_SUPPLY: Supply | None = None


def _start_worker(run_dir: Path, modules: tuple[str, ...], counters: Counters, factory: str | None) -> None:
    """A pool worker's first steps: ask the batch's factory for a kernel ahead of need, then import the executor."""
    global _SUPPLY
    defer_iri_grammar()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    _SUPPLY = Supply(run_dir, modules, counters, factory)
    _SUPPLY.top_up()
    multiprocessing.util.Finalize(None, _SUPPLY.close, exitpriority=10)
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401 - imported while the kernel boots


class Runner:
    """Where the notebooks run, started before they are handed over so start-up overlaps other work.

    One worker (``--jobs 1``, or a single notebook) runs in this process; more run in a pool
    of worker processes, each asking for a kernel as soon as it starts. The kernels of the
    whole batch are forked by one factory (:class:`.kernels.Factory`) that imports what the
    notebooks import once; a lone notebook gets papermill's own kernel. Use as a context
    manager: enter, do the batch's own preparation (rebuilding data/processed), then :meth:`run`.
    """

    def __init__(self, jobs: Sequence[Job], run_dir: Path, *, workers: int) -> None:
        defer_iri_grammar()  # before papermill is imported here (--jobs 1) or in a worker
        self.run_dir = run_dir
        runnable = [j for j in jobs if not j.error]
        modules = warm_modules(dict.fromkeys(j.notebook for j in runnable))
        self.workers = max(1, min(workers, len(runnable)))
        self.pool: ProcessPoolExecutor | None = None
        self.supply: Supply | None = None
        # The first notebook's modules before its kernel is forked; the rest while it runs.
        first = set(warm_modules([runnable[0].notebook])) if runnable else set()
        later = tuple(m for m in modules if m not in first)
        self.factory = (start_factory(tuple(m for m in modules if m in first), run_dir, later)
                        if len(runnable) > 1 else None)
        address = self.factory.address if self.factory is not None else None
        if self.workers == 1:
            self.supply = Supply(run_dir, modules, LocalCounters(len(runnable)), address)
            if len(runnable) > 1:
                self.supply.top_up()
        else:
            # spawn: the parent may hold zmq contexts or event loops that must not be forked.
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_start_worker,
                initargs=(run_dir, modules, SharedCounters(context, len(runnable)), address),
            )
            for _ in range(self.workers):  # start every worker now, not at the first job
                self.pool.submit(os.getpid)

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)
            if self.supply is not None:
                self.supply.close()
        finally:
            if self.factory is not None:
                self.factory.close()  # and with it any kernel no notebook took

    def run(self, jobs: Sequence[Job], progress: Callable[[str], None]) -> list[Outcome]:
        """Execute the jobs, one progress line per notebook as it finishes; outcomes in job order."""
        total = len(jobs)
        outcomes: dict[str, Outcome] = {}

        def report(outcome: Outcome, job: Job) -> None:
            outcomes[job.id] = outcome
            label = job.spec.stem + (f" [{job.scenario}]" if job.scenario else "")
            line = f"[{len(outcomes)}/{total}] {outcome.status:<6} {label} ({outcome.seconds:.1f} s)"
            if outcome.error:
                line += f": {outcome.error.splitlines()[0]}"
            progress(line)

        runnable = []
        for job in jobs:
            if job.error:
                report(Outcome(job.id, "failed", 0.0, error=f"not run: {job.error}"), job)
            else:
                runnable.append(job)
        if self.pool is None:
            # One notebook runs at a time; the page of the one before is made meanwhile, on a
            # thread of this process (the kernel works in its own process, this one mostly waits).
            def reported(page: Future[Outcome], job: Job) -> None:
                if page.exception() is None:
                    report(page.result(), job)

            made: list[Future[Outcome]] = []
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="khcn-page") as pages:
                for job in runnable:
                    ran = run_notebook(job, self.run_dir, self.supply)
                    made.append(page := pages.submit(ran.to_page))
                    page.add_done_callback(functools.partial(reported, job=job))
            for page in made:
                page.result()  # a page that could not be made at all raises here, as it did in line
        else:
            futures = {self.pool.submit(execute_job, job, self.run_dir): job for job in runnable}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    outcome = future.result()
                except Exception as err:  # noqa: BLE001 - a worker died: still a result
                    outcome = Outcome(job.id, "failed", 0.0, error=f"{type(err).__name__}: {err}")
                report(outcome, job)
        return [outcomes[job.id] for job in jobs]


def run_jobs(
    jobs: Sequence[Job], run_dir: Path, *, workers: int, progress: Callable[[str], None]
) -> list[Outcome]:
    """Execute the jobs in a :class:`Runner` and return their outcomes in job order."""
    with Runner(jobs, run_dir, workers=workers) as runner:
        return runner.run(jobs, progress)
