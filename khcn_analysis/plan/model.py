"""A plan file as typed, validated data: targets, budget phases and the plan's lists.

Why a model: every later step (projection, attainment, charts, the audit) reads the
plan through these objects, so a wrong comparator or reversed bound must be caught
here, with the file and field named, not later as a silently wrong verdict.
Arithmetic that does not add up (a phase's lines vs its total) is *not* an error
here: the plan says what it says, and :mod:`khcn_analysis.plan.audit` reports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.indicators import unit_label
from khcn_analysis.core.paths import raw_dir, require_project
from khcn_analysis.core.strict_numbers import Integer, Number
from khcn_analysis.core.strict_yaml import YamlDocument, YamlError, read_yaml

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
    "default_plan_path",
    "default_national_path",
    "load_national_targets",
    "load_plan",
    "plan_report",
    "side_by_side",
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

BASE_LABELS: dict[str, dict[str, str]] = {
    "grdp": {"vi": "GRDP", "en": "of GRDP"},
    "gdp": {"vi": "GDP", "en": "of GDP"},
    "budget_expenditure": {"vi": "tổng chi NSĐP", "en": "of local budget expenditure"},
    "state_budget_expenditure": {"vi": "tổng chi NSNN", "en": "of state budget expenditure"},
    "budget_revenue_local": {
        "vi": "thu NSĐP được hưởng",
        "en": "of local budget revenue kept by the province",
    },
    "economic_growth": {"vi": "tăng trưởng kinh tế", "en": "of economic growth"},
}
SOURCE_OF_MONEY_LABELS: dict[str, dict[str, str]] = {
    "state_budget": {"vi": "Ngân sách nhà nước (tỉnh)", "en": "State budget (province)"},
    "central_programmes": {"vi": "Chương trình Trung ương", "en": "Central programmes"},
    "other_mobilised": {"vi": "Huy động khác", "en": "Other mobilised sources"},
}


class PlanError(InputErrors):
    """One or more problems in a plan file; each names file, field path, found, expected."""

    def __init__(self, errors: list[InputError], file: str | Path | None) -> None:
        self.file = str(file) if file is not None else None
        super().__init__(errors, what=f"plan file {self.file or '<input>'}")


class _Model(BaseModel):
    # allow_inf_nan=False: `.nan` or `.inf` in a plan file is a typing error, never a target or amount.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Document(_Model):
    """A document the targets come from; ``found: false`` records a text we could not find."""

    id: str = Field(min_length=1)
    reference_vi: str = Field(min_length=1)
    reference_en: str = Field(min_length=1)
    found: bool
    location: str | None = None
    note_en: str | None = None


class SourceRef(_Model):
    """A row of ``sources.csv`` a target rests on: id, URL and the quote as stored."""

    fact_id: str = Field(min_length=1)
    url: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    qualifier: str | None = None


class Comparable(_Model):
    """The nearest provincial indicator to a national target, and why it is not the same."""

    indicator: str = Field(min_length=1)
    caveat_vi: str = Field(min_length=1)
    caveat_en: str = Field(min_length=1)


class Target(_Model):
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
        y = np.asarray(year)
        end = self.year_to if self.year_to is not None else np.iinfo(np.int64).max
        result = (y >= self.year_from) & (y <= end)
        return bool(result) if result.ndim == 0 else result

    def unit_label(self, lang: Lang = "vi") -> str:
        unit = unit_label(self.unit, lang)
        if self.base:
            return f"{unit} {BASE_LABELS[self.base][lang]}"
        return unit

    def years_label(self, lang: Lang = "vi") -> str:
        if self.year_to is None:
            return f"từ {self.year_from}" if lang == "vi" else f"from {self.year_from}"
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
            raise _Issues(issues)
        return self


class BudgetLine(_Model):
    """One line of a phase: what the money is for, where it comes from, how much (bn VND)."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    purpose_vi: str = Field(min_length=1)
    purpose_en: str = Field(min_length=1)
    source_of_money: SourceOfMoney
    source_of_money_stated: bool
    amount: Number = Field(ge=0)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Phase(_Model):
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
        issues += _duplicates(self.lines, "lines")
        if issues:
            raise _Issues(issues)
        return self


