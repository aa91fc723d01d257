"""The plan's own half-year report (``khcn progress``): where each target stands, what changed,
the money, and the data still missing, as a Vietnamese administrative report to the
Provincial People's Committee.

Plan 182 asks for it in its closing paragraph ("định kỳ 6 tháng báo cáo kết quả thực hiện
về UBND tỉnh (qua Sở Khoa học và Công nghệ) để tổng hợp"). Each report keeps a small
snapshot of what it knew (``reports/progress/<period>/snapshot.json``, never overwritten)
so the next one can say what moved since, and why.

Modules: ``periods`` (the half-years and their rules), ``snapshot`` (taking, storing,
reading), ``changes`` (what moved and why), ``annex`` (the data requests), ``money``
(budget against spending), ``received`` (the Department's imports), ``compose`` and the
``*_section`` modules (the Word document), ``make`` (the recipe).

>>> from khcn_analysis.report.progress import write_progress_report
>>> write_progress_report("2026-H2", "bao-cao.docx", pdf=True)
"""

from __future__ import annotations

from khcn_analysis.report.progress.make import (
    DEFAULT_SCENARIO,
    ProgressReport,
    default_out,
    due_period,
    scheduled_report,
    write_progress_report,
)
from khcn_analysis.report.progress.periods import Period, current_period, parse_period
from khcn_analysis.report.progress.snapshot import (
    AlreadyReported,
    read_snapshot,
    snapshot_path,
    snapshots,
)

__all__ = [
    "DEFAULT_SCENARIO",
    "AlreadyReported",
    "Period",
    "ProgressReport",
    "current_period",
    "default_out",
    "due_period",
    "parse_period",
    "read_snapshot",
    "scheduled_report",
    "snapshot_path",
    "snapshots",
    "write_progress_report",
]
