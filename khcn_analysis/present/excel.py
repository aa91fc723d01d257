"""A scenario as an Excel workbook that recalculates.

Planners work in Excel: they change an assumption and expect the shares,
densities and sufficiency ratios to follow. So the derived indicators, and the
projected base series whose engine rule is a simple formula (growth from the
previous year, S&T investment from the state budget and the non-state share),
are written as live formulas over the Assumptions and Projection cells. Each
formula also carries the library's computed value, because file previews,
phones and ``pandas`` do not recalculate and would otherwise show nothing.

Text that came from a file or a user (scenario descriptions, notes, quotes) is
always written with ``write_string`` and the workbook is opened with
``strings_to_formulas=False``: a description starting with ``=`` stays text
and can never run as a formula.

Sheets: Summary (targets in 2015, 2020 and 2030 against the projection, met or
not, both as formulas), Projection (2010–2030, one column per indicator, status
per value as colour and as text), Assumptions (editable yellow cells, each with
unit, reason and source; also Excel names such as ``grdp_growth_pct``),
Sources (every source id used; assumptions flagged "giả định") and Charts
(native Excel charts of the share of GRDP and researcher density with targets).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_col_to_name, xl_rowcol_to_cell

from khcn_analysis.core.catalogue.status import ATTAINMENT_LABELS, VALUE_STATUS_LABELS
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS, unit_label
from khcn_analysis.judge.attainment import attainment
from khcn_analysis.judge.requirements import required_paths
from khcn_analysis.model.projection import Projection
from khcn_analysis.model.scenarios import RULE_LABELS, Scenario
from khcn_analysis.core.config import COMPARE_RTOL as TOLERANCE

__all__ = [
    "SHEET_NAMES",
    "STATUS_LABELS",
    "WorkbookLayout",
    "default_output",
    "export_xlsx",
    "write_workbook",
]

#: The plan's milestone years shown on the Summary sheet.
SUMMARY_YEARS = (2015, 2020, 2030)

SHEET_NAMES: dict[str, dict[str, str]] = {
    "summary": {"vi": "Tổng hợp", "en": "Summary"},
    "projection": {"vi": "Dự báo", "en": "Projection"},
    "assumptions": {"vi": "Giả định", "en": "Assumptions"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "charts": {"vi": "Biểu đồ", "en": "Charts"},
}

#: The value-status words, shared with the charts, reports and explorer (core/catalogue/status.py).
STATUS_LABELS: dict[str, dict[str, str]] = VALUE_STATUS_LABELS
#: Light tints from the Okabe–Ito palette, told apart by colour-blind readers; the
#: status is also written as text beside the table, so colour is never the only cue.
STATUS_FILLS = {
    "observed": None,
    "interpolated": "#D9ECF7",
    "derived": "#EDEDED",
    "assumption": "#FBE3C4",
    "projected": "#D5EFE6",
}
EDITABLE_FILL = "#FFF2A8"

MET_TEXT = {lang: (ATTAINMENT_LABELS["met"][lang], ATTAINMENT_LABELS["not_met"][lang]) for lang in ("vi", "en")}

_T: dict[str, dict[str, str]] = {
    "title": {"vi": "Kế hoạch KH&CN tỉnh Lai Châu: kịch bản {name}",
              "en": "Lai Châu S&T plan: scenario {name}"},
    "summary_title": {"vi": "Mục tiêu của Kế hoạch 182 so với dự báo (2015, 2020, 2030)",
                      "en": "Plan 182 targets against the projection (2015, 2020, 2030)"},
    "summary_note": {
        "vi": "Cột Giá trị, Đạt? và Thiếu hụt là công thức: sửa ô màu vàng ở trang Giả định, "
              "bảng tự tính lại.",
        "en": "Value, Met? and Gap are formulas: edit a yellow cell on the Assumptions sheet "
              "and the table recalculates.",
    },
    "projection_title": {"vi": "Dự báo theo năm 2010–2030", "en": "Yearly projection 2010–2030"},
    "projection_note": {
        "vi": "Màu nền cho biết trạng thái số liệu (chú giải bên dưới; bảng trạng thái bên phải). "
              "Các chỉ tiêu suy ra là công thức Excel.",
        "en": "Background colour shows each value's status (legend below; status table on the "
              "right). Derived indicators are Excel formulas.",
    },
    "assumptions_title": {"vi": "Giả định của kịch bản (ô màu vàng có thể sửa)",
                          "en": "Scenario assumptions (yellow cells may be edited)"},
    "assumptions_note": {
        "vi": "Sửa ô màu vàng, Excel tính lại trang Dự báo và Tổng hợp. Ô trống có công thức "
              "(ví dụ tăng thu theo GRDP) cũng có thể ghi đè bằng một số.",
        "en": "Edit a yellow cell and Excel recalculates the Projection and Summary sheets. "
              "A yellow cell holding a formula (revenue growing with GRDP) may be overwritten "
              "with a number.",
    },
    "params_header": {"vi": "Tham số kịch bản", "en": "Scenario parameters"},
    "base_header": {"vi": "Số liệu giả định làm đầu vào", "en": "Assumed base values"},
    "info_header": {"vi": "Kịch bản", "en": "Scenario"},
    "sources_title": {"vi": "Nguồn của mọi số liệu dùng trong sổ này",
                      "en": "Sources of every figure used in this workbook"},
    "charts_title": {"vi": "Biểu đồ", "en": "Charts"},
    "legend": {"vi": "Chú giải trạng thái", "en": "Status legend"},
    "status_of": {"vi": "Trạng thái", "en": "Status"},
    "year": {"vi": "Năm", "en": "Year"},
    "not_computable": ATTAINMENT_LABELS["not_computable"],
    "target_path": {"vi": "Lộ trình mục tiêu", "en": "Target path"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
}

_HEAD = {
    "summary": {
        "vi": ["Mục tiêu", "Điều khoản", "Chỉ tiêu", "Năm", "Giá trị dự báo", "Mục tiêu",
               "Cận dưới", "Cận trên", "Đơn vị", "Đạt?", "Thiếu hụt", "Đơn vị thiếu hụt",
               "Mức đáp ứng kinh phí (lần)", "Ghi chú"],
        "en": ["Target", "Clause", "Indicator", "Year", "Projected value", "Target",
               "Lower bound", "Upper bound", "Unit", "Met?", "Gap", "Gap unit",
               "Funding sufficiency (ratio)", "Note"],
    },
    "assumptions": {
        "vi": ["Mã", "Nội dung", "Giá trị", "Đơn vị", "Lý do", "Nguồn"],
        "en": ["Id", "Item", "Value", "Unit", "Reason", "Source"],
    },
    "sources": {
        "vi": ["Mã nguồn", "Loại", "Đơn vị công bố", "Đường dẫn (URL)", "Trích dẫn / lý do",
               "Chất lượng"],
        "en": ["Source id", "Kind", "Publisher", "URL", "Quote / reason", "Quality"],
    },
}

#: Base series in column order; then the target paths, then the derived indicators.
BASE_COLUMNS = ("population", "grdp", "budget_expenditure", "budget_revenue_local", "plan_funding",
                "st_budget", "st_investment", "researchers", "st_fund_contribution")
PATH_COLUMNS = ("path_st_investment_share_grdp", "path_st_budget_share_expenditure",
                "path_researcher_density")
DERIVED_COLUMNS = ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
                   "funding_required", "funding_sufficiency", "st_fund_share_revenue_local")

_PATH_OF = {
    "path_st_investment_share_grdp": "st_investment_share_grdp",
    "path_st_budget_share_expenditure": "st_budget_share_expenditure",
    "path_researcher_density": "researcher_density",
}

#: How a target's shortfall converts to natural units (as khcn_analysis.judge.attainment does).
_GAP_CARRIER = {
    "st_investment_share_grdp": ("grdp", 0.01),
    "st_budget_share_expenditure": ("budget_expenditure", 0.01),
    "st_fund_share_revenue_local": ("budget_revenue_local", 0.01),
    "researcher_density": ("population", 0.1),
}

_HEADER_ROW = 3  # 0-based: title, subtitle, note, then the header


@dataclass
class Parameter:
    """One editable cell of the Assumptions sheet, also an Excel defined name."""

    id: str
    label: str
    value: float
    unit: str
    reason: str
    source: str
    formula: str | None = None  # a default formula (e.g. revenue growth = GRDP growth)


@dataclass
class WorkbookLayout:
    """Where things are, so tests, reports and readers can find cells.

    Cell references are A1 strings on the named sheet (``sheets[role]``).
    """

    path: Path
    lang: str
    sheets: dict[str, str]
    projection_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    projection_columns: dict[str, str] = field(default_factory=dict)
    year_rows: dict[int, int] = field(default_factory=dict)
    parameter_cells: dict[str, str] = field(default_factory=dict)
    base_value_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    formula_cells: dict[tuple[str, int], str] = field(default_factory=dict)
    summary_rows: list[dict[str, Any]] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers


class _Formats:
    """Memoized XlsxWriter formats (a workbook allows only so many distinct ones)."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[tuple[str, Any], ...], Any] = {}

    def __call__(self, **props: Any) -> Any:
        key = tuple(sorted((k, v) for k, v in props.items() if v is not None))
        if key not in self.cache:
            base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
            self.cache[key] = self.workbook.add_format({**base, **dict(key)})
        return self.cache[key]


