"""Briefing text and reader tables for the report notebooks (03, 04, 05), vi and en.

Notebooks narrate and call the library; the sentences a briefing needs ("by 2030 the
scenario meets 1 of 4 computable targets") are computed from the engine's tidy tables
here, so a notebook cell stays one line and every number in the prose comes from data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue.status import ATTAINMENT_LABELS
from khcn_analysis.core.formatting import (
    Lang,
    check_lang,
    format_money_bn,
    format_number,
    format_percent,
)
from khcn_analysis.core.indicators import get_indicator, unit_label

MILESTONES = (2015, 2020, 2030)

HEADLINE_INDICATORS = (
    "population",
    "grdp",
    "budget_expenditure",
    "st_budget",
    "st_investment",
    "st_investment_share_grdp",
    "st_budget_share_expenditure",
    "researchers",
    "researcher_density",
    "funding_sufficiency",
)

#: Indicators a comparison across scenarios shows.
COMPARISON_INDICATORS = (
    "st_investment",
    "st_investment_share_grdp",
    "st_budget_share_expenditure",
    "researcher_density",
    "funding_sufficiency",
)

_T: dict[str, dict[str, str]] = {
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "year": {"vi": "Năm", "en": "Year"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "result": {"vi": "Kết quả", "en": "Result"},
    "gap": {"vi": "Còn thiếu", "en": "Shortfall"},
    "clause": {"vi": "Điều khoản", "en": "Clause"},
    **ATTAINMENT_LABELS,
    "projected": {"vi": "dự báo", "en": "projected"},
    "assumption": {"vi": "giả định", "en": "assumed"},
    "phase": {"vi": "Giai đoạn", "en": "Period"},
    "invested": {"vi": "Đầu tư KH&CN", "en": "S&T investment"},
    "needed": {"vi": "Cần để đạt mục tiêu", "en": "Needed for the target"},
    "sufficiency": {"vi": "Mức đáp ứng", "en": "Sufficiency"},
    "plan_budget": {"vi": "Kinh phí theo kế hoạch", "en": "Plan budget"},
    "extra": {"vi": "Cần thêm ngoài kế hoạch", "en": "Needed beyond the plan"},
    "researchers_end": {"vi": "Cán bộ nghiên cứu cần cuối kỳ", "en": "Researchers needed at the end"},
    "after_plan": {"vi": "Sau kế hoạch", "en": "After the plan"},
    "parameter": {"vi": "Tham số", "en": "Parameter"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "uses": {"vi": "Số giá trị dùng", "en": "Values using it"},
    "probability": {"vi": "Xác suất đạt", "en": "Probability of meeting"},
    "scenario": {"vi": "Kịch bản", "en": "Scenario"},
    "targets_met": {"vi": "Mục tiêu đạt", "en": "Targets met"},
    "observed_source": {"vi": "số liệu có nguồn", "en": "sourced figure"},
    "assumption_source": {"vi": "giả định (có lý do)", "en": "assumption (with reason)"},
    "plan_source": {"vi": "kế hoạch 2013", "en": "2013 plan"},
    "scenario_source": {"vi": "giả định của kịch bản", "en": "scenario assumption"},
}

# Scenario keys a reader needs, with labels; the rest are technical switches.
_PARAMETER_LABELS = {
    "base_year": ("Năm gốc", "Base year"),
    "grdp_growth_pct": ("Tăng trưởng GRDP danh nghĩa (%/năm)", "Nominal GRDP growth (% a year)"),
    "population_growth_pct": ("Tăng dân số (%/năm)", "Population growth (% a year)"),
    "budget_expenditure_growth_pct": ("Tăng chi ngân sách (%/năm)", "Budget expenditure growth (% a year)"),
    "st_budget_rule": ("Quy tắc chi ngân sách KH&CN", "S&T budget rule"),
    "after_plan": ("Sau năm 2020", "After 2020"),
    "austerity_cut_pct": ("Cắt giảm chi KH&CN (%)", "Cut in S&T spending (%)"),
    "nonstate_value": ("Vốn ngoài nhà nước (% tổng đầu tư KH&CN)", "Non-state money (% of S&T investment)"),
    "researcher_growth_value": ("Tăng cán bộ nghiên cứu", "Researcher growth"),
    "draws": ("Số lần mô phỏng", "Monte Carlo draws"),
    "seed": ("Hạt giống ngẫu nhiên", "Random seed"),
}


def t(key: str, lang: Lang = "vi") -> str:
    """A short label in the reader's language."""
    return _T[key][check_lang(lang)]


