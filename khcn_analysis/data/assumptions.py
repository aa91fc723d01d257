"""Read ``data/raw/assumptions.yaml`` and compute the values it declares.

Why a file and named rules: what no source gives must still be visible as a
choice someone made, with its reason and the facts it leans on. A rule is
computed here from named fact ids so that the value moves when the facts are
corrected, and the rule with its numbers is written next to the value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.strict_numbers import Integer, Number
from khcn_analysis.core.strict_yaml import read_yaml

__all__ = ["Assumption", "AssumptionValue", "compute_assumption", "load_assumptions"]

Rule = Literal[
    "value", "copy_fact", "ratio_to_recurrent", "divide_by_state_share",
    "national_density_scaled",
]

#: The inputs each rule needs.
RULE_INPUTS: dict[str, tuple[str, ...]] = {
    "value": (),
    "copy_fact": ("fact",),
    "ratio_to_recurrent": ("numerator", "denominator", "scale"),
    "divide_by_state_share": ("share", "series"),
    "national_density_scaled": (
        "national_researchers", "national_population", "province_share", "national_share",
        "province_population",
    ),
}


class Assumption(BaseModel):
    """One entry of assumptions.yaml."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    variable: str
    region: str
    unit: str
    basis: str
    years: list[Integer] | None = None
    rule: Rule
    value: Number | None = Field(default=None, allow_inf_nan=False)
    inputs: dict[str, str | dict[int, str]] = Field(default_factory=dict)
    reason: str = Field(min_length=20)
    assumption: Literal[True]

    @model_validator(mode="after")
    def _rule_fits(self) -> Assumption:
        if self.rule == "value" and self.value is None:
            raise ValueError("rule 'value' needs a value")
        if self.value is not None and not abs(self.value) < 1e12:
            raise ValueError(f"value {self.value:g} is absurdly large (check the units)")
        if self.rule != "value" and self.value is not None:
            raise ValueError(f"rule {self.rule!r} computes the value; remove 'value'")
        missing = [k for k in RULE_INPUTS[self.rule] if k not in self.inputs]
        extra = [k for k in self.inputs if k not in RULE_INPUTS[self.rule]]
        if missing or extra:
            raise ValueError(f"rule {self.rule!r} needs inputs {list(RULE_INPUTS[self.rule])}"
                             f" (missing {missing}, unexpected {extra})")
        if self.rule != "divide_by_state_share" and not self.years:
            raise ValueError(f"rule {self.rule!r} needs a list of years")
        return self

    def fact_ids(self) -> list[str]:
        """Every fact id the entry relies on, in order."""
        ids: list[str] = []
        for key, ref in self.inputs.items():
            if key == "series":
                continue
            ids.extend(ref.values() if isinstance(ref, dict) else [ref])
        return ids


@dataclass(frozen=True)
class AssumptionValue:
    """One computed value: the year, the number, what it rests on and how it was made."""

    year: int
    value: float
    sources: tuple[str, ...]
    rule_text: str


def load_assumptions(path: str | Path | None = None) -> list[Assumption]:
    """Validated entries of assumptions.yaml; every problem reported with its field."""
    from khcn_analysis.core.paths import raw_dir

    path = Path(path) if path is not None else raw_dir() / "assumptions.yaml"
    expected = "a mapping with a list under 'assumptions'"
    doc = read_yaml(path, expected=expected)  # YamlError names file, line, found, expected
    if not isinstance(doc.data.get("assumptions"), list):
        raise InputError(path, doc.where(["assumptions"], "top level"),
                         type(doc.data.get("assumptions")).__name__, expected)
    entries, errors, ids = [], [], set()
    for i, raw in enumerate(doc.data["assumptions"]):
        try:
            entry = Assumption.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                loc = [p for p in e["loc"] if not str(p).startswith("function-")]
                field = ".".join(str(p) for p in loc)
                where = doc.where(["assumptions", i, *loc], f"assumptions[{i}]" + (f".{field}" if field else ""))
                found = e.get("input") if field else "entry"
                errors.append(InputError(path, where, repr(found)[:80], e["msg"]))
            continue
        if entry.id in ids:
            errors.append(InputError(path, doc.where(["assumptions", i, "id"], f"assumptions[{i}].id"),
                                     entry.id, "a unique id"))
        ids.add(entry.id)
        entries.append(entry)
    if errors:
        raise InputErrors(errors, what=str(path))
    return entries


def compute_assumption(
    entry: Assumption,
    facts: pd.DataFrame,
    series: Callable[[str], pd.DataFrame] | None = None,
    path: str | Path = "data/raw/assumptions.yaml",
) -> list[AssumptionValue]:
    """Values of one assumption, computed from ``facts`` (sources.csv rows by fact_id).

    ``series(variable)`` gives the already-built Lai Châu series (columns year, value,
    source) for rules that follow another series (``divide_by_state_share``).
    """
    by_id = facts.set_index("fact_id")["value"]

    def fact(key: str, ref: str) -> float:
        if ref not in by_id.index:
            raise InputError(path, f"{entry.id}.inputs.{key}", ref,
                             "a fact_id that exists in data/raw/sources.csv")
        return float(by_id[ref])

    rule, inp = entry.rule, entry.inputs
    if rule == "value":
        return [AssumptionValue(y, float(entry.value), (), f"stated value {entry.value:g}")
                for y in entry.years]
    if rule == "copy_fact":
        v = fact("fact", inp["fact"])
        return [AssumptionValue(y, v, (inp["fact"],), f"= {inp['fact']} ({v:g})")
                for y in entry.years]
    if rule == "ratio_to_recurrent":
        num, den = fact("numerator", inp["numerator"]), fact("denominator", inp["denominator"])
        ratio = num / den
        out = []
        for y in entry.years:
            ref = inp["scale"].get(y)
            if ref is None:
                raise InputError(path, f"{entry.id}.inputs.scale", f"no entry for {y}",
                                 "a fact id for every year listed in years")
            base = fact(f"scale.{y}", ref)
            text = (f"{num:g} / {den:g} (= {ratio:.6f}, {inp['numerator']} / "
                    f"{inp['denominator']}) × {base:g} ({ref})")
            out.append(AssumptionValue(y, ratio * base,
                                       (inp["numerator"], inp["denominator"], ref), text))
        return out
    if rule == "divide_by_state_share":
        share = fact("share", inp["share"])
        if series is None:
            raise ValueError("divide_by_state_share needs the built series")
        base = series(inp["series"])
        return [
            AssumptionValue(int(r.year), r.value / (share / 100),
                            (inp["share"], *str(r.source).split(";")),
                            f"{inp['series']} {r.value:g} / ({share:g} / 100)")
            for r in base.itertuples()
        ]
    if rule == "national_density_scaled":
        nr = fact("national_researchers", inp["national_researchers"])
        npop = fact("national_population", inp["national_population"])
        ps = fact("province_share", inp["province_share"])
        ns = fact("national_share", inp["national_share"])
        pp = fact("province_population", inp["province_population"])
        density = nr / (npop * 1000) * 10_000
        scaled = density * ps / ns
        value = scaled * pp * 1000 / 10_000
        text = (f"national density {nr:g} / ({npop:g} thousand) × 10,000 = {density:.2f} per "
                f"10,000; × trained share {ps:g} / {ns:g} = {scaled:.2f} per 10,000; "
                f"× population {pp:g} thousand = {value:.0f} persons")
        return [AssumptionValue(y, value, tuple(entry.fact_ids()), text) for y in entry.years]
    raise ValueError(f"unknown rule {rule}")  # pragma: no cover - Literal guards it
