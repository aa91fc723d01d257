"""The workbook's look: cell formats, status colours, number formats, page set-up.

Colours are light tints of the Okabe–Ito palette, told apart by colour-blind
readers; a value's status is also written as text, so colour is never the only
cue. Numbers carry Excel formats (``#,##0.0``), not formatted text, so the
reader's Excel shows ``1.234,5`` in a Vietnamese locale and keeps computing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import xlsxwriter

__all__ = [
    "EDITABLE_FILL",
    "PERCENT_FORMAT",
    "STATUS_FILLS",
    "Formats",
    "RowFit",
    "finite",
    "fit",
    "num_format",
    "page_setup",
    "protect",
    "write_title",
    "write_value",
]

STATUS_FILLS: dict[str, str | None] = {
    "observed": None,
    "interpolated": "#D9ECF7",
    "derived": "#EDEDED",
    "assumption": "#FBE3C4",
    "projected": "#D5EFE6",
    # constructions, never history: a back-cast before a series' first record, a scenario's rewrite of the past
    "back-cast": "#E4D7EC",
    "counterfactual": "#F6D3E3",
}
#: The cells a planner may edit (Assumptions sheet); every other cell is locked.
EDITABLE_FILL = "#FFF2A8"
#: Funding sufficiency is a ratio shown as a percentage of the need (100% = just enough),
#: the unit the reports and charts use.
PERCENT_FORMAT = "0%"
GRID = {"border": 1, "border_color": "#BBBBBB"}


class Formats:
    """Memoized XlsxWriter formats (a workbook allows only so many distinct ones)."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[tuple[str, Any], ...], Any] = {}

    def __call__(self, **props: Any) -> Any:
        key = tuple(sorted((k, v) for k, v in props.items() if v is not None))
        if key not in self.cache:
            base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
            self.cache[key] = self.workbook.add_format({**base, **dict(key)})
        return self.cache[key]

    def head(self, **extra: Any) -> Any:
        """A table header cell: bold, wrapped, grey."""
        return self(bold=True, text_wrap=True, bg_color="#DDDDDD", border=1, valign="vcenter", **extra)

    def text(self, *, wrap: bool = True, **extra: Any) -> Any:
        """A bordered text cell."""
        return self(text_wrap=wrap or None, **GRID, **extra)

    def number(self, decimals: int, **extra: Any) -> Any:
        return self(num_format=num_format(decimals), **GRID, **extra)


#: Points per line of 10-point Arial, and characters of it per unit of column width.
LINE_PT = 12.75
CHARS_PER_WIDTH = 1.2


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped column ``width`` wide (an estimate, erring tall)."""
    per_line = max(int(width * CHARS_PER_WIDTH) - 1, 1)
    lines = 0
    for paragraph in str(text).split("\n"):
        words, current = paragraph.split(), 0
        lines += 1
        for word in words:
            need = len(word) if current == 0 else current + 1 + len(word)
            if need <= per_line:
                current = need
            else:
                lines += (current > 0) + (len(word) - 1) // per_line
                current = len(word) % per_line or per_line
    return max(lines, 1)


class RowFit:
    """Row heights for wrapped text.

    XlsxWriter cannot measure text, and neither Excel nor LibreOffice re-measures
    the rows of a file on opening, so wrapped cells would overflow onto the next
    row. Each sheet notes what it writes in wrapped cells and sets the heights.
    """

    def __init__(self, widths: dict[int, float]) -> None:
        self.widths = widths
        self.lines: dict[int, int] = {}

    def note(self, row: int, col: int, text: str, width: float | None = None) -> None:
        n = wrapped_lines(text, width if width is not None else self.widths.get(col, 8.43))
        self.lines[row] = max(self.lines.get(row, 1), n)

    def apply(self, ws: Any) -> None:
        for row, n in self.lines.items():
            if n > 1:
                ws.set_row(row, LINE_PT * n + 2)


def num_format(decimals: int) -> str:
    """Excel renders the separators in the reader's locale: 1.234,5 in Vietnamese."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def finite(value: Any) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def fit(texts: Iterable[str], lo: int = 8, hi: int = 60) -> float:
    """A column width that fits the longest text, within [lo, hi]."""
    longest = max((len(x) for x in texts if x), default=lo)
    return float(min(max(longest + 2, lo), hi))


def write_title(ws: Any, fmt: Formats, title: str, subtitle: str, note: str) -> None:
    """Title, subtitle and note: the three rows above every table (always plain text)."""
    ws.write_string(0, 0, title, fmt(bold=True, font_size=14))
    ws.write_string(1, 0, subtitle, fmt(italic=True))
    ws.write_string(2, 0, note, fmt(font_color="#555555"))


def write_value(ws: Any, row: int, col: int, value: float, cell_fmt: Any, formula: str | None) -> None:
    """A formula with its computed value, a number, or a blank where there is none."""
    if formula is not None:
        ws.write_formula(row, col, formula, cell_fmt, float(value))
    elif finite(value):
        ws.write_number(row, col, float(value), cell_fmt)
    else:
        ws.write_blank(row, col, None, cell_fmt)


def page_setup(ws: Any, header_row: int, *, repeat_first_col: bool = False) -> None:
    """A4 landscape, fit to the page width, header rows repeated on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, header_row)
    if repeat_first_col:
        ws.repeat_columns(0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.freeze_panes(header_row + 1, 1 if repeat_first_col else 0)


def protect(ws: Any) -> None:
    """Lock every cell but the unlocked (yellow) inputs, without a password.

    A typo can then no longer overwrite a formula; a reader who wants to change
    the structure can unprotect the sheet (Review → Unprotect) since there is no
    password. Column widths, sorting and filters stay free.
    """
    ws.protect("", {
        "format_columns": True, "format_rows": True, "sort": True, "autofilter": True,
        "select_locked_cells": True, "select_unlocked_cells": True,
    })
