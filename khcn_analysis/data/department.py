"""The department's own figures: an Excel input template and its import as a raw source.

The public record for Lai Châu is patchy, but the provincial S&T department (Sở KH&CN)
knows its actual spending, budget and researchers. ``write_template`` gives it an Excel
file to fill; ``import_filled_template`` checks every cell of the filled file and, only
if nothing is wrong, stores the figures as a new dated CSV in ``data/raw/department/``
(contract item 3: the 15 columns of ``sources.csv``), which the build then prefers over
every other row and over assumptions. A file with any problem is refused whole, with
every problem listed, so a half-checked file never becomes a source.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from khcn_analysis.core import paths
from khcn_analysis.core.errors import InputError, InputErrors, KhcnError
from khcn_analysis.core.formatting import check_lang

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "SOURCE_COLUMNS",
    "TABLES",
    "TEMPLATE_ID",
    "TEMPLATE_VERSION",
    "ImportResult",
    "import_filled_template",
    "import_template",
    "read_filled_template",
    "safe_text",
    "write_template",
]

TEMPLATE_ID = "khcn-workbook/department-template"
TEMPLATE_VERSION = 1
FIRST_YEAR, LAST_YEAR = 2010, 2030
MARKER_SHEET = "_khcn"

# The columns of data/raw/sources.csv, in order (contract item 3).
SOURCE_COLUMNS = (
    "fact_id", "geography", "variable", "year", "period", "value", "unit", "basis", "kind",
    "qualifier", "source_url", "source_name", "source_quality", "quote", "note",
)

# Sheet layout: a title row, the header row, a hidden row of variable ids, then data.
TITLE_ROW, HEADER_ROW, CODE_ROW, FIRST_DATA_ROW = 1, 2, 3, 4
VALIDATED_ROWS = 80  # data validation covers the pre-filled years and room for more rows
YEAR_CODE, SOURCE_CODE, NOTE_CODE = "year", "source_ref", "note"

# Metadata cells on the instructions sheet: (key, row, label vi, label en, required).
META_FIELDS = (
    ("filled_by", 4, "Họ và tên người điền", "Name of the person filling in", True),
    ("organisation", 5, "Cơ quan, đơn vị", "Organisation", True),
    ("filled_on", 6, "Ngày điền (ngày/tháng/năm)", "Date filled in (day/month/year)", True),
    ("contact", 7, "Điện thoại hoặc email (không bắt buộc)", "Phone or email (optional)", False),
)
META_VALUE_COLUMN = "B"

Kind = Literal["amount", "count", "fte", "share"]


@dataclass(frozen=True)
class Column:
    """One value column: the variable id and unit of the stored row, and its header."""

    variable: str
    kind: Kind
    unit: str  # as in sources.csv
    basis: str
    label_vi: str
    label_en: str
    unit_vi: str
    unit_en: str

    def header(self, lang: str) -> str:
        label, unit = (self.label_vi, self.unit_vi) if lang == "vi" else (self.label_en, self.unit_en)
        return f"{label}\n({unit})"


@dataclass(frozen=True)
class Table:
    """One sheet of the template: one row per year, one column per variable."""

    key: str
    sheet_vi: str
    sheet_en: str
    title_vi: str
    title_en: str
    columns: tuple[Column, ...]

    def sheet(self, lang: str) -> str:
        return self.sheet_vi if lang == "vi" else self.sheet_en

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en

    def codes(self) -> list[str]:
        return [YEAR_CODE, *(c.variable for c in self.columns), SOURCE_CODE, NOTE_CODE]


_BN_VI, _BN_EN = "tỷ đồng, giá hiện hành", "billion VND, current prices"


def _money(variable: str, label_vi: str, label_en: str) -> Column:
    return Column(variable, "amount", "billion VND", "current", label_vi, label_en, _BN_VI, _BN_EN)


TABLES: tuple[Table, ...] = (
    Table(
        "money",
        "Kinh phí KH&CN",
        "S&T money",
        "Kinh phí cho khoa học và công nghệ và ngân sách địa phương, theo năm (số thực hiện)",
        "Money for science and technology and the local budget, by year (actual outturn)",
        (
            _money("st_budget", "Chi ngân sách nhà nước cho KH&CN", "State budget spending on S&T"),
            _money(
                "st_investment",
                "Tổng đầu tư xã hội cho KH&CN (nhà nước và ngoài nhà nước)",
                "Total social investment in S&T (state and non-state)",
            ),
            _money("budget_expenditure", "Tổng chi ngân sách địa phương", "Total local budget expenditure"),
            _money(
                "budget_revenue_local",
                "Thu ngân sách địa phương được hưởng theo phân cấp",
                "Local budget revenue retained by the province",
            ),
            _money(
                "st_fund_contribution",
                "Trích vào Quỹ phát triển KH&CN của tỉnh",
                "Contribution to the provincial S&T development fund",
            ),
        ),
    ),
    Table(
        "researchers",
        "Nhân lực KH&CN",
        "S&T personnel",
        "Cán bộ nghiên cứu khoa học trên địa bàn tỉnh, theo năm",
        "Scientific researchers in the province, by year",
        (
            Column(
                "researchers", "count", "persons", "headcount",
                "Số cán bộ nghiên cứu khoa học", "Scientific researchers",
                "người, số người thực tế", "persons, headcount",
            ),
            Column(
                "researchers_fte", "fte", "persons", "FTE",
                "Số cán bộ nghiên cứu quy đổi toàn thời gian", "Researchers, full-time equivalent",
                "người, quy đổi toàn thời gian (FTE)", "persons, full-time equivalent (FTE)",
            ),
        ),
    ),
    Table(
        "targets",
        "Chỉ tiêu theo dõi",
        "Tracked targets",
        "Chỉ tiêu của Kế hoạch chỉ Sở theo dõi được, theo năm",
        "Plan targets only the department can track, by year",
        (
            Column(
                "tfp_contribution_growth", "share", "%", "n/a",
                "Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP (theo số liệu cơ quan thống kê công bố)",
                "TFP share of GRDP growth (as published by the statistics office)",
                "%, từ 0 đến 100", "%, 0 to 100",
            ),
            Column(
                "technology_renewal_rate", "share", "% per year", "n/a",
                "Tốc độ đổi mới công nghệ, thiết bị", "Rate of technology and equipment renewal",
                "%/năm, từ 0 đến 100", "% per year, 0 to 100",
            ),
            Column(
                "national_brand_products", "count", "products", "n/a",
                "Số sản phẩm đạt thương hiệu quốc gia (lũy kế đến cuối năm)",
                "Products with a national brand (cumulative, end of year)",
                "sản phẩm", "products",
            ),
            Column(
                "techmart_held", "count", "events", "n/a",
                "Số lần tổ chức chợ công nghệ và thiết bị (Techmart) trong năm",
                "Technology and equipment fairs (Techmart) held in the year",
                "lần", "events",
            ),
        ),
    ),
)

_SOURCE_HEADER = {
    "vi": "Nguồn số liệu\n(tên, số, ngày văn bản; bắt buộc khi có số liệu)",
    "en": "Source\n(document title, number, date; required when a value is given)",
}
_NOTE_HEADER = {"vi": "Ghi chú", "en": "Note"}
_YEAR_HEADER = {"vi": "Năm", "en": "Year"}
_INSTRUCTIONS_SHEET = {"vi": "Hướng dẫn", "en": "Instructions"}

_NUMBER_FORMATS: dict[Kind, str] = {
    "amount": "#,##0.0##",
    "count": "#,##0",
    "fte": "#,##0.0#",
    "share": "0.0#",
}


# --------------------------------------------------------------------------- writing


def write_template(path: str | Path, *, lang: str = "vi", overwrite: bool = False) -> Path:
    """Write the empty input template; refuse to replace a file unless ``overwrite``.

    A filled template is the department's work, so an existing file is never replaced
    silently.
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
    wb.properties.title = "Mẫu nhập số liệu KH&CN Lai Châu" if lang == "vi" else "Lai Châu S&T input template"
    wb.properties.creator = "khcn-workbook"
    wb.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
