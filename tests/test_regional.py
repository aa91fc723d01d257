"""Regional comparison: Lai Châu beside neighbours, the region and Vietnam."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from khcn_analysis.data.assumptions import load_assumptions  # noqa: E402
from khcn_analysis.data.build import build_tables  # noqa: E402
from khcn_analysis.data.regional import regional_table  # noqa: E402
from khcn_analysis.data.sources import read_sources  # noqa: E402
from khcn_analysis.present.baseline_charts import regional_chart  # noqa: E402
from khcn_analysis.present.baseline_page import regional_tables  # noqa: E402

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="module")
def table():
    facts = read_sources(RAW / "sources.csv")
    tables = build_tables(facts, load_assumptions(RAW / "assumptions.yaml"),
                          RAW / "assumptions.yaml")
    return regional_table(tables["observations"])


def pick(table, region, variable, year):
    row = table[(table.region == region) & (table.variable == variable) & (table.year == year)]
    assert len(row) == 1
    return row.iloc[0]


def test_every_region_with_sources_appears(table):
    assert set(table.region) == {"Lai Chau", "Dien Bien", "Lao Cai", "Son La", "Ha Giang",
                                 "Thai Nguyen", "Northern midlands and mountain areas",
                                 "Vietnam"}


def test_st_line_share_from_the_same_budget_form(table):
    lc = pick(table, "Lai Chau", "st_line_share_recurrent_provincial", 2022)
    assert lc.value == pytest.approx(14.286 / 1808.245 * 100)
    assert lc.status == "derived" and lc.unit == "%"
    assert lc.source == ("laichau.st_budget_recurrent_provincial_level.2022.a;"
                         "laichau.budget_expenditure_recurrent_provincial_level.2022.a")
    assert pick(table, "Lao Cai", "st_line_share_recurrent_provincial", 2023).value == \
        pytest.approx(48.062 / 2748.982 * 100)
    assert pick(table, "Son La", "st_line_share_recurrent_provincial", 2020).value == \
        pytest.approx(24.752 / 4919.257 * 100)


def test_pii_and_per_capita(table):
    assert pick(table, "Lai Chau", "pii_score", 2023).value == 22.78
    assert pick(table, "Northern midlands and mountain areas", "pii_score", 2023).value == 32.19
    assert pick(table, "Thai Nguyen", "pii_score", 2023).value == 47.75
    assert pick(table, "Dien Bien", "grdp_per_capita", 2023).value == 42.98
    assert pick(table, "Lai Chau", "population", 2016).value == 436.0


def test_snapshot_uses_vietnamese_labels_and_numbers(table):
    from types import SimpleNamespace

    tables = regional_tables(SimpleNamespace(regional=table), lang="vi")
    assert len(tables) == 2 and all(len(t.columns) <= 4 for t in tables)  # split to fit the page width
    snap = next(t for t in tables if any(c.startswith("Chỉ số đổi mới") for c in t.columns)).set_index("Vùng")
    assert snap.index[0] == "Lai Châu"
    assert "Trung du và miền núi phía Bắc" in snap.index
    col = [c for c in snap.columns if c.startswith("Chỉ số đổi mới")][0]
    assert snap.loc["Lai Châu", col] == "22,78 (2023)"
    assert snap.loc["Sơn La", col] == "–"
    en = regional_tables(SimpleNamespace(regional=table), lang="en")[0].set_index("Region")
    assert "Northern midlands & mountains" in en.index


def test_chart_highlights_lai_chau(table):
    fig = regional_chart(table, "pii_score", lang="vi")
    bars = fig.axes[0].patches
    assert len(bars) == 4
    colors = {tuple(round(c, 3) for c in b.get_facecolor()) for b in bars}
    assert len(colors) == 2
