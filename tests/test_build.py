"""The build on the shipped data: values spot-checked against sources.csv rows written by
hand, statuses, conflict rules, derivations, assumptions, department precedence, and raw
files that stay untouched."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from khcn_analysis.core.errors import InputErrors, NotBuiltError
from khcn_analysis.data import baseline
from khcn_analysis.data.build import CONFLICT_RULES, build_processed
from khcn_analysis.data.facts import processed_variable
from khcn_analysis.data.sources import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    report = build_processed(processed_dir=out)
    return out, report, baseline.load_observations(out)


def value(obs, region, variable, year, basis=None):
    s = baseline.series(region, variable, basis=basis, observations=obs)
    row = s[s.year == year]
    assert len(row) == 1, f"{region}/{variable}/{year}: {row}"
    return row.iloc[0]


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_raw_sources_is_a_verbatim_copy_of_the_shared_file():
    shared = Path("/work/shared/data/sources.csv")
    if not shared.exists():
        pytest.skip("shared data folder not present on this machine")
    assert (RAW / "sources.csv").read_bytes() == shared.read_bytes()


def test_observed_values_match_sources_rows(built):
    _, _, obs = built
    # laichau.population.2012.a: GSO average population, 397.3 thousand
    r = value(obs, "Lai Chau", "population", 2012)
    assert (r.value, r.status, r.source, r.unit) == (397.3, "observed",
                                                     "laichau.population.2012.a",
                                                     "thousand persons")
    # laichau.budget_revenue_local.2022.a: plan 2016.92 bn VND
    r = value(obs, "Lai Chau", "budget_revenue_local", 2022)
    assert (r.value, r.status, r.unit, r.basis) == (2016.92, "observed", "bn VND", "current")
    # laichau.grdp.2020.a: direct estimate 20486 (no derivation that year)
    r = value(obs, "Lai Chau", "grdp", 2020)
    assert (r.value, r.status, r.source) == (20486.0, "observed", "laichau.grdp.2020.a")
    # vietnam.gdp_per_capita.2013.a: 39.932
    assert value(obs, "Vietnam", "gdp_per_capita", 2013).value == 39.932


def test_derived_grdp_is_per_capita_times_population(built):
    _, _, obs = built
    r = value(obs, "Lai Chau", "grdp_pre_revision", 2016)  # as published, before the GSO revision
    assert r.value == pytest.approx(22.5 * 436.0)
    assert r.status == "derived" and r.basis == "current"
    assert r.source == "laichau.grdp_per_capita.2016.a;laichau.population.2016.a"
    # 2010–2015 pair with the yearbook population of the same table (README)
    r = value(obs, "Lai Chau", "grdp_pre_revision", 2015)
    assert r.value == pytest.approx(18.2 * 430.96)
    assert "laichau.population.2015.c" in r.source


def test_current_and_constant_prices_never_share_a_series(built):
    _, _, obs = built
    assert set(obs.loc[obs.variable == "grdp", "basis"]) == {"current"}
    assert set(obs.loc[obs.variable == "grdp_real_2010", "basis"]) == {"constant 2010"}
    assert value(obs, "Lai Chau", "grdp_real_2010", 2015).value == 5494.1
    assert (obs.groupby(["region", "variable"])["basis"].nunique() == 1).all()


def test_plans_and_final_accounts_are_different_series(built):
    _, _, obs = built
    plan = value(obs, "Lai Chau", "budget_expenditure", 2019)
    final = value(obs, "Lai Chau", "budget_expenditure_final", 2019)
    assert (plan.value, plan.source) == (7883.23, "laichau.budget_expenditure.2019.b")
    assert (final.value, final.source) == (10218.812, "laichau.budget_expenditure.2019.a")
    assert processed_variable("budget_revenue_collected", "plan", "official") == \
        "budget_revenue_collected_plan"
    assert value(obs, "Lai Chau", "budget_revenue_collected_plan", 2013).value == 375.8


def test_population_after_2016_is_interpolated_between_observed_points(built):
    _, _, obs = built
    r = value(obs, "Lai Chau", "population", 2017)
    assert r.status == "interpolated"
    assert r.value == pytest.approx(436.0 + (460.196 - 436.0) / 3)
    assert "1 April" in r.note
    assert value(obs, "Lai Chau", "population", 2019).status == "observed"
    pop = baseline.series("Lai Chau", "population", observations=obs)
    assert pop.year.max() == 2022  # never beyond the last observed point
    interp = obs[obs.status == "interpolated"]
    assert set(interp.variable) == {"population", "grdp"}  # grdp: 2018–2019, across the GSO revision


def test_assumptions_carry_status_source_and_rule(built):
    out, _, obs = built
    r = value(obs, "Lai Chau", "st_budget", 2022)
    assert (r.value, r.status) == (14.286, "assumption")
    assert r.source.startswith("assumption:st_budget_2022_recurrent_line")
    r = value(obs, "Lai Chau", "st_budget", 2018)
    assert r.value == pytest.approx(14.286 / 5455.327 * 4924.629)
    r = value(obs, "Lai Chau", "st_investment", 2022)
    assert r.value == pytest.approx(14.286 / 0.70) and r.status == "assumption"
    assert r.source.startswith("assumption:st_investment_state_share")
    r = value(obs, "Lai Chau", "researchers", 2011, basis="headcount")
    assert r.value == pytest.approx(105230 / 87860.4 * 10 * 10.9 / 15.4 * 389.4 / 10, rel=1e-9)
    assert r.status == "assumption" and "per 10,000" in r.note
    table = pd.read_csv(out / "assumptions.csv")
    assert table["computation"].str.len().gt(10).all() and table["reason"].str.len().gt(40).all()
    details = baseline.load_source_details(out).set_index("id")
    assert details.loc["assumption:st_investment_state_share", "quality"] == "assumption"


def test_every_source_id_is_explained(built):
    out, _, obs = built
    ids = {i for s in obs.source for i in s.split(";")}
    known = set(baseline.load_source_details(out)["id"])
    assert ids <= known


def test_statuses_and_summary(built):
    _, report, obs = built
    assert set(obs.status) == {"observed", "derived", "interpolated", "assumption"}
    text = report.summary()
    for part in ("sources.csv 442 rows", "observations.csv", "conflicts resolved:",
                 "cross-checks:", "excluded: target"):
        assert part in text
    assert report.status_counts["interpolated"] == 6  # population 2017, 2018, 2020, 2021; grdp 2018, 2019


def test_nothing_silently_dropped(built):
    out, _, _ = built
    facts = baseline.load_facts(out)
    assert len(facts) == 442
    assert set(facts.disposition) == {"observation", "rejected", "excluded"}
    assert facts.loc[facts.disposition != "observation", "reason"].str.len().gt(0).all()
    old = facts[facts.fact_id == "laichau.population.1999.a"].iloc[0]
    assert old.disposition == "excluded" and "2004 split" in old.reason


@pytest.mark.parametrize(("variable", "year", "chosen", "rule"), [
    ("population", 2011, "laichau.population.2011.a", "population_gso_average_series"),
    ("population", 2015, "laichau.population.2015.a", "population_gso_average_series"),
    ("grdp_growth_real", 2022, "laichau.grdp_growth_real.2022.a", "generic_ranking"),
    ("grdp_growth_real", 2024, "laichau.grdp_growth_real.2024.a", "generic_ranking"),
    ("grdp_per_capita", 2014, "laichau.grdp_per_capita.2014.b", "grdp_per_capita_yearbook_series"),
    ("grdp_per_capita", 2024, "laichau.grdp_per_capita.2024.b", "known_bad_rows"),
])
def test_conflicts_follow_the_readme_table(built, variable, year, chosen, rule):
    out, _, _ = built
    c = baseline.load_conflicts(out)
    group = c[(c.region == "Lai Chau") & (c.variable == variable) & (c.year == year)]
    assert group.loc[group.decision == "chosen", "fact_id"].tolist() == [chosen]
    assert set(group.rule) == {rule}
    assert (group.decision == "rejected").sum() == len(group) - 1


def test_national_conflicts(built):
    out, _, obs = built
    assert value(obs, "Vietnam", "rd_expenditure_share_gdp", 2011).value == 0.15  # WDI
    assert value(obs, "Northern midlands and mountain areas", "pii_score", 2023).value == 32.19
    assert value(obs, "Vietnam", "population", 2011).value == 87860.4


def _group(rows: list[dict]) -> pd.DataFrame:
    base = {"region": "Lai Chau", "variable": "population", "basis": "n/a", "year": 2009,
            "kind": "outturn", "qualifier": "exact", "source_quality": "press",
            "source_url": "https://example.org", "file": "sources.csv", "row": 2}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_each_rule_is_testable_on_its_own():
    rules = {r.name: r.choose for r in CONFLICT_RULES}
    g = _group([{"fact_id": "a", "value": 1.0, "kind": "census"},
                {"fact_id": "b", "value": 2.0, "kind": "outturn"}])
    assert rules["population_average_over_census"](g) == "b"
    g = _group([{"fact_id": "a", "value": 1.0, "source_quality": "official"},
                {"fact_id": "department.x.population.2009", "value": 2.0,
                 "source_quality": "department"}])
    assert rules["department_first"](g) == "department.x.population.2009"
    g = _group([{"fact_id": "a", "value": 1.0, "kind": "estimate", "source_quality": "official"},
                {"fact_id": "b", "value": 2.0, "kind": "outturn", "source_quality": "secondary"}])
    assert rules["generic_ranking"](g) == "b"
    assert rules["population_gso_average_series"](g) is None


def write_department(folder: Path, rows: list[tuple[str, int, str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2025-03-01-0a1b2c3d.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for variable, year, value_, unit, basis in rows:
            w.writerow({
                "fact_id": f"department.2025-03-01-0a1b2c3d.{variable}.{year}",
                "geography": "Lai Châu", "variable": variable, "year": year, "period": "",
                "value": value_, "unit": unit, "basis": basis, "kind": "outturn",
                "qualifier": "exact", "source_url": "file:mau.xlsx",
                "source_name": "Sở KH&CN Lai Châu (nhập ngày 2025-03-01)",
                "source_quality": "department", "quote": "Chi KH&CN!C5", "note": ""})
    return path


def copy_raw(dest: Path) -> Path:
    raw = dest / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(RAW / "sources.csv", raw / "sources.csv")
    shutil.copy(RAW / "assumptions.yaml", raw / "assumptions.yaml")
    return raw


def test_department_rows_take_precedence(tmp_path):
    raw = copy_raw(tmp_path)
    write_department(raw / "department", [
        ("st_budget", 2022, "31.5", "billion VND", "current"),
        ("budget_expenditure", 2022, "8100", "billion VND", "current"),
        ("researchers", 2024, "57", "persons", "headcount"),
    ])
    out = tmp_path / "processed"
    report = build_processed(raw_dir=raw, processed_dir=out)
    obs = baseline.load_observations(out)
    r = value(obs, "Lai Chau", "st_budget", 2022)
    assert (r.value, r.status) == (31.5, "observed")
    assert r.source == "department.2025-03-01-0a1b2c3d.st_budget.2022"
    r = value(obs, "Lai Chau", "budget_expenditure", 2022)
    assert r.value == 8100.0 and r.source.startswith("department.")
    conflicts = baseline.load_conflicts(out)
    assert "department_first" in set(conflicts.rule)
    # the assumption for that year is superseded and says by what
    log = pd.read_csv(out / "assumptions.csv")
    row = log[(log.id == "st_budget_2022_recurrent_line")].iloc[0]
    assert not row.used and "department." in row.superseded_by
    # st_investment follows the imported st_budget, still as an assumption (the 70 % share)
    r = value(obs, "Lai Chau", "st_investment", 2022)
    assert r.value == pytest.approx(31.5 / 0.70) and r.status == "assumption"
    assert value(obs, "Lai Chau", "researchers", 2024).status == "observed"
    assert any(k.startswith("department/") for k in report.rows_read)


def test_bad_raw_file_fails_the_build_and_writes_nothing(tmp_path):
    raw = copy_raw(tmp_path)
    text = (raw / "sources.csv").read_text(encoding="utf-8")
    (raw / "sources.csv").write_text(text.replace(",397.3,", ",397,3,", 1), encoding="utf-8")
    out = tmp_path / "processed"
    with pytest.raises(InputErrors):
        build_processed(raw_dir=raw, processed_dir=out)
    assert not out.exists()


def test_missing_build_says_how_to_fix(tmp_path):
    with pytest.raises(NotBuiltError, match="khcn data build"):
        baseline.load_observations(tmp_path)


@pytest.mark.slow  # the installed command in a subprocess
def test_cli_build_writes_only_processed_and_never_touches_raw(tmp_path):
    raw = copy_raw(tmp_path)
    (tmp_path / "data" / "processed").mkdir()
    before_raw, before_all = hashes(raw), hashes(tmp_path)
    env = {**os.environ, "KHCN_ROOT": str(tmp_path)}
    done = subprocess.run([str(Path(sys.executable).parent / "khcn"), "data", "build"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "conflicts resolved" in done.stdout
    assert hashes(raw) == before_raw
    new = set(hashes(tmp_path)) - set(before_all)
    assert new and all(p.startswith("data/processed/") for p in new)
    manifest = json.loads((tmp_path / "data/processed/manifest.json").read_text())
    assert manifest["inputs"]["sources.csv"]["sha256"] == before_raw["sources.csv"]


def test_build_of_shipped_data_leaves_repository_raw_unchanged(tmp_path):
    before = hashes(RAW)
    build_processed(processed_dir=tmp_path)
    assert hashes(RAW) == before


def test_assumptions_file_is_validated_with_field_names(tmp_path):
    from khcn_analysis.data.assumptions import load_assumptions

    bad = tmp_path / "assumptions.yaml"
    bad.write_text(
        "assumptions:\n"
        "  - id: x\n    variable: st_budget\n    region: Lai Chau\n    unit: bn VND\n"
        "    basis: current\n    years: [2020]\n    rule: value\n    value: 5\n"
        "    reason: because a proxy says so, see the README\n    assumption: false\n"
        "  - id: y\n    variable: st_budget\n    region: Lai Chau\n    unit: bn VND\n"
        "    basis: current\n    years: [2020]\n    rule: copy_fact\n    inputs: {}\n"
        "    reason: because a proxy says so, see the README\n    assumption: true\n"
        "  - id: z\n    colour: red\n",
        encoding="utf-8")
    with pytest.raises(InputErrors) as info:
        load_assumptions(bad)
    text = str(info.value)
    assert f"{bad}, assumptions[0].assumption (line 11): found False" in text
    assert "assumptions[2].colour" in text
    assert "rule 'copy_fact' needs inputs ['fact']" in text
