"""The interactive scenario explorer: the logic behind ``notebooks/06_explore.ipynb`` and ``khcn explore``.

One concept per module, in the order data flows through the page:

* :mod:`.settings` -- what the controls hold, as plain values;
* :mod:`.session` -- :class:`Explorer`: settings → validated scenario → :func:`khcn_analysis.pipeline.run`;
* :mod:`.table` -- the 2015/2020/2030 table, worded from the judge's rows;
* :mod:`.preview` -- the live charts (fast previews; exports use the house charts);
* :mod:`.statuses` -- how a value's status and a verdict look (one table each);
* :mod:`.markup` -- HTML with every text escaped (titles and notes are data, never markup);
* :mod:`.scenario_file` -- save as a scenario file (never over a shipped one, atomically);
* :mod:`.export` -- the house charts and the Excel workbook in a new folder;
* :mod:`.controls` and :mod:`.app` -- the ipywidgets page.
"""

from __future__ import annotations

from khcn_analysis.core.config import MILESTONES
from khcn_analysis.present.explore.app import ExploreApp
from khcn_analysis.present.explore.preview import CHART_INDICATORS, LivePanel
from khcn_analysis.present.explore.scenario_file import SAVED_MARKER, SaveRefused
from khcn_analysis.present.explore.session import Explorer
from khcn_analysis.present.explore.settings import Settings, default_export_dir
from khcn_analysis.present.explore.table import TABLE_INDICATORS, summary_html, summary_rows

__all__ = [
    "CHART_INDICATORS",
    "MILESTONES",
    "SAVED_MARKER",
    "TABLE_INDICATORS",
    "ExploreApp",
    "Explorer",
    "LivePanel",
    "SaveRefused",
    "Settings",
    "default_export_dir",
    "summary_html",
    "summary_rows",
]
