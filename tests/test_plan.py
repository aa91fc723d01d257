"""The plan file says what the plan says, and bad plan files fail with a clear error.

Expected values are written by hand from the plan text
(data/raw/plans/ke-hoach-khcn-lai-chau-2013.txt), not read back from the YAML.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest

from khcn_analysis.core.errors import KhcnError
from khcn_analysis.judge.compare import above_range, compare
from khcn_analysis.plan.fields import PlanError
from khcn_analysis.plan.load import load_national_targets, load_plan
from khcn_analysis.plan.national import side_by_side

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "plans"
# The plan text ships in data/raw/plans/ as the raw source of the encoding.
SEED = ROOT / "data" / "raw" / "plans" / "ke-hoach-khcn-lai-chau-2013.txt"

# id: (indicator, comparator, lower, upper, unit, base, year_from, year_to, clause, computable)
EXPECTED_TARGETS = {
    "tfp_share_2020_onward": ("tfp_share_growth", "between", 19, 24, "%", "economic_growth", 2020, None, "B.II item 1", False),
    "tech_renewal_to_2015": ("technology_renewal_rate", "between", 10, 12, "% per year", None, 2013, 2015, "B.II item 2", False),
    "tech_renewal_2020_onward": ("technology_renewal_rate", "greater_than", 15, None, "% per year", None, 2020, None, "B.II item 2", False),
    "researchers_2020": ("researcher_density", "between", 5, 7, "per 10,000 people", None, 2020, 2020, "B.II item 3", True),
    "researchers_2030": ("researcher_density", "at_least", 10, None, "per 10,000 people", None, 2030, 2030, "B.II item 3", True),
    "st_investment_2015": ("st_investment_share_grdp", "at_least", 1.5, None, "%", "grdp", 2015, 2015, "B.II item 4", True),
    "st_investment_2020_onward": ("st_investment_share_grdp", "greater_than", 2, None, "%", "grdp", 2020, None, "B.II item 4", True),
    "st_budget_share_every_year": ("st_budget_share_expenditure", "at_least", 2, None, "%", "budget_expenditure", 2013, None, "B.II item 4", True),
    "national_brands_2020": ("national_brand_products", "between", 3, 5, "products", None, 2013, 2020, "B.II item 5", False),
    "st_fund_share_every_year": ("st_fund_share_revenue_local", "between", 0.2, 0.5, "%", "budget_revenue_local", 2013, None, "D.IV", True),
    "techmart_interval": ("techmart_interval_years", "equal", 3, None, "years", None, 2013, None, "D.V", False),
    "progress_report_interval": ("progress_report_interval_months", "equal", 6, None, "months", None, 2013, None, "D' closing", False),
}  # fmt: skip

# phase: (start, end, stated total, {line id: (amount, source of money)})
EXPECTED_PHASES = {
    "p2013_2015": (2013, 2015, 124.5, {
        "offices": (9, "state_budget"),
        "st_capacity_projects": (72, "state_budget"),
        "st_research_tasks": (33.5, "state_budget"),
        "central_programmes": (8, "central_programmes"),
        "other_sources": (2, "other_mobilised"),
    }),
    "p2016_2020": (2016, 2020, 101.5, {
        "st_research_tasks": (89, "state_budget"),
        "central_programmes": (10, "central_programmes"),
        "other_sources": (2.5, "other_mobilised"),
    }),
}  # fmt: skip

EXPECTED_FIELDS = {
    "C.I.1": "nông - lâm - thủy sản",
    "C.I.2": "công nghiệp, tiểu thủ công nghiệp",
    "C.I.3": "thương mại, dịch vụ và du lịch",
    "C.I.4": "công nghệ tiên tiến",
    "C.I.5": "tài nguyên và môi trường",
    "C.I.6": "khoa học xã hội và nhân văn",
    "C.I.7": "y dược",
    "C.I.8": "giáo dục và đào tạo",
    "C.I.9": "quốc phòng - an ninh",
}
EXPECTED_AGENCIES = {
    "D'.II.1": "Sở Khoa học và Công nghệ",
    "D'.II.2": "Sở Kế hoạch và Đầu tư",
    "D'.II.3": "Sở Tài chính",
    "D'.II.4": "Sở Nội vụ",
    "D'.II.5": "Sở Công thương",
    "D'.II.6": "Sở Nông nghiệp và Phát triển nông thôn",
    "D'.II.7": "Các sở, ban, ngành khác và các huyện, thị xã",
}


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def national():
    return load_national_targets()


# ---- every figure of the plan ------------------------------------------------------------------


def test_the_plan_has_exactly_the_expected_targets(plan):
    assert {t.id for t in plan.targets} == set(EXPECTED_TARGETS)


@pytest.mark.parametrize("target_id", sorted(EXPECTED_TARGETS))
def test_each_target_has_the_value_the_text_states(plan, target_id):
    ind, comp, lo, up, unit, base, y0, y1, clause, computable = EXPECTED_TARGETS[target_id]
    t = next(t for t in plan.targets if t.id == target_id)
    assert (t.indicator, t.comparator, t.unit, t.base) == (ind, comp, unit, base)
    assert t.lower == lo and t.upper == up
    assert (t.year_from, t.year_to, t.clause, t.computable) == (y0, y1, clause, computable)
    assert t.text_vi and t.text_en


def test_every_year_targets_are_marked(plan):
    every = {t.id for t in plan.targets if t.every_year}
    assert {"st_budget_share_every_year", "st_fund_share_every_year"} <= every
    assert "researchers_2020" not in every and "st_investment_2015" not in every


def test_researcher_targets_do_not_claim_a_basis(plan):
    for t in plan.targets_for("researcher_density"):
        assert t.basis == "not stated"


def test_budget_phases_lines_and_sources_of_money(plan):
    assert [p.id for p in plan.phases] == list(EXPECTED_PHASES)
    for ph in plan.phases:
        start, end, total, lines = EXPECTED_PHASES[ph.id]
        assert (ph.start_year, ph.end_year, ph.stated_total) == (start, end, total)
        assert ph.years == list(range(start, end + 1))
        assert {line.id: (line.amount, line.source_of_money) for line in ph.lines} == lines
        assert all(line.text_vi for line in ph.lines)


def test_stated_total_and_yearly_average(plan):
    assert plan.stated_total == 226
    assert plan.budget.total.qualifier == "about"
    assert (plan.budget.total.start_year, plan.budget.total.end_year) == (2013, 2020)
    assert plan.stated_yearly_average == 24
    assert set(plan.budget.yearly_average.includes) == {"development_investment", "st_recurrent"}
    assert plan.budget.clause == "D'.I"


def test_budget_table_matches_the_contract(plan):
    table = plan.budget_table()
    assert list(table.columns) == [
        "phase", "start_year", "end_year", "line_id", "purpose_vi", "purpose_en",
        "source_of_money", "amount", "unit", "clause",
    ]  # fmt: skip
    assert len(table) == 8
    assert set(table["unit"]) == {"bn VND"}
    by_phase = table.groupby("phase")["amount"].sum().to_dict()
    assert by_phase == {"p2013_2015": 124.5, "p2016_2020": 101.5}
    row = table[(table.phase == "p2016_2020") & (table.line_id == "st_research_tasks")].iloc[0]
    assert (row.amount, row.source_of_money, row.clause) == (89, "state_budget", "D'.I.2")


def test_fields_vision_agencies_and_general_aim(plan):
    assert {f.clause: f.name_vi for f in plan.fields_of_work}.keys() == EXPECTED_FIELDS.keys()
    for f in plan.fields_of_work:
        assert EXPECTED_FIELDS[f.clause] in f.name_vi
    assert {a.clause: a.name_vi for a in plan.agencies} == EXPECTED_AGENCIES
    assert plan.vision_2030 and all(v.clause == "C.II" for v in plan.vision_2030)
    assert "miền núi phía Bắc" in plan.vision_2030[0].text_vi
    assert plan.general_aim.clause == "B.I"
    assert "Trung du miền núi phía Bắc" in plan.general_aim.text_vi
    assert plan.general_aim.measurable is False


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_vietnamese_quote_is_verbatim_from_the_plan_text(plan):
    seed = _normalise(SEED.read_text(encoding="utf-8"))
    quotes = [t.text_vi for t in plan.targets]
    quotes += [ph.text_vi for ph in plan.phases] + [
        x.text_vi for ph in plan.phases for x in ph.lines
    ]
    quotes += [plan.budget.total.text_vi, plan.budget.yearly_average.text_vi]
    quotes += [plan.general_aim.text_vi] + [v.text_vi for v in plan.vision_2030]
    quotes += [a.duties_vi for a in plan.agencies] + [f.name_vi for f in plan.fields_of_work]
    missing = [q for q in quotes if _normalise(q) not in seed]
    assert not missing, missing


# ---- queries -------------------------------------------------------------------------------------


def test_target_for_answers_by_indicator_and_year(plan):
    t = plan.target_for("researcher_density", 2020)
    assert (t.lower, t.upper, t.unit) == (5, 7, "per 10,000 people")
    assert plan.target_for("researcher_density", 2030).lower == 10
    assert plan.target_for("researcher_density", 2025) is None
    assert plan.target_for("st_investment_share_grdp", 2015).lower == 1.5
    later = plan.target_for("st_investment_share_grdp", 2027)
    assert (later.comparator, later.lower) == ("greater_than", 2)
    assert plan.target_for("st_investment_share_grdp", 2017) is None
    assert plan.target_for("st_budget_share_expenditure", 2018).lower == 2
    assert plan.target_for("st_budget_share_expenditure", 2012) is None
    assert plan.target_for("no_such_indicator", 2020) is None


def test_the_judge_compares_with_each_targets_comparator_scalar_and_vectorised(plan):
    def met(target, value):
        return compare(target.comparator, target.lower, target.upper, value)

    over2 = plan.target_for("st_investment_share_grdp", 2020)
    assert bool(met(over2, 2.01)) is True and bool(met(over2, 2.0)) is False
    floor = plan.target_for("st_investment_share_grdp", 2015)
    assert bool(met(floor, 1.5)) is True and bool(met(floor, 1.49)) is False
    band = plan.target_for("researcher_density", 2020)
    got = met(band, np.array([4.99, 5.0, 6.0, 7.0, 7.01, np.nan]))
    # "đạt mức 5-7": a range to reach, so passing its top still meets it.
    assert got.tolist() == [False, True, True, True, True, False]
    assert above_range(band.comparator, band.upper, 7.01) and not above_range(band.comparator, band.upper, 7.0)
    assert bool(met(plan.target_for("techmart_interval_years", 2016), 3)) is True


def test_applies_to_is_vectorised(plan):
    t = plan.target_for("st_investment_share_grdp", 2020)
    assert t.applies_to(np.arange(2018, 2023)).tolist() == [False, False, True, True, True]
    assert t.applies_to(2019) is False


def test_describe_uses_vietnamese_numbers(plan):
    t = plan.target_for("st_investment_share_grdp", 2015)
    assert t.describe("vi") == "≥ 1,5% GRDP"
    assert t.describe("en") == "≥ 1.5% of GRDP"
    assert plan.target_for("researcher_density", 2020).describe("vi") == "5–7 người/vạn dân"


# ---- malformed files -------------------------------------------------------------------------------

MALFORMED = [
    # file, location, found, expected
    ("bounds-reversed.yaml", "targets[0].upper", "5", "bounds are reversed"),
    ("unknown-comparator.yaml", "targets[1].comparator", "more_or_less", "'at_least'"),
    ("unknown-unit.yaml", "targets[1].unit", "% of GDPP", "'per 10,000 people'"),
    ("missing-clause.yaml", "targets[1].clause", "missing", "required"),
    ("duplicate-ids.yaml", "targets[1].id", "researchers_2020", "unique id"),
    ("unknown-key.yaml", "targets[0].colour", "unknown key", "keys the schema defines"),
    ("invalid-yaml.yaml", "line 4", "invalid YAML", "valid YAML"),
    ("duplicate-key.yaml", "line 36", "duplicate key 'lower'", "at most once"),
    ("empty.yaml", None, "empty file", "YAML mapping"),
    ("not-a-mapping.yaml", None, "list", "YAML mapping"),
]


@pytest.mark.parametrize(("name", "location", "found", "expected"), MALFORMED)
def test_malformed_file_names_file_path_found_and_expected(name, location, found, expected):
    path = FIXTURES / name
    with pytest.raises(PlanError) as info:
        load_plan(path)
    err = info.value
    assert isinstance(err, KhcnError) and err.exit_code == 2
    assert len(err.errors) == 1
    one = err.errors[0]
    assert one.file == str(path)
    if location is None:
        assert one.location is None
    else:
        assert one.location.startswith(location)
    message = str(err)
    assert name in message
    assert found in str(one.found)
    assert expected in one.expected
    assert f"found {one.found}" in message and f"expected {one.expected}" in message


def test_minimal_valid_fixture_loads():
    plan = load_plan(FIXTURES / "minimal-valid.yaml")
    assert [t.id for t in plan.targets] == ["researchers_2020", "st_investment_2015"]


def test_a_phase_that_does_not_add_up_still_loads():
    plan = load_plan(FIXTURES / "unbalanced-phase.yaml")
    assert plan.phases[0].lines_total == 29 and plan.phases[0].stated_total == 30


def _write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (FIXTURES / "minimal-valid.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "location", "expected"),
    [
        ("    upper: null\n", "    upper: 3\n", "targets[1].upper", "no upper bound"),
        ("    base: grdp\n", "", "targets[1].base", "what the share is of"),
        ("    basis: not stated\n", "", "targets[0].basis", "for people"),
        ("    year_to: 2015\n", "    year_to: 2010\n", "targets[1].year_to", "year_from"),
        ("    inputs: [researchers, population]\n", "", "targets[0].inputs", "data series"),
        (
            "          amount: 2\n",
            "          amount: -2\n",
            "budget.phases[0].lines[1].amount",
            "greater than or equal to 0",
        ),
        (
            "        - id: other\n",
            "        - id: research\n",
            "budget.phases[0].lines[1].id",
            "unique",
        ),
        ("    text_vi: Đạt 5-7 người trên một vạn dân.\n", "", "targets[0].text_vi", "required"),
    ],
)
def test_semantic_checks_name_the_field(tmp_path, old, new, location, expected):
    path = _write_variant(tmp_path, old, new)
    with pytest.raises(PlanError) as info:
        load_plan(path)
    locations = {e.location.split(" (line ")[0]: e for e in info.value.errors}
    assert location in locations, locations
    assert expected in locations[location].expected


def test_non_utf8_file_is_named(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title_vi: Kế hoạch".encode("utf-16"))
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert "not UTF-8" in str(info.value) and str(path) in str(info.value)


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_plan(tmp_path / "nope.yaml")


# ---- national targets ----------------------------------------------------------------------------

# id: (indicator, comparator, lower, upper, unit, base, basis, year_from, year_to, document)
EXPECTED_NATIONAL = {
    "res57_rd_2030": ("rd_expenditure_share_gdp", "at_least", 2, None, "%", "gdp", "n/a", 2030, 2030, "res57"),
    "res57_rd_personnel_2030": ("rd_personnel_per_10k", "at_least", 12, None, "per 10,000 people", None, "not stated", 2030, 2030, "res57"),
    "res57_st_budget_share": ("st_budget_share_expenditure", "at_least", 3, None, "%", "state_budget_expenditure", "n/a", 2025, None, "res57"),
    "dec569_st_investment_2025": ("st_investment_share_gdp", "between", 1.2, 1.5, "%", "gdp", "n/a", 2025, 2025, "dec569"),
    "dec569_rd_fte_2025": ("researchers_fte_per_10k", "at_least", 10, None, "per 10,000 people", None, "FTE", 2025, 2025, "dec569"),
    "dec418_researchers_2015": ("researchers_per_10k", "between", 9, 10, "per 10,000 people", None, "not stated", 2015, 2015, "dec418"),
    "res31_rd_2021_2025": ("rd_expenditure_share_gdp", "at_least", 1, None, "%", "gdp", "n/a", 2021, 2025, "res31"),
    "res57_tfp_2030": ("tfp_contribution_growth", "greater_than", 55, None, "%", "economic_growth", "n/a", 2030, 2030, "res57"),
}  # fmt: skip


def test_national_targets_have_the_sourced_values(national):
    assert national.scope == "national"
    assert {t.id for t in national.targets} == set(EXPECTED_NATIONAL)
    for t in national.targets:
        ind, comp, lo, up, unit, base, basis, y0, y1, doc = EXPECTED_NATIONAL[t.id]
        assert (t.indicator, t.comparator, t.lower, t.upper) == (ind, comp, lo, up), t.id
        assert (t.unit, t.base, t.basis, t.year_from, t.year_to, t.document) == (
            unit, base, basis, y0, y1, doc,
        ), t.id  # fmt: skip


def test_resolution_20_is_recorded_as_not_found(national):
    res20 = next(d for d in national.documents if d.id == "res20")
    assert res20.found is False
    assert "not found" in res20.note_en
    assert not [t for t in national.targets if t.document == "res20"]


def test_rd_spending_is_never_labelled_as_st_investment(national):
    rd = [t for t in national.targets if "R&D" in t.text_en or "research and" in t.text_en]
    assert rd
    for t in national.targets:
        if t.indicator.startswith("rd_"):
            assert t.indicator != "st_investment_share_grdp"
            assert t.comparable_to.caveat_en


def test_national_sources_match_sources_csv(national):
    path = ROOT / "data" / "raw" / "sources.csv"
    rows = {r["fact_id"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}
    for t in national.targets:
        assert t.sources, t.id
        for s in t.sources:
            row = rows[s.fact_id]
            assert row["source_url"] == s.url, s.fact_id
            assert row["quote"] == s.quote, s.fact_id
            assert row["qualifier"] == s.qualifier, s.fact_id
            value = float(row["value"])
            bound = t.upper if row["qualifier"] == "at most" else t.lower
            assert value == bound, (t.id, s.fact_id)


def test_every_national_target_links_to_a_provincial_indicator(plan, national):
    provincial = {t.indicator for t in plan.targets}
    for t in national.targets:
        assert t.comparable_to.indicator in provincial, t.id
        assert t.comparable_to.caveat_vi and t.comparable_to.caveat_en


def test_national_file_requires_sources(tmp_path):
    text = (ROOT / "data" / "raw" / "plans" / "national-targets.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:\n      - fact_id: vietnam.rd_expenditure_share_gdp.2030.b")
    end = text.index("    comparable_to:", start)
    path = tmp_path / "national.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_national_targets(path)
    assert [e.location.split(" (line ")[0] for e in info.value.errors] == ["targets[0].sources"]


def test_load_national_targets_refuses_a_provincial_plan():
    with pytest.raises(PlanError, match="scope"):
        load_national_targets(FIXTURES / "minimal-valid.yaml")


def test_side_by_side_pairs_national_and_provincial(plan, national):
    table = side_by_side(plan, national, "vi")
    assert len(table) == len(national.targets)
    row = table[table.national_target_id == "dec569_st_investment_2025"].iloc[0]
    assert row.provincial_indicator == "st_investment_share_grdp"
    assert "1,2–1,5% GDP" in row.national_target
    assert "≥ 1,5% GRDP (2015)" in row.provincial_target
    assert (
        row.sources
        == "vietnam.st_investment_share_gdp.2025.a;vietnam.st_investment_share_gdp.2025.b"
    )
