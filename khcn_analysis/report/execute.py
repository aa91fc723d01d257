"""One notebook through papermill, and a pool of worker processes running many.

papermill stays the executor: every page is a real executed notebook. A failing cell
does not raise here; papermill has already written the executed notebook with its
error banner, and that notebook is converted like any other so the error is visible.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.report.html import notebook_to_html
from khcn_analysis.report.jobs import Job

__all__ = ["KERNEL_NAME", "Outcome", "execute_job", "run_jobs"]

KERNEL_NAME = "python3"


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
    worker: int | None = None  # the process that ran it (a pool worker, never the batch itself)


def execute_job(job: Job, run_dir: Path) -> Outcome:
    """Run one notebook with papermill (API, never the CLI) and convert it to HTML. Runs in a worker."""
    start = time.perf_counter()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    executed = run_dir / job.executed_rel
    log = run_dir / job.log_rel
    for folder in (executed.parent, log.parent, run_dir / job.files_rel):
        folder.mkdir(parents=True, exist_ok=True)
    with _stderr_to(log):
        error = _papermill(job, executed, run_dir)
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
        seconds=round(time.perf_counter() - start, 3),
        error=_first_lines(error),
        executed=job.executed_rel if executed.is_file() else None,
        html=html_rel,
        files=files,
        log=job.log_rel if log.is_file() and log.stat().st_size else None,
        worker=os.getpid(),
    )


def _papermill(job: Job, executed: Path, run_dir: Path) -> str | None:
    """Execute; the error in one line when a cell raised or the kernel died, else None."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

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
        return f"cell {err.exec_count}: {error}" if err.exec_count else error
    except Exception as err:  # noqa: BLE001 - kernel death, bad notebook: report, don't crash the batch
        return f"{type(err).__name__}: {err}"
    return None


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


def run_jobs(
    jobs: Sequence[Job], run_dir: Path, *, workers: int, progress: Callable[[str], None]
) -> list[Outcome]:
    """Execute in a process pool; one progress line per notebook as it finishes."""
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
