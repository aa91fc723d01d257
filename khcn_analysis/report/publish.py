"""Where a batch writes: a folder it owns, one run at a time, published whole or not at all.

A scheduler runs ``khcn report`` unattended, so a run must be safe to read while it
runs and safe to fail: everything is written into a hidden temporary folder, renamed
to ``run-<UTC time>-<hash>`` (or ``failed-…``) only when finished, and ``latest`` is
re-pointed at a complete run atomically.

``--out`` may name a folder that already holds other things. The batch touches only
what it created: a folder it made carries the marker file ``.khcn-reports``, and so
does every temporary folder of a run. A ``.lock``, ``.tmp-*`` or ``latest`` in a
folder without the marker belongs to someone else, and the batch refuses to take the
folder over rather than overwrite or delete them.

Files inside a run's temporary folder are written plainly: the folder is published whole by
one rename, and plain writes keep the permissions the umask gives (a web server may serve
``reports/``), where the atomic writer's private temporary files would leave pages 0600.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from khcn_analysis.core.errors import KhcnError
from khcn_analysis.report import manifest as mf

__all__ = [
    "FAILED_PREFIX",
    "LATEST",
    "LOCK_NAME",
    "MARKER_NAME",
    "RUN_PREFIX",
    "TMP_PREFIX",
    "claim_folder",
    "free_name",
    "latest_manifest",
    "lock",
    "make_temporary",
    "publish",
    "remove_stale_temporaries",
    "update_latest",
]

LATEST = "latest"
RUN_PREFIX = "run-"
FAILED_PREFIX = "failed-"
TMP_PREFIX = ".tmp-"
LOCK_NAME = ".lock"
MARKER_NAME = ".khcn-reports"
_MARKER_TEXT = (
    "This folder is written by `khcn report` (khcn-workbook). It removes and replaces only\n"
    "what it created here: run-*/failed-* folders, latest, .lock and its own .tmp-* folders.\n"
)
_LATEST_TMP = re.compile(re.escape(TMP_PREFIX) + r"latest-[0-9a-f]{8}")


class FolderNotOurs(KhcnError):
    """``--out`` names a folder holding a lock, temporaries or ``latest`` this tool did not create."""


def claim_folder(root: Path) -> None:
    """Make ``root`` a reports folder of ours, or refuse: created (with the marker) when new,
    adopted when empty or when it holds a report of ours from before the marker existed."""
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise KhcnError(f"{root}: found a file; expected a folder for the reports")
    if (root / MARKER_NAME).is_file():
        return
    if root.is_dir():
        foreign = sorted(p.name for p in root.iterdir()
                         if p.name in (LOCK_NAME, LATEST) or p.name.startswith(TMP_PREFIX))
        if foreign and not _holds_our_report(root):
            raise FolderNotOurs(
                f"{root}: holds {', '.join(foreign)}, which `khcn report` did not create "
                f"(no {MARKER_NAME} file); refusing to write there. Choose a new or empty folder "
                "with --out, or move those items away."
            )
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER_NAME).write_text(_MARKER_TEXT, encoding="utf-8")


def _holds_our_report(root: Path) -> bool:
    """A reports folder written before the marker existed: ``latest`` links to one of our runs."""
    link = root / LATEST
    if not link.is_symlink():
        return False
    target = os.readlink(link)
    if "/" in target or not target.startswith(RUN_PREFIX):
        return False
    manifest = mf.read_manifest(root / target) or {}
    return manifest.get("schema") == mf.MANIFEST_SCHEMA and manifest.get("run_id") == target


@contextlib.contextmanager
def lock(root: Path) -> Iterator[None]:
    """One batch at a time per reports folder (a slow run and the next timer tick).

    An advisory ``flock``, not the file's existence, is the lock: the kernel releases it
    when its owner dies, so a run killed part-way (SIGKILL, power cut) never blocks the
    next one. The owner's PID is written into the file only to name it in the message.
    """
    import fcntl

    handle = open(root / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            handle.seek(0)
            owner = handle.read().strip()[:20]
            who = f" (process {owner})" if owner.isdigit() else ""
            raise KhcnError(
                f"{root}: another `khcn report` is running{who} (lock {root / LOCK_NAME}); try again later"
            ) from err
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def make_temporary(root: Path, stamp: str) -> Path:
    """A new hidden folder for one run, marked as ours so a later run may clear it if this one dies."""
    tmp = root / f"{TMP_PREFIX}{stamp}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    (tmp / MARKER_NAME).write_text(_MARKER_TEXT, encoding="utf-8")
    return tmp


def remove_stale_temporaries(root: Path, say: Callable[[str], None] | None = None) -> list[str]:
    """Delete the temporaries a killed run of ours left in ``root``; leave anything else alone.

    Call only while holding the lock: every live batch writes its temporaries under it,
    so a marked one that is there now belongs to a dead run.
    """
    removed, kept = [], []
    for item in sorted(root.glob(f"{TMP_PREFIX}*")):
        if item.is_dir() and not item.is_symlink() and (item / MARKER_NAME).is_file():
            shutil.rmtree(item, ignore_errors=True)
            removed.append(item.name)
        elif item.is_symlink() and _LATEST_TMP.fullmatch(item.name):
            item.unlink(missing_ok=True)
            removed.append(item.name)
        else:
            kept.append(item.name)
    if say and removed:
        say(f"removed {len(removed)} temporary item(s) left by an interrupted run: {', '.join(removed)}")
    if say and kept:
        say(f"left alone (not created by khcn report): {', '.join(kept)}")
    return removed


def free_name(root: Path, name: str) -> Path:
    """``root/name``, or ``name-2``, ``name-3`` … when taken (two runs in one second)."""
    final, n = root / name, 1
    while final.exists():
        n += 1
        final = root / f"{name}-{n}"
    return final


def publish(tmp: Path, final: Path) -> Path:
    """Rename the finished temporary folder into place (under the lock: the name stays free)."""
    (tmp / MARKER_NAME).unlink(missing_ok=True)
    os.rename(tmp, final)
    return final


def update_latest(root: Path, folder_name: str) -> Path:
    """Point ``latest`` at ``folder_name`` atomically: a new symlink renamed over the old."""
    link = root / LATEST
    if link.exists() and not link.is_symlink():
        raise KhcnError(f"{link}: found a real folder; expected a symlink to the newest run (move it away)")
    tmp = root / f"{TMP_PREFIX}latest-{uuid.uuid4().hex[:8]}"
    os.symlink(folder_name, tmp)
    os.replace(tmp, link)
    return link


def latest_manifest(root: Path) -> dict[str, Any] | None:
    link = Path(root) / LATEST
    return mf.read_manifest(link) if link.is_dir() else None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