_THIN = Side(style="thin", color="A0A0A0")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _write_table(ws: Worksheet, table: Table, lang: str) -> None:
    codes = table.codes()
    headers = [_YEAR_HEADER[lang], *(c.header(lang) for c in table.columns)]
    headers += [_SOURCE_HEADER[lang], _NOTE_HEADER[lang]]
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
                cell.number_format = _NUMBER_FORMATS[table.columns[col - 2].kind]
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
    vi = lang == "vi"
    first = FIRST_DATA_ROW
    year_dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(FIRST_YEAR),
        formula2=str(LAST_YEAR),
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle="Năm" if vi else "Year",
        prompt=(
            f"Năm từ {FIRST_YEAR} đến {LAST_YEAR}, mỗi năm một dòng, không lặp lại."
            if vi
            else f"A year from {FIRST_YEAR} to {LAST_YEAR}, one row per year, never twice."
        ),
        errorTitle="Năm không hợp lệ" if vi else "Invalid year",
        error=(
            f"Năm phải là số nguyên từ {FIRST_YEAR} đến {LAST_YEAR}."
            if vi
            else f"The year must be a whole number from {FIRST_YEAR} to {LAST_YEAR}."
        ),
    )
    year_dv.add(f"A{first}:A{last_row}")
    out = [year_dv]
    for col, column in enumerate(table.columns, start=2):
        letter = get_column_letter(col)
        dv = _value_validation(column, vi)
        dv.add(f"{letter}{first}:{letter}{last_row}")
        out.append(dv)
    src_col = get_column_letter(len(table.columns) + 2)
    source_dv = DataValidation(
        type="textLength",
        operator="greaterThan",
        formula1="0",
        allow_blank=True,
        showInputMessage=True,
        promptTitle="Nguồn số liệu" if vi else "Source",
        prompt=(
            "Bắt buộc khi dòng có số liệu: tên, số và ngày văn bản (báo cáo, quyết toán, "
            "biểu thống kê) làm căn cứ cho số liệu của dòng này."
            if vi
            else "Required when the row has a value: title, number and date of the document "
            "(report, final accounts, statistical table) the figures come from."
        ),
    )
    source_dv.add(f"{src_col}{first}:{src_col}{last_row}")
    out.append(source_dv)
    return out


