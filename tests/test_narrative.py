"""Report text (present/narrative): scenarios under their titles, user text never live markup."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from html_safety import PAYLOADS, live_markup, visible_text
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from khcn_analysis.model.scenarios import load_scenario, validate_parameters
from khcn_analysis.present import narrative as nr
from khcn_analysis.report.html import sanitise_html


def rendered(markdown: str) -> str:
    """Markdown as the report pages render it (nbconvert's renderer, then the page's sanitiser)."""
    return sanitise_html(markdown2html_mistune(markdown))


def links(html: str) -> list[str]:
    """Links other than a heading's own anchor (``href="#…"``, added by the renderer)."""
    return [part for part in html.split("<a ")[1:] if not part.startswith('class="anchor-link" href="#')]


def _table() -> pd.DataFrame:
    rows = [
        {"scenario": name, "variable": "st_investment_share_grdp", "unit": "%", "year": 2030,
         "value": value, "status": "projected", "source": f"scenario:{name}"}
        for name, value in (("plan_as_written", 0.5), ("austerity", 0.3), ("tu_dat", 0.9))
    ]
    return pd.DataFrame(rows)


def test_comparison_table_and_sentence_name_scenarios_by_title():
    table = _table()
    vi = nr.comparison_table(table, "vi", indicators=("st_investment_share_grdp",))
    assert list(vi.columns)[1:] == ["Theo Kế hoạch 182", "Cắt giảm kinh phí", "tu_dat"]
    en = visible_text(rendered(nr.comparison_sentence(table, "en")))
    assert "lowest under Funding cut" in en and "highest under tu_dat" in en


def test_attainment_counts_and_sentence_use_the_title():
    att = pd.DataFrame([{"scope": "province", "status": "met", "year": 2030, "indicator": "st_investment_share_grdp",
                         "target_id": "x"}])
    counts = nr.attainment_counts({"plan_as_written": att}, "en", years=(2030,))
    assert counts.iloc[0, 0] == "Plan 182 as written"
    assert "kịch bản **Theo Kế hoạch 182** đạt **1/1**" in nr.attainment_sentence(att, "plan_as_written", "vi")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_in_markdown_is_shown_as_typed_and_never_live(payload):
    html = rendered(f"# {nr.md_text(payload)}\n\n{nr.md_text(payload + ' **b** `c` # d')}")
    assert live_markup(html) == [] and live_markup(markdown2html_mistune(nr.md_text(payload))) == []
    assert links(html) == [] and "<img" not in html
    assert visible_text(html) == f"{payload} ¶ {payload} **b** `c` # d"


@pytest.fixture(scope="module")
def hostile():
    params = load_scenario("plan_as_written").as_parameters()
    params.update(title_vi=PAYLOADS[0], title_en=PAYLOADS[3], description_vi=" ".join(PAYLOADS),
                  description_en=" ".join(reversed(PAYLOADS)))
    return validate_parameters(params)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_headings_and_sentences_escape_a_hostile_scenario(hostile, lang):
    att = pd.DataFrame([{"scope": "province", "status": "met", "year": 2030,
                         "indicator": "st_investment_share_grdp", "target_id": "x"}])
    parts = [nr.page_heading("h03", hostile, lang), nr.scenario_list([hostile], lang),
             nr.attainment_sentence(att, hostile, lang)]
    for part in parts:
        html = rendered(part)
        assert live_markup(html) == [] and live_markup(markdown2html_mistune(part)) == [], part
        assert links(html) == [] and "<img" not in html
    title = hostile.title(lang)
    assert title in visible_text(rendered(parts[0]))
    assert " ".join(hostile.description(lang).split()) in visible_text(rendered(parts[0]))


def test_tables_escape_titles_in_headers_and_cells():
    frame = pd.DataFrame({p: [p] for p in PAYLOADS})
    html = nr.html_table(frame, "x")
    assert live_markup(html) == []
    assert visible_text(html) == " ".join(PAYLOADS + PAYLOADS)


def test_the_sanitiser_leaves_no_live_markup_and_keeps_reader_tables():
    for payload in PAYLOADS:
        assert live_markup(sanitise_html(payload)) == [], payload
    clean = sanitise_html('<table class="dataframe khcn-x"><tr><th>a</th><td colspan="2">1</td></tr></table>')
    assert '<table class="dataframe khcn-x">' in clean and '<td colspan="2">1</td>' in clean
    assert "javascript" not in sanitise_html('<a href=" javascript:alert(1)">x</a><a href="https://a.vn/">y</a>')
    assert 'href="https://a.vn/"' in sanitise_html('<a href="https://a.vn/">y</a>')


def test_assumptions_show_choices_and_distributions_in_words_not_ids():
    sc = load_scenario("plan_as_written")
    for lang, words in (("vi", ("phân phối tam giác", "Giữ mức bình quân")), ("en", ("triangular", "Held at"))):
        text = " ".join(nr.assumptions_table(sc, lang).astype(str).to_numpy().ravel())
        assert all(w in text for w in words), text
    vi = " ".join(nr.assumptions_table(sc, "vi").astype(str).to_numpy().ravel())
    for raw in ("triangular", "uniform", "hold", "plan_as_written", "share_of_total", "persons"):
        assert raw not in vi


def test_sources_are_named_for_readers_and_ids_stay_in_the_file(processed_baseline):
    from khcn_analysis import pipeline
    from khcn_analysis.pipeline.inputs import load_inputs

    results = pipeline.run(load_scenario("plan_as_written"), inputs=load_inputs(processed_dir=processed_baseline))
    page = nr.sources_used(results, "vi", ids=False)
    text = " ".join(page.astype(str).to_numpy().ravel())
    assert "Cổng công khai ngân sách của Bộ Tài chính" in text and "MoF" not in text
    assert "Kế hoạch kèm QĐ 182/QĐ-UBND" in text and "Mục tiêu tại B.II, mục 4" in text
    assert not re.search(r"\b[a-z]+\.[a-z0-9_]+\.\d{4}\.[a-z]\b", text)  # no fact ids (URLs are fine)
    full = nr.sources_used(results, "vi")
    assert full.columns[-1] == "Mã nguồn" and full["Số giá trị dùng"].sum() == page["Số giá trị dùng"].sum()
    assert any("assumption:" in ids for ids in full["Mã nguồn"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_reading_guide_explains_every_verdict_word_and_every_grade_in_the_tables_words(lang):
    from khcn_analysis.core.catalogue.status import value_status_label, verdict_long_label
    from khcn_analysis.core.grades import GRADES, VERDICTS

    guide = nr.evidence_guide(lang)
    items = [line for line in guide.splitlines() if line.startswith("- **")]
    assert len(items) == len(VERDICTS) + len(GRADES)
    for verdict in VERDICTS:  # the same words as the tables, each with what it promises
        assert f"- **{verdict_long_label(verdict, lang)}**: " in guide, verdict
    for grade in GRADES:  # strongest first, as core.grades orders them
        assert f"- **{value_status_label(grade, lang)}**: " in guide, grade
    order = [guide.index(f"**{value_status_label(g, lang)}**") for g in GRADES]
    assert order == sorted(order)
    assert ("234" in guide) and (("Sở KH&CN" in guide) if lang == "vi" else ("Department" in guide))
