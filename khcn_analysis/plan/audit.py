"""The plan's own arithmetic, checked the way a Department of Finance reviewer would.

Why: a plan can be internally inconsistent (a yearly average that does not follow from
its total, money that halves while targets rise) long before any outturn data exists.
Every finding is computed from the loaded :class:`~khcn_analysis.plan.model.Plan`, carries the
numbers behind it and a severity, and reads in Vietnamese and English. Nothing here
uses outside data: the reviewer's comparison with real GRDP and budgets happens in the
projection and attainment steps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict

from khcn_analysis.core.formatting import Lang, check_lang, format_number, format_percent
from khcn_analysis.plan.model import SOURCE_OF_MONEY_LABELS, Phase, Plan, Target

__all__ = ["Finding", "SEVERITIES", "audit_plan", "findings_table"]

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_LABELS = {
    "error": {"vi": "LỖI", "en": "ERROR"},
    "warning": {"vi": "CẢNH BÁO", "en": "WARNING"},
    "info": {"vi": "THÔNG TIN", "en": "INFO"},
}
TOLERANCE = 1e-6  # bn VND; the plan's figures have at most one decimal


class Finding(BaseModel):
    """One result of the audit: what, how serious, in both languages, with its numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    severity: Severity
    message_vi: str
    message_en: str
    numbers: dict[str, float | int | str | None]

    def message(self, lang: Lang = "vi") -> str:
        return self.message_vi if check_lang(lang) == "vi" else self.message_en


def audit_plan(plan: Plan) -> list[Finding]:
    """All findings on ``plan``, errors first; a plan without a budget gets target checks only."""
    findings: list[Finding] = []
    for check in _CHECKS:
        findings += check(plan)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def findings_table(findings: list[Finding], lang: Lang | None = None) -> pd.DataFrame:
    """Findings as a DataFrame; with ``lang`` a single ``message`` column in that language."""
    rows = []
    for f in findings:
        row = {"id": f.id, "severity": f.severity}
        if lang is None:
            row |= {"message_vi": f.message_vi, "message_en": f.message_en}
        else:
            row["message"] = f.message(lang)
        row["numbers"] = dict(f.numbers)
        rows.append(row)
    columns = ["id", "severity"]
    columns += ["message_vi", "message_en"] if lang is None else ["message"]
    return pd.DataFrame(rows, columns=[*columns, "numbers"])


# ---- helpers ---------------------------------------------------------------------------------


