"""The explorer end to end: ``khcn explore`` serving Voilà, driven in a real headless Chromium.

Runs in a private project root (``KHCN_ROOT`` = a tmp copy with data built), so the
scenario the test saves never lands in the checkout's ``scenarios/``. Screenshots go
to ``tests/artifacts/explore/`` (git-ignored) for a human to look at.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from language_leaks import VIETNAMESE_PROPER_NAMES, leaks

pytestmark = [pytest.mark.slow, pytest.mark.system]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "explore"
# ../shared/STACK.md's flags; Playwright adds --headless and a fresh --user-data-dir itself.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Words that would mean English slipped into the Vietnamese page.
ENGLISH_WORDS = ("Scenario", "target", "projected", "assumption", "Met", "Not met", "Enough", "Short",
                 "Save", "Export", "Folder", "Language", "growth", "Researchers", "Error", "per year")
SERVER_START_S = 120
PAGE_READY_MS = 120_000
UPDATE_MS = 30_000


@pytest.fixture(scope="module")
def project(new_project):
    """A private project root with processed data built from a copy of data/raw."""
    root = new_project("explore-project")
    _hostile_scenario(root / "scenarios")
    return root


#: A shared scenario file whose title and description try to run script in the page.
HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">'
HOSTILE_DESCRIPTION = '<svg onload="window.__xss=2"></svg><iframe src="javascript:window.__xss=3"></iframe>'


def _hostile_scenario(folder: Path) -> None:
    import yaml

    data = yaml.safe_load((folder / "plan_as_written.yaml").read_text(encoding="utf-8"))
    data.update(name="xss_trinh_duyet", title_vi=HOSTILE_TITLE, title_en=HOSTILE_TITLE,
                description_vi=HOSTILE_DESCRIPTION, description_en=HOSTILE_DESCRIPTION)
    (folder / "xss_trinh_duyet.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(project):
    """``khcn explore --no-browser`` on a free port; always stopped at teardown."""
    port = _free_port()
    log = (project / "explore-server.log").open("w+", encoding="utf-8")
    env = {**os.environ, "KHCN_ROOT": str(project), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "khcn"), "explore", "--no-browser", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            log.seek(0)
            text = log.read()
            if url in text:
                break
            if proc.poll() is not None:
                pytest.fail(f"khcn explore exited with {proc.returncode}:\n{text}")
            if time.monotonic() > deadline:
                pytest.fail(f"khcn explore did not print {url} within {SERVER_START_S} s:\n{text}")
            time.sleep(0.3)
        yield url, proc, log
    finally:
        if proc.poll() is None:
            # What Ctrl-C does in a terminal: SIGINT to the CLI, which stops Voilà itself.
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def page(server, chromium):
    from playwright.sync_api import sync_playwright

    url, _, _ = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        try:
            pg = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="vi-VN")
            pg.set_default_timeout(UPDATE_MS)
            pg.goto(url, timeout=PAGE_READY_MS)
            pg.wait_for_selector(".khcn-cell[data-indicator='st_investment_share_grdp'][data-year='2030']",
                                 timeout=PAGE_READY_MS)
            pg.wait_for_selector("img.khcn-chart-funding-sufficiency", timeout=PAGE_READY_MS)
            yield pg
        finally:
            browser.close()


def _value(page, indicator: str, year: int = 2030) -> str:
    return page.get_attribute(f".khcn-cell[data-indicator='{indicator}'][data-year='{year}']", "data-value")


def test_server_listens_on_localhost_only(server):
    url, proc, _ = server
    assert url.startswith("http://127.0.0.1:")
    assert proc.poll() is None
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for addr in addresses - {"127.0.0.1"}:
        with socket.socket() as sock:
            sock.settimeout(1)
            assert sock.connect_ex((addr, port)) != 0, f"explorer reachable on {addr}"


def test_page_loads_with_vietnamese_controls_table_and_charts(page):
    assert "Khám phá kịch bản" in page.inner_text(".khcn-header")
    assert "Tăng trưởng GRDP" in page.inner_text(".khcn-controls")
    assert "Chưa đạt" in page.inner_text(".khcn-table")
    for ind in ("st-investment-share-grdp", "researcher-density", "funding-sufficiency"):
        img = page.locator(f"img.khcn-chart-{ind}")
        assert img.evaluate("el => el.complete && el.naturalWidth") > 400  # a drawn chart, not a broken image
    page.screenshot(path=str(ARTIFACTS / "01-loaded.png"), full_page=True)
    # Vietnamese means Vietnamese (issue 14): no English working word on the page.
    text = page.inner_text(".khcn-explore")
    for word in ENGLISH_WORDS:
        assert not re.search(rf"\b{word}\b", text), word
    assert leaks(text, "vi") == []  # the shared detector: no English, ids, NaN or temporary paths
    # A 1,280 px window: nothing wider than the window, so nothing is cut or scrolled sideways.
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
        page.screenshot(path=str(ARTIFACTS / "01-loaded-1280.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1600, "height": 1000})


def _engine_2030(project: Path, **changes) -> float:
    """What the engine gives in 2030 for plan_as_written with ``changes``, in the test's project root."""
    import dataclasses

    from khcn_analysis.present.explore import Explorer

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHCN_ROOT", str(project))
        explorer = Explorer()
        settings = dataclasses.replace(explorer.settings_for("plan_as_written"), **changes)
        return explorer.compute(settings).value("st_investment_share_grdp", 2030)


