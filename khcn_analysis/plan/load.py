"""Reading a plan file: the strict YAML loader, then the models; every problem named.

A missing file raises ``FileNotFoundError`` (the CLI names it); anything else wrong
raises :class:`~khcn_analysis.plan.fields.PlanError` listing each problem with the
file, the field path and its line, what was found and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.paths import raw_dir, require_project
from khcn_analysis.core.strict_yaml import YamlDocument, YamlError, read_yaml
from khcn_analysis.plan.fields import Issues, PlanError
from khcn_analysis.plan.model import Plan

__all__ = ["default_national_path", "default_plan_path", "load_national_targets", "load_plan"]


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
        if isinstance(issues, Issues):
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
