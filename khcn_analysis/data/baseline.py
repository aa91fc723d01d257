"""Read the processed baseline (``data/processed/``) for everything downstream.

Why one reader: the engine, charts, reports and notebooks must all see the same
built tables with the same columns; if the build has not run, they say so with
the command that fixes it instead of failing on a missing file.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from khcn_analysis.core.errors import InputError, NotBuiltError
from khcn_analysis.core.formatting import format_number

__all__ = [
    "STATUSES",
    "load_conflicts",
    "load_crosschecks",
    "load_facts",
    "load_observations",
    "load_processed_table",
    "load_regional",
    "load_source_details",
    "main_series_chart",
    "series",
    "series_chart",
    "source_line",
    "status_overview",
]

OBSERVATION_COLUMNS = ["region", "variable", "unit", "basis", "year", "value", "status",
                       "source", "note"]
STATUSES = ("observed", "derived", "interpolated", "assumption")
#: marker style per status: observed filled, derived hollow, interpolated small, assumed cross
STATUS_STYLE = {
    "observed": {"marker": "o", "color": "#1f4e79", "fillstyle": "full"},
    "derived": {"marker": "s", "color": "#2e86c1", "fillstyle": "none"},
    "interpolated": {"marker": ".", "color": "#7f8c8d", "fillstyle": "full"},
    "assumption": {"marker": "X", "color": "#c0392b", "fillstyle": "full"},
}
STATUS_LABELS = {
    "vi": {"observed": "quan sát (có nguồn)", "derived": "suy ra (tính từ số liệu có nguồn)",
           "interpolated": "nội suy", "assumption": "giả định"},
    "en": {"observed": "observed (sourced)", "derived": "derived (computed from sources)",
           "interpolated": "interpolated", "assumption": "assumption"},
}
_REGION_ALIASES = {"Lai Châu": "Lai Chau", "Điện Biên": "Dien Bien", "Lào Cai": "Lao Cai",
                   "Sơn La": "Son La", "Hà Giang": "Ha Giang", "Thái Nguyên": "Thai Nguyen",
                   "Việt Nam": "Vietnam"}


def _dir(processed_dir: str | Path | None) -> Path:
    from khcn_analysis.core.paths import processed_dir as default

    return Path(processed_dir) if processed_dir is not None else default()


def load_processed_table(name: str, processed_dir: str | Path | None = None) -> pd.DataFrame:
    """One table of ``data/processed/`` by name (``observations``, ``conflicts`` …)."""
    path = _dir(processed_dir) / f"{name}.csv"
    if not path.exists():
        raise NotBuiltError(f"{path} does not exist: run `khcn data build` first "
                            "(or `make report`)")
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def load_observations(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """The long observations table: region, variable, unit, basis, year, value, status, source, note."""
    obs = load_processed_table("observations", processed_dir)
    obs["year"] = obs["year"].astype(int)
    obs["value"] = obs["value"].astype(float)
    obs["note"] = obs["note"].fillna("")
    return obs[OBSERVATION_COLUMNS]


def load_source_details(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """Every id used in ``source``: id, url, name, quality, quote."""
    return load_processed_table("sources", processed_dir)[["id", "url", "name", "quality",
                                                            "quote"]]


def load_conflicts(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("conflicts", processed_dir)


def load_crosschecks(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("crosschecks", processed_dir)


def load_regional(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("regional", processed_dir)


def load_facts(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """Every raw fact with its disposition (observation, rejected, excluded) and reason."""
    return load_processed_table("facts", processed_dir)


def series(region: str, variable: str, *, basis: str | None = None,
           statuses: tuple[str, ...] | None = None, years: range | list[int] | None = None,
           observations: pd.DataFrame | None = None,
           processed_dir: str | Path | None = None) -> pd.DataFrame:
    """One series (one row per year, sorted), e.g. ``series("Lai Chau", "population")``.

    ``region`` accepts the ASCII id or the Vietnamese name. Raises InputError when
    the series holds two bases (pass ``basis``) or nothing matches.
    """
    obs = observations if observations is not None else load_observations(processed_dir)
    region = _REGION_ALIASES.get(region, region)
    out = obs[(obs.region == region) & (obs.variable == variable)]
    if out.empty:
        known = sorted(obs.loc[obs.region == region, "variable"].unique())
        raise InputError(None, "series", f"{region}/{variable}",
                         f"a built series; {region} has: {', '.join(known) or 'nothing'}")
    if basis is not None:
        out = out[out.basis == basis]
    elif out["basis"].nunique() > 1:
        raise InputError(None, f"series {region}/{variable}", sorted(out.basis.unique()),
                         "one basis: pass basis=...")
    if statuses is not None:
        out = out[out.status.isin(statuses)]
    if years is not None:
        out = out[out.year.isin(list(years))]
    return out.sort_values("year").reset_index(drop=True)


def source_line(ids: str | list[str], details: pd.DataFrame, lang: str = "vi") -> str:
    """A "Nguồn: …" line naming the publishers behind a set of source ids."""
    if isinstance(ids, str):
        ids = [i for part in ids.split(";") for i in [part.strip()] if i]
    names = details.set_index("id").reindex(ids)["name"].dropna().unique()
    return ("Nguồn: " if lang == "vi" else "Source: ") + "; ".join(names)


def series_chart(data: pd.DataFrame, *, title: str, unit: str, lang: str = "vi",
                 ax: plt.Axes | None = None) -> plt.Figure:
    """A line through one series with a marker per status, so assumed values stand out."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 3.6))
    else:
        fig = ax.figure
    # the line breaks over missing years: a gap is not bridged (e.g. across the GRDP revision)
    full = data.set_index("year")["value"].reindex(range(int(data.year.min()),
                                                         int(data.year.max()) + 1))
    ax.plot(full.index, full.values, color="#95a5a6", linewidth=1, zorder=1)
    for status in STATUSES:
        part = data[data.status == status]
        if part.empty:
            continue
        style = STATUS_STYLE[status]
        ax.plot(part.year, part.value, linestyle="none", markersize=7, zorder=2,
                marker=style["marker"], color=style["color"], fillstyle=style["fillstyle"],
                label=STATUS_LABELS[lang][status])
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_ylabel(unit)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.set_major_formatter(lambda v, _pos: format_number(v, 0 if abs(v) >= 100 else 1,
                                                               lang))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


