"""What the plan's models share: the vocabularies of its fields and how a model reports problems.

Comparators, units, bases of shares and sources of money are closed lists (a typo in a
plan file is an error naming the field). A model validator that finds several problems
raises :class:`Issues`, which the loader turns into one :class:`PlanError` line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.formatting import Lang, check_lang

__all__ = [
    "BASES",
    "COMPARATORS",
    "SOURCES_OF_MONEY",
    "UNITS",
    "Issues",
    "PlanError",
    "PlanModel",
    "base_label",
    "duplicates",
    "source_of_money_label",
    "text_in",
]

Comparator = Literal["at_least", "greater_than", "between", "at_most", "equal"]
COMPARATORS: tuple[str, ...] = ("at_least", "greater_than", "between", "at_most", "equal")

# Units a target may use; a share ('%') must also say what it is a share of (`base`).
Unit = Literal["%", "% per year", "per 10,000 people", "products", "years", "months"]
UNITS: tuple[str, ...] = ("%", "% per year", "per 10,000 people", "products", "years", "months")
Base = Literal[
    "grdp",
    "gdp",
    "budget_expenditure",
    "state_budget_expenditure",
    "budget_revenue_local",
    "economic_growth",
]
BASES: tuple[str, ...] = (
    "grdp",
    "gdp",
    "budget_expenditure",
    "state_budget_expenditure",
    "budget_revenue_local",
    "economic_growth",
)
SourceOfMoney = Literal["state_budget", "central_programmes", "other_mobilised"]
SOURCES_OF_MONEY: tuple[str, ...] = ("state_budget", "central_programmes", "other_mobilised")


class PlanError(InputErrors):
    """One or more problems in a plan file; each names file, field path, found, expected."""

    def __init__(self, errors: list[InputError], file: str | Path | None) -> None:
        self.file = str(file) if file is not None else None
        super().__init__(errors, what=f"plan file {self.file or '<input>'}")


class _Model(BaseModel):
    # allow_inf_nan=False: `.nan` or `.inf` in a plan file is a typing error, never a target or amount.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class PlanModel(BaseModel):
    """Base of every plan model: unknown keys refused, frozen, no NaN or infinity."""

    # allow_inf_nan=False: `.nan` or `.inf` in a plan file is a typing error, never a target or amount.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Issues(ValueError):
    """Semantic problems found by a model validator: (relative path, found, expected)."""

    def __init__(self, issues: list[tuple[str, object, str]]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{p}: found {f!r}; expected {e}" for p, f, e in issues))


def duplicates(items: list[Any], where: str) -> list[tuple[str, object, str]]:
    seen: dict[str, int] = {}
    issues = []
    for i, item in enumerate(items):
        if item.id in seen:
            issues.append(
                (
                    f"{where}[{i}].id",
                    item.id,
                    f"a unique id ('{item.id}' is already used by {where}[{seen[item.id]}])",
                )
            )
        else:
            seen[item.id] = i
    return issues


def base_label(base: str, lang: Lang = "vi") -> str:
    """What a share is of, as the plan says it (``GRDP``, ``tổng chi NSNN``)."""
    return t(f"plan.base.{base}", check_lang(lang))


def source_of_money_label(source: str, lang: Lang = "vi") -> str:
    """Where a budget line's money comes from, for a reader."""
    return t(f"plan.money.{source}", check_lang(lang))


def text_in(item: object, field: str, lang: Lang = "vi") -> str:
    """A bilingual field of the plan file in ``lang``: ``text_in(target, "label", "en")``."""
    return getattr(item, f"{field}_{check_lang(lang)}")
