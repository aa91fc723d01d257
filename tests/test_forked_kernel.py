"""A kernel forked by the batch's factory binds its own ports (issue 16, and a CI flake's cause).

The parent used to choose free ports and write them into the connection file; the kernel
bound them only once the factory had forked it, seconds later on a busy machine, and a
port taken in between killed the kernel at start. Now the file says port 0 and the kernel
binds free ports itself and writes them in (ipykernel's own mechanism).
"""

from __future__ import annotations

import contextlib
import json
import socket
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from notebook_files import write_notebook

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the factory forks (Linux)")]


@contextlib.contextmanager
def factory_client(tmp_path: Path, later: tuple[str, ...] = ()) -> Iterator[Any]:
    """A kernel factory that imported ``fractions`` (and ``later`` after its first fork), and a client of it."""
    from khcn_analysis.report.kernel_factory import Factory, FactoryClient

    factory = Factory(("fractions",), tmp_path, later=later)
    client = FactoryClient(factory.address)
    try:
        yield client
    finally:
        client.close()
        factory.close()


def test_a_forked_kernel_binds_its_own_ports_and_answers(tmp_path):
    from jupyter_core.utils import run_sync

    from khcn_analysis.report.kernel_factory import PORTS
    from khcn_analysis.report.kernels import fork_spare

    with factory_client(tmp_path) as client:
        spare = fork_spare(client, tmp_path)
        manager = spare.manager
        written = json.loads(Path(manager.connection_file).read_text(encoding="utf-8"))
        assert stat.S_IMODE(Path(manager.connection_file).stat().st_mode) == 0o600  # it holds the key
        info = manager.bound_ports()
        assert all(info[p] for p in PORTS) and info["key"] == written["key"]
        for port in PORTS:  # each one is the kernel's: something listens there
            with socket.create_connection(("127.0.0.1", info[port]), timeout=10):
                pass
        kernel = manager.client()
        kernel.start_channels()
        try:
            run_sync(kernel.wait_for_ready)(timeout=60)  # a kernel_info request answered
        finally:
            kernel.stop_channels()
        spare.stop()
        assert not Path(manager.connection_file).exists()


def test_one_factory_forks_every_kernel_of_a_two_worker_batch(tmp_path):
    """The batch imports the notebooks' modules once: both workers' kernels come from one factory."""
    import os

    import nbformat

    from khcn_analysis.report.batch import run_reports
    from khcn_analysis.report.jobs import NotebookSpec

    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    stems = ("n1", "n2", "n3", "n4")
    for stem in stems:
        write_notebook(notebooks / f"{stem}.ipynb", "import os\nppid = os.getppid()\n"
                       "print('PARENTS', ppid, open(f'/proc/{ppid}/stat').read().split(')')[1].split()[1])",
                       parameters='lang = "vi"')
    raw, code = tmp_path / "raw", tmp_path / "code"
    raw.mkdir()
    code.mkdir()
    result = run_reports([], out=tmp_path / "out", jobs=2, notebooks_dir=notebooks, raw_dir=raw, code_dir=code,
                         specs=tuple(NotebookSpec(s, "once", s, s) for s in stems), resolve=lambda names: [],
                         progress=lambda line: None)
    assert result.status == "complete", result.message
    forked = set()
    for outcome in result.outcomes:
        executed = nbformat.read(result.folder / f"notebooks/{outcome.id}.ipynb", as_version=4)
        text = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
        parent, grandparent = (int(x) for x in text.split("PARENTS ")[1].split()[:2])
        if parent != outcome.worker:  # not papermill's own kernel (a worker whose spare another took)
            forked.add((parent, grandparent))
    # Every forked kernel has the same parent, the batch's own factory (not a worker's); the first
    # notebook a worker runs always has one.
    assert len(forked) == 1, forked
    (_factory, its_parent), = forked
    assert its_parent == os.getpid()


def _run_in(manager, code: str) -> str:
    """Execute ``code`` on the kernel behind ``manager``; what it printed."""
    from jupyter_core.utils import run_sync

    kernel = manager.client()
    kernel.start_channels()
    try:
        run_sync(kernel.wait_for_ready)(timeout=60)
        printed: list[str] = []

        def keep(msg):
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])

        run_sync(kernel.execute_interactive)(code, output_hook=keep, timeout=60)
        return "".join(printed)
    finally:
        kernel.stop_channels()


def test_kernels_after_the_first_have_the_later_modules_already_imported(tmp_path):
    """The factory imports the first notebook's modules, forks, then imports the rest (issue 16):
    every kernel it forks after the first finds those modules in ``sys.modules``.

    Three requests before any answer is read also checks the client keeps every answer: one
    read-write text stream used to drop an answer that arrived with another when a request followed.
    """
    from khcn_analysis.report.kernels import fork_spare

    later = "wave"  # a standard module neither ipykernel nor the factory imports otherwise
    with factory_client(tmp_path, later=(later,)) as client:
        spares = [fork_spare(client, tmp_path) for _ in range(3)]
        try:
            seen = [_run_in(s.manager, f"import sys; print({later!r} in sys.modules, 'fractions' in sys.modules)")
                    .split() for s in spares]
        finally:
            for spare in spares:
                spare.stop()
    assert all(found == ["True", "True"] for found in seen[1:]), seen
    assert seen[0][1] == "True", seen  # the first kernel has the first list (the later one may follow)


def test_waiting_for_a_dead_forked_kernel_fails_instead_of_waiting_on(tmp_path):
    """The readiness check asks the kernel's process, not a clock: a kernel that died is an error at once."""
    import os
    import signal

    from jupyter_core.utils import run_sync

    from khcn_analysis.report.kernels import fork_spare

    with factory_client(tmp_path) as client:
        spare = fork_spare(client, tmp_path)
        manager = spare.manager
        kernel = manager.client()  # the ports are bound: the kernel is up
        os.kill(manager.pid, signal.SIGKILL)
        while manager.has_kernel:  # until the factory has reaped it
            os.sched_yield()
        kernel.start_channels()
        try:
            with pytest.raises(RuntimeError, match="died"):
                run_sync(kernel.wait_for_ready)(timeout=600)
        finally:
            kernel.stop_channels()
        spare.stop()
