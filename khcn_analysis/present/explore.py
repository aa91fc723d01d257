"""Interactive scenario exploration: the logic behind ``notebooks/06_explore.ipynb`` and ``khcn explore``.

Planners in a meeting ask "what if GRDP grows 7 % instead of 12 %?" and want the
answer on screen at once. So the baseline and the plan are read once, a change of
one control rebuilds only the validated :class:`~khcn_analysis.model.scenarios.Scenario`
and reruns the vectorised engine, and the live panel redraws only the charts whose
numbers changed, on figures sized for a screen. The house charts of
:mod:`khcn_analysis.present.charts` (about half a second each) are what *export* writes;
the live panel is a fast preview with the same targets, colours and statuses.

Three layers, testable without a browser:

* :class:`Settings` -- the widget model as plain values;
* :class:`Explorer` -- settings → scenario → projection → milestone table, plus
  saving a scenario file and exporting charts and the Excel workbook;
* :class:`ExploreApp` -- the ipywidgets around an :class:`Explorer` (each widget has a
  stable CSS class ``khcn-…`` so the browser test can find it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.indicators import get_indicator
from khcn_analysis.core.paths import project_root, reports_dir, scenarios_dir
from khcn_analysis.model.scenarios import (
    NAME_PATTERN,
    RULE_LABELS,
    Scenario,
    ScenarioError,
    load_scenario,
    scenario_names,
    scenario_title,
    validate_parameters,
)

__all__ = [
    "CHART_INDICATORS",
    "MILESTONES",
    "SAVED_MARKER",
    "TABLE_INDICATORS",
    "ExploreApp",
    "ExploreResult",
    "Explorer",
    "LivePanel",
    "Settings",
    "default_export_dir",
    "summary_html",
    "summary_rows",
]

#: The plan's milestone years: the table shows these.
MILESTONES = (2015, 2020, 2030)
#: Rows of the live table, in reading order.
TABLE_INDICATORS = (
    "st_investment_share_grdp", "researcher_density", "st_budget_share_expenditure", "funding_sufficiency",
)
#: Charts of the live panel (and of the export), in display order.
CHART_INDICATORS = ("st_investment_share_grdp", "researcher_density", "funding_sufficiency")
#: First line of every file the explorer writes: only such files may be overwritten.
SAVED_MARKER = "# saved-by: khcn explore"
RULES = ("plan_as_written", "gdp_linked", "fixed_share_expenditure", "meet_targets", "latest_trend")

TEXT: dict[str, dict[str, str]] = {
    "title": {"vi": "Khám phá kịch bản KH&CN tỉnh Lai Châu", "en": "Explore S&T scenarios, Lai Châu province"},
    "intro": {
        "vi": "Thay đổi giả định ở cột trái: bảng và biểu đồ cập nhật ngay. Các năm đã có số liệu "
              "giữ nguyên; chỉ các năm dự báo thay đổi. Mục tiêu theo Kế hoạch 182/QĐ-UBND (2013).",
        "en": "Change an assumption on the left: the table and charts update at once. Recorded years "
              "stay as recorded; only projected years change. Targets from Plan 182/QĐ-UBND (2013).",
    },
    "assumptions": {"vi": "Giả định", "en": "Assumptions"},
    "base": {"vi": "Bắt đầu từ kịch bản", "en": "Start from scenario"},
    "lang": {"vi": "Ngôn ngữ", "en": "Language"},
    "grdp": {"vi": "Tăng trưởng GRDP danh nghĩa", "en": "Nominal GRDP growth"},
    "population": {"vi": "Tăng dân số", "en": "Population growth"},
    "rule": {"vi": "Quy tắc chi ngân sách cho KH&CN", "en": "S&T budget rule"},
    "level": {"vi": "Mức chi so với quy tắc (100% = đúng quy tắc)",
              "en": "Spending as a share of the rule (100% = the rule)"},
    "share": {"vi": "Chi KH&CN trên tổng chi ngân sách", "en": "S&T share of budget expenditure"},
    "nonstate_share_of_total": {"vi": "Vốn ngoài nhà nước (% tổng đầu tư KH&CN)",
                                "en": "Non-state money (% of total S&T investment)"},
    "nonstate_ratio_to_state": {"vi": "Vốn ngoài nhà nước (lần chi ngân sách KH&CN)",
                                "en": "Non-state money (times the state S&T budget)"},
    "researcher_rule": {"vi": "Cán bộ nghiên cứu", "en": "Researchers"},
    "researcher_mode": {"vi": "Tăng theo", "en": "Growth in"},
    "persons": {"vi": "Tăng cán bộ nghiên cứu (người/năm)", "en": "Researcher growth (persons a year)"},
    "percent": {"vi": "Tăng cán bộ nghiên cứu (%/năm)", "en": "Researcher growth (% a year)"},
    "mode_persons": {"vi": "người/năm", "en": "persons/year"},
    "mode_percent": {"vi": "%/năm", "en": "%/year"},
    "meet_targets_note": {"vi": "Số cán bộ vừa đủ đạt mục tiêu: mức tăng không dùng.",
                          "en": "Researchers exactly on the targets' path: the growth is not used."},
    "save_title": {"vi": "Lưu thành kịch bản mới", "en": "Save as a new scenario"},
    "save_name": {"vi": "Tên (chữ thường, số, _)", "en": "Name (lower-case, digits, _)"},
    "save_note": {"vi": "Lý do / ghi chú", "en": "Reason / note"},
    "save_overwrite": {"vi": "Cho phép ghi đè kịch bản đã lưu từ trang này",
                       "en": "Allow overwriting a scenario saved from this page"},
    "save_button": {"vi": "Lưu kịch bản", "en": "Save scenario"},
    "saved": {"vi": "Đã lưu", "en": "Saved"},
    "save_refused": {"vi": "Không lưu", "en": "Not saved"},
    "export_title": {"vi": "Xuất biểu đồ và bảng Excel", "en": "Export charts and the Excel workbook"},
    "export_dir": {"vi": "Thư mục", "en": "Folder"},
    "export_button": {"vi": "Xuất", "en": "Export"},
    "exporting": {"vi": "Đang xuất…", "en": "Exporting…"},
    "exported": {"vi": "Đã xuất {n} tệp vào", "en": "Wrote {n} files to"},
    "export_failed": {"vi": "Không xuất được", "en": "Export failed"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "met": {lang: "✓ " + attainment_label("met", lang) for lang in ("vi", "en")},
    "not_met": {lang: "✗ " + attainment_label("not_met", lang) for lang in ("vi", "en")},
    "enough": {"vi": "✓ Đủ", "en": "✓ Enough"},
    "short": {"vi": "✗ Thiếu", "en": "✗ Short"},
    "no_target": {"vi": "không có mục tiêu năm này", "en": "no target this year"},
    "not_computable": {lang: attainment_label("not_computable", lang, lower=True) for lang in ("vi", "en")},
    "target": {"vi": "mục tiêu", "en": "target"},
    "gap_short": {"vi": "thiếu {gap}", "en": "short by {gap}"},
    "gap_above": {"vi": "vượt khoảng mục tiêu {gap}", "en": "{gap} above the range"},
    "sufficiency_target": {"vi": "100% = vừa đủ", "en": "100% = just enough"},
    "scenario": {"vi": "Kịch bản", "en": "Scenario"},
    "modified": {"vi": "đã điều chỉnh từ", "en": "adjusted from"},
    "error": {"vi": "Lỗi", "en": "Error"},
}

UNITS: dict[str, dict[str, str]] = {
    "pct_year": {"vi": "%/năm", "en": "% a year"},
    "persons_year": {"vi": "người/năm", "en": "persons a year"},
    "pct": {"vi": "%", "en": "%"},
    "times": {"vi": "lần", "en": "times"},
}

#: Slider ranges: the plausible part of each key's allowed range (scenarios.py), widened
#: when a scenario holds a value outside it.
RANGES: dict[str, tuple[float, float, float]] = {
    "grdp_growth_pct": (-5.0, 25.0, 0.5),
    "population_growth_pct": (-1.0, 5.0, 0.05),
    "budget_level_pct": (5.0, 100.0, 5.0),
    "budget_share_pct": (0.0, 10.0, 0.1),
    "nonstate_share_of_total": (0.0, 90.0, 1.0),
    "nonstate_ratio_to_state": (0.0, 10.0, 0.1),
    "researcher_growth_persons": (-20.0, 200.0, 1.0),
    "researcher_growth_percent": (-10.0, 20.0, 0.1),
}


def t(key: str, lang: str, **kw: Any) -> str:
    text = TEXT[key][lang]
    return text.format(**kw) if kw else text


def default_export_dir() -> Path:
    return reports_dir() / "explore"


# --------------------------------------------------------------------------- the widget model


@dataclass
class Settings:
    """What the controls hold, as plain values (one field per control).

    The budget level has two controls because its meaning depends on the rule: a
    share of expenditure for ``fixed_share_expenditure``, otherwise the share of the
    rule's money kept (100 − ``austerity_cut_pct``).
    """

    base: str
    grdp_growth_pct: float
    population_growth_pct: float
    st_budget_rule: str
    budget_level_pct: float
    budget_share_pct: float
    nonstate_value: float
    researcher_rule: str
    researcher_growth_mode: str
    researcher_growth_persons: float
    researcher_growth_percent: float

    def overrides(self) -> dict[str, Any]:
        """The scenario keys these settings set."""
        growth = (self.researcher_growth_persons if self.researcher_growth_mode == "persons"
                  else self.researcher_growth_percent)
        out: dict[str, Any] = {
            "grdp_growth_pct": float(self.grdp_growth_pct),
            "population_growth_pct": float(self.population_growth_pct),
            "st_budget_rule": self.st_budget_rule,
            "nonstate_value": float(self.nonstate_value),
            "researcher_rule": self.researcher_rule,
            "researcher_growth_mode": self.researcher_growth_mode,
            "researcher_growth_value": float(growth),
        }
        if self.st_budget_rule == "fixed_share_expenditure":
            out["st_budget_share_expenditure_pct"] = float(self.budget_share_pct)
            out["austerity_cut_pct"] = 0.0
        else:
            out["austerity_cut_pct"] = round(100.0 - float(self.budget_level_pct), 10)
        return out


# --------------------------------------------------------------------------- results


@dataclass
class ExploreResult:
    """One recompute: the scenario, its projection and the milestone judgement."""

    scenario: Scenario
    projection: Any
    judged: pd.DataFrame
    seconds: float = 0.0

    @property
    def table(self) -> pd.DataFrame:
        return self.projection.table

    def value(self, indicator: str, year: int) -> float:
        return self.projection.value(indicator, year)


class Explorer:
    """Settings → validated scenario → projection, with the inputs read once.

    ``observations`` and ``plan`` default to ``data/processed/`` and the Lai Châu plan;
    they are read here and never again, so a control change costs only the engine.
    """

    def __init__(self, *, inputs: Any = None, observations: pd.DataFrame | None = None,
                 plan: Any = None) -> None:
        from khcn_analysis import pipeline

        if inputs is None:
            inputs = pipeline.load_inputs()
        if observations is not None or plan is not None:
            inputs = dataclasses.replace(inputs, observations=observations if observations is not None
                                         else inputs.observations, plan=plan if plan is not None else inputs.plan)
        observations, plan = inputs.observations, inputs.plan
        from khcn_analysis.core.config import REGION
        from khcn_analysis.model.projection import BASE_SERIES
        from khcn_analysis.present.charts import targets_table

        # The engine only reads the province's base series: keep just those rows.
        keep = (observations["region"] == REGION) & observations["variable"].isin(BASE_SERIES)
        self.observations = observations.loc[keep].reset_index(drop=True)
        self.plan = plan
        self.inputs = dataclasses.replace(inputs, observations=self.observations)
        self.targets = targets_table(plan)
        self._bases: dict[str, tuple[Scenario, dict[str, Any]]] = {}
        #: Per base, the keys whose value is the resolved trend, not the file's stated value.
        self.trend_keys: dict[str, set[str]] = {}

    # ---- scenarios

    def scenario_names(self) -> list[str]:
        return scenario_names()

    def base(self, name: str) -> tuple[Scenario, dict[str, Any]]:
        """A scenario file and its parameters with trend growth rates made explicit.

        A ``latest_trend`` growth basis would ignore the growth sliders; the rates it
        resolves to are written in as stated values instead, which projects the same.
        """
        if name not in self._bases:
            from khcn_analysis.model.projection import prepare

            sc = load_scenario(name)
            params = sc.as_parameters()
            self.trend_keys[name] = set()
            if sc.growth_basis == "latest_trend":
                central = prepare(sc, self.observations, self.plan).central
                for key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct"):
                    if float(central[key]) != float(params[key]):
                        self.trend_keys[name].add(key)
                    params[key] = float(central[key])
                params["growth_basis"] = "stated"
                self.trend_keys[name].add("growth_basis")
            self._bases[name] = (sc, params)
        return self._bases[name]

    def settings_for(self, name: str) -> Settings:
        """The controls' values that reproduce scenario ``name``."""
        sc, params = self.base(name)
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

    def compute(self, settings: Settings, *, name: str | None = None) -> ExploreResult:
        """Recompute the projection and judge it at 2015, 2020 and 2030."""
        import time

        from khcn_analysis.judge.attainment import attainment
        from khcn_analysis.model.projection import project

        start = time.perf_counter()
        sc = self.scenario(settings, name=name)
        projection = project(sc, observations=self.observations, plan=self.plan)
        # Judging only the milestone years: every-year targets are shown at those years too.
        years = np.array(MILESTONES)
        slim = dataclasses.replace(
            projection, years=years, table=projection.table.loc[projection.table["year"].isin(MILESTONES)],
        )
        judged = attainment(slim, plan=self.plan, national=False)
        return ExploreResult(sc, projection, judged, time.perf_counter() - start)

    # ---- save

    def save_scenario(self, settings: Settings, name: str, *, note: str = "", overwrite: bool = False,
                      directory: Path | None = None) -> Path:
        """Write the settings as ``scenarios/<name>.yaml``, validated before writing.

        Refuses a name that is not a plain id (no paths), any existing file not written
        by the explorer (the shipped scenarios), and an explorer file unless
        ``overwrite``. The file keeps the base scenario's comments for unchanged keys and
        says, for each changed key, what it was and why (``note``).
        """
        directory = Path(directory) if directory is not None else scenarios_dir()
        name = (name or "").strip()
        if not NAME_PATTERN.match(name):
            raise InputError(
                None, "scenario name", repr(name),
                "lower-case letters, digits and '_', starting with a letter, at most 64 characters",
                "the name becomes scenarios/<name>.yaml; it cannot be a path",
            )
        path = directory / f"{name}.yaml"
        if path.exists():
            ours = _saved_by_explorer(path)
            if not ours:
                raise InputError(path, "scenario name", name,
                                 "a new name: this is a shipped scenario and is never overwritten")
            if not overwrite:
                raise InputError(path, "scenario name", name,
                                 "a new name, or tick 'overwrite' to replace this saved scenario")
        base_sc, params = self.base(settings.base)
        changes = self.changes(settings)
        today = dt.date.today().isoformat()
        note = " ".join(note.split())
        desc = _describe(settings.base, changes, note, today)
        moved = set(changes) | self.trend_keys.get(settings.base, set())
        sc = self.scenario(settings, name=name, description_vi=desc["vi"], description_en=desc["en"],
                           uncertainty=_shifted_uncertainty(params, settings.overrides(), moved))
        text = _scenario_yaml(sc.as_parameters(), base_sc, changes, self.trend_keys.get(settings.base, set()),
                              note, today)
        validate_parameters(yaml.safe_load(text), file=path)  # exactly the text written, checked first
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{name}.yaml.tmp"
        tmp.write_text(text, encoding="utf-8")
        try:
            if overwrite:
                os.replace(tmp, path)
            else:
                os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite silently
        except FileExistsError:
            raise InputError(path, "scenario name", name, "a new name (the file was just created)") from None
        finally:
            tmp.unlink(missing_ok=True)
        return path

    # ---- export

    def export(self, result: ExploreResult, folder: str | Path | None = None, *,
               formats: Sequence[str] = ("png", "svg", "pdf"), lang: Lang = "vi",
               excel: bool = True, stamp: str | None = None) -> list[Path]:
        """The house charts (every format asked) and the Excel workbook in a new sub-folder.

        The sub-folder is ``<folder>/<scenario>-<date-time>`` so an export never
        overwrites an earlier one; a relative ``folder`` is taken from the project root.
        """
        import matplotlib.pyplot as plt

        from khcn_analysis.judge.attainment import attainment
        from khcn_analysis.present import charts
        from khcn_analysis.present.excel import write_workbook

        lang = check_lang(lang)
        folder = Path(folder) if folder not in (None, "") else default_export_dir()
        if not folder.is_absolute():
            folder = project_root() / folder
        stamp = stamp or dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = folder / f"{result.scenario.name}-{stamp}"
        if out.exists():
            raise InputError(out, None, "an existing folder", "a new export folder (try again in a second)")
        out.mkdir(parents=True)
        att = attainment(result.projection, plan=self.plan, national=False)
        table = result.table
        figures = {
            charts.CHART_NAMES[1]: charts.st_investment_share_chart(table, targets=att, lang=lang),
            charts.CHART_NAMES[2]: charts.researcher_density_chart(table, targets=att, lang=lang),
            charts.CHART_NAMES[3]: charts.funding_sufficiency_chart(table, lang=lang),
        }
        written: list[Path] = []
        try:
            for stem, fig in figures.items():
                written += charts.save_figure(fig, out / stem, formats=tuple(formats))
        finally:
            for fig in figures.values():
                plt.close(fig)
        if excel:
            suffix = "" if lang == "vi" else f"-{lang}"
            xlsx = out / f"{result.scenario.name}{suffix}.xlsx"
            write_workbook(result.projection, xlsx, lang=lang)
            written.append(xlsx)
        return written


