"""Words of the batch report: the notebooks' titles and the index page.

A notebook's run status is a *run* word (done, error, not run), never "đạt" (met):
"met" is the judge's verdict on a target, and the index page once used it for a
notebook that had merely finished.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the notebooks of the batch, by file stem
    "report.notebook.01_plan_audit": ("Kiểm tra Kế hoạch 2013", "Audit of the 2013 plan"),
    "report.notebook.02_baseline_data": ("Số liệu nền", "Baseline data"),
    "report.notebook.03_scenario_report": ("Báo cáo kịch bản", "Scenario report"),
    "report.notebook.04_scenario_comparison": ("So sánh kịch bản", "Scenario comparison"),
    "report.notebook.05_uncertainty": ("Độ bất định", "Uncertainty"),
    # index page
    "report.index.title": ("Báo cáo KH&CN tỉnh Lai Châu", "Lai Châu S&T reports"),
    "report.index.subtitle": ("Bộ báo cáo tự động từ sổ tay phân tích (Quyết định 182/QĐ-UBND, 2013)",
                              "Reports generated from the analytical workbook (Decision 182/QĐ-UBND, 2013)"),
    "report.index.run": ("Lần chạy", "Run"),
    "report.index.made": ("Thời điểm tạo (UTC)", "Generated (UTC)"),
    "report.index.status": ("Trạng thái", "Status"),
    "report.index.general": ("Báo cáo chung", "General reports"),
    "report.index.scenario": ("Kịch bản: {title}", "Scenario: {title}"),
    "report.index.report": ("Báo cáo", "Report"),
    "report.index.notebook": ("Sổ tay đã chạy", "Executed notebook"),
    "report.index.files": ("Biểu đồ và bảng", "Charts and tables"),
    "report.index.duration": ("Thời gian", "Time"),
    "report.index.seconds": ("{seconds} giây", "{seconds} s"),
    "report.index.manifest": ("Danh mục đầu vào và phiên bản (manifest.json)", "Inputs and versions (manifest.json)"),
    "report.index.not_built": ("Chưa xây dựng", "Not built yet"),
    # the run as a whole, and one notebook's run
    "report.run.complete": ("Hoàn tất", "Complete"),
    "report.run.failed": ("Có lỗi", "Failed"),
    "report.job.ok": ("Hoàn tất", "Done"),
    "report.job.reused": ("Hoàn tất (không đổi từ lần chạy {run})", "Done (unchanged since run {run})"),
    "report.job.error": ("Lỗi", "Error"),
    "report.job.not_run": ("Không chạy", "Not run"),
}
