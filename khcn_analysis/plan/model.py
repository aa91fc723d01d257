"""A plan file as typed, validated data: targets, budget phases and the plan's lists.

Why a model: every later step (projection, attainment, charts, the audit) reads the
plan through these objects, so a wrong comparator or reversed bound must be caught
here, with the file and field named, not later as a silently wrong verdict.
Arithmetic that does not add up (a phase's lines vs its total) is *not* an error
here: the plan says what it says, and :mod:`khcn_analysis.plan.audit` reports it.
Loading a file is :mod:`khcn_analysis.plan.load`; the words are ``plan.*`` keys of
the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.indicators import unit_label
from khcn_analysis.core.strict_numbers import Integer, Number
from khcn_analysis.plan.budget import Budget, BudgetLine, Phase
from khcn_analysis.plan.fields import (
    BASES,
    COMPARATORS,
    SOURCES_OF_MONEY,
    UNITS,
    Base,
    Comparator,
    Issues,
    PlanError,
    PlanModel,
    Unit,
    base_label,
    duplicates,
    source_of_money_label,
)

if TYPE_CHECKING:  # numpy and pandas where used: reading the plan (khcn plan, khcn audit) needs neither
    import numpy as np
    import pandas as pd

__all__ = [
    "BASES",
    "COMPARATORS",
    "SOURCES_OF_MONEY",
    "UNITS",
    "BudgetLine",
    "Phase",
    "Plan",
    "PlanError",
    "Target",
    "base_label",
    "source_of_money_label",
]

class Document(PlanModel):
    """A document the targets come from; ``found: false`` records a text we could not find."""

    id: str = Field(min_length=1)
    reference_vi: str = Field(min_length=1)
    reference_en: str = Field(min_length=1)
    found: bool
    location: str | None = None
    note_en: str | None = None


class SourceRef(PlanModel):
    """A row of ``sources.csv`` a target rests on: id, URL and the quote as stored."""

    fact_id: str = Field(min_length=1)
    url: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    qualifier: str | None = None


class Comparable(PlanModel):
    """The nearest provincial indicator to a national target, and why it is not the same."""

    indicator: str = Field(min_length=1)
    caveat_vi: str = Field(min_length=1)
    caveat_en: str = Field(min_length=1)


class Target(PlanModel):
    """One quantitative target: indicator, comparator and bounds, unit, years, clause, text."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    indicator: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    label_vi: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    comparator: Comparator
    lower: Number | None
    upper: Number | None
    unit: Unit
    base: Base | None = None
    basis: Literal["headcount", "FTE", "not stated", "n/a"] = "n/a"
    year_from: Integer = Field(ge=1990, le=2100)
    year_to: Integer | None = Field(ge=1990, le=2100)
    every_year: bool = False
    aggregation: Literal["year", "period_average", "cumulative", "interval"] = "year"
    clause: str = Field(min_length=1)
    computable: bool
    inputs: list[str] = Field(default_factory=list)
    text_vi: str | None = Field(min_length=1)
    text_en: str = Field(min_length=1)
    note_en: str | None = None
    ambiguity_vi: str | None = None
    ambiguity_en: str | None = None
    baseline: Number | None = None
    document: str | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    comparable_to: Comparable | None = None

    def title(self, lang: Lang = "vi") -> str:
        """The target's name for a reader in ``lang``."""
        return getattr(self, f"label_{check_lang(lang)}")

    def applies_to(self, year: int | np.ndarray) -> bool | np.ndarray:
        """Whether the target binds in ``year`` (vectorised over arrays of years)."""
        import numpy as np

        y = np.asarray(year)
        end = self.year_to if self.year_to is not None else np.iinfo(np.int64).max
        result = (y >= self.year_from) & (y <= end)
        return bool(result) if result.ndim == 0 else result

    def unit_label(self, lang: Lang = "vi") -> str:
        unit = unit_label(self.unit, lang)
        if self.base:
            return f"{unit} {base_label(self.base, lang)}"
        return unit

    def years_label(self, lang: Lang = "vi") -> str:
        if self.year_to is None:
            return t("plan.years.from", check_lang(lang), year=self.year_from)
        if self.year_to == self.year_from:
            return str(self.year_from)
        return f"{self.year_from}–{self.year_to}"

    def describe(self, lang: Lang = "vi") -> str:
        """The target as a reader would write it: ``≥ 1,5% GRDP`` or ``5–7 người/vạn dân``."""
        lang = check_lang(lang)

        def num(x: float | None) -> str:
            return format_number(x, 0 if x is not None and float(x).is_integer() else 1, lang)

        unit = self.unit_label(lang)
        sep = "" if self.unit == "%" or self.unit == "% per year" else " "
        if self.comparator == "between":
            text = f"{num(self.lower)}–{num(self.upper)}{sep}{unit}"
        else:
            symbol = {"at_least": "≥", "greater_than": ">", "at_most": "≤", "equal": "="}
            bound = self.upper if self.comparator == "at_most" else self.lower
            text = f"{symbol[self.comparator]} {num(bound)}{sep}{unit}"
        return text

    @model_validator(mode="after")
    def _check(self) -> Target:
        issues: list[tuple[str, object, str]] = []
        c, lo, up = self.comparator, self.lower, self.upper
        if c in ("at_least", "greater_than", "equal") and lo is None:
            issues.append(("lower", None, f"a number (comparator '{c}' needs a lower bound)"))
        if c in ("at_least", "greater_than") and up is not None:
            issues.append(("upper", up, f"null (comparator '{c}' has no upper bound)"))
        if c == "equal" and up is not None and lo is not None and up != lo:
            issues.append(("upper", up, f"null or equal to lower ({lo}) for comparator 'equal'"))
        if c == "at_most" and up is None:
            issues.append(("upper", None, "a number (comparator 'at_most' needs an upper bound)"))
        if c == "at_most" and lo is not None:
            issues.append(("lower", lo, "null (comparator 'at_most' has no lower bound)"))
        if c == "between":
            if lo is None:
                issues.append(("lower", None, "a number (comparator 'between' needs both bounds)"))
            if up is None:
                issues.append(("upper", None, "a number (comparator 'between' needs both bounds)"))
            if lo is not None and up is not None and lo > up:
                issues.append(("upper", up, f"a number ≥ lower ({lo}): the bounds are reversed"))
        if self.year_to is not None and self.year_to < self.year_from:
            issues.append(
                ("year_to", self.year_to, f"a year ≥ year_from ({self.year_from}), or null")
            )
        if self.unit == "%" and self.base is None:
            issues.append(("base", None, f"what the share is of, one of {', '.join(BASES)}"))
        if self.unit == "per 10,000 people" and self.basis == "n/a":
            issues.append(("basis", "n/a", "'headcount', 'FTE' or 'not stated' for people"))
        if self.computable and not self.inputs:
            issues.append(("inputs", [], "the data series the target is computed from"))
        if issues:
            raise Issues(issues)
        return self


