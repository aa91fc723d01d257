"""Scenario files: papermill parameter files that are also validated models.

papermill does not check parameters: a misspelt name is injected as a new
variable and the notebook silently runs on the default. So every way a
scenario enters the workbook (``load_scenario``, ``khcn validate``, a
notebook's first cell through :func:`validate_parameters`) goes through one
pydantic model with ``extra='forbid'``, and every problem names the file and
the key. Parameter values are ASCII ids (papermill shows other text as
``\\uXXXX``); their words for readers are the catalogue's ``choice.*``
(``core/catalogue/parameters.py``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.core.paths import require_project, scenarios_dir
from khcn_analysis.core.strict_numbers import Integer, Number
from khcn_analysis.core.strict_yaml import YamlDocument, YamlError, read_yaml

if TYPE_CHECKING:  # numpy only where draws are made: reading a scenario (khcn validate) needs none
    import numpy as np

__all__ = [
    "Distribution",
    "PARAMETER_BOUNDS",
    "Scenario",
    "ScenarioError",
    "UNCERTAIN_PARAMETERS",
    "list_scenarios",
    "load_scenario",
    "scenario_names",
    "scenario_title",
    "validate_namespace",
    "validate_parameters",
]

def _lang(lang: str) -> str:
    """The file's field suffix for ``lang`` (any other language reads the English fields, as before)."""
    return lang if lang in LANGS else LANGS[-1]


NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")

#: Parameters that may carry an uncertainty distribution.
UNCERTAIN_PARAMETERS = (
    "grdp_growth_pct",
    "population_growth_pct",
    "budget_expenditure_growth_pct",
    "nonstate_value",
    "researcher_growth_value",
)


class ScenarioError(InputErrors):
    """A scenario file or parameter set is invalid; lists every key at fault."""

    def __init__(self, errors: list[InputError], what: str = "scenario") -> None:
        super().__init__(errors, what)


class Distribution(BaseModel):
    """An uncertain parameter: normal (truncated to [low, high]), triangular or uniform."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["normal", "triangular", "uniform"]
    low: Number
    high: Number
    mean: Number | None = None
    sd: Number | None = Field(default=None, gt=0)
    mode: Number | None = None

    @model_validator(mode="after")
    def _check(self) -> Distribution:
        if not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        if self.kind == "normal":
            if self.mean is None or self.sd is None:
                raise ValueError("a normal distribution needs 'mean' and 'sd'")
            if not self.low <= self.mean <= self.high:
                raise ValueError(f"mean {self.mean} is outside [low, high]")
        if self.kind == "triangular":
            if self.mode is None:
                raise ValueError("a triangular distribution needs 'mode'")
            if not self.low <= self.mode <= self.high:
                raise ValueError(f"mode {self.mode} is outside [low, high]")
        extra = {"normal": ("mode",), "triangular": ("mean", "sd"), "uniform": ("mean", "sd", "mode")}
        for key in extra[self.kind]:
            if getattr(self, key) is not None:
                raise ValueError(f"'{key}' does not apply to a {self.kind} distribution")
        return self

    @property
    def central(self) -> float:
        if self.kind == "normal":
            return float(self.mean)  # type: ignore[arg-type]
        if self.kind == "triangular":
            return float(self.mode)  # type: ignore[arg-type]
        return (self.low + self.high) / 2

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` draws, vectorized; a normal is truncated by redrawing out-of-range values."""
        import numpy as np

        if self.kind == "uniform":
            return rng.uniform(self.low, self.high, n)
        if self.kind == "triangular":
            if self.low == self.high:
                return np.full(n, self.low)
            return rng.triangular(self.low, self.mode, self.high, n)
        out = rng.normal(self.mean, self.sd, n)
        for _ in range(100):
            bad = (out < self.low) | (out > self.high)
            count = int(bad.sum())
            if not count:
                break
            out[bad] = rng.normal(self.mean, self.sd, count)
        return np.clip(out, self.low, self.high)


