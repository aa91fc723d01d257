"""The note, section by section, in the order a Vietnamese summary report reads.

Header block (issuing body, number, place and date), title, opening; I. main findings
(the judge's verdicts per milestone, a table, two figures); II. funding and the gap
(a table, a figure, what would close it); the scenarios compared (when several);
the assumptions that decide the findings; sources; recipients and signature.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from docx.document import Document as DocxDocument

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES, YEAR_LAST
from khcn_analysis.present.brief.document import Writer, open_template, plain
from khcn_analysis.present.brief.figures import BriefFigure, brief_figures
from khcn_analysis.present.brief.findings import (
    Table,
    deciding_sentences,
    findings_table,
    judged_rows,
    milestone_sentences,
    not_computable_sentence,
)
from khcn_analysis.present.brief.funding import closing_items, funding_table, sufficiency_sentence
from khcn_analysis.present.brief.grounds import (
    assumption_items,
    assumption_name,
    main_sources,
    scenario_settings,
    source_names,
)
from khcn_analysis.present.brief.words import bare_value
from khcn_analysis.present.narrative.warnings import warning_lines

__all__ = ["compose"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")
#: Share of the text width a figure takes.
FIGURE_WIDTH = 0.74
EMU_PER_INCH = 914400


def _years(years: Sequence[int], lang: str) -> str:
    return ", ".join(str(y) for y in years[:-1]) + t("brief.and", lang) + str(years[-1])


#: Sources named under a figure or table; the others are listed in the sources section.
SOURCES_PER_LINE = 2


class _Note:
    def __init__(self, doc: DocxDocument, results_list: list[Any], lang: str,
                 rendered: Mapping[str, bytes] | None = None) -> None:
        self.w = Writer(doc, lang)
        self.lang = lang
        self.results = results_list
        self.main = results_list[0]
        self.sections = 0
        self.sources_numeral = _ROMAN[3 + (len(results_list) > 1)]
        width = int(self.w.text_width * FIGURE_WIDTH)
        self.figure_width = width
        self.figures = {f.key: f for f in brief_figures(results_list, lang, width / EMU_PER_INCH, rendered)}

    def tr(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def section(self, key: str) -> str:
        self.sections += 1
        self.w.heading(f"{_ROMAN[self.sections - 1]}. {self.tr(key)}", 1)
        return _ROMAN[self.sections - 1]

    def source_line(self, results_list: list[Any], variables: tuple[str, ...]) -> str:
        names, more = main_sources(results_list, self.lang, variables, SOURCES_PER_LINE)
        listed = "; ".join(names) if names else self.tr("brief.source.workbook")
        if more:
            listed = self.tr("brief.source.more", names=listed, n=more, section=self.sources_numeral)
        return self.tr("brief.source", names=listed)

    def figure(self, key: str) -> None:
        fig: BriefFigure | None = self.figures.get(key)
        if fig is None:
            return
        shown = self.results if key in ("sufficiency", "comparison") else [self.main]
        self.w.figure(fig.png, fig.caption, self.source_line(shown, fig.variables), self.figure_width)

    def table(self, caption: str, table: Table, variables: tuple[str, ...]) -> None:
        source = self.source_line([self.main], variables)
        self.w.table(caption, table.header, table.rows, table.widths, table.numeric,
                     f"{table.note} {source}" if table.note else source, merge_first=table.merge_first)

    # ------------------------------------------------------------------ parts

    def header(self) -> None:
        left = [("Header Agency", self.tr("brief.header.agency")), ("Header Issuer", self.tr("brief.header.issuer")),
                ("Header Rule", self.tr("brief.header.rule")), ("Header Number", self.tr("brief.header.number"))]
        right = [("Header Country", self.tr("brief.header.country")), ("Header Motto", self.tr("brief.header.motto")),
                 ("Header Rule", self.tr("brief.header.rule")), ("Header Date", self.tr("brief.header.date"))]
        self.w.layout([left, right], [7.4, 10.4], indent_cm=-1.3)
        self.w.paragraph("Title", self.tr("brief.title"))
        self.w.paragraph("Subtitle", self.tr("brief.subtitle", last=YEAR_LAST))
        title = self.main.scenario.title(self.lang)
        if len(self.results) > 1:
            self.w.paragraph("Scenario Line", self.tr("brief.scenarios_line", n=len(self.results)), title)
        else:
            self.w.paragraph("Scenario Line", self.tr("brief.scenario_line"), title)

    def opening(self) -> None:
        past = ", ".join(str(y) for y in MILESTONES[:-1])
        self.w.paragraph("Normal", self.tr("brief.intro", past=past, future=MILESTONES[-1]))
        sc = self.main.scenario
        self.w.paragraph("Normal", self.tr("brief.intro.scenario"), sc.title(self.lang),
                         self.tr("brief.intro.scenario_end"), sc.description(self.lang))

    def findings(self) -> None:
        self.section("brief.h.findings")
        self.w.bullets(milestone_sentences(self.main, self.lang))
        for line in warning_lines(self.main, self.lang):  # an implausible projection says so
            self.w.paragraph("Normal", line)
        missing = not_computable_sentence(self.main, self.lang)
        if missing:
            self.w.paragraph("Normal", missing)
        self.table(self.tr("brief.table.findings", years=_years(MILESTONES, self.lang)),
                   findings_table(self.main, self.lang),
                   tuple(dict.fromkeys(judged_rows(self.main)["indicator"])))
        self.figure("comparison" if len(self.results) > 1 else "share")
        self.figure("density")

    def funding(self) -> None:
        self.section("brief.h.funding")
        sentence = sufficiency_sentence(self.main, self.lang)
        if sentence:
            self.w.paragraph("Normal", sentence)
        self.table(self.tr("brief.table.funding"), funding_table(self.main, self.lang),
                   ("plan_funding", "st_investment", "funding_required"))
        items = closing_items(self.main, self.lang)
        if items:
            self.w.heading(self.tr("brief.h.close"), 2)
            self.w.bullets(items)
        self.figure("sufficiency")

    def comparison(self) -> None:
        if len(self.results) < 2:
            return
        self.section("brief.h.comparison")
        year = MILESTONES[-1]
        self.table(self.tr("brief.table.comparison", year=year), _comparison_table(self.results, self.lang, year),
                   ("st_investment_share_grdp", "researcher_density", "funding_sufficiency"))

    def assumptions(self) -> None:
        self.section("brief.h.assumptions")
        self.w.paragraph("Normal", self.tr("brief.assume.intro"))
        self.w.bullets(deciding_sentences(self.main, self.lang, lambda a: assumption_name(a, self.lang, self.main)))
        self.w.bullets(assumption_items(self.main, self.lang))
        main = self.main.scenario
        for i, results in enumerate(self.results):
            settings = scenario_settings(results.scenario, self.lang, unlike=main if i else None)
            if settings:
                start, end = ("brief.assume.scenario_unlike", "brief.assume.scenario_unlike_end") if i else (
                    "brief.assume.scenario", "brief.assume.scenario_end")
                self.w.paragraph("List Bullet", self.tr(start), results.scenario.title(self.lang),
                                 self.tr(end), "; ".join(settings) + ".")

    def sources(self) -> None:
        self.section("brief.h.sources")
        self.w.paragraph("Normal", self.tr("brief.sources.intro"))
        self.w.paragraph("Source Line", "; ".join(source_names(self.results, self.lang)) + ".")

    def closing(self) -> None:
        left = [("Recipients Heading", self.tr("brief.recipients")),
                ("Recipients", self.tr("brief.recipient.committee")),
                ("Recipients", self.tr("brief.recipient.archive"))]
        right = [("Signer", self.tr("brief.signer")), ("Signer", ""), ("Signer", "")]  # room to sign
        self.w.layout([left, right], [8.0, 8.5])


def _comparison_table(results_list: list[Any], lang: str, year: int) -> Table:
    header = [t("brief.col.scenario", lang), *[t("brief.col.met_in", lang, year=y) for y in MILESTONES],
              t("brief.col.share_in", lang, year=year), t("brief.col.density_in", lang, year=year),
              t("brief.col.sufficiency_in", lang, year=year)]
    rows = []
    for results in results_list:
        judged = judged_rows(results)
        cells = [results.scenario.title(lang)]
        for y in MILESTONES:
            sel = judged[judged["year"] == y]
            cells.append(f"{int((sel['status'] == 'met').sum())}/{len(sel)}")
        for variable in ("st_investment_share_grdp", "researcher_density", "funding_sufficiency"):
            table = results.table
            value = table[(table["variable"] == variable) & (table["year"] == year)]["value"]
            cells.append(bare_value(variable, float(value.iloc[0]), lang) if len(value) else "–")
        rows.append(cells)
    return Table(header, rows, set(range(1, len(header))), [4.2, *[1.7] * len(MILESTONES), 2.2, 2.4, 2.2])


def compose(results_list: list[Any], lang: str, template: Any = None,
            rendered: Mapping[str, bytes] | None = None) -> DocxDocument:
    """The whole note as a python-docx Document (the first results are the main scenario).

    ``rendered``: charts a report page already rendered (see :func:`.figures.brief_figures`).
    """
    doc = open_template(template)
    note = _Note(doc, results_list, lang, rendered)
    note.header()
    note.opening()
    note.findings()
    note.funding()
    note.comparison()
    note.assumptions()
    note.sources()
    note.closing()
    _properties(doc, results_list, lang)
    return doc


def _properties(doc: DocxDocument, results_list: list[Any], lang: str) -> None:
    props = doc.core_properties
    props.title = plain(f"{t('brief.title', lang)}: {results_list[0].scenario.title(lang)}")
    props.subject = t("brief.subtitle", lang, last=YEAR_LAST)
    props.author = props.last_modified_by = t("brief.author", lang)
    props.keywords = t("brief.keywords", lang)
    props.language = t("brief.language", lang)