def _value_validation(column: Column, vi: bool) -> DataValidation:
    unit = column.unit_vi if vi else column.unit_en
    label = column.label_vi if vi else column.label_en
    common = {
        "allow_blank": True,
        "showInputMessage": True,
        "showErrorMessage": True,
        "errorStyle": "stop",
        "promptTitle": ("Đơn vị: " if vi else "Unit: ") + unit.split(",")[0],
    }
    if column.kind == "share":
        rule = dict(type="decimal", operator="between", formula1="0", formula2="100")
        prompt = (
            f"{label}. Nhập số phần trăm từ 0 đến 100 (1,5% nhập là 1,5). Bỏ trống nếu chưa có số liệu."
            if vi
            else f"{label}. A percentage from 0 to 100 (1.5% is entered as 1.5). Leave blank if unknown."
        )
        error = (
            "Phải là số từ 0 đến 100 (phần trăm), nhập trong ô số, không kèm ký hiệu %."
            if vi
            else "Must be a number from 0 to 100 (per cent), typed as a number without a % sign."
        )
    elif column.kind == "count":
        rule = dict(type="whole", operator="greaterThanOrEqual", formula1="0")
        prompt = (
            f"{label}. Số nguyên không âm ({unit}). Bỏ trống nếu chưa có số liệu."
            if vi
            else f"{label}. A whole number, zero or more ({unit}). Leave blank if unknown."
        )
        error = "Phải là số nguyên không âm." if vi else "Must be a whole number, zero or more."
    else:
        rule = dict(type="decimal", operator="greaterThanOrEqual", formula1="0")
        prompt = (
            f"{label}. Số không âm, đơn vị {unit}; số lẻ dùng dấu thập phân của máy. "
            "Bỏ trống nếu chưa có số liệu."
            if vi
            else f"{label}. A number, zero or more, in {unit}. Leave blank if unknown."
        )
        error = (
            "Phải là số không âm, nhập trong ô số (không kèm chữ hay đơn vị)."
            if vi
            else "Must be a number, zero or more, typed as a number (no text or unit)."
        )
    dv = DataValidation(
        **rule,
        **common,
        prompt=prompt[:255],
        errorTitle="Giá trị không hợp lệ" if vi else "Invalid value",
        error=error[:255],
    )
    return dv


