"""``khcn data build``: validated raw facts -> tidy tables in ``data/processed/``.

The steps read top to bottom in :func:`build_processed`: validate the raw files,
decide for every fact whether it is an observation (and why not, if not), pick
one value where sources conflict (named rules, each testable), interpolate
population inside observed ranges, derive current-price GRDP, add the declared
assumptions where nothing better exists, run the cross-checks, and write.

Series kept apart on purpose (ARCHITECTURE.md, data/raw/README.md):

* prices: ``grdp`` (current) and ``grdp_real_2010`` (constant 2010) are different
  variable ids; ``basis`` is part of every key, so the two never form one series;
* budget plans and final accounts: the variables the model reads as plans
  (:data:`PLAN_SERIES`, e.g. ``budget_expenditure`` = form-B46 plans) keep their id
  for plan rows and get ``<id>_final`` for final accounts/outturns
  (``budget_expenditure_final`` = form-B62 quyết toán); for every other variable
  plan rows get ``<id>_plan`` (``budget_revenue_collected_plan``). A department
  import is an actual and replaces the plan value of the model series for its year.

Precedence for one (region, variable, basis, year): department import, then the
observation chosen by the conflict rules, then a derived value, then interpolation,
then an assumption.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from khcn_analysis.data.assumptions import compute_assumption, load_assumptions
from khcn_analysis.data.facts import classify_facts, set_aside
from khcn_analysis.data.imports import split_current
from khcn_analysis.data.plausibility import (
    Finding,
    check_sources,
    describe,
    findings_table,
    load_rules,
    rules_path,
    screened_build,
)
from khcn_analysis.data.processed_set import write_set
from khcn_analysis.data.sources import read_department_dir, read_facts

logger = logging.getLogger(__name__)

__all__ = [
    "CONFLICT_RULES",
    "OBSERVATION_COLUMNS",
    "BuildReport",
    "build_processed",
    "build_tables",
    "resolve_conflicts",
]

OBSERVATION_COLUMNS = ["region", "variable", "unit", "basis", "year", "value", "status",
                       "source", "note"]
SOURCE_DETAIL_COLUMNS = ["id", "url", "name", "quality", "quote"]
KEY = ["region", "variable", "basis", "year"]

KIND_RANK = {"outturn": 0, "preliminary": 1, "census": 2, "estimate": 3, "plan": 4,
             "target": 5}
QUALITY_RANK = {"department": 0, "official": 1, "official-mirror": 2, "press": 3,
                "secondary": 4, "aggregator": 5}
QUALIFIER_RANK = {"exact": 0, "about": 1}
#: Series interpolated linearly between observed points (never beyond them).
INTERPOLATED = (("Lai Chau", "population", "n/a"),)
GSO_AVERAGE_POPULATION = "Average%20population%20by%20province"
YEARBOOK_TABLE = "123docz.net/trich-doan/3383190"
WDI_GERD = "GB.XPD.RSDV.GD.ZS"
#: Rows the README's conflicts table names as wrong, with the reason.
KNOWN_BAD_ROWS = {
    "laichau.population.2011.c": "the yearbook's 2012 value mislabelled 'to 2011' in a thesis",
    "laichau.population.2013.c": "Wikipedia-mirror figure without stated origin",
    "laichau.grdp_per_capita.2024.a": "GRDP per capita mislabelled as income; 56.2 is the "
    "later year-end estimate",
}


# --------------------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class ConflictRule:
    """A named rule: picks the row to keep from a group of competing rows, or passes."""

    name: str
    description: str
    choose: Callable[[pd.DataFrame], str | None]


def _ranked(group: pd.DataFrame) -> pd.DataFrame:
    return group.assign(
        _k=group["kind"].map(KIND_RANK).fillna(9),
        _q=group["source_quality"].map(QUALITY_RANK).fillna(9),
        _x=group["qualifier"].map(QUALIFIER_RANK).fillna(9),
    ).sort_values(["_k", "_q", "_x", "fact_id"])


def _department_first(g: pd.DataFrame) -> str | None:
    if "department" not in set(g["source_quality"]):  # most keys: no frame filtered
        return None
    dept = g[g["source_quality"] == "department"]
    return dept.sort_values(["file", "row"]).iloc[-1]["fact_id"]


def _known_bad_rows(g: pd.DataFrame) -> str | None:
    bad = g["fact_id"].isin(KNOWN_BAD_ROWS)
    if not bad.any() or bad.all():
        return None
    return _ranked(g[~bad]).iloc[0]["fact_id"]


def _population_gso_average(g: pd.DataFrame) -> str | None:
    if g["variable"].iloc[0] != "population":
        return None
    gso = g[g["source_url"].str.contains(GSO_AVERAGE_POPULATION, regex=False)]
    return gso.iloc[0]["fact_id"] if len(gso) == 1 else None


def _population_average_over_census(g: pd.DataFrame) -> str | None:
    if g["variable"].iloc[0] != "population":
        return None
    census, other = g[g["kind"] == "census"], g[g["kind"] != "census"]
    if census.empty or other.empty:
        return None
    return _ranked(other).iloc[0]["fact_id"]


def _per_capita_yearbook_series(g: pd.DataFrame) -> str | None:
    if g["variable"].iloc[0] != "grdp_per_capita" or g["region"].iloc[0] != "Lai Chau":
        return None
    book = g[g["source_url"].str.contains(YEARBOOK_TABLE, regex=False)]
    return book.iloc[0]["fact_id"] if len(book) == 1 else None


def _gerd_wdi_series(g: pd.DataFrame) -> str | None:
    if g["variable"].iloc[0] != "rd_expenditure_share_gdp":
        return None
    wdi = g[g["source_url"].str.contains(WDI_GERD, regex=False)]
    return wdi.iloc[0]["fact_id"] if len(wdi) == 1 else None


def _same_value(g: pd.DataFrame) -> str | None:
    if g["value"].nunique() != 1:
        return None
    return _ranked(g).iloc[0]["fact_id"]


def _generic_ranking(g: pd.DataFrame) -> str | None:
    return _ranked(g).iloc[0]["fact_id"]


#: Applied in order; the first rule that picks a row decides. Names appear in conflicts.csv.
CONFLICT_RULES: tuple[ConflictRule, ...] = (
    ConflictRule("department_first",
                 "the department's own imported actuals win; the latest import first",
                 _department_first),
    ConflictRule("population_gso_average_series",
                 "population: GSO 'Average population by province' table over the provincial "
                 "yearbook, mirrors and other GSO tables (one definition, continuous series)",
                 _population_gso_average),
    ConflictRule("population_average_over_census",
                 "population: an annual average over a census count at 1 April",
                 _population_average_over_census),
    ConflictRule("grdp_per_capita_yearbook_series",
                 "Lai Chau GRDP per capita 2010–2015: the yearbook table (consistent series, "
                 "pairs with the yearbook population) over a single web page",
                 _per_capita_yearbook_series),
    ConflictRule("gerd_wdi_series",
                 "R&D spending % of GDP: the World Bank WDI/UIS series (one international "
                 "definition) over a blog repost or press figure",
                 _gerd_wdi_series),
    ConflictRule("known_bad_rows",
                 "rows the sources README shows to be mislabelled or of unknown origin lose",
                 _known_bad_rows),
    ConflictRule("same_value_confirmation",
                 "rows agree: keep the best-ranked one, the others are confirmations",
                 _same_value),
    ConflictRule("generic_ranking",
                 "later, more final figure first (outturn > preliminary > census > estimate > "
                 "plan), then source quality (department > official > official-mirror > press "
                 "> secondary > aggregator), then exact before 'about'",
                 _generic_ranking),
)


def resolve_conflicts(candidates: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One chosen row per key; the table of every chosen/rejected row of contested keys."""
    cand = candidates.rename(columns={"pvariable": "_pv"}).assign(
        _key=lambda d: list(zip(d["region"], d["_pv"], d["basis"], d["year"], strict=True)))
    # Most keys have one candidate: taken as they are; only contested keys are grouped and ranked.
    alone = cand["_key"].map(cand["_key"].value_counts()) == 1
    chosen_ids, records = list(cand.loc[alone, "fact_id"]), []
    for key, group in cand[~alone].groupby("_key", sort=True):
        for rule in CONFLICT_RULES:
            pick = rule.choose(group)
            if pick is not None:
                break
        chosen_ids.append(pick)
        # zip over the five columns, not itertuples (which builds a namedtuple class per group)
        for fact_id, value, kind, quality, name in zip(
                group["fact_id"], group["value"], group["kind"], group["source_quality"], group["source_name"],
                strict=True):
            records.append({
                "region": key[0], "variable": key[1], "basis": key[2], "year": key[3],
                "fact_id": fact_id, "value": value, "kind": kind,
                "source_quality": quality, "source_name": name,
                "decision": "chosen" if fact_id == pick else "rejected",
                "rule": rule.name, "rule_description": rule.description,
            })
    chosen = candidates[candidates["fact_id"].isin(chosen_ids)]
    return chosen, pd.DataFrame.from_records(records, columns=[
        "region", "variable", "basis", "year", "fact_id", "value", "kind", "source_quality",
        "source_name", "decision", "rule", "rule_description"])


