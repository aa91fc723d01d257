"""Can the targets be measured: from data or by hand, with a baseline, read one way, against what."""

from __future__ import annotations

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.plan.audit.finding import Finding, Severity, finding
from khcn_analysis.plan.clauses import clause_text
from khcn_analysis.plan.fields import text_in
from khcn_analysis.plan.model import Plan

__all__ = ["CHECKS"]


def _indicator(indicator: str, lang: Lang) -> str:
    """An indicator's name for a reader (its id only if the registry does not know it)."""
    return INDICATORS[indicator].label(lang) if indicator in INDICATORS else indicator


def computability(plan: Plan) -> list[Finding]:
    if plan.scope != "province":
        return []  # national targets are context, not tracked by the department
    computable = [x for x in plan.targets if x.computable]
    by_hand = [x for x in plan.targets if not x.computable]
    out = []
    if computable:
        nums = {x.id: "+".join(x.inputs) for x in computable}

        def say(lang: Lang) -> str:
            items = "; ".join(dict.fromkeys(
                t("audit.computable.item", lang, indicator=_indicator(x.indicator, lang),
                  inputs="; ".join(_indicator(i, lang) for i in x.inputs))
                for x in computable))
            return t("audit.computable", lang, n=len(computable), items=items)

        out.append(finding("computable_targets", "info", say, nums))
    if by_hand:
        nums2 = {x.id: x.indicator for x in by_hand}

        def say2(lang: Lang) -> str:
            items = ", ".join(dict.fromkeys(x.title(lang) for x in by_hand))
            return t("audit.hand_tracked", lang, n=len(by_hand), items=items)

        out.append(finding("hand_tracked_targets", "info", say2, nums2))
    return out


def no_baseline(plan: Plan) -> list[Finding]:
    if plan.scope != "province":
        return []
    missing = [x for x in plan.targets if x.baseline is None and x.aggregation != "interval"]
    if not missing:
        return []
    researchers = [x for x in missing if x.indicator == "researcher_density"]
    nums = {"targets_without_baseline": len(missing), "targets": ",".join(x.id for x in missing)}
    severity: Severity = "warning"

    def say(lang: Lang) -> str:
        items = "; ".join(dict.fromkeys(x.title(lang) for x in missing))
        text = t("audit.no_baseline", lang, n=len(missing), items=items)
        if researchers:
            text += " " + t("audit.no_baseline.researchers", lang)
        return text

    return [finding("no_baseline", severity, say, nums)]


def ambiguities(plan: Plan) -> list[Finding]:
    out = []
    for target in plan.targets:
        if not (target.ambiguity_vi or target.ambiguity_en):
            continue
        nums: dict = {"lower": target.lower, "upper": target.upper, "year_from": target.year_from,
                      "year_to": target.year_to}
        if target.indicator == "st_fund_share_revenue_local" and target.lower and target.upper:
            nums["ratio_upper_to_lower"] = target.upper / target.lower

        def say(lang: Lang, target=target) -> str:
            note = text_in(target, "ambiguity", lang) or text_in(target, "ambiguity", "en")
            return t("audit.ambiguous", lang, title=target.title(lang), clause=clause_text(target.clause, lang),
                     target=target.describe(lang), note=note)

        out.append(finding(f"ambiguous.{target.id}", "warning", say, nums))
    return out


def gdp_means_grdp(plan: Plan) -> list[Finding]:
    """The plan writes "GDP" for a provincial share: the workbook's reading, said to be one."""
    if plan.scope != "province":
        return []
    hits = [x for x in plan.targets
            if x.base == "grdp" and x.text_vi and "GDP" in x.text_vi and "GRDP" not in x.text_vi]
    if not hits:
        return []
    nums = {"targets": ",".join(x.id for x in hits)}

    def say(lang: Lang) -> str:
        items = "; ".join(dict.fromkeys(f"{x.title(lang)} ({clause_text(x.clause, lang)})" for x in hits))
        return t("audit.gdp_means_grdp", lang, items=items)

    return [finding("gdp_means_grdp", "info", say, nums)]


def general_aim(plan: Plan) -> list[Finding]:
    """The general aim and the 2030 vision name one region's average and measure neither."""
    aim = plan.general_aim
    if aim is None or aim.measurable is not False:
        return []
    nums = {"benchmark_region": aim.benchmark_region}
    vision = next((v for v in plan.vision_2030 if v.id == "regional_average"), None)

    def say(lang: Lang) -> str:
        text = t("audit.general_aim", lang, clause=clause_text(aim.clause, lang))
        if vision is not None:
            text += " " + t("audit.general_aim.vision", lang, clause=clause_text(vision.clause, lang))
        return text

    return [finding("general_aim_unmeasured", "info", say, nums)]


CHECKS = [computability, no_baseline, ambiguities, gdp_means_grdp, general_aim]
