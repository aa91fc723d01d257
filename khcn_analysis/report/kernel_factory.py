"""The batch's kernel factory, seen from the batch: starting it, asking it for kernels, using one.

:class:`Factory` starts :mod:`.zygote` (one process that imports what the notebooks
import, then forks a kernel per request) and owns it for the batch; each process that runs
notebooks talks to it through a :class:`FactoryClient` on its Unix socket; a
:class:`ForkedKernel` is what papermill's client needs of a kernel manager for a kernel so
forked. :mod:`.kernels` decides when a kernel is wanted.
"""

from __future__ import annotations

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
from pathlib import Path
from typing import Any

__all__ = ["KERNEL_NAME", "PORTS", "Factory", "FactoryClient", "ForkedKernel", "kernel_log", "start_factory"]

KERNEL_NAME = "python3"
#: The ports of a kernel's connection file.
PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def kernel_log(run_dir: Path) -> Path:
    """A new file in the run's logs for one kernel's (or the factory's) output until a job takes it."""
    log = run_dir / "logs" / f".kernel-{uuid.uuid4().hex[:8]}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    return log


class Factory:
    """The batch's kernel factory (:mod:`.zygote`): imports once, forks a kernel per request.

    One per batch, owned by the process that runs the batch; every worker talks to it
    through a :class:`FactoryClient` on its Unix socket (:attr:`address`).
    """

    def __init__(self, modules: tuple[str, ...], run_dir: Path) -> None:
        self.log = kernel_log(run_dir)
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


def start_factory(modules: tuple[str, ...], run_dir: Path) -> Factory | None:
    """The batch's kernel factory on Linux; None elsewhere or if it cannot start (kernels are launched)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Factory(modules, run_dir)
    except Exception:  # noqa: BLE001 - the batch still runs, on kernels started the usual way
        return None