class Scenario(BaseModel):
    """One scenario: the assumptions of a projection, DESIGN §3.

    Growth rates are nominal per cent per year. ``base_year`` is the last year
    the scenario takes as given: the S&T budget rule applies after it
    (``'latest'`` = the latest year with recorded S&T spending, as a planner
    starting today). Recorded values always win over projections, except for
    the series listed in ``counterfactual`` after the base year.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(pattern=NAME_PATTERN.pattern)
    description_vi: str = Field(min_length=1)
    description_en: str = Field(min_length=1)
    #: Short human titles shown to readers (chart legends, report headings); optional,
    #: the id ``name`` stands in when absent. Machine outputs always keep ``name``.
    title_vi: str | None = Field(default=None, min_length=1, max_length=80)
    title_en: str | None = Field(default=None, min_length=1, max_length=80)
    base_year: Integer | Literal["latest"] = 2012

    growth_basis: Literal["stated", "latest_trend"] = "stated"
    trend_years: Integer = Field(default=5, ge=2, le=10)
    grdp_growth_pct: Number = Field(ge=-20, le=40)
    population_growth_pct: Number = Field(ge=-5, le=10)
    budget_expenditure_growth_pct: Number = Field(ge=-30, le=50)
    budget_revenue_growth_pct: Number | None = Field(default=None, ge=-30, le=50)

    st_budget_rule: Literal[
        "plan_as_written", "gdp_linked", "fixed_share_expenditure", "meet_targets", "latest_trend"
    ]
    after_plan: Literal["hold", "grow_with_grdp", "grow_with_expenditure", "growth_pct"] = "hold"
    after_plan_growth_pct: Number = Field(default=0.0, ge=-50, le=100)
    st_budget_share_expenditure_pct: Number | None = Field(default=None, ge=0, le=100)
    austerity_cut_pct: Number = Field(default=0.0, ge=0, lt=100)

    nonstate_mode: Literal["share_of_total", "ratio_to_state"] = "share_of_total"
    nonstate_value: Number = Field(default=0.0, ge=0, le=1000)

    researcher_rule: Literal["growth", "meet_targets"] = "growth"
    researcher_growth_mode: Literal["persons", "percent"] = "persons"
    researcher_growth_value: Number = Field(default=0.0, ge=-1000, le=10000)

    st_fund_share_revenue_local_pct: Number | Literal["plan_minimum"] | None = Field(default=None)

    counterfactual: list[Literal["st_budget", "st_investment", "researchers"]] = Field(
        default_factory=list
    )

    uncertainty: dict[
        Literal[
            "grdp_growth_pct",
            "population_growth_pct",
            "budget_expenditure_growth_pct",
            "nonstate_value",
            "researcher_growth_value",
        ],
        Distribution,
    ] = Field(default_factory=dict)
    draws: Integer = Field(default=1000, ge=1, le=1_000_000)
    seed: Integer = Field(default=20130222, ge=0, le=2**32 - 1)

    path: Path | None = Field(default=None, exclude=True, repr=False)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        if isinstance(self.base_year, int) and not 2010 <= self.base_year <= 2030:
            raise _KeyError("base_year", self.base_year, "a year 2010–2030 or 'latest'")
        if self.st_budget_rule == "fixed_share_expenditure" and self.st_budget_share_expenditure_pct is None:
            raise _KeyError(
                "st_budget_share_expenditure_pct", None,
                "a share (0–100) when st_budget_rule is 'fixed_share_expenditure'",
            )
        if self.nonstate_mode == "share_of_total" and self.nonstate_value >= 100:
            raise _KeyError("nonstate_value", self.nonstate_value, "a share below 100 (% of total)")
        if self.researcher_growth_mode == "percent" and not -50 <= self.researcher_growth_value <= 100:
            raise _KeyError("researcher_growth_value", self.researcher_growth_value, "-50 to 100 (% per year)")
        fund = self.st_fund_share_revenue_local_pct
        if isinstance(fund, float | int) and not 0 <= fund <= 100:
            raise _KeyError("st_fund_share_revenue_local_pct", fund, "0–100, 'plan_minimum' or null")
        for key, dist in self.uncertainty.items():
            lo, hi = _PARAM_RANGES[key]
            if key == "nonstate_value" and self.nonstate_mode == "share_of_total":
                hi = 99.999
            if key == "researcher_growth_value" and self.researcher_growth_mode == "percent":
                lo, hi = -50, 100
            if dist.low < lo or dist.high > hi:
                raise _KeyError(
                    f"uncertainty.{key}", f"[{dist.low}, {dist.high}]", f"bounds within [{lo}, {hi}]"
                )
        return self

    def as_parameters(self) -> dict[str, Any]:
        """The papermill parameters: plain JSON-able values, ASCII ids."""
        return self.model_dump(mode="json", exclude={"path"})

    def description(self, lang: str = "vi") -> str:
        return getattr(self, f"description_{_lang(lang)}")

    def title(self, lang: str = "vi") -> str:
        """The reader's name of the scenario in ``lang``; the id when the file gives none."""
        return getattr(self, f"title_{_lang(lang)}") or self.name

    def central_value(self, key: str) -> float:
        """The value a deterministic run uses: the stated one."""
        return float(getattr(self, key))


_PARAM_RANGES = {
    "grdp_growth_pct": (-20, 40),
    "population_growth_pct": (-5, 10),
    "budget_expenditure_growth_pct": (-30, 50),
    "nonstate_value": (0, 1000),
    "researcher_growth_value": (-1000, 10000),
}
#: The bounds a value of each uncertain parameter must keep (public name of the same table).
PARAMETER_BOUNDS = _PARAM_RANGES


