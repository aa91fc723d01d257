"""The words for a value's status and a target's verdict, defined once.

Charts, report tables, the Excel workbook, the explorer and the CLI all name the
same value statuses and the same verdicts; one definition keeps a reader from
meeting "Không tính được" in one place and "Chưa tính được" in another.
Sentence-initial forms are stored; :func:`value_status_label` and
:func:`attainment_label` give the lower-case form used inside legends and text.

A value's status is its evidence grade (:mod:`khcn_analysis.core.grades`): the
grade words are the status words (``grade.<g>`` = ``status.<g>``), with a line
each saying what the grade means (``grade.explain.<g>``). A verdict is a short
word (``verdict.<v>``) and its full, promising form (``verdict.long.<v>``). Funding
sufficiency's verdict is said "enough" / "short" (``sufficiency.met`` / ``sufficiency.not_met``).
"""

from __future__ import annotations

__all__ = [
    "ATTAINMENT_LABELS",
    "GRADE_EXPLANATIONS",
    "VALUE_STATUS_LABELS",
    "VERDICT_LONG_LABELS",
    "WORDS",
    "attainment_label",
    "grade_explanation",
    "value_status_label",
    "verdict_long_label",
]

#: Where a number comes from (the ``status`` column of every tidy table).
VALUE_STATUS_LABELS: dict[str, dict[str, str]] = {
    "observed": {"vi": "Số liệu có nguồn", "en": "Observed"},
    "interpolated": {"vi": "Nội suy", "en": "Interpolated"},
    "derived": {"vi": "Tính từ số liệu có nguồn", "en": "Derived from observed data"},
    "assumption": {"vi": "Giả định", "en": "Assumption"},
    "projected": {"vi": "Dự báo", "en": "Projected"},
    "back-cast": {"vi": "Ngoại suy ngược", "en": "Back-cast"},
    "counterfactual": {"vi": "Giả định phản thực", "en": "Counterfactual"},
}

#: A target's verdict (the ``status`` column of the attainment table).
ATTAINMENT_LABELS: dict[str, dict[str, str]] = {
    "met": {"vi": "Đạt", "en": "Met"},
    "not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "undetermined": {"vi": "Chưa xác định", "en": "Undetermined"},
    "not_computable": {"vi": "Chưa tính được", "en": "Not computable"},
}

#: A robust verdict in full: what "met" and "not met" promise (the judge tried every plausible value).
VERDICT_LONG_LABELS: dict[str, dict[str, str]] = {
    "met": {"vi": "Đạt với mọi giá trị hợp lý", "en": "Met under every plausible value"},
    "not_met": {"vi": "Không đạt với bất kỳ giá trị hợp lý nào", "en": "Not met under any plausible value"},
    "undetermined": {"vi": "Chưa xác định: tùy vào một giả định", "en": "Undetermined: an assumption decides"},
    "not_computable": {"vi": "Chưa tính được", "en": "Not computable"},
}

#: What each evidence grade means, for a planner (legends, notes under tables).
GRADE_EXPLANATIONS: dict[str, dict[str, str]] = {
    "observed": {"vi": "số liệu công bố có nguồn, hoặc số liệu do Sở KH&CN nhập",
                 "en": "a published figure with its source, or the Department's own figure"},
    "interpolated": {"vi": "nội suy giữa hai số liệu ghi nhận của cùng chuỗi",
                     "en": "between two recorded values of the same series"},
    "derived": {"vi": "tính từ số liệu có nguồn theo một công thức nêu rõ",
                "en": "computed from sourced figures by a stated rule"},
    "projected": {"vi": "kịch bản tính tiếp từ số liệu ghi nhận; tốc độ tăng là lựa chọn của kịch bản",
                  "en": "a scenario's path from recorded values; its growth rates are the scenario's choice"},
    "assumption": {"vi": "dựa trên một giả định có khoảng giá trị hợp lý (thấp – cao)",
                   "en": "rests on an assumption with a plausible low–high range"},
    "back-cast": {"vi": "trước số liệu đầu tiên của chuỗi, ngoại suy ngược theo xu hướng của chính chuỗi; không phải số liệu lịch sử",
                  "en": "before the series' first record, extended backwards by its own trend; not history"},
    "counterfactual": {"vi": "kịch bản viết lại quá khứ (ví dụ: nếu kinh phí kế hoạch đã được chi đủ); không phải số liệu lịch sử",
                       "en": "the scenario's rewrite of the past (e.g. if the plan's money had been spent); not history"},
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"status.{k}": (v["vi"], v["en"]) for k, v in VALUE_STATUS_LABELS.items()},
    **{f"verdict.{k}": (v["vi"], v["en"]) for k, v in ATTAINMENT_LABELS.items()},
    **{f"verdict.long.{k}": (v["vi"], v["en"]) for k, v in VERDICT_LONG_LABELS.items()},
    **{f"grade.{k}": (v["vi"], v["en"]) for k, v in VALUE_STATUS_LABELS.items()},
    **{f"grade.explain.{k}": (v["vi"], v["en"]) for k, v in GRADE_EXPLANATIONS.items()},
    "grade.title": ("Mức độ bằng chứng", "Evidence grade"),
    "warning.line": ("Cảnh báo: {text}", "Warning: {text}"),
    "verdict.title": ("Kết luận", "Verdict"),
    "verdict.deciding_assumption": ("Giả định quyết định", "Deciding assumption"),
    "verdict.breakpoint": ("Ngưỡng đổi kết luận", "Breakpoint"),
    # the judge's funding-sufficiency verdict (judge/sufficiency.py): met = the money covers the need
    "sufficiency.met": ("Đủ", "Enough"),
    "sufficiency.not_met": ("Thiếu", "Short"),
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


def verdict_long_label(verdict: str, lang: str = "vi", *, lower: bool = False) -> str:
    """A robust verdict in full ("Met under every plausible value"); an unknown verdict is shown as is."""
    text = VERDICT_LONG_LABELS.get(verdict, {}).get(lang, verdict)
    return _lower_first(text) if lower else text


def grade_explanation(grade: str, lang: str = "vi") -> str:
    """One line on what an evidence grade means, for legends and notes."""
    return GRADE_EXPLANATIONS.get(grade, {}).get(lang, grade)
