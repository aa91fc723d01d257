"""Cross-checks that would catch a transcription error in the raw facts.

Each check recomputes a published figure from other published figures (per-capita
output from the level and the population; growth rates from constant-price
levels; bounds such as "over 470 thousand" against our interpolated values) and
reports published, recomputed, difference and tolerance. A failed check is a
*finding* to read, never a build failure: some sources are known to be
internally inconsistent (see :data:`KNOWN_FINDINGS`).
"""

from __future__ import annotations

import pandas as pd

from khcn_analysis.data.facts import classify_facts

__all__ = ["CROSSCHECK_COLUMNS", "KNOWN_FINDINGS", "run_crosschecks"]

CROSSCHECK_COLUMNS = ["check", "region", "year", "published", "recomputed", "difference",
                      "tolerance", "ok", "finding", "facts"]

#: Findings the sources README already explains: (check, region, year) -> explanation.
KNOWN_FINDINGS = {
    ("average_growth_from_levels", "Lai Chau", 2011):
        "known source inconsistency: the thesis table states 7.4 %/year for 2011–2015 but its "
        "own constant-price levels imply about 7.9 %/year; calculations use the levels",
}
GROWTH_TOLERANCE = 0.05  # percentage points: published rates carry two decimals
BOUND_QUALIFIERS = {"more than": ">", "at least": ">=", "less than": "<", "at most": "<="}


def _row(check, region, year, published, recomputed, tolerance, facts, ok=None, finding=""):
    diff = recomputed - published
    ok = abs(diff) <= tolerance if ok is None else ok
    if not ok and not finding:
        finding = KNOWN_FINDINGS.get((check, region, year), "not explained by the sources "
                                     "README: check the transcription and the source")
    return {"check": check, "region": region, "year": int(year), "published": published,
            "recomputed": recomputed, "difference": diff, "tolerance": tolerance,
            "ok": bool(ok), "finding": "" if ok else finding, "facts": ";".join(facts)}


def _series(obs: pd.DataFrame, region: str, variable: str) -> pd.DataFrame:
    return obs[(obs.region == region) & (obs.variable == variable)].set_index("year")


def per_capita_checks(facts: pd.DataFrame, obs: pd.DataFrame) -> list[dict]:
    """Output ÷ population against the published per-capita figure (within rounding)."""
    rows = []
    # Vietnam, GSO 2010–2016: all three series observed in the same yearbook.
    gdp, pop, pc = (_series(obs, "Vietnam", v) for v in ("gdp", "population", "gdp_per_capita"))
    for year in sorted(set(gdp.index) & set(pop.index) & set(pc.index)):
        if gdp.loc[year, "status"] != "observed" or pop.loc[year, "status"] != "observed":
            continue
        recomputed = gdp.loc[year, "value"] / pop.loc[year, "value"]
        published = pc.loc[year, "value"]
        # published to 0.01 M VND; the population's rounding adds ~0.01 % of the value
        tol = 0.005 + abs(published) * 0.0005
        rows.append(_row("gdp_per_capita_from_levels", "Vietnam", year, published, recomputed,
                         tol, [gdp.loc[year, "source"], pop.loc[year, "source"],
                               pc.loc[year, "source"]]))
    # Lai Châu 2010: the base year, where constant-2010 GRDP equals current GRDP; the
    # yearbook computed its per-capita figure with its own population.
    ids = {"level": "laichau.grdp_real_2010.2010.a", "pop": "laichau.population.2010.b",
           "pc": "laichau.grdp_per_capita.2010.a"}
    f = facts.set_index("fact_id")["value"]
    if all(i in f.index for i in ids.values()):
        recomputed = f[ids["level"]] / f[ids["pop"]]
        rows.append(_row("grdp_per_capita_from_levels", "Lai Chau", 2010, f[ids["pc"]],
                         recomputed, 0.005 + f[ids["pc"]] * 0.0005, list(ids.values())))
    return rows


def growth_checks(facts: pd.DataFrame) -> list[dict]:
    """Real growth recomputed from constant-2010 levels against published rates."""
    rows = []
    levels = facts[(facts.variable == "grdp_real_2010") & (facts.period == "")
                   & (facts.qualifier == "exact")]
    lv = {(r.region, r.year): r for r in levels.itertuples()}
    yearly = facts[(facts.variable == "grdp_growth_real") & (facts.period == "")
                   & (facts.qualifier == "exact")]
    for r in yearly.itertuples():
        a, b = lv.get((r.region, r.year - 1)), lv.get((r.region, r.year))
        if a is None or b is None:
            continue
        recomputed = (b.value / a.value - 1) * 100
        rows.append(_row("growth_from_levels", r.region, r.year, r.value, recomputed,
                         GROWTH_TOLERANCE, [r.fact_id, a.fact_id, b.fact_id]))
    avg = facts[(facts.variable == "grdp_growth_real_avg") & (facts.kind != "target")]
    for r in avg.itertuples():
        start, end = (int(x) for x in r.period.split("-"))
        a, b = lv.get((r.region, start - 1)), lv.get((r.region, end))
        if a is None or b is None:
            continue
        n = end - start + 1
        recomputed = ((b.value / a.value) ** (1 / n) - 1) * 100
        rows.append(_row("average_growth_from_levels", r.region, r.year, r.value, recomputed,
                         GROWTH_TOLERANCE, [r.fact_id, a.fact_id, b.fact_id]))
    return rows


def bound_checks(facts: pd.DataFrame, obs: pd.DataFrame) -> list[dict]:
    """Published bounds ("over 470 thousand") against the values the build produced."""
    rows = []
    bounds = facts[facts.qualifier.isin(BOUND_QUALIFIERS) & (facts.period == "")
                   & (facts.kind != "target")]
    key = obs.set_index(["region", "variable", "basis", "year"])
    for r in bounds.itertuples():
        k = (r.region, r.pvariable, r.basis, r.year)
        if k not in key.index:
            continue
        got = key.loc[k]
        value = float(got["value"])
        op = BOUND_QUALIFIERS[r.qualifier]
        ok = {">": value > r.value, ">=": value >= r.value, "<": value < r.value,
              "<=": value <= r.value}[op]
        rows.append(_row(f"bound_{r.qualifier.replace(' ', '_')}", r.region, r.year, r.value,
                         value, 0.0, [r.fact_id, *str(got["source"]).split(";")], ok=ok,
                         finding=f"{got['status']} value {value:g} is not {op} {r.value:g}"))
    # Lai Châu 2020: the direct GRDP level ÷ population against "over 40 M VND per person"
    g, p = _series(obs, "Lai Chau", "grdp"), _series(obs, "Lai Chau", "population")
    pc = facts[(facts.fact_id == "laichau.grdp_per_capita.2020.a")]
    if 2020 in g.index and 2020 in p.index and len(pc) == 1:
        value = g.loc[2020, "value"] / p.loc[2020, "value"]
        ok = value > pc.iloc[0].value
        rows.append(_row("grdp_per_capita_from_levels_bound", "Lai Chau", 2020,
                         float(pc.iloc[0].value), value, 0.0,
                         [pc.iloc[0].fact_id, g.loc[2020, "source"], p.loc[2020, "source"]],
                         ok=ok, finding=f"recomputed {value:.1f} is not over the published bound"))
    return rows


def run_crosschecks(facts: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """Every cross-check as a tidy table (one row per check and year)."""
    if "region" not in facts:
        facts = classify_facts(facts)
    rows = per_capita_checks(facts, obs) + growth_checks(facts) + bound_checks(facts, obs)
    return pd.DataFrame.from_records(rows, columns=CROSSCHECK_COLUMNS)