class _KeyError(ValueError):
    """Raised inside validators so the message can name the key (not the model)."""

    def __init__(self, key: str, found: object, expected: str) -> None:
        self.key, self.found, self.expected = key, found, expected
        super().__init__(f"{key}: found {found!r}; expected {expected}")


def _errors_from_validation(exc: ValidationError, file: str | None,
                            doc: YamlDocument | None = None) -> list[InputError]:
    known = sorted(Scenario.model_fields)
    out: list[InputError] = []

    def where(loc: list[str], key: str) -> str:
        label = f"key '{key}'"
        return doc.where(loc, label) if doc is not None else label

    for err in exc.errors():
        ctx_error = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_error, _KeyError):
            out.append(InputError(file, where(ctx_error.key.split("."), ctx_error.key), ctx_error.found,
                                  ctx_error.expected))
            continue
        loc = [str(p) for p in err.get("loc", ()) if not str(p).startswith(("function-", "literal["))]
        loc = [p for p in loc if p not in ("int", "float", "str")]
        key = ".".join(loc) or "(top level)"
        found = err.get("input")
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(loc[-1], known, n=1) if loc else []
            hint = f"did you mean '{close[0]}'?" if close else None
            out.append(
                InputError(file, where(loc, key), "an unknown key",
                           "one of the known keys: " + ", ".join(known), hint)
            )
        elif err["type"] == "missing":
            out.append(InputError(file, f"key '{key}'", "nothing", "a value (this key is required)"))
        else:
            if isinstance(found, dict):
                found = "a mapping"
            out.append(InputError(file, where(loc, key), found, err["msg"]))
    return _one_per_key(out)


def _one_per_key(errors: list[InputError]) -> list[InputError]:
    """A value refused by each member of a union (``base_year: int | 'latest'``) is one problem."""
    seen: set[str | None] = set()
    out = []
    for e in errors:
        if e.location not in seen:
            out.append(e)
        seen.add(e.location)
    return out


def validate_parameters(params: Mapping[str, Any], *, file: str | Path | None = None,
                        doc: YamlDocument | None = None) -> Scenario:
    """Validate a parameter mapping (a notebook's parameters, a parsed file).

    A key ``scenario`` (a shipped name or a file path) loads that scenario and
    applies the other keys on top, so a notebook can take ``scenario=...`` and
    still get every override checked. Raises :class:`ScenarioError`.
    """
    params = dict(params)
    where = str(file) if file is not None else None
    base: dict[str, Any] = {}
    path = Path(file) if file is not None else None
    if "scenario" in params:
        ref = params.pop("scenario")
        if ref is not None:
            loaded = load_scenario(ref)
            base = loaded.as_parameters()
            path = loaded.path
            where = where or f"parameters (on top of {loaded.path})"
    merged = {**base, **params}
    try:
        scenario = Scenario.model_validate(merged)
    except ValidationError as exc:
        raise ScenarioError(_errors_from_validation(exc, where or "parameters", doc),
                            where or "parameters") from None
    scenario.path = path
    return scenario


_NAMESPACE_IGNORE = {"In", "Out", "get_ipython", "exit", "quit", "open"}


