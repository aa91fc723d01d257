"""data/processed is written as one set (issue 15.6): a full disk keeps the previous tables whole.

It used to leave ``facts.csv`` cut mid-line beside a stale manifest, and the next
``khcn project`` used the mixed tables with exit 0.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest

from khcn_analysis.cli import main
from khcn_analysis.data import processed_set
from khcn_analysis.data.baseline import load_observations
from khcn_analysis.data.build import build_processed

ROOT = Path(__file__).resolve().parent.parent


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def built(built_project: Path) -> Path:
    return built_project


@pytest.fixture
def project(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    monkeypatch.setenv("KHCN_ROOT", str(root))
    return root


def test_a_full_disk_mid_build_keeps_the_previous_tables(project, monkeypatch, capsys):
    processed = project / "data" / "processed"
    before = hashes(processed)
    real = processed_set._write_file

    def disk_fills_during_facts(path: Path, data: bytes) -> None:
        if path.name == "facts.csv":
            path.write_bytes(data[: len(data) // 2])  # cut mid-line, as a full disk does
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(processed_set, "_write_file", disk_fills_during_facts)
    assert main(["data", "build"]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "Traceback" not in err
    assert hashes(processed) == before  # every table and the manifest as they were
    assert sorted(p.name for p in processed.parent.iterdir()) == ["processed", "raw"]  # no temp folder left
    assert len(load_observations(processed)) > 0  # and they still read as one consistent build


def test_a_rebuild_replaces_the_set_and_keeps_files_the_build_did_not_make(project):
    processed = project / "data" / "processed"
    (processed / "my-notes.txt").write_text("kept", encoding="utf-8")
    (processed / "findings.csv").unlink()  # a table a build wrote is not carried over by hand
    build_processed()
    assert (processed / "my-notes.txt").read_text(encoding="utf-8") == "kept"
    assert (processed / "findings.csv").exists()
    assert sorted(p.name for p in processed.parent.iterdir()) == ["processed", "raw"]


def test_tables_from_two_builds_are_refused(project, capsys):
    """A table that does not match the manifest (a half-written or hand-edited file): exit 2, not a silent mix."""
    facts = project / "data" / "processed" / "observations.csv"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[: len(text) // 2], encoding="utf-8")
    assert main(["project", "--scenario", str(ROOT / "scenarios" / "plan_as_written.yaml")]) == 2
    err = capsys.readouterr().err
    assert "does not match" in err and "khcn data build" in err and "Traceback" not in err


def test_the_swap_works_without_an_atomic_exchange(project, monkeypatch):
    """Where the kernel offers no RENAME_EXCHANGE, two renames do the swap; nothing is left behind."""
    monkeypatch.setattr(processed_set, "_exchange", lambda a, b: False)
    processed = project / "data" / "processed"
    build_processed()
    assert (processed / "manifest.json").exists()
    assert sorted(p.name for p in processed.parent.iterdir()) == ["processed", "raw"]
