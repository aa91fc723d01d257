"""House-style charts: titles computed from data, sources, targets, formats, files reopened.

The tables here are small hand-made frames shaped like the contracts (plan budget table,
projection table, attainment table); their numbers are test inputs, not statistics.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader

from khcn_analysis.core.errors import InputError
from khcn_analysis.present import charts
from khcn_analysis.present.charts import SIZES, chart_texts, save_figure, source_line


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def budget_table(second_phase_research: float = 89.0) -> pd.DataFrame:
    rows = [
        ("p2013_2015", 2013, 2015, "offices", "Xây dựng các trụ sở làm việc", "Offices", 9.0),
        ("p2013_2015", 2013, 2015, "capacity", "Dự án tăng cường tiềm lực KH&CN", "Capacity", 72.0),
        ("p2013_2015", 2013, 2015, "research", "Đề tài, dự án KH&CN", "Research", 33.5),
        ("p2013_2015", 2013, 2015, "central", "Hỗ trợ từ Trung ương", "Central", 8.0),
        ("p2013_2015", 2013, 2015, "other", "Huy động từ các nguồn khác", "Other", 2.0),
        ("p2016_2020", 2016, 2020, "research", "Đề tài, dự án KH&CN", "Research",
         second_phase_research),
        ("p2016_2020", 2016, 2020, "central", "Hỗ trợ từ Trung ương", "Central", 10.0),
        ("p2016_2020", 2016, 2020, "other", "Huy động từ các nguồn khác", "Other", 2.5),
    ]
    df = pd.DataFrame(rows, columns=["phase", "start_year", "end_year", "line_id", "purpose_vi",
                                     "purpose_en", "amount"])
    df["source_of_money"] = "state_budget"
    df["unit"] = "bn VND"
    df["clause"] = "D'.I"
    return df[list(charts.BUDGET_COLUMNS)]


def projection(
    scenarios: dict[str, float] | None = None,
    *,
    variable: str = "st_investment_share_grdp",
    unit: str = "%",
    start: float = 0.4,
    hist_end: int = 2022,
    assumption_year: int | None = None,
) -> pd.DataFrame:
    """A projection-shaped table: history shared by all scenarios, growth per scenario."""
    scenarios = scenarios or {"ke_hoach": 0.02}
    rows = []
    for name, growth in scenarios.items():
        for y in range(2010, 2031):
            if y <= hist_end:
                status = "observed" if y % 2 == 0 else "interpolated"
                source = f"gso.{variable}.{y}"
                if y == assumption_year:
                    status, source = "assumption", "assumption:st_investment_share"
                value = start * 1.03 ** (y - 2010)
            else:
                status, source = "projected", f"gso.{variable}.{hist_end};scenario:{name}"
                value = start * 1.03 ** (hist_end - 2010) * (1 + growth) ** (y - hist_end)
            rows.append({"model": "khcn-workbook", "scenario": name, "region": "Lai Chau",
                         "variable": variable, "unit": unit, "year": y, "value": value,
                         "status": status, "source": source})
    return pd.DataFrame(rows)


def attainment_rows(statuses: dict[tuple[str, int], str] | None = None,
                    scenario: str | None = None) -> pd.DataFrame:
    """Judge-shaped rows (``judge.attainment``) for the two B.II targets the charts draw.

    The verdicts are whatever the test says (default: every milestone not met), so a
    test can show that a chart states the judge's word and decides nothing itself.
    """
    statuses = statuses or {}
    rows = [("st_investment_2015", "st_investment_share_grdp", 2015, "at_least", 1.5, None, "%",
             "B.II item 4", 0.46)]
    rows += [("st_investment_2020_onward", "st_investment_share_grdp", y, "greater_than", 2.0,
              None, "%", "B.II item 4", 0.5 + 0.1 * (y - 2020)) for y in range(2020, 2031)]
    rows += [("researchers_2020", "researcher_density", 2020, "between", 5.0, 7.0,
              "per 10,000 people", "B.II item 3", 7.5),
             ("researchers_2030", "researcher_density", 2030, "at_least", 10.0, None,
              "per 10,000 people", "B.II item 3", 9.0)]
    df = pd.DataFrame(rows, columns=["target_id", "indicator", "year", "comparator", "lower",
                                     "upper", "unit", "clause", "value"])
    df["scope"] = "province"
    df["status"] = [statuses.get((i, y), "not_met") for i, y in zip(df["indicator"], df["year"], strict=True)]
    if scenario is not None:
        df["scenario"] = scenario
    return df


def all_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text))


def tick_labels(ax, axis: str = "y") -> list[str]:
    ax.figure.canvas.draw()
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks if t.get_text()]


# ---------------------------------------------------------------- plan budget chart


def test_budget_title_states_the_fall_in_yearly_funding_computed_from_data():
    fig = charts.plan_budget_chart(budget_table())
    title = chart_texts(fig)["title"]
    # 124.5 / 3 = 41.5 and 101.5 / 5 = 20.3, in Vietnamese number format.
    assert "giảm từ 41,5 tỷ đồng (2013–2015) xuống 20,3 tỷ đồng (2016–2020)" in title
    assert "41,5 tỷ đồng/năm" in all_text(fig)  # yearly average annotated on the bar
    assert "D'.I" in chart_texts(fig)["source"] and "182/QĐ-UBND" in chart_texts(fig)["source"]


def test_budget_title_changes_when_the_data_change():
    fig = charts.plan_budget_chart(budget_table(second_phase_research=200.0))
    title = chart_texts(fig)["title"]
    # (200 + 10 + 2.5) / 5 = 42.5 per year: now a rise.
    assert "tăng từ 41,5 tỷ đồng (2013–2015) lên 42,5 tỷ đồng (2016–2020)" in title


def test_budget_chart_in_english_uses_english_number_format():
    fig = charts.plan_budget_chart(budget_table(), lang="en")
    title = chart_texts(fig)["title"]
    assert "falls from 41.5 bn VND" in title and "20.3 bn VND" in title


def test_budget_chart_rejects_a_table_without_the_contract_columns():
    with pytest.raises(InputError, match="amount"):
        charts.plan_budget_chart(budget_table().drop(columns=["amount"]))


def test_budget_chart_rejects_mixed_units():
    df = budget_table()
    df.loc[0, "unit"] = "million VND"
    with pytest.raises(InputError, match="million VND"):
        charts.plan_budget_chart(df)


# ---------------------------------------------------------------- files


@pytest.mark.parametrize("size", ["slide", "a4"])
def test_saved_files_reopen_with_size_dpi_title_and_pages(tmp_path, size):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (Vietnamese diacritic) would raise
        fig = charts.plan_budget_chart(budget_table(), size=size)
        paths = save_figure(fig, tmp_path / "budget")
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]
    sz = SIZES[size]

    with Image.open(paths[0]) as img:
        assert abs(img.size[0] - sz.width * 300) <= 1 and abs(img.size[1] - sz.height * 300) <= 1
        assert img.info["dpi"] == pytest.approx((300, 300), abs=0.01)

    root = ET.parse(paths[1]).getroot()
    svg_text = " ".join("".join(el.itertext()) for el in root.iter())
    assert "Kinh phí bình quân mỗi năm giảm" in svg_text  # kept as text, diacritics intact

    reader = PdfReader(paths[2])
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(sz.width * 72, abs=1)
    assert "Kinh phí bình quân" in reader.pages[0].extract_text()


def test_exports_are_byte_for_byte_reproducible(tmp_path):
    first = save_figure(charts.plan_budget_chart(budget_table()), tmp_path / "a")
    second = save_figure(charts.plan_budget_chart(budget_table()), tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.suffix


def test_chart_set_writes_every_format_and_one_multipage_pdf(tmp_path):
    table = pd.concat([
        projection({"ke_hoach": 0.02, "tang_dau_tu": 0.15}),
        projection({"ke_hoach": 0.03, "tang_dau_tu": 0.06}, variable="researcher_density",
                   unit="per 10,000 people", start=3.0),
        projection({"ke_hoach": -0.05, "tang_dau_tu": 0.1}, variable="funding_sufficiency",
                   unit="ratio", start=0.3),
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figs = charts.standard_charts(table, budget=budget_table(), attainment=attainment_rows())
        # The files and pages are checked here, not the resolution (300 dpi: the test above).
        paths = charts.write_chart_set(figs, tmp_path, dpi=50)
    assert len(figs) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    assert len(paths) == 5 * 3 + 1
    assert len(PdfReader(tmp_path / "bo-bieu-do.pdf").pages) == 5


# ---------------------------------------------------------------- targets, status, formats


def test_investment_chart_labels_targets_with_their_clause_and_states_the_judges_verdicts():
    fig = charts.st_investment_share_chart(projection(), attainment=attainment_rows())
    text = all_text(fig)
    assert "Mục tiêu B.II.4: ít nhất 1,5% (2015)" in text
    assert "Mục tiêu B.II.4: trên 2% (từ 2020)" in text
    title = chart_texts(fig)["title"]
    # The judge's value and word for each milestone, nothing for the years between.
    assert title == ("Đầu tư xã hội cho KH&CN so với GRDP: 0,46% năm 2015 (chưa đạt), "
                     "0,50% năm 2020 (chưa đạt), 1,50% năm 2030 (chưa đạt)")


def test_the_title_states_the_judges_verdict_not_its_own():
    """The chart used to compare values itself; now a verdict is whatever the judge's row says."""
    rows = attainment_rows({("st_investment_share_grdp", 2030): "met"})
    title = chart_texts(charts.st_investment_share_chart(projection(), attainment=rows))["title"]
    assert "1,50% năm 2030 (đạt)" in title and "0,46% năm 2015 (chưa đạt)" in title
    rows["status"] = "not_computable"
    title = chart_texts(charts.st_investment_share_chart(projection(), attainment=rows))["title"]
    assert title.count("(chưa tính được)") == 3


