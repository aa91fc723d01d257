"""Run the ``khcn`` console script's own function in a forked child of a warmed-up process.

Starting the installed ``khcn`` script costs an interpreter start and the import of
pandas, matplotlib, openpyxl and the library (1–2 s of CPU) before the command does
anything; a module of tests that runs the command a hundred times pays that a hundred
times. A :class:`Zygote` pays it once: it is a Python process started (as the script
would be) with the tests' environment, that imports the library and then, for each
run, forks a child which

* takes the run's environment (``os.environ`` replaced), working directory and
  ``sys.argv`` (``argv[0]`` = the installed script's path);
* has its file descriptors 0, 1 and 2 on ``/dev/null`` and two files, so stdout and
  stderr are seen at the level of the process's descriptors, as with a subprocess;
* calls the function the ``khcn`` console script names (its entry point, read from the
  installed package's metadata) exactly as the script does, ``sys.exit(main())``: an
  exit code is the process's exit status, an uncaught exception is printed by
  ``sys.excepthook`` (a traceback on stderr) and gives status 1, ``atexit`` handlers run
  and the standard streams are flushed (a failing flush gives 120, as Python does);
* ends with ``os._exit(status)``; the test sees the status as ``subprocess`` reports it
  (negative for a signal).

What a forked child does not repeat is what happens at interpreter start: settings
read then (``PYTHONIOENCODING``, ``PYTHONUTF8``, the locale, ``-X`` options) are the
zygote's. Tests of those stay real subprocesses of the installed script.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["KHCN", "Zygote", "base_env"]

KHCN = Path(sys.executable).parent / "khcn"

#: Library modules not imported ahead: the report batch and the explorer's server side
#: (papermill, jupyter_server) are only reached by commands that refuse before using them.
NOT_WARMED = ("khcn_analysis.report", "khcn_analysis.cli.explore_kernels")

_SERVER = r"""
import importlib, json, os, pkgutil, signal, sys
from importlib.metadata import entry_points

control_in = os.fdopen(os.dup(0), "r", encoding="utf-8")
control_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)  # anything printed while importing stays off the control channel

(entry,) = entry_points(group="console_scripts", name="khcn")
target = entry.load()
import khcn_analysis
skip = tuple(json.loads(sys.argv[1]))
for info in pkgutil.walk_packages(khcn_analysis.__path__, "khcn_analysis."):
    if not info.name.startswith(skip):
        importlib.import_module(info.name)


def child(request):
    control_in.close()
    control_out.close()
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY),
                            (2, request["err"], os.O_WRONLY)):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = list(request["argv"])
    status = 1
    try:
        try:
            sys.exit(target())
        except SystemExit as done:
            code = done.code
            if code is None:
                status = 0
            elif isinstance(code, int):
                status = code & 0xFF
            else:
                print(code, file=sys.stderr)
                status = 1
        except BaseException as error:
            sys.excepthook(*sys.exc_info())
            status = 1
            if isinstance(error, KeyboardInterrupt):  # as Python does: die by the signal
                sys.stderr.flush()
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.kill(os.getpid(), signal.SIGINT)
        try:
            import atexit
            atexit._run_exitfuncs()
        except BaseException:
            pass
        try:
            sys.stdout.flush()
        except BaseException:
            sys.excepthook(*sys.exc_info())
            status = 120
        try:
            sys.stderr.flush()
        except BaseException:
            pass
    finally:
        os._exit(status)


control_out.write("ready\n")
control_out.flush()
for line in control_in:
    request = json.loads(line)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        child(request)
    control_out.write(json.dumps({"pid": pid}) + "\n")
    control_out.flush()
    _, status = os.waitpid(pid, 0)
    control_out.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")
    control_out.flush()
"""


def base_env() -> dict[str, str]:
    """The environment a user's shell gives ``khcn``: this one without pytest's and khcn's own settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KHCN_", "PYTEST"))}
    env.update(MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1", COLUMNS="100")
    return env


class Zygote:
    """A warmed-up process that runs ``khcn`` in forked children, one run at a time."""

    def __init__(self, outputs: Path, env: dict[str, str] | None = None, start_timeout: float = 300) -> None:
        """``outputs``: an empty folder of the caller's for the runs' stdout and stderr files."""
        self.env = dict(env if env is not None else base_env())
        self._outputs = outputs
        # One BLAS thread: a process that forks should hold no threads but its own.
        zygote_env = {**self.env, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self._proc = subprocess.Popen([sys.executable, "-c", _SERVER, json.dumps(NOT_WARMED)], env=zygote_env,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._count = 0
        self._pending = b""
        if self._read(start_timeout) != "ready":
            raise RuntimeError("the khcn zygote did not start")

    def _read(self, timeout: float) -> str | None:
        """The zygote's next line, or None if none came within ``timeout`` seconds."""
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f"the khcn zygote exited with {self._proc.wait()}")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode("utf-8").strip()

    def run(self, args: list[str] | tuple[str, ...], *, cwd: Path, env: dict[str, str],
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """``khcn args`` in a forked child; stdout and stderr decoded as UTF-8 (errors replaced)."""
        assert self._proc.stdin is not None
        self._count += 1
        out, err = (self._outputs / f"{self._count}.{name}" for name in ("out", "err"))
        out.touch()
        err.touch()
        argv = [str(KHCN), *args]
        request = {"argv": argv, "env": env, "cwd": str(cwd), "out": str(out), "err": str(err)}
        self._proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        self._proc.stdin.flush()
        deadline = time.monotonic() + timeout
        started = self._read(timeout)
        if started is None:
            raise RuntimeError("the khcn zygote did not fork")
        pid = json.loads(started)["pid"]
        done = self._read(deadline - time.monotonic())
        if done is None:
            os.kill(pid, signal.SIGKILL)
            self._read(60)
            raise subprocess.TimeoutExpired(argv, timeout)
        code = json.loads(done)["status"]
        texts = [p.read_bytes().decode("utf-8", errors="replace") for p in (out, err)]
        out.unlink()
        err.unlink()
        return subprocess.CompletedProcess(argv, code, texts[0], texts[1])

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
