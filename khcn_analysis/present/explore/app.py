"""The ipywidgets page: controls on the left, the milestone table and live charts on the right.

``ExploreApp(scenario="plan_as_written", lang="vi").widget`` is the whole page; the
notebook displays it and ``khcn explore`` serves it with Voilà. The controls are
built in :mod:`.controls`; this class wires them to an :class:`~.session.Explorer`:
a change recomputes through the pipeline and redraws what changed. Every widget
carries a CSS class ``khcn-<name>`` so the browser test can find it, and every text
that reaches an HTML widget is escaped (:mod:`.markup`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.paths import project_root
from khcn_analysis.model.scenarios import scenario_title
from khcn_analysis.pipeline import Results
from khcn_analysis.present.explore.controls import Controls
from khcn_analysis.present.explore.export import ExportExists
from khcn_analysis.present.explore.markup import bold, esc, message
from khcn_analysis.present.explore.preview import LivePanel
from khcn_analysis.present.explore.scenario_file import SaveRefused
from khcn_analysis.present.explore.session import Explorer
from khcn_analysis.present.explore.settings import RANGES, Settings
from khcn_analysis.present.explore.statuses import VERDICT_STYLES
from khcn_analysis.present.explore.table import summary_html

__all__ = ["ExploreApp"]


def _message(text: str, *, ok: bool) -> str:
    style = VERDICT_STYLES["met" if ok else "not_met"]
    return message(text, ok=ok, colours=(style.colour, style.background))


def _shown_path(path: Path) -> str:
    try:
        return str(Path(path).relative_to(project_root()))
    except ValueError:
        return str(path)


def _warnings(result: Results, lang: str) -> str:
    """The judge's plausibility warnings (a projection no province could follow), one line each."""
    frame = getattr(result, "warnings", None)
    if frame is None or frame.empty:
        return ""
    style = VERDICT_STYLES["not_met"]
    lines = "".join(f"<div>⚠ {esc(text)}</div>" for text in frame[f"message_{lang}"])
    return (f'<div class="khcn-warnings" style="color:{style.colour};background:{style.background};'
            f'padding:4px 8px;margin-top:4px;border-radius:4px;font-size:13px">{lines}</div>')


