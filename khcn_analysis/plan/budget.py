"""The plan's budget: phases, their lines (purpose, source of money, amount) and the stated totals.

The amounts are what the plan states, in bn VND; whether they add up is the audit's
question (:mod:`khcn_analysis.plan.audit`), not a loading error.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from khcn_analysis.core.strict_numbers import Integer, Number
from khcn_analysis.plan.fields import Issues, PlanModel, SourceOfMoney, duplicates

__all__ = ["Budget", "BudgetLine", "Phase", "StatedAmount", "StatedAverage"]


class BudgetLine(PlanModel):
    """One line of a phase: what the money is for, where it comes from, how much (bn VND)."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    purpose_vi: str = Field(min_length=1)
    purpose_en: str = Field(min_length=1)
    source_of_money: SourceOfMoney
    source_of_money_stated: bool
    amount: Number = Field(ge=0)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Phase(PlanModel):
    """A budget phase with the total the plan states and the lines it lists."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    start_year: Integer = Field(ge=1990, le=2100)
    end_year: Integer = Field(ge=1990, le=2100)
    stated_total: Number = Field(ge=0)
    clause: str = Field(min_length=1)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)
    lines: list[BudgetLine] = Field(min_length=1)

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def lines_total(self) -> float:
        return float(sum(line.amount for line in self.lines))

    @model_validator(mode="after")
    def _check(self) -> Phase:
        issues: list[tuple[str, object, str]] = []
        if self.end_year < self.start_year:
            issues.append(("end_year", self.end_year, f"a year ≥ start_year ({self.start_year})"))
        issues += duplicates(self.lines, "lines")
        if issues:
            raise Issues(issues)
        return self


class StatedAmount(PlanModel):
    value: Number = Field(ge=0)
    qualifier: Literal["exact", "about"]
    start_year: Integer
    end_year: Integer
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class StatedAverage(PlanModel):
    value: Number = Field(ge=0)
    qualifier: Literal["exact", "about"]
    includes: list[Literal["development_investment", "st_recurrent"]] = Field(default_factory=list)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Budget(PlanModel):
    unit: Literal["bn VND"]
    clause: str = Field(min_length=1)
    total: StatedAmount
    yearly_average: StatedAverage
    phases: list[Phase] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Budget:
        issues = duplicates(self.phases, "phases")
        if issues:
            raise Issues(issues)
        return self
