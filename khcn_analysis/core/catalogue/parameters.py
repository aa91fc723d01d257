"""Scenario parameters and their values, one wording each.

The GRDP-growth parameter had four wordings (chart, narrative, Excel, explorer);
every place that names a scenario key or one of its choices takes it from here:
``param.<key>`` for the key, ``choice.<key>.<value>`` for an id-valued choice.
Units are part of the label where the number is shown bare.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "param.base_year": ("Năm gốc", "Base year"),
    "param.growth_basis": ("Cách xác định tốc độ tăng", "Growth rates from"),
    "param.trend_years": ("Số năm tính xu hướng", "Years in the trend"),
    "param.grdp_growth_pct": ("Tăng trưởng GRDP danh nghĩa (%/năm)", "Nominal GRDP growth (% per year)"),
    "param.population_growth_pct": ("Tăng dân số (%/năm)", "Population growth (% per year)"),
    "param.budget_expenditure_growth_pct": ("Tăng chi ngân sách địa phương (%/năm)",
                                            "Local budget expenditure growth (% per year)"),
    "param.budget_revenue_growth_pct": ("Tăng thu ngân sách địa phương được hưởng (%/năm)",
                                        "Growth of retained local revenue (% per year)"),
    "param.st_budget_rule": ("Quy tắc chi ngân sách cho KH&CN", "S&T budget rule"),
    "param.after_plan": ("Chi KH&CN sau năm 2020", "S&T spending after 2020"),
    "param.after_plan_growth_pct": ("Tăng chi KH&CN sau năm 2020 (%/năm)", "S&T spending growth after 2020 (% per year)"),
    "param.st_budget_share_expenditure_pct": ("Tỷ lệ chi KH&CN trong tổng chi ngân sách (%)",
                                              "S&T share of budget expenditure (%)"),
    "param.austerity_cut_pct": ("Cắt giảm chi KH&CN (%)", "Cut in S&T spending (%)"),
    "param.nonstate_mode": ("Cách tính vốn ngoài nhà nước", "Non-state money stated as"),
    "param.nonstate_value": ("Vốn ngoài nhà nước cho KH&CN", "Non-state S&T investment"),
    "param.researcher_rule": ("Quy tắc về cán bộ nghiên cứu", "Researcher rule"),
    "param.researcher_growth_mode": ("Cách tính tăng cán bộ nghiên cứu", "Researcher growth stated as"),
    "param.researcher_growth_value": ("Tăng số cán bộ nghiên cứu", "Growth in researchers"),
    "param.st_fund_share_revenue_local_pct": ("Trích Quỹ phát triển KH&CN (% thu NSĐP được hưởng)",
                                              "S&T fund contribution (% of retained local revenue)"),
    "param.counterfactual": ("Chuỗi viết lại quá khứ (giả định phản thực)", "Series whose past is rewritten (counterfactual)"),
    "param.draws": ("Số lần mô phỏng", "Monte Carlo draws"),
    "param.seed": ("Hạt giống ngẫu nhiên", "Random seed"),
    # the assumptions' plausible ranges (data/raw/assumption-ranges.yaml), varied like parameters
    "param.researchers_2011": ("Số cán bộ nghiên cứu năm 2011 (giả định)", "Researchers in 2011 (assumed)"),
    "param.st_budget_coverage": ("Chi KH&CN ngoài dòng chi thường xuyên cấp tỉnh (lần)",
                                 "S&T spending beyond the provincial recurrent line (times)"),
    "param.st_investment_state_share": ("Tỷ trọng ngân sách nhà nước trong đầu tư KH&CN (%)",
                                        "State share of S&T investment (%)"),
    # choices
    "choice.growth_basis.stated": ("Theo giá trị nêu trong kịch bản", "As stated in the scenario"),
    "choice.growth_basis.latest_trend": ("Theo xu hướng gần nhất của số liệu", "From the latest recorded trend"),
    "choice.st_budget_rule.plan_as_written": ("Theo kế hoạch (chia đều kinh phí từng giai đoạn)",
                                              "Plan as written (each phase's budget spread evenly)"),
    "choice.st_budget_rule.gdp_linked": ("Giữ tỷ lệ so với GRDP năm gốc", "Keeps the base-year share of GRDP"),
    "choice.st_budget_rule.fixed_share_expenditure": ("Tỷ lệ cố định của tổng chi ngân sách",
                                                      "Fixed share of budget expenditure"),
    "choice.st_budget_rule.meet_targets": ("Vừa đủ đạt các mục tiêu", "Just enough to meet the targets"),
    "choice.st_budget_rule.latest_trend": ("Tiếp tục xu hướng gần nhất của chi KH&CN",
                                           "S&T spending continues its recent trend"),
    "choice.after_plan.hold": ("Giữ mức bình quân năm của giai đoạn cuối", "Held at the last phase's yearly amount"),
    "choice.after_plan.grow_with_grdp": ("Tăng cùng GRDP", "Grows with GRDP"),
    "choice.after_plan.grow_with_expenditure": ("Tăng cùng tổng chi ngân sách", "Grows with budget expenditure"),
    "choice.after_plan.growth_pct": ("Tăng theo tốc độ nêu trong kịch bản", "Grows at the stated rate"),
    "choice.nonstate_mode.share_of_total": ("% tổng đầu tư KH&CN", "% of total S&T investment"),
    "choice.nonstate_mode.ratio_to_state": ("lần chi ngân sách nhà nước", "times state spending"),
    "choice.researcher_rule.growth": ("Tăng theo tốc độ giả định", "Grows at the assumed rate"),
    "choice.researcher_rule.meet_targets": ("Vừa đủ đạt các mục tiêu", "Just enough to meet the targets"),
    "choice.researcher_growth_mode.persons": ("người/năm", "persons per year"),
    "choice.researcher_growth_mode.percent": ("%/năm", "% per year"),
    "choice.distribution.normal": ("phân phối chuẩn (cắt hai đầu)", "normal (truncated)"),
    "choice.distribution.triangular": ("phân phối tam giác", "triangular"),
    "choice.distribution.uniform": ("phân phối đều", "uniform"),
}
