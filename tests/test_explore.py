"""The explorer's logic without a browser: settings ↔ scenarios, recompute, table, save, export.

Everything runs in a private project root (``KHCN_ROOT`` = a tmp copy with data
built), so saved scenarios and exports never touch the checkout.
"""

from __future__ import annotations

import dataclasses
import math
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from khcn_analysis.core.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def project(new_project, khcn_root):
    with khcn_root(new_project("explore-unit")) as root:
        yield root


@pytest.fixture
def explorer(project, monkeypatch):
    monkeypatch.setenv("KHCN_ROOT", str(project))
    from khcn_analysis.present.explore import Explorer

    return Explorer()


@pytest.fixture
def scenarios_dir(project, tmp_path):
    """A fresh copy of the shipped scenarios for tests that write."""
    out = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios", out)
    return out


# ---------------------------------------------------------------- settings ↔ scenario


@pytest.mark.parametrize("name", SHIPPED)
def test_settings_of_a_shipped_scenario_reproduce_its_projection(explorer, name):
    from khcn_analysis.model.projection import project

    settings = explorer.settings_for(name)
    assert explorer.changes(settings) == {}
    result = explorer.compute(settings)
    assert result.scenario.name == name
    reference = project(name, observations=explorer.inputs.observations, plan=explorer.plan)
    for ind in ("st_investment_share_grdp", "researcher_density", "funding_sufficiency"):
        np.testing.assert_allclose(result.projection.series(ind), reference.series(ind), rtol=1e-12,
                                   equal_nan=True)


def test_trend_growth_is_written_out_so_the_sliders_act(explorer):
    settings = explorer.settings_for("latest_trend")
    scenario = explorer.scenario(settings)
    assert scenario.growth_basis == "stated"  # else the GRDP slider would be ignored
    faster = explorer.compute(dataclasses.replace(settings, grdp_growth_pct=settings.grdp_growth_pct + 5))
    base = explorer.compute(settings)
    assert faster.value("grdp", 2030) > base.value("grdp", 2030) * 1.2


def test_one_control_changes_the_2030_values_it_should_and_no_others(explorer):
    settings = explorer.settings_for("plan_as_written")
    base = explorer.compute(settings)
    slower = explorer.compute(dataclasses.replace(settings, grdp_growth_pct=7.0))
    assert explorer.changes(dataclasses.replace(settings, grdp_growth_pct=7.0)) == {
        "grdp_growth_pct": (12.0, 7.0)}
    assert slower.value("st_investment_share_grdp", 2030) > base.value("st_investment_share_grdp", 2030)
    assert slower.value("researcher_density", 2030) == base.value("researcher_density", 2030)
    hired = explorer.compute(dataclasses.replace(
        settings, researcher_growth_mode="persons", researcher_growth_persons=20.0))
    assert hired.value("researcher_density", 2030) != base.value("researcher_density", 2030)


def test_budget_level_means_a_share_of_expenditure_or_a_cut_depending_on_the_rule(explorer):
    settings = explorer.settings_for("plan_as_written")
    cut = explorer.scenario(dataclasses.replace(settings, budget_level_pct=70.0))
    assert cut.austerity_cut_pct == pytest.approx(30.0)
    fixed = explorer.scenario(dataclasses.replace(settings, st_budget_rule="fixed_share_expenditure",
                                                  budget_share_pct=3.0))
    assert fixed.st_budget_share_expenditure_pct == 3.0 and fixed.austerity_cut_pct == 0.0
    result = explorer.compute(dataclasses.replace(settings, st_budget_rule="fixed_share_expenditure",
                                                  budget_share_pct=3.0))
    assert result.value("st_budget_share_expenditure", 2030) == pytest.approx(3.0)


