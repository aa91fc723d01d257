"""The words of the plan audit: severities, the heading and every finding."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "audit.heading": ("Kiểm tra số học của kế hoạch: {title}", "Audit of the plan's arithmetic: {title}"),
    "audit.severity.error": ("LỖI", "ERROR"),
    "audit.severity.warning": ("CẢNH BÁO", "WARNING"),
    "audit.severity.info": ("THÔNG TIN", "INFO"),
    "audit.count": ("{severity}: {n}", "{severity}: {n}"),
}