def test_a_value_above_a_range_target_is_met_and_said_to_be_above_the_range():
    rows = attainment_rows({("researcher_density", 2020): "met"})
    table = projection(variable="researcher_density", unit="per 10,000 people", start=3.0)
    for lang, words in (("vi", "7,50 năm 2020 (đạt, vượt khoảng mục tiêu)"),
                        ("en", "7.50 in 2020 (met, above the range)")):
        title = chart_texts(charts.researcher_density_chart(table, attainment=rows, lang=lang))["title"]
        assert words in title


def test_without_the_judges_rows_a_chart_states_no_verdict():
    title = chart_texts(charts.st_investment_share_chart(projection()))["title"]
    assert title.startswith("Đầu tư xã hội cho KH&CN so với GRDP tăng từ 0,40% (2010) lên")
    assert "đạt" not in title


def test_researcher_density_band_and_point_target_are_labelled():
    table = projection(variable="researcher_density", unit="per 10,000 people", start=3.0)
    fig = charts.researcher_density_chart(table, attainment=attainment_rows())
    text = all_text(fig)
    assert "Mục tiêu B.II.3: 5–7 người/vạn dân (2020)" in text
    assert "Mục tiêu B.II.3: ít nhất 10 người/vạn dân (2030)" in text
    assert chart_texts(fig)["subtitle"].startswith("Đơn vị: người/vạn dân")


