"""The recipe of one half-year report: check the period, build, judge, compare, write, keep.

1. The period is validated (``YYYY-H1``/``YYYY-H2``, begun, not before the plan) and must
   not have a report yet unless ``replace``; the period to compare with is the latest one
   before it that has a snapshot, or ``since``.
2. ``data/processed`` is rebuilt from ``data/raw`` (the Department's latest import counts),
   then the pipeline projects and judges the scenario.
3. The snapshot of this report is taken and compared with the previous one.
4. The Word document is written (atomically), then the snapshot is stored (never over an
   existing one), then the PDF when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from khcn_analysis.core.atomic import atomic_path
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang
from khcn_analysis.report.progress import periods
from khcn_analysis.report.progress.changes import Changes, compare_snapshots
from khcn_analysis.report.progress.periods import Period, current_period, parse_period
from khcn_analysis.report.progress.snapshot import (
    check_free,
    latest_before,
    progress_dir,
    read_snapshot,
    snapshot_path,
    snapshots,
    store_snapshot,
    take_snapshot,
)

__all__ = ["DEFAULT_SCENARIO", "GRACE_DAYS", "ProgressReport", "default_out", "due_period", "resolve_period",
           "scheduled_report", "write_progress_report"]

#: The scenario a progress report projects with unless told otherwise: recent trends carried on.
DEFAULT_SCENARIO = "latest_trend"


@dataclass
class ProgressReport:
    """What one run wrote and what it compared with."""

    period: Period
    docx: Path
    pdf: Path | None
    snapshot: Path
    backup: Path | None
    previous: Period | None
    changes: Changes | None


def resolve_period(text: str | Period, *, now: datetime, first_year: int | None, option: str = "--period") -> Period:
    """A period given on the command line; ``current`` is the half-year of today."""
    if isinstance(text, Period):
        return parse_period(text.id, day=now.date(), first_year=first_year, option=option)
    if str(text).strip().lower() == "current":
        return current_period(now.date())
    return parse_period(str(text), day=now.date(), first_year=first_year, option=option)


def _previous(period: Period, since: str | Period | None, folder: Path | None, now: datetime,
              first_year: int | None) -> Period | None:
    if since is None:
        return latest_before(period, folder)
    earlier = resolve_period(since, now=now, first_year=first_year, option="--since")
    available = [p.id for p in snapshots(folder) if p < period]
    if earlier >= period:
        raise InputError(None, "--since", earlier.id, f"a period before {period.id}")
    if not snapshot_path(earlier, folder).is_file():
        raise InputError(snapshot_path(earlier, folder), "--since", f"{earlier.id}, which has no report",
                         "one of the periods reported before: " + (", ".join(available) or "(none yet)"))
    return earlier


def default_out(period: Period, lang: str, folder: str | Path | None = None) -> Path:
    """``reports/progress/<period>/bao-cao-6-thang-<period>.docx``: where a scheduled report goes."""
    return progress_dir(folder) / period.id / f"{t('progress.file_stem', lang, period=period.id)}.docx"


def write_progress_report(period: str | Period, out: str | Path | None = None, *, scenario: str | Path = DEFAULT_SCENARIO,
                          lang: str = "vi", pdf: bool = False, since: str | Period | None = None,
                          replace: bool = False, template: str | Path | None = None,
                          folder: str | Path | None = None, build: bool = True,
                          now: datetime | None = None) -> ProgressReport:
    """Write the half-year report for ``period`` (see the module docstring); return what was written."""
    from khcn_analysis import pipeline
    from khcn_analysis.data.baseline import load_facts
    from khcn_analysis.data.build import build_processed
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.plan.load import load_plan
    from khcn_analysis.plan.responsibilities import load_responsibilities
    from khcn_analysis.present.brief import PdfUnavailable, find_soffice, to_pdf
    from khcn_analysis.present.brief.pdf import has_writer
    from khcn_analysis.report.progress.annex import data_requests
    from khcn_analysis.report.progress.compose import ReportParts, compose
    from khcn_analysis.report.progress.money import phase_money
    from khcn_analysis.report.progress.received import department_record

    now = now or periods.now()
    lang = check_lang(lang)
    folder = Path(folder) if folder is not None else None
    plan = load_plan()
    first_year = plan.horizon.start_year if plan.horizon else None
    period = resolve_period(period, now=now, first_year=first_year)
    out = Path(out) if out is not None else default_out(period, lang, folder)
    if out.suffix.lower() != ".docx":
        raise InputError(out, "--out", out.suffix or "no extension", "a file name ending in .docx")
    if out.is_dir():
        raise InputError(out, "--out", "a folder", "a file name (the report is a file)")
    check_free(period, folder, replace=replace)
    previous_period = _previous(period, since, folder, now, first_year)
    previous = read_snapshot(snapshot_path(previous_period, folder)) if previous_period else None
    if pdf:  # before anything is written: a PDF asked for and impossible is said at once
        program = find_soffice()
        if not program:
            raise PdfUnavailable(t("brief.error.no_soffice", lang))
        if not has_writer(program):
            raise PdfUnavailable(t("brief.error.no_writer", lang))
    chosen = load_scenario(scenario)  # a bad scenario is refused before data/processed is rebuilt

    if build:
        build_processed()
    results = pipeline.run(chosen)
    department = department_record()
    snapshot = take_snapshot(results, period, now=now, department=department, facts=load_facts())
    changes = compare_snapshots(previous, snapshot) if previous is not None else None
    responsibilities = load_responsibilities(plan=results.plan)
    parts = ReportParts(results, period, now, snapshot, previous, changes, department,
                        data_requests(results, responsibilities, period),
                        phase_money(results, period.last_complete_year), responsibilities)
    doc = compose(parts, lang, template)
    with atomic_path(out) as tmp:
        doc.save(str(tmp))
    stored, backup = store_snapshot(snapshot, period, folder, replace=replace, now=now)
    pdf_path = to_pdf(out, out.with_suffix(".pdf"), lang=lang) if pdf else None
    return ProgressReport(period, out, pdf_path, stored, backup, previous_period, changes)


#: Days into a half-year during which a scheduled run still reports the previous one if it has
#: no report yet (a timer that missed 15 December while the server was off, run on 3 January).
GRACE_DAYS = 61


def due_period(now: datetime, folder: str | Path | None = None) -> Period:
    """The period a scheduled run reports: the current one, or the previous one early in a
    half-year when that one was never reported."""
    current = current_period(now.date())
    previous = current.previous()
    early = (now.date() - current.start).days < GRACE_DAYS
    if early and not snapshot_path(previous, folder).exists():
        return previous
    return current


def scheduled_report(*, lang: str = "vi", scenario: str | Path = DEFAULT_SCENARIO, folder: str | Path | None = None,
                     now: datetime | None = None, build: bool = True) -> ProgressReport | None:
    """The due period's report (:func:`due_period`) for a scheduler, in ``reports/progress/<period>/``.

    A period already reported is left as it is (None): a timer that fires twice in a
    half-year, or after someone wrote the report by hand, changes nothing. The PDF is
    written too where LibreOffice (with Writer) is installed.
    """
    from khcn_analysis.present.brief import find_soffice
    from khcn_analysis.present.brief.pdf import has_writer

    now = now or periods.now()
    period = due_period(now, folder)
    if snapshot_path(period, folder).exists():
        return None
    program = find_soffice()
    return write_progress_report(period, default_out(period, lang, folder), scenario=scenario, lang=lang,
                                 pdf=program is not None and has_writer(program), folder=folder, build=build,
                                 now=now)
