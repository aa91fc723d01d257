"""Write the department's empty Excel template (``khcn data template``).

An instructions sheet (who filled the file, how to fill it), one sheet per table
with units in the headers, yellow input cells guarded by Excel's data validation,
and a hidden marker sheet naming the template and its version so the reader can
refuse any other workbook. Written whole or not at all (``core.atomic``).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from khcn_analysis.core.atomic import atomic_path
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.core.formatting import check_lang
from khcn_analysis.data.department.tables import (
    CODE_ROW,
    FIRST_DATA_ROW,
    FIRST_YEAR,
    HEADER_ROW,
    LAST_YEAR,
    MARKER_SHEET,
    META_FIELDS,
    META_VALUE_COLUMN,
    TABLES,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
    TITLE_ROW,
    VALIDATED_ROWS,
    Column,
    Kind,
    Table,
    instructions_sheet,
    meta_row,
)

__all__ = ["instruction_lines", "write_template"]

NUMBER_FORMATS: dict[Kind, str] = {
    "amount": "#,##0.0##",
    "count": "#,##0",
    "fte": "#,##0.0#",
    "share": "0.0#",
}
GUIDE_LINES = 12  # department.guide.1 … department.guide.12

_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
_THIN = Side(style="thin", color="A0A0A0")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write_template(path: str | Path, *, lang: str = "vi", overwrite: bool = False) -> Path:
    """Write the empty input template; refuse to replace a file unless ``overwrite``.

    A filled template is the department's work, so an existing file is never replaced
    silently; a full disk leaves the earlier file as it was.
    """
    lang = check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError(path, "file name", path.suffix or "no extension", "a file ending in .xlsx")
    if path.is_dir():
        raise InputError(path, None, "a folder", "a file name ending in .xlsx (not an existing folder)")
    if path.exists() and not overwrite:
        raise KhcnError(
            f"{path} already exists; choose another name or pass overwrite=True "
            "(CLI: --force) to replace it"
        )
    wb = Workbook()
    _write_instructions(wb.active, lang)
    for table in TABLES:
        _write_table(wb.create_sheet(table.sheet(lang)), table, lang)
    marker = wb.create_sheet(MARKER_SHEET)
    for row, (key, value) in enumerate(
        (("template", TEMPLATE_ID), ("version", TEMPLATE_VERSION), ("lang", lang)), start=1
    ):
        marker.cell(row, 1, key)
        marker.cell(row, 2, value)
    marker.sheet_state = "hidden"
    wb.properties.title = t("department.workbook_title", lang)
    wb.properties.creator = "khcn-workbook"
    wb.active = 0
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _write_table(ws: Worksheet, table: Table, lang: str) -> None:
    codes = table.codes()
    headers = [t("department.header.year", lang), *(c.header(lang) for c in table.columns)]
    headers += [t("department.header.source", lang), t("department.header.note", lang)]
    ws.cell(TITLE_ROW, 1, table.title(lang)).font = Font(bold=True, size=13)
    for col, (header, code) in enumerate(zip(headers, codes, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.cell(CODE_ROW, col, code).font = Font(color="808080", size=8)
    ws.row_dimensions[HEADER_ROW].height = 96
    ws.row_dimensions[CODE_ROW].hidden = True
    last_row = FIRST_DATA_ROW + VALIDATED_ROWS - 1
    for offset, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1)):
        ws.cell(FIRST_DATA_ROW + offset, 1, year).font = Font(bold=True)
    for row in range(FIRST_DATA_ROW, last_row + 1):
        for col in range(2, len(codes) + 1):
            cell = ws.cell(row, col)
            cell.fill = _INPUT_FILL
            cell.border = _BOX
            if col - 2 < len(table.columns):
                cell.number_format = NUMBER_FORMATS[table.columns[col - 2].kind]
            else:
                cell.number_format = "@"  # source and note cells hold text
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for dv in _validations(table, lang, last_row):
        ws.add_data_validation(dv)
    widths = [9, *(_width(c.header(lang), 18, 26) for c in table.columns), 46, 36]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 2).coordinate


def _width(header: str, low: int, high: int) -> float:
    """A width that fits the header's longest word and wraps the rest."""
    longest = max(len(word) for word in header.split())
    return float(min(high, max(low, longest + 4, len(header) // 3)))


def _validations(table: Table, lang: str, last_row: int) -> list[DataValidation]:
    first = FIRST_DATA_ROW
    years = {"first": FIRST_YEAR, "last": LAST_YEAR}
    year_dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(FIRST_YEAR),
        formula2=str(LAST_YEAR),
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=t("department.dv.year_title", lang),
        prompt=t("department.dv.year_prompt", lang, **years),
        errorTitle=t("department.dv.year_error_title", lang),
        error=t("department.dv.year_error", lang, **years),
    )
    year_dv.add(f"A{first}:A{last_row}")
    out = [year_dv]
    for col, column in enumerate(table.columns, start=2):
        letter = get_column_letter(col)
        dv = _value_validation(column, lang)
        dv.add(f"{letter}{first}:{letter}{last_row}")
        out.append(dv)
    src_col = get_column_letter(len(table.columns) + 2)
    source_dv = DataValidation(
        type="textLength",
        operator="greaterThan",
        formula1="0",
        allow_blank=True,
        showInputMessage=True,
        promptTitle=t("department.dv.source_title", lang),
        prompt=t("department.dv.source_prompt", lang),
    )
    source_dv.add(f"{src_col}{first}:{src_col}{last_row}")
    out.append(source_dv)
    return out


def _value_validation(column: Column, lang: str) -> DataValidation:
    unit, label = column.unit_text(lang), column.label(lang)
    if column.kind == "share":
        rule = dict(type="decimal", operator="between", formula1="0", formula2="100")
        kind = "share"
    elif column.kind == "count":
        rule = dict(type="whole", operator="greaterThanOrEqual", formula1="0")
        kind = "count"
    else:
        rule = dict(type="decimal", operator="greaterThanOrEqual", formula1="0")
        kind = "amount"
    return DataValidation(
        **rule,
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=t("department.dv.unit_title", lang, unit=unit.split(",")[0])[:32],
        prompt=t(f"department.dv.{kind}_prompt", lang, label=label, unit=unit)[:255],
        errorTitle=t("department.dv.value_error_title", lang),
        error=t(f"department.dv.{kind}_error", lang)[:255],
    )


def instruction_lines(lang: str) -> list[str]:
    """The numbered lines of the instructions sheet."""
    fields = {
        "sheets": ", ".join(f"«{table.sheet(lang)}»" for table in TABLES),
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
        "version": TEMPLATE_VERSION,
    }
    return [t(f"department.guide.{i}", lang, **fields) for i in range(1, GUIDE_LINES + 1)]


def _write_instructions(ws: Worksheet, lang: str) -> None:
    ws.title = instructions_sheet(lang)
    ws["A1"] = t("department.heading", lang)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"] = t("department.who_heading", lang)
    ws["A3"].font = Font(bold=True)
    for meta in META_FIELDS:
        ws.cell(meta.row, 1, meta.label(lang))
        cell = ws[f"{META_VALUE_COLUMN}{meta.row}"]
        cell.fill = _INPUT_FILL
        cell.border = _BOX
        cell.number_format = "@"
    date_cell = f"{META_VALUE_COLUMN}{meta_row('filled_on')}"
    ws[date_cell].number_format = "dd/mm/yyyy"
    date_dv = DataValidation(
        type="date",
        operator="between",
        formula1="40179",  # 2010-01-01 as an Excel serial
        formula2="73050",  # 2099-12-31
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle=t("department.dv.date_title", lang),
        prompt=t("department.dv.date_prompt", lang),
        errorTitle=t("department.dv.date_error_title", lang),
        error=t("department.dv.date_error", lang),
    )
    date_dv.add(date_cell)
    ws.add_data_validation(date_dv)
    start = max(meta.row for meta in META_FIELDS) + 2
    ws.cell(start, 1, t("department.instructions_heading", lang)).font = Font(bold=True)
    lines = instruction_lines(lang)
    for i, line in enumerate(lines, start=1):
        row = start + i
        ws.cell(row, 1, f"{i}.").alignment = Alignment(horizontal="right", vertical="top")
        cell = ws.cell(row, 2, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 15 * (len(line) // 95 + 1)
    version_row = start + len(lines) + 2
    ws.cell(version_row, 1, t("department.version_label", lang))
    ws.cell(version_row, 2, f"{TEMPLATE_ID} v{TEMPLATE_VERSION}")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 100