def test_observed_and_projected_are_drawn_differently():
    fig = charts.st_investment_share_chart(projection(assumption_year=2012))
    ax = fig.axes[0]
    styles = {(ln.get_linestyle(), ln.get_marker()) for ln in ax.lines}
    assert any(ls == "-" for ls, _ in styles)  # history solid
    assert any(ls == "--" for ls, _ in styles)  # projection dashed
    filled = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_markerfacecolor() != "white"]
    hollow = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_markerfacecolor() == "white"]
    assert filled and hollow  # observed filled, interpolated hollow
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"số liệu có nguồn", "nội suy", "giả định", "dự báo"} <= set(legend)


def test_vietnamese_and_english_tick_formats_and_integer_years():
    table = projection()  # values below 1%: ticks need decimals
    vi = charts.st_investment_share_chart(table)
    en = charts.st_investment_share_chart(table, lang="en")
    vi_ticks, en_ticks = tick_labels(vi.axes[0]), tick_labels(en.axes[0])
    assert any("," in t for t in vi_ticks) and not any("." in t for t in vi_ticks)
    assert any("." in t for t in en_ticks) and not any("," in t for t in en_ticks)
    years = tick_labels(vi.axes[0], "x")
    assert years and all(y.isdigit() and len(y) == 4 for y in years)


