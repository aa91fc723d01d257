"""``khcn explore``: the scenario explorer (notebooks/06_explore.ipynb) as a local web app.

Voilà serves the notebook's widgets without its code, on 127.0.0.1 only: the page
can write scenario files, so it must never be reachable from the network. How the
server is started, capped and stopped with everything it started is in
:mod:`.explore_server`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import time
import webbrowser

from khcn_analysis.cli.explore_server import (
    HOST,
    RUN_ENV,
    ServerOptions,
    Stop,
    port_open,
    start,
    stop,
    stop_on_signals,
    voila_command,
)
from khcn_analysis.core.catalogue import LANGS, t
from khcn_analysis.core.errors import InputError, KhcnError

__all__ = ["register", "run_explore", "voila_command"]

NOTEBOOK = "06_explore.ipynb"
START_TIMEOUT = 120.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explore", help="open the interactive scenario explorer in the browser (Voila, 127.0.0.1 only)"
    )
    parser.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default: 8866)")
    parser.add_argument("--no-browser", action="store_true", help="print the address, do not open a browser")
    parser.add_argument("--max-kernels", type=int, default=4, metavar="N",
                        help="most pages open at once; each runs a Python kernel of ~160 MB (default: 4)")
    parser.add_argument("--kernel-idle-timeout", type=int, default=300, metavar="SECONDS",
                        help="a kernel whose page is closed is stopped after this long (default: 300)")
    parser.set_defaults(handler=run_explore)


def _say(key: str, **fields: object) -> None:
    """A line in Vietnamese and English: the explorer has no --lang."""
    print(" / ".join(t(key, lang, **fields) for lang in LANGS), flush=True)


def run_explore(args: argparse.Namespace) -> int:
    from khcn_analysis.core.paths import notebooks_dir, processed_dir

    notebook = notebooks_dir() / NOTEBOOK
    if not notebook.is_file():
        raise InputError(notebook, None, "no such file", "the explorer notebook")
    if not (processed_dir() / "observations.csv").is_file():
        raise KhcnError(f"{processed_dir() / 'observations.csv'} is missing: run `khcn data build` first")
    if not 1 <= args.port <= 65535:
        raise InputError(None, "--port", args.port, "a port number 1–65535")
    if args.max_kernels < 1:
        raise InputError(None, "--max-kernels", args.max_kernels, "a whole number of at least 1")
    if args.kernel_idle_timeout < 1:
        raise InputError(None, "--kernel-idle-timeout", args.kernel_idle_timeout, "a number of seconds, at least 1")
    if port_open(args.port):
        raise InputError(None, "--port", args.port, "a free port (something already listens there)")
    options = ServerOptions(args.port, max_kernels=args.max_kernels, cull_idle_seconds=args.kernel_idle_timeout,
                            cull_interval_seconds=min(60, args.kernel_idle_timeout))
    url = f"http://{HOST}:{args.port}/"
    token = secrets.token_hex(8)
    env = {**os.environ, "MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1", RUN_ENV: token}
    proc = None
    with stop_on_signals():
        try:
            proc = start(notebook, options, env)
            deadline = time.monotonic() + START_TIMEOUT
            while not port_open(args.port):
                if proc.poll() is not None:
                    raise KhcnError(f"Voila stopped before serving (exit code {proc.returncode}); "
                                    "see the messages above")
                if time.monotonic() > deadline:
                    raise KhcnError(f"Voila did not start listening on {url} within {START_TIMEOUT:.0f} s")
                time.sleep(0.2)
            _say("cli.explore.address", url=url)
            _say("cli.explore.stop_hint")
            if not args.no_browser:
                webbrowser.open(url)
            return proc.wait()
        except Stop:
            _say("cli.explore.stopping")
            return 0
        finally:
            stop(proc, token)
