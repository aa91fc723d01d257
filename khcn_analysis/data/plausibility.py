"""Plausibility of the department's own figures: ranges derived from the data we hold.

An S&T budget of 20,300 for 2020 (million đồng typed into a tỷ đồng cell) used to
import cleanly, and the reports then said S&T spending was 237 % of the whole
budget and both targets "met". One global limit (1e7) cannot catch that; a range
per variable, set against what we know of the province that year, can: S&T
spending against total budget spending, S&T investment against GRDP, researchers
against the population. The rules, each with its reason and sources, live in
``data/raw/plausibility.yaml``.

:func:`screen` checks the department's observed rows of a built observations table;
:func:`screened_build` rebuilds without the failing rows until none fails, so no
table, and no verdict, ever rests on an implausible figure. A failing figure is a
:class:`Finding`: which rule, how far out, and the likely unit mistake when reading
the number in million, thousand or plain đồng lands in the usual range.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from khcn_analysis.core import config
from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.errors import InputError, InputErrors, KhcnError
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.provenance import source_kind
from khcn_analysis.core.strict_yaml import read_yaml

__all__ = [
    "FINDING_COLUMNS",
    "Finding",
    "Rule",
    "describe",
    "findings_table",
    "load_rules",
    "rules_path",
    "screen",
    "screened_build",
]

#: Readings of an amount typed in another unit: (unit, how many of them make one tỷ đồng).
OTHER_MONEY_UNITS = (("million VND", 1e3), ("thousand VND", 1e6), ("VND", 1e9))
SHIPPED_RULES = Path(__file__).resolve().parents[2] / "data" / "raw" / "plausibility.yaml"


class Rule(BaseModel):
    """One entry of ``plausibility.yaml`` (field meanings in the file's header)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    variable: str
    measure: Literal["share", "per_10k", "ratio", "value"]
    reference: list[str] = Field(default_factory=list)
    reference_from: Literal["any", "department"] = "any"
    nearest_years: int = Field(default=0, ge=0, le=30)
    growth_pct: float = Field(default=0.0, ge=0, le=100, allow_inf_nan=False)
    min: float | None = Field(default=None, allow_inf_nan=False)
    max: float | None = Field(default=None, allow_inf_nan=False)
    typical: tuple[float, float] | None = None
    reason: str = Field(min_length=20)
    reason_vi: str = Field(min_length=20)
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        if self.min is None and self.max is None:
            raise ValueError("a rule needs 'min', 'max' or both")
        if (self.measure == "value") == bool(self.reference):
            raise ValueError("'reference' is needed for share, per_10k and ratio, and not allowed for value")
        return self

    def scale(self) -> float:
        return {"share": 100.0, "per_10k": 10.0, "ratio": 1.0, "value": 1.0}[self.measure]


def rules_path(raw_dir: Path) -> Path:
    """The project's rules, or the shipped ones when a project folder has none of its own."""
    own = raw_dir / "plausibility.yaml"
    return own if own.exists() else SHIPPED_RULES


def load_rules(path: str | Path) -> list[Rule]:
    """Validated rules (the one strict YAML loader); every problem reported with its field and line."""
    path = Path(path)
    if not path.is_file():
        raise KhcnError(f"{path}: the plausibility ranges of the department's figures are missing")
    expected = "a mapping with a list under 'rules'"
    doc = read_yaml(path, expected=expected)
    if not isinstance(doc.data.get("rules"), list):
        raise InputError(path, doc.where(["rules"], "top level"), type(doc.data.get("rules")).__name__, expected)
    rules, errors, ids = [], [], set()
    for i, raw in enumerate(doc.data["rules"]):
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                loc = [p for p in e["loc"] if not str(p).startswith("function-")]
                field = ".".join(str(p) for p in loc)
                where = doc.where(["rules", i, *loc], f"rules[{i}]" + (f".{field}" if field else ""))
                errors.append(InputError(path, where, repr(e.get("input"))[:80], e["msg"]))
            continue
        if rule.id in ids:
            errors.append(InputError(path, doc.where(["rules", i, "id"], f"rules[{i}].id"), rule.id, "a unique id"))
        ids.add(rule.id)
        rules.append(rule)
    if errors:
        raise InputErrors(errors, what=str(path))
    return rules


def check_sources(rules: list[Rule], fact_ids: Iterable[str], path: Path) -> None:
    """Every fact id a rule cites exists in ``sources.csv`` (plan clauses are ``plan:…`` ids)."""
    known = set(fact_ids)
    errors = [InputError(path, f"{r.id}.sources", s, "a fact_id of data/raw/sources.csv or a plan:… id")
              for r in rules for s in r.sources if source_kind(s) == "fact" and s not in known]
    if errors:
        raise InputErrors(errors, what=str(path))


@dataclass(frozen=True)
class Finding:
    """A department figure outside its plausible range: the rule, the numbers, the likely mistake."""

    rule: str
    variable: str
    year: int
    value: float
    unit: str
    fact_id: str
    measure: str
    measure_value: float
    bound: str  # "min" or "max"
    limit: float
    reference_variable: str
    reference_value: float | None
    reference_year: int | None
    likely_unit: str
    likely_value: float | None


FINDING_COLUMNS = [f for f in Finding.__dataclass_fields__]


def _reference(refs: pd.DataFrame, year: int, rule: Rule, lenient_high: bool) -> tuple[float, int, str] | None:
    """(value, year, variable) to set a figure of ``year`` against, the most lenient one."""
    if refs.empty:
        return None
    distance = (refs["year"] - year).abs()
    near = refs[distance <= rule.nearest_years]
    if near.empty:
        return None
    d = (near["year"] - year).abs()
    near = near[d == d.min()]
    growth = (1 + rule.growth_pct / 100) ** int(d.min())
    pick = near.loc[near["value"].idxmax() if lenient_high else near["value"].idxmin()]
    value = float(pick["value"]) * (growth if lenient_high else 1 / growth)
    return value, int(pick["year"]), str(pick["variable"])


def _likely(rule: Rule, value: float, measure: float, unit: str) -> tuple[str, float | None]:
    if unit != "bn VND" or rule.typical is None:
        return "", None
    low, high = rule.typical
    for other, factor in OTHER_MONEY_UNITS:
        if low <= measure / factor <= high:
            return other, value / factor
    return "", None


def _department_rows(obs: pd.DataFrame) -> pd.DataFrame:
    lai_chau = obs[obs["region"] == config.REGION]
    return lai_chau[[source_kind(str(s)) == "department" for s in lai_chau["source"]]]


def screen(obs: pd.DataFrame, rules: list[Rule]) -> list[Finding]:
    """Every department figure of ``obs`` outside the range of a rule on its variable."""
    lai_chau = obs[obs["region"] == config.REGION]
    department = _department_rows(obs)
    found: list[Finding] = []
    for rule in rules:
        rows = department[department["variable"] == rule.variable]
        pool = department if rule.reference_from == "department" else lai_chau
        refs = pool[pool["variable"].isin(rule.reference)]
        for row in rows.itertuples():
            value = float(row.value)
            ref = None
            for bound, limit in (("max", rule.max), ("min", rule.min)):
                if limit is None:
                    continue
                if rule.measure == "value":
                    measure = value
                else:
                    ref = _reference(refs[refs["source"] != row.source], int(row.year), rule, bound == "max")
                    if ref is None or ref[0] <= 0:
                        continue
                    measure = value / ref[0] * rule.scale()
                if (bound == "max" and measure > limit) or (bound == "min" and measure < limit):
                    likely, likely_value = _likely(rule, value, measure, str(row.unit))
                    found.append(Finding(
                        rule.id, rule.variable, int(row.year), value, str(row.unit), str(row.source),
                        rule.measure, measure, bound, float(limit),
                        ref[2] if ref else "", ref[0] if ref else None, ref[1] if ref else None,
                        likely, likely_value))
                    break
    return found


def screened_build(
    facts: pd.DataFrame,
    build: Callable[[pd.DataFrame], dict[str, pd.DataFrame]],
    rules: list[Rule],
) -> tuple[dict[str, pd.DataFrame], list[Finding]]:
    """``build(facts)`` without the department rows that fail a rule, and the findings.

    Rebuilds until no rule fails: a figure set aside can change the reference of
    another (S&T spending and total spending both typed in million đồng), so each
    pass sets aside at least one more row or ends; the number of department rows
    bounds the passes.
    """
    set_aside: dict[str, Finding] = {}
    tables = build(facts)
    for _ in range(len(facts) + 1):
        new = [f for f in screen(tables["observations"], rules) if f.fact_id not in set_aside]
        if not new:
            break
        set_aside.update({f.fact_id: f for f in new})
        tables = build(facts[~facts["fact_id"].isin(set_aside)])
    return tables, list(set_aside.values())


def findings_table(findings: Iterable[Finding]) -> pd.DataFrame:
    return pd.DataFrame([asdict(f) for f in findings], columns=FINDING_COLUMNS)


def _number(value: float, lang: str) -> str:
    """A number as a reader writes it: no trailing zeros (20.300; 8.550,8; 0,012)."""
    value = float(value)
    if value.is_integer():
        return format_number(value, 0, lang)
    decimals = 1 if abs(value) >= 100 else 2 if abs(value) >= 1 else 4
    text = format_number(value, decimals, lang)
    sep = format_number(1.5, 1, lang)[1]  # the decimal separator of the language
    return text.rstrip("0").rstrip(sep)


def _amount(value: float, unit: str, lang: str) -> str:
    word = f"data.unitword.{unit}"
    return f"{_number(value, lang)} {t(word, lang)}" if has(word) else _number(value, lang)


def describe(finding: Finding | Mapping[str, object], lang: str = "vi") -> str:
    """The finding as one or two sentences a department officer reads."""
    f = finding if isinstance(finding, Mapping) else asdict(finding)
    unit = str(f["unit"])
    value = _amount(float(f["value"]), unit, lang)
    fields: dict[str, object] = {
        "label": t(f"department.label.{f['variable']}", lang),
        "year": int(f["year"]),
        "value": value,
        "limit": "",
        "reference": "",
        "reference_value": "",
        "reference_year": "",
        "measure": "",
    }
    measure, bound = str(f["measure"]), str(f["bound"])
    limit = float(f["limit"])
    if measure == "share":
        fields["measure"] = f"{format_number(float(f['measure_value']), 1, lang)}%"
        fields["limit"] = f"{_number(limit, lang)}%"
    elif measure == "per_10k":
        fields["measure"] = format_number(float(f["measure_value"]), 1, lang)
        fields["limit"] = _number(limit, lang)
    else:
        fields["limit"] = _amount(limit, unit, lang)
    if f.get("reference_variable"):
        ref_var = str(f["reference_variable"])
        base = ref_var.removesuffix("_final").removesuffix("_balanced_plan").removesuffix("_balanced")
        fields["reference"] = t(f"data.ref.{base}", lang)
        ref_unit = "thousand persons" if base == "population" else unit
        fields["reference_value"] = _amount(float(f["reference_value"]), ref_unit, lang)
        if f.get("reference_year") not in (None, "") and int(f["reference_year"]) != int(f["year"]):
            fields["reference_year"] = t("data.finding.reference_year", lang, year=int(f["reference_year"]))
    text = t(f"data.finding.{measure}_{bound}", lang, **fields)
    if f.get("likely_unit"):
        raw = _number(float(f["value"]), lang)
        text += t("data.finding.likely", lang, value=value, unit=t(f"data.unitword.{f['likely_unit']}", lang),
                  raw=raw, converted=_amount(float(f["likely_value"]), unit, lang))
    elif unit == "bn VND":
        text += t("data.finding.unit_mistake", lang, unit=t("data.unitword.bn VND", lang))
    return text