def _value_text(indicator: str, value: float, lang: Lang) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if indicator == "funding_sufficiency":
        return format_percent(value * 100, 0, lang)
    return get_indicator(indicator).format_value(value, lang)


def _unit_text(indicator: str, lang: Lang) -> str:
    if indicator == "funding_sufficiency":
        return "%"
    return get_indicator(indicator).unit_label(lang)


def scenario_title(scenario: Any, lang: Lang = "vi") -> str:
    """The scenario's title for readers (a model or an id); its id when it has none."""
    from khcn_analysis.model.scenarios import scenario_title as _title

    return _title(scenario, lang)


def scenario_label(scenario: Any, lang: Lang = "vi") -> str:
    """The scenario's description if it has one, else its id."""
    describe = getattr(scenario, "description", None)
    return describe(lang) if callable(describe) else str(scenario)


# --------------------------------------------------------------------------- 03: one scenario


def headline_table(table: pd.DataFrame, lang: Lang = "vi", years: Sequence[int] = MILESTONES,
                   indicators: Sequence[str] = HEADLINE_INDICATORS) -> pd.DataFrame:
    """The indicators in the plan's milestone years, projected values marked as such."""
    lang = check_lang(lang)
    rows = []
    for ind in indicators:
        sel = table.loc[table["variable"] == ind].set_index("year")
        if sel.empty:
            continue
        row = {t("indicator", lang): get_indicator(ind).label(lang), t("unit", lang): _unit_text(ind, lang)}
        for year in years:
            if year not in sel.index:
                row[str(year)] = "–"
                continue
            text = _value_text(ind, float(sel.at[year, "value"]), lang)
            status = str(sel.at[year, "status"])
            if status in ("projected", "assumption"):
                text += f" ({t(status, lang)})"
            row[str(year)] = text
        rows.append(row)
    return pd.DataFrame(rows)


def _province_computable(att: pd.DataFrame, years: Sequence[int] | None) -> pd.DataFrame:
    sel = att.loc[(att["scope"] == "province") & (att["status"] != "not_computable")]
    if years is not None:
        sel = sel.loc[sel["year"].isin(list(years))]
    return sel


def _target_text(row: Mapping[str, Any], lang: Lang) -> str:
    lower, upper = row["lower"], row["upper"]
    unit = "%" if row["unit"] == "%" else ""

    def n(v: float) -> str:
        return format_number(float(v), 1 if float(v) % 1 else 0, lang) + unit

    words = {
        "at_least": ("≥ {l}", "≥ {l}"),
        "greater_than": ("> {l}", "> {l}"),
        "at_most": ("≤ {u}", "≤ {u}"),
        "equal": ("= {l}", "= {l}"),
        "between": ("{l}–{u}", "{l}–{u}"),
    }[str(row["comparator"])]
    template = words[0 if lang == "vi" else 1]
    return template.format(
        l=n(lower) if lower is not None and not pd.isna(lower) else "",
        u=n(upper) if upper is not None and not pd.isna(upper) else "",
    )


def _gap_text(r: Mapping[str, Any], lang: Lang) -> str:
    """Shortfall in natural units; a negative gap means above an upper bound."""
    gap = r["gap"]
    if r["status"] == "met" or gap is None or pd.isna(gap):
        return "–"
    gap = float(gap)
    if r["gap_unit"] == "bn VND":
        amount = format_money_bn(abs(gap), 1, lang)
    else:
        unit = unit_label(str(r["gap_unit"]), lang)
        amount = f"{format_number(abs(gap), 0 if r['gap_unit'] == 'persons' else 1, lang)}{'%' if unit == '%' else ' ' + unit}"
    if gap < 0:
        return f"vượt {amount}" if lang == "vi" else f"{amount} above"
    return amount