def validate_namespace(namespace: Mapping[str, Any], *, allow: tuple[str, ...] = ()) -> Scenario:
    """Validate the parameters a notebook holds right after its parameters cell.

    Call it as ``validate_namespace(globals(), allow=("lang",))`` in the first
    cell after the parameters: every plain value defined so far (numbers,
    strings, lists, dicts, None) must be a scenario key or named in ``allow``,
    so a misspelt parameter injected by papermill is an error, not a no-op.
    """
    simple = (str, int, float, bool, list, dict, type(None))
    params = {
        k: v
        for k, v in namespace.items()
        if not k.startswith("_") and k not in _NAMESPACE_IGNORE and k not in allow and isinstance(v, simple)
    }
    return validate_parameters(params)


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml"))


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A shipped scenario by name (``plan_as_written``) or any scenario file by path.

    A name must be a plain id: anything path-like that is not a ``.yaml``
    file (``../../x``) is refused rather than resolved outside ``scenarios/``.
    A scenario's ``name:`` and its file name agree, and a file outside
    ``scenarios/`` cannot take a shipped scenario's name unless it holds the same
    parameters: a copy that kept ``name: plan_as_written`` with other numbers would
    otherwise run, and write its outputs, under the official scenario's name.
    """
    if isinstance(name_or_path, Path) or _looks_like_path(str(name_or_path)):
        path = Path(name_or_path)
        if not path.is_file():
            found = "a folder" if path.is_dir() else "no such file"
            raise ScenarioError([InputError(path, None, found, "an existing scenario .yaml file")])
        return _load_file(path, shipped_names_taken=True)
    name = str(name_or_path)
    if not NAME_PATTERN.match(name):
        raise ScenarioError(
            [
                InputError(
                    None, "scenario name", name,
                    "a shipped scenario name (lower-case letters, digits, '_') or a path ending in .yaml",
                    "names cannot point outside scenarios/",
                )
            ]
        )
    path = require_project(scenarios_dir()) / f"{name}.yaml"
    if not path.is_file():
        known = scenario_names()
        expected = f"one of: {', '.join(known)}" if known else f"a scenario file in {scenarios_dir()} (there is none)"
        raise ScenarioError([InputError(None, "scenario name", name, expected)])
    return _load_file(path)


def _identity_errors(path: Path, doc: YamlDocument, *, shipped_names_taken: bool) -> list[InputError]:
    """The file name and ``name:`` must agree; a file elsewhere may not take a shipped name."""
    name = doc.data.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        return []  # the model reports a missing or malformed name
    where = doc.where(["name"], "key 'name'")
    if name != path.stem:
        return [InputError(path, where, f"name: {name} in a file called {path.name}",
                           f"the name and the file name to agree ('{name}.yaml' for name: {name})",
                           "rename the file or change name: so they match")]
    shipped = scenarios_dir() / f"{name}.yaml"
    if shipped_names_taken and shipped.is_file() and not _same_scenario(shipped, path, doc):
        return [InputError(path, where, f"name: {name}, the name of the shipped scenario {shipped}",
                           "a name of its own for a copied scenario",
                           f"rename the file and its name: key, e.g. my_{name}")]
    return []


def _same_scenario(shipped: Path, path: Path, doc: YamlDocument) -> bool:
    """The shipped file itself, or a copy with the same parameters (comments may differ)."""
    try:
        if shipped.samefile(path):
            return True
        return read_yaml(shipped, expected="a YAML mapping of scenario parameters").data == doc.data
    except (OSError, YamlError):
        return False


def _load_file(path: Path, *, shipped_names_taken: bool = False) -> Scenario:
    try:
        doc = read_yaml(path, expected="a YAML mapping of scenario parameters")
    except YamlError as err:
        raise ScenarioError([err], str(path)) from None
    if "scenario" in doc.data:
        raise ScenarioError([InputError(path, doc.where(["scenario"], "key 'scenario'"),
                                        "a reference to another scenario", "a full scenario")])
    identity = _identity_errors(path, doc, shipped_names_taken=shipped_names_taken)
    try:
        scenario = validate_parameters(doc.data, file=path, doc=doc)
    except ScenarioError as exc:
        raise ScenarioError([*identity, *exc.errors], str(path)) from None
    if identity:
        raise ScenarioError(identity, str(path))
    return scenario


def scenario_names(directory: Path | None = None) -> list[str]:
    directory = directory or scenarios_dir()
    return sorted(p.stem for p in directory.glob("*.yaml"))


_TITLE_CACHE: dict[tuple[Path, int], tuple[str | None, str | None]] = {}


def scenario_title(scenario: Scenario | str, lang: str = "vi", directory: Path | None = None) -> str:
    """The reader's title of a scenario given as a model or as an id.

    Tables carry ids only (``plan_as_written``); an id is looked up among the shipped
    scenario files. Anything that is not one (a user's file, an invalid file) shows
    its id: a display label never raises.
    """
    if isinstance(scenario, Scenario):
        return scenario.title(lang)
    name = str(scenario)
    if not NAME_PATTERN.match(name):
        return name
    path = (directory or scenarios_dir()) / f"{name}.yaml"
    try:
        key = (path.resolve(), path.stat().st_mtime_ns)
    except OSError:
        return name
    if key not in _TITLE_CACHE:
        try:
            sc = _load_file(path)
            _TITLE_CACHE[key] = (sc.title_vi, sc.title_en) if sc.name == name else (None, None)
        except ScenarioError:
            _TITLE_CACHE[key] = (None, None)
    return _TITLE_CACHE[key][LANGS.index(_lang(lang))] or name


def list_scenarios(directory: Path | None = None) -> list[Scenario]:
    """Every shipped scenario, validated; all problems are reported together."""
    directory = directory or require_project(scenarios_dir())
    scenarios: list[Scenario] = []
    errors: list[InputError] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            scenario = _load_file(path)
        except ScenarioError as exc:
            errors.extend(exc.errors)
            continue
        scenarios.append(scenario)
    if errors:
        raise ScenarioError(errors, str(directory))
    return scenarios