def test_an_out_of_range_setting_is_an_error_naming_the_key(explorer):
    from khcn_analysis.model.scenarios import ScenarioError

    bad = dataclasses.replace(explorer.settings_for("plan_as_written"), grdp_growth_pct=80.0)
    with pytest.raises(ScenarioError, match="grdp_growth_pct"):
        explorer.compute(bad)


# ---------------------------------------------------------------- table


def test_table_agrees_with_the_engine_and_the_attainment_table(explorer):
    from khcn_analysis.judge.attainment import attainment
    from khcn_analysis.present.explore import (
        MILESTONES,
        TABLE_INDICATORS,
        summary_html,
        summary_rows,
    )

    result = explorer.compute(explorer.settings_for("plan_as_written"))
    rows = summary_rows(result, "vi")
    assert len(rows) == len(TABLE_INDICATORS) * len(MILESTONES)
    full = attainment(result.projection, national=False)
    for r in rows.itertuples():
        assert r.value == pytest.approx(result.value(r.indicator, r.year), nan_ok=True)
        if r.indicator == "funding_sufficiency":
            judged = result.sufficiency.set_index("year")
            assert r.status == judged.loc[r.year, "status"]
            continue
        judged = full[(full["indicator"] == r.indicator) & (full["year"] == r.year)]
        expected = judged["status"].iloc[0] if len(judged) else "no_target"
        assert r.status == expected, (r.indicator, r.year)
    share_2030 = rows[(rows.indicator == "st_investment_share_grdp") & (rows.year == 2030)].iloc[0]
    assert share_2030.status == "not_met" and "tỷ đồng" in share_2030.gap_text
    assert share_2030.value_text.endswith("%") and "," in share_2030.value_text  # 0,05%: Vietnamese decimals
    page = summary_html(result, "vi")
    assert f'data-value="{result.value("st_investment_share_grdp", 2030)!r}"' in page
    assert "Chưa đạt" in page and "mục tiêu" in page
    english = summary_html(result, "en")
    assert "Not met" in english and "Chưa đạt" not in english


def test_live_panel_redraws_only_charts_whose_numbers_changed(explorer):
    from khcn_analysis.present.explore import CHART_INDICATORS, LivePanel

    panel = LivePanel()
    settings = explorer.settings_for("plan_as_written")
    first = panel.render(explorer.compute(settings), "vi")
    assert panel.redrawn == list(CHART_INDICATORS)
    assert all(png.startswith(b"\x89PNG") for png in first.values())
    second = panel.render(explorer.compute(dataclasses.replace(settings, grdp_growth_pct=7.0)), "vi")
    assert panel.redrawn == ["st_investment_share_grdp", "funding_sufficiency"]
    assert second["researcher_density"] == first["researcher_density"]
    assert second["st_investment_share_grdp"] != first["st_investment_share_grdp"]
    panel.render(explorer.compute(dataclasses.replace(settings, grdp_growth_pct=7.0)), "en")
    assert panel.redrawn == list(CHART_INDICATORS)  # a language change redraws everything


# ---------------------------------------------------------------- save


