"""Files written whole or not at all.

A full disk used to leave a corrupt workbook in place of the last good one, a
0-byte PNG, or ``facts.csv`` cut mid-line under a stale manifest. Every output is
now written to a temporary file in the same folder, flushed to disk, and renamed
over the target in one step; on any failure the temporary file is removed and the
previous file is untouched. A full disk becomes :class:`DiskFullError` (exit 2)
with a message that says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from khcn_analysis.core.errors import KhcnError

__all__ = ["DiskFullError", "atomic_path", "fsync_dir", "write_bytes", "write_text"]


class DiskFullError(KhcnError):
    """The disk (or quota) is full: nothing was written, the previous file is kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path}: the disk is full (no space left on device); nothing was written and the "
            "previous file, if any, is unchanged. Free some space and run the command again."
        )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort: not every file system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | Path, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    For writers that want a file name (openpyxl, XlsxWriter, matplotlib):

    >>> with atomic_path("out.xlsx") as tmp:
    ...     workbook.save(tmp)
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or target.suffix or ".tmp",
                                dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        # mkstemp makes the file private (0600); an output gets the mode any new file would get.
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(target) from None
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write(target: str | Path, mode: str, writer: Callable[[IO[Any]], None], **open_kw: Any) -> Path:
    target = Path(target)
    with atomic_path(target) as tmp, open(tmp, mode, **open_kw) as fh:
        writer(fh)
        fh.flush()
    return target


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    return _write(target, "wb", lambda fh: fh.write(data))


def write_text(target: str | Path, text: str, *, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write ``text`` to ``target`` atomically (UTF-8 by default)."""
    return _write(target, "w", lambda fh: fh.write(text), encoding=encoding, newline=newline)
