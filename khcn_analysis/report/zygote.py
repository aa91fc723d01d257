"""A kernel factory: one process imports what the notebooks import, then forks a kernel per notebook.

Each report notebook's kernel used to spend about three seconds of CPU importing pandas,
matplotlib and the library before its first line of work, thirteen times per batch on a
two-core machine. This process pays that once: it imports the modules (the same list
:func:`.kernels.warm_modules` reads from the notebooks), then, for each request on its
standard input, forks a child that becomes an ordinary IPython kernel (``ipykernel``'s
own application, as ``ipykernel_launcher`` starts it) on the connection file it is
given. The child is a fresh process in its own session with a clean namespace; only its
imports are already done (shared copy-on-write). Papermill then executes the notebook
on it as on any kernel.

Protocol, one JSON object per line: ``{"connection_file", "cwd", "log"}`` answers
``{"pid"}``; ``{"kill": pid}`` stops a kernel. End of input stops every kernel left and
the factory. Linux only (``fork``); elsewhere the batch starts kernels the usual way.

Run as ``python -m khcn_analysis.report.zygote '<JSON list of modules>'``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys

__all__ = ["main"]

_children: set[int] = set()


def _reap(*_: object) -> None:
    """Collect every child that has ended, so none lingers as a zombie."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _children.discard(pid)


def _become_kernel(connection_file: str, cwd: str, log: str, factory: int) -> None:
    """In the forked child: a session of its own, output to ``log``, then ipykernel's application."""
    try:
        os.setsid()
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.chdir(cwd)
        os.environ["JPY_PARENT_PID"] = str(factory)  # the kernel ends if the factory ends
        _reseed()
        sys.argv = ["ipykernel_launcher", "-f", connection_file]
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv=["-f", connection_file])
    except BaseException as err:  # noqa: BLE001 - report in the log; the parent sees a dead kernel
        with contextlib.suppress(Exception):
            os.write(2, f"kernel factory child: {type(err).__name__}: {err}\n".encode())
    finally:
        os._exit(0)


def _reseed() -> None:
    """Random generators seeded at import would otherwise repeat in every forked kernel."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


def _serve(requests: object, answers: object) -> None:
    factory = os.getpid()
    for line in requests:  # type: ignore[attr-defined]
        try:
            request = json.loads(line)
        except ValueError:
            continue
        if "kill" in request:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(request["kill"]), signal.SIGKILL)
            continue
        pid = os.fork()
        if pid == 0:
            _become_kernel(request["connection_file"], request["cwd"], request["log"], factory)
        _children.add(pid)
        answers.write(json.dumps({"pid": pid}) + "\n")  # type: ignore[attr-defined]
        answers.flush()  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if sys.path and sys.path[0] in ("", os.getcwd()):  # as ipykernel_launcher does
        del sys.path[0]
    import ipykernel.kernelapp  # noqa: F401 - the kernel's own start-up, done once here

    from khcn_analysis.report.warm import import_quietly

    import_quietly(json.loads(argv[0]) if argv else [])
    signal.signal(signal.SIGCHLD, _reap)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # stray prints must not corrupt the answers
    try:
        _serve(sys.stdin, answers)
    finally:
        for pid in list(_children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _reap()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