def test_save_writes_a_scenario_that_loads_with_the_changes_and_their_reason(explorer, scenarios_dir):
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.present.explore import SAVED_MARKER

    settings = dataclasses.replace(explorer.settings_for("plan_as_written"), grdp_growth_pct=7.0,
                                   researcher_growth_mode="persons", researcher_growth_persons=20.0)
    path = explorer.save_scenario(settings, "tang_truong_7", note="Hỏi trong cuộc họp", directory=scenarios_dir)
    assert path == scenarios_dir / "tang_truong_7.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SAVED_MARKER + "\n")
    assert "# Set in the explorer (was 12 in 'plan_as_written'). Reason: Hỏi trong cuộc họp" in text
    saved = load_scenario(path)
    assert saved.name == "tang_truong_7"
    assert (saved.grdp_growth_pct, saved.researcher_growth_mode, saved.researcher_growth_value) == (7.0, "persons", 20.0)
    assert "Hỏi trong cuộc họp" in saved.description_vi and "plan_as_written" in saved.description_en
    # Not the base any more: the base's title would mislead, so the file has none and shows its id.
    assert "title_vi" not in text and "Theo Kế hoạch 182" not in text
    assert (saved.title("vi"), saved.title("en")) == ("tang_truong_7", "tang_truong_7")
    # The GRDP distribution moved with its centre (12 → 7), keeping its spread.
    dist = saved.uncertainty["grdp_growth_pct"]
    base = load_scenario(scenarios_dir / "plan_as_written.yaml").uncertainty["grdp_growth_pct"]
    assert dist.central == pytest.approx(7.0)
    assert dist.high - dist.low == pytest.approx(base.high - base.low)
    # A percent distribution cannot describe persons: dropped, not kept in the wrong unit.
    assert "researcher_growth_value" not in saved.uncertainty
    # Unchanged keys keep the base file's reason.
    assert "intercensal growth" in text
    # And it projects as the page showed.
    np.testing.assert_allclose(explorer.compute(settings).projection.series("researcher_density"),
                               _project(saved, explorer).series("researcher_density"))


def _project(scenario, explorer):
    from khcn_analysis.model.projection import project

    return project(scenario, observations=explorer.inputs.observations, plan=explorer.plan)


def test_save_refuses_a_shipped_name_and_leaves_the_file_alone(explorer, scenarios_dir):
    before = (scenarios_dir / "plan_as_written.yaml").read_bytes()
    settings = dataclasses.replace(explorer.settings_for("plan_as_written"), grdp_growth_pct=7.0)
    for overwrite in (False, True):
        with pytest.raises(InputError, match="shipped scenario"):
            explorer.save_scenario(settings, "plan_as_written", overwrite=overwrite, directory=scenarios_dir)
    assert (scenarios_dir / "plan_as_written.yaml").read_bytes() == before


@pytest.mark.parametrize("name", ["", "../evil", "a/b", "Tang_7", "tăng_7", "x.yaml", "7_up", "a" * 65, "/tmp/x"])
def test_save_refuses_invalid_or_path_like_names(explorer, scenarios_dir, name):
    settings = explorer.settings_for("plan_as_written")
    before = sorted(p.name for p in scenarios_dir.parent.rglob("*"))
    with pytest.raises(InputError, match="scenario name"):
        explorer.save_scenario(settings, name, directory=scenarios_dir)
    assert sorted(p.name for p in scenarios_dir.parent.rglob("*")) == before


def test_save_overwrites_an_explorer_file_only_when_asked(explorer, scenarios_dir):
    from khcn_analysis.model.scenarios import load_scenario

    settings = explorer.settings_for("plan_as_written")
    path = explorer.save_scenario(settings, "cua_toi", directory=scenarios_dir)
    with pytest.raises(InputError, match="overwrite"):
        explorer.save_scenario(dataclasses.replace(settings, grdp_growth_pct=8.0), "cua_toi", directory=scenarios_dir)
    assert load_scenario(path).grdp_growth_pct == 12.0
    explorer.save_scenario(dataclasses.replace(settings, grdp_growth_pct=8.0), "cua_toi", overwrite=True,
                           directory=scenarios_dir)
    assert load_scenario(path).grdp_growth_pct == 8.0
    assert not [p for p in scenarios_dir.glob(".*") if p.name != ".gitkeep"]  # no staging file left behind


def test_save_validates_before_writing(explorer, scenarios_dir):
    from khcn_analysis.model.scenarios import ScenarioError

    bad = dataclasses.replace(explorer.settings_for("plan_as_written"), population_growth_pct=50.0)
    with pytest.raises(ScenarioError, match="population_growth_pct"):
        explorer.save_scenario(bad, "qua_cao", directory=scenarios_dir)
    assert not (scenarios_dir / "qua_cao.yaml").exists()


# ---------------------------------------------------------------- export