def _instruction_lines(lang: str) -> list[str]:
    sheets = ", ".join(f"«{t.sheet(lang)}»" for t in TABLES)
    if lang == "vi":
        return [
            "Mẫu này để Sở Khoa học và Công nghệ nhập SỐ LIỆU THỰC TẾ của chính Sở đã được kiểm tra, "
            "có văn bản làm căn cứ (báo cáo, quyết toán, biểu thống kê). Không nhập số ước tính, số "
            "kế hoạch, số dự báo hay số tự suy ra: những số đó mô hình đã có giả định riêng, có ghi rõ.",
            "Điền thông tin người điền ở các ô màu vàng phía trên (họ tên, cơ quan, ngày điền là bắt buộc).",
            f"Mỗi bảng một trang: {sheets}. Mỗi dòng là một năm từ {FIRST_YEAR} đến {LAST_YEAR} "
            "(đã điền sẵn); mỗi năm chỉ một dòng. Chỉ điền vào các ô màu vàng.",
            "Bỏ trống ô chưa có số liệu: ô trống nghĩa là «chưa có số liệu», không phải số 0. Chỉ nhập 0 "
            "khi giá trị thực sự bằng 0.",
            "Đơn vị ghi ở tiêu đề mỗi cột. Tiền: tỷ đồng, giá hiện hành (ví dụ 1.234.500.000 đồng nhập là "
            "1,2345). Tỷ lệ: số phần trăm từ 0 đến 100 (1,5% nhập là 1,5; không nhập 0,015, không gõ dấu %). "
            "Số người, số sản phẩm, số lần tổ chức Techmart: số nguyên.",
            "Số phải nằm trong ô dạng số của Excel: gõ số trực tiếp, không kèm chữ, đơn vị, dấu cách hay "
            "dấu nháy. Dấu thập phân theo cài đặt của máy (máy cài tiếng Việt: 1,5; máy cài tiếng Anh: "
            "1.5). Nếu số hiện lệch về bên trái ô, Excel đang coi đó là chữ: hãy gõ lại.",
            "Dòng nào có số liệu thì bắt buộc ghi cột «Nguồn số liệu»: tên, số và ngày văn bản (ví dụ: "
            "Báo cáo quyết toán NSĐP năm 2020, Biểu 62). Cột «Ghi chú» để giải thích thêm nếu cần.",
            "Nên nhập số trực tiếp. Ô có công thức: chương trình lấy giá trị Excel đã tính và lưu trong "
            "tệp; nếu tệp không có giá trị đã tính (ví dụ tệp do phần mềm khác tạo) thì ô đó bị từ chối.",
            "Không đổi tên trang, không chèn hay xóa cột, không sửa dòng tiêu đề; trang ẩn «_khcn» ghi "
            f"phiên bản mẫu ({TEMPLATE_VERSION}). Cần mẫu mới: chạy «khcn data template».",
            "Nhập vào mô hình: «khcn data import TÊN_TỆP.xlsx». Chương trình kiểm tra toàn bộ tệp; nếu có "
            "lỗi, liệt kê MỌI lỗi (trang, ô, giá trị tìm thấy, giá trị cần có) và KHÔNG nhập gì cả. Nếu "
            "hợp lệ, số liệu được lưu thành một tệp nguồn mới, ghi ngày nhập, trong data/raw/department/; "
            "tệp cũ không bao giờ bị ghi đè, nhập lại cùng nội dung không tạo bản trùng.",
            "Sau khi nhập và dựng lại dữ liệu («khcn data build»), số liệu của Sở được ưu tiên hơn mọi "
            "nguồn khác và mọi giả định cho cùng chỉ tiêu, cùng năm; báo cáo ghi nguồn là «Sở KH&CN Lai "
            "Châu» kèm ngày nhập.",
        ]
    return [
        "This template is for the Department of Science and Technology's OWN VERIFIED ACTUAL FIGURES, "
        "each backed by a document (report, final accounts, statistical table). Do not enter estimates, "
        "plans, projections or figures you derived: the model has its own, labelled assumptions for those.",
        "Fill in the yellow cells above about who filled the file (name, organisation and date are required).",
        f"One sheet per table: {sheets}. One row per year from {FIRST_YEAR} to {LAST_YEAR} (pre-filled); "
        "each year once. Type only into the yellow cells.",
        "Leave a cell blank when the figure is unknown: blank means «no figure», not zero. Enter 0 only "
        "when the value really is zero.",
        "Units are in each column header. Money: billion VND at current prices (1,234,500,000 VND is "
        "entered as 1.2345). Shares: per cent from 0 to 100 (1.5% is 1.5, not 0.015, no % sign). "
        "Persons, products and Techmart events: whole numbers.",
        "Numbers must be in Excel number cells: type the number itself, without text, units, spaces or "
        "quotes, with your computer's decimal separator. A number shown at the left of its cell is text: "
        "type it again.",
        "Every row with a value needs the «Source» column: title, number and date of the document. "
        "The «Note» column is for any further explanation.",
        "Prefer typed numbers. A cell with a formula: the value Excel calculated and saved in the file is "
        "used; a formula without a saved value (e.g. a file made by another program) is refused.",
        "Do not rename sheets, insert or delete columns, or edit header rows; the hidden sheet «_khcn» "
        f"holds the template version ({TEMPLATE_VERSION}). For a fresh template run «khcn data template».",
        "To import: «khcn data import FILE.xlsx». The whole file is checked; if anything is wrong, EVERY "
        "problem is listed (sheet, cell, found, expected) and NOTHING is imported. Otherwise the figures "
        "are stored as a new source file, dated, in data/raw/department/; earlier files are never "
        "overwritten and importing the same content again creates no duplicate.",
        "After import and a rebuild («khcn data build»), the department's figures take precedence over "
        "every other source and every assumption for the same indicator and year; reports name the "
        "source as the department with the import date.",
    ]


