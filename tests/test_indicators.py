"""The indicator registry: complete, bilingual, and refusing to mix units or bases."""

from __future__ import annotations

import pytest

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.indicators import (
    INDICATORS,
    PROJECTED_IDS,
    UnitMismatchError,
    check_compatible,
    get_indicator,
)

DESIGN_IDS = {
    "population": "thousand persons",
    "grdp": "bn VND",
    "budget_expenditure": "bn VND",
    "budget_revenue_local": "bn VND",
    "st_budget": "bn VND",
    "st_investment": "bn VND",
    "st_investment_share_grdp": "%",
    "st_budget_share_expenditure": "%",
    "researchers": "persons",
    "researcher_density": "per 10,000 people",
    "funding_required": "bn VND",
    "funding_sufficiency": "ratio",
    "st_fund_contribution": "bn VND",
}


@pytest.mark.parametrize(("indicator_id", "unit"), sorted(DESIGN_IDS.items()))
def test_every_design_indicator_is_registered_with_its_unit(indicator_id: str, unit: str) -> None:
    ind = get_indicator(indicator_id)
    assert ind.unit == unit
    assert ind.basis in {"current", "constant 2010", "headcount", "FTE", "n/a"}
    assert ind.label("vi") and ind.label("en") and ind.label("vi") != ind.label("en")
    assert ind.definition("vi") and ind.definition("en") and ind.international_definition and ind.caveat


def test_plan_target_indicators_are_registered() -> None:
    from khcn_analysis.plan.load import load_plan

    for target in load_plan().targets:
        assert target.indicator in INDICATORS, target.id
        assert INDICATORS[target.indicator].unit == target.unit, target.id


def test_projected_ids_cover_design_and_plan_funding() -> None:
    assert set(DESIGN_IDS) <= set(PROJECTED_IDS)
    assert "plan_funding" in PROJECTED_IDS


def test_total_social_investment_is_not_labelled_as_gerd() -> None:
    ind = get_indicator("st_investment_share_grdp")
    assert "GERD" not in ind.label("en")
    assert "broader" in get_indicator("st_investment").caveat or "Not GERD" in ind.caveat


def test_vietnamese_unit_labels_and_number_format() -> None:
    assert get_indicator("st_budget").unit_label("vi") == "tỷ đồng"
    assert get_indicator("researcher_density").unit_label("vi") == "người/vạn dân"
    assert get_indicator("st_budget").format_value(12345.0, "vi") == "12.345,0 tỷ đồng"
    assert get_indicator("st_investment_share_grdp").format_value(1.5, "vi") == "1,50%"


def test_unknown_indicator_names_the_known_ones() -> None:
    with pytest.raises(InputError, match="grdp"):
        get_indicator("gdp_provincial")


def test_combining_headcount_with_fte_is_refused() -> None:
    with pytest.raises(UnitMismatchError, match="headcount.*FTE|FTE.*headcount"):
        check_compatible([("researchers", "persons", "headcount"), ("researchers_fte", "persons", "FTE")])


def test_combining_different_units_is_refused_and_same_is_allowed() -> None:
    with pytest.raises(UnitMismatchError, match="thousand persons"):
        check_compatible([("a", "persons", "n/a"), ("b", "thousand persons", "n/a")])
    assert check_compatible([("a", "bn VND", "current"), ("b", "bn VND", "current")]) == ("bn VND", "current")
