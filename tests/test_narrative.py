"""Report text (narrative.py): scenarios appear to readers under their titles."""

from __future__ import annotations

import pandas as pd

from khcn_analysis.present import narrative as nr


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
    en = nr.comparison_sentence(table, "en")
    assert "lowest under **Funding cut**" in en and "highest under **tu_dat**" in en


def test_attainment_counts_and_sentence_use_the_title():
    att = pd.DataFrame([{"scope": "province", "status": "met", "year": 2030, "indicator": "st_investment_share_grdp",
                         "target_id": "x"}])
    counts = nr.attainment_counts({"plan_as_written": att}, "en", years=(2030,))
    assert counts.iloc[0, 0] == "Plan 182 as written"
    assert "kịch bản **Theo Kế hoạch 182** đạt **1/1**" in nr.attainment_sentence(att, "plan_as_written", "vi")
