"""Before an import is stored: its figures against their plausible ranges.

The new figures are built together with the project's sourced facts and
assumptions exactly as ``khcn data build`` would build them, then screened by
``data/raw/plausibility.yaml``. A figure outside its range refuses the whole
file (exit 2) with one sentence per cell that says how far out it is and, where
reading it in million, thousand or plain đồng lands in the usual range, names
the likely unit mistake: "20.300 tỷ đồng — có phải là triệu đồng?".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import KhcnError
from khcn_analysis.data.assumptions import load_assumptions
from khcn_analysis.data.build import build_tables
from khcn_analysis.data.department.reader import Figure
from khcn_analysis.data.department.tables import SOURCE_COLUMNS
from khcn_analysis.data.plausibility import Finding, describe, load_rules, rules_path, screened_build
from khcn_analysis.data.sources import read_facts

__all__ = ["ImplausibleFigures", "implausible_figures"]


class ImplausibleFigures(KhcnError):
    """A filled template with figures outside their plausible range: nothing was stored."""

    def __init__(self, file: Path, problems: list[tuple[Figure, Finding]], lang: str) -> None:
        self.file = file
        self.problems = problems
        lines = [t("data.implausible.heading", lang, file=file, n=len(problems))]
        lines += ["  - " + t("data.implausible.cell", lang, sheet=fig.sheet, cell=fig.cell,
                            text=describe(finding, lang)) for fig, finding in problems]
        super().__init__("\n".join(lines))


def _rows_frame(rows: list[dict[str, str]], file_name: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    frame["file"] = file_name
    frame["row"] = range(2, len(frame) + 2)
    return frame


def implausible_figures(raw: Path, figures: list[Figure], rows: list[dict[str, str]], import_id: str
                        ) -> list[tuple[Figure, Finding]]:
    """The new import's figures that fail a rule, each with its finding (empty: all plausible).

    ``rows`` are the stored rows of ``figures`` (same order after sorting by variable
    and year); the references are the project's sourced facts and assumptions.
    """
    new = _rows_frame(rows, f"{import_id}.csv")
    sources_path, assumptions_path = raw / "sources.csv", raw / "assumptions.yaml"
    if sources_path.exists():
        facts = pd.concat([read_facts(sources_path), new], ignore_index=True)
        entries = load_assumptions(assumptions_path) if assumptions_path.exists() else []
    else:
        facts, entries = new, []
    rules = load_rules(rules_path(raw))
    _tables, findings = screened_build(facts, lambda f: build_tables(f, entries, assumptions_path), rules)
    by_id = {f"department.{import_id}.{fig.variable}.{fig.year}": fig for fig in figures}
    return [(by_id[f.fact_id], f) for f in findings if f.fact_id in by_id]
