"""Cross-checks on the shipped data, and proof that they catch a transcription error."""

from __future__ import annotations

from pathlib import Path

import pytest

from khcn_analysis.data.assumptions import load_assumptions
from khcn_analysis.data.build import build_tables
from khcn_analysis.data.crosschecks import CROSSCHECK_COLUMNS, run_crosschecks
from khcn_analysis.data.sources import read_sources

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="module")
def shipped():
    facts = read_sources(RAW / "sources.csv")
    entries = load_assumptions(RAW / "assumptions.yaml")
    return facts, entries, build_tables(facts, entries, RAW / "assumptions.yaml")


def test_table_shape(shipped):
    checks = shipped[2]["crosschecks"]
    assert list(checks.columns) == CROSSCHECK_COLUMNS
    assert (checks.difference == checks.recomputed - checks.published).all()


def test_per_capita_recomputed_within_rounding(shipped):
    c = shipped[2]["crosschecks"]
    vn = c[(c.check == "gdp_per_capita_from_levels") & (c.region == "Vietnam")]
    assert set(vn.year) >= set(range(2010, 2017))
    assert vn.ok.all()
    lc = c[(c.check == "grdp_per_capita_from_levels") & (c.region == "Lai Chau")].iloc[0]
    assert lc.year == 2010 and lc.ok
    assert lc.recomputed == pytest.approx(3750.15 / 381.9)
    assert lc.published == 9.82


def test_growth_recomputed_from_constant_levels(shipped):
    c = shipped[2]["crosschecks"]
    g = c[(c.check == "growth_from_levels") & (c.region == "Lai Chau") & (c.year == 2016)]
    assert len(g) == 2 and g.ok.all()  # two sources state 24.88 %
    assert g.recomputed.iloc[0] == pytest.approx((6861 / 5494.1 - 1) * 100)


def test_known_2011_2015_inconsistency_is_a_finding_not_a_failure(shipped):
    c = shipped[2]["crosschecks"]
    f = c[(c.check == "average_growth_from_levels") & (c.region == "Lai Chau")
          & (c.year == 2011)].iloc[0]
    assert not f.ok
    assert f.published == 7.4
    assert f.recomputed == pytest.approx(((5494.1 / 3750.15) ** (1 / 5) - 1) * 100)
    assert f.recomputed == pytest.approx(7.94, abs=0.01)
    assert "known source inconsistency" in f.finding
    # the build still produced its tables
    assert len(shipped[2]["observations"]) > 300


def test_bounds_respected_by_interpolated_population(shipped):
    c = shipped[2]["crosschecks"]
    b = c[(c.check == "bound_more_than") & (c.year == 2021)
          & c.facts.str.contains("laichau.population.2021.a")].iloc[0]
    assert b.ok and b.published == 470 and b.recomputed > 470


def test_a_transcription_error_is_caught(shipped):
    facts, entries, _ = shipped
    bad = facts.copy()
    bad.loc[bad.fact_id == "vietnam.gdp_per_capita.2012.a", "value"] = 35.644  # typo: 36.544
    bad.loc[bad.fact_id == "laichau.grdp_real_2010.2016.a", "value"] = 6681  # typo: 6861
    tables = build_tables(bad, entries, RAW / "assumptions.yaml")
    c = tables["crosschecks"]
    pc = c[(c.check == "gdp_per_capita_from_levels") & (c.region == "Vietnam") & (c.year == 2012)]
    assert not pc.ok.iloc[0] and "check the transcription" in pc.finding.iloc[0]
    gr = c[(c.check == "growth_from_levels") & (c.region == "Lai Chau") & (c.year == 2016)]
    assert not gr.ok.any()


def test_run_crosschecks_accepts_raw_facts(shipped):
    facts, _, tables = shipped
    again = run_crosschecks(facts, tables["observations"])
    # the build adds the GRDP revision bridge's own checks (data/grdp_vintage.py)
    bridge = tables["crosschecks"]["check"].str.startswith(("grdp_revision", "price_rise"))
    assert len(again) == len(tables["crosschecks"]) - bridge.sum() and bridge.sum() == 3
