"""The standard chart set from every shipped scenario: the judge's verdicts, text that fits a slide and a page.

Runs the real pipeline on the real baseline. Two reusable checks do the work:
``charts.verdict_disagreements`` (every verdict word a chart states equals the
judge's) and ``charts.layout_problems`` (no text off the page, on another text,
under the legend or on a line).
"""

from __future__ import annotations

import subprocess
import sys

import matplotlib.pyplot as plt
import pytest

from khcn_analysis import pipeline
from khcn_analysis.model.scenarios import list_scenarios
from khcn_analysis.present import charts

# Every chart of every shipped scenario drawn at slide and A4 size in both languages: make test runs
# it, make test-fast leaves it out (test_charts draws and checks the charts one by one).
pytestmark = pytest.mark.slow

LANGS = ("vi", "en")
SIZES = ("slide", "a4")


@pytest.fixture(scope="module")
def runs(processed_baseline) -> dict:
    """Every shipped scenario, projected and judged, with a small Monte Carlo and the tornado."""
    inputs = pipeline.load_inputs(processed_baseline)
    return {sc.name: pipeline.run(sc, inputs=inputs, uncertainty=True, draws=300, seed=1, tornado=True)
            for sc in list_scenarios()}


def ordered(runs: dict, first: str) -> list:
    return [runs[first]] + [r for name, r in runs.items() if name != first]


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_states_the_judges_verdicts_for_every_shipped_scenario(runs, lang):
    problems = []
    for name in runs:
        problems += charts.verdict_disagreements(ordered(runs, name), lang)
    assert not problems, "\n".join(problems)


def test_the_researcher_range_case_reads_met_above_the_range(runs):
    """7.5 against "5–7 per 10,000" is met (a level to reach, passed), as the judge says."""
    import dataclasses

    # The shipped data no longer have this case (the 2020 count is an assumption: undetermined);
    # the judge's row and the table are set as a Department count of 7.5 per 10,000 would make them.
    run = runs["plan_as_written"]
    att, table = run.attainment.copy(), run.table.copy()
    pick = (att["target_id"] == "researchers_2020") & (att["year"] == 2020)
    att.loc[pick, ["status", "verdict", "central_verdict", "value", "grade"]] = ["met", "met", "met", 7.5, "derived"]
    table.loc[(table["variable"] == "researcher_density") & (table["year"] == 2020), "value"] = 7.5
    run = dataclasses.replace(run, attainment=att, projection=dataclasses.replace(run.projection, table=table))
    row = run.attainment.loc[pick].iloc[0]
    assert row["status"] == "met" and row["value"] > row["upper"]
    for lang, words in (("vi", "(đạt, vượt khoảng mục tiêu)"), ("en", "(met, above the range)")):
        fig = charts.researcher_density_chart(run, lang=lang)
        assert f"2020 {words}" in charts.chart_texts(fig)["title"].replace("năm 2020", "2020").replace("in 2020", "2020")
        plt.close(fig)


def chart_set_for(runs: dict, first: str, lang: str, size: str, *, multi: bool) -> dict:
    """The standard set with ``first`` as the primary scenario (multi-scenario charts only when asked)."""
    figs = charts.standard_charts(ordered(runs, first), lang=lang, size=size)
    if not multi:
        for stem in (charts.CHART_NAMES[3], charts.CHART_NAMES[4]):
            plt.close(figs.pop(stem))
        if first != "plan_as_written":
            plt.close(figs.pop(charts.CHART_NAMES[0]))  # the plan's budget is the same for all
        figs["sufficiency-alone"] = charts.funding_sufficiency_chart(runs[first], lang=lang, size=size)
    else:
        keep = (charts.CHART_NAMES[3], charts.CHART_NAMES[4])
        for stem in [k for k in figs if k not in keep]:
            plt.close(figs.pop(stem))
        figs["comparison-researchers"] = charts.scenario_comparison_chart(
            ordered(runs, first), "researcher_density", lang=lang, size=size)
    return figs


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_text_is_clipped_or_overlapping_at_slide_and_a4_size(runs, lang, size):
    problems = []
    jobs = [(name, False) for name in runs] + [("plan_as_written", True)]
    for name, multi in jobs:
        figs = chart_set_for(runs, name, lang, size, multi=multi)
        try:
            for stem, fig in figs.items():
                problems += [f"{name} {stem} [{lang}, {size}]: {p}" for p in charts.layout_problems(fig)]
        finally:
            for fig in figs.values():
                plt.close(fig)
    assert not problems, "\n".join(problems)


def test_the_layout_check_sees_a_clipped_legend_and_a_label_on_a_line():
    """The check itself: a legend pushed off the page and a label drawn over a line are reported."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([0, 1], [0, 1], label="Chi KH&CN giữ tỷ lệ so với GRDP, một tên rất dài")
    ax.legend(loc="upper left", bbox_to_anchor=(0.9, 1.0))
    ax.text(0.5, 0.5, "100% = vừa đủ", ha="center", va="center")
    found = charts.layout_problems(fig)
    plt.close(fig)
    assert any(p.startswith("outside the page") for p in found)
    assert any(p.startswith("label on a line") for p in found)


def test_titles_state_a_finding_in_numbers(runs):
    figs = charts.standard_charts(ordered(runs, "plan_as_written"), lang="vi")
    try:
        for stem, fig in figs.items():
            title = charts.chart_texts(fig)["title"]
            assert any(ch.isdigit() for ch in title), (stem, title)
        multi = charts.chart_texts(figs[charts.CHART_NAMES[3]])["title"]
        assert multi.startswith("Số kịch bản đủ kinh phí cho mục tiêu:")  # titled for all five, not one
        assert "/5 năm 2015" in multi
    finally:
        for fig in figs.values():
            plt.close(fig)


def test_sufficiency_is_shown_as_percent_of_the_need_everywhere(runs):
    run = runs["plan_as_written"]
    fig = charts.funding_sufficiency_chart(run, lang="vi")
    ratio = float(run.sufficiency.query("year == 2015")["value"].iloc[0])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"{round(ratio * 100)}%" in texts  # 0.50 in the table is 50% on the chart
    assert fig.axes[0].get_ylabel() == "% nhu cầu kinh phí"
    assert "(100% = vừa đủ)" in charts.chart_texts(fig)["subtitle"]
    plt.close(fig)


def test_exports_of_a_real_chart_are_byte_identical(runs, tmp_path):
    paths = []
    for sub in ("a", "b"):
        fig = charts.funding_sufficiency_chart(list(runs.values()), lang="vi")
        paths.append(charts.save_figure(fig, tmp_path / sub / "chart"))
        plt.close(fig)
    for a, b in zip(*paths, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.suffix


def test_importing_the_chart_package_does_not_import_matplotlib():
    """Report kernels pay for every import (issue 16): the charts load when first drawn."""
    code = ("import sys; from khcn_analysis.present import charts; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'; "
            "charts.CHART_NAMES; assert 'matplotlib' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
