"""``khcn explore`` as a service: it serves only local Host names, caps and culls kernels, and
stops with everything it started, whatever signal stops it (issue 15.7).

Real processes: the command is started as a user would start it, a page is opened
once so that Voilà starts a kernel, then the command is signalled. The processes of
the run are tracked through ``/proc`` (the command's descendants, and every process
carrying the run's token in its environment, which finds a kernel even after it
was re-parented). Waits are bounded waits for a condition, never a fixed sleep.

The page served is a one-cell stand-in for ``06_explore.ipynb`` in the private project:
what is tested is the service (Host names, the cap, culling, stopping), which does not
depend on what the page computes; the real explorer page is driven in a browser by
``test_explore_browser``. Culling is observed with a short idle timeout (a kernel still
starting is never culled, so a slow start cannot lose the page).
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")]

ROOT = Path(__file__).resolve().parent.parent
KHCN = str(Path(sys.executable).parent / "khcn")
START_S = 120
PAGE_S = 180
GONE_S = 60


@pytest.fixture(scope="module")
def project(new_project):
    """A private project root with processed data built, serving a one-cell stand-in page."""
    import nbformat

    root = new_project("explore-service")
    page = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                             "display_name": "Python 3"}})
    page.cells.append(nbformat.v4.new_code_cell(PAGE.format(kernels=str(root / KERNELS))))
    nbformat.write(page, root / "notebooks" / "06_explore.ipynb")
    return root


#: The stand-in page: it notes its kernel (pid and start time) in a file, which outlives the kernel.
PAGE = """\
import os
from pathlib import Path
stat = Path("/proc/self/stat").read_text()
with open({kernels!r}, "a") as kernels:
    kernels.write(f"{{os.getpid()}} {{stat[stat.rindex(')') + 2:].split()[19]}}\\n")
print("STAND_IN_PAGE")
"""
KERNELS = "kernels.txt"


def _noted_kernels(project: Path) -> list[tuple[int, int]]:
    """The kernels the stand-in page ran in, in order, as (pid, start time)."""
    path = project / KERNELS
    lines = path.read_text().split() if path.exists() else []
    return [(int(pid), int(start)) for pid, start in zip(lines[::2], lines[1::2], strict=True)]


# ---------------------------------------------------------------- /proc


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a live process; None when gone or a zombie."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return None if fields[0] == "Z" else (int(fields[1]), int(fields[19]))


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _descendants(root: int) -> set[tuple[int, int]]:
    """Live descendants of ``root`` as (pid, start time)."""
    children: dict[int, list[tuple[int, int]]] = {}
    for pid in _pids():
        st = _stat(pid)
        if st is not None:
            children.setdefault(st[0], []).append((pid, st[1]))
    out, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child[0])
    return out


def _environ(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _run_token(khcn_pid: int) -> bytes:
    """The run token ``khcn explore`` put into Voilà's environment."""
    for pid, _ in _descendants(khcn_pid):
        for item in _environ(pid):
            if item.startswith(b"KHCN_EXPLORE_RUN="):
                return item
    raise AssertionError("no process of the run carries KHCN_EXPLORE_RUN")


def _of_run(token: bytes) -> set[tuple[int, int]]:
    out = set()
    for pid in _pids():
        if token in _environ(pid):
            st = _stat(pid)
            if st is not None:
                out.add((pid, st[1]))
    return out


