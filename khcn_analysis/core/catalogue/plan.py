"""The words of the plan as data: scopes, bases of shares, sources of money, the plan's text report.

Bases say what the plan's sentence says: Plan 182 sets the S&T budget share "không dưới
2% tổng chi ngân sách nhà nước" (total *state* budget expenditure); the workbook measures
it against the province's budget expenditure, and says so where it computes, not here.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "plan.scope.province": ("tỉnh", "province"),
    "plan.scope.national": ("quốc gia", "national"),
    "plan.years.from": ("từ {year}", "from {year}"),
    # what a share is of (Target.base)
    "plan.base.grdp": ("GRDP", "of GRDP"),
    "plan.base.gdp": ("GDP", "of GDP"),
    "plan.base.budget_expenditure": ("tổng chi ngân sách nhà nước", "of total state budget expenditure"),
    "plan.base.state_budget_expenditure": ("tổng chi ngân sách nhà nước", "of total state budget expenditure"),
    "plan.base.budget_revenue_local": ("thu NSĐP được hưởng", "of local budget revenue kept by the province"),
    "plan.base.economic_growth": ("tăng trưởng kinh tế", "of economic growth"),
    # where a budget line's money comes from (BudgetLine.source_of_money)
    "plan.money.state_budget": ("Ngân sách nhà nước (tỉnh)", "State budget (province)"),
    "plan.money.central_programmes": ("Chương trình Trung ương", "Central programmes"),
    "plan.money.other_mobilised": ("Huy động khác", "Other mobilised sources"),
    # khcn plan: the plan as text
    "plan.report.document": ("Văn bản: {reference}", "Document: {reference}"),
    "plan.report.missing_doc": ("không tìm thấy văn bản", "text not found"),
    "plan.report.aim": ("Mục tiêu chung ({clause}): {text}", "General aim ({clause}): {text}"),
    "plan.report.targets": ("MỤC TIÊU", "TARGETS"),
    "plan.report.col.clause": ("mục", "clause"),
    "plan.report.col.indicator": ("chỉ tiêu", "indicator"),
    "plan.report.col.target": ("mục tiêu", "target"),
    "plan.report.col.years": ("năm", "years"),
    "plan.report.col.computable": ("tính từ số liệu", "from data"),
    "plan.report.from_data": ("có", "yes"),
    "plan.report.by_hand": ("thủ công", "by hand"),
    "plan.report.budget": ("KINH PHÍ (tỷ đồng)", "BUDGET (bn VND)"),
    "plan.report.col.phase": ("giai đoạn", "phase"),
    "plan.report.col.line": ("nội dung", "line"),
    "plan.report.col.money": ("nguồn vốn", "source of money"),
    "plan.report.col.amount": ("tỷ đồng", "bn VND"),
    "plan.report.phase_total": ("cộng giai đoạn (ghi trong kế hoạch)", "phase total (as stated)"),
    "plan.report.total": (
        "Tổng ghi trong kế hoạch ({clause}): {value} tỷ đồng ({start}–{end}); "
        "bình quân ghi trong kế hoạch: {average} tỷ đồng/năm",
        "Stated total ({clause}): {value} bn VND ({start}–{end}); stated yearly average: {average} bn VND/year",
    ),
    "plan.report.total_about": (
        "Tổng ghi trong kế hoạch ({clause}): khoảng {value} tỷ đồng ({start}–{end}); "
        "bình quân ghi trong kế hoạch: {average} tỷ đồng/năm",
        "Stated total ({clause}): about {value} bn VND ({start}–{end}); stated yearly average: "
        "{average} bn VND/year",
    ),
    "plan.report.fields": ("LĨNH VỰC (C.I)", "FIELDS OF WORK (C.I)"),
    "plan.report.vision": ("TẦM NHÌN 2030 (C.II)", "2030 VISION (C.II)"),
    "plan.report.agencies": ("PHÂN CÔNG (D'.II)", "RESPONSIBLE AGENCIES (D'.II)"),
}
