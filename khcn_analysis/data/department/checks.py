"""Cell checks of a filled template: every problem named by sheet and cell.

The reader walks the sheets; these helpers read one cell each (a typed value, or
the value a spreadsheet program saved for a formula) and say precisely what is
wrong with it: text in a number cell (with the likely cause: a decimal comma,
thousands separators, a percent sign), a date where a number belongs, a negative
amount, a share above 100, a fraction of a person. Problems are collected, not
raised, so the officer fixes them all in one pass.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError
from khcn_analysis.data.department.tables import FIRST_YEAR, LAST_YEAR, Column

__all__ = [
    "ABSURD_FIGURE",
    "CellReader",
    "expected_text",
    "is_blank",
    "read_date",
    "read_number",
    "read_text",
    "read_year",
    "show_number",
]

#: Ten million billion VND is five times Vietnam's GDP; ten million persons is twenty times
#: Lai Châu's population: a figure this large is a typing error (đồng for tỷ đồng), not data.
#: The per-variable plausibility ranges (``data/raw/plausibility.yaml``) catch the subtler ones.
ABSURD_FIGURE = 1e7


@dataclass
class CellReader:
    """Reads cells from the formula and cached-value views of one workbook, collecting errors."""

    path: Path
    wb_formulas: Any
    wb_values: Any
    errors: list[InputError] = field(default_factory=list)
    any_value: bool = False  # a value cell held anything, valid or not

    def error(self, sheet: str, cell: str | None, found: object, expected: str, hint: str | None = None) -> None:
        self.errors.append(InputError(self.path, where(sheet, cell), found, expected, hint))

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


def where(sheet: str, cell: str | None) -> str:
    """The location text of a problem: ``sheet 'Kinh phí KH&CN', cell B14``."""
    return f"sheet '{sheet}'" + (f", cell {cell}" if cell else "")


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
    text = str(text)
    return text if text.startswith("=") else f"={text}"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def show_number(number: float) -> str:
    """A number as typed: 12.5, 85, 1e+300 (never 301 digits)."""
    if abs(number) >= 1e15:
        return f"{number:g}"
    return str(int(number)) if number.is_integer() else repr(number)


_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS_DOTS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMAS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _text_number_problem(text: str) -> tuple[str, str]:
    """(what was found, hint) for text typed into a number cell."""
    stripped = text.strip()
    shown = f"text {text!r}"
    if _DECIMAL_COMMA.match(stripped):
        dotted = stripped.replace(",", ".")
        return (
            f"{shown} (a decimal comma typed as text)",
            f"type it as a number in the cell: {dotted} is entered as "
            f"{stripped} on a Vietnamese-language Excel and as {dotted} on an English one",
        )
    if _THOUSANDS_DOTS.match(stripped) or _THOUSANDS_COMMAS.match(stripped):
        return (
            f"{shown} (a number with thousands separators typed as text)",
            "type the number without separators in a number cell; as text it is ambiguous "
            "(1.500 is 1500 in Vietnamese, 1.5 in English)",
        )
    if _PLAIN_NUMBER.match(stripped):
        return f"{shown} (a number stored as text)", "re-type it in a number cell, without a leading quote"
    if stripped.endswith("%"):
        return f"{shown} (a percentage typed as text)", "type the number only, e.g. 1.5 for 1.5%"
    return shown, "type the figure as a number; put words in the Note column"


def expected_text(column: Column) -> str:
    unit = f"{column.unit}" + (f", {column.basis}" if column.basis != "n/a" else "")
    if column.kind == "share":
        return f"a number from 0 to 100 ({unit}) in a number cell, or an empty cell"
    if column.kind == "count":
        return f"a whole number >= 0 ({unit}) in a number cell, or an empty cell"
    return f"a number >= 0 ({unit}) in a number cell, or an empty cell"


def read_number(r: CellReader, sheet: str, coord: str, column: Column) -> tuple[float | None, str | None, bool]:
    """(value, formula, present): present is True when the cell holds anything at all."""
    value, formula, ok = r.raw(sheet, coord)
    if not ok:
        return None, formula, True
    if is_blank(value):
        return None, None, False
    expected = expected_text(column)
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
        # cell messages are English sentences (found …; expected …); the hint joins them
        r.error(sheet, coord, show_number(number), expected,
                t("department.hint.absurd", "en", limit=f"{ABSURD_FIGURE:,.0f}"))
        return None, formula, True
    if number < 0:
        r.error(sheet, coord, show_number(number), expected, "amounts, counts and shares cannot be negative")
        return None, formula, True
    if column.kind == "share" and number > 100:
        r.error(sheet, coord, show_number(number), expected,
                "a share is a percentage from 0 to 100; 1.5% is entered as 1.5")
        return None, formula, True
    if column.kind == "count" and not number.is_integer():
        r.error(sheet, coord, show_number(number), expected, f"{column.unit} are counted in whole numbers")
        return None, formula, True
    return number, formula, True


def read_text(r: CellReader, sheet: str, coord: str) -> str:
    value, _formula, ok = r.raw(sheet, coord)
    if not ok or is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def read_year(r: CellReader, sheet: str, coord: str) -> tuple[int | None, bool]:
    """(year, present)."""
    value, _formula, ok = r.raw(sheet, coord)
    if not ok:
        return None, True
    if is_blank(value):
        return None, False
    expected = f"a whole-number year from {FIRST_YEAR} to {LAST_YEAR} in a number cell"
    if isinstance(value, bool) or not isinstance(value, int | float):
        found = f"text {value!r}" if isinstance(value, str) else repr(value)
        r.error(sheet, coord, found, expected)
        return None, True
    if not float(value).is_integer() or not FIRST_YEAR <= value <= LAST_YEAR:
        r.error(sheet, coord, show_number(float(value)), expected,
                f"the workbook covers {FIRST_YEAR}–{LAST_YEAR} only")
        return None, True
    return int(value), True


_DATE_TEXT = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")


def read_date(r: CellReader, sheet: str, coord: str, label: str) -> date:
    value, _formula, ok = r.raw(sheet, coord)
    expected = "the date the template was filled in (a date cell, e.g. 15/03/2025)"
    if not ok:
        return date.min
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_TEXT.fullmatch(value)
        if match:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
    found = f"an empty cell for «{label}»" if is_blank(value) else repr(value)
    r.error(sheet, coord, found, expected)
    return date.min