def test_export_writes_the_house_charts_and_a_workbook_in_a_new_folder(explorer, tmp_path):
    from khcn_analysis.present.charts import CHART_NAMES

    result = explorer.compute(dataclasses.replace(explorer.settings_for("plan_as_written"), grdp_growth_pct=7.0))
    paths = explorer.export(result, tmp_path / "out", formats=("png", "svg", "pdf"), lang="vi", stamp="s1")
    folder = tmp_path / "out" / "plan_as_written_dieu_chinh-s1"
    assert {p.parent for p in paths} == {folder}
    names = {p.name for p in paths}
    for stem in CHART_NAMES[1:4]:
        assert {f"{stem}.png", f"{stem}.svg", f"{stem}.pdf"} <= names
    assert (folder / f"{CHART_NAMES[1]}.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / f"{CHART_NAMES[1]}.pdf").read_bytes().startswith(b"%PDF")
    book = openpyxl.load_workbook(folder / "plan_as_written_dieu_chinh.xlsx")
    assert "Tổng hợp" in book.sheetnames
    with pytest.raises(InputError, match="existing folder"):
        explorer.export(result, tmp_path / "out", formats=("png",), stamp="s1")


def test_an_export_with_nothing_ticked_makes_the_folder_and_draws_nothing(explorer, tmp_path, monkeypatch):
    from khcn_analysis.present import charts

    def drawn(*_a, **_k):
        raise AssertionError("a chart was drawn for an export that writes none")

    for name in ("st_investment_share_chart", "researcher_density_chart", "funding_sufficiency_chart"):
        monkeypatch.setattr(charts, name, drawn)
    result = explorer.compute(explorer.settings_for("plan_as_written"))
    assert explorer.export(result, tmp_path / "out", formats=(), excel=False, stamp="s0") == []
    folder = tmp_path / "out" / "plan_as_written-s0"
    assert folder.is_dir() and not list(folder.iterdir())


# ---------------------------------------------------------------- the widgets


def test_app_recomputes_on_a_widget_change_and_relabels_in_english(explorer, project):
    from khcn_analysis.present.explore import ExploreApp

    app = ExploreApp("plan_as_written", "vi", explorer=explorer)
    before = app.result.value("st_investment_share_grdp", 2030)
    assert "Tăng trưởng GRDP" in _texts(app) and "12,0 %/năm" in app.readouts["grdp_growth_pct"].value
    app.grdp.value = 7.0
    assert app.result.value("st_investment_share_grdp", 2030) > before
    assert "7,0 %/năm" in app.readouts["grdp_growth_pct"].value
    assert f'data-value="{app.result.value("st_investment_share_grdp", 2030)!r}"' in app.table_html.value
    assert "đã điều chỉnh" in app.status.value
    app.rule_dd.value = "fixed_share_expenditure"
    assert app.share_box.layout.display is None and app.level_box.layout.display == "none"
    app.lang_tb.value = "en"
    assert "Nominal GRDP growth" in _texts(app) and "Not met" in app.table_html.value
    assert app.rule_dd.value == "fixed_share_expenditure"  # relabelling keeps the choice
    app.save_name.value = "../x"
    assert app.save() is None and "khcn-refused" in app.save_message.value
    app.save_name.value = "tu_trang"
    path = app.save()
    assert path == project / "scenarios" / "tu_trang.yaml" and "khcn-ok" in app.save_message.value
    assert ("tu_trang", "tu_trang") in app.base_dd.options  # no title: the id is the label
    assert ("Plan 182 as written", "plan_as_written") in app.base_dd.options  # titles shown, ids as values
    assert app.base_dd.value == "plan_as_written"  # new options do not silently switch the base
    assert app.rule_dd.value == "fixed_share_expenditure"
    app.base_dd.value = "gdp_linked"
    assert app.rule_dd.value == "gdp_linked" and app.result.scenario.name == "gdp_linked"
    assert not math.isnan(app.last_seconds)


def _texts(app) -> str:
    return " ".join(str(getattr(w, a)) for w, a, _ in app._labels)


# ---------------------------------------------------------------- the command


def test_explore_refuses_a_port_in_use(project, monkeypatch, capsys):
    import socket

    from khcn_analysis.cli import main

    monkeypatch.setenv("KHCN_ROOT", str(project))
    shutil.copytree(ROOT / "notebooks", project / "notebooks", dirs_exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert main(["explore", "--no-browser", "--port", str(port)]) == 2
    assert "a free port" in capsys.readouterr().err


def test_explore_says_to_build_data_first(tmp_path, monkeypatch, capsys):
    from khcn_analysis.cli import main

    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "06_explore.ipynb", tmp_path / "notebooks")
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path))
    assert main(["explore", "--no-browser"]) == 2
    assert "khcn data build" in capsys.readouterr().err


