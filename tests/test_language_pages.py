"""The report pages in one language each, at 1,280 px (issue 14.1 and the screenshot done-when).

One ``khcn report`` batch per language, run once for this module in a private project root:
Vietnamese for every shipped scenario, English for the plan as written (the batch's pages
do not depend on the scenario for their words). Each page's visible text (no code, styles
or hidden cells: what a browser shows) is checked with :func:`language_leaks.leaks`; each
page is opened in headless Chromium in a 1,280 px window, must not scroll sideways, and
is saved as a full-page PNG in ``tests/artifacts/language/pages-<lang>/`` (git-ignored)
for a person to look at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from html_safety import visible_text
from language_leaks import DOCUMENT_NUMBERS, VIETNAMESE_PROPER_NAMES, leaks
from test_language import PUBLISHERS_EN, SCENARIOS

from khcn_analysis.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "language"
WIDTH = 1280
#: The pages of a batch: 01, 02 and 04 once, 03 and 05 per scenario, and the index.
PAGES_PER_BATCH = {"vi": 4 + 2 * len(SCENARIOS), "en": 6}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def batches(new_project, khcn_root) -> dict[str, Path]:
    """lang → the folder of its complete batch (``reports/latest``)."""
    root = new_project("language-pages")
    out = {}
    with khcn_root(root):
        for lang, chosen in (("vi", ["--all"]), ("en", ["--scenario", "plan_as_written"])):
            reports = root / f"reports-{lang}"
            assert main(["report", *chosen, "--lang", lang, "--out", str(reports), "--jobs", "2"]) == 0
            out[lang] = reports / "latest"
    return out


def page_texts(folder: Path) -> dict[str, str]:
    return {p.name: visible_text(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.html"))}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_speaks_its_language(batches, lang):
    texts = page_texts(batches[lang])
    assert len(texts) == PAGES_PER_BATCH[lang], sorted(texts)
    allow = [*PUBLISHERS_EN, *VIETNAMESE_PROPER_NAMES] if lang == "en" else []
    found = {}
    for name, text in texts.items():
        text = DOCUMENT_NUMBERS.sub(" ", text)
        if lang == "en":
            text = re.sub(r"“[^”]*”", " ", text)  # the plan's own sentence, quoted before its gloss
        problems = leaks(text, lang, allow=allow)
        if problems:
            found[name] = sorted(set(problems))[:12]
    assert found == {}


def test_a_leak_put_back_into_a_page_fails(batches):
    text = page_texts(batches["vi"])["03_scenario_report--plan_as_written.html"]
    assert leaks(text, "vi") == []
    for planted in ("projected", "B.II item 3", "True", "st_budget", "/tmp/pytest-of-x"):
        assert leaks(f"{text} {planted}", "vi"), planted


def test_every_page_fits_1280_px_and_is_kept_as_a_screenshot(batches, chromium):
    """No page scrolls sideways in a 1,280 px window; a full-page PNG of each for a person to look at."""
    from playwright.sync_api import sync_playwright

    too_wide, shots = {}, []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_page(viewport={"width": WIDTH, "height": 900})
            for lang, folder in batches.items():
                target = ARTIFACTS / f"pages-{lang}"
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                for page in sorted(folder.glob("*.html")):
                    tab.goto(page.resolve().as_uri())
                    width = tab.evaluate("() => document.documentElement.scrollWidth")
                    if width > WIDTH:
                        too_wide[f"{lang}/{page.name}"] = width
                    shot = target / f"{page.stem}.png"
                    tab.screenshot(path=str(shot), full_page=True)
                    shots.append(shot)
        finally:
            browser.close()
    assert too_wide == {}
    assert len(shots) == sum(PAGES_PER_BATCH.values())
    assert all(s.stat().st_size > 10_000 for s in shots)  # a drawn page, not a blank one
