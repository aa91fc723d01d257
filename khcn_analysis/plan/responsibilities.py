"""Which agency the plan makes responsible for each figure the workbook needs.

Plan 182 lists its seven responsible agencies and their duties (D'.II.1–7) but never says
"the Department of Home Affairs reports the researcher count". The half-year report's
data-request annex must nevertheless name, for each missing figure, the agency to ask,
and it must be the plan's word rather than ours. ``lai-chau-2013-responsibilities.yaml``
(beside the plan file) makes those links, each quoting the plan's sentence with its
clause and saying how direct the link is (``duty``: the quoted duty covers the figure;
``focal_point``: the plan names no one, so the Department of Science and Technology as
the plan's focal point). This module loads it and checks it against the plan: every
agency, indicator and clause must be the plan's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.paths import raw_dir
from khcn_analysis.core.strict_yaml import YamlError, read_yaml
from khcn_analysis.plan.load import load_plan
from khcn_analysis.plan.model import Agency, Plan

__all__ = [
    "Link",
    "Reporting",
    "Responsibilities",
    "Responsible",
    "ResponsibilitiesError",
    "default_responsibilities_path",
    "load_responsibilities",
]


class ResponsibilitiesError(InputErrors):
    """Problems in the responsibilities file; each names file, field, found, expected."""

    def __init__(self, errors: list[InputError], file: str | Path | None) -> None:
        super().__init__(errors, what=f"responsibilities file {file or '<input>'}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Responsible(_Model):
    """One agency's part in a figure, with the plan's sentence that gives it."""

    agency: str = Field(min_length=1)
    role: Literal["lead", "support"]
    basis: Literal["duty", "focal_point"]
    clause: str = Field(min_length=1)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Link(_Model):
    """A plan indicator, the figures to request for it, and who is responsible."""

    indicator: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    variables: list[str] = Field(min_length=1)
    responsible: list[Responsible] = Field(min_length=1)

    @property
    def lead(self) -> Responsible:
        return next((r for r in self.responsible if r.role == "lead"), self.responsible[0])

    @property
    def support(self) -> list[Responsible]:
        lead = self.lead
        return [r for r in self.responsible if r is not lead]


class Reporting(_Model):
    """The plan's reporting rule (every six months, through the Department)."""

    clause: str = Field(min_length=1)
    text_vi: str = Field(min_length=1)
    text_en: str = Field(min_length=1)


class Responsibilities(_Model):
    schema_version: Literal[1]
    plan: str = Field(min_length=1)
    reporting: Reporting
    links: list[Link] = Field(min_length=1)

    def for_indicator(self, indicator: str) -> Link | None:
        return next((link for link in self.links if link.indicator == indicator), None)

    def for_variable(self, variable: str) -> Link | None:
        """The first link that requests ``variable`` (its own indicator's link first)."""
        own = self.for_indicator(variable)
        if own is not None and variable in own.variables:
            return own
        return next((link for link in self.links if variable in link.variables), None)


def default_responsibilities_path() -> Path:
    return raw_dir() / "plans" / "lai-chau-2013-responsibilities.yaml"


_EXPECTED = "a YAML mapping with schema_version, plan, reporting and links"


def load_responsibilities(path: str | Path | None = None, plan: Plan | None = None) -> Responsibilities:
    """Load the links and check them against ``plan`` (default: the Lai Châu plan)."""
    path = Path(path) if path is not None else default_responsibilities_path()
    try:
        doc = read_yaml(path, expected=_EXPECTED)
    except YamlError as err:
        raise ResponsibilitiesError([err], path) from None
    try:
        model = Responsibilities.model_validate(doc.data)
    except ValidationError as err:
        errors = [InputError(path, doc.where(tuple(e["loc"])) or ".".join(map(str, e["loc"])),
                             repr(e.get("input"))[:80], e["msg"]) for e in err.errors(include_url=False)]
        raise ResponsibilitiesError(errors, path) from None
    plan = plan if plan is not None else load_plan()
    errors = _against_plan(model, plan, path, doc)
    if errors:
        raise ResponsibilitiesError(errors, path)
    return model


def _against_plan(model: Responsibilities, plan: Plan, path: Path, doc) -> list[InputError]:
    agencies: dict[str, Agency] = {a.id: a for a in plan.agencies}
    indicators = {t.indicator for t in plan.targets}
    errors = []
    if model.plan != plan.id:
        errors.append(InputError(path, doc.where(("plan",)) or "plan", model.plan, f"the plan's id '{plan.id}'"))
    seen: set[str] = set()
    for i, link in enumerate(model.links):
        where = ("links", i)
        if link.indicator not in indicators:
            errors.append(InputError(path, doc.where((*where, "indicator")) or f"links[{i}].indicator",
                                     link.indicator, "an indicator of the plan's targets"))
        if link.indicator in seen:
            errors.append(InputError(path, doc.where((*where, "indicator")) or f"links[{i}].indicator",
                                     link.indicator, "each indicator linked once"))
        seen.add(link.indicator)
        if sum(r.role == "lead" for r in link.responsible) != 1:
            errors.append(InputError(path, doc.where((*where, "responsible")) or f"links[{i}].responsible",
                                     "no lead or several", "exactly one agency with role: lead"))
        for j, r in enumerate(link.responsible):
            agency = agencies.get(r.agency)
            loc = (*where, "responsible", j)
            if agency is None:
                errors.append(InputError(path, doc.where((*loc, "agency")) or f"links[{i}].responsible[{j}]",
                                         r.agency, "one of the plan's agencies: " + ", ".join(agencies)))
            elif r.clause != agency.clause:
                errors.append(InputError(path, doc.where((*loc, "clause")) or f"links[{i}].responsible[{j}]",
                                         r.clause, f"the agency's own clause {agency.clause}"))
            elif " ".join(r.text_vi.split()) not in " ".join(agency.duties_vi.split()):
                errors.append(InputError(path, doc.where((*loc, "text_vi")) or f"links[{i}].responsible[{j}]",
                                         r.text_vi[:60] + "…", f"a sentence of the duties under {agency.clause}"))
    return errors
