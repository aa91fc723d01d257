"""Run a command and write its peak resident memory, read from outside, to a JSON file.

``python benchmarks/rss_waiter.py REPORT.json COMMAND...`` runs COMMAND (its streams are
this process's), waits for it with ``os.wait4`` and writes ``{"maxrss_kib": N}``: the
command's peak resident set size as the kernel counted it, interpreter, libraries and
allocator pools included. It exits with the command's exit code.

Why a process of its own: Linux carries the peak resident size of the process that
started a child into the child's ``ru_maxrss`` (fork/vfork, then exec), so a child
started by the benchmark process, which holds hundreds of MiB by then, would report at
least that. Started from this small process, the command's figure is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    report, command = Path(argv[0]), argv[1:]
    proc = subprocess.Popen(command)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    report.write_text(json.dumps({"maxrss_kib": usage.ru_maxrss}), encoding="utf-8")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
