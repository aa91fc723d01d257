"""Kernels started ahead of need, so a notebook's start-up overlaps other work.

Most of a report notebook's time used to be its kernel starting and importing pandas,
matplotlib and the library, before the first line of work, while the worker that ran it
sat idle. Here the next notebook's kernel is launched while the current one still
runs: it boots and imports the batch's modules (:func:`warm_modules`, through
:mod:`.warm`) in its own process, then papermill is handed the ready kernel. Papermill
stays the executor: the notebook is executed cell by cell on that kernel, as on any other.

A spare kernel is started only while more notebooks are waiting than spares exist
(:class:`Supply`, counters shared by the pool's workers), so none is started for nothing.
On Linux it is forked by the batch's one kernel factory (:mod:`.kernel_factory`), which has
imported those modules once; elsewhere it is launched the usual way.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from khcn_analysis.present import charts  # the package only: its chart modules load on first use
from khcn_analysis.report.kernel_factory import KERNEL_NAME, FactoryClient, ForkedKernel, kernel_log

__all__ = ["DEFERRED_IMPORTS", "ENGINE", "Counters", "Spare", "Supply", "fork_spare", "register_engine", "warm_modules"]

#: The papermill engine that runs a notebook on a kernel started ahead of need.
ENGINE = "khcn-ready-kernel"


def _code_lines(source: str) -> str:
    """A code cell without IPython magics and shell escapes, for :mod:`ast`."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


#: What ``%matplotlib inline`` imports: the inline backend and pyplot.
INLINE_BACKEND = ("matplotlib.pyplot", "matplotlib_inline.backend_inline")

#: What a module imports only inside its functions, out of :func:`warm_modules`' sight, that
#: every report kernel would otherwise import again after its fork (each is a performance
#: hint: a name missing here costs time, never a result). The chart modules load when a chart
#: is first asked for; page 02's baseline reads the Department's import history (openpyxl);
#: a chart saved as PNG makes PIL register its image plugins; tables go out as HTML and CSV.
DEFERRED_IMPORTS: dict[str, tuple[str, ...]] = {
    "matplotlib.pyplot": ("PIL.BmpImagePlugin", "PIL.GifImagePlugin", "PIL.JpegImagePlugin",
                          "PIL.PpmImagePlugin", "PIL.PngImagePlugin"),
    charts.__name__: tuple(f"{charts.__name__}.{module}" for module in charts.MODULES),
    "khcn_analysis.pipeline": ("khcn_analysis.data.department", "pandas.io.formats.html",
                               "pandas.io.formats.csvs"),
}


