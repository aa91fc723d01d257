"""Scenarios as a reader meets them: by title, with a description, never as markup.

A scenario's title and description are typed by colleagues (and saved by the
explorer), so they are text to show, not Markdown or HTML to render: every page
heading and list built here escapes them with :func:`~.text.md_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.present.narrative.text import heading, md_text

__all__ = ["page_heading", "parse_scenarios", "scenario_label", "scenario_list", "scenario_title"]


def scenario_title(scenario: Any, lang: Lang = "vi") -> str:
    """The scenario's title for readers (a model or an id); its id when it has none. Plain text."""
    from khcn_analysis.model.scenarios import scenario_title as _title

    return _title(scenario, lang)


def scenario_label(scenario: Any, lang: Lang = "vi") -> str:
    """The scenario's description if it has one, else its id. Plain text."""
    describe = getattr(scenario, "description", None)
    return describe(lang) if callable(describe) else str(scenario)


def page_heading(key: str, scenario: Any = None, lang: Lang = "vi") -> str:
    """Markdown: a page's title (``# Heading: scenario title``) and the scenario's description."""
    lang = check_lang(lang)
    if scenario is None:
        return f"# {heading(key, lang)}"
    title = t("narrative.heading.titled", lang, heading=heading(key, lang),
              title=md_text(scenario_title(scenario, lang)))
    return f"# {title}\n\n{md_text(scenario_label(scenario, lang))}"


def scenario_list(scenarios: Sequence[Any], lang: Lang = "vi") -> str:
    """Markdown: one bullet per scenario, its title in bold and its description."""
    lang = check_lang(lang)
    return "\n".join(
        f"- **{md_text(scenario_title(s, lang))}**: {md_text(scenario_label(s, lang))}" for s in scenarios
    )


def parse_scenarios(value: str | Sequence[str]) -> list[str]:
    """A notebook's ``scenarios`` parameter: a list, or names separated by commas."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(s).strip() for s in items if str(s).strip()]
