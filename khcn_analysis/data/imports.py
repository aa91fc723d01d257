"""The department's imports in ``data/raw/department/``: dated events, and which import is current.

Every import of a filled template is a new dated version, whatever its content:
import A, then B, then A again, and A is in force. ``khcn data revert`` makes an
earlier import current again by recording one more dated event. Nothing in the
folder is ever deleted or overwritten, so the folder *is* the history:

* ``<stamp>-<hash>.csv``: the figures of one import (the 15 columns of
  ``sources.csv``); its stem is the import id that every fact id carries;
* ``<stamp>-<hash>.json``: who filled the template, the documents cited, the
  imported file's SHA-256 (written just before the CSV; older imports have none);
* ``<stamp>-revert.json``: "from now on, import X is current".

``<stamp>`` is ``YYYY-MM-DD-HHMMSS``; each new event gets a stamp later than every
earlier one (one second later if the clock says otherwise), so the names sort in
the order the events happened and the last event decides which import is current.
The build reads only the current import's figures; the others stay listed in
``facts.csv`` as superseded.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from khcn_analysis.core.atomic import DiskFullError
from khcn_analysis.core.errors import InputError, KhcnError

__all__ = [
    "Event",
    "current_import",
    "events",
    "new_stamp",
    "read_event_file",
    "record_revert",
    "write_new_file",
]

_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?-([0-9A-Za-z_]+)")
_STAMP_FORMAT = "%Y-%m-%d-%H%M%S"
MAX_EVENT_BYTES = 1_000_000


@dataclass(frozen=True)
class Event:
    """One dated event: an import (its CSV, maybe its metadata) or a revert to an earlier import."""

    event_id: str
    kind: str  # "import" or "revert"
    import_id: str  # the import this event makes current
    stamp: str
    meta: dict[str, Any]


def _parse(stem: str) -> tuple[str, str] | None:
    """(stamp, suffix) of an event file's stem; early imports were named by date only."""
    match = _NAME.fullmatch(stem)
    if not match:
        return None
    return f"{match[1]}-{match[2] or '000000'}", match[3]


def _stamps(folder: Path) -> list[str]:
    out = []
    for path in folder.iterdir() if folder.is_dir() else []:
        parsed = _parse(path.stem)
        if parsed and path.suffix in (".csv", ".json"):
            out.append(parsed[0])
    return out


def new_stamp(folder: Path, today: date | None = None, now: datetime | None = None) -> str:
    """A stamp for a new event, later than every stamp in ``folder``."""
    now = now or datetime.now()
    day = today or now.date()
    stamp = f"{day.isoformat()}-{now:%H%M%S}"
    latest = max(_stamps(folder), default="")
    if stamp <= latest:
        stamp = (datetime.strptime(latest, _STAMP_FORMAT) + timedelta(seconds=1)).strftime(_STAMP_FORMAT)
    return stamp


def read_event_file(path: Path) -> dict[str, Any]:
    """The JSON object of an event file, or an InputError naming the file."""
    expected = "a JSON object written by `khcn data import` or `khcn data revert`"
    if not path.is_file():
        raise InputError(path, None, "not a regular file", expected)
    if path.stat().st_size > MAX_EVENT_BYTES:
        raise InputError(path, None, f"a file of {path.stat().st_size:,} bytes", expected)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(path, None, f"unreadable JSON ({str(err)[:120]})", expected) from None
    if not isinstance(doc, dict) or doc.get("event") not in ("import", "revert"):
        raise InputError(path, "event", repr(doc.get("event") if isinstance(doc, dict) else doc)[:80],
                         "'import' or 'revert'")
    if doc["event"] == "revert" and not (isinstance(doc.get("import_id"), str) and doc["import_id"]):
        raise InputError(path, "import_id", repr(doc.get("import_id"))[:80], "the id of an earlier import")
    return doc


def events(folder: Path) -> list[Event]:
    """Every event in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found: dict[str, Event] = {}
    for path in sorted(folder.iterdir()):
        match = _parse(path.stem)
        if path.suffix == ".csv" and not match:
            raise InputError(path, "file name", path.name,
                             "a file written by `khcn data import`, named YYYY-MM-DD-HHMMSS-<id>.csv",
                             "the folder holds the department's imports only; move other files elsewhere")
        if not match or path.suffix not in (".csv", ".json"):
            continue
        stem = path.stem
        if path.suffix == ".csv":
            meta = found[stem].meta if stem in found else {}
            found[stem] = Event(stem, "import", stem, match[0], meta)
        elif match[1] == "revert":
            doc = read_event_file(path)
            found[stem] = Event(stem, "revert", str(doc["import_id"]), match[0], doc)
        else:
            doc = read_event_file(path)
            if stem in found:
                found[stem] = Event(stem, "import", stem, match[0], doc)
            else:  # metadata whose CSV was never written (an interrupted import): not an import
                found[stem] = Event(stem, "orphan", stem, match[0], doc)
    ordered = sorted(found.values(), key=lambda e: (e.stamp, e.event_id))
    imports = {e.import_id for e in ordered if e.kind == "import"}
    for e in ordered:
        if e.kind == "revert" and e.import_id not in imports:
            raise InputError(folder / f"{e.event_id}.json", "import_id", e.import_id,
                             "the id of an import stored in this folder")
    return [e for e in ordered if e.kind != "orphan"]


def current_import(folder: Path) -> str | None:
    """The import in force: the one the latest event points at (None when nothing was imported)."""
    history = events(folder)
    return history[-1].import_id if history else None


def write_new_file(target: Path, text: str) -> Path:
    """Write ``target`` whole, only if no file has that name; a full disk leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)  # fails if the name exists: an import never overwrites
        except FileExistsError as exc:
            raise KhcnError(f"{target} already exists; an import never overwrites a stored file") from exc
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as err:
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(target) from None
        raise
    finally:
        tmp.unlink(missing_ok=True)
    return target


def record_revert(folder: Path, import_id: str, *, now: datetime | None = None) -> Event:
    """Make ``import_id`` current again by recording a new dated event."""
    now = now or datetime.now()
    stamp = new_stamp(folder, now=now)
    doc = {"event": "revert", "import_id": import_id, "recorded_at": now.isoformat(timespec="seconds")}
    target = folder / f"{stamp}-revert.json"
    write_new_file(target, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return Event(target.stem, "revert", import_id, stamp, doc)


def split_current(frame: Any, folder: Path) -> tuple[Any, Any, str | None]:
    """(rows of the current import, rows of every other import, the current import id).

    ``frame`` holds the validated rows of every import (``read_department_dir``), with
    the stored file's name in ``file``.
    """
    current = current_import(folder)
    in_force = frame["file"] == f"{current}.csv"
    return frame[in_force], frame[~in_force], current
