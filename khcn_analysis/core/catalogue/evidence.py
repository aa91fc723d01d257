"""Words of the evidence area: the reader's sentence under a verdict, and what decides it.

A verdict's sentence says what the judge tried and what would change the answer:
"Chưa xác định: đạt nếu tỉnh có ít nhất 234 cán bộ nghiên cứu năm 2020; số cán bộ
nghiên cứu thực có quyết định (số liệu của Sở KH&CN)". ``evidence.deciding.<key>``
names each assumption or scenario parameter that can decide a verdict.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "evidence.col.grade": ("mức bằng chứng", "evidence"),
    "evidence.col.grade_title": ("Mức bằng chứng", "Evidence"),
    "evidence.col.plausible": ("Giá trị hợp lý", "Plausible values"),
    "evidence.cell.range": ("{low} – {high}", "{low} – {high}"),
    "evidence.sentence.met": (
        "Đạt với mọi giá trị hợp lý: thấp nhất {low}, mục tiêu {target}.",
        "Met under every plausible value: at least {low} against a target of {target}.",
    ),
    "evidence.sentence.not_met": (
        "Không đạt với bất kỳ giá trị hợp lý nào: cao nhất {high}, mục tiêu {target}.",
        "Not met under any plausible value: at most {high} against a target of {target}.",
    ),
    "evidence.sentence.met_by_construction": (
        "Đạt do cách dựng kịch bản: kịch bản tăng vừa đủ để đạt mục tiêu {target}.",
        "Met by construction: the scenario rises just enough to meet the target of {target}.",
    ),
    "evidence.sentence.undetermined": (
        "Chưa xác định: đạt nếu {condition}; điều này tùy vào {deciding}{settle}.",
        "Undetermined: met if {condition}; this depends on {deciding}{settle}.",
    ),
    "evidence.sentence.undetermined_joint": (
        "Chưa xác định: các giá trị hợp lý từ {low} đến {high}, mục tiêu {target}; không giả định nào "
        "tự quyết định, {deciding} ảnh hưởng nhiều nhất.",
        "Undetermined: plausible values run from {low} to {high} against a target of {target}; no single "
        "assumption decides, {deciding} matters most.",
    ),
    "evidence.sentence.not_computable": ("Chưa tính được: {reason}", "Not computable: {reason}"),
    "evidence.sentence.undated": (
        "Không kết luận cho năm {year}: số liệu duy nhất là một phát biểu không nêu năm tham chiếu.",
        "No verdict for {year}: the only figure is a statement without a reference year.",
    ),
    # what the numerator must reach for the target to be met (the breakpoint in natural units)
    "evidence.condition.researchers": (
        "tỉnh có ít nhất {n} cán bộ nghiên cứu năm {year}",
        "the province had at least {n} researchers in {year}",
    ),
    "evidence.condition.st_investment": (
        "tổng đầu tư xã hội cho KH&CN năm {year} đạt ít nhất {n}",
        "total social investment in S&T in {year} reached at least {n}",
    ),
    "evidence.condition.st_budget": (
        "chi ngân sách nhà nước cho KH&CN năm {year} đạt ít nhất {n}",
        "state budget spending on S&T in {year} reached at least {n}",
    ),
    "evidence.condition.st_fund_contribution": (
        "trích Quỹ phát triển KH&CN năm {year} đạt ít nhất {n}",
        "the contribution to the S&T development fund in {year} reached at least {n}",
    ),
    "evidence.condition.parameter_at_least": ("{parameter} từ {n} trở lên", "{parameter} is {n} or more"),
    "evidence.condition.parameter_at_most": ("{parameter} không quá {n}", "{parameter} is {n} or less"),
    # what can decide a verdict
    "evidence.deciding.researchers_2011": ("số cán bộ nghiên cứu thực có", "the actual number of researchers"),
    "evidence.deciding.st_budget_coverage": (
        "phần chi KH&CN nằm ngoài dòng chi thường xuyên cấp tỉnh",
        "how much state S&T spending lies outside the provincial recurrent line",
    ),
    "evidence.deciding.st_investment_state_share": (
        "tỷ trọng của ngân sách nhà nước trong đầu tư cho KH&CN",
        "the state's share of S&T investment",
    ),
    # who holds the figure that would settle it (appended to the sentence; empty when nobody does)
    "evidence.settle.researchers_2011": (", số liệu của Sở KH&CN về cán bộ nghiên cứu sẽ trả lời",
                                         ", which the Department's own count would settle"),
    "evidence.settle.st_budget_coverage": (", số quyết toán chi KH&CN sẽ trả lời",
                                           ", which the final accounts of S&T spending would settle"),
    "evidence.settle.st_investment_state_share": (", số liệu về vốn ngoài nhà nước cho KH&CN sẽ trả lời",
                                                  ", which a count of non-state S&T money would settle"),
    "evidence.deciding.grdp_growth_pct": ("tốc độ tăng GRDP danh nghĩa", "nominal GRDP growth"),
    "evidence.deciding.population_growth_pct": ("tốc độ tăng dân số", "population growth"),
    "evidence.deciding.budget_expenditure_growth_pct": ("tốc độ tăng chi ngân sách địa phương",
                                                        "growth of local budget expenditure"),
    "evidence.deciding.nonstate_value": ("phần vốn ngoài nhà nước cho KH&CN trong kịch bản",
                                         "the scenario's non-state S&T money"),
    "evidence.deciding.researcher_growth_value": ("tốc độ tăng số cán bộ nghiên cứu", "the growth in researchers"),
    # the assumption ranges as editable cells of the Excel workbook
    "evidence.range.researchers_2011": ("Số cán bộ nghiên cứu năm 2011 (giả định)", "Researchers in 2011 (assumed)"),
    "evidence.range.st_budget_coverage": ("Tổng chi NSNN cho KH&CN so với dòng chi thường xuyên cấp tỉnh (lần)",
                                          "State S&T spending over the provincial recurrent line (times)"),
    "evidence.range.st_investment_state_share": ("Tỷ trọng ngân sách nhà nước trong đầu tư cho KH&CN (%)",
                                                 "State share of S&T investment (%)"),
    "evidence.range.unit.researchers_2011": ("người", "persons"),
    "evidence.range.unit.st_budget_coverage": ("lần", "times"),
    "evidence.range.unit.st_investment_state_share": ("% tổng đầu tư KH&CN", "% of total S&T investment"),
    "evidence.range.reason": (
        "Giả định: không có số liệu. Khoảng giá trị hợp lý {low}–{high}, lý do và nguồn trong "
        "data/raw/assumption-ranges.yaml; các kết luận được kiểm tra ở cả hai đầu khoảng.",
        "Assumed: no figure exists. Plausible from {low} to {high}, with the reasons and sources in "
        "data/raw/assumption-ranges.yaml; every verdict is checked at both ends.",
    ),
    "evidence.note.grdp_basis": (
        "GRDP theo số liệu đã điều chỉnh của Tổng cục Thống kê; các năm trước 2020 được quy đổi theo "
        "công bố năm 2020 (tăng 95,72% so với 2015).",
        "GRDP on the GSO revised basis; years before 2020 bridged with the 2020 statement (+95.72 % on 2015).",
    ),
}
