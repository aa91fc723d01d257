"""The standard chart set, and writing charts to files (PNG, SVG, PDF and one PDF of all).

Files are written atomically (a full disk leaves the previous chart, never a 0-byte
PNG) and reproducibly: same inputs, same bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.atomic import atomic_path, write_bytes
from khcn_analysis.core.errors import InputError
from khcn_analysis.present.charts.budget import plan_budget_chart
from khcn_analysis.present.charts.comparison import scenario_comparison_chart
from khcn_analysis.present.charts.fan import fan_chart
from khcn_analysis.present.charts.frame import chart_texts
from khcn_analysis.present.charts.indicator import indicator_chart
from khcn_analysis.present.charts.inputs import ChartData, chart_data
from khcn_analysis.present.charts.style import SAVE_METADATA, SCREEN_DPI, house_style
from khcn_analysis.present.charts.sufficiency import funding_sufficiency_chart
from khcn_analysis.present.charts.text import w
from khcn_analysis.present.charts.tornado import tornado_chart

__all__ = ["CHART_NAMES", "SCREEN_DPI", "SET_PDF", "png_bytes", "save_figure", "standard_charts", "write_chart_set"]

#: zlib level of every PNG we write: at 1 a chart encodes in a third of the time of PIL's
#: default (6), a fifth of a page chart's render, for files about 13% larger (flat colours
#: compress well either way). The same bytes for the same figure, whatever the level.
PNG_COMPRESS_LEVEL = 1

#: File stems of the standard set, in the order of the multi-page PDF.
CHART_NAMES = (
    "01-ngan-sach-ke-hoach",
    "02-dau-tu-khcn-grdp",
    "03-can-bo-nghien-cuu",
    "04-muc-dap-ung-kinh-phi",
    "05-so-sanh-kich-ban",
    "06-bat-dinh",
    "07-do-nhay",
)
SET_PDF = "bo-bieu-do"


def standard_charts(
    data,
    *,
    comparison_indicator: str = "st_investment_share_grdp",
    scenarios: Sequence[str] | None = None,
    lang: str = "vi",
    size: str = "slide",
    **frames: pd.DataFrame | None,
) -> dict[str, Figure]:
    """The standard chart set, keyed by file stem.

    ``data``: the runs (:class:`Results`, the first being the one single-scenario
    charts describe: give it ``uncertainty=True, tornado=True`` for the fan and the
    tornado), or a projection table with the frames as keywords (``budget``,
    ``attainment``, ``sufficiency``, ``bands``, ``probabilities``, ``tornado``,
    ``sources``). Charts whose input is missing are left out rather than drawn empty.
    """
    cd = chart_data(data)
    unknown = set(frames) - {f.name for f in dataclasses.fields(ChartData)}
    if unknown:
        raise InputError(None, "standard_charts", ", ".join(sorted(unknown)),
                         "frames named like ChartData's fields")
    cd = dataclasses.replace(cd, **{k: v for k, v in frames.items() if v is not None})
    names = list(scenarios) if scenarios else cd.scenarios
    kw = {"lang": lang, "size": size, "sources": cd.sources, "titles": cd.titles}
    figs: dict[str, Figure] = {}
    if cd.budget is not None:
        figs[CHART_NAMES[0]] = plan_budget_chart(cd.budget, lang=lang, size=size)
    for stem, indicator in ((CHART_NAMES[1], "st_investment_share_grdp"), (CHART_NAMES[2], "researcher_density")):
        figs[stem] = indicator_chart(cd.table, indicator, attainment=cd.attainment, scenarios=names[:1], **kw)
    figs[CHART_NAMES[3]] = funding_sufficiency_chart(cd.table, scenarios=names, verdicts=cd.sufficiency, **kw)
    figs[CHART_NAMES[4]] = scenario_comparison_chart(cd.table, comparison_indicator, scenarios=names,
                                                     attainment=cd.attainment, **kw)
    if cd.bands is not None:
        primary = cd.table.loc[cd.table["scenario"].astype(str) == names[0]]
        figs[CHART_NAMES[5]] = fan_chart(cd.bands, comparison_indicator, history=primary,
                                         attainment=_of(cd.attainment, names[0]),
                                         probabilities=cd.probabilities, scenario=names[0], **kw)
    if cd.tornado is not None:
        year = int(cd.tornado["year"].max()) if "year" in cd.tornado.columns else int(cd.table["year"].max())
        figs[CHART_NAMES[6]] = tornado_chart(cd.tornado, indicator=comparison_indicator, year=year,
                                             scenario=names[0], lang=lang, size=size, titles=cd.titles)
    return figs


def _of(rows: pd.DataFrame | None, scenario: str) -> pd.DataFrame | None:
    if rows is None or "scenario" not in rows.columns:
        return rows
    return rows.loc[rows["scenario"].astype(str) == scenario]


def save_figure(fig: Figure, out_stem: str | Path, formats: Sequence[str] = ("png", "svg", "pdf"),
                dpi: int = 300) -> list[Path]:
    """Write ``out_stem.<fmt>`` for each format, atomically and reproducibly; return the paths."""
    out_stem = Path(out_stem)
    paths: list[Path] = []
    title = chart_texts(fig).get("title")
    for fmt in formats:
        if fmt not in SAVE_METADATA:
            raise InputError(None, "formats", fmt, "png, svg or pdf")
        meta = dict(SAVE_METADATA[fmt])
        if title and fmt in ("pdf", "svg"):
            meta["Title"] = title
        path = out_stem.with_name(f"{out_stem.name}.{fmt}")
        if fmt == "png":  # the one PNG render, as pages and the brief embed it
            write_bytes(path, png_bytes(fig, dpi))
        else:
            with house_style(), atomic_path(path) as tmp:
                fig.savefig(tmp, format=fmt, dpi=dpi, metadata=meta)
        paths.append(path)
    return paths


def png_bytes(fig: Figure, dpi: int = SCREEN_DPI) -> bytes:
    """The figure as PNG bytes: the one PNG render (files, report pages and the brief all use it)."""
    import io

    buffer = io.BytesIO()
    with house_style():
        fig.savefig(buffer, format="png", dpi=dpi, metadata=dict(SAVE_METADATA["png"]),
                    pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
    return buffer.getvalue()


def write_chart_set(figures: dict[str, Figure], out_dir: str | Path, *,
                    formats: tuple[str, ...] = ("png", "svg", "pdf"), dpi: int = 300,
                    set_name: str = SET_PDF, lang: str = "vi") -> list[Path]:
    """Each chart in every format, plus one multi-page PDF of the whole set (one chart a page)."""
    from matplotlib.backends.backend_pdf import PdfPages

    out_dir = Path(out_dir)
    written: list[Path] = []
    for stem, fig in figures.items():
        written += save_figure(fig, out_dir / stem, formats=formats, dpi=dpi)
    combined = out_dir / f"{set_name}.pdf"
    meta = {**SAVE_METADATA["pdf"], "Title": w("set.title", lang)}
    with house_style(), atomic_path(combined) as tmp, PdfPages(tmp, metadata=meta) as pdf:
        for fig in figures.values():
            pdf.savefig(fig)
    written.append(combined)
    return written
