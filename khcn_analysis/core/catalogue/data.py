"""The words of the data stage: regions, indicators of the baseline page, build findings.

Page 02 (baseline data), the regional comparison and the findings of ``khcn data
build`` name regions and indicators; their reader's words live here, once.
Keys: ``data.<part>``. Status words are the shared ``status.*``.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # regions (ids of the processed tables -> reader's names)
    "data.region.Lai Chau": ("Lai Châu", "Lai Châu"),
    "data.region.Dien Bien": ("Điện Biên", "Điện Biên"),
    "data.region.Lao Cai": ("Lào Cai", "Lào Cai"),
    "data.region.Son La": ("Sơn La", "Sơn La"),
    "data.region.Ha Giang": ("Hà Giang", "Hà Giang"),
    "data.region.Thai Nguyen": ("Thái Nguyên", "Thái Nguyên"),
    "data.region.Northern midlands and mountain areas": ("Trung du và miền núi phía Bắc",
                                                         "Northern midlands & mountains"),
    "data.region.Vietnam": ("Cả nước", "Vietnam"),
    # indicators of the regional comparison
    "data.regional.population": ("Dân số trung bình (nghìn người)", "Average population (thousand)"),
    "data.regional.grdp_per_capita": ("GRDP bình quân đầu người (triệu đồng, giá hiện hành)",
                                      "GRDP per capita (M VND, current prices)"),
    "data.regional.gdp_per_capita": ("GDP bình quân đầu người (triệu đồng)", "GDP per capita (M VND)"),
    "data.regional.st_line_share_recurrent_provincial": (
        "Dòng chi sự nghiệp KH&CN / chi thường xuyên cấp tỉnh (%, dự toán)",
        "S&T recurrent line / provincial-level recurrent spending (%, plan)"),
    "data.regional.st_budget_recurrent_share_expenditure": (
        "Chi sự nghiệp KH&CN / tổng chi NSNN (%, cả nước)",
        "Recurrent S&T spending / total state expenditure (%, national)"),
    "data.regional.pii_score": ("Chỉ số đổi mới sáng tạo cấp tỉnh PII (điểm)", "Provincial innovation index PII"),
    # the main Lai Châu series of page 02: label and unit
    "data.series.population": ("Dân số trung bình", "Average population"),
    "data.unit.population": ("nghìn người", "thousand persons"),
    "data.series.grdp": ("GRDP (giá hiện hành)", "GRDP (current prices)"),
    "data.unit.grdp": ("tỷ đồng", "bn VND"),
    "data.series.budget_expenditure": ("Tổng chi ngân sách địa phương (dự toán)",
                                       "Total local budget expenditure (plan)"),
    "data.unit.budget_expenditure": ("tỷ đồng", "bn VND"),
    "data.series.budget_revenue_local": ("Thu NSĐP được hưởng (dự toán)", "Local budget revenue kept (plan)"),
    "data.unit.budget_revenue_local": ("tỷ đồng", "bn VND"),
    "data.series.st_budget": ("Chi ngân sách cho KH&CN", "State budget spending on S&T"),
    "data.unit.st_budget": ("tỷ đồng", "bn VND"),
    "data.series.st_investment": ("Tổng đầu tư xã hội cho KH&CN", "Total social investment in S&T"),
    "data.unit.st_investment": ("tỷ đồng", "bn VND"),
    "data.series.researchers": ("Cán bộ nghiên cứu (số người)", "Researchers (headcount)"),
    "data.unit.researchers": ("người", "persons"),
    "data.chart.series_title": ("Lai Châu – {label}", "Lai Châu – {label}"),
}
