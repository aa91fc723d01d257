"""The half-year report's rules that need no projection: periods, the responsibilities file,
and how snapshots are stored (never overwritten, replaced only with a dated backup)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.plan.load import load_plan
from khcn_analysis.plan.responsibilities import ResponsibilitiesError, load_responsibilities
from khcn_analysis.report.progress.changes import Reason, compare_snapshots, source_reasons
from khcn_analysis.report.progress.periods import Period, current_period, parse_period
from khcn_analysis.report.progress.snapshot import (
    AlreadyReported,
    Snapshot,
    latest_before,
    read_snapshot,
    snapshots,
    store_snapshot,
)

ROOT = Path(__file__).resolve().parent.parent
PLAN_TEXT = ROOT / "data" / "raw" / "plans" / "ke-hoach-khcn-lai-chau-2013.txt"
RESPONSIBILITIES = ROOT / "data" / "raw" / "plans" / "lai-chau-2013-responsibilities.yaml"
TODAY = date(2026, 11, 29)


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize("text", ["2026-H3", "2026H2", "26-H1", "2026-h2x", "", "2026-H0", "H2-2026"])
def test_a_period_is_written_YYYY_H1_or_YYYY_H2(text):
    with pytest.raises(InputError, match="YYYY-H1 or YYYY-H2"):
        parse_period(text, day=TODAY)


def test_a_period_that_has_not_begun_is_refused():
    assert parse_period("2026-H2", day=TODAY) == Period(2026, 2)  # in progress: allowed
    with pytest.raises(InputError, match="has not begun.*2026-H2 or an earlier period"):
        parse_period("2027-H1", day=TODAY)
    with pytest.raises(InputError, match="has not begun"):
        parse_period("2026-H2", day=date(2026, 6, 30))
    assert parse_period("2026-H2", day=date(2026, 7, 1)) == Period(2026, 2)


def test_a_period_before_the_plan_is_refused():
    with pytest.raises(InputError, match="before the plan began.*2013-H1 or later"):
        parse_period("2012-H2", day=TODAY, first_year=2013)
    assert parse_period("2013-H1", day=TODAY, first_year=2013).start == date(2013, 1, 1)


def test_periods_order_label_and_bounds():
    h1, h2 = Period(2026, 1), Period(2026, 2)
    assert h1 < h2 < Period(2027, 1) and h2.previous() == h1 and h1.previous() == Period(2025, 2)
    assert (h2.start, h2.end, h2.last_complete_year) == (date(2026, 7, 1), date(2026, 12, 31), 2025)
    assert h2.label("vi") == "6 tháng cuối năm 2026" and h1.label("vi") == "6 tháng đầu năm 2026"
    assert h2.label("en") == "the second half of 2026"
    assert current_period(date(2026, 6, 30)) == h1 and current_period(date(2026, 7, 1)) == h2


def test_the_command_reads_the_injectable_clock(monkeypatch, capsys, tmp_path):
    from khcn_analysis.cli import main

    monkeypatch.setattr("khcn_analysis.report.progress.periods.now", lambda: datetime(2026, 3, 1))
    assert main(["progress", "--period", "2026-H2", "--out", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "2026-H2, a period that has not begun (today is 2026-03-01)" in err and "Traceback" not in err
    assert main(["progress", "--period", "2026/2", "--out", str(tmp_path / "x.docx")]) == 2
    assert "YYYY-H1 or YYYY-H2" in capsys.readouterr().err
    assert main(["progress", "--period", "2025-H2", "--out", str(tmp_path / "x.docx"), "--scenario", "nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------- the responsibilities file


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_link_quotes_the_plan_verbatim_with_the_agency_s_own_clause():
    plan = load_plan()
    links = load_responsibilities(RESPONSIBILITIES, plan)
    text = _normalise(PLAN_TEXT.read_text(encoding="utf-8"))
    clauses = {a.id: a.clause for a in plan.agencies}
    for link in links.links:
        for r in link.responsible:
            assert _normalise(r.text_vi) in text, r.text_vi
            assert r.clause == clauses[r.agency]
    assert _normalise(links.reporting.text_vi) in text
    # The links a reader can check against the plan's duties (hand-written from the plan text):
    lead = {link.indicator: (link.lead.agency, link.lead.clause) for link in links.links}
    assert lead["researcher_density"] == ("doha", "D'.II.4")  # the S&T human-resources scheme
    assert lead["st_budget_share_expenditure"] == ("dof", "D'.II.3")  # the yearly S&T budget share
    assert lead["st_investment_share_grdp"] == ("dpi", "D'.II.2")  # mobilising S&T investment
    assert lead["technology_renewal_rate"] == ("doit", "D'.II.5")
    assert lead["tfp_share_growth"] == ("dost", "D'.II.1")  # no agency named: the focal point
    assert links.for_indicator("tfp_share_growth").lead.basis == "focal_point"


@pytest.mark.parametrize("edit, found", [
    (("agency: doha", "agency: police"), "police"),
    (("clause: D'.II.4", "clause: D'.II.5"), "D'.II.5"),
    (("indicator: researcher_density", "indicator: researcher_count"), "researcher_count"),
    (("Đề án phát triển nguồn nhân lực", "Đề án nhân lực"), "a sentence of the duties"),
])
def test_a_link_the_plan_does_not_make_is_refused(tmp_path, edit, found):
    bad = tmp_path / "bad.yaml"
    bad.write_text(RESPONSIBILITIES.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    with pytest.raises(ResponsibilitiesError, match=re.escape(found)):
        load_responsibilities(bad)


# --------------------------------------------------------------------------- snapshots


def snapshot(period: str, *, verdicts=(), values=(), facts=None, source_sets=None, department=None,
             inputs=None, scenario=None, written="2026-06-20T09:00:00") -> Snapshot:
    return Snapshot(period=period, written_at=written, scenario=scenario or {"name": "s", "sha256": "a"},
                    inputs=inputs or {"sources.csv": "x"}, code={"version": "1", "sha256": "c"},
                    department=department or {"current_import": None, "events": []},
                    verdicts=list(verdicts), values=list(values), facts=facts or {},
                    source_sets=source_sets or [])


def test_a_snapshot_is_never_overwritten_and_replace_keeps_a_dated_backup(tmp_path):
    period = Period(2026, 1)
    first, _ = store_snapshot(snapshot("2026-H1"), period, tmp_path)
    kept = first.read_bytes()
    with pytest.raises(AlreadyReported, match="--replace"):
        store_snapshot(snapshot("2026-H1", written="2026-06-21T09:00:00"), period, tmp_path)
    assert first.read_bytes() == kept
    again, backup = store_snapshot(snapshot("2026-H1", written="2026-06-22T09:00:00"), period, tmp_path,
                                   replace=True, now=datetime(2026, 6, 22, 9, 0))
    assert again == first and backup.name == "snapshot-replaced-20260622T090000.json"
    assert backup.read_bytes() == kept
    assert read_snapshot(again).written_at == "2026-06-22T09:00:00"
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".")]  # no staging file left


def test_snapshots_are_listed_in_time_order_and_read_strictly(tmp_path):
    for text in ("2025-H2", "2026-H1", "2024-H1"):
        store_snapshot(snapshot(text), Period(int(text[:4]), int(text[-1])), tmp_path)
    (tmp_path / "notes").mkdir()
    assert [p.id for p in snapshots(tmp_path)] == ["2024-H1", "2025-H2", "2026-H1"]
    assert latest_before(Period(2026, 1), tmp_path) == Period(2025, 2)
    assert latest_before(Period(2024, 1), tmp_path) is None
    doc = json.loads((tmp_path / "2026-H1" / "snapshot.json").read_text(encoding="utf-8"),
                     parse_constant=lambda c: pytest.fail(f"not strict JSON: {c}"))
    assert doc["format"] == "khcn-workbook/progress-snapshot"
    (tmp_path / "2024-H1" / "snapshot.json").write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(KhcnError, match="progress snapshot"):
        read_snapshot(tmp_path / "2024-H1" / "snapshot.json")


def test_why_a_value_moved_is_read_from_its_sources():
    before = snapshot("2026-H1", facts={"f.a": "1", "assumption:x": "a1"})
    after = snapshot("2026-H2", facts={"f.a": "2", "assumption:x": "a1", "f.b": "3"})
    department = "department.2026-09-15-140000-abcd1234.researchers.2020"
    # a Department figure replaces an assumption: the import, not the assumption, is why
    assert source_reasons(["assumption:x", "f.a"], [department], before, after) == [
        Reason("department", ("2026-09-15-140000-abcd1234",))]
    assert source_reasons(["f.a"], ["f.a", "f.b"], before, after) == [
        Reason("public_figure", ("f.b",)), Reason("public_revised", ("f.a",))]
    changed = snapshot("2026-H2", facts={"f.a": "1", "assumption:x": "a2"})
    assert source_reasons(["assumption:x"], ["assumption:x"], before, changed) == [Reason("assumption", ("x",))]
    assert source_reasons(["f.a"], ["f.a"], before, before) == []


def test_a_verdict_that_moved_with_nothing_in_its_sources_is_put_down_to_the_scenario_or_method():
    row = {"target_id": "t", "indicator": "i", "year": 2020, "verdict": "met"}
    value = {"variable": "i", "year": 2020, "value": 1.0, "status": "projected", "sources": 0}
    old = snapshot("2026-H1", verdicts=[row], values=[value], source_sets=[["f.a"]])
    new_scenario = snapshot("2026-H2", verdicts=[{**row, "verdict": "not_met"}], values=[{**value, "value": 0.5}],
                            source_sets=[["f.a"]], scenario={"name": "other", "sha256": "b"})
    changes = compare_snapshots(old, new_scenario)
    assert [(c.target_id, c.before["verdict"], c.after["verdict"]) for c in changes.verdicts] == [
        ("t", "met", "not_met")]
    assert changes.verdicts[0].reasons == [Reason("scenario", ("other",))]
    assert changes.inputs.scenario and not changes.inputs.department_events
    same = compare_snapshots(old, snapshot("2026-H2", verdicts=[row], values=[value], source_sets=[["f.a"]]))
    assert not same.verdicts and not same.values and not same.inputs.any


def test_a_value_no_longer_estimated_is_put_down_to_what_moved_its_series():
    """A Department count for 2020 starts the record there: the earlier estimates vanish for that count."""
    department = "department.2026-09-15-140000-abcd1234.researchers.2020"
    estimate = {"variable": "researchers", "status": "assumption", "sources": 0}
    old = snapshot("2026-H1", source_sets=[["assumption:x", "f.a"]], facts={"assumption:x": "a", "f.a": "1"},
                   values=[{**estimate, "year": 2019, "value": 146.0}, {**estimate, "year": 2020, "value": 149.0}])
    new = snapshot("2026-H2", source_sets=[[department]], facts={},
                   values=[{"variable": "researchers", "year": 2020, "value": 120.0, "status": "observed",
                            "sources": 0}])
    changes = compare_snapshots(old, new)
    assert [(c.year, c.after is None) for c in changes.values] == [(2019, True), (2020, False)]
    assert all(c.reasons == [Reason("department", ("2026-09-15-140000-abcd1234",))] for c in changes.values)
