"""A kernel forked by the batch's factory binds its own ports (issue 16, and a CI flake's cause).

The parent used to choose free ports and write them into the connection file; the kernel
bound them only once the factory had forked it, seconds later on a busy machine, and a
port taken in between killed the kernel at start. Now the file says port 0 and the kernel
binds free ports itself and writes them in (ipykernel's own mechanism).
"""

from __future__ import annotations

import json
import socket
import stat
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the factory forks (Linux)")]


def test_a_forked_kernel_binds_its_own_ports_and_answers(tmp_path):
    from jupyter_core.utils import run_sync

    from khcn_analysis.report.kernels import PORTS, Factory, fork_spare

    factory = Factory(("fractions",), tmp_path)
    try:
        spare = fork_spare(factory, tmp_path)
        manager = spare.manager
        written = json.loads(Path(manager.connection_file).read_text(encoding="utf-8"))
        assert stat.S_IMODE(Path(manager.connection_file).stat().st_mode) == 0o600  # it holds the key
        info = manager.bound_ports()
        assert all(info[p] for p in PORTS) and info["key"] == written["key"]
        for port in PORTS:  # each one is the kernel's: something listens there
            with socket.create_connection(("127.0.0.1", info[port]), timeout=10):
                pass
        client = manager.client()
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=60)  # a kernel_info request answered
        finally:
            client.stop_channels()
        spare.stop()
        assert not Path(manager.connection_file).exists()
    finally:
        factory.close()
