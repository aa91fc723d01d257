"""Tables and sentences for the report pages (notebooks 03, 04, 05), in vi and en.

Notebooks narrate and call the library: the sentences a briefing needs ("by 2030 the
scenario meets 1 of 4 computable targets") and the reader tables are computed here
from the pipeline's results, so a notebook cell stays one line and every number in
the prose comes from data. One module per concept:

- :mod:`.text`: columns, cells and safe text shared by all tables;
- :mod:`.scenarios`: page headings and scenario lists (user text escaped);
- :mod:`.attainment`: headline indicators and the judge's verdicts (page 03);
- :mod:`.funding`: sufficiency by phase and what the targets would take (page 03);
- :mod:`.assumptions`, :mod:`.sources`: what the scenario assumes, where numbers come from;
- :mod:`.comparison`: scenarios side by side (page 04);
- :mod:`.uncertainty`: probabilities and sensitivity (page 05).
"""

from khcn_analysis.present.narrative.assumptions import ASSUMPTION_ROWS, assumptions_table
from khcn_analysis.present.narrative.attainment import (
    ATTAINMENT_COLUMNS,
    HEADLINE_INDICATORS,
    attainment_sentence,
    attainment_table,
    headline_table,
)
from khcn_analysis.present.narrative.comparison import (
    COMPARISON_INDICATORS,
    attainment_counts,
    comparison_sentence,
    comparison_table,
)
from khcn_analysis.present.narrative.funding import (
    funding_by_phase,
    inverse_sentence,
    inverse_table,
)
from khcn_analysis.present.narrative.guide import evidence_guide
from khcn_analysis.present.narrative.scenarios import (
    page_heading,
    parse_scenarios,
    scenario_label,
    scenario_list,
    scenario_title,
)
from khcn_analysis.present.narrative.sources import sources_used
from khcn_analysis.present.narrative.text import (
    MILESTONES,
    Column,
    build_table,
    heading,
    html_table,
    md_text,
    note,
    verdict_word,
)
from khcn_analysis.present.narrative.uncertainty import (
    bands_long,
    probability_sentence,
    probability_table,
    tornado_effects,
)
from khcn_analysis.present.narrative.warnings import warning_lines

__all__ = [
    "evidence_guide",
    "warning_lines",
    "ASSUMPTION_ROWS",
    "ATTAINMENT_COLUMNS",
    "COMPARISON_INDICATORS",
    "HEADLINE_INDICATORS",
    "MILESTONES",
    "Column",
    "assumptions_table",
    "attainment_counts",
    "attainment_sentence",
    "attainment_table",
    "bands_long",
    "build_table",
    "comparison_sentence",
    "comparison_table",
    "funding_by_phase",
    "heading",
    "headline_table",
    "html_table",
    "inverse_sentence",
    "inverse_table",
    "md_text",
    "note",
    "page_heading",
    "parse_scenarios",
    "probability_sentence",
    "probability_table",
    "scenario_label",
    "scenario_list",
    "scenario_title",
    "sources_used",
    "tornado_effects",
    "verdict_word",
]
