"""``khcn data history`` and ``khcn data revert``: the imports as a list, and undo without deleting.

The history is read from the files themselves (:mod:`khcn_analysis.data.imports`):
when each event happened, who filled the template, the documents it cites, the
SHA-256 of the imported workbook and which import is in force. A revert checks the
earlier import still reads cleanly, then records one more dated event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError
from khcn_analysis.data import imports
from khcn_analysis.data.department.store import department_dir
from khcn_analysis.data.sources import read_facts

__all__ = ["HistoryRow", "history", "history_text", "resolve_import", "revert"]



def _prefix(key: str) -> str:
    """The fixed words before the field of a stored-note part ("Người điền:")."""
    return re.escape(t(key, "vi", text="\x00", filler="\x00", formula="\x00").split("\x00")[0].strip())


_FILLER = re.compile(_prefix("department.stored.filled_by") + r" (.*?)\.?$")
_DOCUMENT = re.compile("^" + _prefix("department.stored.source") + r" (.*?)\.(?: "
                       + "| ".join(_prefix(k) for k in ("department.stored.note", "department.stored.formula",
                                                        "department.stored.filled_by")) + ")")


@dataclass(frozen=True)
class HistoryRow:
    """One event of the history, oldest first; ``current`` marks the import in force."""

    event_id: str
    kind: str
    import_id: str
    when: str
    filled_by: str
    documents: tuple[str, ...]
    figures: int | None
    file: str
    file_sha256: str
    current: bool


def _from_csv(path: Path) -> tuple[str, tuple[str, ...], int]:
    """Who filled, the documents and the figure count of an import that has no JSON record."""
    frame = read_facts(path, department=True)
    notes = list(frame["note"])
    filler = next((m[1] for n in notes if (m := _FILLER.search(n))), "")
    documents = tuple(dict.fromkeys(m[1] for n in notes if (m := _DOCUMENT.search(n))))
    return filler, documents, len(frame)


def history(raw_dir: str | Path | None = None) -> list[HistoryRow]:
    """Every import and revert, oldest first."""
    folder = department_dir(raw_dir)
    events = imports.events(folder)
    in_force = events[-1].import_id if events else None
    rows = []
    for e in events:
        meta = e.meta
        when = str(meta.get("recorded_at") or _stamp_time(e.stamp))
        if e.kind == "revert":
            rows.append(HistoryRow(e.event_id, e.kind, e.import_id, when, "", (), None, "", "", False))
            continue
        if meta:
            filler = ", ".join(str(meta.get(k)) for k in ("filled_by", "organisation") if meta.get(k))
            documents = tuple(str(d) for d in meta.get("documents", []))
            figures = int(meta["figures"]) if isinstance(meta.get("figures"), int) else None
        else:
            filler, documents, figures = _from_csv(folder / f"{e.import_id}.csv")
        rows.append(HistoryRow(e.event_id, e.kind, e.import_id, when, filler, documents, figures,
                               str(meta.get("file", "")), str(meta.get("file_sha256", "")),
                               e.import_id == in_force))
    return rows


def _stamp_time(stamp: str) -> str:
    return datetime.strptime(stamp, "%Y-%m-%d-%H%M%S").isoformat()


def resolve_import(reference: str, raw_dir: str | Path | None = None) -> str:
    """The import id a user typed: the whole id or an unambiguous beginning of it."""
    folder = department_dir(raw_dir)
    ids = [e.import_id for e in imports.events(folder) if e.kind == "import"]
    if reference in ids:
        return reference
    matches = [i for i in ids if i.startswith(reference)] if reference else []
    if len(matches) == 1:
        return matches[0]
    shown = ", ".join(ids[-10:]) or "(none)"
    found = f"{reference!r} matches {len(matches)} imports" if matches else repr(reference)
    raise InputError(folder, "import id", found, f"one of the imports listed by `khcn data history`: {shown}")


def revert(reference: str, raw_dir: str | Path | None = None, *, now: datetime | None = None
           ) -> tuple[str, imports.Event | None]:
    """Make an earlier import current again; (import id, the recorded event or None if it already was)."""
    folder = department_dir(raw_dir)
    import_id = resolve_import(reference, raw_dir)
    read_facts(folder / f"{import_id}.csv", department=True)  # still a clean source?
    if imports.current_import(folder) == import_id:
        return import_id, None
    return import_id, imports.record_revert(folder, import_id, now=now)


def history_text(rows: list[HistoryRow], lang: str = "vi") -> str:
    """The history as the terminal shows it: one block per event, the import in force marked."""
    if not rows:
        return t("department.cli.no_imports", lang, folder=department_dir())
    lines = [t("department.history.title", lang)]
    unknown = t("department.history.unknown", lang)
    for n, row in enumerate(rows, start=1):
        if row.kind == "revert":
            event = t("department.history.event_revert", lang, import_id=row.import_id)
            lines.append(f"{n:>3}. {row.when}  {event}")
            continue
        mark = f"  {t('department.history.yes', lang)}" if row.current else ""
        lines.append(f"{n:>3}. {row.when}  {t('department.history.event_import', lang)}  {row.import_id}{mark}")
        file = f"{row.file} (SHA-256 {row.file_sha256[:16]}…)" if row.file_sha256 else unknown
        for key, value in (("filled_by", row.filled_by or unknown),
                           ("documents", "; ".join(row.documents) or unknown),
                           ("figures", unknown if row.figures is None else str(row.figures)),
                           ("file", file)):
            lines.append(f"       {t(f'department.history.{key}', lang)}: {value}")
    return "\n".join(lines)
