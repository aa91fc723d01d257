"""The batch's kernel factory, seen from the batch: starting it, asking it for kernels, using one.

:class:`Factory` starts :mod:`.zygote` (one process that imports what the notebooks
import, then forks a kernel per request) and owns it for the batch; each process that runs
notebooks talks to it through a :class:`FactoryClient` on its Unix socket; a
:class:`ForkedKernel` is what papermill's client needs of a kernel manager for a kernel so
forked. :mod:`.kernels` decides when a kernel is wanted.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
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

    def __init__(self, modules: tuple[str, ...], run_dir: Path, later: tuple[str, ...] = ()) -> None:
        self.log = kernel_log(run_dir)
        self.folder = Path(tempfile.mkdtemp(prefix="khcn-kernels-"))  # short: a socket path has ~100 bytes
        self.address = str(self.folder / "factory.sock")
        with open(self.log, "ab") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "khcn_analysis.report.zygote", self.address, json.dumps(list(modules)),
                 json.dumps(list(later))],
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
        # Two streams, not one "rw" stream: a text stream's write drops what it has read ahead,
        # so an answer that arrived with the one before it was lost when a request followed.
        self.answers = self.socket.makefile("r", encoding="utf-8", newline="\n")
        self.requests = self.socket.makefile("w", encoding="utf-8", newline="\n")

    def request(self, connection_file: str, cwd: Path, log: Path) -> None:
        """Ask for a kernel; the factory forks it as soon as its own imports are done."""
        self._send({"connection_file": connection_file, "cwd": str(cwd), "log": str(log)})

    def answer(self) -> int:
        line = self.answers.readline()
        return int(json.loads(line)["pid"]) if line else 0

    def kill(self, pid: int) -> None:
        self._send({"kill": pid})

    def _send(self, message: dict[str, Any]) -> None:
        self.requests.write(json.dumps(message) + "\n")
        self.requests.flush()

    def close(self) -> None:
        for closing in (self.requests, self.answers, self.socket):
            with contextlib.suppress(OSError):
                closing.close()


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
        self.bound_ports()
        client = _ready_client_class()(**kwargs)
        client.load_connection_file(self.connection_file)
        client.kernel_alive = lambda: self.has_kernel
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


@functools.cache
def _ready_client_class() -> type:
    """jupyter_client's asynchronous client, with a readiness check that waits for messages, not clocks.

    jupyter_client's ``wait_for_ready`` suits a kernel that is still booting: it sleeps
    0.2 s whenever the heartbeat has not yet been heard, and after the ``kernel_info``
    reply it drains IOPub until 0.2 s pass in silence. A forked kernel is already up when
    a notebook takes it, so those clocks were most of its start (0.2-0.4 s per notebook).
    The checks are the same: a ``kernel_info`` reply on shell, and IOPub connected (the
    reply's ``idle`` status arrives), repeated until both hold; the kernel's process is
    asked whether it is alive instead of the heartbeat.
    """
    from jupyter_client.asynchronous import AsyncKernelClient

    class ReadyClient(AsyncKernelClient):  # type: ignore[misc]
        kernel_alive: Callable[[], bool] = staticmethod(lambda: True)
        #: How long IOPub may take to deliver a reply's statuses before the request is repeated
        #: (a subscription made a moment ago may miss the first ones: ZeroMQ's slow joiner).
        IOPUB_WAIT_S = 0.05

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (60.0 if timeout is None else timeout)
            while True:
                msg_id = self.kernel_info()
                reply = await self._reply_to(msg_id, deadline)
                if reply is not None and await self._idle_after(msg_id):
                    self._handle_kernel_info_reply(reply)
                    return
                if not self.kernel_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

        async def _reply_to(self, msg_id: str, deadline: float) -> dict[str, Any] | None:
            """The shell reply to ``msg_id``, or None after a second without one (or at the deadline)."""
            wait = min(1.0, max(0.0, deadline - time.monotonic()))
            give_up = time.monotonic() + wait
            while True:
                try:
                    msg = await self.shell_channel.get_msg(timeout=max(0.0, give_up - time.monotonic()))
                except queue.Empty:
                    return None
                if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "kernel_info_reply":
                    return msg

        async def _idle_after(self, msg_id: str) -> bool:
            """Whether IOPub delivers the kernel's ``idle`` for ``msg_id`` (all it sent before it came too)."""
            give_up = time.monotonic() + self.IOPUB_WAIT_S
            while True:
                try:
                    msg = await self.iopub_channel.get_msg(timeout=max(0.0, give_up - time.monotonic()))
                except queue.Empty:
                    return False
                if (msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"].get("execution_state") == "idle"):
                    return True

    return ReadyClient


def start_factory(modules: tuple[str, ...], run_dir: Path, later: tuple[str, ...] = ()) -> Factory | None:
    """The batch's kernel factory on Linux; None elsewhere or if it cannot start (kernels are launched).

    ``modules`` are imported before the first kernel is forked, ``later`` once the first requests are answered.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Factory(modules, run_dir, later)
    except Exception:  # noqa: BLE001 - the batch still runs, on kernels started the usual way
        return None
