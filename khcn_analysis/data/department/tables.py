"""What the department's template holds: its sheets, columns, units and fixed layout.

One definition serves the writer (``template.py``), the reader (``reader.py``) and
the store (``store.py``): a column's variable id, unit and basis here are exactly
what the stored CSV row carries, so a figure can never change meaning between the
sheet the officer typed into and the raw source the build reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from khcn_analysis.core.catalogue import t

__all__ = [
    "CODE_ROW",
    "FIRST_DATA_ROW",
    "FIRST_YEAR",
    "HEADER_ROW",
    "LAST_YEAR",
    "MARKER_SHEET",
    "META_FIELDS",
    "META_VALUE_COLUMN",
    "NOTE_CODE",
    "SOURCE_CODE",
    "SOURCE_COLUMNS",
    "TABLES",
    "TEMPLATE_ID",
    "TEMPLATE_VERSION",
    "TITLE_ROW",
    "VALIDATED_ROWS",
    "YEAR_CODE",
    "Column",
    "Kind",
    "MetaField",
    "Table",
    "instructions_sheet",
    "meta_row",
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

Kind = Literal["amount", "count", "fte", "share"]


@dataclass(frozen=True)
class MetaField:
    """A cell on the instructions sheet about who filled the file."""

    key: str
    row: int
    required: bool

    def label(self, lang: str) -> str:
        return t(f"department.meta.{self.key}", lang)


META_FIELDS = (
    MetaField("filled_by", 4, True),
    MetaField("organisation", 5, True),
    MetaField("filled_on", 6, True),
    MetaField("contact", 7, False),
)
META_VALUE_COLUMN = "B"


def meta_row(key: str) -> int:
    return next(f.row for f in META_FIELDS if f.key == key)


def instructions_sheet(lang: str) -> str:
    return t("department.sheet.instructions", lang)


@dataclass(frozen=True)
class Column:
    """One value column: the variable id, unit and basis of the stored row; words from the catalogue."""

    variable: str
    kind: Kind
    unit: str  # as in sources.csv
    basis: str

    def label(self, lang: str) -> str:
        return t(f"department.label.{self.variable}", lang)

    def unit_text(self, lang: str) -> str:
        return t(f"department.unit.{self.variable}", lang)

    def header(self, lang: str) -> str:
        return f"{self.label(lang)}\n({self.unit_text(lang)})"


@dataclass(frozen=True)
class Table:
    """One sheet of the template: one row per year, one column per variable."""

    key: str
    columns: tuple[Column, ...]

    def sheet(self, lang: str) -> str:
        return t(f"department.sheet.{self.key}", lang)

    def title(self, lang: str) -> str:
        return t(f"department.title.{self.key}", lang)

    def codes(self) -> list[str]:
        return [YEAR_CODE, *(c.variable for c in self.columns), SOURCE_CODE, NOTE_CODE]


def _money(variable: str) -> Column:
    return Column(variable, "amount", "billion VND", "current")


TABLES: tuple[Table, ...] = (
    Table("money", tuple(_money(v) for v in (
        "st_budget", "st_investment", "budget_expenditure", "budget_revenue_local",
        "st_fund_contribution"))),
    Table("researchers", (
        Column("researchers", "count", "persons", "headcount"),
        Column("researchers_fte", "fte", "persons", "FTE"),
    )),
    Table("targets", (
        Column("tfp_contribution_growth", "share", "%", "n/a"),
        Column("technology_renewal_rate", "share", "% per year", "n/a"),
        Column("national_brand_products", "count", "products", "n/a"),
        Column("techmart_held", "count", "events", "n/a"),
    )),
)
