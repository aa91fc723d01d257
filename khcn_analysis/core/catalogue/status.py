"""The words for a value's status and a target's verdict, defined once.

Charts, report tables, the Excel workbook, the explorer and the CLI all name the
same value statuses and the same verdicts; one definition keeps a reader from
meeting "Không tính được" in one place and "Chưa tính được" in another.
Sentence-initial forms are stored; :func:`value_status_label` and
:func:`attainment_label` give the lower-case form used inside legends and text.
"""

from __future__ import annotations

__all__ = [
    "ATTAINMENT_LABELS",
    "VALUE_STATUS_LABELS",
    "WORDS",
    "attainment_label",
    "value_status_label",
]

#: Where a number comes from (the ``status`` column of every tidy table).
VALUE_STATUS_LABELS: dict[str, dict[str, str]] = {
    "observed": {"vi": "Số liệu có nguồn", "en": "Observed"},
    "interpolated": {"vi": "Nội suy", "en": "Interpolated"},
    "derived": {"vi": "Tính từ số liệu có nguồn", "en": "Derived from observed data"},
    "assumption": {"vi": "Giả định", "en": "Assumption"},
    "projected": {"vi": "Dự báo", "en": "Projected"},
}

#: A target's verdict (the ``status`` column of the attainment table).
ATTAINMENT_LABELS: dict[str, dict[str, str]] = {
    "met": {"vi": "Đạt", "en": "Met"},
    "not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "not_computable": {"vi": "Chưa tính được", "en": "Not computable"},
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"status.{k}": (v["vi"], v["en"]) for k, v in VALUE_STATUS_LABELS.items()},
    **{f"verdict.{k}": (v["vi"], v["en"]) for k, v in ATTAINMENT_LABELS.items()},
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def value_status_label(status: str, lang: str = "vi", *, lower: bool = False) -> str:
    """The reader's word for a value status; an unknown status is shown as is."""
    text = VALUE_STATUS_LABELS.get(status, {}).get(lang, status)
    return _lower_first(text) if lower else text


def attainment_label(status: str, lang: str = "vi", *, lower: bool = False) -> str:
    """The reader's word for a verdict; an unknown status is shown as is."""
    text = ATTAINMENT_LABELS.get(status, {}).get(lang, status)
    return _lower_first(text) if lower else text
