"""A scenario's run as an Excel workbook that recalculates.

Planners work in Excel: they change an assumption and expect the shares,
densities, sufficiency and verdicts to follow. So the derived indicators, the
projected base series whose engine rule is a simple formula, and the summary's
verdicts are live formulas over the Assumptions and Projection cells. Each
formula also carries the library's computed value, because file previews,
phones and ``pandas`` do not recalculate and would otherwise show nothing.

The workbook receives a :class:`~khcn_analysis.pipeline.Results`; it never reads
``data/processed`` nor runs the engine. Modules, one sheet or concept each:

- ``workbook`` — the recipe: :func:`write_workbook` (atomic, in memory first);
- ``layout`` — sheet roles and names, column order, cell references, :class:`WorkbookLayout`;
- ``formats`` — cell formats, status colours, page set-up, sheet protection;
- ``grid`` — the run's values, statuses and sources on the year grid;
- ``parameters`` — the scenario parameters as named, bounded inputs;
- ``inputs`` — the Assumptions sheet (yellow cells with data validation);
- ``formulas`` — the engine's rules as Excel formulas (tables of rules);
- ``projection`` — the Projection sheet;
- ``summary`` — the Summary sheet: the judge's verdicts, and the judge's comparator in Excel;
- ``sources`` — the Sources sheet;
- ``charts`` — native Excel charts.

Text that came from a file or a user (scenario titles and descriptions, notes,
quotes) is always written with ``write_string`` and the workbook is opened with
``strings_to_formulas=False``: a description starting with ``=`` stays text and
can never run as a formula.
"""

from __future__ import annotations

from khcn_analysis.present.excel.layout import SHEET_ROLES, WorkbookLayout, sheet_names
from khcn_analysis.present.excel.workbook import default_output, write_workbook

__all__ = ["SHEET_ROLES", "WorkbookLayout", "default_output", "sheet_names", "write_workbook"]