def warm_modules(notebooks: Iterable[Path]) -> tuple[str, ...]:
    """Every module the notebooks import in a code cell, in first-seen order.

    Imports inside ``if`` blocks count (page 03 imports the Excel and Word writers only
    in a batch, which is where kernels are warmed); imports inside a function or class
    body do not. ``from a.b import c`` names ``a.b`` and ``a.b.c`` (``c`` may be a
    module); a name that is not a module is skipped quietly by :func:`.warm.import_quietly`.
    ``%matplotlib inline`` names the modules it imports (:data:`INLINE_BACKEND`); a module
    named brings the modules it imports later (:data:`DEFERRED_IMPORTS`).
    """
    found: dict[str, None] = {}
    for notebook in notebooks:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            if any(line.strip().startswith("%matplotlib inline") for line in source.splitlines()):
                found.update(dict.fromkeys(INLINE_BACKEND))
            try:
                tree = ast.parse(_code_lines(source))
            except SyntaxError:
                continue
            for node in _statements(tree.body):
                if isinstance(node, ast.Import):
                    found.update(dict.fromkeys(alias.name for alias in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found[node.module] = None
                    found.update(dict.fromkeys(f"{node.module}.{alias.name}" for alias in node.names))
    return tuple(dict.fromkeys(m for name in found for m in (name, *DEFERRED_IMPORTS.get(name, ()))))


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a cell, with those inside ``if``/``else``, ``with`` and ``try`` blocks."""
    for node in body:
        yield node
        if isinstance(node, ast.If | ast.With | ast.Try):
            for block in ("body", "orelse", "handlers", "finalbody"):
                for part in getattr(node, block, []):
                    yield from _statements(part.body if isinstance(part, ast.ExceptHandler) else [part])


@dataclass
class Spare:
    """A kernel started ahead of need (``manager`` is what papermill is handed as ``km``) and
    the file its output goes to until a job takes it."""

    manager: Any
    log: Path

    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return bool(self.manager.has_kernel and run_sync(self.manager.is_alive)())

    def stop(self) -> None:
        from jupyter_core.utils import run_sync

        try:
            if self.manager.has_kernel:
                run_sync(self.manager.shutdown_kernel)(now=True)
        finally:
            run_sync(self.manager.cleanup_resources)()


def launch_spare(run_dir: Path, modules: tuple[str, ...]) -> Spare:
    """A kernel launched the usual way (jupyter_client) that imports ``modules`` while it boots."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    log = kernel_log(run_dir)
    manager = AsyncKernelManager(kernel_name=KERNEL_NAME)
    warm = f"__import__('khcn_analysis.report.warm').report.warm.import_quietly({modules!r})"
    with open(log, "ab") as handle:  # the kernel keeps its own descriptor
        run_sync(manager.start_kernel)(
            cwd=str(run_dir), stdout=handle, stderr=handle,
            extra_arguments=[f"--IPKernelApp.exec_lines={warm}"],
        )
    return Spare(manager, log)


def fork_spare(factory: FactoryClient, run_dir: Path) -> Spare:
    """A kernel forked by ``factory`` in ``run_dir``; returns at once, the fork follows."""
    log = kernel_log(run_dir)
    return Spare(ForkedKernel(factory, run_dir, log), log)


class Counters(Protocol):
    """Notebooks not yet started and spare kernels alive, shared by every worker."""

    def claim_job(self) -> None: ...
    def want_spare(self) -> bool: ...
    def spare_taken(self) -> None: ...


class LocalCounters:
    """:class:`Counters` for one process (``--jobs 1``)."""

    def __init__(self, jobs: int) -> None:
        self.waiting, self.spares = jobs, 0

    def claim_job(self) -> None:
        self.waiting -= 1

    def want_spare(self) -> bool:
        if self.waiting > self.spares:
            self.spares += 1
            return True
        return False

    def spare_taken(self) -> None:
        self.spares -= 1


class SharedCounters:
    """:class:`Counters` across the pool's processes (two ``multiprocessing`` values and a lock)."""

    def __init__(self, context: Any, jobs: int) -> None:
        self.lock = context.Lock()
        self.waiting = context.RawValue("i", jobs)
        self.spares = context.RawValue("i", 0)

    def claim_job(self) -> None:
        with self.lock:
            self.waiting.value -= 1

    def want_spare(self) -> bool:
        with self.lock:
            if self.waiting.value > self.spares.value:
                self.spares.value += 1
                return True
            return False

    def spare_taken(self) -> None:
        with self.lock:
            self.spares.value -= 1


class Supply:
    """One process's kernels: at most one spare, started while notebooks are still waiting.

    On Linux the spare is forked by the batch's factory at ``factory`` (its socket address);
    without one (elsewhere, or if it could not start) it is launched the usual way.
    """

    def __init__(self, run_dir: Path, modules: tuple[str, ...], counters: Counters,
                 factory: str | None = None) -> None:
        self.run_dir, self.modules, self.counters = run_dir, modules, counters
        self.address = factory
        self.spare: Spare | None = None
        self.client: FactoryClient | None = None

    def _start(self) -> Spare:
        if self.address is not None:
            if self.client is None:
                self.client = FactoryClient(self.address)
            return fork_spare(self.client, self.run_dir)
        return launch_spare(self.run_dir, self.modules)

    def top_up(self) -> None:
        """Start a spare if none is ready and more notebooks wait than spares exist."""
        if self.spare is None and self.counters.want_spare():
            try:
                self.spare = self._start()
            except Exception:  # noqa: BLE001 - no spare: papermill starts a kernel itself, as before
                self.counters.spare_taken()

    def take(self) -> Spare | None:
        """Claim the next notebook; its kernel is the spare if one is ready (else None: papermill starts one)."""
        self.counters.claim_job()
        spare, self.spare = self.spare, None
        if spare is not None:
            self.counters.spare_taken()
            if not spare.alive():  # it died while waiting: papermill starts a fresh kernel instead
                spare.stop()
                spare = None
        self.top_up()  # the next notebook's kernel boots while this one runs
        return spare

    def close(self) -> None:
        """Stop the spare no notebook needed (and drop its start-up log), then leave the factory."""
        if self.spare is not None:
            spare, self.spare = self.spare, None
            self.counters.spare_taken()
            spare.stop()
            spare.log.unlink(missing_ok=True)
        if self.client is not None:
            client, self.client = self.client, None
            client.close()


@cache
def register_engine() -> str:
    """Register :data:`ENGINE` with papermill: its nbclient engine, handed a running kernel.

    papermill's own engine accepts a kernel manager (``km``) but, not owning it, leaves the
    client's channels open after the run; this engine closes them, and leaves the kernel to
    :meth:`Spare.stop`.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class Client(PapermillNotebookClient):
        def execute(self, **kwargs: Any) -> Any:
            try:
                return super().execute(**kwargs)
            finally:
                if self.kc is not None and not self.owns_km:
                    self.kc.stop_channels()
                    self.kc = None

    class ReadyKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, log_output: bool = False,
                                     stdout_file: Any = None, stderr_file: Any = None, start_timeout: int = 60,
                                     execution_timeout: int | None = None, **kwargs: Any) -> Any:
            kwargs = remove_args(["input_path"], **kwargs)
            safe = remove_args(["timeout", "startup_timeout"], **kwargs)
            final = merge_kwargs(safe, timeout=execution_timeout or kwargs.get("timeout"),
                                 startup_timeout=start_timeout, kernel_name=kernel_name, log=logger,
                                 log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file)
            return Client(nb_man, **final).execute()

    papermill_engines.register(ENGINE, ReadyKernelEngine)
    return ENGINE