def test_source_line_names_publishers_and_flags_assumptions():
    details = pd.DataFrame({
        "id": [f"gso.st_investment_share_grdp.{y}" for y in range(2010, 2031)],
        "name": "GSO statistical yearbook via GitHub choisy/gso",
    })
    fig = charts.st_investment_share_chart(projection(assumption_year=2012), sources=details)
    source = chart_texts(fig)["source"]
    assert source.startswith("Nguồn: ")
    assert "Niên giám thống kê (TCTK)" in source and "GSO" not in source  # the Vietnamese name
    assert "giả định" in source
    en = chart_texts(charts.st_investment_share_chart(projection(), sources=details, lang="en"))["source"]
    assert "GSO statistical yearbook" in en and "via GitHub" not in en
    fig = charts.st_investment_share_chart(projection(hist_end=2030), sources=details)
    assert "giả định" not in chart_texts(fig)["source"]


def test_source_line_counts_what_it_leaves_out():
    ids = ";".join(f"src{i}" for i in range(20))
    line = source_line([ids], lang="vi", details=pd.DataFrame({"id": [], "name": []}))
    assert "và 13 nguồn khác" in line and "src0" in line


def test_unknown_status_is_an_error_naming_it():
    table = projection()
    table.loc[0, "status"] = "guessed"
    with pytest.raises(InputError, match="guessed"):
        charts.st_investment_share_chart(table)


# ---------------------------------------------------------------- comparison, sufficiency, fan, tornado


def test_scenario_comparison_title_gives_the_spread_and_the_judges_count():
    table = projection({"cham": 0.0, "nhanh": 0.35})
    rows = pd.concat([attainment_rows(scenario="cham"),
                      attainment_rows({("st_investment_share_grdp", 2030): "met"}, scenario="nhanh")])
    fig = charts.scenario_comparison_chart(table, "st_investment_share_grdp", attainment=rows)
    title = chart_texts(fig)["title"]
    low = 0.4 * 1.03**12
    high = low * 1.35**8
    from khcn_analysis.core.formatting import format_number

    assert f"từ {format_number(low, 2)}% (kịch bản cham)" in title
    assert f"đến {format_number(high, 2)}% (kịch bản nhanh)" in title
    assert title.endswith("; 1/2 kịch bản đạt mục tiêu năm 2030")
    # Rows that do not say which scenario they judge give no count (rather than a guess).
    fig = charts.scenario_comparison_chart(table, "st_investment_share_grdp", attainment=attainment_rows())
    assert "kịch bản đạt" not in chart_texts(fig)["title"]


def sufficiency_table(scenarios=("a",)) -> pd.DataFrame:
    return pd.DataFrame([
        {"scenario": sc, "variable": "funding_sufficiency", "unit": "ratio", "year": y,
         "value": v * (1 + k), "status": "derived" if y < 2025 else "projected", "source": "gso.x"}
        for k, sc in enumerate(scenarios) for y, v in [(2014, 0.9), (2015, 0.5), (2020, 0.25), (2030, 1.2)]
    ])


def verdicts_for(table: pd.DataFrame, statuses: dict[tuple[str, int], str]) -> pd.DataFrame:
    """Judge-shaped sufficiency rows (``judge.sufficiency``): what the test says, not what the ratio is."""
    rows = table.loc[table["year"].isin([2015, 2020, 2030])]
    return pd.DataFrame({"scenario": rows["scenario"], "year": rows["year"], "value": rows["value"],
                         "status": [statuses[(s, y)] for s, y in zip(rows["scenario"], rows["year"], strict=True)]})