# --------------------------------------------------------------------------- series steps


def _observed_rows(chosen: pd.DataFrame) -> pd.DataFrame:
    notes = []
    for r in chosen.itertuples():
        bits = [f"kind: {r.kind}"]
        if r.kind == "census":
            bits.append("census count at 1 April, not an annual average")
        if r.qualifier != "exact":
            bits.append(f"qualifier: {r.qualifier}")
        if r.source_quality == "department":
            bits.append(f"department import {r.file}")
        notes.append("; ".join(bits))
    return pd.DataFrame({
        "region": chosen["region"], "variable": chosen["pvariable"], "unit": chosen["punit"],
        "basis": chosen["basis"], "year": chosen["year"].astype(int),
        "value": chosen["value"].astype(float), "status": "observed",
        "source": chosen["fact_id"], "note": notes,
    })


def interpolate_inside(obs: pd.DataFrame, region: str, variable: str, basis: str
                       ) -> pd.DataFrame:
    """Linear values for the missing years strictly between observed years of one series."""
    s = obs[(obs.region == region) & (obs.variable == variable) & (obs.basis == basis)]
    s = s.sort_values("year")
    rows = []
    for (_, a), (_, b) in zip(s.iloc[:-1].iterrows(), s.iloc[1:].iterrows(), strict=True):
        for year in range(int(a.year) + 1, int(b.year)):
            w = (year - a.year) / (b.year - a.year)
            note = (f"linear between {int(a.year)} ({a.value:g}) and {int(b.year)} "
                    f"({b.value:g})")
            if "census" in (a.note + b.note):
                note += "; a census end point is a count at 1 April, not an annual average"
            rows.append({
                "region": region, "variable": variable, "unit": a.unit, "basis": basis,
                "year": year, "value": float(a.value + w * (b.value - a.value)),
                "status": "interpolated", "source": f"{a.source};{b.source}", "note": note,
            })
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