def _num_format(decimals: int) -> str:
    """Excel renders the separators in the reader's locale: 1.234,5 in Vietnamese."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _finite(value: Any) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _cell(row: int, col: int, absolute: bool = False) -> str:
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def _xref(sheet: str, row: int, col: int) -> str:
    return f"{quote_sheetname(sheet)}!{_cell(row, col, True)}"


def _fit(texts: Iterable[str], lo: int = 8, hi: int = 60) -> float:
    longest = max((len(t) for t in texts if t), default=lo)
    return float(min(max(longest + 2, lo), hi))


def _yaml_comments(path: Path | None) -> dict[str, str]:
    """The comments a scenario file gives for each top-level key (the reason for its value)."""
    if path is None or not Path(path).is_file():
        return {}
    out: dict[str, str] = {}
    pending: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)$", line)
        if match:
            key, rest = match.groups()
            inline = rest.split(" #", 1)[1].strip() if " #" in rest else ""
            text = " ".join(p for p in [*pending, inline] if p)
            if text:
                out[key] = text
        pending = [] if not line.startswith(" ") else pending
        if not stripped:
            pending = []
    return out


def _t(key: str, lang: str, **kw: Any) -> str:
    return _T[key][lang].format(**kw)


# --------------------------------------------------------------------------- the model


@dataclass
class _Data:
    """The projection on a year grid: values and statuses per series (NaN/'' where none)."""

    years: list[int]
    values: dict[str, np.ndarray]
    status: dict[str, list[str]]
    sources: dict[str, list[str]]


def _grid(projection: Projection) -> _Data:
    table = projection.table
    years = [int(y) for y in projection.years]
    values: dict[str, np.ndarray] = {}
    status: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for sid in PROJECTED_IDS:
        rows = table[table["variable"] == sid].set_index("year")
        values[sid] = np.array([float(rows.at[y, "value"]) if y in rows.index else np.nan for y in years])
        status[sid] = [str(rows.at[y, "status"]) if y in rows.index else "" for y in years]
        sources[sid] = [str(rows.at[y, "source"]) if y in rows.index else "" for y in years]
    with np.errstate(divide="ignore", invalid="ignore"):
        values["path_st_investment_share_grdp"] = values["funding_required"] / values["grdp"] * 100
        req = required_paths(projection)
        values["path_st_budget_share_expenditure"] = req["st_budget"] / values["budget_expenditure"] * 100
        values["path_researcher_density"] = req["researchers"] / values["population"] * 10
    for pid in PATH_COLUMNS:
        status[pid] = ["derived" if _finite(v) else "" for v in values[pid]]
        sources[pid] = ["" for _ in years]
    return _Data(years, values, status, sources)


def _parameters(projection: Projection, lang: str) -> list[Parameter]:
    """The scenario's parameters that a formula in the workbook reads."""
    sc: Scenario = projection.scenario
    inputs = projection.inputs
    central = inputs.central
    comments = _yaml_comments(sc.path)
    src = f"scenario:{sc.name}"
    vi = lang == "vi"

    def reason(key: str) -> str:
        text = comments.get(key, "")
        if key in central and sc.growth_basis == "latest_trend" and key != "nonstate_value" \
                and key != "researcher_growth_value" and not math.isclose(central[key], float(getattr(sc, key))):
            extra = (f"Xu hướng gần nhất ({sc.trend_years} năm) của số liệu đã ghi nhận"
                     if vi else f"Recent trend ({sc.trend_years} years) of the recorded series")
            text = f"{extra}. {text}".strip()
        return text or ("Giả định của kịch bản" if vi else "Scenario assumption")

    def label(vi_text: str, en_text: str) -> str:
        return vi_text if vi else en_text

    pct_year = unit_label("% per year", lang)
    params = [
        Parameter("grdp_growth_pct", label("Tốc độ tăng GRDP danh nghĩa", "GRDP nominal growth"),
                  central["grdp_growth_pct"], pct_year, reason("grdp_growth_pct"), src),
        Parameter("population_growth_pct", label("Tốc độ tăng dân số", "Population growth"),
                  central["population_growth_pct"], pct_year, reason("population_growth_pct"), src),
        Parameter("budget_expenditure_growth_pct",
                  label("Tốc độ tăng tổng chi ngân sách địa phương", "Budget expenditure growth"),
                  central["budget_expenditure_growth_pct"], pct_year,
                  reason("budget_expenditure_growth_pct"), src),
    ]
    if sc.budget_revenue_growth_pct is None:
        params.append(Parameter(
            "budget_revenue_growth_pct",
            label("Tốc độ tăng thu NSĐP được hưởng", "Retained local revenue growth"),
            central["grdp_growth_pct"], pct_year,
            label("Không nêu trong kịch bản: tăng cùng GRDP (ô chứa công thức =grdp_growth_pct).",
                  "Not set by the scenario: grows with GRDP (the cell holds =grdp_growth_pct)."),
            src, formula="=grdp_growth_pct"))
    else:
        params.append(Parameter(
            "budget_revenue_growth_pct",
            label("Tốc độ tăng thu NSĐP được hưởng", "Retained local revenue growth"),
            float(sc.budget_revenue_growth_pct), pct_year, reason("budget_revenue_growth_pct"), src))
    if sc.nonstate_mode == "share_of_total":
        params.append(Parameter(
            "nonstate_value",
            label("Tỷ trọng vốn ngoài ngân sách trong tổng đầu tư cho KH&CN",
                  "Non-state share of total S&T investment"),
            central["nonstate_value"], label("% tổng đầu tư", "% of total"), reason("nonstate_value"), src))
    else:
        params.append(Parameter(
            "nonstate_value",
            label("Vốn ngoài ngân sách so với chi NSNN cho KH&CN", "Non-state money per unit of state S&T money"),
            central["nonstate_value"], label("lần", "ratio"), reason("nonstate_value"), src))
    if sc.st_budget_rule != "meet_targets":
        params.append(Parameter(
            "austerity_cut_pct", label("Mức cắt giảm kinh phí KH&CN", "Cut to S&T money"),
            float(sc.austerity_cut_pct), "%", reason("austerity_cut_pct"), src))
    if sc.st_budget_rule == "fixed_share_expenditure":
        params.append(Parameter(
            "st_budget_share_expenditure_pct",
            label("Tỷ lệ chi NSNN cho KH&CN trên tổng chi", "S&T share of budget expenditure"),
            float(sc.st_budget_share_expenditure_pct or 0.0), "%",
            reason("st_budget_share_expenditure_pct"), src))
    if sc.st_budget_rule == "plan_as_written" and sc.after_plan == "growth_pct":
        params.append(Parameter(
            "after_plan_growth_pct", label("Tốc độ tăng chi KH&CN sau 2020", "S&T budget growth after the plan"),
            float(sc.after_plan_growth_pct), pct_year, reason("after_plan_growth_pct"), src))
    if sc.st_budget_rule == "latest_trend":
        trend = inputs.trend_growth.get("st_budget_growth_pct", math.nan)
        if _finite(trend):
            params.append(Parameter(
                "st_budget_trend_growth_pct",
                label("Tốc độ tăng chi KH&CN theo xu hướng gần nhất", "Recent trend of state S&T spending"),
                float(trend), pct_year,
                label(f"Tính từ chi KH&CN đã ghi nhận, {sc.trend_years} năm gần nhất.",
                      f"Computed from recorded S&T spending, last {sc.trend_years} years."),
                src))
    if sc.researcher_growth_mode == "percent":
        params.append(Parameter(
            "researcher_growth_value", label("Tốc độ tăng số cán bộ nghiên cứu", "Researcher growth"),
            central["researcher_growth_value"], pct_year, reason("researcher_growth_value"), src))
    else:
        params.append(Parameter(
            "researcher_growth_value", label("Số cán bộ nghiên cứu tăng thêm mỗi năm", "Researchers added per year"),
            central["researcher_growth_value"], label("người/năm", "persons per year"),
            reason("researcher_growth_value"), src))
    fund = sc.st_fund_share_revenue_local_pct
    if fund is not None:
        if fund == "plan_minimum":
            shares = projection.values["st_fund_contribution"] / projection.values["budget_revenue_local"] * 100
            value = float(np.nanmin(shares)) if np.isfinite(shares).any() else 0.0
            why = label("Mức tối thiểu của Kế hoạch (mục D.IV).", "The plan's minimum (clause D.IV).")
        else:
            value, why = float(fund), reason("st_fund_share_revenue_local_pct")
        params.append(Parameter(
            "st_fund_share_revenue_local_pct",
            label("Tỷ lệ trích Quỹ KH&CN trên thu NSĐP được hưởng", "S&T fund share of retained revenue"),
            value, "%", why, src))
    return params