def test_funding_sufficiency_shows_percent_of_need_with_the_judges_words():
    table = sufficiency_table()
    said = {("a", 2015): "not_met", ("a", 2020): "not_met", ("a", 2030): "met"}
    fig = charts.funding_sufficiency_chart(table, verdicts=verdicts_for(table, said))
    title = chart_texts(fig)["title"]
    assert title.endswith(": 50% năm 2015 (thiếu), 25% năm 2020 (thiếu), 120% năm 2030 (đủ)")
    assert "2014" not in all_text(fig)
    assert "% nhu cầu kinh phí (100% = vừa đủ)" in chart_texts(fig)["subtitle"]
    # The words are the judge's: a verdict table that says otherwise is what the chart shows.
    said[("a", 2020)] = "met"
    fig = charts.funding_sufficiency_chart(table, verdicts=verdicts_for(table, said).drop(columns="scenario"))
    assert "25% năm 2020 (đủ)" in chart_texts(fig)["title"]
    assert "(" not in chart_texts(charts.funding_sufficiency_chart(table))["title"]


def test_funding_sufficiency_of_several_scenarios_counts_them_in_the_title():
    table = sufficiency_table(("a", "b", "c"))
    said = {(s, y): "met" if (s, y) in {("b", 2015), ("c", 2015)} or y == 2030 else "not_met"
            for s in "abc" for y in (2015, 2020, 2030)}
    fig = charts.funding_sufficiency_chart(table, verdicts=verdicts_for(table, said), lang="en")
    assert chart_texts(fig)["title"] == ("Scenarios with enough money for the targets: "
                                         "2 of 3 in 2015, 0 of 3 in 2020, 3 of 3 in 2030")
    legend = legend_texts(fig)
    assert "100% = exactly enough" in legend  # in the legend, not over a bar


def test_fan_chart_from_draws_reports_range_and_the_judges_chance_of_target():
    rng = np.random.default_rng(7)
    growth = rng.normal(0.1, 0.05, 400)
    draws = pd.DataFrame([{"year": y, "draw": d, "value": 1.0 * (1 + g) ** (y - 2022)}
                          for d, g in enumerate(growth) for y in range(2023, 2031)])
    probabilities = pd.DataFrame({"target_id": ["st_investment_2020_onward"], "indicator": ["st_investment_share_grdp"],
                                  "year": [2030], "probability": [0.375]})
    fig = charts.fan_chart(draws, "st_investment_share_grdp", attainment=attainment_rows(),
                           probabilities=probabilities, unit="%", scenario="ke_hoach")
    final = draws.loc[draws["year"] == 2030, "value"]
    title = chart_texts(fig)["title"]
    from khcn_analysis.core.formatting import format_number

    assert title.endswith("; xác suất đạt mục tiêu: 38%")  # the judge's 0.375, not a count of draws
    assert f"{format_number(final.quantile(0.05), 2)}%–{format_number(final.quantile(0.95), 2)}%" in title
    assert "400 lần mô phỏng" in chart_texts(fig)["subtitle"]
    assert "dự báo" in chart_texts(fig)["source"]
    no_judge = charts.fan_chart(draws, "st_investment_share_grdp", attainment=attainment_rows(), unit="%")
    assert "xác suất" not in chart_texts(no_judge)["title"]


def test_fan_chart_needs_the_band_percentiles():
    bands = pd.DataFrame({"year": [2030, 2030], "percentile": [50, 95], "value": [1.0, 2.0]})
    with pytest.raises(InputError, match="percentile"):
        charts.fan_chart(bands, "st_investment_share_grdp", unit="%")


def test_tornado_puts_the_widest_swing_first_and_names_it():
    effects = pd.DataFrame({
        "parameter": ["pop", "grdp", "budget"],
        "label_vi": ["Tăng dân số", "Tăng trưởng GRDP", "Tỷ lệ chi NSNN cho KH&CN"],
        "low": [0.66, 0.8, 0.5], "high": [0.68, 0.55, 0.95], "base": 0.67, "unit": "%",
    })
    fig = charts.tornado_chart(effects, indicator="st_investment_share_grdp", year=2030)
    title = chart_texts(fig)["title"]
    assert title.startswith("Tỷ lệ chi NSNN cho KH&CN tác động mạnh nhất")
    assert "từ 0,50% đến 0,95%" in title
    ax = fig.axes[0]
    by_height = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()),
                           strict=True))
    assert [label.replace("\n", " ") for _, label in by_height] == [
        "Tăng dân số", "Tăng trưởng GRDP", "Tỷ lệ chi NSNN cho KH&CN"]  # widest on top
    assert "giả định" in chart_texts(fig)["source"]