def attainment_table(att: pd.DataFrame, lang: Lang = "vi", years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """The province's computable targets in the milestone years: value, met or not, shortfall."""
    lang = check_lang(lang)
    rows = []
    for _, r in _province_computable(att, years).iterrows():
        gap_text = _gap_text(r, lang)
        rows.append({
            t("indicator", lang): get_indicator(r["indicator"]).label(lang),
            t("year", lang): int(r["year"]),
            t("target", lang): _target_text(r, lang),
            t("value", lang): _value_text(r["indicator"], float(r["value"]), lang),
            t("result", lang): t(str(r["status"]), lang),
            t("gap", lang): gap_text,
            t("clause", lang): r["clause"],
        })
    return pd.DataFrame(rows)


def attainment_sentence(att: pd.DataFrame, name: str, lang: Lang = "vi", year: int = 2030) -> str:
    """"In 2030 scenario X meets k of n computable targets; missed: ...". """
    lang = check_lang(lang)
    sel = _province_computable(att, [year])
    met = sel.loc[sel["status"] == "met"]
    missed = sel.loc[sel["status"] == "not_met"]
    not_comp = att.loc[(att["scope"] == "province") & (att["status"] == "not_computable")]["target_id"].nunique()
    missed_names = ", ".join(dict.fromkeys(get_indicator(i).label(lang) for i in missed["indicator"]))
    name = scenario_title(name, lang)
    if lang == "vi":
        text = f"Năm {year}, kịch bản **{name}** đạt **{len(met)}/{len(sel)}** mục tiêu tính được của kế hoạch"
        text += f"; chưa đạt: {missed_names}." if missed_names else "."
        if not_comp:
            text += f" {not_comp} mục tiêu khác chưa tính được (cần số liệu do Sở KH&CN theo dõi)."
    else:
        text = f"In {year}, scenario **{name}** meets **{len(met)} of {len(sel)}** computable plan targets"
        text += f"; missed: {missed_names}." if missed_names else "."
        if not_comp:
            text += f" {not_comp} other targets cannot be computed yet (hand-tracked by the department)."
    return text


def _periods(projection: Any) -> list[tuple[str, int, int]]:
    plan = projection.plan
    periods = [(p.id, int(p.start_year), int(p.end_year)) for p in plan.phases]
    last = max(end for _, _, end in periods) if periods else int(projection.years[0]) - 1
    final = int(projection.years[-1])
    if last < final:
        periods.append(("after_plan", last + 1, final))
    return periods


def funding_by_phase(projection: Any, lang: Lang = "vi") -> pd.DataFrame:
    """Per plan phase (and 2021–2030): S&T investment, what the share target needs, the ratio."""
    lang = check_lang(lang)
    wide = projection.table.pivot(index="year", columns="variable", values="value")
    rows = []
    for pid, start, end in _periods(projection):
        sel = wide.loc[(wide.index >= start) & (wide.index <= end)]
        invested = float(sel["st_investment"].sum(min_count=1))
        needed = float(sel["funding_required"].sum(min_count=1)) if "funding_required" in sel else math.nan
        ratio = invested / needed if needed and not math.isnan(needed) else math.nan
        label = f"{t('after_plan', lang)} ({start}–{end})" if pid == "after_plan" else f"{start}–{end}"
        rows.append({
            t("phase", lang): label,
            t("invested", lang): format_money_bn(invested, 1, lang),
            t("needed", lang): format_money_bn(needed, 1, lang),
            t("sufficiency", lang): format_percent(ratio * 100, 0, lang) if not math.isnan(ratio) else "–",
        })
    return pd.DataFrame(rows)


def inverse_table(phases: pd.DataFrame, lang: Lang = "vi") -> pd.DataFrame:
    """:func:`khcn_analysis.judge.attainment.requirements` phases for a reader."""
    lang = check_lang(lang)
    rows = []
    for _, r in phases.iterrows():
        pid = str(r["phase"])
        if pid.startswith("after_plan"):
            label = f"{t('after_plan', lang)} ({int(r['start_year'])}–{int(r['end_year'])})"
        else:
            label = f"{int(r['start_year'])}–{int(r['end_year'])}"
        rows.append({
            t("phase", lang): label,
            t("plan_budget", lang): format_money_bn(float(r["plan_budget"]), 1, lang),
            t("needed", lang): format_money_bn(float(r["required_st_investment"]), 1, lang),
            t("extra", lang): format_money_bn(float(r["extra_over_plan"]), 1, lang),
            t("researchers_end", lang): format_number(float(r["researchers_needed_at_end"]), 0, lang),
        })
    return pd.DataFrame(rows)


def inverse_sentence(phases: pd.DataFrame, lang: Lang = "vi") -> str:
    lang = check_lang(lang)
    plan_rows = phases.loc[~phases["phase"].astype(str).str.startswith("after_plan")]
    plan_money = float(plan_rows["plan_budget"].sum())
    need = float(plan_rows["required_st_investment"].sum())
    start, end = int(plan_rows["start_year"].min()), int(plan_rows["end_year"].max())
    ratio = need / plan_money if plan_money else math.nan
    if lang == "vi":
        return (
            f"Để đạt mục tiêu tỷ lệ đầu tư KH&CN/GRDP trong {start}–{end}, tổng đầu tư xã hội cho KH&CN "
            f"cần khoảng **{format_money_bn(need, 0, lang)}**, gấp **{format_number(ratio, 1, lang)} lần** "
            f"kinh phí kế hoạch ({format_money_bn(plan_money, 1, lang)})."
        )
    return (
        f"To meet the S&T investment/GRDP targets in {start}–{end}, total social S&T investment would "
        f"need about **{format_money_bn(need, 0, lang)}**, **{format_number(ratio, 1, lang)} times** "
        f"the plan's budget ({format_money_bn(plan_money, 1, lang)})."
    )


def assumptions_table(scenario: Any, lang: Lang = "vi") -> pd.DataFrame:
    """The scenario's main assumptions, labelled."""
    lang = check_lang(lang)
    params = scenario.as_parameters()
    rows = []
    for key, (vi, en) in _PARAMETER_LABELS.items():
        if key not in params:
            continue
        value = params[key]
        if key in ("base_year", "seed") or not isinstance(value, int | float) or isinstance(value, bool):
            text = str(value)
        else:
            text = format_number(value, 2 if float(value) % 1 else 0, lang)
        if key in params.get("uncertainty", {}):
            dist = params["uncertainty"][key]
            text += f" ({dist['kind']}: {format_number(dist['low'], 1, lang)}–{format_number(dist['high'], 1, lang)})"
        rows.append({t("parameter", lang): vi if lang == "vi" else en, t("value", lang): text})
    return pd.DataFrame(rows)


def sources_used(table: pd.DataFrame, lang: Lang = "vi", details: pd.DataFrame | None = None,
                 assumptions: pd.DataFrame | None = None, limit: int | None = None) -> pd.DataFrame:
    """Every source id behind the projection, with its publisher or the assumption's reason."""
    lang = check_lang(lang)
    counts: dict[str, int] = {}
    for cell in table["source"].dropna().astype(str):
        for sid in filter(None, (s.strip() for s in cell.split(";"))):
            counts[sid] = counts.get(sid, 0) + 1
    det = details.drop_duplicates("id").set_index("id") if details is not None else None
    ass = assumptions.drop_duplicates("id").set_index("id") if assumptions is not None else None
    rows = []
    for sid, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if sid.startswith("assumption:"):
            key = sid.split(":", 1)[1]
            kind = t("assumption_source", lang)
            text = str(ass.at[key, "reason"]) if ass is not None and key in ass.index else key
        elif sid.startswith("plan:"):
            kind, text = t("plan_source", lang), sid
        elif sid.startswith("scenario:"):
            kind, text = t("scenario_source", lang), sid.split(":", 1)[1]
        else:
            kind = t("observed_source", lang)
            text = sid
            if det is not None and sid in det.index:
                text = f"{det.at[sid, 'name']} — {det.at[sid, 'url']}"
        rows.append({t("source", lang): sid, t("kind", lang): kind, t("value", lang): text, t("uses", lang): n})
    frame = pd.DataFrame(rows)
    return frame.head(limit) if limit else frame


# --------------------------------------------------------------------------- 04: comparison


def comparison_table(table: pd.DataFrame, lang: Lang = "vi", year: int = 2030,
                     indicators: Sequence[str] = COMPARISON_INDICATORS) -> pd.DataFrame:
    """Scenarios side by side: one row per indicator, one column per scenario, in ``year``."""
    lang = check_lang(lang)
    names = list(dict.fromkeys(table["scenario"].astype(str)))
    rows = []
    for ind in indicators:
        row = {t("indicator", lang): get_indicator(ind).label(lang)}
        for name in names:
            sel = table.loc[(table["scenario"] == name) & (table["variable"] == ind) & (table["year"] == year)]
            row[scenario_title(name, lang)] = _value_text(ind, float(sel["value"].iloc[0]), lang) if len(sel) else "–"
        rows.append(row)
    return pd.DataFrame(rows)


def attainment_counts(attainments: Mapping[str, pd.DataFrame], lang: Lang = "vi",
                      years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """Per scenario and milestone year: computable targets met, as ``k/n``."""
    lang = check_lang(lang)
    rows = []
    for name, att in attainments.items():
        row = {t("scenario", lang): scenario_title(name, lang)}
        for year in years:
            sel = _province_computable(att, [year])
            row[f"{t('targets_met', lang)} {year}"] = f"{int((sel['status'] == 'met').sum())}/{len(sel)}"
        rows.append(row)
    return pd.DataFrame(rows)


def comparison_sentence(table: pd.DataFrame, lang: Lang = "vi", year: int = 2030,
                        indicator: str = "st_investment_share_grdp") -> str:
    lang = check_lang(lang)
    sel = table.loc[(table["variable"] == indicator) & (table["year"] == year)].set_index("scenario")["value"]
    if sel.empty:
        return ""
    hi_id, lo_id = sel.idxmax(), sel.idxmin()
    hi, lo = scenario_title(hi_id, lang), scenario_title(lo_id, lang)
    label = get_indicator(indicator).label(lang)
    if lang == "vi":
        return (
            f"Năm {year}, {label} cao nhất ở kịch bản **{hi}** ({_value_text(indicator, sel[hi_id], lang)}) "
            f"và thấp nhất ở **{lo}** ({_value_text(indicator, sel[lo_id], lang)})."
        )
    return (
        f"In {year}, {label} is highest under **{hi}** ({_value_text(indicator, sel[hi_id], lang)}) "
        f"and lowest under **{lo}** ({_value_text(indicator, sel[lo_id], lang)})."
    )


# --------------------------------------------------------------------------- 05: uncertainty


def probability_table(probabilities: pd.DataFrame, lang: Lang = "vi",
                      years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """Share of Monte Carlo draws meeting each target in the milestone years."""
    lang = check_lang(lang)
    sel = probabilities.loc[probabilities["year"].isin(list(years))]
    rows = []
    for _, r in sel.iterrows():
        rows.append({
            t("indicator", lang): get_indicator(r["indicator"]).label(lang),
            t("year", lang): int(r["year"]),
            t("target", lang): _target_text(r, lang),
            t("probability", lang): format_percent(float(r["probability"]) * 100, 0, lang),
            t("clause", lang): r["clause"],
        })
    return pd.DataFrame(rows)


def probability_sentence(probabilities: pd.DataFrame, draws: int, seed: int, lang: Lang = "vi",
                         year: int = 2030) -> str:
    lang = check_lang(lang)
    sel = probabilities.loc[probabilities["year"] == year]
    if sel.empty:
        return ""
    best = sel.loc[sel["probability"].idxmax()]
    worst = sel.loc[sel["probability"].idxmin()]
    b_label = get_indicator(best["indicator"]).label(lang)
    w_label = get_indicator(worst["indicator"]).label(lang)
    n = format_number(draws, 0, lang)
    if lang == "vi":
        return (
            f"Qua {n} lần mô phỏng (hạt giống {seed}), khả năng đạt mục tiêu năm {year} cao nhất với "
            f"{b_label} ({format_percent(best['probability'] * 100, 0, lang)}) và thấp nhất với "
            f"{w_label} ({format_percent(worst['probability'] * 100, 0, lang)})."
        )
    return (
        f"Over {n} draws (seed {seed}), the chance of meeting the {year} target is highest for "
        f"{b_label} ({format_percent(best['probability'] * 100, 0, lang)}) and lowest for "
        f"{w_label} ({format_percent(worst['probability'] * 100, 0, lang)})."
    )


def parse_scenarios(value: str | Sequence[str]) -> list[str]:
    """A notebook's ``scenarios`` parameter: a list, or names separated by commas."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(s).strip() for s in items if str(s).strip()]


# --------------------------------------------------------------------------- notebook helpers

_HEADINGS: dict[str, dict[str, str]] = {
    "h03": {"vi": "Báo cáo kịch bản", "en": "Scenario report"},
    "h04": {"vi": "So sánh các kịch bản", "en": "Scenario comparison"},
    "h05": {"vi": "Độ bất định của dự báo", "en": "Uncertainty of the projection"},
    "headline": {"vi": "Các chỉ tiêu chính năm 2015, 2020 và 2030", "en": "Headline indicators in 2015, 2020 and 2030"},
    "attainment": {"vi": "Mức đạt các mục tiêu của kế hoạch", "en": "Attainment of the plan's targets"},
    "funding": {"vi": "Kinh phí có đủ không? Mức đáp ứng theo giai đoạn", "en": "Is the money enough? Sufficiency by period"},
    "inverse": {"vi": "Cần bao nhiêu để đạt mục tiêu?", "en": "What would the targets take?"},
    "charts": {"vi": "Biểu đồ", "en": "Charts"},
    "assumptions": {"vi": "Giả định đã dùng và nguồn số liệu", "en": "Assumptions used and their sources"},
    "side_by_side": {"vi": "Các kịch bản đặt cạnh nhau", "en": "Scenarios side by side"},
    "targets_met": {"vi": "Số mục tiêu đạt theo kịch bản", "en": "Targets met by scenario"},
    "fans": {"vi": "Dải dự báo (biểu đồ quạt)", "en": "Projection ranges (fan charts)"},
    "probabilities": {"vi": "Xác suất đạt mục tiêu", "en": "Probability of meeting the targets"},
    "sensitivity": {"vi": "Tham số nào quan trọng nhất?", "en": "Which parameter matters most?"},
    "marks": {
        "vi": "Ghi chú: “dự báo” là giá trị do mô hình tính cho kịch bản; “giả định” là giá trị giả định có ghi lý do; còn lại là số liệu có nguồn.",
        "en": "Note: “projected” values are computed by the model for this scenario; “assumed” values are assumptions with a stated reason; the rest are sourced figures.",
    },
    "sources_note": {
        "vi": "Các nguồn được dùng nhiều nhất (đầy đủ trong tệp projection.csv, cột source, và data/processed/sources.csv).",
        "en": "The most used sources (all of them are in projection.csv, column source, and data/processed/sources.csv).",
    },
}


def heading(key: str, lang: Lang = "vi") -> str:
    return _HEADINGS[key][check_lang(lang)]


def html_table(frame: pd.DataFrame, css_class: str) -> str:
    """A reader table as HTML without the index, tagged so tests and styles can find it."""
    return frame.to_html(index=False, classes=["dataframe", f"khcn-{css_class}"], border=0, escape=True)


def bands_long(bands: pd.DataFrame) -> pd.DataFrame:
    """Uncertainty bands (``p5 … p95`` columns) as ``variable, unit, year, percentile, value``."""
    pcols = [c for c in bands.columns if str(c).startswith("p") and str(c)[1:].isdigit()]
    keep = [c for c in ("scenario", "variable", "unit", "year") if c in bands.columns]
    long = bands.melt(id_vars=keep, value_vars=pcols, var_name="percentile", value_name="value")
    long["percentile"] = long["percentile"].str[1:].astype(int)
    return long


def tornado_effects(tornado: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """:func:`khcn_analysis.model.sensitivity.tornado` rows for one indicator, as the chart takes them."""
    sel = tornado.loc[tornado["variable"] == indicator]
    return sel.rename(columns={"value_low": "low", "value_high": "high"})