# --------------------------------------------------------------------------- formulas


class _Formulas:
    """The engine's rules as Excel formulas, for one projection on the Projection sheet."""

    def __init__(self, projection: Projection, data: _Data, cols: dict[str, int],
                 rows: dict[int, int], param_names: set[str],
                 anchor_cells: dict[tuple[str, int], str] | None = None) -> None:
        self.anchor_cells = dict(anchor_cells or {})
        self.needed: set[tuple[str, int]] = set()
        self.chain: dict[tuple[str, int], tuple[int, str]] = {}
        self.p = projection
        self.sc = projection.scenario
        self.inputs = projection.inputs
        self.data = data
        self.cols = cols
        self.rows = rows
        self.names = param_names
        self.years = data.years

    def ref(self, sid: str, i: int) -> str | None:
        """A same-sheet reference to series ``sid`` in year index ``i`` (None if empty)."""
        if sid not in self.cols or not 0 <= i < len(self.years) or not _finite(self.data.values[sid][i]):
            return None
        return _cell(self.rows[self.years[i]], self.cols[sid])

    def _keep(self) -> str:
        return "(1-austerity_cut_pct/100)" if "austerity_cut_pct" in self.names else "1"

    def _factor(self) -> str:
        if self.sc.nonstate_mode == "share_of_total":
            return "(1/(1-nonstate_value/100))"
        return "(1+nonstate_value)"

    def _anchor(self, sid: str, i: int) -> tuple[int, str] | None:
        """The engine's anchor for year ``i`` (latest record at or before it, else the first)
        and a reference to its recorded value.

        A recorded value that does not win (an assumption after the base year, a
        counterfactual record) is not on the Projection sheet, so it gets its own
        editable cell on the Assumptions sheet.
        """
        recorded = self.inputs.baseline[sid].recorded
        if not recorded.any():
            return None
        before = np.flatnonzero(recorded[: i + 1])
        a = int(before[-1]) if before.size else int(np.flatnonzero(recorded)[0])
        if self.inputs.wins(sid)[a]:
            ref = self.ref(sid, a)
            return (a, ref) if ref else None
        key = (sid, self.years[a])
        if key not in self.anchor_cells:
            self.needed.add(key)
            return a, "0"
        return a, self.anchor_cells[key]

    def _chained(self, sid: str, i: int, a: int, kind: str) -> bool:
        """Is year ``i - 1`` the anchor itself (on this sheet) or grown from it the same way?"""
        if i - 1 == a and self.inputs.wins(sid)[a]:
            return True
        return self.chain.get((sid, i - 1)) == (a, kind)

    def _grow(self, sid: str, i: int, growth: str) -> str | None:
        """anchor × (1+g)^(t − t_anchor): written as previous year × (1+g) where the previous
        year is on the same path, else with the explicit power (back-casting, broken chains)."""
        found = self._anchor(sid, i)
        if found is None:
            return None
        a, anchor = found
        if i == a:
            return None if anchor == self.ref(sid, a) else f"={anchor}"
        if i > a and self._chained(sid, i, a, growth):
            self.chain[(sid, i)] = (a, growth)
            return f"={self.ref(sid, i - 1)}*(1+{growth}/100)"
        self.chain[(sid, i)] = (a, growth)
        steps = self.years[i] - self.years[a]
        if steps > 0:
            return f"={anchor}*(1+{growth}/100)^{steps}"
        return f"={anchor}/(1+{growth}/100)^{-steps}"

    def _researchers_growth(self, i: int) -> str | None:
        if self.sc.researcher_growth_mode == "percent":
            return self._grow("researchers", i, "researcher_growth_value")
        found = self._anchor("researchers", i)
        if found is None:
            return None
        a, anchor = found
        if i == a:
            return None if anchor == self.ref("researchers", a) else f"={anchor}"
        kind = "persons"
        if i > a and self._chained("researchers", i, a, kind):
            self.chain[("researchers", i)] = (a, kind)
            return f"=MAX({self.ref('researchers', i - 1)}+researcher_growth_value,0)"
        self.chain[("researchers", i)] = (a, kind)
        steps = self.years[i] - self.years[a]
        sign = "+" if steps >= 0 else "-"
        return f"=MAX({anchor}{sign}researcher_growth_value*{abs(steps)},0)"

    def base(self, sid: str, i: int) -> str | None:
        """The formula of a projected base value, or None where the engine's value is a constant."""
        growth = {
            "population": "population_growth_pct",
            "grdp": "grdp_growth_pct",
            "budget_expenditure": "budget_expenditure_growth_pct",
            "budget_revenue_local": "budget_revenue_growth_pct",
        }
        if sid in growth:
            return self._grow(sid, i, growth[sid])
        year = self.years[i]
        rule_year = year > self.inputs.base_year
        if sid == "st_budget":
            return self._st_budget_rule(i) if rule_year else self._grow(sid, i, "budget_expenditure_growth_pct")
        if sid == "st_investment":
            stb = self.ref("st_budget", i)
            return f"={stb}*{self._factor()}" if stb else None
        if sid == "researchers":
            if self.sc.researcher_rule == "meet_targets" and rule_year:
                path, pop = self.ref("path_researcher_density", i), self.ref("population", i)
                if path and pop:
                    return f"={path}*{pop}/10"
            return self._researchers_growth(i)
        if sid == "st_fund_contribution" and "st_fund_share_revenue_local_pct" in self.names:
            rev = self.ref("budget_revenue_local", i)
            return f"=st_fund_share_revenue_local_pct/100*{rev}" if rev else None
        return None

    def _st_budget_rule(self, i: int) -> str | None:
        sc, years, keep = self.sc, self.years, self._keep()
        base_i = min(int(np.searchsorted(np.array(years), self.inputs.base_year)), len(years) - 1)
        if sc.st_budget_rule == "plan_as_written":
            end = self.inputs.plan_end_year
            if end is not None and years[i] > end:
                end_i = years.index(end)
                last = f"{self.ref('plan_funding', end_i)}*{keep}"
                if sc.after_plan == "hold":
                    return f"={last}"
                if sc.after_plan == "grow_with_grdp":
                    return f"={last}*{self.ref('grdp', i)}/{self.ref('grdp', end_i)}"
                if sc.after_plan == "grow_with_expenditure":
                    return f"={last}*{self.ref('budget_expenditure', i)}/{self.ref('budget_expenditure', end_i)}"
                return f"={last}*(1+after_plan_growth_pct/100)^{years[i] - end}"
            plan = self.ref("plan_funding", i)
            if plan:
                return f"={plan}*{keep}"
            return self._grow("st_budget", i, "budget_expenditure_growth_pct")
        if sc.st_budget_rule == "gdp_linked":
            return (f"={_abs(self.ref('st_budget', base_i))}/{_abs(self.ref('grdp', base_i))}"
                    f"*{self.ref('grdp', i)}*{keep}")
        if sc.st_budget_rule == "fixed_share_expenditure":
            return f"=st_budget_share_expenditure_pct/100*{self.ref('budget_expenditure', i)}*{keep}"
        if sc.st_budget_rule == "latest_trend":
            growth = ("st_budget_trend_growth_pct" if "st_budget_trend_growth_pct" in self.names
                      else "budget_expenditure_growth_pct")
            steps = years[i] - years[base_i]
            return f"={_abs(self.ref('st_budget', base_i))}*(1+{growth}/100)^{steps}*{keep}"
        # meet_targets: enough state money for both the investment share and the budget share.
        terms = []
        share, grdp = self.ref("path_st_investment_share_grdp", i), self.ref("grdp", i)
        if share and grdp:
            terms.append(f"{share}*{grdp}/100/{self._factor()}")
        bshare, exp = self.ref("path_st_budget_share_expenditure", i), self.ref("budget_expenditure", i)
        if bshare and exp:
            terms.append(f"{bshare}*{exp}/100")
        if not terms:
            return self._grow("st_budget", i, "budget_expenditure_growth_pct")
        return f"=MAX({','.join(terms)})" if len(terms) > 1 else f"={terms[0]}"

    def derived(self, sid: str, i: int) -> str | None:
        r = self.ref
        parts = {
            "st_investment_share_grdp": ("st_investment", "grdp", "={0}/{1}*100"),
            "st_budget_share_expenditure": ("st_budget", "budget_expenditure", "={0}/{1}*100"),
            "researcher_density": ("researchers", "population", "={0}/({1}*1000)*10000"),
            "funding_required": ("path_st_investment_share_grdp", "grdp", "={0}*{1}/100"),
            "funding_sufficiency": ("st_investment", "funding_required", "={0}/{1}"),
            "st_fund_share_revenue_local": ("st_fund_contribution", "budget_revenue_local", "={0}/{1}*100"),
        }
        a, b, pattern = parts[sid]
        ra, rb = r(a, i), r(b, i)
        return pattern.format(ra, rb) if ra and rb else None