class Horizon(PlanModel):
    start_year: Integer
    end_year: Integer
    vision_year: Integer | None = None


class Statement(PlanModel):
    """A non-numeric statement (general aim, vision item) kept verbatim with its clause."""

    id: str | None = None
    clause: str = Field(min_length=1)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)
    benchmark_region: str | None = None
    measurable: bool | None = None


class FieldOfWork(PlanModel):
    id: str = Field(min_length=1)
    clause: str = Field(min_length=1)
    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)


class Agency(PlanModel):
    id: str = Field(min_length=1)
    clause: str = Field(min_length=1)
    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    duties_vi: str = Field(min_length=1)
    duties_en: str = Field(min_length=1)


class Plan(PlanModel):
    """A plan file: the provincial plan, or the national targets that frame it."""

    schema_version: Literal[1]
    id: str = Field(min_length=1)
    scope: Literal["province", "national"]
    region: str = Field(min_length=1)
    title_vi: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    documents: list[Document] = Field(min_length=1)
    horizon: Horizon | None = None
    general_aim: Statement | None = None
    targets: list[Target] = Field(min_length=1)
    budget: Budget | None = None
    fields_of_work: list[FieldOfWork] = Field(default_factory=list)
    vision_2030: list[Statement] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Plan:
        issues = duplicates(self.targets, "targets")
        issues += duplicates(self.documents, "documents")
        issues += duplicates(self.fields_of_work, "fields_of_work")
        issues += duplicates(self.agencies, "agencies")
        doc_ids = {d.id for d in self.documents}
        for i, target in enumerate(self.targets):
            if target.document is not None and target.document not in doc_ids:
                issues.append(
                    (
                        f"targets[{i}].document",
                        target.document,
                        f"one of the documents: {sorted(doc_ids)}",
                    )
                )
            if self.scope == "province" and not target.text_vi:
                issues.append((f"targets[{i}].text_vi", None, "the Vietnamese sentence, verbatim"))
            if self.scope == "national":
                if not target.sources:
                    issues.append((f"targets[{i}].sources", [], "at least one sources.csv fact"))
                if target.comparable_to is None:
                    issues.append(
                        (f"targets[{i}].comparable_to", None, "the nearest provincial indicator")
                    )
        if self.scope == "province" and self.budget is None:
            issues.append(("budget", None, "the plan's budget (phases, total, yearly average)"))
        if issues:
            raise Issues(issues)
        return self

    # ---- queries -------------------------------------------------------------------------
    def title(self, lang: Lang = "vi") -> str:
        """The plan's title in ``lang``."""
        return getattr(self, f"title_{check_lang(lang)}")

    @property
    def phases(self) -> list[Phase]:
        return list(self.budget.phases) if self.budget else []

    @property
    def stated_total(self) -> float | None:
        return self.budget.total.value if self.budget else None

    @property
    def stated_yearly_average(self) -> float | None:
        return self.budget.yearly_average.value if self.budget else None

    def targets_for(self, indicator: str) -> list[Target]:
        return [t for t in self.targets if t.indicator == indicator]

    def target_for(self, indicator: str, year: int) -> Target | None:
        """The target for ``indicator`` binding in ``year``; the narrowest if several do."""
        matches = [t for t in self.targets_for(indicator) if t.applies_to(year)]
        if not matches:
            return None
        return min(matches, key=lambda t: ((t.year_to or 10_000) - t.year_from, -t.year_from))

    def document(self, doc_id: str | None) -> Document:
        if doc_id is None:
            return self.documents[0]
        return next(d for d in self.documents if d.id == doc_id)

    # ---- tables --------------------------------------------------------------------------
    def budget_table(self) -> pd.DataFrame:
        """One row per budget line: phase, years, purpose, source of money, amount (bn VND)."""
        import pandas as pd

        rows = [
            {
                "phase": ph.id,
                "start_year": ph.start_year,
                "end_year": ph.end_year,
                "line_id": line.id,
                "purpose_vi": line.purpose_vi,
                "purpose_en": line.purpose_en,
                "source_of_money": line.source_of_money,
                "amount": float(line.amount),
                "unit": "bn VND",
                "clause": ph.clause,
            }
            for ph in self.phases
            for line in ph.lines
        ]
        columns = [
            "phase", "start_year", "end_year", "line_id", "purpose_vi", "purpose_en",
            "source_of_money", "amount", "unit", "clause",
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=columns)

    def targets_table(self, lang: Lang | None = None) -> pd.DataFrame:
        """One row per target; with ``lang``, readable ``target``/``years``/``label`` columns."""
        import pandas as pd

        rows = []
        for target in self.targets:
            row: dict[str, Any] = {
                "target_id": target.id,
                "indicator": target.indicator,
                "comparator": target.comparator,
                "lower": target.lower,
                "upper": target.upper,
                "unit": target.unit,
                "base": target.base,
                "year_from": target.year_from,
                "year_to": target.year_to,
                "every_year": target.every_year,
                "computable": target.computable,
                "clause": target.clause,
            }
            if lang is not None:
                row["label"] = target.title(lang)
                row["target"] = target.describe(lang)
                row["years"] = target.years_label(lang)
            rows.append(row)
        return pd.DataFrame(rows)
