"""Outputs are written whole or not at all; a full disk keeps the previous file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from khcn_analysis.core import atomic
from khcn_analysis.core.atomic import DiskFullError, atomic_path, write_bytes, write_text


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_text(target, "a,b\n1,2\n")
    write_text(target, "a,b\n3,4\n")
    assert target.read_text(encoding="utf-8") == "a,b\n3,4\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_full_disk_keeps_the_previous_file_and_says_so(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "book.xlsx"
    write_bytes(target, b"previous good workbook")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(DiskFullError) as err:
        write_bytes(target, b"half a workbook")
    assert "disk is full" in str(err.value) and str(target) in str(err.value)
    assert err.value.exit_code == 2
    assert target.read_bytes() == b"previous good workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_a_failing_writer_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"partial")
        raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_an_output_gets_the_mode_of_any_new_file_not_a_private_one(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        target = write_text(tmp_path / "page.html", "<p>x</p>")
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