def _abs(ref: str | None) -> str:
    """Row and column fixed: ``C7`` → ``$C$7`` (a base-year anchor)."""
    if ref is None:
        raise ValueError("missing anchor cell")
    match = re.match(r"^([A-Z]+)(\d+)$", ref)
    return f"${match.group(1)}${match.group(2)}" if match else ref


# --------------------------------------------------------------------------- sheets


def _page_setup(ws: Any, header_row: int, *, repeat_first_col: bool = False) -> None:
    """A4 landscape, fit to the page width, header rows repeated on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, header_row)
    if repeat_first_col:
        ws.repeat_columns(0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.freeze_panes(header_row + 1, 1 if repeat_first_col else 0)


def _write_title(ws: Any, fmt: _Formats, title: str, subtitle: str, note: str) -> None:
    ws.write_string(0, 0, title, fmt(bold=True, font_size=14))
    ws.write_string(1, 0, subtitle, fmt(italic=True))
    ws.write_string(2, 0, note, fmt(font_color="#555555"))


def _series_label(sid: str, lang: str) -> str:
    if sid in _PATH_OF:
        ind = INDICATORS[_PATH_OF[sid]]
        return f"{_t('target_path', lang)}: {ind.label(lang)} ({ind.unit_label(lang)})"
    ind = INDICATORS[sid]
    return f"{ind.label(lang)} ({ind.unit_label(lang)})"


def _decimals(sid: str) -> int:
    return INDICATORS[_PATH_OF.get(sid, sid)].decimals


def _write_value(ws: Any, row: int, col: int, value: float, fmt: Any, formula: str | None) -> None:
    if formula is not None:
        ws.write_formula(row, col, formula, fmt, float(value))
    elif _finite(value):
        ws.write_number(row, col, float(value), fmt)
    else:
        ws.write_blank(row, col, None, fmt)


def _projection_formulas(projection: Projection, data: _Data, names: set[str],
                         base_cells: dict[tuple[str, int], str],
                         anchor_cells: dict[tuple[str, int], str]) -> tuple[_Formulas, dict[tuple[str, int], str]]:
    """Every Projection-sheet formula by (series, year); also tells which anchors it needs."""
    series = [s for s in (*BASE_COLUMNS, *PATH_COLUMNS, *DERIVED_COLUMNS)
              if np.isfinite(data.values[s]).any()]
    cols = {sid: 1 + k for k, sid in enumerate(series)}
    rows = {year: _HEADER_ROW + 1 + k for k, year in enumerate(data.years)}
    formulas = _Formulas(projection, data, cols, rows, names, anchor_cells)
    out: dict[tuple[str, int], str] = {}
    derived = set(DERIVED_COLUMNS)
    for i, year in enumerate(data.years):
        for sid in series:
            if not _finite(data.values[sid][i]):
                continue
            if sid in derived:
                formula = formulas.derived(sid, i)
            elif (sid, year) in base_cells:
                formula = f"={base_cells[(sid, year)]}"
            elif data.status[sid][i] == "projected":
                formula = formulas.base(sid, i)
            else:
                formula = None
            if formula is not None:
                out[(sid, year)] = formula
    return formulas, out


def _projection_sheet(ws: Any, fmt: _Formats, projection: Projection, data: _Data, lang: str,
                      names: set[str], base_cells: dict[tuple[str, int], str],
                      anchor_cells: dict[tuple[str, int], str], layout: WorkbookLayout) -> None:
    sc = projection.scenario
    _write_title(ws, fmt, f"{_t('projection_title', lang)}: {sc.title(lang)}", sc.description(lang),
                 _t("projection_note", lang))
    formulas, cell_formulas = _projection_formulas(projection, data, names, base_cells, anchor_cells)
    cols, rows = formulas.cols, formulas.rows
    series = list(cols)
    layout.year_rows = dict(rows)
    layout.projection_columns = {sid: xl_col_to_name(c) for sid, c in cols.items()}
    head = fmt(bold=True, text_wrap=True, bg_color="#DDDDDD", border=1, align="center", valign="vcenter")
    ws.write_string(_HEADER_ROW, 0, _t("year", lang), head)
    ws.set_row(_HEADER_ROW, 66)
    for sid, col in cols.items():
        ws.write_string(_HEADER_ROW, col, _series_label(sid, lang), head)
    ws.set_column(0, 0, 7)
    for i, year in enumerate(data.years):
        row = rows[year]
        ws.write_number(row, 0, year, fmt(bold=True, num_format="0", border=1))
        for sid, col in cols.items():
            value = data.values[sid][i]
            status = data.status[sid][i]
            cell_fmt = fmt(num_format=_num_format(_decimals(sid)), bg_color=STATUS_FILLS.get(status),
                           border=1, border_color="#BBBBBB")
            formula = cell_formulas.get((sid, year))
            _write_value(ws, row, col, value, cell_fmt, formula)
            if _finite(value):
                layout.projection_cells[(sid, year)] = _cell(row, col)
                if formula is not None:
                    layout.formula_cells[(sid, year)] = formula
    for sid, col in cols.items():
        texts = [format_number(v, _decimals(sid), "en") for v in data.values[sid] if _finite(v)]
        ws.set_column(col, col, _fit([*texts, *(_series_label(sid, lang).split())], 10, 16))

    # Status as text, beside the values (colour is never the only cue).
    start = 2 + len(cols)
    ws.write_string(_HEADER_ROW - 1, start, _t("status_of", lang), fmt(bold=True))
    ws.write_string(_HEADER_ROW, start - 1, "", fmt())
    for k, sid in enumerate(s for s in series if s not in _PATH_OF):
        col = start + k
        ws.write_string(_HEADER_ROW, col, f"{_t('status_of', lang)}: {_series_label(sid, lang)}", head)
        for i, year in enumerate(data.years):
            status = data.status[sid][i]
            ws.write_string(rows[year], col, STATUS_LABELS[status][lang] if status else "",
                            fmt(bg_color=STATUS_FILLS.get(status), border=1, border_color="#BBBBBB"))
        ws.set_column(col, col, 12)
    ws.set_column(start - 1, start - 1, 3)

    legend_row = rows[data.years[-1]] + 2
    ws.write_string(legend_row, 0, _t("legend", lang), fmt(bold=True))
    for k, (status, labels) in enumerate(STATUS_LABELS.items()):
        ws.write_string(legend_row + 1 + k, 1, labels[lang], fmt(bg_color=STATUS_FILLS[status], border=1))
    notes = list(projection.notes)
    for k, note in enumerate(notes):
        ws.write_string(legend_row + 7 + k, 0, note, fmt(font_color="#555555"))
    _page_setup(ws, _HEADER_ROW, repeat_first_col=True)


def _assumptions_sheet(wb: Any, ws: Any, fmt: _Formats, projection: Projection, lang: str,
                       params: list[Parameter], assumption_rows: list[dict[str, Any]],
                       layout: WorkbookLayout) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str]]:
    """Returns the cells of the assumed base values and of the projection anchors."""
    name = layout.sheets["assumptions"]
    sc = projection.scenario
    _write_title(ws, fmt, _t("assumptions_title", lang), sc.description(lang), _t("assumptions_note", lang))
    head = fmt(bold=True, text_wrap=True, bg_color="#DDDDDD", border=1, valign="vcenter")
    wrap = fmt(text_wrap=True, border=1, border_color="#BBBBBB")
    plain = fmt(border=1, border_color="#BBBBBB")
    for col, text in enumerate(_HEAD["assumptions"][lang]):
        ws.write_string(_HEADER_ROW, col, text, head)
    row = _HEADER_ROW + 1

    # Scenario facts (text, not edited: they change the workbook's structure).
    ws.write_string(row, 0, _t("info_header", lang), fmt(bold=True))
    row += 1
    rule = RULE_LABELS.get(sc.st_budget_rule, {}).get(lang, sc.st_budget_rule)
    info = [
        ("name", "Mã kịch bản" if lang == "vi" else "Scenario id", sc.name),
        ("title", "Tên kịch bản" if lang == "vi" else "Scenario name", sc.title(lang)),
        ("description", "Mô tả" if lang == "vi" else "Description", sc.description(lang)),
        ("base_year", "Năm gốc" if lang == "vi" else "Base year", str(projection.inputs.base_year)),
        ("st_budget_rule", "Quy tắc chi NSNN cho KH&CN" if lang == "vi" else "S&T budget rule",
         f"{rule} ({sc.st_budget_rule})"),
        ("after_plan", "Sau khi hết Kế hoạch (2020)" if lang == "vi" else "After the plan (2020)", sc.after_plan),
        ("researcher_rule", "Quy tắc số cán bộ nghiên cứu" if lang == "vi" else "Researcher rule",
         sc.researcher_rule),
    ]
    for key, label, value in info:
        ws.write_string(row, 0, key, plain)
        ws.write_string(row, 1, label, plain)
        ws.write_string(row, 2, value, wrap if key == "description" else plain)
        row += 1
    row += 1

    editable_fmt = {k: fmt(num_format=_num_format(d), bg_color=EDITABLE_FILL, border=1, locked=False)
                    for k, d in (("pct", 2), ("n", 1))}
    ws.write_string(row, 0, _t("params_header", lang), fmt(bold=True))
    row += 1
    for p in params:
        ws.write_string(row, 0, p.id, plain)
        ws.write_string(row, 1, p.label, wrap)
        cell_fmt = editable_fmt["pct"]
        if p.formula:
            ws.write_formula(row, 2, p.formula, cell_fmt, float(p.value))
        else:
            ws.write_number(row, 2, float(p.value), cell_fmt)
        ws.write_string(row, 3, p.unit, plain)
        ws.write_string(row, 4, p.reason, wrap)
        ws.write_string(row, 5, p.source, wrap)
        wb.define_name(p.id, f"={_xref(name, row, 2)}")
        layout.parameter_cells[p.id] = _cell(row, 2)
        row += 1
    row += 1

    cells: dict[tuple[str, int], str] = {}
    anchors: dict[tuple[str, int], str] = {}
    if assumption_rows:
        ws.write_string(row, 0, _t("base_header", lang), fmt(bold=True))
        row += 1
        for a in assumption_rows:
            ws.write_string(row, 0, f"{a['variable']}.{a['year']}", plain)
            ws.write_string(row, 1, a["label"], wrap)
            ws.write_number(row, 2, float(a["value"]),
                            fmt(num_format=_num_format(a["decimals"]), bg_color=EDITABLE_FILL, border=1,
                                locked=False))
            ws.write_string(row, 3, a["unit"], plain)
            ws.write_string(row, 4, a["reason"], wrap)
            ws.write_string(row, 5, a["source"], wrap)
            if a.get("role") == "anchor":
                anchors[(a["variable"], a["year"])] = _xref(name, row, 2)
            else:
                cells[(a["variable"], a["year"])] = _xref(name, row, 2)
            layout.base_value_cells[(a["variable"], a["year"])] = _cell(row, 2)
            row += 1
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 2, 14)
    ws.set_column(3, 3, 16)
    ws.set_column(4, 4, 70)
    ws.set_column(5, 5, 40)
    _page_setup(ws, _HEADER_ROW)
    return cells, anchors


def _assumption_rows(projection: Projection, data: _Data, lang: str, details: dict[str, dict[str, Any]],
                     anchors: Iterable[tuple[str, int]] = ()) -> list[dict[str, Any]]:
    """Base values the projection takes as assumed (status ``assumption``), with reason and source.

    ``anchors`` adds recorded values that a projected series grows from but that do
    not show on the Projection sheet (an assumption after the base year).
    """
    def row(sid: str, year: int, value: float, ids: list[str], role: str) -> dict[str, Any]:
        reasons = [str(details[s].get("quote", "")) for s in ids if s.startswith("assumption:") and s in details]
        ind = INDICATORS[sid]
        label = f"{ind.label(lang)}, {year}"
        if role == "anchor":
            label += (" (điểm xuất phát của chuỗi dự báo, không hiện ở trang Dự báo)" if lang == "vi"
                      else " (starting point of the projected path, not shown on the Projection sheet)")
        return {
            "variable": sid, "year": year, "value": value, "label": label, "role": role,
            "unit": ind.unit_label(lang), "decimals": ind.decimals,
            "reason": " ".join(reasons) or ("Số liệu ghi nhận" if lang == "vi" else "Recorded value"),
            "source": "; ".join(ids),
        }

    out = []
    for sid in BASE_COLUMNS:
        for i, year in enumerate(data.years):
            if data.status[sid][i] == "assumption" and _finite(data.values[sid][i]):
                ids = [s for s in data.sources[sid][i].split(";") if s]
                out.append(row(sid, year, float(data.values[sid][i]), ids, "base"))
    years = list(data.years)
    for sid, year in sorted(anchors):
        series = projection.inputs.baseline[sid]
        i = years.index(year)
        ids = [s for s in str(series.source[i]).split(";") if s]
        out.append(row(sid, year, float(series.values[i]), ids, "anchor"))
    return out


def _summary_sheet(ws: Any, fmt: _Formats, projection: Projection, lang: str,
                   layout: WorkbookLayout) -> None:
    proj_name = layout.sheets["projection"]
    sc = projection.scenario
    _write_title(ws, fmt, _t("title", lang, name=sc.title(lang)), sc.description(lang), _t("summary_note", lang))
    ws.write_string(_HEADER_ROW - 1, 0, _t("summary_title", lang), fmt(bold=True))
    head = fmt(bold=True, text_wrap=True, bg_color="#DDDDDD", border=1, valign="vcenter")
    for col, text in enumerate(_HEAD["summary"][lang]):
        ws.write_string(_HEADER_ROW, col, text, head)
    ws.set_row(_HEADER_ROW, 40)
    att = attainment(projection, national=False)
    att = att[att["year"].isin(SUMMARY_YEARS)].reset_index(drop=True)
    targets = {t.id: t for t in projection.plan.targets}
    plain = fmt(border=1, border_color="#BBBBBB", text_wrap=True)
    met_yes, met_no = MET_TEXT[lang]
    col_cells = {key: k for k, key in enumerate(
        ["target", "clause", "indicator", "year", "value", "target_text", "lower", "upper", "unit",
         "met", "gap", "gap_unit", "sufficiency", "note"])}
    row = _HEADER_ROW + 1
    for rec in att.itertuples(index=False):
        target = targets.get(rec.target_id)
        ind = INDICATORS.get(rec.indicator)
        label = (target.label_vi if lang == "vi" else target.label_en) if target else rec.target_id
        decimals = ind.decimals if ind else 2
        num = fmt(num_format=_num_format(decimals), border=1, border_color="#BBBBBB")
        ws.write_string(row, col_cells["target"], label, plain)
        ws.write_string(row, col_cells["clause"], str(rec.clause), plain)
        ws.write_string(row, col_cells["indicator"], ind.label(lang) if ind else rec.indicator, plain)
        ws.write_number(row, col_cells["year"], int(rec.year), fmt(num_format="0", border=1, border_color="#BBBBBB"))
        ws.write_string(row, col_cells["target_text"], target.describe(lang) if target else "", plain)
        for key, bound in (("lower", rec.lower), ("upper", rec.upper)):
            if _finite(bound):
                ws.write_number(row, col_cells[key], float(bound), num)
            else:
                ws.write_blank(row, col_cells[key], None, num)
        ws.write_string(row, col_cells["unit"], unit_label(str(rec.unit), lang), plain)
        entry: dict[str, Any] = {"target_id": rec.target_id, "year": int(rec.year), "status": rec.status,
                                 "value": rec.value, "gap": rec.gap, "row": row}
        value_cell = layout.projection_cells.get((rec.indicator, int(rec.year)))
        if rec.status == "not_computable" or value_cell is None:
            ws.write_blank(row, col_cells["value"], None, num)
            ws.write_string(row, col_cells["met"], _t("not_computable", lang), plain)
            ws.write_string(row, col_cells["note"], str(rec.reason or ""), plain)
        else:
            v = _cell(row, col_cells["value"])
            lo = _cell(row, col_cells["lower"])
            hi = _cell(row, col_cells["upper"])
            ws.write_formula(row, col_cells["value"], f"={quote_sheetname(proj_name)}!{value_cell}", num,
                             float(rec.value))
            test = _met_test(str(rec.comparator), v, lo, hi, rec.lower, rec.upper)
            met_cell = _cell(row, col_cells["met"])
            met_fmt = fmt(border=1, border_color="#BBBBBB", bold=True)
            ws.write_formula(row, col_cells["met"], f'=IF({test},"{met_yes}","{met_no}")', met_fmt,
                             met_yes if rec.status == "met" else met_no)
            ws.conditional_format(row, col_cells["met"], row, col_cells["met"], {
                "type": "cell", "criteria": "==", "value": f'"{met_no}"',
                "format": fmt(font_color="#9C0006", bg_color="#FBE3C4")})
            carrier = _GAP_CARRIER.get(rec.indicator)
            gap_formula = _gap_formula(str(rec.comparator), v, lo, hi, rec.upper)
            if carrier and gap_formula:
                carrier_cell = layout.projection_cells.get((carrier[0], int(rec.year)))
                if carrier_cell:
                    gap_formula = f"{gap_formula}*{quote_sheetname(proj_name)}!{carrier_cell}*{carrier[1]}"
                else:
                    gap_formula = None
            gap_num = fmt(num_format=_num_format(1), border=1, border_color="#BBBBBB")
            if gap_formula and _finite(rec.gap):
                ws.write_formula(row, col_cells["gap"], f'=IF({met_cell}="{met_yes}",0,{gap_formula})',
                                 gap_num, float(rec.gap))
                entry["gap_cell"] = _cell(row, col_cells["gap"])
            else:
                ws.write_blank(row, col_cells["gap"], None, gap_num)
            ws.write_string(row, col_cells["gap_unit"], unit_label(str(rec.gap_unit), lang), plain)
            suff = layout.projection_cells.get(("funding_sufficiency", int(rec.year)))
            if rec.indicator == "st_investment_share_grdp" and suff and _finite(rec.funding_sufficiency):
                ws.write_formula(row, col_cells["sufficiency"], f"={quote_sheetname(proj_name)}!{suff}",
                                 fmt(num_format="0.00", border=1, border_color="#BBBBBB"),
                                 float(rec.funding_sufficiency))
                entry["sufficiency_cell"] = _cell(row, col_cells["sufficiency"])
            ws.write_string(row, col_cells["note"], STATUS_LABELS.get(str(rec.value_status), {}).get(lang, ""),
                            plain)
            entry.update(value_cell=v, met_cell=met_cell)
        layout.summary_rows.append(entry)
        row += 1
    widths = [34, 10, 30, 7, 12, 24, 10, 10, 14, 12, 12, 12, 14, 30]
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    _page_setup(ws, _HEADER_ROW)


def _met_test(comparator: str, v: str, lo: str, hi: str, lower: Any, upper: Any) -> str:
    """Excel's version of khcn_analysis.plan.model.compare (same tolerance; a range is a level to reach)."""
    tol = f"{TOLERANCE:.0E}".replace("E-0", "E-")
    if comparator == "at_least":
        return f"{v}>={lo}-ABS({lo})*{tol}"
    if comparator == "greater_than":
        return f"{v}>{lo}"
    if comparator == "between":
        return f"{v}>={lo}-ABS({lo})*{tol}"
    if comparator == "at_most":
        bound = hi if _finite(upper) else lo
        return f"{v}<={bound}+ABS({bound})*{tol}"
    return f"ABS({v}-{lo})<=ABS({lo})*{tol}"


