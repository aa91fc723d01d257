"""Every source has a reader's name in Vietnamese beside its English one (issue 14.1)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from khcn_analysis.core import provenance
from khcn_analysis.core.catalogue.sources import SOURCE_NAMES

ROOT = Path(__file__).resolve().parent.parent
VI_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


def shipped_source_names() -> set[str]:
    with open(ROOT / "data" / "raw" / "sources.csv", encoding="utf-8", newline="") as fh:
        return {row["source_name"] for row in csv.DictReader(fh)}


def test_every_shipped_source_has_a_vietnamese_and_an_english_name() -> None:
    shipped = shipped_source_names()
    missing = sorted(shipped - set(SOURCE_NAMES))
    assert not missing, f"sources without a reader's name in core/catalogue/sources.py: {missing}"
    for name in shipped:
        vi, en = SOURCE_NAMES[name]
        assert vi.strip() and en.strip(), name
        assert " via " not in vi and " via " not in en, name  # the mirror stays in the sources table


def test_no_name_is_kept_for_a_source_that_is_not_shipped() -> None:
    assert set(SOURCE_NAMES) <= shipped_source_names()


@pytest.mark.parametrize("english", [
    "MoF budget-disclosure portal (ckns.mof.gov.vn) via GitHub xuanhaihust/nsnn-budget-crawler",
    "Thesis excerpt on 123docz.net (citing Lai Châu Statistical Yearbook 2015)",
    "IP-hosted news page (publisher not identified)",
])
def test_vietnamese_names_are_vietnamese(english: str) -> None:
    vi = provenance.display_name(english, "vi")
    assert set(vi.lower()) & VI_LETTERS, vi
    assert "Thesis" not in vi and "portal" not in vi and "news page" not in vi.lower()


def details() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["laichau.grdp.2015.a", "laichau.st_budget.2022.a"],
        "name": ["GSO statistical yearbook via GitHub choisy/gso",
                 "A source added later, not yet named"],
    })


@pytest.mark.parametrize(("sid", "vi", "en"), [
    ("laichau.grdp.2015.a", "Niên giám thống kê (TCTK)", "GSO statistical yearbook"),
    ("assumption:st_investment_state_share", "giả định", "assumption"),
    ("plan:lai-chau-2013:researchers_2020", "Kế hoạch kèm QĐ 182/QĐ-UBND",
     "Plan attached to Decision 182/QĐ-UBND"),
    ("department.2026-01-15.researchers.2020", "Sở KH&CN Lai Châu", "Lai Châu DOST"),
    # Unknown to the catalogue: the English name; unknown to the table: the id.
    ("laichau.st_budget.2022.a", "A source added later, not yet named", "A source added later, not yet named"),
    ("nowhere.x.2020.a", "nowhere.x.2020.a", "nowhere.x.2020.a"),
])
def test_source_label_by_kind_of_id(sid: str, vi: str, en: str) -> None:
    assert provenance.source_label(sid, "vi", details()) == vi
    assert provenance.source_label(sid, "en", details()) == en


def test_source_labels_name_each_publisher_once_and_assumptions_last() -> None:
    cells = ["laichau.grdp.2015.a;assumption:a", "scenario:plan_as_written", "laichau.grdp.2015.a",
             "plan:lai-chau-2013:x"]
    assert provenance.source_labels(cells, "vi", details()) == [
        "Niên giám thống kê (TCTK)", "Kế hoạch kèm QĐ 182/QĐ-UBND", "giả định"]
    mapping = {"laichau.grdp.2015.a": "GSO statistical yearbook via GitHub choisy/gso"}
    assert provenance.source_labels("laichau.grdp.2015.a", "en", mapping) == ["GSO statistical yearbook"]


def test_the_name_lookup_is_built_once_per_table_and_a_new_table_gets_its_own():
    import gc

    import pandas as pd

    from khcn_analysis.core.provenance import _LOOKUPS, name_lookup

    first = pd.DataFrame({"id": ["gso.population.2015.a", "x.y.2020.b"], "name": ["GSO", None]})
    lookup = name_lookup(first)
    assert lookup == {"gso.population.2015.a": "GSO"} and name_lookup(first) is lookup
    second = pd.DataFrame({"id": ["gso.population.2015.a"], "name": ["Another publisher"]})
    assert name_lookup(second) == {"gso.population.2015.a": "Another publisher"}
    key = id(first)
    del first
    gc.collect()
    assert key not in _LOOKUPS  # forgotten with its table: a new table at that address starts afresh
