"""The words of the briefing note (``khcn brief``), in Vietnamese and English.

The note takes the form of a Vietnamese administrative summary report ("báo cáo tóm
tắt"): the header block of an administrative document, a title, the findings with
what they rest on, the funding gap and what would close it, the assumptions that
decide the findings, and the sources. Fields in braces are filled by the brief;
scenario titles and descriptions are the user's own text and never pass through here.
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- document properties
    "brief.author": ("Sở Khoa học và Công nghệ tỉnh Lai Châu",
                     "Lai Châu Department of Science and Technology"),
    "brief.language": ("vi-VN", "en-GB"),
    "brief.keywords": ("khoa học và công nghệ; Lai Châu; Kế hoạch 182/QĐ-UBND",
                       "science and technology; Lai Châu; Plan 182/QĐ-UBND"),
    # ---------------------------------------------------------------- header block
    "brief.header.agency": ("UBND TỈNH LAI CHÂU", "LAI CHÂU PROVINCIAL PEOPLE'S COMMITTEE"),
    "brief.header.issuer": ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "DEPARTMENT OF SCIENCE AND TECHNOLOGY"),
    "brief.header.number": ("Số:         /BC-SKHCN", "No.:         /BC-SKHCN"),
    "brief.header.country": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "brief.header.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "brief.header.rule": ("―――――――", "―――――――"),
    "brief.header.date": ("Lai Châu, ngày …… tháng …… năm ……", "Lai Châu, …… (date)"),
    # ---------------------------------------------------------------- title and opening
    "brief.title": ("BÁO CÁO TÓM TẮT", "SUMMARY REPORT"),
    "brief.subtitle": (
        "Mức đạt các mục tiêu khoa học và công nghệ theo Kế hoạch 182/QĐ-UBND và dự báo đến năm {last}",
        "Attainment of the science and technology targets of Plan 182/QĐ-UBND and the outlook to {last}",
    ),
    "brief.scenario_line": ("Kịch bản: ", "Scenario: "),
    "brief.scenarios_line": ("So sánh {n} kịch bản; kịch bản chính: ", "{n} scenarios compared; main scenario: "),
    "brief.intro": (
        "Thực hiện Kế hoạch ban hành kèm theo Quyết định số 182/QĐ-UBND ngày 22/02/2013 của UBND tỉnh "
        "Lai Châu (triển khai Nghị quyết số 20-NQ/TW), Sở Khoa học và Công nghệ báo cáo tóm tắt mức đạt "
        "các mục tiêu năm {past} và khả năng đạt mục tiêu năm {future} như sau.",
        "Under the plan attached to Decision No. 182/QĐ-UBND of 22 February 2013 of the Lai Châu "
        "Provincial People's Committee (implementing Resolution No. 20-NQ/TW), the Department of Science "
        "and Technology summarises how far the {past} targets were reached and whether the {future} "
        "targets will be.",
    ),
    "brief.intro.scenario": ("Các số liệu dự báo theo kịch bản “", "Projections follow the scenario “"),
    "brief.intro.scenario_end": ("”: ", "”: "),
    "brief.and": (" và ", " and "),
    # ---------------------------------------------------------------- section headings
    "brief.h.findings": ("KẾT LUẬN CHÍNH", "MAIN FINDINGS"),
    "brief.h.funding": ("KINH PHÍ VÀ KHOẢNG THIẾU HỤT", "FUNDING AND THE GAP"),
    "brief.h.close": ("Để thu hẹp khoảng thiếu hụt", "What would close the gap"),
    "brief.h.assumptions": ("CÁC GIẢ ĐỊNH QUYẾT ĐỊNH KẾT LUẬN", "THE ASSUMPTIONS THAT DECIDE THE FINDINGS"),
    "brief.h.comparison": ("SO SÁNH CÁC KỊCH BẢN", "THE SCENARIOS COMPARED"),
    "brief.h.sources": ("NGUỒN SỐ LIỆU", "SOURCES"),
    # ---------------------------------------------------------------- findings
    "brief.milestone.year": ("Năm {year}", "{year}"),
    "brief.milestone.year_projected": ("Năm {year} (dự báo)", "{year} (projected)"),
    "brief.milestone.all": ("{when}: đạt cả {total} mục tiêu tính được ({met}).",
                            "{when}: all {total} computable targets met ({met})."),
    "brief.milestone.head": ("{when}: đạt {n}/{total} mục tiêu tính được", "{when}: {n} of {total} computable targets met"),
    "brief.milestone.head_met": (" ({met})", " ({met})"),
    "brief.milestone.group": ("; {word}: {items}", "; {word}: {items}"),
    "brief.milestone.nothing": ("{when}: chưa đạt mục tiêu nào trong {total} mục tiêu tính được ({missed}).",
                                "{when}: none of the {total} computable targets met ({missed})."),
    "brief.milestone.none": ("{when}: chưa có mục tiêu nào tính được.", "{when}: no target can be computed yet."),
    "brief.short.st_investment_share_grdp": ("đầu tư xã hội cho KH&CN/GRDP", "S&T investment/GRDP"),
    "brief.short.st_budget_share_expenditure": ("chi NSNN cho KH&CN/tổng chi ngân sách",
                                                "state S&T spending/budget expenditure"),
    "brief.short.researcher_density": ("cán bộ nghiên cứu/vạn dân", "researchers per 10,000 people"),
    "brief.short.st_fund_share_revenue_local": ("trích Quỹ KH&CN/thu ngân sách địa phương",
                                                "S&T fund/retained local revenue"),
    "brief.short.tfp_share_growth": ("đóng góp của KH&CN (qua TFP) vào tăng trưởng", "S&T (TFP) share of growth"),
    "brief.short.technology_renewal_rate": ("tốc độ đổi mới công nghệ, thiết bị", "technology renewal rate"),
    "brief.short.national_brand_products": ("sản phẩm đạt thương hiệu quốc gia", "national-brand products"),
    "brief.short.techmart_interval_years": ("chợ công nghệ và thiết bị", "technology fairs"),
    "brief.short.progress_report_interval_months": ("báo cáo định kỳ 6 tháng", "six-monthly progress reports"),
    "brief.year_cell": ("{year}", "{year}"),
    "brief.year_cell_projected": ("{year}\n(dự báo)", "{year}\n(projected)"),
    "brief.source.more": ("{names} và {n} nguồn khác (mục {section})", "{names} and {n} other sources (section {section})"),
    "brief.not_computable": (
        "Chưa đủ số liệu để đánh giá {n} mục tiêu khác: {items}; cần số liệu do Sở Khoa học và Công nghệ theo dõi.",
        "{n} other targets cannot be assessed yet: {items}; they need the figures the Department tracks.",
    ),
    "brief.table.findings": ("Mức đạt các mục tiêu năm {years}", "The targets in {years}"),
    "brief.col.target": ("Mục tiêu", "Target"),
    "brief.col.year": ("Năm", "Year"),
    "brief.col.goal": ("Chỉ tiêu đề ra", "Target level"),
    "brief.col.value": ("Giá trị", "Value"),
    "brief.col.verdict": ("Đánh giá", "Verdict"),
    "brief.col.gap": ("Còn thiếu", "Shortfall"),
    "brief.col.basis": ("Căn cứ", "Evidence"),
    # used only until the judge's own words (verdict.<v>, grade.<g>) name these
    "brief.verdict.undetermined": ("Chưa xác định", "Undetermined"),
    "brief.grade.back-cast": ("Ngoại suy ngược", "Back-cast"),
    "brief.grade.counterfactual": ("Giả định phản thực", "Counterfactual"),
    "brief.basis.all": ("Căn cứ của mọi giá trị: {basis}.", "Every value: {basis}."),
    "brief.basis.assumed": ("{status}, có giả định", "{status}, with assumptions"),
    "brief.gap.above": ("vượt {amount}", "{amount} above"),
    "brief.gap.none": ("–", "–"),
    "brief.cmp.at_least": ("không dưới {lower}", "at least {lower}"),
    "brief.cmp.greater_than": ("trên {lower}", "above {lower}"),
    "brief.cmp.at_most": ("không quá {upper}", "at most {upper}"),
    "brief.cmp.between": ("{lower}–{upper}", "{lower}–{upper}"),
    "brief.cmp.equal": ("{lower}", "{lower}"),
    "brief.clause.item": ("mục {section}.{item}", "clause {section}, item {item}"),
    "brief.clause.section": ("mục {section}", "clause {section}"),
    "brief.clause.closing": ("phần {section}, đoạn cuối", "clause {section}, closing paragraph"),
    # ---------------------------------------------------------------- figures, tables, sources
    "brief.figure": ("Hình {n}. ", "Figure {n}. "),
    "brief.table": ("Bảng {n}. ", "Table {n}. "),
    "brief.source": ("Nguồn: {names}.", "Source: {names}."),
    "brief.source.workbook": ("tính toán của sổ tay phân tích KH&CN", "calculations of the S&T workbook"),
    "brief.fig.share": ("Tổng đầu tư xã hội cho KH&CN so với GRDP, {first}–{last}",
                        "Total social investment in S&T as a share of GRDP, {first}–{last}"),
    "brief.fig.density": ("Số cán bộ nghiên cứu khoa học trên một vạn dân, {first}–{last}",
                          "Scientific researchers per 10,000 people, {first}–{last}"),
    "brief.fig.sufficiency": ("Mức đáp ứng kinh phí so với nhu cầu để đạt mục tiêu, năm {years}",
                              "Funding against what the targets need, {years}"),
    "brief.fig.comparison": ("Tổng đầu tư xã hội cho KH&CN so với GRDP theo các kịch bản, {first}–{last}",
                             "Total social investment in S&T as a share of GRDP by scenario, {first}–{last}"),
    # ---------------------------------------------------------------- funding
    "brief.funding.sufficiency": ("Theo kịch bản, đầu tư xã hội cho KH&CN đáp ứng {items} nhu cầu để đạt mục tiêu.",
                                  "Under the scenario, S&T investment covers {items} of what the targets need."),
    "brief.funding.sufficiency_item": ("{pct} (năm {year})", "{pct} in {year}"),
    "brief.table.funding": ("Kinh phí theo Kế hoạch 182, đầu tư theo kịch bản và nhu cầu để đạt mục tiêu theo giai đoạn (tỷ đồng)",
                            "Plan 182 budget, the scenario's investment and what the targets need, by period (bn VND)"),
    "brief.col.period": ("Giai đoạn", "Period"),
    "brief.col.plan_budget": ("Kinh phí theo Kế hoạch 182", "Plan 182 budget"),
    "brief.col.invested": ("Đầu tư theo kịch bản", "Scenario investment"),
    "brief.col.needed": ("Cần để đạt mục tiêu", "Needed for the targets"),
    "brief.col.shortfall": ("Còn thiếu", "Shortfall"),
    "brief.period.after": ("{start}–{end} (sau Kế hoạch)", "{start}–{end} (after the plan)"),
    "brief.period.total": ("Cộng {start}–{end}", "Total {start}–{end}"),
    "brief.close.investment": (
        "Tổng đầu tư xã hội cho KH&CN năm {year} cần khoảng {needed} ({goal} GRDP), gấp {times} lần mức của kịch bản ({invested}).",
        "Total social investment in S&T in {year} would need about {needed} ({goal} of GRDP), {times} times the scenario's {invested}.",
    ),
    "brief.close.investment_ok": (
        "Tổng đầu tư xã hội cho KH&CN năm {year} theo kịch bản ({invested}) đã đáp ứng nhu cầu để đạt mục tiêu ({needed}).",
        "Total social investment in S&T in {year} under the scenario ({invested}) already covers what the target needs ({needed}).",
    ),
    "brief.close.budget": (
        "Chi ngân sách nhà nước cho KH&CN năm {year} cần khoảng {needed} ({goal} tổng chi ngân sách địa phương), so với {projected} theo kịch bản.",
        "State budget spending on S&T in {year} would need about {needed} ({goal} of local budget expenditure), against {projected} in the scenario.",
    ),
    "brief.close.researchers": (
        "Số cán bộ nghiên cứu cần khoảng {needed} người vào năm {year} ({goal}), so với {projected} người theo kịch bản, tức bình quân thêm {per_year} người mỗi năm từ năm {start}.",
        "About {needed} researchers would be needed by {year} ({goal}), against {projected} in the scenario: on average {per_year} more each year from {start}.",
    ),
    # ---------------------------------------------------------------- assumptions
    "brief.assume.intro": (
        "Các kết luận trên dựa trên những giả định sau; số liệu thực tế do Sở Khoa học và Công nghệ theo dõi có thể làm thay đổi kết luận.",
        "The findings rest on these assumptions; the actual figures the Department tracks may change them.",
    ),
    "brief.assume.affects": ("{text}; ảnh hưởng đến: {indicators}.", "{text}; affects: {indicators}."),
    "brief.assume.generic": ("Giả định về {indicator}", "An assumption about {indicator}"),
    "brief.assume.scenario": ("Giả định của kịch bản “", "The scenario “"),
    "brief.assume.scenario_end": ("”: ", "” assumes: "),
    "brief.assume.scenario_unlike": ("Kịch bản “", "The scenario “"),
    "brief.assume.scenario_unlike_end": ("” khác kịch bản chính ở: ", "” differs from the main one in: "),
    "brief.assume.parameter": ("{label}: {value}", "{label}: {value}"),
    "brief.assume.range": ("{value} (từ {low} đến {high})", "{value} (plausibly {low}–{high})"),
    "brief.assume.deciding": ("{label} năm {year}: {verdict}; yếu tố quyết định: {assumption}",
                              "{label} in {year}: {verdict}; decided by {assumption}"),
    "brief.assume.sentence": ("{label} năm {year} – {sentence}", "{label} in {year} – {sentence}"),
    "brief.assume.breakpoint": ("; ngưỡng: {breakpoint}", "; breakpoint: {breakpoint}"),
    "brief.assumption.st_budget_2022_recurrent_line": (
        "Chi NSNN cho KH&CN năm 2022 lấy bằng dòng chi sự nghiệp KH&CN cấp tỉnh trong dự toán (mức tối thiểu)",
        "State S&T spending in 2022 taken as the provincial recurrent S&T line of the budget plan (a lower bound)",
    ),
    "brief.assumption.st_budget_ratio_recurrent": (
        "Chi NSNN cho KH&CN các năm 2018–2023 ước theo tỷ lệ chi KH&CN năm 2022 trong chi thường xuyên (mức tối thiểu)",
        "State S&T spending 2018–2023 estimated from the 2022 S&T line's share of recurrent spending (a lower bound)",
    ),
    "brief.assumption.st_investment_state_share": (
        "Tổng đầu tư xã hội cho KH&CN ước bằng chi NSNN cho KH&CN chia cho 0,7 (tỷ trọng ngân sách nhà nước của cả nước); tỉnh chưa có số liệu vốn ngoài nhà nước",
        "Total social S&T investment estimated as state S&T spending ÷ 0.7 (the state budget's national share); the province has no figure for non-state money",
    ),
    "brief.assumption.researchers_national_density_scaled": (
        "Số cán bộ nghiên cứu ước từ mật độ của cả nước năm 2011 theo tỷ lệ lao động qua đào tạo của tỉnh; tỉnh chưa có số liệu thống kê",
        "Researchers estimated from the 2011 national density, scaled by the province's share of trained workers; the province has no count",
    ),
    # ---------------------------------------------------------------- comparison
    "brief.table.comparison": ("So sánh các kịch bản: số mục tiêu đạt và các chỉ tiêu chính năm {year}",
                               "The scenarios compared: targets met and the main indicators in {year}"),
    "brief.col.scenario": ("Kịch bản", "Scenario"),
    "brief.col.met_in": ("Đạt năm {year}", "Met in {year}"),
    "brief.col.share_in": ("Đầu tư KH&CN/GRDP", "S&T investment/GRDP"),
    "brief.col.density_in": ("Cán bộ nghiên cứu/vạn dân", "Researchers per 10,000"),
    "brief.col.sufficiency_in": ("Mức đáp ứng kinh phí", "Funding sufficiency"),
    # ---------------------------------------------------------------- sources and closing
    "brief.sources.intro": (
        "Số liệu trong báo cáo lấy từ các nguồn sau; danh mục đầy đủ kèm đường dẫn và trích dẫn có trong báo cáo của sổ tay phân tích KH&CN.",
        "The figures in this report come from the sources below; the full list with links and quotes is in the S&T workbook's report.",
    ),
    "brief.recipients": ("Nơi nhận:", "Recipients:"),
    "brief.recipient.committee": ("- UBND tỉnh (b/c);", "- Provincial People's Committee (for information);"),
    "brief.recipient.archive": ("- Lưu: VT.", "- File: archives."),
    "brief.signer": ("GIÁM ĐỐC", "DIRECTOR"),
    # ---------------------------------------------------------------- errors (CLI)
    "brief.error.no_soffice": (
        "chưa cài LibreOffice nên không tạo được bản PDF (cài gói Debian libreoffice-writer-nogui); tệp .docx đã được ghi",
        "LibreOffice is not installed, so no PDF was made (install the Debian package libreoffice-writer-nogui); the .docx was written",
    ),
    "brief.error.no_writer": (
        "LibreOffice chưa có phần soạn thảo văn bản (Writer) nên không tạo được bản PDF (cài gói Debian libreoffice-writer-nogui); tệp .docx đã được ghi",
        "LibreOffice has no word processor (Writer), so no PDF was made (install the Debian package libreoffice-writer-nogui); the .docx was written",
    ),
    "brief.error.pdf_failed": ("LibreOffice không chuyển được tệp sang PDF: {detail}",
                               "LibreOffice could not convert the file to PDF: {detail}"),
    "brief.error.template": ("mẫu văn bản thiếu kiểu (style): {styles}", "the template lacks the styles: {styles}"),
    "brief.written": ("Đã ghi {path}", "Wrote {path}"),
}
