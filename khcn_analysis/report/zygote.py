"""A kernel factory: one process imports what the notebooks import, then forks a kernel per notebook.

Each report notebook's kernel used to spend about three seconds of CPU importing pandas,
matplotlib and the library before its first line of work, thirteen times per batch on a
two-core machine. This process pays that once per batch: it imports the modules (the same
list :func:`.kernels.warm_modules` reads from the notebooks), then, for each request, forks
a child that becomes an ordinary IPython kernel (``ipykernel``'s own application, as
``ipykernel_launcher`` starts it) on the connection file it is given. The child is a fresh
process in its own session with a clean namespace; only its imports are already done
(shared copy-on-write). Papermill then executes the notebook on it as on any kernel.

One factory serves the whole batch: every worker process of the pool connects to its Unix
socket (the address is the first argument). Protocol on a connection, one JSON object per
line: ``{"connection_file", "cwd", "log"}`` answers ``{"pid"}``; ``{"kill": pid}`` stops a
kernel. The socket listens before the imports start, and "listening" on standard output
says so. End of standard input (the batch process closed it, or died) stops every kernel
left and the factory. Linux only (``fork``); elsewhere the batch starts kernels the usual way.

The imports come in two lists: the first notebook's modules, imported before any kernel is
forked, and the rest (``later``), imported right after the first kernel is forked (or
sooner, when no request waits), so the first notebook starts without waiting for modules
only later pages use (the Word and Excel writers, the Department's reader) and every later
kernel has them all.

Run as ``python -m khcn_analysis.report.zygote <socket path> '<JSON list>' ['<JSON list, later>']``.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import socket
import sys

__all__ = ["main"]

_children: set[int] = set()
#: Modules an IPython kernel imports while it initialises, after ``ipykernel.kernelapp``.
KERNEL_MODULES = ("ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger", "ipykernel.comm",
                  "IPython.core.history", "sqlite3", "tornado.ioloop", "psutil")


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


def _fork(request: dict, connections: list[socket.socket], factory: int) -> int:
    pid = os.fork()
    if pid == 0:
        for sock in connections:  # the kernel keeps none of the factory's sockets
            with contextlib.suppress(OSError):
                sock.close()
        _become_kernel(request["connection_file"], request["cwd"], request["log"], factory)
    _children.add(pid)
    return pid


def _handle(line: bytes, conn: socket.socket, connections: list[socket.socket], factory: int) -> bool:
    """Act on one request; whether a kernel was forked."""
    try:
        request = json.loads(line)
    except ValueError:
        return False
    if "kill" in request:
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(request["kill"]), signal.SIGKILL)
        return False
    pid = _fork(request, connections, factory)
    with contextlib.suppress(OSError):  # a worker that went away gets no answer
        conn.sendall((json.dumps({"pid": pid}) + "\n").encode())
    return True


def _serve(listener: socket.socket, later: list[str]) -> None:
    """Answer every connected worker until standard input ends; import ``later`` when first idle."""
    factory = os.getpid()
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(0, selectors.EVENT_READ, "control")
    pending: dict[socket.socket, bytes] = {}
    while True:
        events = selector.select(timeout=0 if later else None)
        if not events and later:
            later = _import_later(later)  # nothing asked for yet
        for key, _ in events:
            if key.data == "control":
                if not os.read(0, 4096):
                    return  # the batch closed our input or died: stop
            elif key.data == "accept":
                conn, _ = listener.accept()
                pending[conn] = b""
                selector.register(conn, selectors.EVENT_READ, "request")
            else:
                conn = key.fileobj  # type: ignore[assignment]
                data = conn.recv(65536)
                if not data:
                    selector.unregister(conn)
                    conn.close()
                    pending.pop(conn, None)
                    continue
                *lines, pending[conn] = (pending[conn] + data).split(b"\n")
                for line in lines:
                    if _handle(line, conn, [listener, *pending], factory) and later:
                        later = _import_later(later)  # the first kernel runs; the next ones get everything


def _import_later(modules: list[str]) -> list[str]:
    """Import the modules only later notebooks use (while the first one runs); none are left."""
    from khcn_analysis.report.warm import import_quietly

    import_quietly(modules)
    return []


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if sys.path and sys.path[0] in ("", os.getcwd()):  # as ipykernel_launcher does
        del sys.path[0]
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(argv[0])
    listener.listen(16)
    print("listening", flush=True)  # workers may connect now; answers wait for the imports below
    import ipykernel.kernelapp  # noqa: F401 - the kernel's own start-up, done once here

    from khcn_analysis.report.warm import import_quietly

    # What IPKernelApp.initialize() imports in each kernel (the shell, the debugger's debugpy
    # and pydevd, the history database): about 0.15 s of CPU per kernel, paid here once.
    import_quietly(KERNEL_MODULES)

    import_quietly(json.loads(argv[1]) if len(argv) > 1 else [])
    signal.signal(signal.SIGCHLD, _reap)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # stray prints go nowhere
    try:
        _serve(listener, json.loads(argv[2]) if len(argv) > 2 else [])
    finally:
        for pid in list(_children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _reap()
        listener.close()
        # The socket and its folder go with the factory, also when the batch was killed.
        with contextlib.suppress(OSError):
            os.unlink(argv[0])
            os.rmdir(os.path.dirname(argv[0]))
    return 0


if __name__ == "__main__":
    code = main()
    # Nothing is left to flush or remove: end without the interpreter's teardown of pandas,
    # matplotlib and IPython (0.3-0.5 s), which the batch would wait for at its very end.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
