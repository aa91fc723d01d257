"""What a report notebook does with text, a table or a chart: show it, and in a batch keep a file.

Notebooks 03–05 each carried their own copy of these helpers; they live here once,
so a page and its saved files are made the same way everywhere. Text given to
:meth:`Page.md` is Markdown built by :mod:`khcn_analysis.present.narrative`, which
escapes whatever a user typed; tables are written with every cell escaped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["Page"]


class Page:
    """A notebook page that may also save its charts and tables (``output_dir`` empty: it does not)."""

    def __init__(self, output_dir: str | Path | None = None) -> None:
        self.output_dir = Path(output_dir) if output_dir else None

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

    def show(self, fig, stem: str | None = None) -> None:
        """Display ``fig`` in the page and, in a batch, save it as ``<stem>.png`` and ``.svg``."""
        import matplotlib.pyplot as plt
        from IPython.display import display

        from khcn_analysis.present.chart_style import save_figure

        display(fig)
        if self.output_dir and stem:
            save_figure(fig, self.output_dir / stem, formats=("png", "svg"), dpi=150)
        plt.close(fig)

    def save_table(self, frame: pd.DataFrame, name: str) -> None:
        """In a batch, write ``frame`` as UTF-8 CSV next to the page."""
        if self.output_dir:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            frame.to_csv(self.output_dir / name, index=False, encoding="utf-8")
