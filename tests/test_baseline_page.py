"""Page 02's pieces, without running the notebook: tables for readers, charts whose axes span the data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from khcn_analysis import pipeline  # noqa: E402
from khcn_analysis.core.catalogue.status import value_status_label  # noqa: E402
from khcn_analysis.present import baseline_charts as bc  # noqa: E402
from khcn_analysis.present import baseline_page as bp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAW_WORDS = re.compile(r"\bnan\b|\bNone\b|\bTrue\b|\bFalse\b|[a-z_]+\.[a-z0-9_]+\.\d{4}\.[a-z]\b|assumption:|department\.\d", re.I)


@pytest.fixture(scope="module")
def view(processed_baseline: Path) -> pipeline.BaselineView:
    return pipeline.load_baseline(processed_baseline)


def _all_tables(view, lang):
    yield bp.known_table(view.observations, lang)
    yield bp.sources_table(view, lang)
    yield bp.assumptions_table(view, lang)
    yield bp.assumption_values_table(view, lang)
    yield bp.assumption_ranges_table(view, lang)
    yield bp.rules_table(view, lang)
    yield from (table for _region, table in bp.conflicts_tables(view, lang))
    yield bp.dispositions_table(view, lang)
    yield bp.checks_table(view, lang)[0]
    yield from bp.regional_tables(view, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_table_holds_words_and_formatted_numbers_only(view, lang):
    for table in _all_tables(view, lang):
        assert not table.empty
        assert len(table.columns) <= 7
        cells = [str(c) for c in table.columns] + [str(v) for v in table.to_numpy().ravel()]
        bad = [c for c in cells if RAW_WORDS.search(c)]
        assert not bad, bad[:5]


def test_vietnamese_numbers_and_words(view):
    known = bp.known_table(view.observations, "vi").set_index("Chỉ tiêu")
    assert known.loc["Dân số trung bình", value_status_label("observed", "vi")] == "2004–2016, 2019, 2022"
    assert known.loc["Cán bộ nghiên cứu (số người)", value_status_label("assumption", "vi")] == "2011"
    values = bp.assumption_values_table(view, "vi")
    assert "330,1" in set(values["Giá trị"]) and set(values["Tình trạng"]) == {"Đang dùng"}
    # the raw 330 is the HIGH end of its range: the page says which value the projection uses
    ranges = bp.assumption_ranges_table(view, "vi").set_index("Giả định")
    row = ranges.loc["Số cán bộ nghiên cứu năm 2011 (giả định)"]
    assert (row["Thấp"], row["Trung tâm (dùng trong dự báo)"], row["Cao"]) == ("46", "123", "330")
    assert "Niên giám thống kê (TCTK)" in row["Nguồn"]
    checks, notes = bp.checks_table(view, "vi")
    assert any(n.startswith("Nguồn tự mâu thuẫn (đã biết)") for n in notes)
    assert "Không khớp (ghi chú 1)" in set(checks["Kết quả"])


def test_a_one_point_series_gets_an_axis_around_its_year(view):
    fig = bc.main_series_chart(view.observations, "researchers", lang="vi")
    low, high = fig.axes[0].get_xlim()
    assert 2009 <= low < 2011 < high <= 2013  # it used to run from 1925 to 2100
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        value_status_label("assumption", "vi", lower=True)]


def test_the_department_section_names_the_import_and_the_figures_set_aside(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_plausibility import write_department

    from khcn_analysis.data.build import build_processed

    raw = tmp_path / "data" / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    import_id = write_department(raw, [("st_budget", 2020, 20_300), ("st_budget", 2022, 21.5)])
    build_processed(raw_dir=raw, processed_dir=tmp_path / "processed")
    view = pipeline.load_baseline(tmp_path / "processed", raw_dir=raw)
    text = bp.department_text(view, "vi")
    assert import_id in text and "01/03/2025 10:10" in text and "1 số liệu đang được dùng" in text
    findings = bp.findings_table(view, "vi")
    assert list(findings["Năm"]) == ["2020"]
    assert "20.300 tỷ đồng — có phải là triệu đồng?" in findings["Vì sao không dùng"].iloc[0]
    assert "was it entered in million VND?" in bp.findings_table(view, "en").iloc[0, 2]


def test_a_page_02_chart_is_drawn_once_when_saved(view, monkeypatch):
    """Laid out once: saving draws the figure one time, not a second, draw-only pass."""
    from matplotlib.figure import Figure

    from khcn_analysis.present.charts import png_bytes

    draws = []
    original = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda fig, renderer: draws.append(fig) or original(fig, renderer))
    for fig in (bc.main_series_chart(view.observations, "population", lang="vi"),
                bc.regional_chart(view.regional, "grdp_per_capita", lang="vi")):
        draws.clear()
        assert png_bytes(fig).startswith(b"\x89PNG")
        assert len(draws) == 1
