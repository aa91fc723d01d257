"""Where things are in the workbook: sheet roles, column order, cell references.

Every sheet module places its cells through these helpers and records them in a
:class:`WorkbookLayout`, so the tests, the reports and a reader's script can
find a value (``layout.projection_cells[("grdp", 2020)]``) without knowing the
column order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell

from khcn_analysis.core.catalogue import t

__all__ = [
    "BASE_COLUMNS",
    "DERIVED_COLUMNS",
    "HEADER_ROW",
    "PATH_COLUMNS",
    "PATH_OF",
    "SHEET_ROLES",
    "WorkbookLayout",
    "absolute",
    "cell",
    "on_sheet",
    "sheet_names",
    "xref",
]

#: The sheets in display order (their names come from the catalogue, ``excel.sheet.<role>``).
SHEET_ROLES: tuple[str, ...] = ("summary", "projection", "assumptions", "sources", "charts")

#: 0-based row of every table's header: title, subtitle and note sit above it.
HEADER_ROW = 3

#: Base series in column order on the Projection sheet; then the target paths, then
#: the derived indicators (whose formulas read the columns before them).
BASE_COLUMNS: tuple[str, ...] = (
    "population", "grdp", "budget_expenditure", "budget_revenue_local", "plan_funding",
    "st_budget", "st_investment", "researchers", "st_fund_contribution",
)
PATH_COLUMNS: tuple[str, ...] = (
    "path_st_investment_share_grdp", "path_st_budget_share_expenditure", "path_researcher_density",
)
DERIVED_COLUMNS: tuple[str, ...] = (
    "st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
    "funding_required", "funding_sufficiency", "st_fund_share_revenue_local",
)
#: A target-path column and the indicator whose target it follows.
PATH_OF: dict[str, str] = {
    "path_st_investment_share_grdp": "st_investment_share_grdp",
    "path_st_budget_share_expenditure": "st_budget_share_expenditure",
    "path_researcher_density": "researcher_density",
}


def sheet_names(lang: str) -> dict[str, str]:
    """``{role: sheet name}`` in the reader's language."""
    return {role: t(f"excel.sheet.{role}", lang) for role in SHEET_ROLES}


@dataclass
class WorkbookLayout:
    """Where things are, so tests, reports and readers can find cells.

    Cell references are A1 strings on the named sheet (``sheets[role]``).
    ``summary_rows`` holds one entry per summary row: the target id, year, the
    judge's status, value and gap, and the cells of the value, verdict, gap and
    sufficiency formulas where the row has them.
    """

    path: Path
    lang: str
    sheets: dict[str, str]
    projection_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    projection_columns: dict[str, str] = field(default_factory=dict)
    year_rows: dict[int, int] = field(default_factory=dict)
    parameter_cells: dict[str, str] = field(default_factory=dict)
    base_value_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    formula_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    summary_rows: list[dict[str, Any]] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)


def cell(row: int, col: int, absolute_ref: bool = False) -> str:
    """A1 reference of a 0-based (row, col); ``$A$1`` when ``absolute_ref``."""
    return xl_rowcol_to_cell(row, col, row_abs=absolute_ref, col_abs=absolute_ref)


def xref(sheet: str, row: int, col: int) -> str:
    """An absolute reference on another sheet: ``'Giả định'!$C$7``."""
    return f"{quote_sheetname(sheet)}!{cell(row, col, True)}"


def on_sheet(sheet: str, ref: str) -> str:
    """A relative A1 reference prefixed with its sheet: ``'Dự báo'!C7``."""
    return f"{quote_sheetname(sheet)}!{ref}"


def absolute(ref: str | None) -> str:
    """Row and column fixed: ``C7`` → ``$C$7`` (a base-year anchor)."""
    if ref is None:
        raise ValueError("missing anchor cell")
    match = re.match(r"^([A-Z]+)(\d+)$", ref)
    return f"${match.group(1)}${match.group(2)}" if match else ref