class StatedAmount(_Model):
    value: Number = Field(ge=0)
    qualifier: Literal["exact", "about"]
    start_year: Integer
    end_year: Integer
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class StatedAverage(_Model):
    value: Number = Field(ge=0)
    qualifier: Literal["exact", "about"]
    includes: list[Literal["development_investment", "st_recurrent"]] = Field(default_factory=list)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Budget(_Model):
    unit: Literal["bn VND"]
    clause: str = Field(min_length=1)
    total: StatedAmount
    yearly_average: StatedAverage
    phases: list[Phase] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Budget:
        issues = _duplicates(self.phases, "phases")
        if issues:
            raise _Issues(issues)
        return self


class Horizon(_Model):
    start_year: Integer
    end_year: Integer
    vision_year: Integer | None = None


class Statement(_Model):
    """A non-numeric statement (general aim, vision item) kept verbatim with its clause."""

    id: str | None = None
    clause: str = Field(min_length=1)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)
    benchmark_region: str | None = None
    measurable: bool | None = None


class FieldOfWork(_Model):
    id: str = Field(min_length=1)
    clause: str = Field(min_length=1)
    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)


class Agency(_Model):
    id: str = Field(min_length=1)
    clause: str = Field(min_length=1)
    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    duties_vi: str = Field(min_length=1)
    duties_en: str = Field(min_length=1)


class Plan(_Model):
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
        issues = _duplicates(self.targets, "targets")
        issues += _duplicates(self.documents, "documents")
        issues += _duplicates(self.fields_of_work, "fields_of_work")
        issues += _duplicates(self.agencies, "agencies")
        doc_ids = {d.id for d in self.documents}
        for i, t in enumerate(self.targets):
            if t.document is not None and t.document not in doc_ids:
                issues.append(
                    (
                        f"targets[{i}].document",
                        t.document,
                        f"one of the documents: {sorted(doc_ids)}",
                    )
                )
            if self.scope == "province" and not t.text_vi:
                issues.append((f"targets[{i}].text_vi", None, "the Vietnamese sentence, verbatim"))
            if self.scope == "national":
                if not t.sources:
                    issues.append((f"targets[{i}].sources", [], "at least one sources.csv fact"))
                if t.comparable_to is None:
                    issues.append(
                        (f"targets[{i}].comparable_to", None, "the nearest provincial indicator")
                    )
        if self.scope == "province" and self.budget is None:
            issues.append(("budget", None, "the plan's budget (phases, total, yearly average)"))
        if issues:
            raise _Issues(issues)
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
        rows = []
        for t in self.targets:
            row: dict[str, Any] = {
                "target_id": t.id,
                "indicator": t.indicator,
                "comparator": t.comparator,
                "lower": t.lower,
                "upper": t.upper,
                "unit": t.unit,
                "base": t.base,
                "year_from": t.year_from,
                "year_to": t.year_to,
                "every_year": t.every_year,
                "computable": t.computable,
                "clause": t.clause,
            }
            if lang is not None:
                lang = check_lang(lang)
                row["label"] = t.label_vi if lang == "vi" else t.label_en
                row["target"] = t.describe(lang)
                row["years"] = t.years_label(lang)
            rows.append(row)
        return pd.DataFrame(rows)


def side_by_side(plan: Plan, national: Plan, lang: Lang = "vi") -> pd.DataFrame:
    """National targets next to the provincial targets of the nearest indicator, with caveats."""
    lang = check_lang(lang)
    rows = []
    for nt in national.targets:
        link = nt.comparable_to
        provincial = plan.targets_for(link.indicator) if link else []
        doc = national.document(nt.document)
        rows.append(
            {
                "national_target_id": nt.id,
                "document": doc.reference_vi if lang == "vi" else doc.reference_en,
                "national_indicator": nt.indicator,
                "national_target": f"{nt.describe(lang)} ({nt.years_label(lang)})",
                "provincial_indicator": link.indicator if link else None,
                "provincial_target": "; ".join(
                    f"{p.describe(lang)} ({p.years_label(lang)})" for p in provincial
                )
                or "–",
                "caveat": (link.caveat_vi if lang == "vi" else link.caveat_en) if link else None,
                "sources": ";".join(s.fact_id for s in nt.sources),
            }
        )
    return pd.DataFrame(rows)


