"""``khcn explore``: the scenario explorer (notebooks/06_explore.ipynb) as a local web app.

Voilà serves the notebook's widgets without its code, on 127.0.0.1 only: the page
can write scenario files, so it must never be reachable from the network. One
kernel runs per open page; kernels of closed pages are culled after half an hour
idle so a server left running all week does not pile them up.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from pathlib import Path

from khcn_analysis.core.errors import InputError, KhcnError

NOTEBOOK = "06_explore.ipynb"
HOST = "127.0.0.1"
#: Seconds a kernel with no page connected and no activity lives before it is shut down.
CULL_IDLE_TIMEOUT = 1800
CULL_INTERVAL = 300
START_TIMEOUT = 120.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explore", help="open the interactive scenario explorer in the browser (Voila, 127.0.0.1 only)"
    )
    parser.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default: 8866)")
    parser.add_argument("--no-browser", action="store_true", help="print the address, do not open a browser")
    parser.set_defaults(handler=run_explore)


def voila_command(notebook: Path, port: int) -> list[str]:
    """The Voilà command line: local address only, kernel culling for long-running use."""
    return [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        "--Voila.port_retries=0",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_TIMEOUT}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL}",
        "--MappingKernelManager.cull_connected=False",
    ]


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def run_explore(args: argparse.Namespace) -> int:
    from khcn_analysis.core.paths import notebooks_dir, processed_dir

    notebook = notebooks_dir() / NOTEBOOK
    if not notebook.is_file():
        raise InputError(notebook, None, "no such file", "the explorer notebook")
    if not (processed_dir() / "observations.csv").is_file():
        raise KhcnError(f"{processed_dir() / 'observations.csv'} is missing: run `khcn data build` first")
    if not 1 <= args.port <= 65535:
        raise InputError(None, "--port", args.port, "a port number 1–65535")
    if _port_open(args.port):
        raise InputError(None, "--port", args.port, "a free port (something already listens there)")
    url = f"http://{HOST}:{args.port}/"
    env = {**os.environ, "MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    # Own session: Ctrl-C reaches this process only, which then stops Voilà cleanly.
    proc = subprocess.Popen(voila_command(notebook, args.port), cwd=notebook.parent, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _port_open(args.port):
            if proc.poll() is not None:
                raise KhcnError(f"Voila stopped before serving (exit code {proc.returncode}); see the messages above")
            if time.monotonic() > deadline:
                raise KhcnError(f"Voila did not start listening on {url} within {START_TIMEOUT:.0f} s")
            time.sleep(0.2)
        print(_both("cli.explore.address", url=url), flush=True)
        print(_both("cli.explore.stop_hint"), flush=True)
        if not args.no_browser:
            webbrowser.open(url)
        return proc.wait()
    except KeyboardInterrupt:
        print("\n" + _both("cli.explore.stopping"), flush=True)
        return 0
    finally:
        stop(proc)


def _both(key: str, **fields: object) -> str:
    """A line in Vietnamese and English: the explorer has no --lang."""
    from khcn_analysis.core.catalogue import t

    return f"{t(key, 'vi', **fields)} / {t(key, 'en', **fields)}"


def stop(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """SIGTERM (Voilà shuts its kernels down), then SIGKILL if it does not exit in time."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
