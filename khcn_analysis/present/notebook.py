"""What a report notebook does with text, a table or a chart: show it, and in a batch keep a file.

Notebooks 03–05 each carried their own copy of these helpers; they live here once,
so a page and its saved files are made the same way everywhere. Text given to
:meth:`Page.md` is Markdown built by :mod:`khcn_analysis.present.narrative`, which
escapes whatever a user typed; tables are written with every cell escaped.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pandas as pd

__all__ = ["Page"]


class Page:
    """A notebook page that may also save its charts and tables (``output_dir`` empty: it does not)."""

    def __init__(self, output_dir: str | Path | None = None) -> None:
        self.output_dir = Path(output_dir) if output_dir else None
        #: The PNG bytes of each chart this page saved, by file stem: the batch's Word brief
        #: embeds these renders instead of drawing the same charts again.
        self.rendered: dict[str, bytes] = {}

    def md(self, *parts: str) -> None:
        """Show Markdown paragraphs (built by the narrative module), separated by blank lines."""
        from IPython.display import Markdown, display

        display(Markdown("\n\n".join(p for p in parts if p)))

    def table(self, frame: pd.DataFrame, css_class: str, csv: str | None = None) -> None:
        """Show a reader table (class ``khcn-<css_class>``) and, in a batch, save it as ``csv``."""
        from IPython.display import HTML, display

        from khcn_analysis.present.narrative.text import html_table

        display(HTML(html_table(frame, css_class)))
        if csv:
            self.save_table(frame, csv)

    #: Widest a chart is shown in the notebook and the page (the file keeps its full resolution);
    #: a smaller figure is shown at 100 px per inch, as the inline backend shows it.
    DISPLAY_WIDTH = 960

    def show(self, fig, stem: str | None = None) -> None:
        """Display ``fig`` and, in a batch, save it as ``<stem>.png``: drawn once, the file's bytes shown.

        The displayed image names its file (output metadata ``khcn_file``), so the report page
        links the file instead of carrying a second copy of the image.
        """
        import matplotlib.pyplot as plt
        from IPython.display import display

        from khcn_analysis.core.atomic import write_bytes
        from khcn_analysis.present.charts.chart_set import png_bytes
        from khcn_analysis.present.charts.frame import chart_texts

        if not (self.output_dir and stem):
            display(fig)
            plt.close(fig)
            return
        # One render serves the page, the notebook, the file and the batch's brief (a chart used
        # to be drawn three times: inline PNG, PNG file, SVG file, most of a page's time).
        self.rendered[stem] = png_bytes(fig)
        png = write_bytes(self.output_dir / f"{stem}.png", self.rendered[stem])
        width = min(self.DISPLAY_WIDTH, round(float(fig.get_figwidth()) * 100))
        meta = {"width": width, "khcn_file": png.as_posix(), "alt": chart_texts(fig).get("title") or _axes_title(fig) or stem}
        plt.close(fig)
        display({"image/png": base64.b64encode(self.rendered[stem]).decode("ascii"), "text/plain": meta["alt"]},
                raw=True, metadata={"image/png": meta})

    def save_table(self, frame: pd.DataFrame, name: str) -> None:
        """In a batch, write ``frame`` as UTF-8 CSV next to the page."""
        if self.output_dir:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            frame.to_csv(self.output_dir / name, index=False, encoding="utf-8")


def _axes_title(fig) -> str:
    """The first axes title, for a chart drawn outside the house frame (page 02's small charts)."""
    return next((title for ax in fig.axes for loc in ("left", "center") if (title := ax.get_title(loc))), "")
