"""The recipe: one run's :class:`~khcn_analysis.pipeline.Results` → a recalculating workbook.

Sheets are created in display order (Summary, Projection, Assumptions, Sources,
Charts) and filled in dependency order: Assumptions first (it defines the names
the formulas read), then Projection (formulas over them), then Summary, Sources
and Charts (which read the Projection sheet). The file is built in memory and
written atomically: a full disk leaves the previous workbook as it was and
raises :class:`~khcn_analysis.core.atomic.DiskFullError`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter

from khcn_analysis.core.atomic import write_bytes
from khcn_analysis.core.catalogue import LANGS, t
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.core.paths import reports_dir
from khcn_analysis.present.excel.charts import charts_sheet
from khcn_analysis.present.excel.formats import Formats
from khcn_analysis.present.excel.grid import grid
from khcn_analysis.present.excel.inputs import assumption_rows, assumptions_sheet
from khcn_analysis.present.excel.layout import WorkbookLayout, sheet_names
from khcn_analysis.present.excel.parameters import parameters
from khcn_analysis.present.excel.projection import projection_formulas, projection_sheet
from khcn_analysis.present.excel.sources import source_rows, sources_sheet, used_source_ids
from khcn_analysis.present.excel.summary import summary_sheet

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["default_output", "write_workbook"]


def default_output(results: Results, lang: Lang = "vi") -> Path:
    """``reports/excel/<scenario name>[-en].xlsx``: named after the run's validated scenario name only."""
    suffix = "" if lang == LANGS[0] else f"-{lang}"  # the default language has no suffix
    return reports_dir() / "excel" / f"{results.scenario.name}{suffix}.xlsx"


def _created() -> dt.datetime:
    """The workbook's 'created' stamp: fixed, so the same inputs give byte-identical files.

    XlsxWriter would stamp the current time (the only varying bytes); reproducible builds
    set ``SOURCE_DATE_EPOCH``, else 1980-01-01, the date XlsxWriter gives its zip entries.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(1980, 1, 1)


def write_workbook(results: Results, path: str | Path | None = None, *, lang: Lang = "vi") -> WorkbookLayout:
    """Write the workbook of one run to ``path`` and say where things are.

    ``path`` defaults to :func:`default_output`. Text from files and users
    (titles, descriptions, quotes) is always written as text, never as a formula.
    """
    lang = check_lang(lang)
    out = Path(path) if path is not None else default_output(results, lang)
    if out.is_dir():
        raise InputError(out, None, "a folder", "a file name ending in .xlsx (not an existing folder)")
    data = grid(results)
    layout = WorkbookLayout(out, lang, sheet_names(lang))
    params = parameters(results, lang)
    names = {p.id for p in params}
    base_rows = assumption_rows(results, data, lang)
    # A dry run of the Projection formulas says which anchors need a cell of their own.
    dry, _ = projection_formulas(results, data, names, {(a["variable"], a["year"]): "0" for a in base_rows}, {})
    base_rows = assumption_rows(results, data, lang, dry.needed)

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    })
    title = t("excel.title", lang, title=results.scenario.title(lang))
    wb.set_properties({"title": title, "subject": "khcn-workbook", "author": "khcn-workbook",
                       "comments": "khcn export-xlsx", "created": _created()})
    wb.set_calc_mode("auto")
    fmt = Formats(wb)
    sheets = {role: wb.add_worksheet(name) for role, name in layout.sheets.items()}
    base_cells, anchor_cells = assumptions_sheet(wb, sheets["assumptions"], fmt, results, lang, params,
                                                 base_rows, layout)
    projection_sheet(sheets["projection"], fmt, results, data, lang, names, base_cells, anchor_cells, layout)
    summary_sheet(sheets["summary"], fmt, results, lang, layout)
    layout.source_ids = used_source_ids(results, [p.source for p in params] + [a["source"] for a in base_rows])
    sources_sheet(sheets["sources"], fmt, source_rows(layout.source_ids, results, lang), lang)
    charts_sheet(wb, sheets["charts"], fmt, results, data, lang, layout)
    sheets["summary"].activate()
    wb.close()
    write_bytes(out, buffer.getvalue())
    return layout