def _saved_by_explorer(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n") == SAVED_MARKER


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return format_number(v, 2, "en").rstrip("0").rstrip(".") if v == v else "nan"
    return str(v)


def _describe(base: str, changes: dict[str, tuple[Any, Any]], note: str, day: str) -> dict[str, str]:
    listed = "; ".join(f"{k}: {_fmt(a)} -> {_fmt(b)}" for k, (a, b) in changes.items())
    vi = f"Lưu từ trang khám phá kịch bản ngày {day}, dựa trên kịch bản {base}."
    en = f"Saved from the scenario explorer on {day}, starting from scenario {base}."
    if listed:
        vi += f" Thay đổi: {listed}."
        en += f" Changed: {listed}."
    else:
        vi += " Không thay đổi giả định nào."
        en += " No assumption changed."
    if note:
        vi += f" Lý do: {note}"
        en += f" Reason: {note}"
    return {"vi": vi, "en": en}


def _shifted_uncertainty(params: dict[str, Any], overrides: dict[str, Any], moved: set[str]) -> dict[str, Any]:
    """The base's distributions, re-centred on any changed central value (spread kept).

    A distribution centred on the old value would contradict the new one. A
    distribution in other units (researcher growth switched between persons and
    percent) cannot be moved and is dropped; so is one that no longer fits its range.
    """
    from khcn_analysis.model.scenarios import Distribution

    out: dict[str, Any] = {}
    for key, dist in (params.get("uncertainty") or {}).items():
        dist = {k: v for k, v in dict(dist).items() if v is not None}
        if key == "researcher_growth_value" and overrides["researcher_growth_mode"] != params["researcher_growth_mode"]:
            continue
        if key in moved:
            now = float({**params, **overrides}[key])
            delta = now - Distribution.model_validate(dist).central
            for part in ("low", "high", "mean", "mode"):
                if part in dist:
                    dist[part] = round(float(dist[part]) + delta, 4)
        out[key] = dist
    # Keep only what still validates (a moved band may leave the key's allowed range).
    probe = {**params, **overrides}
    kept: dict[str, Any] = {}
    for key, dist in out.items():
        try:
            validate_parameters({**probe, "uncertainty": {key: dist}})
        except ScenarioError:
            continue
        kept[key] = dist
    return kept


def _scenario_yaml(data: dict[str, Any], base: Scenario, changes: dict[str, tuple[Any, Any]],
                   trend_keys: set[str], note: str, day: str) -> str:
    """The scenario file: the explorer's marker, then each key with the reason for its value."""
    from khcn_analysis.present.excel import (
        _yaml_comments,  # the reader the Excel export uses for reasons
    )

    base_comments = _yaml_comments(base.path)
    lines = [
        SAVED_MARKER,
        f"# Scenario saved from the scenario explorer (khcn explore) on {day},",
        f"# starting from scenario '{base.name}'. A papermill parameters file and a validated model,",
        "# like every file here (scenarios/README.md). Changed keys say what they were.",
        "",
    ]
    why = f" Reason: {note}" if note else ""
    for key, value in data.items():
        if key in ("title_vi", "title_en") and value is None:
            continue  # optional: a saved scenario without a title shows its name
        if key in changes:
            was = changes[key][0]
            lines.append(f"# Set in the explorer (was {_fmt(was)} in '{base.name}').{why}")
        elif key in trend_keys:
            lines.append(f"# The recent trend that '{base.name}' uses (growth_basis: latest_trend, "
                         f"trend_years: {base.trend_years}), written out as a stated value.")
        elif key == "uncertainty" and any(k in changes or k in trend_keys for k in (value or {})):
            lines.append("# Distributions of changed parameters moved with their central value (same spread).")
        elif key in base_comments and key not in ("name", "description_vi", "description_en", "title_vi",
                                                  "title_en"):
            lines.append(f"# {base_comments[key]}")
        if key == "uncertainty":
            value = {k: {p: v for p, v in d.items() if v is not None} for k, d in (value or {}).items()}
        dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100,
                                default_flow_style=False)
        lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the table