def _gap_formula(comparator: str, v: str, lo: str, hi: str, upper: Any) -> str | None:
    """(binding bound − value), before conversion to natural units."""
    if comparator in ("at_least", "greater_than", "equal", "between"):
        return f"({lo}-{v})"
    if comparator == "at_most":
        return f"({hi if _finite(upper) else lo}-{v})"
    return None


def _source_rows(ids: list[str], projection: Projection, details: dict[str, dict[str, Any]],
                 lang: str) -> list[tuple[str, str, str, str, str, str]]:
    sc = projection.scenario
    plan = projection.plan
    assumed = "giả định" if lang == "vi" else "assumption (giả định)"
    plan_doc = (plan.documents[0].reference_vi if lang == "vi" else plan.documents[0].reference_en) \
        if getattr(plan, "documents", None) else getattr(plan, "id", "plan")
    plan_items: dict[str, str] = {}
    for t in getattr(plan, "targets", []):
        plan_items[t.id] = f"{t.clause}: {t.text_vi or t.text_en}"
    for p in getattr(getattr(plan, "budget", None), "phases", []) or []:
        plan_items[p.id] = f"{p.clause}: {p.text_vi}"
    out = []
    for sid in ids:
        if sid.startswith("scenario:"):
            path = str(sc.path) if sc.path else f"scenarios/{sc.name}.yaml"
            out.append((sid, assumed, "khcn-workbook", f"file:{path}", sc.description(lang), "assumption"))
        elif sid.startswith("plan:"):
            item = sid.split(":")[-1]
            kind = "kế hoạch" if lang == "vi" else "plan"
            out.append((sid, kind, plan_doc, "", plan_items.get(item, ""), "plan"))
        elif sid in details:
            d = details[sid]
            quality = str(d.get("quality", ""))
            kind = assumed if quality == "assumption" or sid.startswith("assumption:") else (
                "quan sát" if lang == "vi" else "observation")
            out.append((sid, kind, str(d.get("name", "")), str(d.get("url", "")), str(d.get("quote", "")),
                        quality))
        else:
            missing = ("không có trong data/processed/sources.csv" if lang == "vi"
                       else "not in data/processed/sources.csv")
            out.append((sid, "?", "", "", missing, ""))
    return out


