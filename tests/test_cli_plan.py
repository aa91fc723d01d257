"""``khcn plan`` and ``khcn audit``: readable tables, JSON, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from khcn_analysis.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "plans"
ROOT = Path(__file__).resolve().parent.parent
KHCN = Path(sys.executable).parent / "khcn"


def test_plan_table_is_vietnamese_by_default(capsys):
    assert main(["plan"]) == 0
    out = capsys.readouterr().out
    assert "MỤC TIÊU" in out and "KINH PHÍ" in out
    assert "≥ 1,5% GRDP" in out and "5–7 người/vạn dân" in out
    assert "124,5" in out and "101,5" in out and "khoảng 226 tỷ đồng" in out
    assert "Sở Tài chính" in out and "C.I.9" in out


def test_plan_table_in_english(capsys):
    assert main(["plan", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "TARGETS" in out and "≥ 1.5% of GRDP" in out and "124.5" in out
    assert "about 226 bn VND" in out


def test_plan_json(capsys):
    assert main(["plan", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["id"] == "lai-chau-2013"
    assert len(payload["targets"]) == 12
    assert payload["budget"]["total"]["value"] == 226
    assert sum(r["amount"] for r in payload["budget_table"]) == 226


def test_plan_option_loads_another_file(capsys):
    assert main(["plan", "--plan", str(ROOT / "data/raw/plans/national-targets.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Nghị quyết số 57-NQ/TW" in out and "1,2–1,5% GDP" in out


def test_audit_table_and_json(capsys):
    assert main(["audit"]) == 0
    out = capsys.readouterr().out
    assert "[CẢNH BÁO] yearly_average" in out and "28,25" in out
    assert main(["audit", "--format", "json", "--lang", "en"]) == 0
    payload = json.loads(capsys.readouterr().out)
    by_id = {f["id"]: f for f in payload["findings"]}
    assert by_id["yearly_average"]["numbers"]["implied_average"] == 28.25
    assert by_id["yearly_average"]["severity"] == "warning"


def test_audit_with_error_findings_still_exits_zero(capsys):
    assert (
        main(["audit", "--plan", str(FIXTURES / "unbalanced-phase.yaml"), "--format", "json"]) == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert {"id": "phase_sum.p1", "severity": "error"}.items() <= next(
        f for f in payload["findings"] if f["id"] == "phase_sum.p1"
    ).items()


def test_invalid_file_exits_2_with_a_clear_message(capsys):
    path = FIXTURES / "bounds-reversed.yaml"
    for command in ("plan", "audit"):
        assert main([command, "--plan", str(path)]) == 2
        err = capsys.readouterr().err
        assert str(path) in err and "targets[0].upper" in err
        assert "found 5" in err and "bounds are reversed" in err
        assert "Traceback" not in err


def test_missing_file_exits_2(capsys, tmp_path):
    assert main(["audit", "--plan", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_console_script_runs_audit_json():
    result = subprocess.run(
        [str(KHCN), "audit", "--format", "json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plan"] == "lai-chau-2013"
