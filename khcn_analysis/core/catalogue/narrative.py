"""Words of the report pages (notebooks 03–05): headings, table columns, briefing sentences.

Sentences are templates with ``{fields}`` so that every number in the prose comes from
data and the Vietnamese and English versions stay one entry.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # table columns
    "narrative.col.indicator": ("Chỉ tiêu", "Indicator"),
    "narrative.col.unit": ("Đơn vị", "Unit"),
    "narrative.col.target": ("Mục tiêu", "Target"),
    "narrative.col.year": ("Năm", "Year"),
    "narrative.col.year_value": ("{year}", "{year}"),
    "narrative.col.value": ("Giá trị", "Value"),
    "narrative.col.result": ("Kết quả", "Result"),
    "narrative.col.gap": ("Còn thiếu", "Shortfall"),
    "narrative.col.clause": ("Điều khoản", "Clause"),
    "narrative.col.phase": ("Giai đoạn", "Period"),
    "narrative.col.invested": ("Đầu tư KH&CN", "S&T investment"),
    "narrative.col.needed": ("Cần để đạt mục tiêu", "Needed for the target"),
    "narrative.col.sufficiency": ("Mức đáp ứng", "Sufficiency"),
    "narrative.col.plan_budget": ("Kinh phí theo kế hoạch", "Plan budget"),
    "narrative.col.extra": ("Cần thêm ngoài kế hoạch", "Needed beyond the plan"),
    "narrative.col.researchers_end": ("Cán bộ nghiên cứu cần cuối kỳ", "Researchers needed at the end"),
    "narrative.col.parameter": ("Tham số", "Parameter"),
    "narrative.col.source": ("Nguồn", "Source"),
    "narrative.col.source_id": ("Mã nguồn", "Source id"),
    "narrative.col.kind": ("Loại", "Kind"),
    "narrative.col.detail": ("Chi tiết", "Details"),
    "narrative.col.uses": ("Số giá trị dùng", "Values using it"),
    "narrative.col.probability": ("Xác suất đạt", "Probability of meeting"),
    "narrative.col.scenario": ("Kịch bản", "Scenario"),
    "narrative.col.targets_met": ("Mục tiêu đạt {year}", "Targets met {year}"),
    # cells
    "narrative.cell.marked": ("{value} ({status})", "{value} ({status})"),
    "narrative.cell.after_plan": ("Sau kế hoạch ({start}–{end})", "After the plan ({start}–{end})"),
    "narrative.cell.above": ("vượt {amount}", "{amount} above"),
    "narrative.cell.distribution": ("{value} ({kind}: {low}–{high})", "{value} ({kind}: {low}–{high})"),
    "narrative.cell.with_unit": ("{value} {unit}", "{value} {unit}"),
    "narrative.cell.latest_year": ("năm gần nhất có số liệu", "the latest recorded year"),
    # clauses of the plan ("B.II item 3", "D' closing")
    "narrative.clause.item": ("{part}, mục {n}", "{part}, item {n}"),
    "narrative.clause.closing": ("{part}, phần cuối", "{part}, closing paragraph"),
    # where a value comes from
    "narrative.source.observed": ("Số liệu có nguồn", "Sourced figure"),
    "narrative.source.assumption": ("Giả định (có lý do)", "Assumption (with reason)"),
    "narrative.source.plan": ("Kế hoạch 2013", "2013 plan"),
    "narrative.source.scenario": ("Giả định của kịch bản", "Scenario assumption"),
    "narrative.source.department": ("Số liệu của Sở KH&CN", "Department of S&T figure"),
    "narrative.source.plan_phase": ("Kinh phí giai đoạn {start}–{end} ({clause})", "Budget for {start}–{end} ({clause})"),
    "narrative.source.plan_target": ("Mục tiêu tại {clause}", "Target in {clause}"),
    "narrative.source.scenario_named": ("Kịch bản “{title}”", "Scenario “{title}”"),
    "narrative.source.assumption_reason": ("Lý do ghi trong tệp data/raw/assumptions.yaml",
                                           "The reason is in the file data/raw/assumptions.yaml"),
    # headings
    "narrative.heading.h03": ("Báo cáo kịch bản", "Scenario report"),
    "narrative.heading.h04": ("So sánh các kịch bản", "Scenario comparison"),
    "narrative.heading.h05": ("Độ bất định của dự báo", "Uncertainty of the projection"),
    "narrative.heading.headline": ("Các chỉ tiêu chính năm 2015, 2020 và 2030", "Headline indicators in 2015, 2020 and 2030"),
    "narrative.heading.attainment": ("Mức đạt các mục tiêu của kế hoạch", "Attainment of the plan's targets"),
    "narrative.heading.funding": ("Kinh phí có đủ không? Mức đáp ứng theo giai đoạn",
                                  "Is the money enough? Sufficiency by period"),
    "narrative.heading.inverse": ("Cần bao nhiêu để đạt mục tiêu?", "What would the targets take?"),
    "narrative.heading.charts": ("Biểu đồ", "Charts"),
    "narrative.heading.assumptions": ("Giả định đã dùng và nguồn số liệu", "Assumptions used and their sources"),
    "narrative.heading.side_by_side": ("Các kịch bản đặt cạnh nhau", "Scenarios side by side"),
    "narrative.heading.targets_met": ("Số mục tiêu đạt theo kịch bản", "Targets met by scenario"),
    "narrative.heading.fans": ("Dải dự báo (biểu đồ quạt)", "Projection ranges (fan charts)"),
    "narrative.heading.probabilities": ("Xác suất đạt mục tiêu", "Probability of meeting the targets"),
    "narrative.heading.sensitivity": ("Tham số nào quan trọng nhất?", "Which parameter matters most?"),
    "narrative.heading.titled": ("{heading}: {title}", "{heading}: {title}"),
    "narrative.note.sources": (
        "Các nguồn được dùng nhiều nhất (đầy đủ trong tệp sources_used.csv bên cạnh báo cáo).",
        "The most used sources (all of them are in the file sources_used.csv beside this report).",
    ),
    # sentences
    "narrative.sentence.attainment": (
        "Năm {year}, kịch bản **{name}** đạt **{met}/{total}** mục tiêu tính được của kế hoạch",
        "In {year}, scenario **{name}** meets **{met} of {total}** computable plan targets",
    ),
    "narrative.sentence.missed": ("; chưa đạt: {names}.", "; missed: {names}."),
    "narrative.sentence.not_computable": (
        " {n} mục tiêu khác chưa tính được (cần số liệu do Sở KH&CN theo dõi).",
        " {n} other targets cannot be computed yet (the department tracks their figures).",
    ),
    "narrative.sentence.inverse": (
        "Để đạt mục tiêu tỷ lệ đầu tư KH&CN/GRDP trong {start}–{end}, tổng đầu tư xã hội cho KH&CN "
        "cần khoảng **{need}**, gấp **{ratio} lần** kinh phí kế hoạch ({plan}).",
        "To meet the S&T investment/GRDP targets in {start}–{end}, total social S&T investment would "
        "need about **{need}**, **{ratio} times** the plan's budget ({plan}).",
    ),
    "narrative.sentence.comparison": (
        "Năm {year}, {indicator} cao nhất ở kịch bản **{high}** ({high_value}) và thấp nhất ở **{low}** ({low_value}).",
        "In {year}, {indicator} is highest under **{high}** ({high_value}) and lowest under **{low}** ({low_value}).",
    ),
    "narrative.sentence.probability": (
        "Qua {draws} lần mô phỏng (hạt giống {seed}), khả năng đạt mục tiêu năm {year} cao nhất với "
        "{best} ({best_p}) và thấp nhất với {worst} ({worst_p}).",
        "Over {draws} draws (seed {seed}), the chance of meeting the {year} target is highest for "
        "{best} ({best_p}) and lowest for {worst} ({worst_p}).",
    ),
}
