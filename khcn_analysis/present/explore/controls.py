"""The page's widgets: assumptions, save and export on the left; status, table and charts on the right.

:class:`Controls` builds them and keeps their words in the reader's language: each
label is registered with a function of the language (:meth:`Controls.relabel`
re-applies them all), and every word comes from the catalogue (``param.*`` and
``choice.*`` for scenario keys, ``explore.*`` for the page's own). Long Vietnamese
labels sit in their own line above a control, where they never truncate.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from khcn_analysis.core.catalogue import LANGS, t
from khcn_analysis.core.paths import project_root
from khcn_analysis.present.explore.markup import bold, esc, heading, italic
from khcn_analysis.present.explore.preview import CHART_INDICATORS
from khcn_analysis.present.explore.settings import (
    BUDGET_RULES,
    RANGES,
    RESEARCHER_MODES,
    RESEARCHER_RULES,
    default_export_dir,
)

__all__ = ["Controls"]

STYLE = {"description_width": "initial"}
PANEL = {"width": "420px", "padding": "6px 10px", "border": "1px solid #DDD"}


def _css(key: str) -> str:
    return "khcn-" + key.replace("_", "-")


class Controls:
    """Widget construction and labelling; :class:`~.app.ExploreApp` adds the behaviour.

    Subclasses provide ``lang``, ``base_options()``, ``nonstate_mode()``,
    ``on_change``, ``on_base``, ``on_lang``, ``readout``, ``save`` and ``export``.
    """

    lang: str

    # ---- labels

    def _label(self, widget: Any, attr: str, text: Callable[[str], str]) -> Any:
        self._labels.append((widget, attr, text))
        setattr(widget, attr, text(self.lang))
        return widget

    def _caption(self, key: str | Callable[[str], str]) -> Any:
        """A bold label above a control."""
        text = key if callable(key) else (lambda lang, k=key: t(k, lang))
        return self._label(self.w.HTML(), "value", lambda lang: bold(text(lang)))

    def _slider(self, key: str, label: Callable[[str], str], unit: str | Callable[[], str],
                css: str | None = None) -> tuple[Any, Any]:
        w = self.w
        lo, hi, step = RANGES[key]
        slider = w.FloatSlider(min=lo, max=hi, step=step, readout=False, continuous_update=False,
                               layout=w.Layout(width="250px"))
        readout = w.HTML(layout=w.Layout(width="110px"))
        slider.add_class(css or _css(key))
        readout.add_class((css or _css(key)) + "-readout")
        # The read-out first, so what the page shows and what was computed never disagree.
        slider.observe(lambda _c: self._show(slider), names="value")
        slider.observe(self.on_change, names="value")
        self._units[slider] = (readout, unit)
        self.readouts[key] = readout
        box = w.VBox([self._caption(label), w.HBox([slider, readout])], layout=w.Layout(margin="2px 0 6px 0"))
        return box, slider

    def _show(self, slider: Any) -> None:
        readout, unit = self._units[slider]
        self.readout(slider, readout, unit() if callable(unit) else unit)

    def relabel(self) -> None:
        """Every label, option list and read-out in the current language."""
        for widget, attr, text in self._labels:
            setattr(widget, attr, text(self.lang))
        busy, self._busy = self._busy, True
        try:
            for dd, opts in ((self.base_dd, self.base_options()), (self.rule_dd, self._choices("st_budget_rule", BUDGET_RULES)),
                             (self.res_rule, self._choices("researcher_rule", RESEARCHER_RULES)),
                             (self.res_mode, self._choices("researcher_growth_mode", RESEARCHER_MODES)),
                             (self.lang_tb, [(t(f"explore.language.{x}", self.lang), x) for x in LANGS])):
                value = dd.value
                dd.options = opts
                dd.value = value
        finally:
            self._busy = busy
        for slider in self._units:
            self._show(slider)

    def _choices(self, key: str, ids: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(t(f"choice.{key}.{x}", self.lang), x) for x in ids]

    def _nonstate_label(self, lang: str) -> str:
        return t("explore.with_unit", lang, label=t("param.nonstate_value", lang),
                 unit=t(f"choice.nonstate_mode.{self.nonstate_mode()}", lang))

    def _growth_label(self, mode: str) -> Callable[[str], str]:
        return lambda lang: t("explore.with_unit", lang, label=t("param.researcher_growth_value", lang),
                              unit=t(f"choice.researcher_growth_mode.{mode}", lang))

    def visibility(self) -> None:
        def show(box: Any, on: bool) -> None:
            box.layout.display = None if on else "none"

        fixed = self.rule_dd.value == "fixed_share_expenditure"
        show(self.share_box, fixed)
        show(self.level_box, not fixed)
        growth = self.res_rule.value == "growth"
        show(self.res_mode, growth)
        show(self.persons_box, growth and self.res_mode.value == "persons")
        show(self.percent_box, growth and self.res_mode.value == "percent")
        show(self.res_note, not growth)

    # ---- construction

    def build(self, scenario: str, export_dir: str | Path | None) -> None:
        import ipywidgets as w

        self.w = w
        self._labels: list[tuple[Any, str, Callable[[str], str]]] = []
        self._units: dict[Any, tuple[Any, str | Callable[[], str]]] = {}
        #: Each slider's read-out (the value with its unit), by scenario key.
        self.readouts: dict[str, Any] = {}
        self.header = self._label(w.HTML(), "value", lambda lang: heading(t("explore.title", lang), 2)
                                  + f"<div style='font-size:14px;color:#333'>{esc(t('explore.intro', lang))}</div>")
        self.header.add_class("khcn-header")
        controls = self._assumptions(scenario)
        save_box = self._save_box()
        export_box = self._export_box(export_dir)
        self.status = w.HTML()
        self.status.add_class("khcn-status")
        self.table_html = w.HTML()
        self.table_html.add_class("khcn-table-box")
        self.images = {ind: w.Image(format="png", layout=w.Layout(width="49%", max_width="520px", margin="2px"))
                       for ind in CHART_INDICATORS}
        for ind, img in self.images.items():
            img.add_class(_css(f"chart_{ind}"))
        charts_box = w.HBox(list(self.images.values()), layout=w.Layout(flex_flow="row wrap"))
        charts_box.add_class("khcn-charts")
        output = w.VBox([self.status, self.table_html, charts_box],
                        layout=w.Layout(flex="1 1 600px", padding="0 0 0 12px"))
        self.widget = w.VBox([
            self.header,
            w.HBox([w.VBox([controls, save_box, export_box]), output],
                   layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
        ])
        self.widget.add_class("khcn-explore")

    def _assumptions(self, scenario: str) -> Any:
        w = self.w
        wide = w.Layout(width="390px")
        self.base_dd = w.Dropdown(options=self.base_options(), value=scenario, layout=wide)
        self.base_dd.add_class("khcn-base")
        self.base_dd.observe(self.on_base, names="value")
        self.lang_tb = self._label(w.ToggleButtons(options=[(t(f"explore.language.{x}", self.lang), x) for x in LANGS],
                                                   value=self.lang, style=STYLE), "description",
                                   lambda lang: t("explore.lang", lang))
        self.lang_tb.add_class("khcn-lang")
        self.lang_tb.observe(self.on_lang, names="value")
        grdp_box, self.grdp = self._slider("grdp_growth_pct", lambda lang: t("param.grdp_growth_pct", lang), "pct_year")
        pop_box, self.population = self._slider(
            "population_growth_pct", lambda lang: t("param.population_growth_pct", lang), "pct_year")
        self.rule_dd = w.Dropdown(options=self._choices("st_budget_rule", BUDGET_RULES), layout=wide)
        self.rule_dd.add_class("khcn-budget-rule")
        self.rule_dd.observe(self.on_change, names="value")
        self.level_box, self.level = self._slider("budget_level_pct", lambda lang: t("explore.budget_level", lang), "pct")
        self.share_box, self.share = self._slider(
            "budget_share_pct", lambda lang: t("param.st_budget_share_expenditure_pct", lang), "pct")
        nonstate_box, self.nonstate = self._slider(
            "nonstate_share_of_total", self._nonstate_label,
            lambda: "pct" if self.nonstate_mode() == "share_of_total" else "times", css="khcn-nonstate")
        self.res_rule = w.Dropdown(options=self._choices("researcher_rule", RESEARCHER_RULES), layout=wide)
        self.res_rule.add_class("khcn-researcher-rule")
        self.res_rule.observe(self.on_change, names="value")
        self.res_mode = w.ToggleButtons(options=self._choices("researcher_growth_mode", RESEARCHER_MODES), style=STYLE)
        self._label(self.res_mode, "description", lambda lang: t("param.researcher_growth_mode", lang))
        self.res_mode.add_class("khcn-researcher-mode")
        self.res_mode.observe(self.on_change, names="value")
        self.persons_box, self.persons = self._slider(
            "researcher_growth_persons", self._growth_label("persons"), "persons_year")
        self.percent_box, self.percent = self._slider(
            "researcher_growth_percent", self._growth_label("percent"), "pct_year")
        self.res_note = self._label(w.HTML(), "value", lambda lang: italic(t("explore.meet_targets_note", lang)))
        box = w.VBox([
            self._label(w.HTML(), "value", lambda lang: heading(t("explore.assumptions", lang))),
            self._caption("explore.base"), self.base_dd, self.lang_tb, grdp_box, pop_box,
            self._caption("param.st_budget_rule"), self.rule_dd, self.level_box, self.share_box, nonstate_box,
            self._caption("param.researcher_rule"), self.res_rule, self.res_mode, self.persons_box,
            self.percent_box, self.res_note,
        ], layout=w.Layout(**PANEL))
        box.add_class("khcn-controls")
        return box

    def _save_box(self) -> Any:
        w = self.w
        self.save_name = w.Text(style=STYLE, layout=w.Layout(width="360px"), placeholder="vd_tang_truong_7")
        self._label(self.save_name, "description", lambda lang: t("explore.save.name", lang))
        self.save_name.add_class("khcn-save-name")
        self.save_note = w.Textarea(style=STYLE, layout=w.Layout(width="360px", height="52px"))
        self._label(self.save_note, "description", lambda lang: t("explore.save.note", lang))
        self.save_note.add_class("khcn-save-note")
        self.save_overwrite = w.Checkbox(value=False, indent=False, style=STYLE, layout=w.Layout(width="100%"))
        self._label(self.save_overwrite, "description", lambda lang: t("explore.save.overwrite", lang))
        self.save_overwrite.add_class("khcn-save-overwrite")
        self.save_button = w.Button(button_style="primary", icon="save", layout=w.Layout(width="180px"))
        self._label(self.save_button, "description", lambda lang: t("explore.save.button", lang))
        self.save_button.add_class("khcn-save")
        self.save_button.on_click(lambda _b: self.save())
        self.save_message = w.HTML()
        self.save_message.add_class("khcn-save-message")
        return w.VBox([
            self._label(w.HTML(), "value", lambda lang: heading(t("explore.save.title", lang))),
            self.save_name, self.save_note, self.save_overwrite, self.save_button, self.save_message,
        ], layout=w.Layout(**PANEL, margin="8px 0 0 0"))

    def _export_box(self, export_dir: str | Path | None) -> Any:
        w = self.w
        default = Path(export_dir) if export_dir else default_export_dir()
        try:
            shown = default.relative_to(project_root())
        except ValueError:
            shown = default
        self.export_dir = w.Text(value=str(shown), style=STYLE, layout=w.Layout(width="360px"))
        self._label(self.export_dir, "description", lambda lang: t("explore.export.folder", lang))
        self.export_dir.add_class("khcn-export-dir")
        self.export_formats = {fmt: w.Checkbox(value=True, description=fmt.upper(), indent=False, style=STYLE,
                                               layout=w.Layout(width="80px")) for fmt in ("png", "svg", "pdf")}
        self.export_excel = w.Checkbox(value=True, description="Excel", indent=False, style=STYLE,
                                       layout=w.Layout(width="80px"))
        for fmt, box in self.export_formats.items():
            box.add_class(f"khcn-export-{fmt}")
        self.export_excel.add_class("khcn-export-excel")
        self.export_button = w.Button(icon="download", layout=w.Layout(width="180px"))
        self._label(self.export_button, "description", lambda lang: t("explore.export.button", lang))
        self.export_button.add_class("khcn-export")
        self.export_button.on_click(lambda _b: self.export())
        self.export_message = w.HTML()
        self.export_message.add_class("khcn-export-message")
        return w.VBox([
            self._label(w.HTML(), "value", lambda lang: heading(t("explore.export.title", lang))),
            self.export_dir, w.HBox([*self.export_formats.values(), self.export_excel]),
            self.export_button, self.export_message,
        ], layout=w.Layout(**PANEL, margin="8px 0 0 0"))
