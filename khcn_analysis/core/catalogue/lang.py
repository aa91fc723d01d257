"""Words that turn ids cited in prose into readers' words (core/provenance.plain_references)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "lang.cited_source": ("nguồn trong bảng nguồn", "a source in the sources table"),
    "lang.cited_assumption": ("giả định có lý do", "a reasoned assumption"),
}
