"""Kernels started ahead of need, so a notebook's start-up overlaps other work.

Most of a report notebook's time used to be its kernel starting and importing pandas,
matplotlib and the library, before the first line of work, while the worker that ran it
sat idle. Here the next notebook's kernel is launched while the current one still
runs: it boots and imports the batch's modules (:func:`warm_modules`, through
:mod:`.warm`) in its own process, then papermill is handed the ready kernel. Papermill
stays the executor: the notebook is executed cell by cell on that kernel, as on any other.

A spare kernel is started only while more notebooks are waiting than spares exist
(:class:`Supply`, counters shared by the pool's workers), so none is started for nothing.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

__all__ = ["ENGINE", "Counters", "Factory", "FactoryClient", "Spare", "Supply", "register_engine", "start_factory",
           "warm_modules"]

KERNEL_NAME = "python3"
#: The papermill engine that runs a notebook on a kernel started ahead of need.
ENGINE = "khcn-ready-kernel"
#: The ports of a kernel's connection file.
PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def _code_lines(source: str) -> str:
    """A code cell without IPython magics and shell escapes, for :mod:`ast`."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


#: What ``%matplotlib inline`` imports: the inline backend and pyplot.
INLINE_BACKEND = ("matplotlib.pyplot", "matplotlib_inline.backend_inline")


def warm_modules(notebooks: Iterable[Path]) -> tuple[str, ...]:
    """Every module the notebooks import in a code cell, in first-seen order.

    Imports inside ``if`` blocks count (page 03 imports the Excel and Word writers only
    in a batch, which is where kernels are warmed); imports inside a function or class
    body do not. ``from a.b import c`` names ``a.b`` and ``a.b.c`` (``c`` may be a
    module); a name that is not a module is skipped quietly by :func:`.warm.import_quietly`.
    ``%matplotlib inline`` names the modules it imports (:data:`INLINE_BACKEND`).
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
    return tuple(found)


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


def _spare_log(run_dir: Path) -> Path:
    log = run_dir / "logs" / f".kernel-{uuid.uuid4().hex[:8]}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    return log


def launch_spare(run_dir: Path, modules: tuple[str, ...]) -> Spare:
    """A kernel launched the usual way (jupyter_client) that imports ``modules`` while it boots."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    log = _spare_log(run_dir)
    manager = AsyncKernelManager(kernel_name=KERNEL_NAME)
    warm = f"__import__('khcn_analysis.report.warm').report.warm.import_quietly({modules!r})"
    with open(log, "ab") as handle:  # the kernel keeps its own descriptor
        run_sync(manager.start_kernel)(
            cwd=str(run_dir), stdout=handle, stderr=handle,
            extra_arguments=[f"--IPKernelApp.exec_lines={warm}"],
        )
    return Spare(manager, log)


class Factory:
    """The batch's kernel factory (:mod:`.zygote`): imports once, forks a kernel per request.

    One per batch, owned by the process that runs the batch; every worker talks to it
    through a :class:`FactoryClient` on its Unix socket (:attr:`address`).
    """

    def __init__(self, modules: tuple[str, ...], run_dir: Path) -> None:
        self.log = _spare_log(run_dir)
        self.folder = Path(tempfile.mkdtemp(prefix="khcn-kernels-"))  # short: a socket path has ~100 bytes
        self.address = str(self.folder / "factory.sock")
        with open(self.log, "ab") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "khcn_analysis.report.zygote", self.address, json.dumps(list(modules))],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True, bufsize=1,
                # A session of its own: a signal to the batch's process group (Ctrl-C, a kill of the
                # group) ends the batch, and the factory, seeing its input end, stops its kernels and
                # removes its socket instead of dying with them in place.
                start_new_session=True,
            )
        ready = self.process.stdout.readline() if self.process.stdout else ""
        if ready.strip() != "listening":  # it could not start: the batch starts kernels the usual way
            self.close()
            raise RuntimeError(f"the kernel factory did not start (see {self.log})")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self.process.stdin:
                self.process.stdin.close()  # end of input: the factory stops its kernels and exits
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.log.is_file() and not self.log.stat().st_size:
            self.log.unlink()