def _sources_sheet(ws: Any, fmt: _Formats, rows: list[tuple[str, ...]], lang: str) -> None:
    _write_title(ws, fmt, _t("sources_title", lang), "", "")
    head = fmt(bold=True, text_wrap=True, bg_color="#DDDDDD", border=1, valign="vcenter")
    for col, text in enumerate(_HEAD["sources"][lang]):
        ws.write_string(_HEADER_ROW, col, text, head)
    wrap = fmt(text_wrap=True, border=1, border_color="#BBBBBB")
    flagged = fmt(text_wrap=True, border=1, border_color="#BBBBBB", bg_color=STATUS_FILLS["assumption"])
    link = fmt(text_wrap=True, border=1, border_color="#BBBBBB", font_color="#0563C1", underline=1)
    for k, rec in enumerate(rows):
        row = _HEADER_ROW + 1 + k
        for col, text in enumerate(rec):
            if col == 3 and text.startswith(("http://", "https://")) and len(text) < 2000:
                ws.write_url(row, col, text, link, string=text)
            else:
                ws.write_string(row, col, text, flagged if col == 1 and "giả định" in text else wrap)
    for col, width in enumerate([44, 14, 36, 50, 80, 14]):
        ws.set_column(col, col, width)
    _page_setup(ws, _HEADER_ROW)


