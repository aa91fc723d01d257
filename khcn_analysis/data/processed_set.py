"""The processed tables as one set: written together, swapped in together, checked when read.

On a full disk ``khcn data build`` used to leave ``facts.csv`` cut mid-line beside a
stale ``manifest.json``, and the next ``khcn project`` used the mixed tables with
exit 0. Now every table and the manifest (each table's SHA-256 and row count) are
written into a new sibling folder, flushed to disk, and the folder replaces
``data/processed`` in one rename (an atomic exchange where the kernel offers one).
On any failure the new folder is removed and the previous tables stay as they were;
a full disk is :class:`~khcn_analysis.core.atomic.DiskFullError` (exit 2).
:func:`verified_bytes` lets readers refuse a table that does not match its manifest.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from khcn_analysis.core.atomic import DiskFullError, fsync_dir
from khcn_analysis.core.errors import NotBuiltError

__all__ = ["MANIFEST", "verified_bytes", "write_set"]

MANIFEST = "manifest.json"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where not offered."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return done == 0


def _swap_in(new: Path, out: Path) -> None:
    """Put folder ``new`` in place of ``out``; ``new`` ends up holding whatever ``out`` held."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)
        raise
    os.rename(old, new)


def _ours(out: Path) -> set[str]:
    """The files an earlier build wrote into ``out`` (its manifest's outputs, and the manifest)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {MANIFEST, *manifest.get("outputs", {})}
    except (OSError, ValueError, AttributeError):
        return {MANIFEST}


def write_set(out: Path, tables: dict[str, pd.DataFrame], manifest: dict[str, Any]) -> dict[str, Any]:
    """Write ``tables`` (name -> frame) and ``manifest`` to ``out`` as one set; return the outputs.

    Files in ``out`` that no build wrote are carried over into the new set.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        outputs: dict[str, Any] = {}
        for name, table in tables.items():
            data = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
            _write_file(new / f"{name}.csv", data)
            outputs[f"{name}.csv"] = {"sha256": hashlib.sha256(data).hexdigest(), "rows": len(table)}
        text = json.dumps({**manifest, "outputs": outputs}, indent=2, ensure_ascii=False) + "\n"
        _write_file(new / MANIFEST, text.encode("utf-8"))
        if out.is_dir():
            ours = _ours(out) | set(outputs)
            for item in out.iterdir():
                if item.name not in ours:
                    copy = shutil.copytree if item.is_dir() else shutil.copy2
                    copy(item, new / item.name)
        fsync_dir(new)
        _swap_in(new, out)
        fsync_dir(out.parent)
    except OSError as err:
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(out) from None
        raise
    finally:
        shutil.rmtree(new, ignore_errors=True)
    return outputs


def verified_bytes(path: Path) -> bytes:
    """The bytes of a processed table, refused if they do not match the folder's manifest.

    A folder without a manifest (tables made by hand) is read as it is.
    """
    data = path.read_bytes()
    manifest_path = path.parent / MANIFEST
    if not manifest_path.exists():
        return data
    try:
        outputs = json.loads(manifest_path.read_text(encoding="utf-8")).get("outputs", {})
    except (OSError, ValueError, AttributeError):
        outputs = None
    entry = outputs.get(path.name) if isinstance(outputs, dict) else None
    if not isinstance(entry, dict) or entry.get("sha256") != hashlib.sha256(data).hexdigest():
        raise NotBuiltError(
            f"{path} does not match {manifest_path} (its SHA-256 differs or it is not listed): "
            "the processed tables are not one consistent build; run `khcn data build` again"
        )
    return data
