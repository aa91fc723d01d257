"""Export what the page shows: the house charts (:mod:`khcn_analysis.present.charts`) and the workbook.

The live panel is a fast preview; a briefing needs the house charts at slide size
and the recalculating Excel workbook. Each export goes to a new sub-folder
``<folder>/<scenario>-<date-time>`` so it never overwrites an earlier one, and the
scenario is run again through the whole pipeline (every year judged), because the
live results judge only the milestone years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from khcn_analysis import pipeline
from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.core.paths import project_root
from khcn_analysis.present.explore.settings import default_export_dir

__all__ = ["ExportExists", "export", "export_folder"]


class ExportExists(InputError):
    """The export's folder exists already (two exports in the same second)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(folder, None, "an existing folder", "a new export folder (try again in a second)")


def export_folder(folder: str | Path | None, scenario: str, stamp: str | None = None) -> Path:
    """``<folder>/<scenario>-<stamp>``; a relative ``folder`` is taken from the project root."""
    base = Path(folder) if folder not in (None, "") else default_export_dir()
    if not base.is_absolute():
        base = project_root() / base
    stamp = stamp or dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / f"{scenario}-{stamp}"


def export(result: pipeline.Results, folder: str | Path | None = None, *, inputs: pipeline.Inputs,
           formats: Sequence[str] = ("png", "svg", "pdf"), lang: Lang = "vi", excel: bool = True,
           stamp: str | None = None) -> list[Path]:
    """Write the charts in every format asked and (``excel``) the workbook; return the paths."""
    import matplotlib.pyplot as plt

    from khcn_analysis.present import charts
    from khcn_analysis.present.excel import write_workbook

    lang = check_lang(lang)
    out = export_folder(folder, result.scenario.name, stamp)
    try:
        out.mkdir(parents=True)
    except FileExistsError:
        raise ExportExists(out) from None
    if not formats and not excel:  # nothing asked for: the folder only, no charts drawn for nothing
        return []
    full = pipeline.run(result.scenario, inputs=inputs)  # every year, as `khcn export-xlsx` runs it
    table, sources = full.table, full.sources
    figures = {} if not formats else {
        charts.CHART_NAMES[1]: charts.st_investment_share_chart(
            table, targets=full.attainment, lang=lang, source_details=sources),
        charts.CHART_NAMES[2]: charts.researcher_density_chart(
            table, targets=full.attainment, lang=lang, source_details=sources),
        charts.CHART_NAMES[3]: charts.funding_sufficiency_chart(table, lang=lang, source_details=sources),
    }
    written: list[Path] = []
    try:
        for stem, fig in figures.items():
            written += charts.save_figure(fig, out / stem, formats=tuple(formats))
    finally:
        for fig in figures.values():
            plt.close(fig)
    if excel:
        suffix = "" if lang == LANGS[0] else f"-{lang}"  # the default language has no suffix
        xlsx = out / f"{result.scenario.name}{suffix}.xlsx"
        write_workbook(full, xlsx, lang=lang)
        written.append(xlsx)
    return written
