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
    # findings: department figures outside their plausible range (data/raw/plausibility.yaml)
    "data.finding.share_max": (
        "{label} năm {year}: {value} bằng {measure} {reference} ({reference_value}{reference_year}), "
        "vượt mức hợp lý tối đa {limit}.",
        "{label} {year}: {value} is {measure} of {reference} ({reference_value}{reference_year}), "
        "above the plausible maximum of {limit}.",
    ),
    "data.finding.per_10k_max": (
        "{label} năm {year}: {value}, tức {measure} người trên 1 vạn dân (dân số {reference_value}"
        "{reference_year}), vượt mức hợp lý tối đa {limit} người trên 1 vạn dân.",
        "{label} {year}: {value}, that is {measure} per 10,000 people (population {reference_value}"
        "{reference_year}), above the plausible maximum of {limit} per 10,000.",
    ),
    "data.finding.ratio_max": (
        "{label} năm {year}: {value} lớn hơn {reference} cùng năm ({reference_value}).",
        "{label} {year}: {value} is more than {reference} of the same year ({reference_value}).",
    ),
    "data.finding.ratio_min": (
        "{label} năm {year}: {value} nhỏ hơn {reference} cùng năm ({reference_value}).",
        "{label} {year}: {value} is less than {reference} of the same year ({reference_value}).",
    ),
    "data.finding.value_max": (
        "{label} năm {year}: {value}, vượt mức hợp lý tối đa {limit}.",
        "{label} {year}: {value}, above the plausible maximum of {limit}.",
    ),
    "data.finding.value_min": (
        "{label} năm {year}: {value}, dưới mức hợp lý tối thiểu {limit}.",
        "{label} {year}: {value}, below the plausible minimum of {limit}.",
    ),
    "data.finding.reference_year": (", số năm {year}", ", the {year} figure"),
    "data.finding.likely": (
        " {value} — có phải là {unit}? ({raw} {unit} = {converted})",
        " {value} — was it entered in {unit}? ({raw} {unit} = {converted})",
    ),
    "data.finding.unit_mistake": (
        " Kiểm tra lại đơn vị ({unit}) và số chữ số.",
        " Check the unit ({unit}) and the number of digits.",
    ),
    "data.finding.not_used": ("Không dùng số liệu này.", "This figure is not used."),
    # what the reference of a rule is called inside a sentence
    "data.ref.budget_expenditure": ("tổng chi ngân sách địa phương", "total local budget expenditure"),
    "data.ref.grdp": ("GRDP (giá hiện hành)", "GRDP (current prices)"),
    "data.ref.budget_revenue_local": ("thu ngân sách địa phương được hưởng", "the local budget revenue kept"),
    "data.ref.st_budget": ("chi ngân sách nhà nước cho KH&CN", "state budget spending on S&T"),
    "data.ref.researchers": ("số cán bộ nghiên cứu (số người)", "the researcher headcount"),
    "data.ref.population": ("dân số", "population"),
    # unit words inside sentences
    "data.unitword.bn VND": ("tỷ đồng", "bn VND"),
    "data.unitword.million VND": ("triệu đồng", "million VND"),
    "data.unitword.thousand VND": ("nghìn đồng", "thousand VND"),
    "data.unitword.VND": ("đồng", "VND"),
    "data.unitword.persons": ("người", "persons"),
    "data.unitword.thousand persons": ("nghìn người", "thousand persons"),
    "data.unitword.%": ("%", "%"),
    "data.unitword.% per year": ("%/năm", "% per year"),
    "data.unitword.products": ("sản phẩm", "products"),
    "data.unitword.events": ("lần", "events"),
    "data.unitword.per 10,000 people": ("người trên 1 vạn dân", "per 10,000 people"),
    # the refusal of an import with implausible figures
    "data.implausible.heading": (
        "{file}: {n} số liệu nằm ngoài khoảng hợp lý (data/raw/plausibility.yaml); không nhập gì cả. "
        "Sửa các ô dưới đây rồi nhập lại:",
        "{file}: {n} figure(s) outside their plausible range (data/raw/plausibility.yaml); nothing "
        "was imported. Correct the cells below and import again:",
    ),
    "data.implausible.cell": ("trang «{sheet}», ô {cell}: {text}", "sheet «{sheet}», cell {cell}: {text}"),
}
