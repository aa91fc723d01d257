"""The data the Department sent: its imports, read from the import history.

The history of ``data/raw/department/`` (:func:`khcn_analysis.data.department.history`)
says when each import and revert happened, who filled the template, the documents it
cites and which import is in force. A report keeps that list in its snapshot (so the next
report can name the imports that arrived in between) and shows the imports recorded
during its own period.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khcn_analysis.data.department import history
from khcn_analysis.report.progress.periods import Period

__all__ = ["department_record", "event_date", "events_in", "find_event"]


def department_record(raw_dir: str | Path | None = None) -> dict[str, Any]:
    """The import history as plain data: ``current_import`` and every event, oldest first."""
    rows = history(raw_dir)
    events = []
    for row in rows:
        event = asdict(row)
        event["documents"] = list(row.documents)
        events.append(event)
    current = next((e["import_id"] for e in reversed(events)), None)
    return {"current_import": current, "events": events}


def event_date(event: dict[str, Any]) -> date | None:
    try:
        return datetime.fromisoformat(str(event.get("when"))).date()
    except ValueError:
        return None


def events_in(record: dict[str, Any], period: Period, kinds: tuple[str, ...] = ("import", "revert")
              ) -> list[dict[str, Any]]:
    """The events recorded during ``period``."""
    out = []
    for event in record.get("events", []):
        day = event_date(event)
        if event.get("kind") in kinds and day is not None and period.contains(day):
            out.append(event)
    return out


def find_event(record: dict[str, Any], import_id: str) -> dict[str, Any] | None:
    """The latest event that made ``import_id`` current (its import, or a revert to it)."""
    matches = [e for e in record.get("events", []) if e.get("import_id") == import_id]
    return matches[-1] if matches else None