def legend_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


@pytest.mark.parametrize(("lang", "title"), [("vi", "Theo Kế hoạch 182"), ("en", "Plan 182 as written")])
def test_scenarios_are_shown_by_their_title_not_their_id(lang, title):
    table = projection({"plan_as_written": 0.02})
    fig = charts.indicator_chart(table, "st_investment_share_grdp", attainment=attainment_rows(), lang=lang)
    assert title in legend_texts(fig)
    assert f": {title}" in chart_texts(fig)["subtitle"]
    assert "plan_as_written" not in all_text(fig)


def test_comparison_legend_and_title_use_titles_and_unknown_ids_stay_ids():
    table = projection({"plan_as_written": 0.0, "austerity": 0.35, "tu_dat": 0.1})
    fig = charts.scenario_comparison_chart(table, "st_investment_share_grdp", lang="en")
    legend = legend_texts(fig)
    assert {"Plan 182 as written", "Funding cut", "tu_dat"} <= set(legend)
    assert "(Funding cut)" in chart_texts(fig)["title"]
    assert "austerity" not in all_text(fig)


def test_a_new_value_status_is_one_entry_in_the_style_table():
    """Issue 13's back-casts and counterfactuals: drawn dashed (a model's past), with their own mark."""
    from khcn_analysis.present.charts.style import STATUS_STYLES

    table = projection()
    table.loc[table["year"] < 2013, "status"] = "back-cast"
    fig = charts.st_investment_share_chart(table)
    ax = fig.axes[0]
    mark = STATUS_STYLES["back-cast"].marker
    assert any(ln.get_marker() == mark and len(ln.get_xdata()) == 3 for ln in ax.lines)  # 2010–2012
    dashed = [ln for ln in ax.lines if ln.get_linestyle() == "--" and min(ln.get_xdata()) == 2010]
    assert dashed and max(dashed[0].get_xdata()) >= 2013  # the line into the first record is dashed too


def test_sufficiency_bars_are_solid_only_where_they_rest_on_records():
    """A back-cast, an assumption or a counterfactual never looks like a recorded bar."""
    table = sufficiency_table()
    grade = {2015: "back-cast", 2020: "assumption", 2030: "counterfactual"}
    table["status"] = [grade.get(y, "derived") for y in table["year"]]
    fig = charts.funding_sufficiency_chart(table, lang="en")
    bars = [p for p in fig.axes[0].patches if p.get_height() > 0]
    hatches = {round(b.get_height()): b.get_hatch() for b in bars}
    assert hatches == {50: "\\\\\\", 25: "...", 120: "xx"}  # one hatch per grade, none solid
    assert all(b.get_facecolor()[:3] == (1.0, 1.0, 1.0) for b in bars)
    legend = [t.get_text() for t in fig.legends[0].get_texts()] if fig.legends else \
        [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert {"Back-cast", "Assumption", "Counterfactual"} <= {s.capitalize() for s in legend}
    table["status"] = "derived"  # records: solid, the scenario's colour
    bars = [p for p in charts.funding_sufficiency_chart(table).axes[0].patches if p.get_height() > 0]
    assert all(not b.get_hatch() and b.get_facecolor()[:3] != (1.0, 1.0, 1.0) for b in bars)


def test_a_scenario_title_with_control_characters_is_drawn_as_plain_text():
    """User text is data: a bell or a terminal escape in a title is neither drawn as a box nor kept."""
    table = sufficiency_table()
    titles = {"a": {"vi": "Kịch bản\x07 \x1b[31mđỏ\x1b[0m\u202e", "en": "x"}}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning: it would fail here
        fig = charts.funding_sufficiency_chart(table, titles=titles)
        fig.canvas.draw()
    text = all_text(fig)
    assert "Kịch bản đỏ" in text
    assert not [c for c in text if (ord(c) < 32 and c != "\n") or c in "\x7f\u202e"]
