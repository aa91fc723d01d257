"""Reporting periods: the halves of a year the plan reports on ("định kỳ 6 tháng").

A period is written ``YYYY-H1`` (January–June) or ``YYYY-H2`` (July–December). A report
may be written for the period in progress or any earlier one since the plan began, never
for one that has not started: today's date comes from :func:`now` (the system clock),
which tests replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError

__all__ = ["PERIOD_FORMAT", "Period", "current_period", "parse_period", "now", "parse_period_id", "today"]

PERIOD_FORMAT = "YYYY-H1 or YYYY-H2 (e.g. 2026-H2)"
_PATTERN = re.compile(r"(\d{4})-H([12])")


def now() -> datetime:
    """The clock every report reads (tests replace it)."""
    return datetime.now()


def today() -> date:
    return now().date()


@dataclass(frozen=True, order=True)
class Period:
    """One half of a year; ordered in time."""

    year: int
    half: int  # 1 = January–June, 2 = July–December

    @property
    def id(self) -> str:
        return f"{self.year}-H{self.half}"

    def __str__(self) -> str:
        return self.id

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def last_complete_year(self) -> int:
        """The latest year whose figures can be final when the report is written."""
        return self.year - 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self, lang: str) -> str:
        """"6 tháng đầu năm 2026" / "first half of 2026"."""
        return t(f"progress.period.h{self.half}", lang, year=self.year)

    def previous(self) -> Period:
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)


def current_period(day: date | None = None) -> Period:
    """The half-year that contains ``day`` (default: today)."""
    day = day or today()
    return Period(day.year, 1 if day.month <= 6 else 2)


def parse_period_id(text: str) -> Period | None:
    """A period id as written (``2026-H2``), unchecked against the clock; None if it is not one."""
    match = _PATTERN.fullmatch(str(text))
    return Period(int(match[1]), int(match[2])) if match else None


def parse_period(text: str, *, day: date | None = None, first_year: int | None = None,
                 option: str = "--period") -> Period:
    """``text`` as a period that has begun by ``day`` (default today) and not before ``first_year``."""
    period = parse_period_id(str(text).strip())
    if period is None:
        raise InputError(None, option, repr(text), PERIOD_FORMAT)
    day = day or today()
    now = current_period(day)
    if period > now:
        raise InputError(None, option, f"{period.id}, a period that has not begun (today is {day.isoformat()})",
                         f"{now.id} or an earlier period")
    if first_year is not None and period.year < first_year:
        raise InputError(None, option, f"{period.id}, before the plan began", f"{first_year}-H1 or later")
    return period
