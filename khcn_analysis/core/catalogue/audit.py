"""The words of the plan audit: severities, the heading and every finding.

Findings say what the plan says and mark the workbook's readings as readings: where the
plan is silent (which lines are provincial budget, what "GDP" means for a province) the
message says how the workbook reads it, not that it is so.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "audit.heading": ("Kiểm tra số học của kế hoạch: {title}", "Audit of the plan's arithmetic: {title}"),
    "audit.severity.error": ("LỖI", "ERROR"),
    "audit.severity.warning": ("CẢNH BÁO", "WARNING"),
    "audit.severity.info": ("THÔNG TIN", "INFO"),
    "audit.count": ("{severity}: {n}", "{severity}: {n}"),
    "audit.per_year": ("{amount}/năm", "{amount}/year"),
    "audit.none": ("–", "–"),
    # budget arithmetic
    "audit.phase_sum.ok": (
        "Giai đoạn {span} ({clause}): {n} dòng kinh phí cộng lại {lines}, tổng ghi trong kế hoạch {stated} – khớp.",
        "Phase {span} ({clause}): its {n} lines add up to {lines} against a stated total of {stated} – consistent.",
    ),
    "audit.phase_sum.off": (
        "Giai đoạn {span} ({clause}): {n} dòng kinh phí cộng lại {lines}, tổng ghi trong kế hoạch {stated} "
        "– lệch {difference}.",
        "Phase {span} ({clause}): its {n} lines add up to {lines} against a stated total of {stated} "
        "– off by {difference}.",
    ),
    "audit.grand_total.ok": (
        "Tổng kinh phí ghi là {total} ({clause}); các giai đoạn cộng lại {phases}, các dòng cộng lại {lines} – khớp.",
        "The stated total is {total} ({clause}); the phases add up to {phases}, the lines to {lines} – consistent.",
    ),
    "audit.grand_total.ok_about": (
        "Tổng kinh phí ghi là khoảng {total} ({clause}); các giai đoạn cộng lại {phases}, các dòng cộng lại "
        '{lines} – khớp (kế hoạch viết "khoảng" dù các con số cộng lại đúng bằng).',
        "The stated total is about {total} ({clause}); the phases add up to {phases}, the lines to {lines} "
        '– consistent (the plan says "about" although the figures add up exactly).',
    ),
    "audit.grand_total.off": (
        "Tổng kinh phí ghi là {total} ({clause}); các giai đoạn cộng lại {phases}, các dòng cộng lại {lines} "
        "– lệch {difference}.",
        "The stated total is {total} ({clause}); the phases add up to {phases}, the lines to {lines} "
        "– off by {difference}.",
    ),
    "audit.phase_coverage": (
        "Các giai đoạn không phủ đúng thời kỳ {span}: năm thiếu {missing}, năm trùng {overlap}, "
        "năm ngoài thời kỳ {outside}.",
        "The phases do not tile the period {span}: missing years {missing}, overlapping {overlap}, outside {outside}.",
    ),
    "audit.yearly_average": (
        "Bình quân ghi là {average}/năm, nhưng {total} chia cho {years} năm ({span}) là {implied}/năm; "
        "muốn bình quân {average_number} thì tổng phải trải trên {years_needed} năm. Theo giai đoạn: {phases}.",
        "The stated average is {average}/year, but {total} over {years} years ({span}) is {implied}/year; "
        "an average of {average_number} would need {years_needed} years. By phase: {phases}.",
    ),
    "audit.yearly_average.phase": ("{span}: {total}/{years} năm = {per_year}/năm",
                                   "{span}: {total}/{years} years = {per_year}/year"),
    # money against the targets
    "audit.funding.falls": (
        "Kinh phí bình quân mỗi năm giảm từ {first} ({first_span}) xuống {last} ({last_span}), tức {change}",
        "Yearly funding falls from {first} ({first_span}) to {last} ({last_span}), by {change}",
    ),
    "audit.funding.rises": (
        "Kinh phí bình quân mỗi năm tăng từ {first} ({first_span}) lên {last} ({last_span}), tức {change}",
        "Yearly funding rises from {first} ({first_span}) to {last} ({last_span}), by {change}",
    ),
    "audit.funding.investment_target": (
        "trong khi mục tiêu đầu tư xã hội cho KH&CN tăng từ {first} ({first_years}) lên {last} ({last_years})",
        "while the S&T investment target rises from {first} ({first_years}) to {last} ({last_years})",
    ),
    "audit.funding.researcher_target": ("và cán bộ nghiên cứu phải đạt {target} vào {year}",
                                        "and researchers must reach {target} by {year}"),
    "audit.funding.stopped": (
        "Phần giảm chủ yếu do các khoản chỉ có ở giai đoạn đầu ({lines}: {amount}).",
        "The fall comes from lines found only in the first phase ({lines}: {amount}).",
    ),
    "audit.ceiling.phase": ("Giai đoạn {span}: {parts}.", "Phase {span}: {parts}."),
    "audit.ceiling.grdp": ("{per_year}/năm chỉ đạt {target} nếu GRDP không quá {max_grdp}",
                           "{per_year}/year meets {target} only if GRDP is at most {max_grdp}"),
    "audit.ceiling.budget": (
        "phần ngân sách tỉnh {per_year}/năm chỉ đạt {target} nếu tổng chi ngân sách của tỉnh không quá "
        "{max_budget}",
        "its provincial budget part, {per_year}/year, meets {target} only if the province's total budget "
        "expenditure is at most {max_budget}",
    ),
    "audit.ceiling.compare": (
        "Cần đối chiếu với GRDP và tổng chi ngân sách thực tế của tỉnh (bước dự báo và đánh giá mục tiêu).",
        "Compare with the province's actual GRDP and budget (projection and attainment steps).",
    ),
    "audit.sources.split": (
        "Trong {total}: {state_label} {state} ({state_share}), {central_label} {central}, {other_label} {other} "
        "({other_share}).",
        "Of {total}: {state_label} {state} ({state_share}), {central_label} {central}, {other_label} {other} "
        "({other_share}).",
    ),
    "audit.sources.province_part": (
        "Vốn Trung ương và vốn huy động không phải ngân sách tỉnh: phần tỉnh phải bố trí là {state}, bình quân "
        "{state_per_year}/năm. Con số bình quân {average} tỷ đồng/năm ghi trong kế hoạch là của toàn bộ "
        "kinh phí, mọi nguồn cộng lại (tổng {total} chia đều {years} năm là {all_per_year}/năm).",
        "Central and mobilised money is not the provincial budget: the province itself must find {state}, "
        "{state_per_year}/year on average. The plan's stated average of {average} bn VND/year is for all the "
        "money, every source together ({total} over {years} years is {all_per_year}/year).",
    ),
    "audit.sources.social": (
        "Mục tiêu lại tính theo tổng đầu tư xã hội, trong khi kế hoạch chỉ dự kiến {other} ngoài ngân sách.",
        "The target counts total social investment, yet the plan expects only {other} from outside the state budget.",
    ),
    "audit.sources.inferred": (
        "Kế hoạch không ghi nguồn cho {amount}; sổ tay coi khoản này là ngân sách tỉnh.",
        "The plan names no source for {amount}; the workbook reads it as provincial budget.",
    ),
    "audit.recurrent.intro": (
        "Kế hoạch nói bình quân năm gồm cả vốn đầu tư phát triển và kinh phí sự nghiệp khoa học (SNKH) "
        "nhưng không chia các dòng kinh phí theo hai nguồn, vốn được giao dự toán riêng.",
        "The plan says its yearly average includes both development investment capital and S&T recurrent "
        "funds (SNKH), which are budgeted separately, but does not split its lines between them.",
    ),
    "audit.recurrent.known": ("Theo nội dung: {parts}.", "By purpose: {parts}."),
    "audit.recurrent.investment": ("{lines} ({amount}) – vốn đầu tư phát triển (xây dựng)",
                                   "{lines} ({amount}) – development investment (construction)"),
    "audit.recurrent.recurrent": ("{lines} ({amount}) – kinh phí sự nghiệp khoa học (nhiệm vụ KH&CN)",
                                  "{lines} ({amount}) – S&T recurrent funds (S&T tasks)"),
    "audit.recurrent.unclassified": (
        "Riêng {lines} ({amount}) có thể thuộc nguồn nào cũng được, nên Sở Tài chính chưa bố trí được "
        "khoản này theo kế hoạch.",
        "Only {lines} ({amount}) could be either, so the Department of Finance cannot place that money "
        "from the plan as written.",
    ),
    "audit.fund_outside_budget": (
        "Trích quỹ phát triển KH&CN {target} mỗi năm ({clause}) không có dòng nào trong tổng {total}: "
        "không rõ khoản trích này nằm trong hay ngoài tổng kinh phí.",
        "The S&T fund contribution of {target} a year ({clause}) has no line in the {total} budget: "
        "it is unclear whether it is inside or on top of it.",
    ),
    "audit.no_budget_after": (
        "Không có kinh phí sau năm {year}, trong khi {n} mục tiêu còn hiệu lực sau đó (đến {latest} hoặc "
        "không thời hạn): {items}.",
        "No budget after {year}, yet {n} targets run beyond it (to {latest} or open-ended): {items}.",
    ),
    "audit.target_item": ("{title}: {target} ({years})", "{title}: {target} ({years})"),
    # the targets themselves
    "audit.computable": ("{n} mục tiêu tính được từ số liệu: {items}.", "{n} targets can be computed from data: {items}."),
    "audit.computable.item": ("{indicator} (từ {inputs})", "{indicator} (from {inputs})"),
    "audit.hand_tracked": (
        "{n} mục tiêu chỉ theo dõi thủ công (sổ tay không tính được từ số liệu, cần Sở KH&CN báo cáo): {items}.",
        "{n} targets can only be tracked by hand (not computable from the workbook's data; the department "
        "must report them): {items}.",
    ),
    "audit.no_baseline": ("Không nêu số hiện trạng (năm gốc) cho {n} mục tiêu ({items}).",
                          "No baseline (starting value) is given for {n} targets ({items})."),
    "audit.no_baseline.researchers": (
        "Đặc biệt số cán bộ nghiên cứu: không biết hiện có bao nhiêu người, cũng không nói tính theo đầu người "
        "hay FTE, nên không đánh giá được mức tăng cần thiết.",
        "Above all for researchers: the current count is not stated, nor whether headcount or FTE, so the "
        "required increase cannot be judged.",
    ),
    "audit.ambiguous": ("{title} ({clause}, {target}): {note}", "{title} ({clause}, {target}): {note}"),
    "audit.gdp_means_grdp": (
        'Văn bản ghi "GDP" cho {items}. Với một tỉnh, sổ tay hiểu đó là GRDP (tổng sản phẩm trên địa bàn); '
        "đây là cách đọc của sổ tay, văn bản không nói rõ. Sổ tay tính theo GRDP và không trộn với GDP cả nước.",
        'The text says "GDP" for {items}. For a province the workbook reads this as GRDP (the provincial '
        "product); that is the workbook's reading, the text does not say. The workbook computes on GRDP and "
        "never mixes it with national GDP.",
    ),
    "audit.general_aim": (
        "Mục tiêu chung ({clause}) – đạt mức trung bình của vùng – không gắn với chỉ tiêu đo được nào.",
        "The general aim ({clause}) – reach the regional average – has no measurable indicator.",
    ),
    "audit.general_aim.vision": (
        'Tầm nhìn 2030 ({clause}) nhắc lại mức trung bình "các tỉnh miền núi phía Bắc", cách gọi ngắn của '
        "cùng vùng Trung du và miền núi phía Bắc, và cũng không có chỉ tiêu đo được; không nêu tỉnh nào, "
        "chỉ tiêu nào để tính mức trung bình.",
        'The 2030 vision ({clause}) repeats the average of "the northern mountain provinces", a shorter name '
        "for the same Northern Midlands and Mountains region, also without a measurable indicator; neither "
        "says which provinces or which indicators make the average.",
    ),
}