class ExploreApp(Controls):
    """The page: an :class:`Explorer` (model) behind the :class:`Controls` (widgets)."""

    def __init__(self, scenario: str = "plan_as_written", lang: Lang = "vi", *,
                 explorer: Explorer | None = None, export_dir: str | Path | None = None) -> None:
        self.lang: Lang = check_lang(lang)
        self.explorer = explorer or Explorer()
        self.panel = LivePanel()
        self.result: Results | None = None
        self.last_seconds = 0.0
        self._busy = False
        self._told: dict[Any, tuple[Callable[[str], str], bool]] = {}
        names = self.explorer.scenario_names()
        if scenario not in names:
            raise InputError(None, "scenario", scenario, "one of: " + ", ".join(names))
        self.build(scenario, export_dir)
        self.load(scenario)

    # ---- what Controls asks of the model

    def base_options(self) -> list[tuple[str, str]]:
        """Scenario titles shown (as text, never markup), ids as values."""
        return [(scenario_title(n, self.lang), n) for n in self.explorer.scenario_names()]

    def nonstate_mode(self) -> str:
        if not hasattr(self, "base_dd"):
            return "share_of_total"
        sc, _ = self.explorer.base(self.base_dd.value)
        return sc.nonstate_mode

    # ---- model <-> widgets

    def settings(self) -> Settings:
        """The controls' current values."""
        return Settings(
            base=self.base_dd.value,
            grdp_growth_pct=self.grdp.value,
            population_growth_pct=self.population.value,
            st_budget_rule=self.rule_dd.value,
            budget_level_pct=self.level.value,
            budget_share_pct=self.share.value,
            nonstate_value=self.nonstate.value,
            researcher_rule=self.res_rule.value,
            researcher_growth_mode=self.res_mode.value,
            researcher_growth_persons=self.persons.value,
            researcher_growth_percent=self.percent.value,
        )

    def _set_slider(self, slider: Any, value: float, key: str) -> None:
        lo, hi, step = RANGES[key]
        slider.min, slider.max = min(lo, math.floor(value)), max(hi, math.ceil(value))
        slider.step = step
        slider.value = value

    def load(self, name: str) -> None:
        """Set every control from scenario ``name`` and recompute once."""
        s = self.explorer.settings_for(name)
        self._busy = True
        try:
            if self.base_dd.value != name:
                self.base_dd.value = name
            self._set_slider(self.grdp, s.grdp_growth_pct, "grdp_growth_pct")
            self._set_slider(self.population, s.population_growth_pct, "population_growth_pct")
            self.rule_dd.value = s.st_budget_rule
            self._set_slider(self.level, s.budget_level_pct, "budget_level_pct")
            self._set_slider(self.share, s.budget_share_pct, "budget_share_pct")
            self._set_slider(self.nonstate, s.nonstate_value, f"nonstate_{self.nonstate_mode()}")
            self.res_rule.value = s.researcher_rule
            self.res_mode.value = s.researcher_growth_mode
            self._set_slider(self.persons, s.researcher_growth_persons, "researcher_growth_persons")
            self._set_slider(self.percent, s.researcher_growth_percent, "researcher_growth_percent")
        finally:
            self._busy = False
        self.relabel()
        self.refresh()

    # ---- events

    def on_change(self, _change: Any = None) -> None:
        if not self._busy:
            self.refresh()

    def on_base(self, change: Any) -> None:
        if not self._busy:
            self.load(change["new"])

    def on_lang(self, change: Any) -> None:
        if not self._busy:
            self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Relabel every control and message and redraw in ``lang``."""
        self.lang = check_lang(lang)
        self._busy = True
        try:
            if self.lang_tb.value != lang:
                self.lang_tb.value = lang
            self.relabel()
        finally:
            self._busy = False
        for widget, (text, ok) in self._told.items():
            widget.value = _message(text(self.lang), ok=ok)
        self.refresh()

    def tell(self, widget: Any, text: Callable[[str], str], *, ok: bool) -> None:
        """A message beside a button, kept so a change of language rewords it."""
        self._told[widget] = (text, ok)
        widget.value = _message(text(self.lang), ok=ok)

    def refresh(self) -> Results | None:
        """Recompute through the pipeline and redraw the table and the charts whose numbers changed."""
        start = time.perf_counter()
        self.visibility()
        try:
            settings = self.settings()
            name = self.explorer.current_name(settings, self.save_name.value.strip())
            result = self.explorer.compute(settings, name=name)
        except KhcnError as err:
            self.status.value = _message(f"{t('explore.error', self.lang)}: {err}", ok=False)
            return None
        self.result = result
        self.table_html.value = summary_html(result, self.lang)
        for ind, png in self.panel.render(result, self.lang).items():
            if self.images[ind].value != png:
                self.images[ind].value = png
        label = f"{esc(t('explore.scenario', self.lang))}: {bold(result.scenario.title(self.lang))}"
        if self.explorer.changes(settings):
            base = scenario_title(self.base_dd.value, self.lang)
            label += f" ({esc(t('explore.modified', self.lang))} {esc(base)})"
        else:
            label += f" – {esc(result.scenario.description(self.lang))}"
        self.status.value = f"<div style='font-size:14px'>{label}</div>{_warnings(result, self.lang)}"
        self.last_seconds = time.perf_counter() - start
        return result

    def readout(self, slider: Any, readout: Any, unit: str) -> None:
        decimals = 2 if slider.step < 0.1 else (1 if slider.step < 1 else 0)
        word = t(f"explore.unit.{unit}", self.lang)
        glue = "" if word == "%" else " "  # 30% as in every table; 12,0 %/năm keeps its space
        readout.value = bold(f"{format_number(slider.value, decimals, self.lang)}{glue}{word}")

    # ---- buttons

    def save(self) -> Path | None:
        """Save the settings as a scenario file; the outcome is shown beside the button."""
        try:
            path = self.explorer.save_scenario(self.settings(), self.save_name.value, note=self.save_note.value,
                                               overwrite=self.save_overwrite.value)
        except SaveRefused as err:
            self.tell(self.save_message, lambda lang, e=err: t("explore.save.refused", lang, reason=e.text(lang)), ok=False)
            return None
        except KhcnError as err:
            self.tell(self.save_message, lambda lang, e=err: t("explore.save.refused", lang, reason=str(e)), ok=False)
            return None
        self._busy = True
        try:
            current = self.base_dd.value
            self.base_dd.options = self.base_options()  # resets the value: put it back, the page still shows that base
            self.base_dd.value = current
        finally:
            self._busy = False
        self.tell(self.save_message, lambda lang: t("explore.save.done", lang, path=_shown_path(path)), ok=True)
        return path

    def export(self) -> list[Path]:
        """Export the current charts and workbook; the outcome is shown beside the button."""
        if self.result is None:
            return []
        self.tell(self.export_message, lambda lang: t("explore.export.busy", lang), ok=True)
        formats = tuple(f for f, box in self.export_formats.items() if box.value)
        try:
            paths = self.explorer.export(self.result, self.export_dir.value.strip() or None, formats=formats,
                                         lang=self.lang, excel=self.export_excel.value)
        except (KhcnError, OSError) as err:
            def failed(lang: str, err: Exception = err) -> str:
                reason = (t("explore.export.exists", lang, folder=_shown_path(err.folder))
                          if isinstance(err, ExportExists) else str(err))
                return t("explore.export.failed", lang, reason=reason)

            self.tell(self.export_message, failed, ok=False)
            return []
        folder = paths[0].parent if paths else Path(self.export_dir.value)
        self.tell(self.export_message, lambda lang: t("explore.export.done", lang, n=len(paths),
                                                      folder=_shown_path(folder)), ok=True)
        return paths
