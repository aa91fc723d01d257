"""What a chart says: values with their units, subtitles, scenario titles, source lines.

Every word comes from the catalogue (``charts.*`` in ``core/catalogue/charts.py``,
the shared status and verdict words, the indicator registry's labels); source
names come from :mod:`khcn_analysis.core.provenance`, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from khcn_analysis.core import provenance
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.formatting import Lang, format_number
from khcn_analysis.core.indicators import get_indicator, unit_label
from khcn_analysis.core.plain_text import clean_text

__all__ = [
    "MAX_SOURCE_NAMES", "PLAN_ID", "decimals_of", "dash", "format_value", "indicator_decimals",
    "indicator_label", "indicator_unit_label", "mid", "scenario_title", "short_value",
    "source_line", "status_word", "subtitle", "verdict_word", "w",
]

#: The plan whose targets the charts draw (``plan:<id>:…`` source ids name it).
PLAN_ID = "lai-chau-2013"
#: A source line names at most this many sources and counts the rest.
MAX_SOURCE_NAMES = 8


def w(key: str, lang: str, **fields: object) -> str:
    """A chart word: ``charts.<key>`` of the catalogue."""
    return t(f"charts.{key}", lang, **fields)


def dash(a: object, b: object) -> str:
    return f"{int(a)}–{int(b)}"  # type: ignore[call-overload]


def decimals_of(value: float) -> int:
    """0 for a whole number, else 1: levels as the plan writes them (1,5 not 1,50)."""
    return 0 if float(value).is_integer() else 1


def mid(label: str) -> str:
    """A label used mid-sentence: lower-case the first letter unless it is an acronym."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


# ---------------------------------------------------------------- indicators and values


def indicator_label(indicator: str, lang: str) -> str:
    return get_indicator(indicator).label(lang)  # type: ignore[arg-type]


def indicator_unit_label(indicator: str, unit: str | None, lang: str) -> str:
    return unit_label(unit, lang) if unit else get_indicator(indicator).unit_label(lang)  # type: ignore[arg-type]


def indicator_decimals(indicator: str) -> int:
    return get_indicator(indicator).decimals


def format_value(value: float, unit: str, lang: str, decimals: int) -> str:
    """A value with its unit as a reader writes it: 1,5% or 5,2 người/vạn dân."""
    text = format_number(value, decimals, lang)  # type: ignore[arg-type]
    if unit == "%":
        return f"{text}%"
    label = unit_label(unit, lang) if unit else ""  # type: ignore[arg-type]
    return f"{text} {label}" if label else text


def short_value(value: float, unit: str, lang: str, decimals: int) -> str:
    """A value for a title or label: the unit is in the subtitle, only the % sign stays."""
    if value is None or pd.isna(value):
        return "–"
    return format_number(value, decimals, lang) + ("%" if unit == "%" else "")  # type: ignore[arg-type]


def status_word(status: str, lang: str) -> str:
    """A value status inside a legend: "số liệu có nguồn", "dự báo"."""
    return value_status_label(status, lang, lower=True)


def verdict_word(status: str, lang: str) -> str:
    """The judge's verdict inside a sentence: "đạt", "chưa đạt"."""
    return attainment_label(status, lang, lower=True)


# ---------------------------------------------------------------- scenarios, subtitles


def scenario_title(name: str, lang: str, titles: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A scenario's title for readers (legend, subtitle); tables keep the id.

    ``titles`` (``{id: {lang: title}}``, from the run's :class:`Results`) is used
    first; otherwise a shipped scenario's title, otherwise the id itself.
    """
    if titles and name in titles and lang in titles[name]:
        return clean_text(titles[name][lang])
    from khcn_analysis.model.scenarios import scenario_title as shipped_title

    return clean_text(shipped_title(name, lang))


def subtitle(indicator: str, unit: str, scenarios: Sequence[str], rows: pd.DataFrame, lang: str,
             titles: Mapping[str, Mapping[str, str]] | None = None, unit_text: str | None = None) -> str:
    """'Đơn vị: %; kịch bản: A, B; số liệu 2010–2022; dự báo 2023–2030'."""
    from khcn_analysis.present.charts.style import status_style

    unit_text = unit_text if unit_text is not None else indicator_unit_label(indicator, unit, lang)
    names = ", ".join(scenario_title(n, lang, titles) for n in scenarios)
    parts = [w("unit", lang, unit=unit_text), w("scenarios" if len(scenarios) > 1 else "scenario", lang, names=names)]
    modelled = rows["status"].map(lambda s: status_style(str(s)).modelled)
    recorded = rows.loc[~modelled & (rows["status"] != "assumption"), "year"]
    projected = rows.loc[rows["status"] == "projected", "year"]
    if len(recorded):
        parts.append(w("data_years", lang, span=dash(recorded.min(), recorded.max())))
    if len(projected):
        parts.append(w("projected_years", lang, span=dash(projected.min(), projected.max())))
    return "; ".join(parts)


# ---------------------------------------------------------------- source lines


def source_line(
    sources: Iterable[object] = (),
    *,
    lang: Lang = "vi",
    statuses: Iterable[object] = (),
    extra: Sequence[str] = (),
    details: object = None,
    omit: Sequence[str] = (),
) -> str:
    """'Nguồn: A; B; giả định' from the plotted rows' source ids and statuses.

    Names come from :func:`khcn_analysis.core.provenance.source_labels` with the
    run's source details (``Results.sources``); nothing here reads a file.
    """
    names = list(extra) + [n for n in provenance.source_labels(list(sources), lang, details) if n not in omit]
    assumed = t("sources.assumption", lang)
    if any(str(s) == "assumption" for s in statuses) and assumed not in names:
        names.append(assumed)
    names = list(dict.fromkeys(names))
    if len(names) > MAX_SOURCE_NAMES:
        # Keep the line readable but say how many were left out and where to find them.
        keep = names[: MAX_SOURCE_NAMES - 1]
        if assumed in names and assumed not in keep:
            keep.append(assumed)
        names = keep + [t("sources.more", lang, n=len(names) - len(keep))]
    return t("sources.line", lang, names="; ".join(names) if names else t("sources.none", lang))


def chart_source(rows: pd.DataFrame, clauses: Sequence[str], lang: str, details: object = None) -> str:
    """The source line of a chart of projection rows and the plan's targets."""
    extra, omit = [], []
    if clauses:
        plan = provenance.source_label(f"plan:{PLAN_ID}", lang)
        extra.append(w("source.targets", lang, plan=plan, clauses=", ".join(dict.fromkeys(clauses))))
        omit.append(plan)  # named once, with the clauses
    if (rows["status"] == "projected").any():
        extra.append(w("source.projection", lang))
    return source_line(rows["source"], lang=lang, statuses=rows["status"], extra=extra,  # type: ignore[arg-type]
                       details=details, omit=omit)
