"""The baseline as page 02 shows it: the built tables, read once, never rebuilt.

Notebook 02 used to call the build itself (and print its English log); the batch
already builds before it runs the notebooks, and a reader's page must not change
``data/processed``. :func:`load_baseline` reads the processed tables (checked
against the build's manifest), the department's import history and the findings,
and hands presentation plain frames and sentences: presentation never reads
``data/processed`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from khcn_analysis.core import paths
from khcn_analysis.data import baseline as tables
from khcn_analysis.data.assumption_ranges import (
    RANGES_FILE,
    AssumptionRange,
    load_assumption_ranges,
)
from khcn_analysis.data.build import CONFLICT_RULES
from khcn_analysis.data.facts import reason_code
from khcn_analysis.data.plausibility import describe

if TYPE_CHECKING:  # the department package (openpyxl) loads only when a page asks for it
    from khcn_analysis.data.department import HistoryRow

__all__ = ["BaselineView", "load_baseline"]


@dataclass(frozen=True)
class BaselineView:
    """Everything page 02 shows.

    ``observations`` … ``regional``: the processed tables; ``facts`` carries
    ``reason_code`` (``used``, ``target``, ``conflict`` …); ``findings``: the
    department figures set aside as implausible; ``conflict_rules``: the rule names
    in the order the build applies them; ``imports``: the department's import
    history, oldest first; ``ranges``: each assumption's plausible low–central–high
    (the projection uses the central value, the judge and the Monte Carlo the whole
    range); ``built_at``: when the tables were built.
    """

    observations: pd.DataFrame
    sources: pd.DataFrame
    assumptions: pd.DataFrame
    conflicts: pd.DataFrame
    facts: pd.DataFrame
    crosschecks: pd.DataFrame
    regional: pd.DataFrame
    findings: pd.DataFrame
    conflict_rules: tuple[str, ...]
    imports: tuple[HistoryRow, ...]
    ranges: tuple[AssumptionRange, ...]
    built_at: str

    def finding_texts(self, lang: str = "vi") -> list[str]:
        """One sentence per finding: how far out the figure is and the likely unit mistake."""
        return [describe(row, lang) for row in self.findings.to_dict("records")]

    def current_import(self) -> HistoryRow | None:
        return next((row for row in self.imports if row.current), None)


def _built_at(folder: Path) -> str:
    manifest = folder / "manifest.json"
    try:
        stamp = manifest.stat().st_mtime
    except OSError:
        return ""
    return pd.Timestamp(stamp, unit="s", tz="UTC").tz_convert("Asia/Ho_Chi_Minh").strftime("%d/%m/%Y %H:%M")


def load_baseline(processed_dir: str | Path | None = None, raw_dir: str | Path | None = None) -> BaselineView:
    """The built baseline (``khcn data build`` makes it; this never rebuilds it)."""
    from khcn_analysis.data.department import history

    folder = Path(processed_dir) if processed_dir is not None else paths.processed_dir()
    facts = tables.load_facts(folder)
    facts["reason_code"] = [reason_code(d, r) for d, r in zip(facts["disposition"], facts["reason"], strict=True)]
    findings = tables.load_processed_table("findings", folder)
    return BaselineView(
        observations=tables.load_observations(folder),
        sources=tables.load_source_details(folder),
        assumptions=tables.load_processed_table("assumptions", folder),
        conflicts=tables.load_conflicts(folder),
        facts=facts,
        crosschecks=tables.load_crosschecks(folder),
        regional=tables.load_regional(folder),
        findings=findings,
        conflict_rules=tuple(rule.name for rule in CONFLICT_RULES),
        imports=tuple(history(raw_dir)),
        ranges=load_assumption_ranges(Path(raw_dir) / RANGES_FILE if raw_dir is not None else None),
        built_at=_built_at(folder),
    )