def _cell_status(indicator: str, row: pd.Series | None, value: float) -> str:
    if indicator == "funding_sufficiency":
        if math.isnan(value):
            return "not_computable"
        return "met" if value >= 1.0 - 1e-9 else "not_met"
    if row is None:
        return "no_target"
    return str(row["status"])


def summary_rows(result: ExploreResult, lang: Lang = "vi") -> pd.DataFrame:
    """The live table as tidy rows: indicator, year, value, met / not met, target and gap as text."""
    from khcn_analysis.present.charts import target_specs

    lang = check_lang(lang)
    table = result.table
    # One pass over each table into dicts: per-cell pandas filters cost more than the engine.
    sub = table.loc[table["year"].isin(MILESTONES) & table["variable"].isin(TABLE_INDICATORS)]
    cells = {(v, int(y)): (float(x), str(st)) for v, y, x, st in
             zip(sub["variable"], sub["year"], sub["value"], sub["status"], strict=True)}
    judged_rows: dict[tuple[str, int], pd.Series] = {}
    for _, jr in result.judged.iterrows():
        judged_rows.setdefault((str(jr["indicator"]), int(jr["year"])), jr)
    rows = []
    for ind in TABLE_INDICATORS:
        meta = get_indicator(ind)
        specs = {s.target_id: s for s in target_specs(result.judged, ind)}
        for year in MILESTONES:
            value, value_status = cells.get((ind, year), (math.nan, ""))
            jrow = judged_rows.get((ind, year))
            status = _cell_status(ind, jrow, value)
            if ind == "funding_sufficiency":
                shown = format_number(value * 100, 0, lang) + "%" if not math.isnan(value) else "–"
                target = t("sufficiency_target", lang)
                gap = ""
            else:
                shown = meta.format_value(value, lang)
                spec = specs.get(str(jrow["target_id"])) if jrow is not None else None
                target = spec.value_text(lang, meta.unit) if spec is not None else ""
                gap = _gap_text(jrow, lang) if jrow is not None and status == "not_met" else ""
            rows.append({
                "indicator": ind, "label": meta.label(lang), "year": year, "value": value,
                "value_text": shown, "value_status": value_status, "status": status,
                "target_text": target, "gap_text": gap,
            })
    return pd.DataFrame(rows)