def test_changing_a_control_changes_the_2030_values(page, project):
    before = _value(page, "st_investment_share_grdp")
    density_before = _value(page, "researcher_density")
    assert before
    # The S&T budget rule: from the plan as written to a fixed share of expenditure.
    page.select_option(".khcn-budget-rule select", value=None, label="Tỷ lệ cố định của tổng chi ngân sách")
    page.wait_for_function(
        "b => document.querySelector(\".khcn-cell[data-indicator='st_investment_share_grdp'][data-year='2030']\")"
        ".dataset.value !== b", arg=before, timeout=UPDATE_MS)
    after = _value(page, "st_investment_share_grdp")
    assert float(after) > float(before) * 5  # 2 % of expenditure is far above the plan's 20 bn a year
    # The GRDP slider by keyboard, as a user moves the handle: 12 % → 9 % in six 0,5 steps.
    handle = page.locator(".khcn-grdp-growth-pct .noUi-handle")
    handle.focus()
    for _ in range(6):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('.khcn-grdp-growth-pct-readout').innerText.includes('9,0')",
                           timeout=UPDATE_MS)
    # The page settles on exactly the engine's number for those settings.
    expected = _engine_2030(project, st_budget_rule="fixed_share_expenditure", grdp_growth_pct=9.0)
    page.wait_for_function(
        "e => Math.abs(parseFloat(document.querySelector(\".khcn-cell[data-indicator='st_investment_share_grdp']"
        "[data-year='2030']\").dataset.value) - e) < 1e-9", arg=expected, timeout=UPDATE_MS)
    assert expected > float(after)  # slower GRDP, same share of expenditure: a larger share of GRDP
    assert _value(page, "researcher_density") == density_before  # GRDP does not move researchers
    page.screenshot(path=str(ARTIFACTS / "02-changed.png"), full_page=True)
    page.locator("img.khcn-chart-funding-sufficiency").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "02-changed-charts.png"))


def test_save_writes_a_valid_scenario_and_refuses_a_shipped_name(page, project):
    from khcn_analysis.model.scenarios import load_scenario

    name_box = page.locator(".khcn-save-name input")
    name_box.fill("plan_as_written")
    page.click("button.khcn-save")
    page.wait_for_selector(".khcn-save-message .khcn-refused", timeout=UPDATE_MS)
    assert "plan_as_written" in page.inner_text(".khcn-save-message")
    shipped = (ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")
    assert (project / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8") == shipped

    name_box.fill("thu_nghiem_trinh_duyet")
    page.locator(".khcn-save-note textarea").fill("Thử nghiệm tự động")
    page.click("button.khcn-save")
    page.wait_for_selector(".khcn-save-message .khcn-ok", timeout=UPDATE_MS)
    path = project / "scenarios" / "thu_nghiem_trinh_duyet.yaml"
    assert path.is_file()
    assert not (ROOT / "scenarios" / "thu_nghiem_trinh_duyet.yaml").exists()
    saved = load_scenario(path)
    assert saved.name == "thu_nghiem_trinh_duyet"
    assert saved.st_budget_rule == "fixed_share_expenditure"  # what the page showed when saved
    assert "Thử nghiệm tự động" in saved.description_vi
    page.screenshot(path=str(ARTIFACTS / "03-saved.png"), full_page=True)


def test_english_relabels_the_page(page):
    page.click(".khcn-lang button:has-text('English')")
    page.wait_for_function("() => document.querySelector('.khcn-table').innerText.includes('Not met')",
                           timeout=UPDATE_MS)
    # The status line is written last in a refresh: once it is English, so are the charts.
    page.wait_for_function("() => document.querySelector('.khcn-status').innerText.includes('Scenario')",
                           timeout=UPDATE_MS)
    assert "Nominal GRDP growth" in page.inner_text(".khcn-controls")
    # Saving kept the base; the drop-down shows its title (the id stays the widget's value).
    assert page.input_value(".khcn-base select") == "Plan 182 as written"
    page.screenshot(path=str(ARTIFACTS / "04-english.png"), full_page=True)
    # what the user typed when saving (a scenario's name and note) is shown as typed, and the
    # language switch names each language in itself
    typed = ("thu_nghiem_trinh_duyet", "Thử nghiệm tự động", "Tiếng Việt")
    assert leaks(page.inner_text(".khcn-explore"), "en", allow=(*VIETNAMESE_PROPER_NAMES, *typed)) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
        page.screenshot(path=str(ARTIFACTS / "04-english-1280.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1600, "height": 1000})


def test_a_hostile_title_shows_as_text_and_runs_nothing(page):
    page.select_option(".khcn-base select", label=HOSTILE_TITLE)
    page.wait_for_function("t => document.querySelector('.khcn-status').innerText.includes(t)",
                           arg=HOSTILE_TITLE, timeout=UPDATE_MS)
    assert HOSTILE_DESCRIPTION in page.inner_text(".khcn-status")  # shown as text
    assert page.locator(".khcn-explore img:not([class*='khcn-chart']), .khcn-explore svg[onload], "
                        ".khcn-explore iframe").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert HOSTILE_TITLE in page.inner_text(".khcn-base select").replace("\xa0", " ")  # listed as text
    page.screenshot(path=str(ARTIFACTS / "05-hostile-title.png"), full_page=True)
