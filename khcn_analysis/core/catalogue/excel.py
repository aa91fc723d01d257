"""The words of the Excel workbook (``khcn export-xlsx``, ``khcn_analysis/present/excel/``).

Parameter names come from ``param.*`` / ``choice.*`` (parameters.py), value
statuses and verdicts from ``status.*`` / ``verdict.*`` (status.py), publishers
from ``sources.*`` (sources.py); the rest is here. Excel limits a data-validation
title to 32 characters and a message to 255.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # sheets (Excel: at most 31 characters, no []:*?/\)
    "excel.sheet.summary": ("Tổng hợp", "Summary"),
    "excel.sheet.projection": ("Dự báo", "Projection"),
    "excel.sheet.assumptions": ("Giả định", "Assumptions"),
    "excel.sheet.sources": ("Nguồn", "Sources"),
    "excel.sheet.charts": ("Biểu đồ", "Charts"),
    # shared
    "excel.title": ("Kế hoạch KH&CN tỉnh Lai Châu: kịch bản “{title}”", "Lai Châu S&T plan: scenario {title}"),
    "excel.year": ("Năm", "Year"),
    "excel.status": ("Trạng thái số liệu", "Status of each value"),
    "excel.status_of": ("Trạng thái: {series}", "Status: {series}"),
    "excel.legend": ("Chú giải trạng thái", "Status legend"),
    "excel.sufficiency": ("Mức đáp ứng kinh phí (% nhu cầu; 100% = vừa đủ)",
                          "Funding sufficiency (% of the need; 100% = just enough)"),
    # Summary
    "excel.summary.heading": ("Mục tiêu của Kế hoạch 182 so với dự báo (2015, 2020, 2030)",
                              "Plan 182 targets against the projection (2015, 2020, 2030)"),
    "excel.summary.note": (
        "Kết luận và Mức độ bằng chứng là của phần mềm, đã thử mọi giá trị hợp lý của các giả định. "
        "Các cột Giá trị, Đạt ở giá trị trung tâm? và Thiếu hụt là công thức: sửa ô màu vàng ở trang "
        "Giả định, các cột này tự tính lại (Kết luận thì không).",
        "Verdict and Evidence grade are the workbook's, over every plausible value of the assumptions. "
        "Value, Met at central values? and Gap are formulas: edit a yellow cell on the Assumptions sheet "
        "and they recalculate (the Verdict does not)."),
    "excel.summary.head.target": ("Mục tiêu", "Target"),
    "excel.summary.head.clause": ("Mục của Kế hoạch", "Plan clause"),
    "excel.summary.head.indicator": ("Chỉ tiêu", "Indicator"),
    "excel.summary.head.year": ("Năm", "Year"),
    "excel.summary.head.value": ("Giá trị dự báo", "Projected value"),
    "excel.summary.head.target_text": ("Mức mục tiêu", "Target level"),
    "excel.summary.head.lower": ("Cận dưới", "Lower bound"),
    "excel.summary.head.upper": ("Cận trên", "Upper bound"),
    "excel.summary.head.unit": ("Đơn vị", "Unit"),
    "excel.summary.head.verdict": ("Kết luận", "Verdict"),
    "excel.summary.head.grade": ("Mức độ bằng chứng", "Evidence grade"),
    "excel.summary.head.met": ("Đạt ở giá trị trung tâm?", "Met at central values?"),
    "excel.summary.head.gap": ("Thiếu hụt", "Gap"),
    "excel.summary.head.gap_unit": ("Đơn vị thiếu hụt", "Gap unit"),
    "excel.summary.head.sufficiency": ("Mức đáp ứng kinh phí (% nhu cầu; 100% = vừa đủ)",
                                       "Funding sufficiency (% of the need; 100% = just enough)"),
    "excel.summary.head.note": ("Ghi chú", "Note"),
    "excel.clause.closing": ("{section}, đoạn cuối", "{section}, closing paragraph"),
    "excel.note.hand_tracked": ("Theo dõi thủ công: sổ tính không có chuỗi số liệu này (Sở KH&CN cập nhật)",
                                "Tracked by hand: the workbook has no series for it (the department enters it)"),
    "excel.note.no_series": ("Chưa có số liệu về {indicator}: không có số liệu ghi nhận và kịch bản không giả định",
                             "No data for {indicator}: nothing recorded and the scenario assumes nothing"),
    "excel.note.no_value": ("Chưa có số liệu về {indicator} năm {year}", "No data for {indicator} in {year}"),
    "excel.note.above_range": ("Vượt khoảng mục tiêu: đã qua mức cần đạt",
                               "Above the target range: the level to reach is passed"),
    # Projection
    "excel.projection.title": ("Dự báo theo năm 2010–2030: {title}", "Yearly projection 2010–2030: {title}"),
    "excel.projection.note": (
        "Màu nền cho biết trạng thái số liệu (chú giải bên dưới; bảng trạng thái bên phải). "
        "Các chỉ tiêu suy ra là công thức Excel.",
        "Background colour shows each value's status (legend below; status table on the right). "
        "Derived indicators are Excel formulas."),
    "excel.projection.target_path": ("Lộ trình mục tiêu: {indicator} ({unit})", "Target path: {indicator} ({unit})"),
    # Assumptions
    "excel.assumptions.title": ("Giả định của kịch bản (ô màu vàng có thể sửa)",
                                "Scenario assumptions (yellow cells may be edited)"),
    "excel.assumptions.note": (
        "Sửa ô màu vàng, Excel tính lại trang Dự báo và Tổng hợp. Các ô khác được khóa (không đặt mật khẩu). "
        "Ô màu vàng chứa công thức (thu ngân sách tăng cùng GRDP) cũng có thể ghi đè bằng một số.",
        "Edit a yellow cell and Excel recalculates the Projection and Summary sheets. Other cells are locked "
        "(no password). A yellow cell holding a formula (revenue growing with GRDP) may be overwritten "
        "with a number."),
    "excel.assumptions.head.id": ("Tên ô (dùng trong công thức)", "Cell name (used in formulas)"),
    "excel.assumptions.head.item": ("Nội dung", "Item"),
    "excel.assumptions.head.value": ("Giá trị", "Value"),
    "excel.assumptions.head.unit": ("Đơn vị", "Unit"),
    "excel.assumptions.head.reason": ("Lý do", "Reason"),
    "excel.assumptions.head.source": ("Mã nguồn (xem trang Nguồn)", "Source ids (see the Sources sheet)"),
    "excel.assumptions.info": ("Kịch bản", "Scenario"),
    "excel.assumptions.params": ("Tham số kịch bản", "Scenario parameters"),
    "excel.assumptions.base": ("Số liệu giả định làm đầu vào", "Assumed base values"),
    "excel.info.name": ("Mã kịch bản", "Scenario id"),
    "excel.info.title": ("Tên kịch bản", "Scenario name"),
    "excel.info.description": ("Mô tả", "Description"),
    "excel.param.st_budget_trend_growth_pct": ("Tăng chi KH&CN theo xu hướng gần nhất (%/năm)",
                                               "Recent trend of state S&T spending (% per year)"),
    "excel.base.value": ("{indicator}, năm {year}", "{indicator}, {year}"),
    "excel.base.anchor": ("{indicator}, năm {year} (điểm xuất phát của chuỗi dự báo, không hiện ở trang Dự báo)",
                          "{indicator}, {year} (starting point of the projected path, not shown on the "
                          "Projection sheet)"),
    # reasons
    "excel.reason.scenario": ("Giả định của kịch bản “{title}”.", "Assumption of the scenario '{title}'."),
    "excel.reason.scenario_cited": ("Giả định của kịch bản “{title}”; căn cứ: các nguồn ở cột bên phải.",
                                    "Assumption of the scenario '{title}'; based on the sources in the next column."),
    "excel.reason.trend": ("Xu hướng gần nhất ({years} năm) của số liệu đã ghi nhận.",
                           "Recent trend ({years} years) of the recorded series."),
    "excel.reason.revenue_with_grdp": (
        "Kịch bản không nêu: thu ngân sách tăng cùng GRDP (ô chứa công thức =grdp_growth_pct).",
        "Not set by the scenario: revenue grows with GRDP (the cell holds =grdp_growth_pct)."),
    "excel.reason.st_budget_trend": ("Tính từ chi KH&CN đã ghi nhận, {years} năm gần nhất.",
                                     "Computed from recorded S&T spending, last {years} years."),
    "excel.reason.plan_minimum": ("Mức tối thiểu của Kế hoạch (mục D.IV).", "The plan's minimum (clause D.IV)."),
    "excel.reason.recorded": ("Số liệu ghi nhận.", "Recorded value."),
    "excel.reason.assumed": ("Giả định của bộ số liệu (không có nguồn trực tiếp).",
                             "Assumption of the data set (no direct source)."),
    # the shipped assumptions (data/raw/assumptions.yaml, whose reasons are in English), by id
    "excel.assumption.st_budget_2022_recurrent_line": (
        "Không nguồn nào cho biết tổng chi ngân sách nhà nước cho KH&CN của tỉnh. Dòng chi thường xuyên cho "
        "KH&CN của ngân sách cấp tỉnh năm 2022 (dự toán, biểu B50) là số liệu duy nhất nên được dùng thay, "
        "như một CẬN DƯỚI: chưa gồm chi đầu tư cho KH&CN, chi cấp huyện và Quỹ phát triển KH&CN.",
        "No source gives the province's total state S&T spending. The 2022 recurrent S&T line of the "
        "provincial-level budget (plan, form B50) stands in for it as a LOWER BOUND: S&T capital spending, "
        "district-level spending and the S&T fund are left out."),
    "excel.assumption.st_budget_ratio_recurrent": (
        "Phương pháp tỷ lệ: giữ nguyên tỷ lệ của dòng chi KH&CN năm 2022 so với tổng chi thường xuyên các cấp "
        "(dự toán, biểu B46) và áp dụng cho chi thường xuyên từng năm 2018–2023. Giả thiết chi KH&CN biến động "
        "cùng chi thường xuyên; là cận dưới như số năm 2022.",
        "Ratio method: the 2022 S&T line's share of all-levels recurrent spending (plans, form B46) is held "
        "and applied to each year's recurrent spending plan 2018–2023. Assumes S&T spending moved with "
        "recurrent spending; a lower bound like the 2022 line."),
    "excel.assumption.st_investment_state_share": (
        "Tổng đầu tư xã hội cho KH&CN = chi ngân sách nhà nước cho KH&CN chia cho 0,70, tỷ trọng của ngân sách "
        "nhà nước trong đầu tư cho KH&CN của cả nước khoảng năm 2015. Tỉnh không có số liệu về vốn ngoài ngân "
        "sách; cách tính này có thể phóng đại phần vốn ngoài ngân sách đối với một tỉnh miền núi còn nghèo.",
        "Total social S&T investment = state S&T spending ÷ 0.70, the national state-budget share of S&T "
        "investment c.2015. The province has no figure for non-state money; this probably overstates it for "
        "a poor mountain province."),
    "excel.assumption.researchers_national_density_scaled": (
        "Chưa có số liệu về số cán bộ nghiên cứu của tỉnh. Năm gốc 2011 (năm có số liệu toàn quốc): mật độ cán "
        "bộ nghiên cứu của cả nước (105.230 người trên 87.860,4 nghìn dân), nhân với tỷ lệ lao động qua đào tạo "
        "của tỉnh so với cả nước, nhân với dân số của tỉnh năm 2011. Đây là giả định, không phải số đếm; biên "
        "chế của Sở KH&CN (46 người, 2014) chỉ cho biết mức tối thiểu của lực lượng KH&CN nhà nước.",
        "No researcher count exists for the province. Base year 2011, the year of the national headcount: "
        "national researchers per 10,000 people scaled by the province's trained-worker share relative to "
        "the national one, times the province's 2011 population. An assumption, not a count."),
    # any other assumption: its rule (data/raw/assumptions.yaml `rule`), described
    "excel.rule.value": ("Giá trị giả định; lý do ghi trong tệp giả định của bộ số liệu.",
                         "An assumed value; its reason is in the data set's assumptions file."),
    "excel.rule.copy_fact": ("Lấy một số liệu có nguồn gần nhất làm số thay thế.",
                             "A sourced figure stands in for the missing one."),
    "excel.rule.ratio_to_recurrent": ("Giữ tỷ lệ so với chi thường xuyên của một năm có số liệu.",
                                      "The share of recurrent spending of a recorded year is held."),
    "excel.rule.divide_by_state_share": ("Chia cho tỷ trọng của ngân sách nhà nước trong tổng đầu tư.",
                                         "Divided by the state budget's share of total investment."),
    "excel.rule.national_density_scaled": ("Mật độ của cả nước, điều chỉnh theo đặc điểm của tỉnh.",
                                           "The national density, scaled to the province."),
    # data validation
    "excel.range.between": ("từ {lo} đến {hi}", "from {lo} to {hi}"),
    "excel.range.below": ("từ {lo} đến dưới {hi}", "from {lo} to below {hi}"),
    "excel.range.at_least": ("từ {lo} trở lên", "of {lo} or more"),
    "excel.validate.input_title": ("Giá trị được phép", "Allowed values"),
    "excel.validate.input_message": (
        "Nhập một số {range} ({unit}). Giới hạn lấy từ mô hình kịch bản; các trang khác tự tính lại.",
        "Enter a number {range} ({unit}). The range is the scenario model's; the other sheets recalculate."),
    "excel.validate.error_title": ("Giá trị ngoài giới hạn", "Value out of range"),
    "excel.validate.error_message": (
        "Ô này chỉ nhận một số {range} ({unit}). Hãy nhập lại.",
        "This cell takes a number {range} ({unit}). Please enter it again."),
    # Sources
    "excel.sources.title": ("Nguồn của mọi số liệu dùng trong sổ này", "Sources of every figure used in this workbook"),
    "excel.sources.subtitle": (
        "Trích dẫn được giữ nguyên văn, bằng ngôn ngữ của nguồn.",
        "Quotes are kept verbatim, in the source's own language."),
    "excel.sources.note": ("Các dòng tô màu là giả định, không phải số liệu có nguồn.",
                           "Shaded rows are assumptions, not sourced figures."),
    "excel.sources.head.id": ("Mã nguồn", "Source id"),
    "excel.sources.head.kind": ("Loại", "Kind"),
    "excel.sources.head.publisher": ("Đơn vị công bố", "Publisher"),
    "excel.sources.head.url": ("Đường dẫn (URL) hoặc tệp", "URL or file"),
    "excel.sources.head.quote": ("Trích dẫn nguyên văn / lý do", "Verbatim quote / reason"),
    "excel.sources.head.quality": ("Mức tin cậy", "Quality"),
    "excel.sources.missing": ("Không có trong bảng nguồn của bộ số liệu", "Not in the data set's sources table"),
    "excel.kind.fact": ("Số liệu có nguồn", "Sourced figure"),
    "excel.kind.assumption": ("Giả định", "Assumption"),
    "excel.kind.scenario": ("Giả định của kịch bản", "Scenario assumption"),
    "excel.kind.plan": ("Kế hoạch", "Plan"),
    "excel.kind.department": ("Số liệu của Sở KH&CN", "Department figure"),
    "excel.publisher.scenario": ("Kịch bản “{title}”", "Scenario '{title}'"),
    "excel.publisher.assumption": ("Giả định của sổ tính: {indicator}", "Workbook assumption: {indicator}"),
    "excel.quality.official": ("Chính thức", "Official"),
    "excel.quality.official-mirror": ("Bản sao của nguồn chính thức", "Copy of an official source"),
    "excel.quality.press": ("Báo chí", "Press"),
    "excel.quality.secondary": ("Thứ cấp", "Secondary"),
    "excel.quality.aggregator": ("Trang tổng hợp", "Aggregator"),
    "excel.quality.department": ("Sở KH&CN", "Department"),
    "excel.quality.assumption": ("Giả định", "Assumption"),
    "excel.quality.plan": ("Văn bản kế hoạch", "Plan document"),
    # Charts
    "excel.charts.title": ("Biểu đồ", "Charts"),
    "excel.charts.target": ("Mục tiêu: {indicator}", "Target: {indicator}"),
    "excel.charts.target_upper": ("Mục tiêu: {indicator} (cận trên)", "Target: {indicator} (upper bound)"),
    "excel.charts.with_targets": ("{indicator} và mục tiêu", "{indicator}, with targets"),
}
