from __future__ import annotations

import pytest

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_money_bn, format_number, format_percent


def test_vietnamese_conventions():
    assert format_percent(1.5) == "1,5%"
    assert format_money_bn(12345, decimals=0) == "12.345 tỷ đồng"
    assert format_number(1234567.891, 2) == "1.234.567,89"


def test_english_conventions():
    assert format_percent(1.5, lang="en") == "1.5%"
    assert format_money_bn(12345, decimals=0, lang="en") == "12,345 bn VND"


def test_missing_values_show_a_dash():
    assert format_number(float("nan")) == "–"
    assert format_percent(None) == "–"


def test_unknown_language_is_an_error():
    with pytest.raises(InputError, match="expected 'vi'"):
        check_lang("fr")