def derive_grdp(obs: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Lai Châu current-price GRDP = per-capita GRDP × population, where no direct level exists.

    The per-capita figure is paired with a population from the same source table
    when one exists (the 2010–2015 yearbook computed its per-capita values with its
    own population); otherwise with the chosen population series. Each year is
    computed within itself: nothing is chained across the 2019–2021 GSO revision.
    """
    lc = obs[obs.region == "Lai Chau"]
    have = set(lc[lc.variable == "grdp"]["year"])
    pop = lc[lc.variable == "population"].set_index("year")
    fpop = facts[(facts.region == "Lai Chau") & (facts.variable == "population")
                 & (facts.qualifier == "exact")]
    rows = []
    for r in lc[lc.variable == "grdp_per_capita"].itertuples():
        if r.year in have:
            continue
        url = facts.loc[facts.fact_id == r.source.split(";")[0], "source_url"]
        paired = fpop[(fpop.year == r.year) & fpop.source_url.isin(url)]
        if len(paired) == 1:
            p = paired.iloc[0]
            p_value, p_source = float(p.value), p.fact_id
            how = "population from the same source table as the per-capita figure"
        elif r.year in pop.index:
            p_value = float(pop.loc[r.year, "value"])
            p_source = pop.loc[r.year, "source"]
            how = f"population {pop.loc[r.year, 'status']}"
        else:
            continue
        vintage = "pre-revision (GSO ≤2016 vintage)" if r.year <= 2017 else \
            "post-revision vintage"
        rows.append({
            "region": "Lai Chau", "variable": "grdp", "unit": "bn VND", "basis": "current",
            "year": int(r.year), "value": r.value * p_value, "status": "derived",
            "source": f"{r.source};{p_source}",
            "note": f"grdp_per_capita {r.value:g} M VND × population {p_value:g} thousand "
            f"({how}); {vintage}; do not chain levels across the revision",
        })
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


def apply_assumptions(obs: pd.DataFrame, facts: pd.DataFrame, entries, path: Path
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Assumption rows where no better value exists, and the table of every computed value."""
    added: list[dict] = []
    log: list[dict] = []
    # rules that follow another series run last, on what the others produced
    ordered = sorted(entries, key=lambda e: e.rule == "divide_by_state_share")

    def current(variable: str, region: str = "Lai Chau") -> pd.DataFrame:
        frame = pd.concat([obs, pd.DataFrame(added, columns=OBSERVATION_COLUMNS)])
        return frame[(frame.region == region) & (frame.variable == variable)].sort_values("year")

    for entry in ordered:
        values = compute_assumption(entry, facts, lambda v, e=entry: current(v, e.region),
                                    path=path)
        existing = current(entry.variable, entry.region)
        for v in values:
            clash = existing[(existing.year == v.year) & (existing.basis == entry.basis)]
            used = clash.empty
            log.append({
                "id": entry.id, "variable": entry.variable, "region": entry.region,
                "unit": entry.unit, "basis": entry.basis, "year": v.year, "value": v.value,
                "rule": entry.rule, "computation": v.rule_text,
                "sources": ";".join(v.sources), "reason": " ".join(entry.reason.split()),
                "used": used,
                "superseded_by": "" if used else f"{clash.iloc[0].status}: {clash.iloc[0].source}",
            })
            if used:
                added.append({
                    "region": entry.region, "variable": entry.variable, "unit": entry.unit,
                    "basis": entry.basis, "year": v.year, "value": v.value,
                    "status": "assumption",
                    "source": ";".join([f"assumption:{entry.id}", *v.sources]),
                    "note": f"ASSUMPTION: {v.rule_text}",
                })
    return (pd.DataFrame(added, columns=OBSERVATION_COLUMNS),
            pd.DataFrame.from_records(log, columns=[
                "id", "variable", "region", "unit", "basis", "year", "value", "rule",
                "computation", "sources", "reason", "used", "superseded_by"]))


def _source_details(facts: pd.DataFrame, entries, path: Path) -> pd.DataFrame:
    fd = pd.DataFrame({"id": facts["fact_id"], "url": facts["source_url"],
                       "name": facts["source_name"], "quality": facts["source_quality"],
                       "quote": facts["quote"]})
    ad = pd.DataFrame({
        "id": [f"assumption:{e.id}" for e in entries],
        "url": [f"file:data/raw/{path.name}" for e in entries],
        "name": [f"Assumption ({e.variable}), khcn-workbook" for e in entries],
        "quality": "assumption",
        "quote": [" ".join(e.reason.split()) for e in entries],
    })
    return pd.concat([fd, ad], ignore_index=True)[SOURCE_DETAIL_COLUMNS]


# --------------------------------------------------------------------------- report


@dataclass
class BuildReport:
    """What a build read, decided and wrote; ``summary()`` is what the CLI prints."""

    processed_dir: Path
    rows_read: dict[str, int] = field(default_factory=dict)
    rows_written: dict[str, int] = field(default_factory=dict)
    status_counts: dict[str, int] = field(default_factory=dict)
    dispositions: dict[str, int] = field(default_factory=dict)
    conflicts_resolved: int = 0
    conflict_rules: dict[str, int] = field(default_factory=dict)
    assumptions_used: int = 0
    assumptions_superseded: int = 0
    crosschecks_ok: int = 0
    crosschecks_findings: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Built {self.processed_dir}"]
        lines.append("  read:    " + ", ".join(f"{k} {v} rows" for k, v in self.rows_read.items()))
        lines.append("  wrote:   " + ", ".join(f"{k} {v}" for k, v in self.rows_written.items()))
        lines.append("  status:  " + ", ".join(f"{k} {v}" for k, v in
                                               sorted(self.status_counts.items())))
        lines.append(f"  conflicts resolved: {self.conflicts_resolved} ("
                     + ", ".join(f"{k} {v}" for k, v in sorted(self.conflict_rules.items()))
                     + ")")
        lines.append("  facts not used as observations (all kept in facts.csv):")
        lines += [f"    {v:4d}  {k}" for k, v in sorted(self.dispositions.items())]
        lines.append(f"  assumptions: {self.assumptions_used} values used, "
                     f"{self.assumptions_superseded} superseded by better data")
        lines.append(f"  cross-checks: {self.crosschecks_ok} ok, "
                     f"{len(self.crosschecks_findings)} finding(s)")
        lines += [f"    finding: {f}" for f in self.crosschecks_findings]
        lines.append(f"  department figures set aside as implausible: {len(self.findings)}")
        lines += [f"    {f}" for f in self.findings]
        return "\n".join(lines)


# --------------------------------------------------------------------------- orchestration


def build_tables(facts: pd.DataFrame, entries, assumptions_path: Path) -> dict[str, pd.DataFrame]:
    """All processed tables from validated facts (no I/O): the testable core of the build."""
    from khcn_analysis.data.crosschecks import CROSSCHECK_COLUMNS, run_crosschecks
    from khcn_analysis.data.grdp_vintage import bridge_grdp
    from khcn_analysis.data.regional import regional_table

    facts = classify_facts(facts)
    candidates = facts[facts.disposition == "candidate"]
    chosen, conflicts = resolve_conflicts(candidates)
    rejected = conflicts.loc[conflicts.decision == "rejected", ["fact_id", "rule"]]
    rej = dict(zip(rejected.fact_id, rejected.rule, strict=True))
    facts.loc[facts.fact_id.isin(chosen.fact_id), "disposition"] = "observation"
    mask = facts.fact_id.isin(rej)
    facts.loc[mask, "disposition"] = "rejected"
    facts.loc[mask, "reason"] = [f"conflict: lost to another row by rule {rej[f]}"
                                 for f in facts.loc[mask, "fact_id"]]

    obs = _observed_rows(chosen)
    for region, variable, basis in INTERPOLATED:
        obs = pd.concat([obs, interpolate_inside(obs, region, variable, basis)])
    obs = pd.concat([obs, derive_grdp(obs, facts)])
    obs, grdp_checks = bridge_grdp(obs, facts)
    added, assumption_log = apply_assumptions(obs, facts, entries, assumptions_path)
    obs = pd.concat([obs, added]).sort_values(["region", "variable", "basis", "year"])
    # empty steps concatenate as object columns: restore the numbers
    obs = obs.reset_index(drop=True)[OBSERVATION_COLUMNS].astype({"year": int, "value": float})
    _check_invariants(obs)

    derived_inputs = {s for src in obs.loc[obs.status != "observed", "source"]
                      for s in src.split(";")}
    used_by_derivation = facts.fact_id.isin(derived_inputs) & (facts.disposition != "observation")
    facts.loc[used_by_derivation, "reason"] += " | used as an input of a derived/assumed value"

    crosschecks = pd.concat([run_crosschecks(facts, obs),
                             pd.DataFrame.from_records(grdp_checks, columns=CROSSCHECK_COLUMNS)],
                            ignore_index=True)
    return {
        "observations": obs,
        "sources": _source_details(facts, entries, assumptions_path),
        "facts": facts.drop(columns=["pvariable", "punit"]).rename(
            columns={"file": "raw_file", "row": "raw_row"}).assign(
            processed_variable=facts["pvariable"]),
        "conflicts": conflicts,
        "assumptions": assumption_log,
        "crosschecks": crosschecks,
        "regional": regional_table(obs),
    }


def _check_invariants(obs: pd.DataFrame) -> None:
    dup = obs[obs.duplicated(KEY, keep=False)]
    if not dup.empty:
        raise AssertionError(f"two values for one key after the build:\n{dup}")
    bases = obs.groupby(["region", "variable"])["basis"].nunique()
    if (bases > 1).any():
        raise AssertionError(f"a series mixes price/people bases: {bases[bases > 1]}")
    if not np.isfinite(obs["value"]).all():
        raise AssertionError("non-finite value in observations")


def screen_department(facts: pd.DataFrame, entries, assumptions_path: Path, rules_file: Path
                      ) -> tuple[dict[str, pd.DataFrame], list[Finding]]:
    """All tables, built without the department figures outside their plausible range.

    The findings become ``findings.csv``; the figures set aside stay listed in
    ``facts.csv`` with the reason, and no observation, verdict or chart uses them.
    """
    rules = load_rules(rules_file)
    check_sources(rules, facts["fact_id"], rules_file)
    tables, findings = screened_build(facts, lambda f: build_tables(f, entries, assumptions_path), rules)
    tables["findings"] = findings_table(findings)
    return tables, findings


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_processed(raw_dir: str | Path | None = None,
                    processed_dir: str | Path | None = None) -> BuildReport:
    """Validate ``raw_dir`` and write the processed tables to ``processed_dir`` only."""
    from khcn_analysis.core import paths

    raw = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out = Path(processed_dir) if processed_dir is not None else paths.processed_dir()
    sources_path, assumptions_path = raw / "sources.csv", raw / "assumptions.yaml"

    sources = read_facts(sources_path)
    department, superseded, current = split_current(read_department_dir(raw / "department"),
                                                    raw / "department")
    entries = load_assumptions(assumptions_path)
    facts = pd.concat([sources, department], ignore_index=True) if len(department) else sources
    rules_file = rules_path(raw)
    tables, findings = screen_department(facts, entries, assumptions_path, rules_file)
    tables["facts"] = set_aside(tables["facts"], superseded,
                                f"excluded: not the department import in force | {current} is the one in force")
    flagged = department.set_index("fact_id", drop=False).loc[[f.fact_id for f in findings]]
    tables["facts"] = set_aside(tables["facts"], flagged.reset_index(drop=True),
                                [f"excluded: implausible figure ({f.rule}) | {describe(f, 'en')}" for f in findings])

    report = BuildReport(processed_dir=out)
    report.rows_read["sources.csv"] = len(sources)
    for name, n in pd.concat([department, superseded]).groupby("file").size().items():
        report.rows_read[f"department/{name}"] = int(n)
    report.rows_read["assumptions.yaml"] = len(entries)
    report.findings = [describe(f, "en") for f in findings]

    inputs = [sources_path, assumptions_path, rules_file, *sorted((raw / "department").glob("*.csv")),
              *sorted((raw / "department").glob("*.json"))]
    manifest = {
        "inputs": {(str(p.relative_to(raw)) if p.is_relative_to(raw) else str(p)): {"sha256": _sha256(p)}
                   for p in inputs if p.exists()},
        "conflict_rules": {r.name: r.description for r in CONFLICT_RULES},
    }
    outputs = write_set(out, tables, manifest)
    report.rows_written = {name: entry["rows"] for name, entry in outputs.items()}

    obs, facts_t = tables["observations"], tables["facts"]
    report.status_counts = {k: int(v) for k, v in obs["status"].value_counts().items()}
    report.dispositions = dict(Counter(
        r.split(" | ")[0] for d, r in zip(facts_t.disposition, facts_t.reason, strict=True)
        if d != "observation"))
    conflicts = tables["conflicts"]
    groups = conflicts.drop_duplicates(["region", "variable", "basis", "year"])
    report.conflicts_resolved = len(groups)
    report.conflict_rules = {k: int(v) for k, v in groups["rule"].value_counts().items()}
    log = tables["assumptions"]
    report.assumptions_used = int(log["used"].sum())
    report.assumptions_superseded = int((~log["used"].astype(bool)).sum())
    cc = tables["crosschecks"]
    report.crosschecks_ok = int(cc["ok"].sum())
    report.crosschecks_findings = [
        f"{r.check} {r.region} {r.year}: published {r.published:g}, recomputed "
        f"{r.recomputed:.4g}" + (f" ({r.finding})" if r.finding else "")
        for r in cc[~cc["ok"].astype(bool)].itertuples()]
    logger.info("built %s", out)
    return report
