"""The scenario explorer's words (``khcn explore``, notebook 06).

Parameter names and their choices come from ``param.*`` / ``choice.*``
(parameters.py), value statuses and verdicts from ``status.*`` / ``verdict.*``
(status.py), funding "enough"/"short" from ``sufficiency.*`` (status.py); this file
holds only what the explorer alone says.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the page
    "explore.title": ("Khám phá kịch bản KH&CN tỉnh Lai Châu", "Explore S&T scenarios, Lai Châu province"),
    "explore.intro": (
        "Thay đổi giả định ở cột trái: bảng và biểu đồ cập nhật ngay. Các năm đã có số liệu giữ "
        "nguyên; chỉ các năm dự báo thay đổi. Mục tiêu theo Kế hoạch 182/QĐ-UBND (2013).",
        "Change an assumption on the left: the table and charts update at once. Recorded years stay "
        "as recorded; only projected years change. Targets from Plan 182/QĐ-UBND (2013).",
    ),
    "explore.assumptions": ("Giả định", "Assumptions"),
    "explore.base": ("Bắt đầu từ kịch bản", "Start from scenario"),
    "explore.lang": ("Ngôn ngữ", "Language"),
    "explore.language.vi": ("Tiếng Việt", "Tiếng Việt"),
    "explore.language.en": ("English", "English"),
    "explore.budget_level": ("Mức chi so với quy tắc (100% = đúng quy tắc)",
                             "Spending as a share of the rule (100% = the rule)"),
    "explore.with_unit": ("{label} ({unit})", "{label} ({unit})"),
    "explore.meet_targets_note": ("Số cán bộ vừa đủ đạt mục tiêu: mức tăng không dùng.",
                                  "Researchers exactly on the targets' path: the growth is not used."),
    "explore.scenario": ("Kịch bản", "Scenario"),
    "explore.modified": ("đã điều chỉnh từ", "adjusted from"),
    "explore.error": ("Lỗi", "Error"),
    # units of the slider read-outs
    "explore.unit.pct_year": ("%/năm", "% a year"),
    "explore.unit.persons_year": ("người/năm", "persons a year"),
    "explore.unit.pct": ("%", "%"),
    "explore.unit.times": ("lần", "times"),
    # save
    "explore.save.title": ("Lưu thành kịch bản mới", "Save as a new scenario"),
    "explore.save.name": ("Tên (chữ thường, số, _)", "Name (lower-case, digits, _)"),
    "explore.save.note": ("Lý do / ghi chú", "Reason / note"),
    "explore.save.overwrite": ("Cho phép ghi đè kịch bản đã lưu từ trang này",
                               "Allow overwriting a scenario saved from this page"),
    "explore.save.button": ("Lưu kịch bản", "Save scenario"),
    "explore.save.done": ("Đã lưu: {path}", "Saved: {path}"),
    "explore.save.refused": ("Không lưu: {reason}", "Not saved: {reason}"),
    "explore.refused.name": (
        "tên “{name}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và “_”, bắt đầu bằng một "
        "chữ cái, tối đa 64 ký tự (tên trở thành tệp scenarios/<tên>.yaml, không phải một đường dẫn)",
        "“{name}” is not a valid name: lower-case letters, digits and “_”, starting with a letter, "
        "at most 64 characters (the name becomes scenarios/<name>.yaml; it cannot be a path)",
    ),
    "explore.refused.shipped": ("“{name}” là kịch bản có sẵn và không bao giờ bị ghi đè: hãy chọn tên khác",
                                "“{name}” is a shipped scenario and is never overwritten: choose another name"),
    "explore.refused.exists": (
        "đã có kịch bản “{name}” lưu từ trang này: chọn tên khác, hoặc đánh dấu ô cho phép ghi đè",
        "a scenario “{name}” saved from this page exists: choose another name, or tick the box to overwrite it",
    ),
    "explore.refused.raced": ("tệp “{name}” vừa được tạo trong lúc lưu: hãy chọn tên khác",
                              "the file “{name}” was created while saving: choose another name"),
    # the description and file written for a saved scenario (both languages go into the file)
    "explore.saved.origin": ("Lưu từ trang khám phá kịch bản ngày {day}, dựa trên kịch bản {base}.",
                             "Saved from the scenario explorer on {day}, starting from scenario {base}."),
    "explore.saved.changes": ("Thay đổi: {changes}.", "Changed: {changes}."),
    "explore.saved.no_change": ("Không thay đổi giả định nào.", "No assumption changed."),
    "explore.saved.reason": ("Lý do: {note}", "Reason: {note}"),
    # export
    "explore.export.title": ("Xuất biểu đồ và bảng Excel", "Export charts and the Excel workbook"),
    "explore.export.folder": ("Thư mục", "Folder"),
    "explore.export.button": ("Xuất", "Export"),
    "explore.export.busy": ("Đang xuất…", "Exporting…"),
    "explore.export.done": ("Đã xuất {n} tệp vào {folder}", "Wrote {n} files to {folder}"),
    "explore.export.failed": ("Không xuất được: {reason}", "Export failed: {reason}"),
    "explore.export.exists": ("thư mục {folder} đã có: hãy thử lại sau một giây",
                              "the folder {folder} exists already: try again in a second"),
    # the milestone table
    "explore.table.indicator": ("Chỉ tiêu", "Indicator"),
    "explore.table.target": ("mục tiêu: {target}", "target: {target}"),
    "explore.table.no_target": ("không có mục tiêu năm này", "no target this year"),
    "explore.table.short_by": ("thiếu {amount}", "short by {amount}"),
    "explore.table.above_range": ("vượt khoảng mục tiêu {amount}", "{amount} above the range"),
    "explore.table.sufficiency_target": ("100% = vừa đủ", "100% = just enough"),
    "explore.table.sufficiency_unit": ("% mức cần", "% of the need"),
    # the live charts
    "explore.chart.target": ("mục tiêu", "target"),
    "explore.chart.finding.met": ("Đạt mục tiêu {years}", "Meets the {years} target"),
    "explore.chart.finding.missed": ("Chưa đạt mục tiêu {years}", "Misses the {years} target"),
    "explore.chart.finding.open": ("Chưa xác định mục tiêu {years}", "Undetermined: the {years} target"),
    "explore.chart.finding.and": ("{first}; {second}", "{first}; {second}"),
    "explore.chart.finding.both": ("Đạt mục tiêu {met}; chưa đạt mục tiêu {missed}",
                                   "Meets the {met} target; misses the {missed} target"),
    "explore.chart.sufficiency.title": ("Mức đáp ứng kinh phí: đầu tư / mức cần để đạt mục tiêu (%)",
                                        "Funding sufficiency: investment / what the targets need (%)"),
    "explore.chart.sufficiency.short": ("Thiếu kinh phí năm {years}", "Short of money in {years}"),
    "explore.chart.sufficiency.enough": ("Đủ kinh phí ở mọi năm mốc", "Enough money in every milestone year"),
    # khcn explore (its other lines are cli.explore.* in cli.py)
    "explore.cli.too_many": ("Đang có quá nhiều trang khám phá được mở: hãy đóng bớt một trang rồi tải lại.",
                             "Too many explorer pages are open: close one, then reload this page."),
}