def _n(x: float, lang: Lang, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = 0 if float(x).is_integer() else (1 if float(x * 10).is_integer() else 2)
    return format_number(x, decimals, lang)


def _bn(x: float, lang: Lang, decimals: int | None = None) -> str:
    return f"{_n(x, lang, decimals)} {'tỷ đồng' if lang == 'vi' else 'bn VND'}"


def _pct(x: float, lang: Lang, decimals: int = 1) -> str:
    return format_percent(x, decimals, lang)


def _span(a: int, b: int) -> str:
    return f"{a}–{b}"


def _finding(id: str, severity: Severity, msg: Callable[[Lang], str], numbers: dict) -> Finding:
    return Finding(
        id=id, severity=severity, message_vi=msg("vi"), message_en=msg("en"), numbers=numbers
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _per_year(phase: Phase) -> float:
    return phase.stated_total / len(phase.years)


def _first(plan: Plan, indicator: str, predicate: Callable[[Target], bool]) -> Target | None:
    return next((t for t in plan.targets_for(indicator) if predicate(t)), None)


# ---- checks: budget arithmetic -----------------------------------------------------------------


def _phase_sums(plan: Plan) -> list[Finding]:
    out = []
    for ph in plan.phases:
        diff = ph.lines_total - ph.stated_total
        ok = abs(diff) <= TOLERANCE
        nums = {
            "phase": ph.id,
            "stated_total": ph.stated_total,
            "lines_total": ph.lines_total,
            "difference": diff,
            "lines": len(ph.lines),
        }
        span = _span(ph.start_year, ph.end_year)

        def msg(lang: Lang, ph=ph, diff=diff, ok=ok, span=span) -> str:
            if lang == "vi":
                head = (
                    f"Giai đoạn {span} ({ph.clause}): {len(ph.lines)} dòng kinh phí cộng lại "
                    f"{_bn(ph.lines_total, lang)}, tổng ghi trong kế hoạch {_bn(ph.stated_total, lang)}"
                )
                return head + (" – khớp." if ok else f" – lệch {_bn(diff, lang)}.")
            head = (
                f"Phase {span} ({ph.clause}): its {len(ph.lines)} lines add up to "
                f"{_bn(ph.lines_total, lang)} against a stated total of {_bn(ph.stated_total, lang)}"
            )
            return head + (" – consistent." if ok else f" – off by {_bn(diff, lang)}.")

        out.append(_finding(f"phase_sum.{ph.id}", "info" if ok else "error", msg, nums))
    return out


def _grand_total(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    total = plan.budget.total
    phases_sum = sum(ph.stated_total for ph in plan.phases)
    lines_sum = sum(ph.lines_total for ph in plan.phases)
    diff = phases_sum - total.value
    ok = abs(diff) <= TOLERANCE and abs(lines_sum - total.value) <= TOLERANCE
    nums = {
        "stated_total": total.value,
        "qualifier": total.qualifier,
        "phases_total": phases_sum,
        "lines_total": lines_sum,
        "difference": diff,
    }
    about_vi = "khoảng " if total.qualifier == "about" else ""
    about_en = "about " if total.qualifier == "about" else ""

    def msg(lang: Lang) -> str:
        if lang == "vi":
            text = (
                f"Tổng kinh phí ghi là {about_vi}{_bn(total.value, lang)} ({plan.budget.clause}); "
                f"các giai đoạn cộng lại {_bn(phases_sum, lang)}, các dòng cộng lại {_bn(lines_sum, lang)}"
            )
            text += " – khớp" if ok else f" – lệch {_bn(diff, lang)}"
            if ok and total.qualifier == "about":
                text += ' (kế hoạch viết "khoảng" dù các con số cộng lại đúng bằng)'
            return text + "."
        text = (
            f"The stated total is {about_en}{_bn(total.value, lang)} ({plan.budget.clause}); "
            f"the phases add up to {_bn(phases_sum, lang)}, the lines to {_bn(lines_sum, lang)}"
        )
        text += " – consistent" if ok else f" – off by {_bn(diff, lang)}"
        if ok and total.qualifier == "about":
            text += ' (the plan says "about" although the figures add up exactly)'
        return text + "."

    out = [_finding("grand_total", "info" if ok else "error", msg, nums)]

    # phases must tile the period the total covers, without gaps or overlaps
    years = [y for ph in plan.phases for y in ph.years]
    period = list(range(total.start_year, total.end_year + 1))
    missing = sorted(set(period) - set(years))
    overlap = sorted({y for y in years if years.count(y) > 1})
    outside = sorted(set(years) - set(period))
    if missing or overlap or outside:
        nums2 = {
            "missing_years": ",".join(map(str, missing)) or None,
            "overlapping_years": ",".join(map(str, overlap)) or None,
            "years_outside_period": ",".join(map(str, outside)) or None,
        }

        def msg2(lang: Lang) -> str:
            if lang == "vi":
                return (
                    f"Các giai đoạn không phủ đúng thời kỳ {_span(total.start_year, total.end_year)}: "
                    f"năm thiếu {missing or '–'}, năm trùng {overlap or '–'}, năm ngoài thời kỳ {outside or '–'}."
                )
            return (
                f"The phases do not tile the period {_span(total.start_year, total.end_year)}: "
                f"missing years {missing or '–'}, overlapping {overlap or '–'}, outside {outside or '–'}."
            )

        out.append(_finding("phase_coverage", "error", msg2, nums2))
    return out


def _yearly_average(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    avg = plan.budget.yearly_average
    total = plan.budget.total
    n_years = total.end_year - total.start_year + 1
    implied = total.value / n_years
    years_at_stated = total.value / avg.value if avg.value else float("nan")
    nums: dict = {
        "stated_average": avg.value,
        "stated_total": total.value,
        "years": n_years,
        "implied_average": implied,
        "difference": avg.value - implied,
        "years_implied_by_stated_average": years_at_stated,
    }
    for ph in plan.phases:
        nums[f"{ph.id}.per_year"] = _per_year(ph)
    ok = abs(avg.value - implied) <= 0.5  # the plan rounds to whole billions
    span = _span(total.start_year, total.end_year)
    phases_vi = "; ".join(
        f"{_span(p.start_year, p.end_year)}: {_bn(p.stated_total, 'vi')}/{len(p.years)} năm = "
        f"{_bn(_per_year(p), 'vi', 1)}/năm"
        for p in plan.phases
    )
    phases_en = "; ".join(
        f"{_span(p.start_year, p.end_year)}: {_bn(p.stated_total, 'en')}/{len(p.years)} years = "
        f"{_bn(_per_year(p), 'en', 1)}/year"
        for p in plan.phases
    )

    def msg(lang: Lang) -> str:
        if lang == "vi":
            return (
                f"Bình quân ghi là {_bn(avg.value, lang)}/năm, nhưng {_bn(total.value, lang)} chia "
                f"cho {n_years} năm ({span}) là {_bn(implied, lang, 2)}/năm; muốn bình quân "
                f"{_n(avg.value, lang)} thì tổng phải trải trên {_n(years_at_stated, lang, 1)} năm. "
                f"Theo giai đoạn: {phases_vi}."
            )
        return (
            f"The stated average is {_bn(avg.value, lang)}/year, but {_bn(total.value, lang)} over "
            f"{n_years} years ({span}) is {_bn(implied, lang, 2)}/year; an average of "
            f"{_n(avg.value, lang)} would need {_n(years_at_stated, lang, 1)} years. "
            f"By phase: {phases_en}."
        )

    return [_finding("yearly_average", "info" if ok else "warning", msg, nums)]


def _funding_vs_targets(plan: Plan) -> list[Finding]:
    """Money per year by phase beside how the targets rise between the phases' end years."""
    phases = sorted(plan.phases, key=lambda p: p.start_year)
    if len(phases) < 2:
        return []
    first, last = phases[0], phases[-1]
    a, b = _per_year(first), _per_year(last)
    change = (b - a) / a * 100 if a else float("nan")
    inv_a = plan.target_for("st_investment_share_grdp", first.end_year)
    inv_b = plan.target_for("st_investment_share_grdp", last.end_year)
    res_b = plan.target_for("researcher_density", last.end_year)
    nums: dict = {
        f"{first.id}.per_year": a,
        f"{last.id}.per_year": b,
        "change_percent": change,
        "ratio": b / a if a else None,
    }
    if inv_a:
        nums[f"st_investment_share_grdp.{first.end_year}"] = inv_a.lower
    if inv_b:
        nums[f"st_investment_share_grdp.{last.end_year}"] = inv_b.lower
    if res_b:
        nums[f"researcher_density.{last.end_year}.lower"] = res_b.lower
        nums[f"researcher_density.{last.end_year}.upper"] = res_b.upper
    # which lines carried the first phase and stop in the second
    last_ids = {line.id for line in last.lines}
    stopped = [line for line in first.lines if line.id not in last_ids]
    stopped_total = sum(line.amount for line in stopped)
    nums["lines_stopping_after_first_phase"] = stopped_total
    common = [line.id for line in first.lines if line.id in last_ids]
    for lid in common:
        la = next(x for x in first.lines if x.id == lid).amount / len(first.years)
        lb = next(x for x in last.lines if x.id == lid).amount / len(last.years)
        nums[f"{lid}.per_year.{first.id}"] = la
        nums[f"{lid}.per_year.{last.id}"] = lb
    rises = inv_a is not None and inv_b is not None and (inv_b.lower or 0) > (inv_a.lower or 0)
    severity: Severity = "warning" if change < 0 and (rises or res_b) else "info"
    sa, sb = _span(first.start_year, first.end_year), _span(last.start_year, last.end_year)

    def msg(lang: Lang) -> str:
        parts = []
        if lang == "vi":
            parts.append(
                f"Kinh phí bình quân mỗi năm {'giảm' if change < 0 else 'tăng'} từ {_bn(a, lang, 1)} "
                f"({sa}) {'xuống' if change < 0 else 'lên'} {_bn(b, lang, 1)} ({sb}), tức "
                f"{_pct(abs(change), lang)}"
            )
            if inv_a and inv_b:
                parts.append(
                    f"trong khi mục tiêu đầu tư xã hội cho KH&CN tăng từ {inv_a.describe(lang)} "
                    f"({inv_a.years_label(lang)}) lên {inv_b.describe(lang)} ({inv_b.years_label(lang)})"
                )
            if res_b:
                parts.append(
                    f"và cán bộ nghiên cứu phải đạt {res_b.describe(lang)} vào {last.end_year}"
                )
            text = ", ".join(parts) + "."
            if stopped:
                names = ", ".join(_lower_first(line.purpose_vi) for line in stopped)
                text += (
                    f" Phần giảm chủ yếu do các khoản chỉ có ở giai đoạn đầu ({names}: "
                    f"{_bn(stopped_total, lang)})."
                )
            return text
        parts.append(
            f"Yearly funding {'falls' if change < 0 else 'rises'} from {_bn(a, lang, 1)} ({sa}) "
            f"to {_bn(b, lang, 1)} ({sb}), by {_pct(abs(change), lang)}"
        )
        if inv_a and inv_b:
            parts.append(
                f"while the S&T investment target rises from {inv_a.describe(lang)} "
                f"({inv_a.years_label(lang)}) to {inv_b.describe(lang)} ({inv_b.years_label(lang)})"
            )
        if res_b:
            parts.append(f"and researchers must reach {res_b.describe(lang)} by {last.end_year}")
        text = ", ".join(parts) + "."
        if stopped:
            names = ", ".join(_lower_first(line.purpose_en) for line in stopped)
            text += (
                f" The fall comes from lines found only in the first phase ({names}: "
                f"{_bn(stopped_total, lang)})."
            )
        return text

    return [_finding("funding_vs_targets", severity, msg, nums)]


def _implied_ceilings(plan: Plan) -> list[Finding]:
    """The largest GRDP / budget for which the plan's own money would meet its share targets."""
    out = []
    for ph in plan.phases:
        per_year_all = _per_year(ph)
        state = sum(line.amount for line in ph.lines if line.source_of_money == "state_budget")
        state_per_year = state / len(ph.years)
        inv = plan.target_for("st_investment_share_grdp", ph.end_year)
        bud = plan.target_for("st_budget_share_expenditure", ph.end_year)
        nums: dict = {
            "phase": ph.id,
            "per_year": per_year_all,
            "state_budget_per_year": state_per_year,
        }
        if inv is not None and inv.lower:
            nums["st_investment_share_grdp"] = inv.lower
            nums["max_grdp"] = per_year_all / inv.lower * 100
        if bud is not None and bud.lower:
            nums["st_budget_share_expenditure"] = bud.lower
            nums["max_budget_expenditure"] = state_per_year / bud.lower * 100
        if len(nums) <= 3:
            continue
        span = _span(ph.start_year, ph.end_year)

        def msg(lang: Lang, nums=nums, span=span, inv=inv, bud=bud) -> str:
            bits = []
            if "max_grdp" in nums:
                bits.append(
                    (
                        f"{_bn(nums['per_year'], lang, 1)}/năm chỉ đạt {inv.describe(lang)} nếu GRDP "
                        f"không quá {_bn(nums['max_grdp'], lang, 0)}"
                    )
                    if lang == "vi"
                    else (
                        f"{_bn(nums['per_year'], lang, 1)}/year meets {inv.describe(lang)} only if GRDP "
                        f"is at most {_bn(nums['max_grdp'], lang, 0)}"
                    )
                )
            if "max_budget_expenditure" in nums:
                bits.append(
                    (
                        f"phần ngân sách tỉnh {_bn(nums['state_budget_per_year'], lang, 1)}/năm chỉ đạt "
                        f"{bud.describe(lang)} nếu tổng chi NSĐP không quá "
                        f"{_bn(nums['max_budget_expenditure'], lang, 0)}"
                    )
                    if lang == "vi"
                    else (
                        f"its provincial budget part, {_bn(nums['state_budget_per_year'], lang, 1)}/year, "
                        f"meets {bud.describe(lang)} only if total local expenditure is at most "
                        f"{_bn(nums['max_budget_expenditure'], lang, 0)}"
                    )
                )
            if lang == "vi":
                return (
                    f"Giai đoạn {span}: "
                    + "; ".join(bits)
                    + ". Cần đối chiếu với GRDP và tổng chi "
                    "ngân sách thực tế của tỉnh (bước dự báo và đánh giá mục tiêu)."
                )
            return (
                f"Phase {span}: " + "; ".join(bits) + ". Compare with the province's actual GRDP "
                "and budget (projection and attainment steps)."
            )

        out.append(_finding(f"implied_ceiling.{ph.id}", "info", msg, nums))
    return out


def _sources_of_money(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    table = plan.budget_table()
    by_source = table.groupby("source_of_money")["amount"].sum()
    total = float(table["amount"].sum())
    state = float(by_source.get("state_budget", 0.0))
    central = float(by_source.get("central_programmes", 0.0))
    other = float(by_source.get("other_mobilised", 0.0))
    n_years = plan.budget.total.end_year - plan.budget.total.start_year + 1
    inferred = sum(
        line.amount for ph in plan.phases for line in ph.lines if not line.source_of_money_stated
    )
    social = plan.targets_for("st_investment_share_grdp")
    nums = {
        "total": total,
        "state_budget": state,
        "central_programmes": central,
        "other_mobilised": other,
        "state_budget_share": state / total * 100 if total else None,
        "non_state_share": other / total * 100 if total else None,
        "state_budget_per_year": state / n_years,
        "stated_average": plan.budget.yearly_average.value,
        "source_not_stated": inferred,
    }
    out = []

    def msg(lang: Lang) -> str:
        lab = {k: v[lang] for k, v in SOURCE_OF_MONEY_LABELS.items()}
        if lang == "vi":
            text = (
                f"Trong {_bn(total, lang)}: {lab['state_budget'].lower()} {_bn(state, lang)} "
                f"({_pct(nums['state_budget_share'], lang)}), {lab['central_programmes'].lower()} "
                f"{_bn(central, lang)}, {lab['other_mobilised'].lower()} {_bn(other, lang)} "
                f"({_pct(nums['non_state_share'], lang)}). Vốn Trung ương và vốn huy động không phải "
                f"ngân sách tỉnh: phần tỉnh phải bố trí là {_bn(state, lang)}, bình quân "
                f"{_bn(state / n_years, lang, 1)}/năm – khác con số {_n(plan.budget.yearly_average.value, lang)} "
                "tỷ đồng/năm."
            )
            if social:
                text += (
                    " Mục tiêu lại tính theo tổng đầu tư xã hội, trong khi kế hoạch chỉ dự kiến "
                    f"{_bn(other, lang)} ngoài ngân sách."
                )
            if inferred:
                text += f" Kế hoạch không ghi nguồn cho {_bn(inferred, lang)}; ở đây coi là ngân sách tỉnh."
            return text
        text = (
            f"Of {_bn(total, lang)}: {lab['state_budget'].lower()} {_bn(state, lang)} "
            f"({_pct(nums['state_budget_share'], lang)}), {lab['central_programmes'].lower()} "
            f"{_bn(central, lang)}, {lab['other_mobilised'].lower()} {_bn(other, lang)} "
            f"({_pct(nums['non_state_share'], lang)}). Central and mobilised money is not the "
            f"provincial budget: the province itself must find {_bn(state, lang)}, "
            f"{_bn(state / n_years, lang, 1)}/year – not the stated "
            f"{_n(plan.budget.yearly_average.value, lang)} bn VND/year."
        )
        if social:
            text += (
                " The target counts total social investment, yet the plan expects only "
                f"{_bn(other, lang)} from outside the state budget."
            )
        if inferred:
            text += f" The plan names no source for {_bn(inferred, lang)}; read here as provincial budget."
        return text

    out.append(_finding("sources_of_money", "warning", msg, nums))
    return out


def _investment_vs_recurrent(plan: Plan) -> list[Finding]:
    if not plan.budget or not plan.budget.yearly_average.includes:
        return []
    nums = {"includes": ",".join(plan.budget.yearly_average.includes)}

    def msg(lang: Lang) -> str:
        if lang == "vi":
            return (
                "Kế hoạch nói bình quân năm gồm cả vốn đầu tư phát triển và kinh phí sự nghiệp khoa "
                "học (SNKH), nhưng các dòng kinh phí không ghi dòng nào thuộc nguồn nào; hai nguồn "
                "này được giao dự toán riêng, nên Sở Tài chính không bố trí được theo kế hoạch."
            )
        return (
            "The plan says its yearly average includes both development investment capital and "
            "S&T recurrent funds (SNKH), but no line says which it is; the two are budgeted "
            "separately, so the Department of Finance cannot allocate from the plan as written."
        )

    return [_finding("investment_vs_recurrent", "warning", msg, nums)]


def _fund_outside_budget(plan: Plan) -> list[Finding]:
    fund = plan.targets_for("st_fund_share_revenue_local")
    if not fund or not plan.budget:
        return []
    t = fund[0]
    nums = {
        "lower": t.lower,
        "upper": t.upper,
        "ratio_upper_to_lower": t.upper / t.lower if t.lower else None,
    }

    def msg(lang: Lang) -> str:
        if lang == "vi":
            return (
                f"Trích quỹ phát triển KH&CN {t.describe(lang)} mỗi năm ({t.clause}) không có dòng "
                f"nào trong tổng {_bn(plan.budget.total.value, lang)}: không rõ khoản trích này nằm "
                "trong hay ngoài tổng kinh phí."
            )
        return (
            f"The S&T fund contribution of {t.describe(lang)} a year ({t.clause}) has no line in the "
            f"{_bn(plan.budget.total.value, lang)} budget: it is unclear whether it is inside or on top of it."
        )

    return [_finding("fund_outside_budget", "warning", msg, nums)]


def _no_budget_after(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    last_year = max(ph.end_year for ph in plan.phases)
    later = [
        t
        for t in plan.targets
        if (t.year_to is None or t.year_to > last_year) and t.aggregation != "interval"
    ]
    if not later:
        return []
    latest = max((t.year_to or t.year_from) for t in later)
    nums = {
        "last_budget_year": last_year,
        "latest_target_year": latest,
        "targets": ",".join(t.id for t in later),
    }

    def msg(lang: Lang) -> str:
        items = "; ".join(f"{t.describe(lang)} ({t.years_label(lang)})" for t in later)
        if lang == "vi":
            return (
                f"Không có kinh phí sau năm {last_year}, trong khi {len(later)} mục tiêu còn hiệu lực "
                f"sau đó (đến {latest} hoặc không thời hạn): {items}."
            )
        return (
            f"No budget after {last_year}, yet {len(later)} targets run beyond it "
            f"(to {latest} or open-ended): {items}."
        )

    return [_finding("no_budget_after", "warning", msg, nums)]


# ---- checks: targets -------------------------------------------------------------------------


def _computability(plan: Plan) -> list[Finding]:
    if plan.scope != "province":
        return []  # national targets are context, not tracked by the department
    computable = [t for t in plan.targets if t.computable]
    by_hand = [t for t in plan.targets if not t.computable]
    out = []
    if computable:
        nums = {t.id: "+".join(t.inputs) for t in computable}

        def msg(lang: Lang) -> str:
            items = "; ".join(
                dict.fromkeys(f"{t.indicator} ({' ÷ '.join(t.inputs)})" for t in computable)
            )
            if lang == "vi":
                return f"{len(computable)} mục tiêu tính được từ số liệu: {items}."
            return f"{len(computable)} targets can be computed from data: {items}."

        out.append(_finding("computable_targets", "info", msg, nums))
    if by_hand:
        nums2 = {t.id: t.indicator for t in by_hand}

        def msg2(lang: Lang) -> str:
            items = ", ".join(
                dict.fromkeys(t.label_vi if lang == "vi" else t.label_en for t in by_hand)
            )
            if lang == "vi":
                return (
                    f"{len(by_hand)} mục tiêu chỉ theo dõi thủ công (sổ tay không tính được từ số liệu, "
                    f"cần Sở KH&CN báo cáo): {items}."
                )
            return (
                f"{len(by_hand)} targets can only be tracked by hand (not computable from the "
                f"workbook's data; the department must report them): {items}."
            )

        out.append(_finding("hand_tracked_targets", "info", msg2, nums2))
    return out


def _no_baseline(plan: Plan) -> list[Finding]:
    if plan.scope != "province":
        return []
    missing = [t for t in plan.targets if t.baseline is None and t.aggregation != "interval"]
    if not missing:
        return []
    researchers = [t for t in missing if t.indicator == "researcher_density"]
    nums = {"targets_without_baseline": len(missing), "targets": ",".join(t.id for t in missing)}
    severity: Severity = "warning"

    def msg(lang: Lang) -> str:
        ids = ", ".join(dict.fromkeys(t.indicator for t in missing))
        if lang == "vi":
            text = f"Không nêu số hiện trạng (năm gốc) cho {len(missing)} mục tiêu ({ids})."
            if researchers:
                text += (
                    " Đặc biệt số cán bộ nghiên cứu: không biết hiện có bao nhiêu người, cũng không "
                    "nói tính theo đầu người hay FTE, nên không đánh giá được mức tăng cần thiết."
                )
            return text
        text = f"No baseline (starting value) is given for {len(missing)} targets ({ids})."
        if researchers:
            text += (
                " Above all for researchers: the current count is not stated, nor whether headcount "
                "or FTE, so the required increase cannot be judged."
            )
        return text

    return [_finding("no_baseline", severity, msg, nums)]


def _ambiguities(plan: Plan) -> list[Finding]:
    out = []
    for t in plan.targets:
        if not (t.ambiguity_vi or t.ambiguity_en):
            continue
        nums: dict = {
            "lower": t.lower,
            "upper": t.upper,
            "year_from": t.year_from,
            "year_to": t.year_to,
        }
        if t.indicator == "st_fund_share_revenue_local" and t.lower and t.upper:
            nums["ratio_upper_to_lower"] = t.upper / t.lower

        def msg(lang: Lang, t=t) -> str:
            note = t.ambiguity_vi if lang == "vi" else t.ambiguity_en
            label = t.label_vi if lang == "vi" else t.label_en
            return f"{label} ({t.clause}, {t.describe(lang)}): {note}"

        out.append(_finding(f"ambiguous.{t.id}", "warning", msg, nums))
    return out


def _gdp_means_grdp(plan: Plan) -> list[Finding]:
    if plan.scope != "province":
        return []
    hits = [
        t for t in plan.targets
        if t.base == "grdp" and t.text_vi and "GDP" in t.text_vi and "GRDP" not in t.text_vi
    ]  # fmt: skip
    if not hits:
        return []
    nums = {"targets": ",".join(t.id for t in hits)}

    def msg(lang: Lang) -> str:
        ids = ", ".join(t.id for t in hits)
        if lang == "vi":
            return (
                f'Văn bản viết "GDP" ({ids}); với một tỉnh, đó là GRDP (tổng sản phẩm trên địa bàn). '
                "Sổ tay tính theo GRDP và không bao giờ trộn với GDP cả nước."
            )
        return (
            f'The text says "GDP" ({ids}); for a province this means GRDP. The workbook uses '
            "GRDP and never mixes it with national GDP."
        )

    return [_finding("gdp_means_grdp", "info", msg, nums)]


def _general_aim(plan: Plan) -> list[Finding]:
    aim = plan.general_aim
    if aim is None or aim.measurable is not False:
        return []
    nums = {"benchmark_region": aim.benchmark_region}

    def msg(lang: Lang) -> str:
        if lang == "vi":
            return (
                f"Mục tiêu chung ({aim.clause}) – đạt mức trung bình của vùng – không gắn với chỉ "
                'tiêu đo được nào; tầm nhìn 2030 lại so với "các tỉnh miền núi phía Bắc", một nhóm '
                "so sánh khác."
                if plan.vision_2030
                else f"Mục tiêu chung ({aim.clause}) không gắn với chỉ tiêu đo được nào."
            )
        return (
            f"The general aim ({aim.clause}) – reach the regional average – has no measurable "
            'indicator; the 2030 vision compares with "the northern mountain provinces", a '
            "different peer group."
            if plan.vision_2030
            else f"The general aim ({aim.clause}) has no measurable indicator."
        )

    return [_finding("general_aim_unmeasured", "info", msg, nums)]


_CHECKS: list[Callable[[Plan], list[Finding]]] = [
    _phase_sums,
    _grand_total,
    _yearly_average,
    _funding_vs_targets,
    _implied_ceilings,
    _sources_of_money,
    _investment_vs_recurrent,
    _fund_outside_budget,
    _no_budget_after,
    _computability,
    _no_baseline,
    _ambiguities,
    _gdp_means_grdp,
    _general_aim,
]
