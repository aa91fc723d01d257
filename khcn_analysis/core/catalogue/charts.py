"""The words of the house-style charts (``khcn_analysis/present/charts``).

Value-status and verdict words are shared (``status.*``, ``verdict.*`` in
status.py), parameter names too (``param.*``); source names are in sources.py.
Titles are sentences with ``{fields}`` filled from the data, so a chart can only
say what its numbers show.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # units and frame
    "charts.bn": ("tỷ đồng", "bn VND"),
    "charts.bn_per_year": ("tỷ đồng/năm", "bn VND/year"),
    "charts.unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "charts.scenario": ("kịch bản: {names}", "scenario: {names}"),
    "charts.scenarios": ("kịch bản: {names}", "scenarios: {names}"),
    "charts.data_years": ("số liệu {span}", "data {span}"),
    "charts.projected_years": ("dự báo {span}", "projected {span}"),
    "charts.for_scenario": ("{title} (kịch bản: {name})", "{title} (scenario: {name})"),
    "charts.source.projection": ("dự báo của khcn-workbook", "khcn-workbook projection"),
    "charts.source.calculation": ("tính toán của khcn-workbook", "khcn-workbook calculation"),
    "charts.source.targets": ("{plan} (mục tiêu {clauses})", "{plan} (targets {clauses})"),
    # the plan's budget
    "charts.budget.title.one": ("Kế hoạch bố trí bình quân {a} {per_year} cho {pa}",
                                "The plan provides on average {a} {per_year} for {pa}"),
    "charts.budget.title.same": ("Kinh phí bình quân mỗi năm giữ ở mức {a} {bn} từ {pa} đến {pb}",
                                 "Yearly funding stays at {a} {bn} from {pa} to {pb}"),
    "charts.budget.title.fall": (
        "Kinh phí bình quân mỗi năm giảm từ {a} {bn} ({pa}) xuống {b} {bn} ({pb}), còn {pct}",
        "Yearly funding falls from {a} {bn} ({pa}) to {b} {bn} ({pb}), {pct} of the earlier rate"),
    "charts.budget.title.rise": (
        "Kinh phí bình quân mỗi năm tăng từ {a} {bn} ({pa}) lên {b} {bn} ({pb})",
        "Yearly funding rises from {a} {bn} ({pa}) to {b} {bn} ({pb})"),
    "charts.budget.subtitle": (
        "Kinh phí theo giai đoạn và nguồn vốn, {bn} (kế hoạch, chưa phải thực chi). "
        "Tổng {total} {bn} cho {span}, bình quân {avg} {per_year}.",
        "Funding by phase and line, {bn} (as planned, not outturn). "
        "Total {total} {bn} for {span}, on average {avg} {per_year}."),
    "charts.budget.source": (
        "Kế hoạch ban hành kèm Quyết định 182/QĐ-UBND ngày 22/02/2013 của UBND tỉnh Lai Châu, mục {clauses}",
        "Plan attached to Decision 182/QĐ-UBND of 22 Feb 2013, Lai Châu People's Committee, clause {clauses}"),
    "charts.budget.bar": ("{total} {bn}\n= {yearly} {per_year}", "{total} {bn}\n= {yearly} {per_year}"),
    "charts.budget.phase": ("{span}\n({n} năm)", "{span}\n({n} years)"),
    # targets as the plan writes them
    "charts.target.label": ("Mục tiêu {clause}: {level} ({when})", "Target {clause}: {level} ({when})"),
    "charts.target.at_least": ("ít nhất {v}", "at least {v}"),
    "charts.target.greater_than": ("trên {v}", "above {v}"),
    "charts.target.at_most": ("không quá {v}", "at most {v}"),
    "charts.target.equal": ("{v}", "{v}"),
    "charts.target.every_year": ("hằng năm", "every year"),
    "charts.target.from": ("từ {year}", "from {year}"),
    # the judge's verdicts, as a chart states them
    "charts.title.values": ("{label}: {items}", "{label}: {items}"),
    "charts.title.item": ("{value} năm {year} ({verdict})", "{value} in {year} ({verdict})"),
    "charts.title.rise": ("{label} tăng từ {a} ({y0}) lên {b} ({y1})", "{label} rises from {a} ({y0}) to {b} ({y1})"),
    "charts.title.fall": ("{label} giảm từ {a} ({y0}) xuống {b} ({y1})", "{label} falls from {a} ({y0}) to {b} ({y1})"),
    "charts.title.stay": ("{label} giữ ở {a} từ {y0} đến {y1}", "{label} stays at {a} from {y0} to {y1}"),
    "charts.verdict.above_range": ("vượt khoảng mục tiêu", "above the range"),
    # a verdict resting on an assumption, a back-cast or a counterfactual names it
    "charts.verdict.graded": ("{verdict}; dựa trên {grade}", "{verdict}; evidence: {grade}"),
    "charts.legend.verdict": ("năm mốc: {verdict}", "milestone: {verdict}"),
    "charts.legend.graded": ("vòng nét đứt: kết luận dựa trên giả định, ngoại suy ngược hoặc giả định phản thực",
                             "dashed ring: a verdict resting on an assumption, a back-cast or a counterfactual"),
    # scenario comparison
    "charts.comparison.same": ("Năm {year}, {label} là {value} ở mọi kịch bản",
                               "In {year}, {label} is {value} in every scenario"),
    "charts.comparison.range": (
        "Năm {year}, {label} từ {lo} (kịch bản {lo_name}) đến {hi} (kịch bản {hi_name})",
        "In {year}, {label} ranges from {lo} ({lo_name}) to {hi} ({hi_name})"),
    "charts.comparison.count": ("{title}; {k}/{n} kịch bản đạt mục tiêu năm {year}",
                                "{title}; {k} of {n} scenarios meet the {year} target"),
    # funding sufficiency: one unit everywhere, % of the need
    "charts.sufficiency.unit": ("% nhu cầu kinh phí (100% = vừa đủ)", "% of the funding need (100% = exactly enough)"),
    "charts.sufficiency.axis": ("% nhu cầu kinh phí", "% of the funding need"),
    "charts.sufficiency.what": (
        "Tổng đầu tư xã hội cho KH&CN so với mức cần để đạt tỷ lệ mục tiêu trên GRDP (mục B.II.4)",
        "Total social S&T investment against what the target share of GRDP needs (clause B.II.4)"),
    "charts.sufficiency.title.one": ("Đầu tư cho KH&CN so với nhu cầu để đạt mục tiêu: {items}",
                                     "S&T investment against what the targets need: {items}"),
    "charts.sufficiency.title.many": ("Số kịch bản đủ kinh phí cho mục tiêu: {items}",
                                      "Scenarios with enough money for the targets: {items}"),
    "charts.sufficiency.title.none": ("Đầu tư cho KH&CN so với nhu cầu để đạt mục tiêu: {items}",
                                      "S&T investment against what the targets need: {items}"),
    "charts.sufficiency.item.none": ("{value} năm {year}", "{value} in {year}"),
    "charts.sufficiency.count": ("{k}/{n} năm {year}", "{k} of {n} in {year}"),
    "charts.sufficiency.line": ("100% = vừa đủ cho mục tiêu", "100% = exactly enough"),
    # uncertainty fan
    "charts.fan.title": ("Năm {year}, {label} có 90% khả năng nằm trong khoảng {lo}–{hi} (trung vị {med})",
                         "In {year}, {label} lies between {lo} and {hi} with 90% probability (median {med})"),
    "charts.fan.chance": ("{title}; xác suất đạt mục tiêu: {p}", "{title}; chance of meeting the target: {p}"),
    "charts.fan.bands": ("dải đậm: 50%, dải nhạt: 90% khả năng", "dark band: 50%, light band: 90% probability"),
    "charts.fan.draws": ("{n} lần mô phỏng Monte Carlo", "{n} Monte Carlo draws"),
    "charts.fan.median": ("trung vị", "median"),
    "charts.fan.band90": ("khoảng 90%", "90% range"),
    "charts.fan.band50": ("khoảng 50%", "50% range"),
    # sensitivity tornado
    "charts.tornado.title": ("{name} tác động mạnh nhất tới {label} năm {year}: từ {lo} đến {hi} (cơ sở {base})",
                             "{name} moves {label} in {year} the most: {lo} to {hi} (base {base})"),
    "charts.tornado.flat": ("{label} năm {year} giữ ở {base} khi từng tham số thay đổi trong khoảng của nó",
                            "{label} in {year} stays at {base} whichever single parameter changes"),
    "charts.tornado.base_scenario": ("kịch bản cơ sở: {name}", "base scenario: {name}"),
    "charts.tornado.method": ("thay đổi từng tham số một, các tham số khác giữ ở mức cơ sở",
                              "one parameter at a time, the others at their base values"),
    "charts.tornado.dropped": ("{n} tham số ảnh hưởng ít hơn hoặc không ảnh hưởng không hiển thị",
                               "{n} smaller or zero effects not shown"),
    "charts.tornado.low": ("tham số ở mức thấp", "parameter low"),
    "charts.tornado.high": ("tham số ở mức cao", "parameter high"),
    # the set
    "charts.set.title": ("Bộ biểu đồ KH&CN Lai Châu", "Lai Châu S&T charts"),
}