def _gap_text(row: pd.Series, lang: str) -> str:
    gap = float(row["gap"])
    if math.isnan(gap) or gap == 0:
        return ""
    unit = str(row["gap_unit"])
    if unit == "bn VND":
        amount = f"{format_number(abs(gap), 1, lang)} {'tỷ đồng' if lang == 'vi' else 'bn VND'}"
    elif unit == "persons":
        amount = f"{format_number(abs(gap), 0, lang)} {'người' if lang == 'vi' else 'persons'}"
    else:
        amount = f"{format_number(abs(gap), 1, lang)} {unit}"
    return t("gap_short" if gap > 0 else "gap_above", lang, gap=amount)


_BADGE = {
    "met": ("#00734F", "#E3F4EC"),
    "not_met": ("#A33F00", "#FBE5D8"),
}

TABLE_CSS = """
<style>
.khcn-table {border-collapse: collapse; font-size: 15px; width: 100%; margin: 4px 0 10px 0;}
.khcn-table th {background: #F2F2F2; text-align: left; padding: 6px 10px; border-bottom: 2px solid #888;}
.khcn-table td {padding: 4px 10px; line-height: 1.35; border-bottom: 1px solid #DDD; vertical-align: top;}
.khcn-table td.khcn-label {font-weight: 600; max-width: 260px;}
.khcn-table .khcn-num {font-size: 19px; font-weight: 700;}
.khcn-table .khcn-small {font-size: 12px; color: #555;}
.khcn-table .khcn-badge {display: inline-block; padding: 1px 6px; border-radius: 4px; font-weight: 700;
  font-size: 13px; margin-left: 6px;}
</style>
"""


def summary_html(result: ExploreResult, lang: Lang = "vi") -> str:
    """The live table as HTML; each value cell carries ``data-indicator``/``data-year``/``data-value``."""
    rows = summary_rows(result, lang)
    head = "".join(f"<th>{y}</th>" for y in MILESTONES)
    parts = [TABLE_CSS, f'<table class="khcn-table"><thead><tr><th>{t("indicator", lang)}</th>{head}</tr></thead><tbody>']
    for ind in TABLE_INDICATORS:
        sel = rows.loc[rows["indicator"] == ind]
        meta = get_indicator(ind)
        unit = "%" if ind == "funding_sufficiency" else meta.unit_label(lang)
        label = f'{html.escape(sel["label"].iloc[0])} <span class="khcn-small">({html.escape(unit)})</span>'
        cells = []
        for r in sel.itertuples(index=False):
            badge = ""
            if r.status in _BADGE:
                key = r.status if ind != "funding_sufficiency" else ("enough" if r.status == "met" else "short")
                fg, bg = _BADGE[r.status]
                badge = (f'<span class="khcn-badge khcn-{r.status}" style="color:{fg};background:{bg}">'
                         f"{t(key, lang)}</span>")
            elif r.status == "not_computable":
                badge = f'<span class="khcn-small">{t("not_computable", lang)}</span>'
            first = []
            if r.target_text:
                first.append(f'{t("target", lang)}: {html.escape(r.target_text)}')
            elif r.status == "no_target":
                first.append(t("no_target", lang))
            if r.value_status:
                first.append(f"<i>{html.escape(value_status_label(r.value_status, lang, lower=True))}</i>")
            lines = [" · ".join(first)] + ([html.escape(r.gap_text)] if r.gap_text else [])
            detail = "<br>".join(lines)
            value_attr = "" if math.isnan(r.value) else repr(float(r.value))
            cells.append(
                f'<td class="khcn-cell" data-indicator="{ind}" data-year="{r.year}" data-value="{value_attr}" '
                f'data-status="{r.status}"><span class="khcn-num">{html.escape(r.value_text)}</span>{badge}'
                f'<br><span class="khcn-small">{detail}</span></td>'
            )
        parts.append(f'<tr><td class="khcn-label">{label}</td>{"".join(cells)}</tr>')
    parts.append("</tbody></table>")
    return "".join(parts)


# --------------------------------------------------------------------------- the live charts


