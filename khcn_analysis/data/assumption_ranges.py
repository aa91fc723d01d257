"""Plausible ranges of the assumptions, and the statements that carry no reference year.

``data/raw/assumption-ranges.yaml`` brackets every assumption of ``assumptions.yaml``
with a low, a central and a high value, a reason and the facts the bounds come from;
the judge evaluates every verdict across those ranges and the Monte Carlo draws them.
``data/raw/undated-statements.yaml`` lists facts whose year is the year a statement
was made, not a year it measures: the judge never gives them a dated verdict.

Both files are read and validated here (raw data is the data layer's); every
problem names the file and the entry.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from khcn_analysis.core import paths
from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.strict_yaml import YamlDocument, read_yaml

__all__ = [
    "AssumptionRange",
    "UndatedStatement",
    "load_assumption_ranges",
    "load_undated_statements",
    "undated_fact_ids",
]

RANGES_FILE = "assumption-ranges.yaml"
UNDATED_FILE = "undated-statements.yaml"


class AssumptionRange(BaseModel):
    """One assumption's plausible range.

    ``kind``: ``level`` is the assumed series' value in ``year`` (in ``unit``);
    ``scale`` multiplies the assumed values; ``share`` is a share in % of a total that
    the engine applies itself (total = part ÷ share × 100), replacing the assumed rows.
    The engine's parameter is named by ``id`` and holds values of the range.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    applies_to: tuple[str, ...] = Field(min_length=1)
    variable: str
    kind: Literal["level", "scale", "share"]
    year: int | None = None
    unit: str
    low: float = Field(allow_inf_nan=False)
    central: float = Field(allow_inf_nan=False)
    high: float = Field(allow_inf_nan=False)
    superseded_by_observation: bool = False
    reason: str = Field(min_length=40)
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> AssumptionRange:
        if not self.low <= self.central <= self.high or not self.low < self.high:
            raise ValueError(f"expected low <= central <= high and low < high; found "
                             f"{self.low:g}, {self.central:g}, {self.high:g}")
        if self.kind == "level" and self.year is None:
            raise ValueError("a 'level' range needs the year its value is in")
        if self.kind == "share" and not 0 < self.low <= self.high <= 100:
            raise ValueError("a 'share' range needs bounds above 0 and at most 100")
        if self.kind == "scale" and self.low <= 0:
            raise ValueError("a 'scale' range must stay above 0")
        return self

    @property
    def parameter_key(self) -> str:
        """The engine's parameter this range sets."""
        return self.id


class UndatedStatement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fact: str = Field(min_length=3)
    reason: str = Field(min_length=20)


class _RangesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1]
    ranges: list[AssumptionRange]


class _UndatedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1]
    statements: list[UndatedStatement]


def _errors(path: Path, doc: YamlDocument, exc: ValidationError) -> InputErrors:
    out = []
    for err in exc.errors():
        loc = [p for p in err.get("loc", ()) if not str(p).startswith("function-")]
        where = doc.where(loc, ".".join(str(p) for p in loc) or "top level")
        found = err.get("input")
        out.append(InputError(path, where, "a mapping" if isinstance(found, dict) else repr(found)[:80], err["msg"]))
    return InputErrors(out, str(path))


def load_assumption_ranges(path: str | Path | None = None) -> tuple[AssumptionRange, ...]:
    """The validated ranges (the shipped file by default; ids unique, one range per assumption)."""
    file = Path(path) if path is not None else paths.raw_dir() / RANGES_FILE
    if path is None:
        return _load_ranges_cached(file, file.stat().st_mtime_ns)
    return _load_ranges(file)


@cache
def _load_ranges_cached(file: Path, _mtime: int) -> tuple[AssumptionRange, ...]:
    return _load_ranges(file)


def _load_ranges(file: Path) -> tuple[AssumptionRange, ...]:
    doc = read_yaml(file, expected="a mapping with schema_version and a list under 'ranges'")
    try:
        model = _RangesFile.model_validate(doc.data)
    except ValidationError as exc:
        raise _errors(file, doc, exc) from None
    seen: dict[str, str] = {}
    problems = []
    for r in model.ranges:
        for key in (f"id {r.id}", *(f"assumption {a}" for a in r.applies_to)):
            if key in seen:
                problems.append(InputError(file, f"ranges / {r.id}", key, "each id and assumption once"))
            seen[key] = r.id
    if problems:
        raise InputErrors(problems, str(file))
    return tuple(model.ranges)


def load_undated_statements(path: str | Path | None = None) -> tuple[UndatedStatement, ...]:
    file = Path(path) if path is not None else paths.raw_dir() / UNDATED_FILE
    if not file.exists() and path is None:
        return ()
    doc = read_yaml(file, expected="a mapping with schema_version and a list under 'statements'")
    try:
        return tuple(_UndatedFile.model_validate(doc.data).statements)
    except ValidationError as exc:
        raise _errors(file, doc, exc) from None


def undated_fact_ids(path: str | Path | None = None) -> frozenset[str]:
    """Fact ids that must not decide a dated verdict."""
    return frozenset(s.fact for s in load_undated_statements(path))
