"""Indicator and unit labels: ``indicator.<id>`` (the label), ``indicator.<id>.definition``
(the plan's definition) and ``unit.<unit>`` (a unit as a reader writes it).

The registry (:mod:`khcn_analysis.core.indicators`) keeps ids, units, bases and the
international definitions; a reader's words for them live here.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "indicator.population": ('Dân số trung bình', 'Average population'),
    "indicator.population.definition": (
        'Dân số trung bình năm của tỉnh (Tổng cục Thống kê).',
        "The province's average population of the year (General Statistics Office).",
    ),
    "indicator.grdp": ('Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)', 'Gross regional domestic product (GRDP, current prices)'),
    "indicator.grdp.definition": (
        'GRDP của tỉnh theo giá hiện hành; mẫu số của chỉ tiêu đầu tư KH&CN/GRDP.',
        "The province's GRDP at current prices; the denominator of S&T investment / GRDP.",
    ),
    "indicator.budget_expenditure": ('Tổng chi ngân sách địa phương', 'Total local budget expenditure'),
    "indicator.budget_expenditure.definition": (
        'Tổng chi NSĐP (mọi cấp trong tỉnh); mẫu số của tỷ lệ chi NSNN cho KH&CN.',
        'Total local budget expenditure (all levels in the province); the denominator of the state budget S&T share.',
    ),
    "indicator.budget_revenue_local": ('Thu ngân sách địa phương được hưởng', 'Local budget revenue retained by the province'),
    "indicator.budget_revenue_local.definition": (
        'Thu NSĐP được hưởng theo phân cấp; căn cứ trích lập Quỹ phát triển KH&CN (mục D.IV).',
        'Local budget revenue the province keeps under revenue sharing; the base of the S&T development fund contribution (D.IV).',
    ),
    "indicator.st_budget": ('Chi ngân sách nhà nước cho KH&CN', 'State budget spending on S&T'),
    "indicator.st_budget.definition": (
        'Chi NSNN cho KH&CN trên địa bàn (đầu tư phát triển và sự nghiệp khoa học).',
        'State budget spending on S&T in the province (development investment and S&T recurrent spending).',
    ),
    "indicator.st_investment": ('Tổng đầu tư xã hội cho KH&CN', 'Total social investment in S&T'),
    "indicator.st_investment.definition": (
        'Tổng đầu tư xã hội cho KH&CN: ngân sách tỉnh, chương trình Trung ương, doanh nghiệp và nguồn khác (Nghị quyết 20-NQ/TW; Kế hoạch 182, mục B.II.4).',
        'Total social investment in S&T: provincial budget, central programmes, enterprises and other sources (Resolution 20-NQ/TW; Plan 182, B.II.4).',
    ),
    "indicator.st_investment_share_grdp": ('Đầu tư xã hội cho KH&CN so với GRDP', 'Total social investment in S&T, % of GRDP'),
    "indicator.st_investment_share_grdp.definition": (
        'st_investment / grdp × 100; mục tiêu 1,5% (2015) và trên 2% (từ 2020) (B.II.4).',
        'st_investment / grdp × 100; targets 1.5% (2015) and above 2% (from 2020) (B.II.4).',
    ),
    "indicator.st_budget_share_expenditure": ('Chi NSNN cho KH&CN so với tổng chi ngân sách', 'State budget S&T spending, % of budget expenditure'),
    "indicator.st_budget_share_expenditure.definition": (
        'st_budget / budget_expenditure × 100; không thấp hơn 2% hằng năm (B.II.4).',
        'st_budget / budget_expenditure × 100; not below 2% every year (B.II.4).',
    ),
    "indicator.researchers": ('Số cán bộ nghiên cứu khoa học', 'Scientific researchers'),
    "indicator.researchers.definition": (
        'Cán bộ nghiên cứu khoa học trên địa bàn (đếm đầu người).',
        'Scientific researchers in the province (headcount).',
    ),
    "indicator.researcher_density": ('Số cán bộ nghiên cứu khoa học trên một vạn dân', 'Scientific researchers per 10,000 people'),
    "indicator.researcher_density.definition": (
        'researchers / (population × 1000) × 10.000; mục tiêu 5–7 (2020), 10 (2030) (B.II.3).',
        'researchers / (population × 1000) × 10,000; targets 5–7 (2020), 10 (2030) (B.II.3).',
    ),
    "indicator.funding_required": ('Kinh phí KH&CN cần để đạt mục tiêu', 'S&T investment needed for the target share'),
    "indicator.funding_required.definition": (
        'Tỷ lệ mục tiêu của năm × GRDP / 100 (mục tiêu B.II.4, nội suy tuyến tính giữa các năm mục tiêu).',
        "The year's target share × GRDP / 100 (targets of B.II.4, interpolated linearly between target years).",
    ),
    "indicator.funding_sufficiency": ('Mức đáp ứng kinh phí (đầu tư / nhu cầu)', 'Funding sufficiency (investment / required)'),
    "indicator.funding_sufficiency.definition": (
        'st_investment / funding_required; 1,0 = vừa đủ.',
        'st_investment / funding_required; 1.0 = just enough.',
    ),
    "indicator.st_fund_contribution": ('Trích lập Quỹ phát triển KH&CN của tỉnh', 'Contribution to the provincial S&T development fund'),
    "indicator.st_fund_contribution.definition": (
        'Tỷ lệ trích × thu NSĐP được hưởng (ít nhất 0,2–0,5%, mục D.IV).',
        'Contribution share × retained local revenue (at least 0.2–0.5%, D.IV).',
    ),
    "indicator.st_fund_share_revenue_local": ('Trích Quỹ KH&CN so với thu NSĐP được hưởng', 'S&T fund contribution, % of retained local revenue'),
    "indicator.st_fund_share_revenue_local.definition": (
        'st_fund_contribution / budget_revenue_local × 100; ít nhất 0,2–0,5% hằng năm (D.IV).',
        'st_fund_contribution / budget_revenue_local × 100; at least 0.2–0.5% every year (D.IV).',
    ),
    "indicator.plan_funding": ('Kinh phí theo Kế hoạch 182 (chia đều theo năm)', 'Plan 182 budget (spread evenly over each phase)'),
    "indicator.plan_funding.definition": (
        "Tổng kinh phí từng giai đoạn (mục D'.I) chia đều cho các năm của giai đoạn.",
        "Each phase's total budget (D'.I) spread evenly over the phase's years.",
    ),
    "indicator.tfp_share_growth": ('Tỷ trọng đóng góp của KH&CN (qua TFP) trong tăng trưởng', 'Contribution of S&T (via TFP) to economic growth'),
    "indicator.tfp_share_growth.definition": (
        'Đóng góp của năng suất các nhân tố tổng hợp vào tăng trưởng (B.II.1).',
        'Contribution of total factor productivity to growth (B.II.1).',
    ),
    "indicator.technology_renewal_rate": ('Tốc độ đổi mới công nghệ, thiết bị', 'Rate of technology and equipment renewal'),
    "indicator.technology_renewal_rate.definition": (
        'Tốc độ đổi mới công nghệ, thiết bị bình quân (B.II.2).',
        'Average rate of technology and equipment renewal (B.II.2).',
    ),
    "indicator.national_brand_products": ('Sản phẩm mang thương hiệu quốc gia', 'Products with a national brand'),
    "indicator.national_brand_products.definition": (
        'Số sản phẩm đạt thương hiệu quốc gia (B.II.5).',
        'Number of products with a national brand (B.II.5).',
    ),
    "indicator.techmart_interval_years": ('Chu kỳ tổ chức chợ công nghệ, thiết bị', 'Interval between technology fairs (Techmart)'),
    "indicator.techmart_interval_years.definition": (
        'Tổ chức chợ công nghệ và thiết bị 3 năm một lần (D.V).',
        'A technology and equipment fair every 3 years (D.V).',
    ),
    "indicator.progress_report_interval_months": ('Chu kỳ báo cáo tiến độ lên UBND tỉnh', "Interval between progress reports to the People's Committee"),
    "indicator.progress_report_interval_months.definition": (
        "Báo cáo định kỳ 6 tháng một lần (D', đoạn cuối).",
        "Progress reports every 6 months (D', last paragraph).",
    ),
    "unit.bn VND": ('tỷ đồng', 'bn VND'),
    "unit.thousand persons": ('nghìn người', 'thousand persons'),
    "unit.persons": ('người', 'persons'),
    "unit.%": ('%', '%'),
    "unit.per 10,000 people": ('người/vạn dân', 'per 10,000 people'),
    "unit.ratio": ('lần', 'ratio'),
    "unit.% per year": ('%/năm', '% per year'),
    "unit.products": ('sản phẩm', 'products'),
    "unit.years": ('năm', 'years'),
    "unit.months": ('tháng', 'months'),
}
