"""The explorer's session: settings → validated scenario → :func:`pipeline.run` → Results.

Planners in a meeting ask "what if GRDP grows 7 % instead of 12 %?" and want the
answer on screen at once. The inputs (baseline, plan) are read once into a
:class:`~khcn_analysis.pipeline.Inputs`; a control change builds the validated
scenario and calls the one pipeline, which judges only the milestone years the page
shows. The explorer never runs the engine or decides "met" itself: the table and
charts show the judge's rows from :class:`~khcn_analysis.pipeline.Results`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khcn_analysis import pipeline
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import Lang
from khcn_analysis.model.scenarios import (
    NAME_PATTERN,
    Scenario,
    load_scenario,
    scenario_names,
    validate_parameters,
)
from khcn_analysis.present.explore.export import export
from khcn_analysis.present.explore.scenario_file import save
from khcn_analysis.present.explore.settings import Settings

__all__ = ["Explorer"]

#: Growth rates a ``latest_trend`` scenario resolves from the data.
TREND_KEYS = ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct")


class Explorer:
    """Settings → validated scenario → :class:`~khcn_analysis.pipeline.Results`, inputs read once.

    ``inputs`` defaults to :func:`khcn_analysis.pipeline.load_inputs` (``data/processed``
    and the Lai Châu plan); it is read here and never again.
    """

    def __init__(self, inputs: pipeline.Inputs | None = None) -> None:
        self.inputs = inputs if inputs is not None else pipeline.load_inputs()
        self._bases: dict[str, tuple[Scenario, dict[str, Any]]] = {}
        #: Per base, the keys whose value is the resolved trend, not the file's stated value.
        self.trend_keys: dict[str, set[str]] = {}

    @property
    def plan(self) -> Any:
        return self.inputs.plan

    # ---- scenarios

    def scenario_names(self) -> list[str]:
        return scenario_names()

    def base(self, name: str) -> tuple[Scenario, dict[str, Any]]:
        """A scenario file and its parameters with trend growth rates made explicit.

        A ``latest_trend`` growth basis would ignore the growth sliders; the rates it
        resolves to (read from the pipeline's results) are written in as stated
        values instead, which projects the same.
        """
        if name not in self._bases:
            sc = load_scenario(name)
            params = sc.as_parameters()
            self.trend_keys[name] = set()
            if sc.growth_basis == "latest_trend":
                central = pipeline.run(sc, inputs=self.inputs, national=False, judge_years=()).central
                for key in TREND_KEYS:
                    if float(central[key]) != float(params[key]):
                        self.trend_keys[name].add(key)
                    params[key] = float(central[key])
                params["growth_basis"] = "stated"
                self.trend_keys[name].add("growth_basis")
            self._bases[name] = (sc, params)
        return self._bases[name]

    def forget(self, name: str) -> None:
        """Drop a cached base (after a saved scenario file was replaced)."""
        self._bases.pop(name, None)
        self.trend_keys.pop(name, None)

    def settings_for(self, name: str) -> Settings:
        """The controls' values that reproduce scenario ``name``."""
        _, params = self.base(name)
        percent = params["researcher_growth_mode"] == "percent"
        value = float(params["researcher_growth_value"])
        return Settings(
            base=name,
            grdp_growth_pct=float(params["grdp_growth_pct"]),
            population_growth_pct=float(params["population_growth_pct"]),
            st_budget_rule=str(params["st_budget_rule"]),
            budget_level_pct=100.0 - float(params["austerity_cut_pct"]),
            budget_share_pct=float(params["st_budget_share_expenditure_pct"] or 2.0),
            nonstate_value=float(params["nonstate_value"]),
            researcher_rule=str(params["researcher_rule"]),
            researcher_growth_mode=str(params["researcher_growth_mode"]),
            researcher_growth_persons=0.0 if percent else value,
            researcher_growth_percent=value if percent else 0.0,
        )

    def changes(self, settings: Settings) -> dict[str, tuple[Any, Any]]:
        """Keys whose value differs from the base scenario: ``{key: (was, now)}``."""
        _, params = self.base(settings.base)
        out = {}
        for key, now in settings.overrides().items():
            was = params.get(key)
            if isinstance(now, float) and isinstance(was, int | float) and math.isclose(now, was, abs_tol=1e-9):
                continue
            if now != was:
                out[key] = (was, now)
        return out

    def current_name(self, settings: Settings, wanted: str | None = None) -> str:
        """The name shown on charts: the base's if unchanged, else the wanted or a derived one."""
        if not self.changes(settings):
            return settings.base
        if wanted and NAME_PATTERN.match(wanted):
            return wanted
        return f"{settings.base}_dieu_chinh"[:64]

    def scenario(self, settings: Settings, *, name: str | None = None, **extra: Any) -> Scenario:
        """The validated scenario of these settings (raises ScenarioError naming the key)."""
        sc, params = self.base(settings.base)
        merged = {**params, **settings.overrides(), **extra}
        merged["name"] = name or self.current_name(settings)
        if merged["name"] != settings.base:
            # A changed or renamed scenario is not the base: its title would mislead, the id shows.
            for key in ("title_vi", "title_en"):
                merged[key] = extra.get(key)
        out = validate_parameters(merged, file=f"explorer settings (from {settings.base})")
        out.path = sc.path if not self.changes(settings) else None
        return out

    # ---- compute

    def compute(self, settings: Settings, *, name: str | None = None) -> pipeline.Results:
        """The pipeline's results for these settings, judged at 2015, 2020 and 2030."""
        return self.run(self.scenario(settings, name=name))

    def run(self, scenario: Scenario) -> pipeline.Results:
        """One scenario through the pipeline, judged at the milestone years the page shows."""
        return pipeline.run(scenario, inputs=self.inputs, national=False, judge_years=MILESTONES)

    # ---- save and export

    def save_scenario(self, settings: Settings, name: str, *, note: str = "", overwrite: bool = False,
                      directory: Path | None = None) -> Path:
        """Write the settings as ``scenarios/<name>.yaml`` (see :func:`.scenario_file.save`)."""
        path = save(self, settings, name, note=note, overwrite=overwrite, directory=directory)
        self.forget(path.stem)
        return path

    def export(self, result: pipeline.Results, folder: str | Path | None = None, *,
               formats: Sequence[str] = ("png", "svg", "pdf"), lang: Lang = "vi",
               excel: bool = True, stamp: str | None = None) -> list[Path]:
        """The house charts and the Excel workbook in a new sub-folder (see :mod:`.export`)."""
        return export(result, folder, inputs=self.inputs, formats=formats, lang=lang, excel=excel,
                      stamp=stamp)
