"""The audit finds what a careful reviewer would in Plan 182, with the numbers behind it.

Expected numbers are worked out by hand from the plan text: 226 bn VND over 2013–2020
(8 years) is 28.25 a year, not the stated 24; 124.5/3 = 41.5 and 101.5/5 = 20.3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khcn_analysis.plan.audit import Finding, audit_plan, findings_table
from khcn_analysis.plan.load import load_national_targets, load_plan

FIXTURES = Path(__file__).parent / "fixtures" / "plans"


@pytest.fixture(scope="module")
def findings() -> dict[str, Finding]:
    return {f.id: f for f in audit_plan(load_plan())}


def test_each_phase_adds_up_to_its_stated_total(findings):
    for phase, total in (("p2013_2015", 124.5), ("p2016_2020", 101.5)):
        f = findings[f"phase_sum.{phase}"]
        assert f.severity == "info"
        assert f.numbers["stated_total"] == total
        assert f.numbers["lines_total"] == pytest.approx(total)
        assert f.numbers["difference"] == pytest.approx(0)


def test_phases_add_up_to_the_grand_total(findings):
    f = findings["grand_total"]
    assert f.severity == "info"
    assert f.numbers["stated_total"] == 226
    assert f.numbers["phases_total"] == pytest.approx(226)
    assert f.numbers["qualifier"] == "about"
    assert "phase_coverage" not in findings


def test_stated_yearly_average_does_not_follow_from_the_total(findings):
    f = findings["yearly_average"]
    assert f.severity == "warning"
    assert f.numbers["years"] == 8
    assert f.numbers["implied_average"] == pytest.approx(28.25)
    assert f.numbers["stated_average"] == 24
    assert f.numbers["years_implied_by_stated_average"] == pytest.approx(226 / 24)
    assert f.numbers["p2013_2015.per_year"] == pytest.approx(41.5)
    assert f.numbers["p2016_2020.per_year"] == pytest.approx(20.3)
    assert "28,25" in f.message_vi and "41,5" in f.message_vi and "20,3" in f.message_vi
    assert "28.25" in f.message_en and "41.5" in f.message_en


def test_funding_halves_while_targets_rise(findings):
    f = findings["funding_vs_targets"]
    assert f.severity == "warning"
    assert f.numbers["ratio"] == pytest.approx(20.3 / 41.5)
    assert f.numbers["change_percent"] == pytest.approx((20.3 - 41.5) / 41.5 * 100)
    assert f.numbers["st_investment_share_grdp.2015"] == 1.5
    assert f.numbers["st_investment_share_grdp.2020"] == 2
    assert (
        f.numbers["researcher_density.2020.lower"],
        f.numbers["researcher_density.2020.upper"],
    ) == (5, 7)
    # offices (9) and capacity projects (72) exist only in the first phase
    assert f.numbers["lines_stopping_after_first_phase"] == 81
    assert f.numbers["st_research_tasks.per_year.p2016_2020"] == pytest.approx(89 / 5)
    assert "51,1%" in f.message_vi


def test_implied_ceilings_for_grdp_and_budget(findings):
    first = findings["implied_ceiling.p2013_2015"].numbers
    assert first["max_grdp"] == pytest.approx(41.5 / 1.5 * 100)
    assert first["state_budget_per_year"] == pytest.approx((9 + 72 + 33.5) / 3)
    assert first["max_budget_expenditure"] == pytest.approx((9 + 72 + 33.5) / 3 / 2 * 100)
    second = findings["implied_ceiling.p2016_2020"].numbers
    assert second["max_grdp"] == pytest.approx(20.3 / 2 * 100)
    assert second["max_budget_expenditure"] == pytest.approx(89 / 5 / 2 * 100)


def test_sources_of_money_split_provincial_central_and_other(findings):
    f = findings["sources_of_money"]
    assert f.severity == "warning"
    n = f.numbers
    assert (n["state_budget"], n["central_programmes"], n["other_mobilised"]) == (203.5, 18, 4.5)
    assert n["state_budget_share"] == pytest.approx(203.5 / 226 * 100)
    assert n["state_budget_per_year"] == pytest.approx(203.5 / 8)
    assert n["source_not_stated"] == 203.5
    assert "tổng đầu tư xã hội" in f.message_vi


def test_reviewer_flags(findings):
    assert findings["no_budget_after"].severity == "warning"
    assert findings["no_budget_after"].numbers["last_budget_year"] == 2020
    assert findings["no_budget_after"].numbers["latest_target_year"] == 2030
    assert "researchers_2030" in findings["no_budget_after"].numbers["targets"]
    assert findings["fund_outside_budget"].numbers == {
        "lower": 0.2, "upper": 0.5, "ratio_upper_to_lower": pytest.approx(2.5),
    }  # fmt: skip
    assert findings["ambiguous.st_fund_share_every_year"].severity == "warning"
    assert "ambiguous.national_brands_2020" in findings
    assert (
        findings["gdp_means_grdp"].numbers["targets"]
        == "st_investment_2015,st_investment_2020_onward"
    )
    assert "researchers_2020" in findings["no_baseline"].numbers["targets"]
    assert findings["investment_vs_recurrent"].severity == "warning"  # 72 bn could be either
    assert findings["general_aim_unmeasured"].severity == "info"


def test_computable_versus_hand_tracked_targets(findings):
    computable = findings["computable_targets"].numbers
    assert set(computable) == {
        "researchers_2020", "researchers_2030", "st_investment_2015",
        "st_investment_2020_onward", "st_budget_share_every_year", "st_fund_share_every_year",
    }  # fmt: skip
    assert computable["st_investment_2015"] == "st_investment+grdp"
    by_hand = findings["hand_tracked_targets"].numbers
    assert set(by_hand.values()) == {
        "tfp_share_growth", "technology_renewal_rate", "national_brand_products",
        "techmart_interval_years", "progress_report_interval_months",
    }  # fmt: skip


def test_real_plan_has_no_arithmetic_errors_and_findings_are_sorted():
    result = audit_plan(load_plan())
    assert not [f for f in result if f.severity == "error"]
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[f.severity] for f in result] == sorted(order[f.severity] for f in result)


def test_a_phase_that_does_not_add_up_is_an_error_finding():
    by_id = {f.id: f for f in audit_plan(load_plan(FIXTURES / "unbalanced-phase.yaml"))}
    f = by_id["phase_sum.p1"]
    assert f.severity == "error"
    assert f.numbers["difference"] == pytest.approx(-1)
    assert "lệch" in f.message_vi and "off by" in f.message_en
    assert by_id["grand_total"].severity == "error"


def test_numbers_follow_the_plan_not_constants():
    # minimal plan: 30 over 2013–2015 with a stated average of 10 → consistent
    f = {f.id: f for f in audit_plan(load_plan(FIXTURES / "minimal-valid.yaml"))}
    assert f["yearly_average"].severity == "info"
    assert f["yearly_average"].numbers["implied_average"] == pytest.approx(10)
    assert "funding_vs_targets" not in f  # one phase only


def test_national_targets_audit_without_a_budget():
    result = audit_plan(load_national_targets())
    ids = {f.id for f in result}
    assert not any(i.startswith(("phase_sum", "yearly_average", "sources_of_money")) for i in ids)


def test_findings_table_views(findings):
    items = list(findings.values())
    both = findings_table(items)
    assert list(both.columns) == ["id", "severity", "message_vi", "message_en", "numbers"]
    assert len(both) == len(items)
    en = findings_table(items, "en")
    assert list(en.columns) == ["id", "severity", "message", "numbers"]
    row = en[en.id == "yearly_average"].iloc[0]
    assert row.message.startswith("The stated average")
    assert row.numbers["implied_average"] == pytest.approx(28.25)


# ---- the wordings say what the plan says (issue 13.7), checked against its text ---------------


def test_no_budget_after_names_the_budget_share_as_the_plan_does(findings):
    """B.II.4: "không dưới 2% tổng chi ngân sách nhà nước" – total state budget, not 'local'."""
    f = findings["no_budget_after"]
    assert "≥ 2% tổng chi ngân sách nhà nước" in f.message_vi and "NSĐP" not in f.message_vi.split("Trích")[0]
    assert "≥ 2% of total state budget expenditure" in f.message_en
    assert "local budget expenditure" not in f.message_en
    assert "Chi ngân sách nhà nước cho KH&CN" in f.message_vi  # titles, not ids
    assert "st_budget_share_every_year" not in f.message_vi


def test_gdp_means_grdp_is_presented_as_the_workbooks_reading(findings):
    f = findings["gdp_means_grdp"]
    assert "cách đọc của sổ tay" in f.message_vi and "văn bản không nói rõ" in f.message_vi
    assert "the workbook's reading" in f.message_en and "the text does not say" in f.message_en
    assert "st_investment_2015" not in f.message_en


def test_investment_vs_recurrent_places_the_lines_whose_purpose_says_it(findings):
    """Offices are construction (development investment); research tasks are SNKH; 72 bn could be either."""
    f = findings["investment_vs_recurrent"]
    assert f.numbers["development_investment"] == 9
    assert f.numbers["st_recurrent"] == pytest.approx(33.5 + 89)
    assert f.numbers["either"] == 72
    assert "construction of offices (9 bn VND) – development investment" in f.message_en
    assert "S&T research tasks and projects (122.5 bn VND) – S&T recurrent funds" in f.message_en
    assert "cannot allocate from the plan as written" not in f.message_en


def test_sources_of_money_compares_like_with_like(findings):
    """The stated 24 bn VND/year is the average of all the money, not of the province's part."""
    f = findings["sources_of_money"]
    assert f.numbers["all_sources_per_year"] == pytest.approx(226 / 8)
    assert "not the stated" not in f.message_en
    assert "is for all the money, every source together" in f.message_en
    assert "là của toàn bộ kinh phí, mọi nguồn cộng lại" in f.message_vi


def test_general_aim_and_vision_name_one_region(findings):
    """"Trung du miền núi phía Bắc" (B.I) and "các tỉnh miền núi phía Bắc" (C.II) are one region."""
    f = findings["general_aim_unmeasured"]
    assert "nhóm so sánh khác" not in f.message_vi and "different peer group" not in f.message_en
    assert "cùng vùng Trung du và miền núi phía Bắc" in f.message_vi
    assert "the same Northern Midlands and Mountains region" in f.message_en


def test_reader_text_shows_no_ids(findings):
    for f in findings.values():
        for text in (f.message_vi, f.message_en):
            assert "researcher_density" not in text and "st_investment_share_grdp" not in text, f.id