def _charts_sheet(wb: Any, ws: Any, fmt: _Formats, projection: Projection, data: _Data, lang: str,
                  layout: WorkbookLayout) -> None:
    """Native charts; their target markers come from a small data block on this sheet."""
    name = layout.sheets["charts"]
    proj = layout.sheets["projection"]
    ws.write_string(0, 0, _t("charts_title", lang), fmt(bold=True, font_size=14))
    targets = [t for t in projection.plan.targets if t.computable]

    def levels(indicator: str, which: str) -> list[float | None]:
        out: list[float | None] = []
        for year in data.years:
            vals = [getattr(t, which) for t in targets
                    if t.indicator == indicator and t.applies_to(year) and getattr(t, which) is not None]
            out.append(max(vals) if vals else None)
        return out

    block = [
        ("st_investment_share_grdp", "lower"), ("researcher_density", "lower"), ("researcher_density", "upper"),
    ]
    head_row, first = 2, 3
    ws.write_string(head_row, 0, _t("year", lang), fmt(bold=True))
    for col, (ind, which) in enumerate(block, start=1):
        label = f"{_t('target', lang)}: {INDICATORS[ind].label(lang)}" + (
            f" ({'cận trên' if lang == 'vi' else 'upper'})" if which == "upper" else "")
        ws.write_string(head_row, col, label, fmt(bold=True, text_wrap=True))
        for i, value in enumerate(levels(ind, which)):
            if value is not None:
                ws.write_number(first + i, col, float(value), fmt(num_format="0.0"))
    for i, year in enumerate(data.years):
        ws.write_number(first + i, 0, year, fmt(num_format="0"))
    last = first + len(data.years) - 1
    ys = layout.year_rows
    y0, y1 = ys[data.years[0]], ys[data.years[-1]]
    categories = [proj, y0, 0, y1, 0]

    def chart(indicator: str, target_cols: list[int], anchor: str, title: str) -> None:
        if indicator not in layout.projection_columns:
            return
        col = list(layout.projection_columns).index(indicator) + 1
        c = wb.add_chart({"type": "line"})
        c.add_series({
            "name": INDICATORS[indicator].label(lang), "categories": categories,
            "values": [proj, y0, col, y1, col], "line": {"color": "#0072B2", "width": 2.25},
            "marker": {"type": "circle", "size": 4, "fill": {"color": "#0072B2"}, "border": {"color": "#0072B2"}},
        })
        colours = ["#D55E00", "#E69F00"]
        for k, tcol in enumerate(target_cols):
            c.add_series({
                "name": [name, head_row, tcol], "categories": categories,
                "values": [name, first, tcol, last, tcol], "line": {"none": True},
                "marker": {"type": "diamond", "size": 8, "fill": {"color": colours[k % 2]},
                           "border": {"color": colours[k % 2]}},
            })
        c.set_title({"name": title, "name_font": {"size": 12}})
        c.set_y_axis({"name": INDICATORS[indicator].unit_label(lang), "num_format": "#,##0.0",
                      "major_gridlines": {"visible": True, "line": {"color": "#DDDDDD"}}})
        c.set_x_axis({"name": _t("year", lang), "interval_unit": 2})
        c.set_legend({"position": "bottom"})
        c.set_size({"width": 760, "height": 400})
        ws.insert_chart(anchor, c)

    chart("st_investment_share_grdp", [1], "F3",
          INDICATORS["st_investment_share_grdp"].label(lang) + (" và mục tiêu" if lang == "vi" else ", with targets"))
    chart("researcher_density", [2, 3], "F25",
          INDICATORS["researcher_density"].label(lang) + (" và mục tiêu" if lang == "vi" else ", with targets"))
    ws.set_column(0, 0, 7)
    ws.set_column(1, 3, 16)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)