@dataclass
class LivePanel:
    """Screen-sized preview charts, redrawn only when the numbers they show change.

    Each chart is a figure made once (``matplotlib.figure.Figure``, no pyplot state)
    and cleared and redrawn in place; ``render`` returns PNG bytes per indicator, or
    the previous bytes when nothing it plots changed.
    """

    width_in: float = 5.4
    height_in: float = 3.5
    dpi: int = 96
    _figs: dict[str, Any] = field(default_factory=dict)
    _keys: dict[str, Any] = field(default_factory=dict)
    _png: dict[str, bytes] = field(default_factory=dict)
    redrawn: list[str] = field(default_factory=list)

    def render(self, result: ExploreResult, lang: Lang = "vi") -> dict[str, bytes]:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from khcn_analysis.present.chart_style import house_style

        self.redrawn = []
        for ind in CHART_INDICATORS:
            rows = result.table.loc[result.table["variable"] == ind, ["year", "value", "status"]]
            key = (lang, rows["year"].to_numpy().tobytes(), rows["value"].to_numpy().tobytes(),
                   tuple(rows["status"]))
            if self._keys.get(ind) == key:
                continue
            with house_style():
                fig = self._figs.get(ind)
                if fig is None:
                    fig = Figure(figsize=(self.width_in, self.height_in), dpi=self.dpi)
                    FigureCanvasAgg(fig)
                    self._figs[ind] = fig
                fig.clf()
                ax = fig.add_axes((0.11, 0.13, 0.86, 0.66))
                if ind == "funding_sufficiency":
                    _draw_sufficiency(fig, ax, rows, lang)
                else:
                    _draw_indicator(fig, ax, ind, rows, result.judged, lang)
                buf = io.BytesIO()
                fig.savefig(buf, format="png", dpi=self.dpi)
            self._png[ind] = buf.getvalue()
            self._keys[ind] = key
            self.redrawn.append(ind)
        return dict(self._png)


def _title(fig: Any, title: str, finding: str, colour: str) -> None:
    fig.text(0.02, 0.975, title, fontsize=10.5, fontweight="bold", ha="left", va="top")
    fig.text(0.02, 0.905, finding, fontsize=10, color=colour, ha="left", va="top")


def _draw_indicator(fig: Any, ax: Any, ind: str, rows: pd.DataFrame, judged: pd.DataFrame, lang: str) -> None:
    from khcn_analysis.present.chart_style import (
        PALETTE,
        TARGET_COLOUR,
        number_formatter,
        year_axis,
    )
    from khcn_analysis.present.charts import HISTORY_COLOUR, target_specs

    meta = get_indicator(ind)
    unit = meta.unit
    hist = rows.loc[rows["status"] != "projected"]
    proj = rows.loc[rows["status"] == "projected"]
    if len(hist):
        ax.plot(hist["year"], hist["value"], color=HISTORY_COLOUR, linewidth=2.2, marker="o",
                markersize=3.5, zorder=3)
    if len(proj):
        joined = pd.concat([hist.tail(1), proj]) if len(hist) else proj
        ax.plot(joined["year"], joined["value"], color=PALETTE[0], linewidth=2.4,
                linestyle=(0, (5, 2.5)), zorder=3)
    specs = target_specs(judged, ind)
    top = float(np.nanmax(rows["value"])) if len(rows) else 1.0
    for spec in specs:
        x0 = spec.year_from if spec.year_from is not None else MILESTONES[0]
        x1 = spec.year_to if spec.year_to is not None else MILESTONES[-1]
        lo = spec.lower if spec.lower is not None else spec.upper
        if spec.comparator == "between" and spec.lower is not None and spec.upper is not None:
            ax.fill_between([x0 - 0.6, x1 + 0.6], spec.lower, spec.upper, color=TARGET_COLOUR, alpha=0.25,
                            zorder=1, linewidth=0)
            top = max(top, spec.upper)
        elif x0 == x1:
            ax.plot([x0], [lo], marker="D", markersize=7, color=TARGET_COLOUR, zorder=4, linestyle="none")
        else:
            ax.plot([x0, x1], [lo, lo], color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), zorder=2)
        top = max(top, lo or 0)
        ax.annotate(f"{spec.value_text(lang, unit)} ({spec.clause})", xy=(x1 if x0 != x1 else x0, lo),
                    xytext=(-6, 5),
                    textcoords="offset points", ha="right", va="bottom", fontsize=8.5,
                    color=TARGET_COLOUR, fontweight="bold")
    # Milestone values, with met / not met as a symbol and a colour.
    by_year = dict(zip(rows["year"], rows["value"], strict=True))
    verdicts = []
    for year in MILESTONES:
        if year not in by_year:
            continue
        sel = judged.loc[(judged["indicator"] == ind) & (judged["year"] == year)]
        status = str(sel["status"].iloc[0]) if len(sel) else ""
        mark = {"met": "✓", "not_met": "✗"}.get(status, "")
        colour = _BADGE.get(status, ("#333333",))[0]
        text = format_number(by_year[year], meta.decimals, lang) + ("%" if unit == "%" else "")
        ax.annotate(f"{text} {mark}".strip(), xy=(year, by_year[year]), xytext=(0, 7),
                    textcoords="offset points", ha="right" if year == MILESTONES[-1] else "center",
                    va="bottom", fontsize=9, color=colour,
                    fontweight="bold", zorder=5)
        ax.plot([year], [by_year[year]], marker="o", markersize=5, color=colour, zorder=5)
        if status in ("met", "not_met"):
            verdicts.append((year, status))
    ax.set_ylim(0, top * 1.3 if top > 0 else 1)
    year_axis(ax, list(range(int(rows["year"].min()), int(rows["year"].max()) + 1)) if len(rows) else None)
    _legend(ax, lang)
    ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
    ax.tick_params(labelsize=9)
    label = meta.label(lang) + (" (%)" if unit == "%" else "")
    if unit != "%":
        ax.set_ylabel(meta.unit_label(lang), fontsize=9)
    if verdicts:
        met = [y for y, s in verdicts if s == "met"]
        missed = [y for y, s in verdicts if s == "not_met"]
        if lang == "vi":
            finding = ("Đạt mục tiêu " + ", ".join(map(str, met)) if met else "") + \
                      ("; " if met and missed else "") + \
                      (("không" if met else "Không") + " đạt mục tiêu " + ", ".join(map(str, missed))
                       if missed else "")
        else:
            finding = ("Meets the " + ", ".join(map(str, met)) + " target" if met else "") + \
                      ("; " if met and missed else "") + \
                      (("misses" if met else "Misses") + " the " + ", ".join(map(str, missed)) + " target"
                       if missed else "")
        colour = _BADGE["not_met"][0] if missed else _BADGE["met"][0]
    else:
        finding, colour = "", "#333333"
    _title(fig, label, finding, colour)


def _legend(ax: Any, lang: str) -> None:
    from matplotlib.lines import Line2D

    from khcn_analysis.present.chart_style import PALETTE, TARGET_COLOUR
    from khcn_analysis.present.charts import HISTORY_COLOUR

    vi = lang == "vi"
    handles = [
        Line2D([], [], color=HISTORY_COLOUR, linewidth=2, marker="o", markersize=3,
               label="số liệu" if vi else "recorded"),
        Line2D([], [], color=PALETTE[0], linewidth=2, linestyle=(0, (5, 2.5)), label="dự báo" if vi else "projected"),
        Line2D([], [], color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), marker="D", markersize=5,
               label="mục tiêu" if vi else "target"),
    ]
    ax.legend(handles=handles, loc="upper left", ncol=3, fontsize=8, frameon=False, handlelength=2.2,
              borderaxespad=0.2)


