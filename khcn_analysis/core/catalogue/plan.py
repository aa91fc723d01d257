"""The words of the plan as data: scopes, bases of shares, sources of money, the plan's text report."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "plan.scope.province": ("tỉnh", "province"),
    "plan.scope.national": ("quốc gia", "national"),
}