def test_notebook_is_a_thin_shell_with_parameters():
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "06_explore.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "ExploreApp" in code[1].source and len(code[1].source.splitlines()) < 10


# ---------------------------------------------------------------- one verdict (issue 12.3)


class _Cells(__import__("html.parser").parser.HTMLParser):
    """The table's value cells: their data-* attributes and their visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "td" and "khcn-cell" in (attrs.get("class") or ""):
            self.cells.append({**attrs, "text": ""})
            self._depth = 1
        elif self._depth and tag == "td":
            self._depth += 1

    def handle_endtag(self, tag):
        if self._depth and tag == "td":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.cells[-1]["text"] += data


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", SHIPPED)
def test_the_table_shows_the_judges_verdicts_for_every_shipped_scenario(explorer, name, lang):
    """Met / not met / enough / short in the table are the judge's rows, in both languages."""
    from khcn_analysis import pipeline
    from khcn_analysis.core.catalogue import t
    from khcn_analysis.judge.sufficiency import sufficiency
    from khcn_analysis.present.explore import MILESTONES, TABLE_INDICATORS, summary_html

    result = explorer.compute(explorer.settings_for(name))
    full = pipeline.run(name, inputs=explorer.inputs)  # every year, national targets too
    province = full.attainment.loc[full.attainment["scope"] == "province"]
    enough = sufficiency(full.projection).set_index("year")
    parser = _Cells()
    parser.feed(summary_html(result, lang))
    cells = {(c["data-indicator"], int(c["data-year"])): c for c in parser.cells}
    assert set(cells) == {(i, y) for i in TABLE_INDICATORS for y in MILESTONES}
    seen = set()
    for (indicator, year), cell in cells.items():
        if indicator == "funding_sufficiency":
            expected = enough.loc[year, "status"]
            words = {"met": t("sufficiency.met", lang), "not_met": t("sufficiency.not_met", lang)}
        else:
            rows = province.loc[(province["indicator"] == indicator) & (province["year"] == year)]
            expected = rows["status"].iloc[0] if len(rows) else "no_target"
            words = {s: t(f"verdict.{s}", lang) for s in ("met", "not_met")}
        assert cell["data-status"] == expected, (name, indicator, year)
        if expected in words:
            assert words[expected] in cell["text"]
            other = words["met" if expected == "not_met" else "not_met"]
            assert other not in cell["text"].replace(words[expected], "")
        seen.add(expected)
    assert {"met", "not_met"} & seen


# ---------------------------------------------------------------- user text is data (issue 15.1)

PAYLOADS = [
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(1)>",
    '<iframe src="javascript:alert(3)"></iframe>',
    "[x](javascript:alert(4))",
    '"><script>alert(5)</script><a href="javascript:alert(6)">x</a>',
    "' onmouseover='alert(7)' x='",
]
#: The only elements the explorer's own HTML uses.
OWN_TAGS = {"div", "span", "b", "i", "h2", "h3", "br", "table", "thead", "tbody", "tr", "th", "td", "style"}


