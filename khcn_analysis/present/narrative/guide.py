"""The reading guide of the report pages: the three verdict words and the evidence grades.

A planner meets "Chưa xác định" or "ngoại suy ngược" in a table and must be able to
read it without the README; the guide is built from the same catalogue words the
tables use, so the explanation and the tables cannot drift apart.
"""

from __future__ import annotations

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import (
    grade_explanation,
    value_status_label,
    verdict_long_label,
)
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.core.grades import GRADES, VERDICTS

__all__ = ["evidence_guide"]


def evidence_guide(lang: Lang = "vi", level: int = 3) -> str:
    """Markdown: a heading, the verdict words with what they promise, the grades with what they mean."""
    lang = check_lang(lang)
    lines = [f"{'#' * level} {t('guide.heading', lang)}", "", t("guide.intro", lang), "", t("guide.verdicts", lang)]
    lines += [t("guide.item", lang, word=verdict_long_label(v, lang), text=t(f"guide.verdict.{v}", lang))
              for v in VERDICTS]
    lines += ["", t("guide.grades", lang)]
    lines += [t("guide.item", lang, word=value_status_label(g, lang), text=grade_explanation(g, lang))
              for g in GRADES]
    return "\n".join(lines)