_REPORT_WORDS = {
    "vi": {
        "source": "Văn bản",
        "targets": "MỤC TIÊU",
        "budget": "KINH PHÍ (tỷ đồng)",
        "clause": "mục",
        "indicator": "chỉ tiêu",
        "target": "mục tiêu",
        "years": "năm",
        "computable": "tính từ số liệu",
        "yes": "có",
        "no": "thủ công",
        "phase": "giai đoạn",
        "line": "nội dung",
        "money": "nguồn vốn",
        "amount": "tỷ đồng",
        "phase_total": "cộng giai đoạn (ghi trong kế hoạch)",
        "total": "Tổng ghi trong kế hoạch",
        "about": "khoảng ",
        "average": "bình quân ghi trong kế hoạch",
        "per_year": "tỷ đồng/năm",
        "fields": "LĨNH VỰC (C.I)",
        "vision": "TẦM NHÌN 2030 (C.II)",
        "agencies": "PHÂN CÔNG (D'.II)",
        "aim": "Mục tiêu chung",
        "missing_doc": "không tìm thấy văn bản",
    },
    "en": {
        "source": "Document",
        "targets": "TARGETS",
        "budget": "BUDGET (bn VND)",
        "clause": "clause",
        "indicator": "indicator",
        "target": "target",
        "years": "years",
        "computable": "from data",
        "yes": "yes",
        "no": "by hand",
        "phase": "phase",
        "line": "line",
        "money": "source of money",
        "amount": "bn VND",
        "phase_total": "phase total (as stated)",
        "total": "Stated total",
        "about": "about ",
        "average": "stated yearly average",
        "per_year": "bn VND/year",
        "fields": "FIELDS OF WORK (C.I)",
        "vision": "2030 VISION (C.II)",
        "agencies": "RESPONSIBLE AGENCIES (D'.II)",
        "aim": "General aim",
        "missing_doc": "text not found",
    },
}


def _num(x: float, lang: Lang) -> str:
    return format_number(x, 0 if float(x).is_integer() else 1, lang)


def _text_table(header: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        cells = [
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
            for i, c in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(r) for r in rows)])


def plan_report(plan: Plan, lang: Lang = "vi", width: int = 100) -> str:
    """The plan as readable text for a terminal: targets, budget, lists."""
    import textwrap

    lang = check_lang(lang)
    w = _REPORT_WORDS[lang]
    out = [plan.title_vi if lang == "vi" else plan.title_en]
    for doc in plan.documents:
        ref = doc.reference_vi if lang == "vi" else doc.reference_en
        out.append(f"{w['source']}: {ref}" + ("" if doc.found else f" ({w['missing_doc']})"))
    if plan.general_aim:
        aim = plan.general_aim.text_vi if lang == "vi" else plan.general_aim.text_en
        out += ["", textwrap.fill(f"{w['aim']} ({plan.general_aim.clause}): {aim}", width)]

    out += ["", w["targets"]]
    rows = [
        [
            t.clause,
            t.label_vi if lang == "vi" else t.label_en,
            t.describe(lang),
            t.years_label(lang),
            w["yes"] if t.computable else w["no"],
        ]
        for t in plan.targets
    ]
    header = [w["clause"], w["indicator"], w["target"], w["years"], w["computable"]]
    out.append(_text_table(header, rows))

    if plan.budget:
        b = plan.budget
        money = {k: v[lang] for k, v in SOURCE_OF_MONEY_LABELS.items()}
        rows = []
        for ph in b.phases:
            span = f"{ph.start_year}–{ph.end_year}"
            for line in ph.lines:
                purpose = line.purpose_vi if lang == "vi" else line.purpose_en
                rows.append(
                    [
                        span,
                        purpose,
                        money[line.source_of_money],
                        format_number(line.amount, 1, lang),
                    ]
                )
            rows.append([span, w["phase_total"], "", format_number(ph.stated_total, 1, lang)])
        out += ["", w["budget"]]
        out.append(_text_table([w["phase"], w["line"], w["money"], w["amount"]], rows, right={3}))
        about = w["about"] if b.total.qualifier == "about" else ""
        out.append(
            f"{w['total']} ({b.clause}): {about}{_num(b.total.value, lang)} "
            f"{w['amount']} ({b.total.start_year}–{b.total.end_year}); {w['average']}: "
            f"{_num(b.yearly_average.value, lang)} {w['per_year']}"
        )

    if plan.fields_of_work:
        out += ["", w["fields"]]
        out += [
            f"  {f.clause}  {f.name_vi if lang == 'vi' else f.name_en}" for f in plan.fields_of_work
        ]
    if plan.vision_2030:
        out += ["", w["vision"]]
        for v in plan.vision_2030:
            text = v.text_vi if lang == "vi" else v.text_en
            out.append(textwrap.fill(text, width, initial_indent="  - ", subsequent_indent="    "))
    if plan.agencies:
        out += ["", w["agencies"]]
        out += [f"  {a.clause}  {a.name_vi if lang == 'vi' else a.name_en}" for a in plan.agencies]
    return "\n".join(out)


