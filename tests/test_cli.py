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


def test_a_reader_that_stops_early_is_not_an_error():
    """`khcn plan --format json | head -1` must not end in an internal error."""
    result = subprocess.run(
        f"'{KHCN}' plan --format json | head -c 1", shell=True, capture_output=True, text=True,
        check=False,
    )
    assert result.stdout == "{"
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.stderr