#: Labels of the main Lai Châu series shown in notebook 02: id -> (vi, en, unit vi, unit en).
MAIN_SERIES = {
    "population": ("Dân số trung bình", "Average population", "nghìn người", "thousand persons"),
    "grdp": ("GRDP (giá hiện hành)", "GRDP (current prices)", "tỷ đồng", "bn VND"),
    "budget_expenditure": ("Tổng chi ngân sách địa phương (dự toán)",
                           "Total local budget expenditure (plan)", "tỷ đồng", "bn VND"),
    "budget_revenue_local": ("Thu NSĐP được hưởng (dự toán)",
                             "Local budget revenue kept (plan)", "tỷ đồng", "bn VND"),
    "st_budget": ("Chi ngân sách cho KH&CN", "State budget spending on S&T", "tỷ đồng",
                  "bn VND"),
    "st_investment": ("Tổng đầu tư xã hội cho KH&CN", "Total social investment in S&T",
                      "tỷ đồng", "bn VND"),
    "researchers": ("Cán bộ nghiên cứu (số người)", "Researchers (headcount)", "người",
                    "persons"),
}


def status_overview(obs: pd.DataFrame, region: str = "Lai Chau",
                    variables: list[str] | None = None) -> pd.DataFrame:
    """Years covered per series and status: what we know and how we know it."""
    variables = variables or list(MAIN_SERIES)
    part = obs[(obs.region == region) & obs.variable.isin(variables)]

    def years(ys: pd.Series) -> str:
        ys = sorted(set(int(y) for y in ys))
        runs, start = [], ys[0]
        for a, b in zip(ys, [*ys[1:], None], strict=True):
            if b != a + 1:
                runs.append(str(start) if start == a else f"{start}–{a}")
                start = b
        return ", ".join(runs)

    table = part.groupby(["variable", "status"])["year"].apply(years).unstack("status")
    table = table.reindex(index=[v for v in variables if v in table.index],
                          columns=[s for s in STATUSES if s in table.columns])
    return table.fillna("")


def main_series_chart(obs: pd.DataFrame, variable: str, lang: str = "vi") -> plt.Figure:
    """Chart of one main Lai Châu series, statuses distinguished (notebook 02)."""
    vi, en, unit_vi, unit_en = MAIN_SERIES[variable]
    data = series("Lai Chau", variable, observations=obs)
    title = f"Lai Châu – {vi if lang == 'vi' else en}"
    return series_chart(data, title=title, unit=unit_vi if lang == "vi" else unit_en, lang=lang)
