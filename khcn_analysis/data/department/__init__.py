"""The department's own figures: an Excel input template, its import as a raw source, its history.

The public record for Lai Châu is patchy, but the provincial S&T department (Sở KH&CN)
knows its actual spending, budget and researchers. ``write_template`` gives it an Excel
file to fill (``template.py``, laid out by ``tables.py``); ``import_template`` reads the
filled file under size caps (``limits.py``), checks every cell (``reader.py``,
``checks.py``) and, only if nothing is wrong, stores the figures as a new dated CSV in
``data/raw/department/`` (``store.py``), which the build then prefers over every other
row and over assumptions. Every import is a new version; ``history`` lists them and
``revert`` makes an earlier one current again (``history.py``), nothing deleted.
"""

from __future__ import annotations

from khcn_analysis.data.department.checks import ABSURD_FIGURE
from khcn_analysis.data.department.history import (
    HistoryRow,
    history,
    history_text,
    resolve_import,
    revert,
)
from khcn_analysis.data.department.reader import Figure, FilledTemplate, read_filled_template
from khcn_analysis.data.department.screen import ImplausibleFigures
from khcn_analysis.data.department.store import (
    ImportResult,
    import_filled_template,
    import_template,
    safe_text,
)
from khcn_analysis.data.department.tables import (
    CODE_ROW,
    FIRST_DATA_ROW,
    FIRST_YEAR,
    HEADER_ROW,
    LAST_YEAR,
    SOURCE_COLUMNS,
    TABLES,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
)
from khcn_analysis.data.department.template import write_template

__all__ = [
    "ABSURD_FIGURE",
    "CODE_ROW",
    "FIRST_DATA_ROW",
    "FIRST_YEAR",
    "HEADER_ROW",
    "LAST_YEAR",
    "SOURCE_COLUMNS",
    "TABLES",
    "TEMPLATE_ID",
    "TEMPLATE_VERSION",
    "Figure",
    "FilledTemplate",
    "HistoryRow",
    "ImplausibleFigures",
    "ImportResult",
    "history",
    "history_text",
    "import_filled_template",
    "import_template",
    "read_filled_template",
    "resolve_import",
    "revert",
    "safe_text",
    "write_template",
]
