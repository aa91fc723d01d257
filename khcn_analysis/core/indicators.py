"""The indicator registry: one place that names, defines and labels every series.

Tables, charts and exports take labels and units from here so that the plan's
"total social investment in S&T" is never shown as if it were GERD, and a share
of GRDP is never mixed with a share of GDP or headcount with FTE.
:func:`check_compatible` is the guard every arithmetic combination goes through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from khcn_analysis.core.errors import KhcnError
from khcn_analysis.core.formatting import Lang, check_lang, format_money_bn, format_number

__all__ = [
    "INDICATORS",
    "Indicator",
    "UnitMismatchError",
    "check_compatible",
    "get_indicator",
    "unit_label",
]

UNIT_LABELS: dict[str, dict[str, str]] = {
    "bn VND": {"vi": "tỷ đồng", "en": "bn VND"},
    "thousand persons": {"vi": "nghìn người", "en": "thousand persons"},
    "persons": {"vi": "người", "en": "persons"},
    "%": {"vi": "%", "en": "%"},
    "per 10,000 people": {"vi": "người/vạn dân", "en": "per 10,000 people"},
    "ratio": {"vi": "lần", "en": "ratio"},
    "% per year": {"vi": "%/năm", "en": "% per year"},
    "products": {"vi": "sản phẩm", "en": "products"},
    "years": {"vi": "năm", "en": "years"},
    "months": {"vi": "tháng", "en": "months"},
}


class UnitMismatchError(KhcnError):
    """Two series with different units or bases were about to be combined."""


@dataclass(frozen=True)
class Indicator:
    """One indicator id with its labels, unit, basis and definitions.

    ``basis`` is ``current`` or ``constant 2010`` for money, ``headcount`` or
    ``FTE`` for people, ``n/a`` otherwise. ``derived_from`` lists the ids a
    derived indicator is computed from (its sources are theirs).
    """

    id: str
    label_vi: str
    label_en: str
    unit: str
    basis: str
    plan_definition: str
    international_definition: str
    caveat: str
    derived_from: tuple[str, ...] = ()
    decimals: int = 1

    def label(self, lang: Lang = "vi") -> str:
        return self.label_vi if check_lang(lang) == "vi" else self.label_en

    def unit_label(self, lang: Lang = "vi") -> str:
        return unit_label(self.unit, lang)

    def format_value(self, value: float | None, lang: Lang = "vi") -> str:
        """The value as a reader writes it, with its unit (``1,5%``, ``41,5 tỷ đồng``)."""
        if self.unit == "bn VND":
            return format_money_bn(value, self.decimals, lang)
        text = format_number(value, self.decimals, lang)
        if text == "–":
            return text
        if self.unit == "%":
            return f"{text}%"
        return f"{text} {self.unit_label(lang)}"


def unit_label(unit: str, lang: Lang = "vi") -> str:
    labels = UNIT_LABELS.get(unit)
    return labels[check_lang(lang)] if labels else unit


_FRASCATI_GERD = (
    "OECD Frascati Manual: gross domestic expenditure on R&D (GERD), "
    "reported as GERD/GDP (UNESCO UIS, World Bank GB.XPD.RSDV.GD.ZS)."
)
_FRASCATI_RESEARCHERS = (
    "OECD Frascati Manual / UNESCO UIS: researchers, as headcount (HC) and as full-time "
    "equivalent (FTE), per million inhabitants."
)

_ALL: list[Indicator] = [
    Indicator(
        "population", "Dân số trung bình", "Average population", "thousand persons", "n/a",
        "Dân số trung bình năm của tỉnh (Tổng cục Thống kê).",
        "UN/GSO mid-year (average) population.",
        "Census counts (1 April) are not annual averages.",
        decimals=1,
    ),
    Indicator(
        "grdp", "Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)",
        "Gross regional domestic product (GRDP, current prices)", "bn VND", "current",
        "GRDP của tỉnh theo giá hiện hành; mẫu số của chỉ tiêu đầu tư KH&CN/GRDP.",
        "SNA 2008 regional GDP at current prices.",
        "GSO revised provincial GRDP around 2019–2021: never chain pre- and post-revision levels.",
        decimals=0,
    ),
    Indicator(
        "budget_expenditure", "Tổng chi ngân sách địa phương", "Total local budget expenditure",
        "bn VND", "current",
        "Tổng chi NSĐP (mọi cấp trong tỉnh); mẫu số của tỷ lệ chi NSNN cho KH&CN.",
        "GFS total expenditure of the subnational government.",
        "Plans (dự toán) and final accounts (quyết toán) differ; final accounts include carry-overs.",
        decimals=0,
    ),
    Indicator(
        "budget_revenue_local", "Thu ngân sách địa phương được hưởng",
        "Local budget revenue retained by the province", "bn VND", "current",
        "Thu NSĐP được hưởng theo phân cấp; căn cứ trích lập Quỹ phát triển KH&CN (mục D.IV).",
        "GFS own revenue of the subnational government (after revenue sharing).",
        "Excludes transfers from the central budget.",
        decimals=0,
    ),
    Indicator(
        "st_budget", "Chi ngân sách nhà nước cho KH&CN", "State budget spending on S&T",
        "bn VND", "current",
        "Chi NSNN cho KH&CN trên địa bàn (đầu tư phát triển và sự nghiệp khoa học).",
        "Nearest: government-financed GERD (GOVERD plus government-funded BERD/HERD), Frascati.",
        "S&T spending includes non-R&D activities (offices, standards, information): larger than government R&D.",
    ),
    Indicator(
        "st_investment", "Tổng đầu tư xã hội cho KH&CN", "Total social investment in S&T",
        "bn VND", "current",
        "Tổng đầu tư xã hội cho KH&CN: ngân sách tỉnh, chương trình Trung ương, doanh nghiệp "
        "và nguồn khác (Nghị quyết 20-NQ/TW; Kế hoạch 182, mục B.II.4).",
        _FRASCATI_GERD,
        "A broader concept than GERD (includes non-R&D S&T activities and capital works): "
        "not comparable with R&D/GDP.",
    ),
    Indicator(
        "st_investment_share_grdp", "Đầu tư xã hội cho KH&CN so với GRDP",
        "Total social investment in S&T, % of GRDP", "%", "current",
        "st_investment / grdp × 100; mục tiêu 1,5% (2015) và trên 2% (từ 2020) (B.II.4).",
        _FRASCATI_GERD,
        "Not GERD/GDP: the numerator is total social S&T investment and the denominator is "
        "provincial GRDP, not national GDP.",
        derived_from=("st_investment", "grdp"),
        decimals=2,
    ),
    Indicator(
        "st_budget_share_expenditure", "Chi NSNN cho KH&CN so với tổng chi ngân sách",
        "State budget S&T spending, % of budget expenditure", "%", "current",
        "st_budget / budget_expenditure × 100; không thấp hơn 2% hằng năm (B.II.4).",
        "Nearest: GBARD (government budget allocations for R&D) as % of total government "
        "expenditure, Frascati ch. 12.",
        "GBARD counts R&D only; the plan counts all S&T spending.",
        derived_from=("st_budget", "budget_expenditure"),
        decimals=2,
    ),
    Indicator(
        "researchers", "Số cán bộ nghiên cứu khoa học", "Scientific researchers",
        "persons", "headcount",
        "Cán bộ nghiên cứu khoa học trên địa bàn (đếm đầu người).",
        _FRASCATI_RESEARCHERS,
        "The plan does not say headcount or FTE; headcount is larger. DOST staff are "
        "administrators, not researchers.",
        decimals=0,
    ),
    Indicator(
        "researcher_density", "Số cán bộ nghiên cứu khoa học trên một vạn dân",
        "Scientific researchers per 10,000 people", "per 10,000 people", "headcount",
        "researchers / (population × 1000) × 10.000; mục tiêu 5–7 (2020), 10 (2030) (B.II.3).",
        _FRASCATI_RESEARCHERS + " UNESCO reports per million inhabitants (divide by 100).",
        "Compare headcount with headcount only; national FTE density is lower.",
        derived_from=("researchers", "population"),
        decimals=2,
    ),
    Indicator(
        "funding_required", "Kinh phí KH&CN cần để đạt mục tiêu",
        "S&T investment needed for the target share", "bn VND", "current",
        "Tỷ lệ mục tiêu của năm × GRDP / 100 (mục tiêu B.II.4, nội suy tuyến tính giữa các năm mục tiêu).",
        "No international equivalent (a planning quantity).",
        "Between target years the required share is interpolated linearly: a path, not a clause.",
        derived_from=("grdp",),
    ),
    Indicator(
        "funding_sufficiency", "Mức đáp ứng kinh phí (đầu tư / nhu cầu)",
        "Funding sufficiency (investment / required)", "ratio", "current",
        "st_investment / funding_required; 1,0 = vừa đủ.",
        "No international equivalent (a planning quantity).",
        "Below 1 means the year's investment is short of the target path.",
        derived_from=("st_investment", "funding_required"),
        decimals=2,
    ),
    Indicator(
        "st_fund_contribution", "Trích lập Quỹ phát triển KH&CN của tỉnh",
        "Contribution to the provincial S&T development fund", "bn VND", "current",
        "Tỷ lệ trích × thu NSĐP được hưởng (ít nhất 0,2–0,5%, mục D.IV).",
        "No international equivalent.",
        "A fund contribution is not spending in the year it is set aside.",
        derived_from=("budget_revenue_local",),
        decimals=2,
    ),
    Indicator(
        "st_fund_share_revenue_local", "Trích Quỹ KH&CN so với thu NSĐP được hưởng",
        "S&T fund contribution, % of retained local revenue", "%", "current",
        "st_fund_contribution / budget_revenue_local × 100; ít nhất 0,2–0,5% hằng năm (D.IV).",
        "No international equivalent.",
        "Only as good as the recorded contributions; scenarios may assume a share.",
        derived_from=("st_fund_contribution", "budget_revenue_local"),
        decimals=2,
    ),
    Indicator(
        "plan_funding", "Kinh phí theo Kế hoạch 182 (chia đều theo năm)",
        "Plan 182 budget (spread evenly over each phase)", "bn VND", "current",
        "Tổng kinh phí từng giai đoạn (mục D'.I) chia đều cho các năm của giai đoạn.",
        "No international equivalent (a plan, not spending).",
        "The plan's money is a plan: it includes central programmes and other sources, and "
        "says nothing about how it was spent.",
    ),
    # Hand-tracked plan indicators: the engine does not project them.
    Indicator(
        "tfp_share_growth", "Tỷ trọng đóng góp của KH&CN (qua TFP) trong tăng trưởng",
        "Contribution of S&T (via TFP) to economic growth", "%", "n/a",
        "Đóng góp của năng suất các nhân tố tổng hợp vào tăng trưởng (B.II.1).",
        "Growth accounting TFP contribution (OECD productivity manual).",
        "Provincial TFP estimates are rare and method-dependent; tracked by hand.",
    ),
    Indicator(
        "technology_renewal_rate", "Tốc độ đổi mới công nghệ, thiết bị",
        "Rate of technology and equipment renewal", "% per year", "n/a",
        "Tốc độ đổi mới công nghệ, thiết bị bình quân (B.II.2).",
        "No harmonised international definition.",
        "Tracked by hand from the department's reports.",
    ),
    Indicator(
        "national_brand_products", "Sản phẩm mang thương hiệu quốc gia",
        "Products with a national brand", "products", "n/a",
        "Số sản phẩm đạt thương hiệu quốc gia (B.II.5).",
        "No international equivalent.",
        "Tracked by hand.",
        decimals=0,
    ),
    Indicator(
        "techmart_interval_years", "Chu kỳ tổ chức chợ công nghệ, thiết bị",
        "Interval between technology fairs (Techmart)", "years", "n/a",
        "Tổ chức chợ công nghệ và thiết bị 3 năm một lần (D.V).",
        "No international equivalent.",
        "Tracked by hand.",
        decimals=0,
    ),
    Indicator(
        "progress_report_interval_months", "Chu kỳ báo cáo tiến độ lên UBND tỉnh",
        "Interval between progress reports to the People's Committee", "months", "n/a",
        "Báo cáo định kỳ 6 tháng một lần (D', đoạn cuối).",
        "No international equivalent.",
        "Tracked by hand.",
        decimals=0,
    ),
]

INDICATORS: dict[str, Indicator] = {ind.id: ind for ind in _ALL}

#: Ids the projection engine computes, in display order (DESIGN §2 plus plan_funding
#: and the fund share the D.IV target is stated in).
PROJECTED_IDS: tuple[str, ...] = (
    "population",
    "grdp",
    "budget_expenditure",
    "budget_revenue_local",
    "plan_funding",
    "st_budget",
    "st_investment",
    "st_investment_share_grdp",
    "st_budget_share_expenditure",
    "researchers",
    "researcher_density",
    "funding_required",
    "funding_sufficiency",
    "st_fund_contribution",
    "st_fund_share_revenue_local",
)


def get_indicator(indicator_id: str) -> Indicator:
    """The registry entry for an id; an unknown id is an error listing the known ones."""
    try:
        return INDICATORS[indicator_id]
    except KeyError:
        from khcn_analysis.core.errors import InputError

        raise InputError(
            None, "indicator", indicator_id, "one of " + ", ".join(sorted(INDICATORS))
        ) from None


def check_compatible(
    series: Iterable[tuple[str, str, str]], *, what: str = "combination"
) -> tuple[str, str]:
    """Refuse to combine series whose (unit, basis) differ.

    ``series`` holds ``(name, unit, basis)`` triples; returns the common
    ``(unit, basis)``. Adding headcount to FTE, or a share of GDP to a share of
    GRDP, raises :class:`UnitMismatchError` naming every series involved.
    """
    items = list(series)
    kinds = {(unit, basis) for _, unit, basis in items}
    if len(kinds) > 1:
        listing = "; ".join(f"{name} [{unit}, {basis}]" for name, unit, basis in items)
        raise UnitMismatchError(
            f"cannot combine series with different units or bases in {what}: {listing}"
        )
    if not kinds:
        raise UnitMismatchError(f"nothing to combine in {what}")
    return kinds.pop()