def _write_instructions(ws: Worksheet, lang: str) -> None:
    vi = lang == "vi"
    ws.title = _INSTRUCTIONS_SHEET[lang]
    ws["A1"] = (
        "MẪU NHẬP SỐ LIỆU CỦA SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAI CHÂU"
        if vi
        else "INPUT TEMPLATE FOR THE LAI CHÂU DEPARTMENT OF SCIENCE AND TECHNOLOGY"
    )
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"] = "Thông tin người điền" if vi else "Who filled this file"
    ws["A3"].font = Font(bold=True)
    for _key, row, label_vi, label_en, _required in META_FIELDS:
        ws.cell(row, 1, label_vi if vi else label_en)
        cell = ws[f"{META_VALUE_COLUMN}{row}"]
        cell.fill = _INPUT_FILL
        cell.border = _BOX
        cell.number_format = "@"
    date_cell = f"{META_VALUE_COLUMN}{_meta_row('filled_on')}"
    ws[date_cell].number_format = "dd/mm/yyyy"
    date_dv = DataValidation(
        type="date",
        operator="between",
        formula1="40179",  # 2010-01-01 as an Excel serial
        formula2="73050",  # 2099-12-31
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle="Ngày điền" if vi else "Date",
        prompt="Nhập ngày, ví dụ 15/03/2025." if vi else "A date, e.g. 15/03/2025.",
        errorTitle="Ngày không hợp lệ" if vi else "Invalid date",
        error="Phải là một ngày hợp lệ." if vi else "Must be a valid date.",
    )
    date_dv.add(date_cell)
    ws.add_data_validation(date_dv)
    start = max(row for _k, row, *_ in META_FIELDS) + 2
    ws.cell(start, 1, "Hướng dẫn" if vi else "Instructions").font = Font(bold=True)
    for i, line in enumerate(_instruction_lines(lang), start=1):
        row = start + i
        ws.cell(row, 1, f"{i}.").alignment = Alignment(horizontal="right", vertical="top")
        cell = ws.cell(row, 2, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 15 * (len(line) // 95 + 1)
    version_row = start + len(_instruction_lines(lang)) + 2
    ws.cell(version_row, 1, ("Phiên bản mẫu" if vi else "Template version"))
    ws.cell(version_row, 2, f"{TEMPLATE_ID} v{TEMPLATE_VERSION}")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 100


def _meta_row(key: str) -> int:
    return next(row for k, row, *_ in META_FIELDS if k == key)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Figure:
    """One value read from the filled template, with where it came from."""

    sheet: str
    cell: str
    variable: str
    unit: str
    basis: str
    year: int
    value: float
    source_ref: str
    note: str
    formula: str | None = None


@dataclass
class FilledTemplate:
    """What a valid filled template holds: the figures and who filled them in."""

    path: Path
    lang: str
    figures: list[Figure]
    filled_by: str
    organisation: str
    filled_on: date
    contact: str = ""


@dataclass
class _Reader:
    """Reads cells from the formula and cached-value views of one workbook, collecting errors."""

    path: Path
    wb_formulas: Any
    wb_values: Any
    errors: list[InputError] = field(default_factory=list)
    any_value: bool = False  # a value cell held anything, valid or not

    def error(self, sheet: str, cell: str | None, found: object, expected: str, hint: str | None = None) -> None:
        where = f"sheet '{sheet}'" + (f", cell {cell}" if cell else "")
        self.errors.append(InputError(self.path, where, found, expected, hint))

    def raw(self, sheet: str, coord: str) -> tuple[Any, str | None, bool]:
        """(value, formula text, ok): a formula cell gives its cached value, or not ok."""
        cell = self.wb_formulas[sheet][coord]
        if cell.data_type == "f":
            formula = _formula_text(cell.value)
            cached = self.wb_values[sheet][coord].value
            if cached is None:
                self.error(
                    sheet, coord, f"formula {formula} with no saved value",
                    "a typed value, or a formula whose result Excel has calculated and saved",
                    "open the file in Excel or LibreOffice, let it calculate, save, import again; "
                    "formula cells are imported with the value saved in the file",
                )
                return None, formula, False
            return cached, formula, True
        if cell.data_type == "e":
            self.error(sheet, coord, f"Excel error value {cell.value}", "a number or an empty cell")
            return None, None, False
        return cell.value, None, True


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
    text = str(text)
    return text if text.startswith("=") else f"={text}"


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS_DOTS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMAS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _text_number_problem(text: str) -> tuple[str, str]:
    """(what was found, hint) for text typed into a number cell."""
    t = text.strip()
    shown = f"text {text!r}"
    if _DECIMAL_COMMA.match(t):
        return (
            f"{shown} (a decimal comma typed as text)",
            f"type it as a number in the cell: {t.replace(',', '.')} is entered as "
            f"{t} on a Vietnamese-language Excel and as {t.replace(',', '.')} on an English one",
        )
    if _THOUSANDS_DOTS.match(t) or _THOUSANDS_COMMAS.match(t):
        return (
            f"{shown} (a number with thousands separators typed as text)",
            "type the number without separators in a number cell; as text it is ambiguous "
            "(1.500 is 1500 in Vietnamese, 1.5 in English)",
        )
    if _PLAIN_NUMBER.match(t):
        return f"{shown} (a number stored as text)", "re-type it in a number cell, without a leading quote"
    if t.endswith("%"):
        return f"{shown} (a percentage typed as text)", "type the number only, e.g. 1.5 for 1.5%"
    return shown, "type the figure as a number; put words in the Note column"


#: Ten million billion VND is five times Vietnam's GDP; ten million persons is twenty times
#: Lai Châu's population: a figure this large is a typing error (đồng for tỷ đồng), not data.
ABSURD_FIGURE = 1e7


def _read_number(r: _Reader, sheet: str, coord: str, column: Column) -> tuple[float | None, str | None, bool]:
    """(value, formula, present): present is True when the cell holds anything at all."""
    value, formula, ok = r.raw(sheet, coord)
    if not ok:
        return None, formula, True
    if _is_blank(value):
        return None, None, False
    expected = _expected(column)
    if isinstance(value, bool):
        r.error(sheet, coord, f"logical value {value}", expected)
        return None, formula, True
    if isinstance(value, datetime | date):
        r.error(sheet, coord, f"a date ({value:%d/%m/%Y})", expected, "the cell is formatted as a date")
        return None, formula, True
    if isinstance(value, str):
        found, hint = _text_number_problem(value)
        r.error(sheet, coord, found, expected, hint)
        return None, formula, True
    if not isinstance(value, int | float) or not math.isfinite(float(value)):
        r.error(sheet, coord, repr(value), expected)
        return None, formula, True
    number = float(value)
    if number >= ABSURD_FIGURE:
        r.error(sheet, coord, _show(number), expected,
                f"no figure of a province comes near {ABSURD_FIGURE:,.0f} in these units; "
                "was it typed in đồng instead of tỷ đồng, or with extra zeros?")
        return None, formula, True
    if number < 0:
        r.error(sheet, coord, _show(number), expected, "amounts, counts and shares cannot be negative")
        return None, formula, True
    if column.kind == "share" and number > 100:
        r.error(
            sheet, coord, _show(number), expected,
            "a share is a percentage from 0 to 100; 1.5% is entered as 1.5",
        )
        return None, formula, True
    if column.kind == "count" and not number.is_integer():
        r.error(sheet, coord, _show(number), expected, f"{column.unit} are counted in whole numbers")
        return None, formula, True
    return number, formula, True


def _expected(column: Column) -> str:
    unit = f"{column.unit}" + (f", {column.basis}" if column.basis != "n/a" else "")
    if column.kind == "share":
        return f"a number from 0 to 100 ({unit}) in a number cell, or an empty cell"
    if column.kind == "count":
        return f"a whole number >= 0 ({unit}) in a number cell, or an empty cell"
    return f"a number >= 0 ({unit}) in a number cell, or an empty cell"


def _show(number: float) -> str:
    if abs(number) >= 1e15:  # int(1e300) has 301 digits
        return f"{number:g}"
    return str(int(number)) if number.is_integer() else repr(number)


def _read_text(r: _Reader, sheet: str, coord: str) -> str:
    value, _formula, ok = r.raw(sheet, coord)
    if not ok or _is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def _read_year(r: _Reader, sheet: str, coord: str) -> tuple[int | None, bool]:
    """(year, present)."""
    value, _formula, ok = r.raw(sheet, coord)
    if not ok:
        return None, True
    if _is_blank(value):
        return None, False
    expected = f"a whole-number year from {FIRST_YEAR} to {LAST_YEAR} in a number cell"
    if isinstance(value, bool) or not isinstance(value, int | float):
        found = f"text {value!r}" if isinstance(value, str) else repr(value)
        r.error(sheet, coord, found, expected)
        return None, True
    if not float(value).is_integer() or not FIRST_YEAR <= value <= LAST_YEAR:
        r.error(sheet, coord, _show(float(value)), expected, "the workbook covers 2010–2030 only")
        return None, True
    return int(value), True


def read_filled_template(path: str | Path, *, today: date | None = None) -> FilledTemplate:
    """Read and check a filled template; raise ``InputErrors`` listing every problem."""
    path = Path(path)
    today = today or date.today()
    wb_formulas, wb_values = _open(path)
    r = _Reader(path, wb_formulas, wb_values)
    lang = _check_marker(r)
    figures: list[Figure] = []
    for table in TABLES:
        figures += _read_table(r, table, lang)
    meta = _read_meta(r, lang, today)
    if not r.any_value:
        r.errors.append(
            InputError(
                path, None, "no figures in any sheet (nothing to import)",
                "at least one figure with its year and source",
            )
        )
    if r.errors:
        raise InputErrors(r.errors, what=str(path))
    return FilledTemplate(path, lang, figures, **meta)


def _open(path: Path) -> tuple[Any, Any]:
    expected = "an Excel .xlsx workbook written by `khcn data template`"
    if not path.is_file():
        raise InputErrors([InputError(path, None, "no such file", expected)], what=str(path))
    try:
        wb_formulas = load_workbook(path, data_only=False)
        wb_values = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a non-xlsx file
        reason = f"{type(exc).__name__}: {exc}".strip()
        raise InputErrors(
            [
                InputError(
                    path, None, f"a file that is not a readable .xlsx workbook ({reason[:160]})", expected,
                    "save the file from Excel as «Excel Workbook (*.xlsx)»",
                )
            ],
            what=str(path),
        ) from exc
    return wb_formulas, wb_values


def _check_marker(r: _Reader) -> str:
    """The template's language; a workbook that is not our template stops here."""
    wb = r.wb_formulas
    hint = "write a fresh template with `khcn data template` and copy the figures into it"
    if MARKER_SHEET not in wb.sheetnames:
        r.errors.append(
            InputError(
                r.path, "workbook", f"sheets {wb.sheetnames} and no '{MARKER_SHEET}' marker sheet",
                f"the department input template ({TEMPLATE_ID})", hint,
            )
        )
        raise InputErrors(r.errors, what=str(r.path))
    ws = wb[MARKER_SHEET]
    marker = {str(ws.cell(row, 1).value): ws.cell(row, 2).value for row in range(1, 4)}
    if marker.get("template") != TEMPLATE_ID:
        r.error(MARKER_SHEET, "B1", repr(marker.get("template")), repr(TEMPLATE_ID), hint)
        raise InputErrors(r.errors, what=str(r.path))
    if marker.get("version") != TEMPLATE_VERSION:
        r.error(
            MARKER_SHEET, "B2", f"template version {marker.get('version')!r}",
            f"template version {TEMPLATE_VERSION}", hint,
        )
        raise InputErrors(r.errors, what=str(r.path))
    lang = marker.get("lang")
    if lang not in ("vi", "en"):
        r.error(MARKER_SHEET, "B3", repr(lang), "'vi' or 'en'", hint)
        raise InputErrors(r.errors, what=str(r.path))
    return str(lang)


def _read_table(r: _Reader, table: Table, lang: str) -> list[Figure]:
    sheet = table.sheet(lang)
    if sheet not in r.wb_formulas.sheetnames:
        r.error(
            sheet, None, f"no such sheet (sheets: {r.wb_formulas.sheetnames})",
            f"the sheet '{sheet}' of the template", "do not rename or delete the template's sheets",
        )
        return []
    ws = r.wb_formulas[sheet]
    codes = table.codes()
    header_ok = True
    for col, code in enumerate(codes, start=1):
        found = ws.cell(CODE_ROW, col).value
        if found != code:
            coord = ws.cell(CODE_ROW, col).coordinate
            r.error(
                sheet, coord, f"column code {found!r}", f"{code!r} (the template's column order)",
                "do not insert, delete or move columns; copy the figures into a fresh template",
            )
            header_ok = False
    if not header_ok:
        return []
    figures: list[Figure] = []
    seen_years: dict[int, str] = {}
    src_col, note_col = len(codes) - 1, len(codes)
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        year_coord = f"A{row}"
        year, year_present = _read_year(r, sheet, year_coord)
        values: list[tuple[Column, str, float | None, str | None]] = []
        any_value = False
        for col, column in enumerate(table.columns, start=2):
            coord = f"{get_column_letter(col)}{row}"
            value, formula, present = _read_number(r, sheet, coord, column)
            any_value |= present
            r.any_value |= present
            if value is not None:
                values.append((column, coord, value, formula))
        source_coord = f"{get_column_letter(src_col)}{row}"
        source_ref = _read_text(r, sheet, source_coord)
        note = _read_text(r, sheet, f"{get_column_letter(note_col)}{row}")
        for col in range(note_col + 1, ws.max_column + 1):
            stray, _f, _ok = r.raw(sheet, f"{get_column_letter(col)}{row}")
            if not _is_blank(stray):
                r.error(
                    sheet, f"{get_column_letter(col)}{row}", repr(stray),
                    f"nothing right of the Note column (column {get_column_letter(note_col)})",
                    "values outside the template's columns would be lost; move them into a column",
                )
        if year is not None:
            if year in seen_years:
                r.error(
                    sheet, year_coord, f"year {year} again (already in {seen_years[year]})",
                    "each year once per sheet", "put all figures of one year on one row",
                )
                continue
            seen_years[year] = year_coord
        if not any_value:
            continue
        if not year_present:
            r.error(
                sheet, year_coord, "an empty year cell on a row with values",
                f"the year ({FIRST_YEAR}–{LAST_YEAR}) the row's values belong to",
            )
        if not source_ref:
            r.error(
                sheet, source_coord, "no source on a row with values",
                "the document the figures come from (title, number, date)",
                "every figure needs its source",
            )
        if year is None or not source_ref:
            continue
        for column, coord, value, formula in values:
            figures.append(
                Figure(sheet, coord, column.variable, column.unit, column.basis, year, value,
                       source_ref, note, formula)
            )
    return figures


def _read_meta(r: _Reader, lang: str, today: date) -> dict[str, Any]:
    sheet = _INSTRUCTIONS_SHEET[lang]
    if sheet not in r.wb_formulas.sheetnames:
        r.error(sheet, None, "no such sheet", f"the sheet '{sheet}' with who filled the template")
        return {"filled_by": "", "organisation": "", "filled_on": date.min}
    out: dict[str, Any] = {}
    for key, row, label_vi, label_en, required in META_FIELDS:
        coord = f"{META_VALUE_COLUMN}{row}"
        label = label_vi if lang == "vi" else label_en
        if key == "filled_on":
            out[key] = filled_on = _read_date(r, sheet, coord, label)
            if filled_on > today:
                r.error(sheet, coord, f"{filled_on:%d/%m/%Y}",
                        f"a date no later than today ({today:%d/%m/%Y})")
            continue
        text = _read_text(r, sheet, coord)
        if required and not text:
            r.error(sheet, coord, f"an empty cell for «{label}»", "who filled the template (required)")
        out[key] = text
    return out


def _read_date(r: _Reader, sheet: str, coord: str, label: str) -> date:
    value, _formula, ok = r.raw(sheet, coord)
    expected = "the date the template was filled in (a date cell, e.g. 15/03/2025)"
    if not ok:
        return date.min
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", value)
        if match:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
    found = f"an empty cell for «{label}»" if _is_blank(value) else repr(value)
    r.error(sheet, coord, found, expected)
    return date.min


# --------------------------------------------------------------------------- storing


@dataclass(frozen=True)
class ImportResult:
    """Where the figures were stored, and whether this import wrote a new file."""

    path: Path
    created: bool
    import_id: str
    n_figures: int


def safe_text(text: str) -> str:
    """Text that a spreadsheet will never run as a formula.

    A value starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
    run as a formula when a CSV is opened in Excel; a leading apostrophe keeps it text.
    """
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def import_filled_template(
    path: str | Path, *, raw_dir: str | Path | None = None, today: date | None = None
) -> Path:
    """Validate a filled template and store it as a new dated raw source; return the stored file.

    Importing content that is already stored writes nothing and returns the earlier file.
    """
    return import_template(path, raw_dir=raw_dir, today=today).path


def import_template(
    path: str | Path, *, raw_dir: str | Path | None = None, today: date | None = None
) -> ImportResult:
    """Like :func:`import_filled_template`, but also says whether a new file was written."""
    today = today or date.today()
    filled = read_filled_template(path, today=today)
    digest = _content_hash(filled)
    folder = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    folder = folder / "department"
    earlier = sorted(folder.glob(f"*-{digest}.csv"))
    if earlier:
        return ImportResult(earlier[0], False, earlier[0].stem, len(filled.figures))
    # The time of day keeps two imports of one day in the order they were made: the
    # build lets the file whose name sorts last win.
    import_id = f"{today.isoformat()}-{datetime.now():%H%M%S}-{digest}"
    rows = _source_rows(filled, import_id, today)
    target = folder / f"{import_id}.csv"
    _write_new(target, rows)
    return ImportResult(target, True, import_id, len(filled.figures))


def _content_hash(filled: FilledTemplate) -> str:
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


def _source_rows(filled: FilledTemplate, import_id: str, today: date) -> list[dict[str, str]]:
    source_name = f"Sở KH&CN Lai Châu (nhập ngày {today.isoformat()})"
    filler = f"{filled.filled_by}, {filled.organisation}, ngày {filled.filled_on:%d/%m/%Y}"
    if filled.contact:
        filler += f", liên hệ {filled.contact}"
    rows = []
    for f in sorted(filled.figures, key=lambda f: (f.variable, f.year)):
        note = f"Nguồn: {f.source_ref}."
        if f.note:
            note += f" Ghi chú: {f.note}."
        if f.formula:
            note += f" Giá trị đã tính của công thức {f.formula}."
        note += f" Người điền: {filler}."
        rows.append(
            {
                "fact_id": f"department.{import_id}.{f.variable}.{f.year}",
                "geography": "Lai Châu",
                "variable": f.variable,
                "year": str(f.year),
                "period": "",
                "value": _show(f.value),
                "unit": f.unit,
                "basis": f.basis,
                "kind": "outturn",
                "qualifier": "exact",
                "source_url": f"file:{filled.path.name}",
                "source_name": source_name,
                "source_quality": "department",
                "quote": f"{f.sheet}!{f.cell}",
                "note": note,
            }
        )
    return [{k: safe_text(v) for k, v in row.items()} for row in rows]


def _write_new(target: Path, rows: list[dict[str, str]]) -> None:
    """Write ``target`` only if no file has that name; never a partial file under it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SOURCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    try:
        handle = target.open("x", encoding="utf-8", newline="")  # "x": never overwrite
    except FileExistsError as exc:
        raise KhcnError(f"{target} already exists; an import never overwrites a stored file") from exc
    try:
        with handle:
            handle.write(buffer.getvalue())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