class _Markup(__import__("html.parser").parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def _live_markup(fragment: str) -> list[str]:
    """Elements or attributes in ``fragment`` that a browser would run or load."""
    parser = _Markup()
    parser.feed(fragment)
    found = []
    for tag, attrs in parser.tags:
        if tag not in OWN_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in ("src", "href", "srcdoc", "formaction", "xlink:href"):
                found.append(f"{tag}[{name}]")
            if value and "javascript:" in value.lower():
                found.append(f"{tag}[{name}={value}]")
    return found


def _page_html(app) -> tuple[list[str], str]:
    """Every HTML widget's markup on the page, and the page's visible text."""
    import ipywidgets as w

    fragments, stack = [], [app.widget]
    while stack:
        widget = stack.pop()
        stack += list(getattr(widget, "children", ()))
        if isinstance(widget, w.HTML):
            fragments.append(widget.value)
        assert not getattr(widget, "description_allow_html", False)  # descriptions are text
    text = ""
    for fragment in fragments:
        parser = _Markup()
        parser.feed(fragment)
        text += parser.text + "\n"
    return fragments, text


@pytest.fixture
def hostile_scenarios(project):
    """Scenario files whose titles and descriptions are script-injection payloads."""
    import yaml

    base = yaml.safe_load((ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8"))
    written = []
    for i, payload in enumerate(PAYLOADS):
        name = f"xss_{i}"
        data = {**base, "name": name, "title_vi": payload[:80], "title_en": payload[:80],
                "description_vi": f"Mô tả {payload}", "description_en": f"About {payload}"}
        path = project / "scenarios" / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
    yield [p.stem for p in written]
    for path in [*written, *(project / "scenarios").glob("luu_xss*.yaml")]:
        path.unlink(missing_ok=True)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_titles_and_notes_from_files_or_typed_never_become_markup(explorer, project, hostile_scenarios, lang):
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.present.explore import ExploreApp

    app = ExploreApp("plan_as_written", lang, explorer=explorer)
    for i, name in enumerate(hostile_scenarios):
        payload = PAYLOADS[i]
        app.base_dd.value = name  # read from a file: title and description on the page
        assert app.result is not None and app.result.scenario.name == name
        app.save_overwrite.value = True  # the other language's run saved it already
        # Typed: a name that is refused (quoted in the message), a note that is saved, a folder.
        app.save_name.value = payload
        assert app.save() is None
        app.save_name.value = f"luu_xss_{i}"
        app.save_note.value = payload
        assert app.save() is not None
        for box in (*app.export_formats.values(), app.export_excel):
            box.value = False
        app.export_dir.value = str(project / "reports" / payload.replace("/", "_"))
        app.export()
        fragments, text = _page_html(app)
        assert not [hit for f in fragments for hit in _live_markup(f)], (payload, lang)
        assert payload[:80] in text  # shown, as text
        # The note went into the saved file and comes back as text when that scenario is loaded.
        saved = load_scenario(project / "scenarios" / f"luu_xss_{i}.yaml")
        assert payload in saved.description(lang)
        app.base_dd.options = app.base_options()
        app.base_dd.value = saved.name
        fragments, text = _page_html(app)
        assert not [hit for f in fragments for hit in _live_markup(f)], (payload, lang)
        assert payload in text


def test_the_markup_check_finds_live_markup():
    assert _live_markup("<b>x</b><span class='a'>y</span>") == []
    assert _live_markup("<img src=x onerror=alert(2)>") == ["<img>", "img[src]", "img[onerror]"]
    assert _live_markup("<div onmouseover='x'>") == ["div[onmouseover]"]
    assert _live_markup('<a href="javascript:x">') == ["<a>", "a[href]", "a[href=javascript:x]"]


# ---------------------------------------------------------------- statuses look like what they are (issue 14)


def test_the_assumed_2011_researcher_density_is_drawn_and_labelled_as_an_assumption(explorer):
    from khcn_analysis.core.catalogue import t
    from khcn_analysis.present.charts.style import STATUS_STYLES
    from khcn_analysis.present.explore import LivePanel
    from khcn_analysis.present.explore.statuses import status_style

    result = explorer.compute(explorer.settings_for("plan_as_written"))
    rows = result.table.loc[result.table["variable"] == "researcher_density"]
    assumed = sorted(int(y) for y in rows.loc[rows["status"] == "assumption", "year"])
    assert assumed, "the baseline has an assumed researcher density (2011)"
    for lang in ("vi", "en"):
        panel = LivePanel()
        panel.render(result, lang)
        ax = panel._figs["researcher_density"].axes[0]
        legend = [x.get_text() for x in ax.get_legend().get_texts()]
        assert t("status.assumption", lang).lower() in legend
        assert t("status.observed", lang).lower() not in legend  # nothing recorded is drawn
        marks = [line for line in ax.get_lines() if line.get_linestyle() == "None"
                 and [int(x) for x in line.get_xdata()] == assumed]
        assert marks and marks[0].get_color() == status_style("assumption").colour
        assert marks[0].get_marker() == STATUS_STYLES["assumption"].marker  # the workbook's one status table
        assert status_style("assumption").colour != status_style("observed").colour


def test_an_assumed_milestone_value_says_so_in_the_table(explorer):
    import dataclasses as dc

    from khcn_analysis.present.explore import summary_html

    result = explorer.compute(explorer.settings_for("plan_as_written"))
    table = result.table.copy()
    pick = (table["variable"] == "researcher_density") & (table["year"] == 2015)
    table.loc[pick, "status"] = "assumption"
    tweaked = dc.replace(result, projection=dc.replace(result.projection, table=table))
    parser = _Cells()
    parser.feed(summary_html(tweaked, "vi"))
    cell = next(c for c in parser.cells if c["data-indicator"] == "researcher_density" and c["data-year"] == "2015")
    assert "khcn-assumed" in cell["class"] and cell["data-value-status"] == "assumption"
    assert "giả định" in cell["text"]
    # a value grown from recorded data is "dự báo" (the researcher count itself is an assumption now)
    other = next(c for c in parser.cells if c["data-indicator"] == "st_investment_share_grdp" and c["data-year"] == "2030")
    assert "khcn-assumed" not in other["class"] and "dự báo" in other["text"]


def test_messages_beside_the_buttons_follow_the_language(explorer):
    from khcn_analysis.present.explore import ExploreApp

    app = ExploreApp("plan_as_written", "vi", explorer=explorer)
    app.save_name.value = "plan_as_written"
    assert app.save() is None
    assert "Không lưu" in app.save_message.value and "kịch bản có sẵn" in app.save_message.value
    assert "30%" in app.readouts["nonstate_share_of_total"].value  # a bare % sticks to its number
    app.lang_tb.value = "en"
    assert "Not saved" in app.save_message.value and "shipped scenario" in app.save_message.value
    assert "Không lưu" not in app.save_message.value


def test_an_implausible_projection_carries_the_judges_warning(explorer):
    from khcn_analysis.present.explore import ExploreApp

    app = ExploreApp("plan_as_written", "vi", explorer=explorer)
    assert "khcn-warnings" not in app.status.value
    # From the central 123 researchers of 2011 even the slider's 20 % a year stays below 100 per 10,000;
    # past the slider's end, 40 % a year is denser than any country.
    app.percent.max = 40.0
    app.percent.value = 40.0
    assert not app.result.warnings.empty
    assert "khcn-warnings" in app.status.value
    assert app.result.warnings["message_vi"].iloc[0].split(" (")[0][:40] in app.status.value
    app.lang_tb.value = "en"
    assert app.result.warnings["message_en"].iloc[0][:40] in app.status.value