# --------------------------------------------------------------------------- entry points


def _source_details(processed_dir: Path | None) -> dict[str, dict[str, Any]]:
    from khcn_analysis.data.baseline import load_source_details

    table = load_source_details(processed_dir)
    return {str(r["id"]): {k: ("" if pd.isna(v) else v) for k, v in r.items()} for r in table.to_dict("records")}


def _created() -> dt.datetime:
    """The workbook's 'created' stamp: fixed, so the same inputs give byte-identical files.

    xlsxwriter would stamp the current time (the only varying bytes); reproducible builds
    set ``SOURCE_DATE_EPOCH``, else 1980-01-01, the date xlsxwriter gives its zip entries.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(1980, 1, 1)


def write_workbook(projection: Projection, out: str | Path, *, lang: Lang = "vi",
                   source_details: pd.DataFrame | None = None,
                   processed_dir: Path | None = None) -> WorkbookLayout:
    """Write the workbook of one projected scenario to ``out`` and say where things are.

    ``source_details`` (id, url, name, quality, quote) defaults to
    ``data/processed/sources.csv``.
    """
    lang = check_lang(lang)
    out = Path(out)
    if out.is_dir():
        from khcn_analysis.core.errors import InputError

        raise InputError(out, None, "a folder", "a file name ending in .xlsx (not an existing folder)")
    out.parent.mkdir(parents=True, exist_ok=True)
    if source_details is None:
        details = _source_details(processed_dir)
    else:
        details = {str(r["id"]): {k: ("" if pd.isna(v) else v) for k, v in r.items()}
                   for r in source_details.to_dict("records")}
    data = _grid(projection)
    layout = WorkbookLayout(out, lang, {role: names[lang] for role, names in SHEET_NAMES.items()})
    params = _parameters(projection, lang)
    names = {p.id for p in params}
    base_rows = _assumption_rows(projection, data, lang, details)
    # A dry run of the Projection formulas says which anchors need a cell of their own.
    dry, _ = _projection_formulas(projection, data, names,
                                  {(a["variable"], a["year"]): "0" for a in base_rows}, {})
    base_rows = _assumption_rows(projection, data, lang, details, dry.needed)

    wb = xlsxwriter.Workbook(str(out), {
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    })
    try:
        wb.set_properties({"title": _t("title", lang, name=projection.scenario.title(lang)),
                           "subject": "khcn-workbook", "author": "khcn-workbook",
                           "comments": "khcn export-xlsx", "created": _created()})
        wb.set_calc_mode("auto")
        fmt = _Formats(wb)
        # Sheets are created in display order, then filled in dependency order:
        # Assumptions (names) → Projection (formulas over them) → Summary, Sources, Charts.
        sheets = {role: wb.add_worksheet(name) for role, name in layout.sheets.items()}
        base_cells, anchor_cells = _assumptions_sheet(wb, sheets["assumptions"], fmt, projection, lang,
                                                      params, base_rows, layout)
        _projection_sheet(sheets["projection"], fmt, projection, data, lang, names, base_cells,
                          anchor_cells, layout)
        _summary_sheet(sheets["summary"], fmt, projection, lang, layout)
        layout.source_ids = _used_source_ids(data, params, base_rows)
        _sources_sheet(sheets["sources"], fmt, _source_rows(layout.source_ids, projection, details, lang), lang)
        _charts_sheet(wb, sheets["charts"], fmt, projection, data, lang, layout)
        sheets["summary"].activate()
    finally:
        wb.close()
    return layout


def _used_source_ids(data: _Data, params: list[Parameter], base_rows: list[dict[str, Any]]) -> list[str]:
    ids: list[str] = []
    for sid in (*BASE_COLUMNS, *DERIVED_COLUMNS):
        for text in data.sources.get(sid, []):
            for item in text.split(";"):
                item = item.strip()
                if item and item not in ids:
                    ids.append(item)
    for p in params:
        if p.source and p.source not in ids:
            ids.append(p.source)
    for a in base_rows:
        for item in a["source"].split("; "):
            if item and item not in ids:
                ids.append(item)
    return ids


def default_output(scenario_name: str, lang: str = "vi") -> Path:
    from khcn_analysis.core.paths import reports_dir

    suffix = "" if lang == "vi" else f"-{lang}"
    return reports_dir() / "excel" / f"{scenario_name}{suffix}.xlsx"


def export_xlsx(scenario: Scenario | str | Path, out: str | Path | None = None, *, lang: Lang = "vi",
                processed_dir: Path | None = None, plan: Any = None) -> WorkbookLayout:
    """Project ``scenario`` and write its workbook (default ``reports/excel/<name>.xlsx``).

    ``processed_dir`` defaults to ``data/processed/`` (run ``khcn data build``).
    """
    from khcn_analysis import pipeline

    inputs = pipeline.load_inputs(processed_dir)
    ref = str(scenario) if isinstance(scenario, Path) else scenario
    projection = pipeline.run(ref, inputs=inputs, national=False).projection
    target = Path(out) if out is not None else default_output(projection.scenario.name, lang)
    return write_workbook(projection, target, lang=lang, processed_dir=processed_dir)