# ---- loading ---------------------------------------------------------------------------------


def default_plan_path() -> Path:
    return raw_dir() / "plans" / "lai-chau-2013.yaml"


def default_national_path() -> Path:
    return raw_dir() / "plans" / "national-targets.yaml"


def load_plan(path: str | Path | None = None) -> Plan:
    """Load and validate a plan file (default: the Lai Châu plan of 2013)."""
    return _load(Path(path) if path else require_project(default_plan_path().parent) / default_plan_path().name)


def load_national_targets(path: str | Path | None = None) -> Plan:
    """Load and validate the national targets file (same model, ``scope: national``)."""
    plan = _load(Path(path) if path else default_national_path())
    if plan.scope != "national":
        raise PlanError([InputError(path, "scope", plan.scope, "'national'")], path)
    return plan


_EXPECTED_TOP = "a YAML mapping with keys such as schema_version, id, scope, targets, budget"


class _Issues(ValueError):
    """Semantic problems found by a model validator: (relative path, found, expected)."""

    def __init__(self, issues: list[tuple[str, object, str]]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{p}: found {f!r}; expected {e}" for p, f, e in issues))


def _duplicates(items: list[Any], where: str) -> list[tuple[str, object, str]]:
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


def _load(path: Path) -> Plan:
    try:  # a missing file or a folder raises its OSError as is
        doc = read_yaml(path, expected=_EXPECTED_TOP)
    except YamlError as err:
        raise PlanError([err], path) from None
    try:
        return Plan.model_validate(doc.data)
    except ValidationError as err:
        raise PlanError(_errors_from(err, path, doc), path) from None


def _loc_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _parse_path(rel: str) -> list[str | int]:
    """``lines[1].id`` -> ``["lines", 1, "id"]`` (the inverse of :func:`_loc_path`)."""
    out: list[str | int] = []
    for part in rel.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            out.append(int(part[1:-1]))
        elif part:
            out.append(part)
    return out


def _errors_from(err: ValidationError, path: Path, doc: YamlDocument) -> list[InputError]:
    errors: list[InputError] = []
    for e in err.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if not str(p).startswith("function-"))
        base = _loc_path(loc)
        issues = e.get("ctx", {}).get("error")
        if isinstance(issues, _Issues):
            for rel, found, expected in issues.issues:
                location = f"{base}.{rel}" if base else rel
                errors.append(InputError(path, doc.where((*loc, *_parse_path(rel)), location), _show(found),
                                         expected))
            continue
        kind = e["type"]
        if kind == "missing":
            found, expected = "nothing (the field is missing)", "a value (the field is required)"
        elif kind == "extra_forbidden":
            found = f"an unknown key '{e['loc'][-1]}'"
            expected = "only the keys the schema defines (see data/raw/plans/README.md)"
        elif kind == "literal_error":
            found = _show(e.get("input"))
            expected = "one of " + e["ctx"]["expected"]
        else:
            found, expected = _show(e.get("input")), e["msg"].removeprefix("Input should be ")
        errors.append(InputError(path, doc.where(loc) or None, found, expected))
    return errors


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)" if value else "an empty list"
    return repr(value)
