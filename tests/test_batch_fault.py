"""Killing a report batch part-way: the previous report survives and the next run completes.

A real batch (``khcn_analysis.report.batch.run_reports`` through papermill, in its own process
group, as cron would start ``khcn report``) runs two tiny notebooks; the second one
signals that it is executing and then waits. A second batch started then is refused (the
lock is real while its owner lives). The test SIGKILLs the whole process group at that
moment, then checks what a reader of ``reports/`` would see, and runs the next batch.
The notebook kernel lives in a session of its own (jupyter_client starts it so), so the
test ends it by the PID the notebook wrote.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from notebook_files import write_notebook

from khcn_analysis.report.publish import LATEST, LOCK_NAME, latest_manifest

pytestmark = pytest.mark.slow

ENTRY = r"""
import json, sys
from pathlib import Path
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.report.batch import NotebookSpec, run_reports

out, notebooks = Path(sys.argv[1]), Path(sys.argv[2])
try:
    result = run_reports(
        [], out=out, jobs=1, notebooks_dir=notebooks, raw_dir=notebooks,
        specs=(NotebookSpec("fast", "once", "Nhanh", "Fast"), NotebookSpec("slow", "once", "Chậm", "Slow")),
        resolve=lambda names: [], progress=lambda line: print(line, file=sys.stderr, flush=True),
        reuse_pages=False,  # every run executes both notebooks: the slow one is where the test strikes
    )
except KhcnError as err:  # as the khcn command does
    print(f"khcn: error: {err}", file=sys.stderr)
    sys.exit(err.exit_code)
print(json.dumps({"status": result.status, "folder": str(result.folder)}))
sys.exit(result.exit_code)
"""

#: With KHCN_FAULT_HOLD=1 the slow notebook holds its batch until the test kills it (or the
#: batch is gone), however long the machine takes to get there: no clock decides the outcome.
SLOW_CELL = """\
import os, time
from pathlib import Path
Path("kernel.pid").write_text(str(os.getpid()))  # the working directory is the run folder
parent = os.getppid()
while os.environ.get("KHCN_FAULT_HOLD") == "1" and os.getppid() == parent:
    time.sleep(0.1)
print("SLOW_DONE")
"""


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _runs(root: Path) -> set[str]:
    return {p.name for p in root.iterdir() if p.name.startswith(("run-", "failed-"))}


def _wait_for_slow_notebook(out: Path, proc: subprocess.Popen[str], timeout: float = 180) -> int:
    """The kernel PID the slow notebook writes once it runs: the moment to strike."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before the slow notebook ran: {proc.communicate()[1][-2000:]}")
        for marker in out.glob(".tmp-*/kernel.pid"):
            text = marker.read_text().strip()
            if text.isdigit():
                return int(text)
        time.sleep(0.1)
    pytest.fail("the slow notebook never started")


@pytest.fixture
def batch(tmp_path: Path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks / "fast.ipynb", 'print("FAST_DONE")', parameters='lang = "vi"')
    write_notebook(notebooks / "slow.ipynb", SLOW_CELL, parameters='lang = "vi"')
    out = tmp_path / "reports"
    project = tmp_path / "project"  # KHCN_ROOT: nothing of the repository is read or written
    project.mkdir()
    env = {**os.environ, "KHCN_ROOT": str(project), "MPLBACKEND": "Agg"}
    kernels: list[int] = []

    def start(hold: bool) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", ENTRY, str(out), str(notebooks)],
                                env={**env, "KHCN_FAULT_HOLD": "1" if hold else "0"}, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)

    def complete() -> dict:
        proc = start(hold=False)
        stdout, stderr = proc.communicate(timeout=240)
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr
        return json.loads(stdout.strip().splitlines()[-1])

    yield out, start, complete, kernels
    for pid in kernels:  # the orphaned kernel of the killed run, by the PID it wrote
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def test_killed_run_leaves_the_previous_report_and_the_next_run_completes(batch):
    out, start, complete, kernels = batch
    first = complete()
    assert first["status"] == "complete"
    previous = Path(first["folder"]).name
    assert os.readlink(out / LATEST) == previous
    before = _tree(out / previous)
    assert "fast.html" in before and "slow.html" in before

    proc = start(hold=True)
    try:
        kernels.append(_wait_for_slow_notebook(out, proc))
        # The control: while its owner lives, the lock is real and names the owner.
        refused = start(hold=False)
        _, stderr = refused.communicate(timeout=120)
        assert refused.returncode == 2
        assert f"another `khcn report` is running (process {proc.pid})" in stderr
        assert "Traceback" not in stderr
        assert _runs(out) == {previous}  # the refused run wrote nothing
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker processes, at once
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # What a reader sees now: the previous complete report, untouched, still 'latest'.
    assert os.readlink(out / LATEST) == previous
    assert _tree(out / previous) == before
    assert latest_manifest(out)["run_id"] == previous
    assert latest_manifest(out)["status"] == "complete"
    assert _runs(out) == {previous}  # the half-written folder does not pass for a run
    leftovers = [p.name for p in out.glob(".tmp-*")]
    assert leftovers and all(not n.startswith(("run-", "failed-")) for n in leftovers)
    assert (out / LOCK_NAME).exists()  # the killed run's lock file is still there...

    second = complete()  # ...and does not block the next run
    assert second["status"] == "complete"
    newer = Path(second["folder"]).name
    assert newer != previous
    assert os.readlink(out / LATEST) == newer
    assert _runs(out) == {previous, newer}
    assert _tree(out / previous) == before
    assert not list(out.glob(".tmp-*"))  # the dead run's temporary folder is cleared under the lock
    manifest = json.loads((out / newer / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    assert [n["status"] for n in manifest["notebooks"]] == ["ok", "ok"]
