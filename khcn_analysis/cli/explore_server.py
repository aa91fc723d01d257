"""Voilà as a service for ``khcn explore``: local only, capped, and stopped with everything it started.

Before, SIGTERM, SIGHUP (terminal closed) or SIGKILL of ``khcn explore`` left Voilà
serving the port and its kernels running, every page load started a kernel that
lived for half an hour, and any ``Host`` header was served (DNS rebinding). Now:

* Voilà runs in its own session (Ctrl-C reaches ``khcn`` only) and, on Linux, with
  ``PR_SET_PDEATHSIG``: if ``khcn`` dies, even by SIGKILL, the kernel sends Voilà
  SIGTERM, which shuts its kernels down; a kernel whose parent is gone exits too
  (ipykernel watches its parent).
* ``khcn`` turns SIGTERM, SIGHUP and SIGINT into a clean stop: SIGTERM to Voilà, then
  every process of the run that is still alive (found by a token in their
  environment, so a kernel re-parented elsewhere is found too) gets SIGTERM, then
  SIGKILL.
* Idle kernels are culled after a few minutes and at most ``max_kernels`` run at
  once (:mod:`.explore_kernels`).
* Jupyter's Host check is on: only ``localhost`` and loopback addresses are served.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "HOST",
    "RUN_ENV",
    "ServerOptions",
    "Stop",
    "port_open",
    "run_processes",
    "start",
    "stop",
    "stop_on_signals",
    "voila_command",
]

HOST = "127.0.0.1"
#: Set in Voilà's environment (kernels inherit it): marks every process of one run.
RUN_ENV = "KHCN_EXPLORE_RUN"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
#: Seconds Voilà gets to shut its kernels down, then each straggler after SIGTERM.
VOILA_STOP_S = 20.0
STRAGGLER_STOP_S = 5.0
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ServerOptions:
    """Where Voilà listens and how many kernels it keeps, for how long."""

    port: int
    max_kernels: int = 4
    cull_idle_seconds: int = 300
    cull_interval_seconds: int = 60


def voila_command(notebook: Path, options: ServerOptions) -> list[str]:
    """The Voilà command line: local address and Host names only, culling and a kernel cap."""
    interval = max(1, min(options.cull_interval_seconds, options.cull_idle_seconds))
    return [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        f"--port={options.port}",
        f"--Voila.ip={HOST}",
        "--Voila.port_retries=0",
        # Voilà sets allow_remote_access=True, which turns Jupyter's Host check off; this puts it back.
        '--Voila.tornado_settings={"allow_remote_access": False, "local_hostnames": ["localhost"]}',
        "--VoilaConfiguration.multi_kernel_manager_class=khcn_analysis.cli.explore_kernels.CappedKernelManager",
        f"--CappedKernelManager.max_kernels={options.max_kernels}",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle_seconds}",
        f"--MappingKernelManager.cull_interval={interval}",
        "--MappingKernelManager.cull_connected=False",
    ]


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


# --------------------------------------------------------------------------- signals


class Stop(Exception):  # noqa: N818 - a request, not a failure
    """A stop signal arrived (SIGTERM, SIGHUP or SIGINT)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Inside: SIGTERM, SIGHUP and SIGINT raise :class:`Stop` in the main thread."""

    def handler(signum: int, _frame: object) -> None:
        raise Stop(signum)

    previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextlib.contextmanager
def signals_ignored() -> Iterator[None]:
    """Cleaning up is not interrupted by a second Ctrl-C (it is bounded in time)."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child get SIGTERM when this process dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
    parent = os.getpid()

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


def start(notebook: Path, options: ServerOptions, env: dict[str, str]) -> subprocess.Popen:
    """Voilà in its own session, bound to die with this process."""
    return subprocess.Popen(voila_command(notebook, options), cwd=notebook.parent, env=env,
                            start_new_session=True, preexec_fn=_die_with_parent())


# --------------------------------------------------------------------------- the processes of a run

#: A process, told apart from a later one with the same pid by its start time.
Proc = tuple[int, int]


def _start_time(pid: int) -> int | None:
    """Start time of a live process (clock ticks since boot); None if gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return None if fields[0] == "Z" else int(fields[19])


def _alive(proc: Proc) -> bool:
    return _start_time(proc[0]) == proc[1]


def run_processes(token: str) -> set[Proc]:
    """Every live process whose environment carries ``RUN_ENV=token`` (Voilà and its kernels)."""
    marker = f"{RUN_ENV}={token}".encode()
    found: set[Proc] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker in environ.split(b"\0"):
            started = _start_time(int(entry.name))
            if started is not None:
                found.add((int(entry.name), started))
    return found


def _signal_all(procs: set[Proc], sig: int) -> None:
    for proc in procs:
        if _alive(proc):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(proc[0], sig)


def _wait_gone(procs: set[Proc], timeout: float) -> set[Proc]:
    deadline = time.monotonic() + timeout
    left = {p for p in procs if _alive(p)}
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = {p for p in left if _alive(p)}
    return left


def stop(proc: subprocess.Popen | None, token: str) -> None:
    """Stop Voilà (it shuts its kernels down), then anything of the run still alive."""
    with signals_ignored():
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=VOILA_STOP_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=VOILA_STOP_S)
        if not Path("/proc").is_dir():
            return
        left = run_processes(token)
        _signal_all(left, signal.SIGTERM)
        left = _wait_gone(left, STRAGGLER_STOP_S)
        _signal_all(left, signal.SIGKILL)
        _wait_gone(left, STRAGGLER_STOP_S)
