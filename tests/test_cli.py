"""The ``khcn`` console command is installed and fails cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from khcn_analysis.cli import main

KHCN = Path(sys.executable).parent / "khcn"


def test_console_script_is_installed_and_shows_help():
    result = subprocess.run([str(KHCN), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "report" in result.stdout


def test_unknown_command_exits_non_zero(capsys):
    try:
        main(["no-such-command"])
    except SystemExit as exc:
        assert exc.code == 2
    else:  # pragma: no cover - argparse always exits here
        raise AssertionError("argparse accepted an unknown command")