def _draw_sufficiency(fig: Any, ax: Any, rows: pd.DataFrame, lang: str) -> None:
    from khcn_analysis.present.chart_style import GREY, PALETTE, TARGET_COLOUR, number_formatter

    sel = rows.loc[rows["year"].isin(MILESTONES)].set_index("year")
    shown = [y for y in MILESTONES if y in sel.index]
    values = [float(sel.loc[y, "value"]) * 100 for y in shown]
    for i, (year, v) in enumerate(zip(shown, values, strict=True)):
        projected = str(sel.loc[year, "status"]) == "projected"
        ax.bar(i, v, width=0.6, color="white" if projected else PALETTE[0], edgecolor=PALETTE[0],
               hatch="///" if projected else None, linewidth=1.8, zorder=3)
        colour = _BADGE["met" if v >= 100 - 1e-7 else "not_met"][0]
        ax.text(i, v, format_number(v, 0, lang) + "%", ha="center", va="bottom", fontsize=10,
                fontweight="bold", color=colour, zorder=4)
    ax.axhline(100, color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), zorder=2)
    ax.annotate(t("sufficiency_target", lang), xy=(len(shown) - 0.5, 100), xytext=(-2, 3),
                textcoords="offset points", color=TARGET_COLOUR, fontsize=8.5, fontweight="bold",
                ha="right", va="bottom")
    ax.set_xticks(range(len(shown)), [str(y) for y in shown])
    ax.set_xlim(-0.5, len(shown) - 0.5)
    ax.set_ylim(0, max(115.0, max(values, default=0) * 1.18))
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0, suffix="%"))
    ax.grid(axis="x", visible=False)
    ax.tick_params(labelsize=9)
    short = [y for y, v in zip(shown, values, strict=True) if v < 100 - 1e-7]
    if lang == "vi":
        label = "Mức đáp ứng kinh phí: đầu tư / mức cần để đạt mục tiêu (%)"
        finding = ("Thiếu kinh phí năm " + ", ".join(map(str, short))) if short else "Đủ kinh phí ở mọi năm mốc"
    else:
        label = "Funding sufficiency: investment / what the targets need (%)"
        finding = ("Short of money in " + ", ".join(map(str, short))) if short else "Enough money in every milestone year"
    _title(fig, label, finding, _BADGE["not_met" if short else "met"][0])
    ax.text(0.99, -0.16, "///: " + ("dự báo" if lang == "vi" else "projected"), transform=ax.transAxes,
            ha="right", va="top", fontsize=8, color=GREY)


# --------------------------------------------------------------------------- the widgets


