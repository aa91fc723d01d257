"""Store a checked template as a new dated raw source (``khcn data import``, second half).

Only a file with no problem gets here. Its figures become rows of the 15 columns of
``sources.csv`` in a new file ``data/raw/department/<stamp>-<hash>.csv`` (never an
existing name), beside a small JSON record of who filled it, the documents cited
and the imported file's SHA-256. Every import is a new version that takes
precedence, whatever its content (see :mod:`khcn_analysis.data.imports`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from khcn_analysis.core import config, paths
from khcn_analysis.core.catalogue import t
from khcn_analysis.data import imports
from khcn_analysis.data.department.checks import show_number
from khcn_analysis.data.department.reader import FilledTemplate, read_filled_template
from khcn_analysis.data.department.screen import ImplausibleFigures, implausible_figures
from khcn_analysis.data.department.tables import SOURCE_COLUMNS, TEMPLATE_ID, TEMPLATE_VERSION
from khcn_analysis.data.sources import REGIONS

#: The province as ``sources.csv`` spells its geography.
LAI_CHAU = next(geography for geography, region in REGIONS.items() if region == config.REGION)

__all__ = ["ImportResult", "department_dir", "import_filled_template", "import_template", "safe_text"]


@dataclass(frozen=True)
class ImportResult:
    """Where the figures were stored, under which import id, and an earlier import with the same content."""

    path: Path
    created: bool
    import_id: str
    n_figures: int
    same_as: str | None = None


def safe_text(text: str) -> str:
    """Text that a spreadsheet will never run as a formula.

    A value starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
    run as a formula when a CSV is opened in Excel; a leading apostrophe keeps it text.
    """
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def department_dir(raw_dir: str | Path | None = None) -> Path:
    return (Path(raw_dir) if raw_dir is not None else paths.raw_dir()) / "department"


def import_filled_template(
    path: str | Path, *, raw_dir: str | Path | None = None, today: date | None = None
) -> Path:
    """Validate a filled template and store it as a new dated raw source; return the stored file."""
    return import_template(path, raw_dir=raw_dir, today=today).path


def import_template(
    path: str | Path,
    *,
    raw_dir: str | Path | None = None,
    today: date | None = None,
    now: datetime | None = None,
    lang: str = "vi",
) -> ImportResult:
    """Check a filled template whole and store it as the new current import.

    Every cell is checked first (``InputErrors``), then the figures against their
    plausible ranges (``ImplausibleFigures``, in ``lang``); only a file that passes
    both is stored.
    """
    now = now or datetime.now()
    today = today or now.date()
    filled = read_filled_template(path, today=today)
    folder = department_dir(raw_dir)
    digest = content_hash(filled)
    same_as = next((e.import_id for e in reversed(imports.events(folder))
                    if e.kind == "import" and e.import_id.endswith(f"-{digest}")), None)
    import_id = f"{imports.new_stamp(folder, today, now)}-{digest}"
    rows = _source_rows(filled, import_id, today)
    problems = implausible_figures(folder.parent, filled.figures, rows, import_id)
    if problems:
        raise ImplausibleFigures(filled.path, problems, lang)
    record = _record(filled, import_id, now)
    # The record first, the figures last: the CSV is what makes the import exist, so an
    # interruption between the two leaves at most a record the history ignores.
    record_path = imports.write_new_file(folder / f"{import_id}.json",
                                         json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    try:
        target = imports.write_new_file(folder / f"{import_id}.csv", _csv_text(rows))
    except BaseException:
        record_path.unlink(missing_ok=True)
        raise
    return ImportResult(target, True, import_id, len(filled.figures), same_as)


def content_hash(filled: FilledTemplate) -> str:
    """8 hex digits of what was filled in, independent of file name and import date."""
    payload = {
        "template": [TEMPLATE_ID, TEMPLATE_VERSION],
        "meta": [filled.filled_by, filled.organisation, filled.filled_on.isoformat(), filled.contact],
        "figures": sorted(
            [f.variable, f.year, f.value, f.unit, f.basis, f.source_ref, f.note, f.formula or "", f.cell]
            for f in filled.figures
        ),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _record(filled: FilledTemplate, import_id: str, now: datetime) -> dict[str, object]:
    documents = list(dict.fromkeys(f.source_ref for f in filled.figures))
    return {
        "event": "import",
        "import_id": import_id,
        "recorded_at": now.isoformat(timespec="seconds"),
        "file": filled.path.name,
        "file_sha256": filled.sha256,
        "filled_by": filled.filled_by,
        "organisation": filled.organisation,
        "filled_on": filled.filled_on.isoformat(),
        "contact": filled.contact,
        "documents": documents,
        "figures": len(filled.figures),
        "template_lang": filled.lang,
    }


def _source_rows(filled: FilledTemplate, import_id: str, today: date) -> list[dict[str, str]]:
    vi = "vi"  # a raw file is written once, in the province's language
    source_name = t("department.stored.source_name", vi, date=today.isoformat())
    filler = t("department.stored.filler", vi, name=filled.filled_by, organisation=filled.organisation,
               date=f"{filled.filled_on:%d/%m/%Y}")
    if filled.contact:
        filler += t("department.stored.contact", vi, contact=filled.contact)
    rows = []
    for f in sorted(filled.figures, key=lambda f: (f.variable, f.year)):
        note = t("department.stored.source", vi, text=f.source_ref)
        if f.note:
            note += t("department.stored.note", vi, text=f.note)
        if f.formula:
            note += t("department.stored.formula", vi, formula=f.formula)
        note += t("department.stored.filled_by", vi, filler=filler)
        rows.append({
            "fact_id": f"department.{import_id}.{f.variable}.{f.year}",
            "geography": LAI_CHAU,
            "variable": f.variable,
            "year": str(f.year),
            "period": "",
            "value": show_number(f.value),
            "unit": f.unit,
            "basis": f.basis,
            "kind": "outturn",
            "qualifier": "exact",
            "source_url": f"file:{filled.path.name}",
            "source_name": source_name,
            "source_quality": "department",
            "quote": f"{f.sheet}!{f.cell}",
            "note": note,
        })
    return [{k: safe_text(v) for k, v in row.items()} for row in rows]


def _csv_text(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SOURCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
