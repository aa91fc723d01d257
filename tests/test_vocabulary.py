"""One wording for value statuses and verdicts, whichever module shows them."""

from __future__ import annotations

import pytest

from khcn_analysis.cli import labels as cli_labels
from khcn_analysis.core.catalogue.status import (
    ATTAINMENT_LABELS,
    VALUE_STATUS_LABELS,
    attainment_label,
    value_status_label,
)
from khcn_analysis.core.grades import GRADES
from khcn_analysis.present import narrative
from khcn_analysis.present.charts.text import status_word, verdict_word


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_module_names_a_verdict_the_same_way(lang: str) -> None:
    for status in ATTAINMENT_LABELS:
        word = ATTAINMENT_LABELS[status][lang]
        assert narrative.verdict_word(status, lang) == word
        assert attainment_label(status, lang, lower=True) == word[:1].lower() + word[1:]
        assert verdict_word(status, lang) == word[:1].lower() + word[1:]


def test_the_one_vietnamese_wording() -> None:
    assert [ATTAINMENT_LABELS[s]["vi"] for s in ("met", "not_met", "not_computable")] == [
        "Đạt", "Chưa đạt", "Chưa tính được"]
    assert attainment_label("not_computable", "vi", lower=True) == "chưa tính được"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_module_names_a_value_status_the_same_way(lang: str) -> None:
    assert set(VALUE_STATUS_LABELS) == set(GRADES)  # a value's status is its evidence grade
    for status, words in VALUE_STATUS_LABELS.items():
        assert status_word(status, lang) == value_status_label(status, lang, lower=True)
        assert status_word(status, lang).lower() == words[lang].lower()
    legend = cli_labels.status_legend(lang)
    for status, mark in cli_labels.STATUS_MARK.items():
        if mark:
            assert f"{mark} = {value_status_label(status, lang, lower=True)}" in legend
    assert value_status_label("unknown_status", lang) == "unknown_status"