class ExploreApp:
    """The ipywidgets app: controls, live table, live charts, save and export.

    ``ExploreApp(scenario="plan_as_written", lang="vi").widget`` is the whole page;
    the notebook displays it. Every widget carries a CSS class ``khcn-<name>``.
    """

    def __init__(self, scenario: str = "plan_as_written", lang: Lang = "vi", *,
                 explorer: Explorer | None = None, export_dir: str | Path | None = None) -> None:
        import ipywidgets as w

        self.w = w
        self.lang: Lang = check_lang(lang)
        self.explorer = explorer or Explorer()
        self.panel = LivePanel()
        self.result: ExploreResult | None = None
        self.last_seconds = 0.0
        self._busy = False
        self._labels: list[tuple[Any, str, Callable[[str], str]]] = []
        names = self.explorer.scenario_names()
        if scenario not in names:
            raise InputError(None, "scenario", scenario, "one of: " + ", ".join(names))
        self._build(scenario, export_dir)
        self.load(scenario)

    # ---- construction

    def _label(self, widget: Any, attr: str, key: str | Callable[[str], str]) -> Any:
        fn = key if callable(key) else (lambda lang, k=key: t(k, lang))
        self._labels.append((widget, attr, fn))
        setattr(widget, attr, fn(self.lang))
        return widget

    def _slider(self, name: str, key: str, unit: str) -> tuple[Any, Any, Any]:
        w = self.w
        lo, hi, step = RANGES[key]
        label = self._label(w.HTML(), "value", lambda lang, n=name: f"<b>{t(n, lang)}</b>")
        slider = w.FloatSlider(min=lo, max=hi, step=step, readout=False, continuous_update=False,
                               layout=w.Layout(width="250px"))
        readout = w.HTML(layout=w.Layout(width="110px"))
        slider.add_class(f"khcn-{key.replace('_', '-')}")
        readout.add_class(f"khcn-{key.replace('_', '-')}-readout")
        # The readout first, so what the page shows and what was computed never disagree.
        slider.observe(lambda _c, s=slider, r=readout, u=unit: self._readout(s, r, u), names="value")
        slider.observe(self._on_change, names="value")
        box = w.VBox([label, w.HBox([slider, readout])], layout=w.Layout(margin="2px 0 6px 0"))
        self._units[key] = (slider, readout, unit)
        return box, slider, readout

    def _caption(self, key: str) -> Any:
        """A bold label above a control (long Vietnamese labels never truncate there)."""
        return self._label(self.w.HTML(), "value", lambda lang: f"<b>{t(key, lang)}</b>")

    def _readout(self, slider: Any, readout: Any, unit: str) -> None:
        decimals = 2 if slider.step < 0.1 else (1 if slider.step < 1 else 0)
        readout.value = f"<b>{format_number(slider.value, decimals, self.lang)} {UNITS[unit][self.lang]}</b>"

    def _build(self, scenario: str, export_dir: str | Path | None) -> None:
        w = self.w
        style = {"description_width": "initial"}
        self._units: dict[str, tuple[Any, Any, str]] = {}
        self.header = self._label(w.HTML(), "value",
                                  lambda lang: f"<h2 style='margin:4px 0'>{t('title', lang)}</h2>"
                                               f"<div style='font-size:14px;color:#333'>{t('intro', lang)}</div>")
        self.header.add_class("khcn-header")
        self.base_dd = w.Dropdown(options=self._base_options(), value=scenario, layout=w.Layout(width="390px"))
        self.base_dd.add_class("khcn-base")
        self.base_dd.observe(self._on_base, names="value")
        self.lang_tb = self._label(w.ToggleButtons(options=[("Tiếng Việt", "vi"), ("English", "en")],
                                                   value=self.lang, style=style), "description", "lang")
        self.lang_tb.add_class("khcn-lang")
        self.lang_tb.observe(self._on_lang, names="value")
        grdp_box, self.grdp, _ = self._slider("grdp", "grdp_growth_pct", "pct_year")
        pop_box, self.population, _ = self._slider("population", "population_growth_pct", "pct_year")
        self.rule_dd = w.Dropdown(options=self._rule_options(), layout=w.Layout(width="390px"))
        self.rule_dd.add_class("khcn-budget-rule")
        self.rule_dd.observe(self._on_change, names="value")
        level_box, self.level, _ = self._slider("level", "budget_level_pct", "pct")
        share_box, self.share, _ = self._slider("share", "budget_share_pct", "pct")
        self.level_box, self.share_box = level_box, share_box
        self.nonstate_label = self._label(w.HTML(), "value", lambda lang: f"<b>{self._nonstate_text(lang)}</b>")
        self.nonstate = w.FloatSlider(readout=False, continuous_update=False, layout=w.Layout(width="250px"))
        self.nonstate.add_class("khcn-nonstate")
        self.nonstate_readout = w.HTML(layout=w.Layout(width="110px"))
        self.nonstate.observe(lambda _c: self._nonstate_readout(), names="value")
        self.nonstate.observe(self._on_change, names="value")
        nonstate_box = w.VBox([self.nonstate_label, w.HBox([self.nonstate, self.nonstate_readout])])
        self.res_rule = w.Dropdown(options=self._res_rule_options(), layout=w.Layout(width="390px"))
        self.res_rule.add_class("khcn-researcher-rule")
        self.res_rule.observe(self._on_change, names="value")
        self.res_mode = w.ToggleButtons(options=self._mode_options(), style=style)
        self._label(self.res_mode, "description", "researcher_mode")
        self.res_mode.add_class("khcn-researcher-mode")
        self.res_mode.observe(self._on_change, names="value")
        persons_box, self.persons, _ = self._slider("persons", "researcher_growth_persons", "persons_year")
        percent_box, self.percent, _ = self._slider("percent", "researcher_growth_percent", "pct_year")
        self.persons_box, self.percent_box = persons_box, percent_box
        self.res_note = self._label(w.HTML(), "value", lambda lang: f"<i>{t('meet_targets_note', lang)}</i>")

        controls = w.VBox([
            self._label(w.HTML(), "value", lambda lang: f"<h3 style='margin:2px 0'>{t('assumptions', lang)}</h3>"),
            self._caption("base"), self.base_dd, self.lang_tb, grdp_box, pop_box, self._caption("rule"),
            self.rule_dd, level_box, share_box, nonstate_box, self._caption("researcher_rule"), self.res_rule,
            self.res_mode, persons_box, percent_box, self.res_note,
        ], layout=w.Layout(width="420px", padding="6px 10px", border="1px solid #DDD"))
        controls.add_class("khcn-controls")

        # Save
        self.save_name = w.Text(style=style, layout=w.Layout(width="360px"), placeholder="vd_tang_truong_7")
        self._label(self.save_name, "description", "save_name")
        self.save_name.add_class("khcn-save-name")
        self.save_note = w.Textarea(style=style, layout=w.Layout(width="360px", height="52px"))
        self._label(self.save_note, "description", "save_note")
        self.save_note.add_class("khcn-save-note")
        self.save_overwrite = w.Checkbox(value=False, indent=False, style=style, layout=w.Layout(width="100%"))
        self._label(self.save_overwrite, "description", "save_overwrite")
        self.save_overwrite.add_class("khcn-save-overwrite")
        self.save_button = w.Button(button_style="primary", icon="save", layout=w.Layout(width="180px"))
        self._label(self.save_button, "description", "save_button")
        self.save_button.add_class("khcn-save")
        self.save_button.on_click(lambda _b: self.save())
        self.save_message = w.HTML()
        self.save_message.add_class("khcn-save-message")
        save_box = w.VBox([
            self._label(w.HTML(), "value", lambda lang: f"<h3 style='margin:2px 0'>{t('save_title', lang)}</h3>"),
            self.save_name, self.save_note, self.save_overwrite, self.save_button, self.save_message,
        ], layout=w.Layout(width="420px", padding="6px 10px", border="1px solid #DDD", margin="8px 0 0 0"))

        # Export
        default = Path(export_dir) if export_dir else default_export_dir()
        try:
            shown = default.relative_to(project_root())
        except ValueError:
            shown = default
        self.export_dir = w.Text(value=str(shown), style=style, layout=w.Layout(width="360px"))
        self._label(self.export_dir, "description", "export_dir")
        self.export_dir.add_class("khcn-export-dir")
        self.export_formats = {fmt: w.Checkbox(value=True, description=fmt.upper(), indent=False, style=style,
                                               layout=w.Layout(width="80px")) for fmt in ("png", "svg", "pdf")}
        self.export_excel = w.Checkbox(value=True, description="Excel", indent=False, style=style,
                                       layout=w.Layout(width="80px"))
        for fmt, box in self.export_formats.items():
            box.add_class(f"khcn-export-{fmt}")
        self.export_excel.add_class("khcn-export-excel")
        self.export_button = w.Button(icon="download", layout=w.Layout(width="180px"))
        self._label(self.export_button, "description", "export_button")
        self.export_button.add_class("khcn-export")
        self.export_button.on_click(lambda _b: self.export())
        self.export_message = w.HTML()
        self.export_message.add_class("khcn-export-message")
        export_box = w.VBox([
            self._label(w.HTML(), "value", lambda lang: f"<h3 style='margin:2px 0'>{t('export_title', lang)}</h3>"),
            self.export_dir, w.HBox([*self.export_formats.values(), self.export_excel]),
            self.export_button, self.export_message,
        ], layout=w.Layout(width="420px", padding="6px 10px", border="1px solid #DDD", margin="8px 0 0 0"))

        # Output side
        self.status = w.HTML()
        self.status.add_class("khcn-status")
        self.table_html = w.HTML()
        self.table_html.add_class("khcn-table-box")
        self.images = {ind: w.Image(format="png", layout=w.Layout(width="49%", max_width="520px", margin="2px"))
                       for ind in CHART_INDICATORS}
        for ind, img in self.images.items():
            img.add_class(f"khcn-chart-{ind.replace('_', '-')}")
        charts_box = w.HBox(list(self.images.values()), layout=w.Layout(flex_flow="row wrap"))
        charts_box.add_class("khcn-charts")
        output = w.VBox([self.status, self.table_html, charts_box],
                        layout=w.Layout(flex="1 1 600px", padding="0 0 0 12px"))
        self.widget = w.VBox([
            self.header,
            w.HBox([w.VBox([controls, save_box, export_box]), output],
                   layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
        ])
        self.widget.add_class("khcn-explore")

    def _base_options(self) -> list[tuple[str, str]]:
        """Scenario titles shown, ids as values (what the engine and the files use)."""
        return [(scenario_title(n, self.lang), n) for n in self.explorer.scenario_names()]

    def _rule_options(self) -> list[tuple[str, str]]:
        return [(RULE_LABELS[r][self.lang], r) for r in RULES]

    def _res_rule_options(self) -> list[tuple[str, str]]:
        return [(RULE_LABELS[r][self.lang], r) for r in ("growth", "meet_targets")]

    def _mode_options(self) -> list[tuple[str, str]]:
        return [(t("mode_persons", self.lang), "persons"), (t("mode_percent", self.lang), "percent")]

    def _nonstate_mode(self) -> str:
        sc, _ = self.explorer.base(self.base_dd.value) if hasattr(self, "base_dd") else (None, None)
        return sc.nonstate_mode if sc is not None else "share_of_total"

    def _nonstate_text(self, lang: str) -> str:
        return t(f"nonstate_{self._nonstate_mode()}", lang)

    def _nonstate_readout(self) -> None:
        unit = "pct" if self._nonstate_mode() == "share_of_total" else "times"
        decimals = 0 if unit == "pct" else 1
        self.nonstate_readout.value = (f"<b>{format_number(self.nonstate.value, decimals, self.lang)} "
                                       f"{UNITS[unit][self.lang]}</b>")

    # ---- model <-> widgets

    def settings(self) -> Settings:
        """The controls' current values."""
        return Settings(
            base=self.base_dd.value,
            grdp_growth_pct=self.grdp.value,
            population_growth_pct=self.population.value,
            st_budget_rule=self.rule_dd.value,
            budget_level_pct=self.level.value,
            budget_share_pct=self.share.value,
            nonstate_value=self.nonstate.value,
            researcher_rule=self.res_rule.value,
            researcher_growth_mode=self.res_mode.value,
            researcher_growth_persons=self.persons.value,
            researcher_growth_percent=self.percent.value,
        )

    def _set_slider(self, slider: Any, value: float, key: str) -> None:
        lo, hi, _ = RANGES[key]
        slider.min, slider.max = min(lo, math.floor(value)), max(hi, math.ceil(value))
        slider.value = value

    def load(self, name: str) -> None:
        """Set every control from scenario ``name`` and recompute once."""
        s = self.explorer.settings_for(name)
        self._busy = True
        try:
            if self.base_dd.value != name:
                self.base_dd.value = name
            self._set_slider(self.grdp, s.grdp_growth_pct, "grdp_growth_pct")
            self._set_slider(self.population, s.population_growth_pct, "population_growth_pct")
            self.rule_dd.value = s.st_budget_rule
            self._set_slider(self.level, s.budget_level_pct, "budget_level_pct")
            self._set_slider(self.share, s.budget_share_pct, "budget_share_pct")
            mode_key = f"nonstate_{self._nonstate_mode()}"
            lo, hi, step = RANGES[mode_key]
            self.nonstate.min, self.nonstate.max, self.nonstate.step = lo, max(hi, math.ceil(s.nonstate_value)), step
            self.nonstate.value = s.nonstate_value
            self.nonstate_label.value = f"<b>{self._nonstate_text(self.lang)}</b>"
            self.res_rule.value = s.researcher_rule
            self.res_mode.value = s.researcher_growth_mode
            self._set_slider(self.persons, s.researcher_growth_persons, "researcher_growth_persons")
            self._set_slider(self.percent, s.researcher_growth_percent, "researcher_growth_percent")
        finally:
            self._busy = False
        for slider, readout, unit in self._units.values():
            self._readout(slider, readout, unit)
        self._nonstate_readout()
        self.refresh()

    def _visibility(self) -> None:
        def show(box: Any, on: bool) -> None:
            box.layout.display = None if on else "none"

        fixed = self.rule_dd.value == "fixed_share_expenditure"
        show(self.share_box, fixed)
        show(self.level_box, not fixed)
        growth = self.res_rule.value == "growth"
        show(self.res_mode, growth)
        show(self.persons_box, growth and self.res_mode.value == "persons")
        show(self.percent_box, growth and self.res_mode.value == "percent")
        show(self.res_note, not growth)

    # ---- events

    def _on_change(self, _change: Any = None) -> None:
        if not self._busy:
            self.refresh()

    def _on_base(self, change: Any) -> None:
        if not self._busy:
            self.load(change["new"])

    def _on_lang(self, change: Any) -> None:
        self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Relabel every control and redraw in ``lang``."""
        self.lang = check_lang(lang)
        self._busy = True
        try:
            if self.lang_tb.value != lang:
                self.lang_tb.value = lang
            for widget, attr, fn in self._labels:
                setattr(widget, attr, fn(self.lang))
            for dd, opts in ((self.base_dd, self._base_options()), (self.rule_dd, self._rule_options()),
                             (self.res_rule, self._res_rule_options()), (self.res_mode, self._mode_options())):
                value = dd.value
                dd.options = opts
                dd.value = value
        finally:
            self._busy = False
        for slider, readout, unit in self._units.values():
            self._readout(slider, readout, unit)
        self._nonstate_readout()
        self.refresh()

    def refresh(self) -> ExploreResult | None:
        """Recompute and redraw the table and the charts whose numbers changed."""
        import time

        start = time.perf_counter()
        self._visibility()
        try:
            settings = self.settings()
            name = self.explorer.current_name(settings, self.save_name.value.strip())
            result = self.explorer.compute(settings, name=name)
        except KhcnError as err:
            self.status.value = _message(f"{t('error', self.lang)}: {err}", ok=False)
            return None
        self.result = result
        self.table_html.value = summary_html(result, self.lang)
        for ind, png in self.panel.render(result, self.lang).items():
            if self.images[ind].value != png:
                self.images[ind].value = png
        changed = self.explorer.changes(self.settings())
        name = html.escape(result.scenario.title(self.lang))
        if changed:
            base = html.escape(scenario_title(self.base_dd.value, self.lang))
            label = f"{t('scenario', self.lang)}: <b>{name}</b> ({t('modified', self.lang)} {base})"
        else:
            label = f"{t('scenario', self.lang)}: <b>{name}</b> – {html.escape(result.scenario.description(self.lang))}"
        self.status.value = f"<div style='font-size:14px'>{label}</div>"
        self.last_seconds = time.perf_counter() - start
        return result

    # ---- buttons

    def save(self) -> Path | None:
        """Save the settings as a scenario file; the outcome is shown beside the button."""
        try:
            path = self.explorer.save_scenario(self.settings(), self.save_name.value, note=self.save_note.value,
                                               overwrite=self.save_overwrite.value)
        except KhcnError as err:
            self.save_message.value = _message(f"{t('save_refused', self.lang)}: {err}", ok=False)
            return None
        self._busy = True
        try:
            current = self.base_dd.value
            self.base_dd.options = self._base_options()  # resets the value: put it back, the page still shows that base
            self.base_dd.value = current
        finally:
            self._busy = False
        self.save_message.value = _message(f"{t('saved', self.lang)}: {_shown_path(path)}", ok=True)
        return path

    def export(self) -> list[Path]:
        """Export the current charts and workbook; the outcome is shown beside the button."""
        if self.result is None:
            return []
        self.export_message.value = _message(t("exporting", self.lang), ok=True)
        formats = tuple(f for f, box in self.export_formats.items() if box.value)
        try:
            paths = self.explorer.export(self.result, self.export_dir.value.strip() or None, formats=formats,
                                         lang=self.lang, excel=self.export_excel.value)
        except (KhcnError, OSError) as err:
            self.export_message.value = _message(f"{t('export_failed', self.lang)}: {err}", ok=False)
            return []
        folder = paths[0].parent if paths else Path(self.export_dir.value)
        self.export_message.value = _message(
            f"{t('exported', self.lang, n=len(paths))} {_shown_path(folder)}", ok=True)
        return paths


def _shown_path(path: Path) -> str:
    try:
        return str(path.relative_to(project_root()))
    except ValueError:
        return str(path)


def _message(text: str, *, ok: bool) -> str:
    fg, bg = _BADGE["met" if ok else "not_met"]
    body = html.escape(text).replace("\n", "<br>")
    return (f'<div class="khcn-{"ok" if ok else "refused"}" style="color:{fg};background:{bg};padding:6px 8px;'
            f'border-radius:4px;font-size:13px;white-space:normal">{body}</div>')