def _alive(procs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    return {(pid, start) for pid, start in procs if (_stat(pid) or (0, None))[1] == start}


def _kernels(procs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    return {p for p in _alive(procs) if "ipykernel" in _cmdline(p[0])}


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.25)


# ---------------------------------------------------------------- the server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _get(port: int, host: str, body: list[bytes] | None = None) -> int:
    """GET / with the given Host header; the status code (a page view starts a kernel)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=PAGE_S)
    try:
        conn.putrequest("GET", "/", skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        text = response.read()
        if body is not None:
            body.append(text)
        return response.status
    finally:
        conn.close()


@contextmanager
def _serving(project: Path, *options: str):
    """``khcn explore --no-browser --port P`` until it serves; whatever is left is killed at the end."""
    port = _free_port()
    log = (project / f"serve-{port}.log").open("w+", encoding="utf-8")
    env = {**os.environ, "KHCN_ROOT": str(project), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen([KHCN, "explore", "--no-browser", "--port", str(port), *options],
                            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    token = None
    try:
        def served() -> bool:
            log.seek(0)
            if proc.poll() is not None:
                raise AssertionError(f"khcn explore exited with {proc.returncode}:\n{log.read()}")
            return url in log.read()

        _wait(served, START_S, f"khcn explore serving {url}")
        token = _run_token(proc.pid)
        yield proc, port, token
    finally:
        for pid, _ in _alive(_descendants(proc.pid) | (_of_run(token) if token else set())):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        log.close()


def _page_with_kernel(proc, port: int) -> set[tuple[int, int]]:
    """Open the page once; the kernel it started, and every process of the run."""
    assert _get(port, f"127.0.0.1:{port}") == 200
    _wait(lambda: _kernels(_descendants(proc.pid)), PAGE_S, "a kernel for the page")
    return _descendants(proc.pid)


# ---------------------------------------------------------------- tests


def _all_die_with_a_killed_parent(proc, port: int, token: bytes, run: set[tuple[int, int]]) -> None:
    os.kill(proc.pid, signal.SIGKILL)  # no handler runs: the kernel tells Voilà (PR_SET_PDEATHSIG)
    proc.wait(timeout=30)
    _wait(lambda: not _alive(run) and not _of_run(token), GONE_S, "no process of the run left")
    _wait(lambda: not _port_open(port), GONE_S, "the port closed")


def test_only_local_host_names_are_served_kernels_are_capped_and_all_die_with_a_killed_parent(project):
    """One server for two things: what it serves, then how it dies (a server start is seconds of CPU)."""
    with _serving(project, "--max-kernels", "1") as (proc, port, token):
        for foreign in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}"):
            assert _get(port, foreign) == 403, foreign  # DNS rebinding: the page is never served
        assert not _kernels(_of_run(token))  # and no kernel was started for it
        page: list[bytes] = []
        assert _get(port, f"localhost:{port}", page) == 200
        assert b"STAND_IN_PAGE" in page[0]  # the page ran in a kernel
        first = _wait(lambda: _kernels(_of_run(token)), PAGE_S, "a kernel for the page")
        assert _get(port, f"127.0.0.1:{port}") == 503  # the cap: one page at a time here
        assert _kernels(_of_run(token)) == first
        # Voilà and the page's kernel die with a killed parent
        run = _descendants(proc.pid) | _of_run(token)
        assert first <= run
        _all_die_with_a_killed_parent(proc, port, token, run)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_stop_signal_stops_voila_and_every_kernel(project, sig):
    with _serving(project) as (proc, port, token):
        run = _page_with_kernel(proc, port) | _of_run(token)
        assert _kernels(run)
        os.kill(proc.pid, sig)
        assert proc.wait(timeout=90) == 0
        assert not _port_open(port)
        # khcn waits for all of them before it exits; the bound covers /proc catching up.
        _wait(lambda: not _alive(run) and not _of_run(token), GONE_S, "no process of the run left")


def test_idle_kernels_are_culled_while_the_server_keeps_serving(project):
    # Short: a kernel still starting is not idle, so however slow the start, the page gets its kernel.
    # The kernel is known by the note the page wrote: it may well be culled before /proc is read.
    with _serving(project, "--kernel-idle-timeout", "3") as (proc, port, token):
        before = _noted_kernels(project)
        assert _get(port, f"127.0.0.1:{port}") == 200
        kernel = _noted_kernels(project)[len(before):]
        assert len(kernel) == 1, kernel
        _wait(lambda: not _alive(set(kernel)), PAGE_S, "the idle kernel culled")
        assert proc.poll() is None and _port_open(port)
        assert _get(port, f"127.0.0.1:{port}") == 200  # a new page gets a new kernel
        again = _noted_kernels(project)[len(before) + 1:]
        assert len(again) == 1 and again != kernel


def test_a_kernel_still_starting_is_not_culled_an_idle_one_is():
    import asyncio
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    from khcn_analysis.cli.explore_kernels import CappedKernelManager

    manager = CappedKernelManager(cull_idle_timeout=1)
    culled: list[str] = []

    async def shutdown_kernel(kernel_id, *args, **kwargs):
        culled.append(kernel_id)

    manager.shutdown_kernel = shutdown_kernel
    long_ago = datetime.now(UTC) - timedelta(hours=1)  # as jupyter_server stamps it
    for state in ("starting", "idle", "busy"):
        manager._kernels[state] = SimpleNamespace(execution_state=state, last_activity=long_ago, kernel_name="python3",
                                                  kernel_spec=SimpleNamespace(metadata={}))
        asyncio.run(manager.cull_kernel_if_idle(state))
    assert culled == ["idle"]


def test_voila_command_serves_local_names_only_with_culling_and_a_cap():
    from khcn_analysis.cli.explore_server import ServerOptions, voila_command

    cmd = voila_command(Path("/x/06_explore.ipynb"), ServerOptions(9999, max_kernels=3, cull_idle_seconds=120))
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=9999" in cmd and "--no-browser" in cmd
    assert "--MappingKernelManager.cull_idle_timeout=120" in cmd and "--CappedKernelManager.max_kernels=3" in cmd
    assert any('"allow_remote_access": False' in a for a in cmd)