class FactoryClient:
    """One process's connection to the batch's :class:`Factory`: requests in order, answers in order."""

    def __init__(self, address: str) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.connect(address)
        self.stream = self.socket.makefile("rw", encoding="utf-8", newline="\n")

    def request(self, connection_file: str, cwd: Path, log: Path) -> None:
        """Ask for a kernel; the factory forks it as soon as its own imports are done."""
        self._send({"connection_file": connection_file, "cwd": str(cwd), "log": str(log)})

    def answer(self) -> int:
        line = self.stream.readline()
        return int(json.loads(line)["pid"]) if line else 0

    def kill(self, pid: int) -> None:
        self._send({"kill": pid})

    def _send(self, message: dict[str, Any]) -> None:
        self.stream.write(json.dumps(message) + "\n")
        self.stream.flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
            self.socket.close()


class ForkedKernel:
    """What papermill's client needs of a kernel manager, for a kernel forked by the :class:`Factory`.

    nbclient does not own a manager it is given: it asks for a client, runs the notebook and
    leaves the kernel alone; :meth:`Spare.stop` ends it afterwards.
    """

    kernel_name = KERNEL_NAME
    #: How long a forked kernel may take to bind its ports (it waits for the factory's imports first).
    START_TIMEOUT_S = 120

    def __init__(self, factory: FactoryClient, run_dir: Path, log: Path) -> None:
        from jupyter_core.paths import jupyter_runtime_dir

        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        # Ports 0: the kernel binds free ports itself and writes them into this file
        # (ipykernel's own mechanism). Ports chosen here would stay unbound until the
        # factory forks the kernel, seconds later on a busy machine: time enough for another
        # process to take one, and the kernel would die on start.
        self.connection_file = str(runtime / f"kernel-khcn-{uuid.uuid4()}.json")
        info = {**dict.fromkeys(PORTS, 0), "ip": "127.0.0.1", "transport": "tcp", "key": uuid.uuid4().hex,
                "signature_scheme": "hmac-sha256", "kernel_name": KERNEL_NAME}
        handle = os.open(self.connection_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # it holds the key
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(info, out)
        self.factory = factory
        self._pid: int | None = None
        factory.request(self.connection_file, run_dir, log)

    @property
    def pid(self) -> int:
        if self._pid is None:
            self._pid = self.factory.answer()
        return self._pid

    @property
    def has_kernel(self) -> bool:
        if self.pid <= 0:
            return False
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True

    def bound_ports(self) -> dict[str, Any]:
        """The connection file once the kernel has written its ports into it (a bounded wait)."""
        deadline = time.monotonic() + self.START_TIMEOUT_S
        while True:
            try:
                info = json.loads(Path(self.connection_file).read_text(encoding="utf-8"))
                if all(info.get(port) for port in PORTS):
                    return info
            except (OSError, ValueError):  # not yet rewritten, or read half-written
                pass
            if not self.has_kernel:
                raise RuntimeError(f"the forked kernel ended before binding its ports (pid {self.pid})")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the forked kernel bound no ports in {self.START_TIMEOUT_S} s")
            time.sleep(0.01)

    def client(self, **kwargs: Any) -> Any:
        from jupyter_client.asynchronous import AsyncKernelClient

        self.bound_ports()
        client = AsyncKernelClient(**kwargs)
        client.load_connection_file(self.connection_file)
        return client

    async def is_alive(self) -> bool:
        return self.has_kernel

    async def interrupt_kernel(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGINT)

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        if self.pid > 0:
            self.factory.kill(self.pid)

    async def cleanup_resources(self, restart: bool = False) -> None:
        Path(self.connection_file).unlink(missing_ok=True)


def fork_spare(factory: FactoryClient, run_dir: Path) -> Spare:
    """A kernel forked by ``factory`` in ``run_dir``; returns at once, the fork follows."""
    log = _spare_log(run_dir)
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


def start_factory(modules: tuple[str, ...], run_dir: Path) -> Factory | None:
    """The batch's kernel factory on Linux; None elsewhere or if it cannot start (kernels are launched)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Factory(modules, run_dir)
    except Exception:  # noqa: BLE001 - the batch still runs, on kernels started the usual way
        return None


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
