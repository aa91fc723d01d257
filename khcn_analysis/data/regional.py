"""Lai Châu beside its neighbours, the Northern midlands and mountains region and Vietnam.

Why: the plan's general aim is to reach the region's average S&T level, so every
comparable figure the sources hold is put side by side, one tidy row per region,
indicator and year, each with its source. Only like is set beside like: the
S&T line share is computed from the same budget form (B50, provincial level) in
every province; the national recurrent S&T share uses total expenditure and is
kept under its own id.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from khcn_analysis.core.formatting import format_number

__all__ = ["REGIONS", "REGIONAL_VARIABLES", "regional_chart", "regional_snapshot",
           "regional_table"]

REGIONS = ["Lai Chau", "Dien Bien", "Lao Cai", "Son La", "Ha Giang", "Thai Nguyen",
           "Northern midlands and mountain areas", "Vietnam"]
REGION_LABELS = {
    "vi": {"Lai Chau": "Lai Châu", "Dien Bien": "Điện Biên", "Lao Cai": "Lào Cai",
           "Son La": "Sơn La", "Ha Giang": "Hà Giang", "Thai Nguyen": "Thái Nguyên",
           "Northern midlands and mountain areas": "Trung du và miền núi phía Bắc",
           "Vietnam": "Cả nước"},
    "en": {"Lai Chau": "Lai Châu", "Dien Bien": "Điện Biên", "Lao Cai": "Lào Cai",
           "Son La": "Sơn La", "Ha Giang": "Hà Giang", "Thai Nguyen": "Thái Nguyên",
           "Northern midlands and mountain areas": "Northern midlands & mountains",
           "Vietnam": "Vietnam"},
}
#: variable id -> (vi label, en label)
REGIONAL_VARIABLES = {
    "population": ("Dân số trung bình (nghìn người)", "Average population (thousand)"),
    "grdp_per_capita": ("GRDP bình quân đầu người (triệu đồng, giá hiện hành)",
                        "GRDP per capita (M VND, current prices)"),
    "gdp_per_capita": ("GDP bình quân đầu người (triệu đồng)", "GDP per capita (M VND)"),
    "st_line_share_recurrent_provincial": (
        "Dòng chi sự nghiệp KH&CN / chi thường xuyên cấp tỉnh (%, dự toán)",
        "S&T recurrent line / provincial-level recurrent spending (%, plan)"),
    "st_budget_recurrent_share_expenditure": (
        "Chi sự nghiệp KH&CN / tổng chi NSNN (%, cả nước)",
        "Recurrent S&T spending / total state expenditure (%, national)"),
    "pii_score": ("Chỉ số đổi mới sáng tạo cấp tỉnh PII (điểm)", "Provincial innovation index PII"),
}
COLUMNS = ["region", "variable", "unit", "basis", "year", "value", "status", "source", "note"]


def _line_shares(obs: pd.DataFrame) -> pd.DataFrame:
    line = obs[obs.variable == "st_budget_recurrent_provincial_level"]
    total = obs[obs.variable == "budget_expenditure_recurrent_provincial_level"]
    both = line.merge(total, on=["region", "year"], suffixes=("", "_total"))
    return pd.DataFrame({
        "region": both["region"], "variable": "st_line_share_recurrent_provincial",
        "unit": "%", "basis": "n/a", "year": both["year"],
        "value": both["value"] / both["value_total"] * 100, "status": "derived",
        "source": both["source"] + ";" + both["source_total"],
        "note": "S&T recurrent line ÷ provincial-level recurrent spending, both form-B50 plans",
    }, columns=COLUMNS)


def regional_table(obs: pd.DataFrame) -> pd.DataFrame:
    """The comparison, long and tidy: every region and year the sources have."""
    direct = obs[obs.region.isin(REGIONS) & obs.variable.isin(REGIONAL_VARIABLES)]
    table = pd.concat([direct[COLUMNS], _line_shares(obs)], ignore_index=True)
    order = {r: i for i, r in enumerate(REGIONS)}
    return table.sort_values(["variable", "region", "year"], key=lambda s: s.map(order)
                             if s.name == "region" else s).reset_index(drop=True)


def regional_snapshot(table: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The latest year per region and indicator, one row per region (for a notebook table)."""
    latest = table.sort_values("year").groupby(["variable", "region"]).tail(1)
    latest = latest.assign(cell=[f"{format_number(v, 2 if abs(v) < 100 else 0, lang)} ({y})"
                                 for v, y in zip(latest.value, latest.year, strict=True)])
    wide = latest.pivot(index="region", columns="variable", values="cell")
    wide = wide.reindex([r for r in REGIONS if r in wide.index])
    idx = 0 if lang == "vi" else 1
    wide.columns = [REGIONAL_VARIABLES[c][idx] for c in wide.columns]
    wide.index = [REGION_LABELS[lang][r] for r in wide.index]
    return wide.fillna("–")


def regional_chart(table: pd.DataFrame, variable: str, lang: str = "vi") -> plt.Figure:
    """Bars of the latest value per region for one indicator; Lai Châu highlighted."""
    latest = table[table.variable == variable].sort_values("year").groupby("region").tail(1)
    order = {r: i for i, r in enumerate(REGIONS)}
    latest = latest.sort_values("region", key=lambda s: s.map(order))
    fig, ax = plt.subplots(figsize=(8, 3.8))
    colors = ["#c0392b" if r == "Lai Chau" else "#7f8c8d" for r in latest.region]
    labels = [f"{REGION_LABELS[lang][r]}\n({y})" for r, y in
              zip(latest.region, latest.year, strict=True)]
    ax.barh(labels, latest.value, color=colors)
    for i, v in enumerate(latest.value):
        ax.text(v, i, " " + format_number(v, 2, lang), va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_title(REGIONAL_VARIABLES[variable][0 if lang == "vi" else 1], fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
