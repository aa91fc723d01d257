"""The indicator registry: one place that names, defines and labels every series.

Tables, charts and exports take labels and units from here so that the plan's
"total social investment in S&T" is never shown as if it were GERD, and a share
of GRDP is never mixed with a share of GDP or headcount with FTE.
:func:`check_compatible` is the guard every arithmetic combination goes through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from khcn_analysis.core.catalogue import LANGS, has, t
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.core.formatting import Lang, check_lang, format_money_bn, format_number

__all__ = [
    "INDICATORS",
    "UNITS",
    "UNIT_LABELS",
    "Indicator",
    "UnitMismatchError",
    "check_compatible",
    "get_indicator",
    "unit_label",

]


#: Every unit the registry knows (its reader's words are catalogue ``unit.<unit>`` keys).
UNITS: tuple[str, ...] = (
    "bn VND", "thousand persons", "persons", "%", "per 10,000 people", "ratio", "% per year",
    "products", "years", "months",
)
#: ``unit -> {lang: label}``, read from the catalogue (kept for callers of the old table).
UNIT_LABELS: dict[str, dict[str, str]] = {unit: {lang: t(f"unit.{unit}", lang) for lang in LANGS} for unit in UNITS}


class UnitMismatchError(KhcnError):
    """Two series with different units or bases were about to be combined."""


@dataclass(frozen=True)
class Indicator:
    """One indicator id with its labels, unit, basis and definitions.

    Labels and the plan's definition are catalogue words (``indicator.<id>``).
    ``basis`` is ``current`` or ``constant 2010`` for money, ``headcount`` or
    ``FTE`` for people, ``n/a`` otherwise. ``derived_from`` lists the ids a
    derived indicator is computed from (its sources are theirs).
    """

    id: str
    unit: str
    basis: str
    international_definition: str
    caveat: str
    derived_from: tuple[str, ...] = ()
    decimals: int = 1

    def label(self, lang: Lang = "vi") -> str:
        """The reader's name of the indicator (catalogue ``indicator.<id>``)."""
        return t(f"indicator.{self.id}", check_lang(lang))

    @property
    def label_vi(self) -> str:
        return self.label("vi")

    @property
    def label_en(self) -> str:
        return self.label("en")

    def definition(self, lang: Lang = "vi") -> str:
        """How the plan defines it (catalogue ``indicator.<id>.definition``)."""
        return t(f"indicator.{self.id}.definition", check_lang(lang))

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
    """A unit as a reader writes it (catalogue ``unit.<unit>``); an unknown unit is shown as is."""
    key = f"unit.{unit}"
    return t(key, check_lang(lang)) if has(key) else unit


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
        "population", "thousand persons", "n/a",
        "UN/GSO mid-year (average) population.",
        "Census counts (1 April) are not annual averages.",
        decimals=1,
    ),
    Indicator(
        "grdp", "bn VND", "current",
        "SNA 2008 regional GDP at current prices.",
        "GSO revised provincial GRDP around 2019–2021: never chain pre- and post-revision levels.",
        decimals=0,
    ),
    Indicator(
        "budget_expenditure", "bn VND", "current",
        "GFS total expenditure of the subnational government.",
        "Budget estimates and final accounts differ; final accounts include carry-overs.",
        decimals=0,
    ),
    Indicator(
        "budget_revenue_local", "bn VND", "current",
        "GFS own revenue of the subnational government (after revenue sharing).",
        "Excludes transfers from the central budget.",
        decimals=0,
    ),
    Indicator(
        "st_budget", "bn VND", "current",
        "Nearest: government-financed GERD (GOVERD plus government-funded BERD/HERD), Frascati.",
        "S&T spending includes non-R&D activities (offices, standards, information): larger than government R&D.",
    ),
    Indicator(
        "st_investment", "bn VND", "current",
        _FRASCATI_GERD,
        "A broader concept than GERD (includes non-R&D S&T activities and capital works): "
        "not comparable with R&D/GDP.",
    ),
    Indicator(
        "st_investment_share_grdp", "%", "current",
        _FRASCATI_GERD,
        "Not GERD/GDP: the numerator is total social S&T investment and the denominator is "
        "provincial GRDP, not national GDP.",
        derived_from=("st_investment", "grdp"),
        decimals=2,
    ),
    Indicator(
        "st_budget_share_expenditure", "%", "current",
        "Nearest: GBARD (government budget allocations for R&D) as % of total government "
            "expenditure, Frascati ch. 12.",
        "GBARD counts R&D only; the plan counts all S&T spending.",
        derived_from=("st_budget", "budget_expenditure"),
        decimals=2,
    ),
    Indicator(
        "researchers", "persons", "headcount",
        _FRASCATI_RESEARCHERS,
        "The plan does not say headcount or FTE; headcount is larger. DOST staff are "
            "administrators, not researchers.",
        decimals=0,
    ),
    Indicator(
        "researcher_density", "per 10,000 people", "headcount",
        _FRASCATI_RESEARCHERS + " UNESCO reports per million inhabitants (divide by 100).",
        "Compare headcount with headcount only; national FTE density is lower.",
        derived_from=("researchers", "population"),
        decimals=2,
    ),
    Indicator(
        "funding_required", "bn VND", "current",
        "No international equivalent (a planning quantity).",
        "Between target years the required share is interpolated linearly: a path, not a clause.",
        derived_from=("grdp",),
    ),
    Indicator(
        "funding_sufficiency", "ratio", "current",
        "No international equivalent (a planning quantity).",
        "Below 1 means the year's investment is short of the target path.",
        derived_from=("st_investment", "funding_required"),
        decimals=2,
    ),
    Indicator(
        "st_fund_contribution", "bn VND", "current",
        "No international equivalent.",
        "A fund contribution is not spending in the year it is set aside.",
        derived_from=("budget_revenue_local",),
        decimals=2,
    ),
    Indicator(
        "st_fund_share_revenue_local", "%", "current",
        "No international equivalent.",
        "Only as good as the recorded contributions; scenarios may assume a share.",
        derived_from=("st_fund_contribution", "budget_revenue_local"),
        decimals=2,
    ),
    Indicator(
        "plan_funding", "bn VND", "current",
        "No international equivalent (a plan, not spending).",
        "The plan's money is a plan: it includes central programmes and other sources, and "
            "says nothing about how it was spent.",
    ),
    # Hand-tracked plan indicators: the engine does not project them.
    Indicator(
        "tfp_share_growth", "%", "n/a",
        "Growth accounting TFP contribution (OECD productivity manual).",
        "Provincial TFP estimates are rare and method-dependent; tracked by hand.",
    ),
    Indicator(
        "technology_renewal_rate", "% per year", "n/a",
        "No harmonised international definition.",
        "Tracked by hand from the department's reports.",
    ),
    Indicator(
        "national_brand_products", "products", "n/a",
        "No international equivalent.",
        "Tracked by hand.",
        decimals=0,
    ),
    Indicator(
        "techmart_interval_years", "years", "n/a",
        "No international equivalent.",
        "Tracked by hand.",
        decimals=0,
    ),
    Indicator(
        "progress_report_interval_months", "months", "n/a",
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
