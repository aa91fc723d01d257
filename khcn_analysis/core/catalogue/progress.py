"""The words of the half-year report (``khcn progress``), in Vietnamese and English.

The report is the plan's own six-monthly synthesis to the Provincial People's Committee
("định kỳ 6 tháng báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Khoa học và Công nghệ)
để tổng hợp", Plan 182, D' closing), in the form of a Vietnamese administrative report.
The header block, table and figure numbering, recipients and signature are the briefing
note's words (``brief.*``); the verdict and grade words are the judge's (``verdict.*``,
``grade.*``). Fields in braces are filled by :mod:`khcn_analysis.report.progress`.
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- periods
    "progress.period.h1": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "progress.period.h2": ("6 tháng cuối năm {year}", "the second half of {year}"),
    "progress.date": ("{d:02d}/{m:02d}/{y}", "{y}-{m:02d}-{d:02d}"),
    # ---------------------------------------------------------------- document properties
    "progress.keywords": ("báo cáo định kỳ 6 tháng; khoa học và công nghệ; Lai Châu; Kế hoạch 182/QĐ-UBND",
                          "six-monthly report; science and technology; Lai Châu; Plan 182/QĐ-UBND"),
    "progress.file_stem": ("bao-cao-6-thang-{period}", "progress-report-{period}"),
    # ---------------------------------------------------------------- title and opening
    "progress.header.number": ("Số:         /BC-SKHCN", "No.:         /BC-SKHCN"),
    "progress.title": ("BÁO CÁO", "REPORT"),
    "progress.subtitle": (
        "Kết quả thực hiện Kế hoạch thực hiện Nghị quyết số 20-NQ/TW về phát triển khoa học và công nghệ "
        "trên địa bàn tỉnh Lai Châu, {period}",
        "Results of the plan implementing Resolution No. 20-NQ/TW on science and technology development "
        "in Lai Châu province, {period}",
    ),
    "progress.addressee": ("Kính gửi: Ủy ban nhân dân tỉnh Lai Châu.",
                           "To: the Provincial People's Committee of Lai Châu."),
    "progress.intro": (
        "Thực hiện Kế hoạch ban hành kèm theo Quyết định số 182/QĐ-UBND ngày 22/02/2013 của UBND tỉnh "
        "Lai Châu, trong đó yêu cầu các sở, ban, ngành, địa phương “định kỳ 6 tháng báo cáo kết quả thực "
        "hiện về UBND tỉnh (qua Sở Khoa học và Công nghệ) để tổng hợp”, Sở Khoa học và Công nghệ tổng hợp, "
        "báo cáo kết quả thực hiện {period} như sau:",
        "Under the plan attached to Decision No. 182/QĐ-UBND of 22 February 2013 of the Lai Châu Provincial "
        "People's Committee, which asks departments, agencies and districts to “report their results to the "
        "Provincial People's Committee (through the Department of Science and Technology) every 6 months, "
        "for synthesis”, the Department of Science and Technology reports the results for {period} as follows:",
    ),
    "progress.basis": (
        "Số liệu được tổng hợp đến ngày {date} từ số liệu công bố có nguồn, số liệu do Sở KH&CN nhập "
        "qua mẫu biểu và các giả định được nêu rõ; phần dự báo theo kịch bản “{scenario}”. Kết luận cho "
        "mỗi chỉ tiêu đã tính đến mọi giá trị hợp lý của các giả định.",
        "Figures are compiled up to {date} from sourced public figures, the Department's own figures "
        "entered through its template and stated assumptions; projections follow the scenario "
        "“{scenario}”. Each verdict holds across every plausible value of the assumptions.",
    ),
    # ---------------------------------------------------------------- section headings
    "progress.h.targets": ("TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH", "WHERE EACH TARGET STANDS"),
    "progress.h.changes": ("NHỮNG THAY ĐỔI SO VỚI BÁO CÁO KỲ TRƯỚC", "WHAT CHANGED SINCE THE PREVIOUS REPORT"),
    "progress.h.money": ("KINH PHÍ THỰC HIỆN KẾ HOẠCH", "THE PLAN'S MONEY"),
    "progress.h.data": ("SỐ LIỆU ĐÃ NHẬN VÀ SỐ LIỆU CÒN THIẾU", "DATA RECEIVED AND DATA STILL MISSING"),
    "progress.h.proposals": ("ĐỀ XUẤT, KIẾN NGHỊ", "PROPOSALS"),
    "progress.h.undetermined": ("Chỉ tiêu chưa xác định được và số liệu quyết định",
                                "Undetermined targets and the figure that would decide them"),
    "progress.h.inputs": ("Số liệu, giả định đã thay đổi", "Inputs that changed"),
    # ---------------------------------------------------------------- I. targets
    "progress.milestone.past": ("Mốc năm {year}: {summary}.", "{year}: {summary}."),
    "progress.milestone.future": ("Mốc năm {year} (dự báo theo kịch bản): {summary}.",
                                  "{year} (projected by the scenario): {summary}."),
    "progress.milestone.none": ("không có chỉ tiêu nào tính được", "no target can be computed"),
    "progress.milestone.group": ("{standing} {n} chỉ tiêu ({names})", "{standing}: {n} target(s) ({names})"),
    "progress.standing.past.met": ("đã đạt", "met"),
    "progress.standing.past.not_met": ("không đạt", "not met"),
    "progress.standing.past.undetermined": ("chưa xác định được", "undetermined"),
    "progress.standing.future.met": ("đúng hướng", "on track"),
    "progress.standing.future.not_met": ("chưa đúng hướng, dự báo không đạt", "off track, projected not to be met"),
    "progress.standing.future.undetermined": ("chưa xác định được", "undetermined"),
    "progress.table.targets": ("Tình hình các chỉ tiêu tại các mốc {years}",
                               "The targets at the milestones {years}"),
    "progress.col.milestone": ("Mốc", "Year"),
    "progress.col.target": ("Chỉ tiêu (mục của Kế hoạch)", "Target (plan clause)"),
    "progress.col.goal": ("Mục tiêu", "Target level"),
    "progress.col.value": ("Giá trị (khoảng hợp lý)", "Value (plausible range)"),
    "progress.col.verdict": ("Kết luận", "Verdict"),
    "progress.col.grade": ("Mức độ bằng chứng", "Evidence grade"),
    "progress.year_past": ("{year}", "{year}"),
    "progress.year_future": ("{year} (dự báo)", "{year} (projected)"),
    "progress.value_range": ("{value} ({low}–{high})", "{value} ({low}–{high})"),
    "progress.table.targets_note": (
        "Giá trị là giá trị trung tâm; trong ngoặc là khoảng giá trị hợp lý đã xét.",
        "Values are central values; the plausible range tried is in brackets.",
    ),
    "progress.decides": ("{label} năm {year}: {verdict}. {decides}",
                         "{label}, {year}: {verdict}. {decides}"),
    "progress.decides.own": ("{label} năm {year} – {sentence}", "{label}, {year} – {sentence}"),
    "progress.decides.breakpoint": (
        "Kết luận thay đổi tại ngưỡng {comparator} {breakpoint}; giả định quyết định: {assumption}.",
        "The verdict turns at {comparator} {breakpoint}; deciding assumption: {assumption}.",
    ),
    "progress.decides.unknown": ("Cần số liệu thực tế để kết luận.", "An actual figure is needed to decide."),
    "progress.comparator.at_least": ("từ", "at least"),
    "progress.comparator.at_most": ("đến", "at most"),
    "progress.not_computable": (
        "Chưa có số liệu để đánh giá {n} chỉ tiêu: {items}. Số liệu cần cung cấp nêu tại Phụ lục.",
        "{n} target(s) cannot be assessed for lack of data: {items}. The figures needed are listed in the Annex.",
    ),
    # ---------------------------------------------------------------- II. changes
    "progress.changes.first": (
        "Đây là báo cáo đầu tiên được tổng hợp từ sổ tay phân tích: chưa có báo cáo kỳ trước để so sánh. "
        "Các kết luận, số liệu chính và dấu vết số liệu đầu vào của kỳ này được lưu lại làm căn cứ so sánh "
        "cho kỳ sau.",
        "This is the first report compiled by the workbook: there is no previous report to compare with. "
        "Its verdicts, key values and input fingerprints are kept as the basis of the next comparison.",
    ),
    "progress.changes.since": ("So với báo cáo {previous} (lập ngày {date}):",
                               "Compared with the report for {previous} (written on {date}):"),
    "progress.changes.none": ("Không có số liệu, giả định hay kịch bản nào thay đổi; các kết luận giữ nguyên.",
                              "No figure, assumption or scenario changed; the verdicts stand."),
    "progress.changes.no_verdict": ("Không có kết luận nào thay đổi.", "No verdict changed."),
    "progress.changes.no_value": ("Không có số liệu chính nào thay đổi.", "No key value changed."),
    "progress.input.import": (
        "Ngày {date}, {filler} nhập {n} số liệu qua mẫu biểu của Sở KH&CN (căn cứ: {documents}).",
        "On {date}, {filler} entered {n} figure(s) through the Department's template (documents: {documents}).",
    ),
    "progress.input.revert": ("Ngày {date}, khôi phục lần nhập số liệu ngày {import_date} làm số liệu áp dụng.",
                              "On {date}, the import of {import_date} was made current again."),
    "progress.input.file.sources.csv": ("Danh mục số liệu công bố có nguồn được bổ sung, cập nhật.",
                                        "The list of sourced public figures was extended or updated."),
    "progress.input.file.assumptions": ("Các giả định hoặc khoảng giá trị hợp lý của giả định được điều chỉnh.",
                                        "Assumptions or their plausible ranges were revised."),
    "progress.input.file.plan": ("Dữ liệu mã hóa Kế hoạch được điều chỉnh.", "The plan's encoding was revised."),
    "progress.input.file.other": ("Tệp dữ liệu đầu vào khác được điều chỉnh ({n} tệp).",
                                  "Other input files were revised ({n} file(s))."),
    "progress.input.scenario": ("Kịch bản dự báo thay đổi: “{old}” thành “{new}”.",
                                "The scenario changed from “{old}” to “{new}”."),
    "progress.input.scenario_edit": ("Tham số của kịch bản “{new}” được điều chỉnh.",
                                     "The parameters of the scenario “{new}” were revised."),
    "progress.input.code": ("Phương pháp tính của sổ tay phân tích được cập nhật (phiên bản {old} → {new}).",
                            "The workbook's method was updated (version {old} → {new})."),
    "progress.table.verdicts": ("Các kết luận thay đổi so với kỳ trước", "Verdicts that moved since the last report"),
    "progress.table.values": ("Các số liệu chính thay đổi so với kỳ trước", "Key values that moved since the last report"),
    "progress.col.indicator": ("Chỉ số", "Indicator"),
    "progress.col.year": ("Năm", "Year"),
    "progress.col.before": ("Kỳ trước", "Last report"),
    "progress.col.after": ("Kỳ này", "This report"),
    "progress.col.reason": ("Lý do", "Why"),
    "progress.verdict_cell": ("{verdict} ({grade})", "{verdict} ({grade})"),
    "progress.value_cell": ("{value} ({status})", "{value} ({status})"),
    "progress.absent": ("chưa có", "none"),
    "progress.dropped": ("không còn ước tính (trước số liệu ghi nhận đầu tiên)",
                         "no longer estimated (before the first record)"),
    "progress.value_span": ("{first} … {last}", "{first} … {last}"),
    "progress.values.more": (
        "Ngoài ra, {n} giá trị dự báo của các năm không phải năm mốc thay đổi theo các số liệu trên.",
        "Besides, {n} projected value(s) of non-milestone years moved with the figures above.",
    ),
    "progress.reason.department": ("Số liệu Sở KH&CN nhập ngày {date}", "The Department's figures entered on {date}"),
    "progress.reason.department_revert": ("Khôi phục số liệu nhập ngày {import_date} (ngày {date})",
                                          "Figures of {import_date} made current again on {date}"),
    "progress.reason.department_withdrawn": ("Số liệu nhập ngày {date} không còn được áp dụng",
                                             "Figures entered on {date} no longer in force"),
    "progress.reason.public_figure": ("Số liệu công bố mới: {names}", "New public figure(s): {names}"),
    "progress.reason.public_revised": ("Số liệu công bố được điều chỉnh: {names}", "Revised public figure(s): {names}"),
    "progress.reason.public_removed": ("Số liệu công bố không còn được sử dụng: {names}",
                                       "Public figure(s) no longer used: {names}"),
    "progress.reason.assumption": ("Thay đổi giả định: {names}", "Changed assumption(s): {names}"),
    "progress.reason.assumption_ranges": ("Điều chỉnh khoảng giá trị hợp lý của giả định",
                                          "Revised plausible ranges of the assumptions"),
    "progress.reason.scenario": ("Thay đổi kịch bản dự báo", "A changed scenario"),
    "progress.reason.plan": ("Điều chỉnh dữ liệu Kế hoạch", "A revised plan encoding"),
    "progress.reason.method": ("Cập nhật phương pháp tính", "An updated method"),
    "progress.source.more": ("{names} và {n} nguồn khác", "{names} and {n} other sources"),
    "progress.public_figure": ("số liệu công bố", "a public figure"),
    "progress.fact_name": ("{source}, năm {year}", "{source}, {year}"),
    # ---------------------------------------------------------------- III. money
    "progress.table.budget": ("Kinh phí theo Kế hoạch, theo giai đoạn và nội dung (mục D'.I), tỷ đồng",
                              "The plan's budget by phase and line (clause D'.I), bn VND"),
    "progress.col.phase": ("Giai đoạn", "Phase"),
    "progress.col.line": ("Nội dung", "Line"),
    "progress.col.money_source": ("Nguồn vốn", "Source of money"),
    "progress.col.amount": ("Kinh phí", "Amount"),
    "progress.budget.subtotal": ("Cộng giai đoạn", "Phase total"),
    "progress.budget.total": ("Tổng cộng {start}–{end}", "Total {start}–{end}"),
    "progress.money.source.state_budget": ("Ngân sách tỉnh", "Provincial budget"),
    "progress.money.source.central_programmes": ("Chương trình Trung ương", "Central programmes"),
    "progress.money.source.other_mobilised": ("Huy động khác", "Other mobilised"),
    "progress.table.spending": (
        "Kinh phí kế hoạch, số Sở KH&CN ghi nhận đã chi và nhu cầu để đạt mục tiêu, tỷ đồng",
        "The plan's money, what the Department recorded as spent, and what the targets need, bn VND",
    ),
    "progress.col.plan_money": ("Kế hoạch", "Plan"),
    "progress.col.recorded_budget": ("Sở KH&CN ghi nhận: chi NSNN cho KH&CN", "Recorded by the Department: state S&T spending"),
    "progress.col.recorded_investment": ("Sở KH&CN ghi nhận: tổng đầu tư xã hội cho KH&CN",
                                         "Recorded by the Department: total S&T investment"),
    "progress.col.estimated": ("Ước tính tổng đầu tư (sổ tay)", "Workbook estimate of total investment"),
    "progress.col.needed": ("Nhu cầu để đạt mục tiêu", "Needed for the targets"),
    "progress.col.gap": ("Thiếu hụt", "Gap"),
    "progress.period_after": ("{start}–{end} (sau kế hoạch)", "{start}–{end} (after the plan)"),
    "progress.recorded_cell": ("{amount} ({years})", "{amount} ({years})"),
    "progress.money.recorded": ("Sở KH&CN đã nhập số chi thực tế cho KH&CN của các năm: {years}.",
                                "The Department has entered actual S&T spending for: {years}."),
    "progress.money.none_recorded": (
        "Sở KH&CN chưa nhập số chi thực tế cho KH&CN qua mẫu biểu; cột ước tính dựa trên số liệu công bố và "
        "các giả định đã nêu.",
        "The Department has not entered actual S&T spending through its template; the estimate rests on "
        "public figures and the stated assumptions.",
    ),
    "progress.money.gap": (
        "Giai đoạn {period}: để đạt các mục tiêu về đầu tư cho KH&CN cần khoảng {needed}; ước tính mới đầu tư "
        "khoảng {estimated}, còn thiếu khoảng {gap}.",
        "{period}: the S&T investment targets needed about {needed}; the estimated investment is about "
        "{estimated}, about {gap} short.",
    ),
    "progress.money.gap_intro": ("Khoảng thiếu hụt so với nhu cầu để đạt mục tiêu:",
                                 "The gap to what the targets need:"),
    # ---------------------------------------------------------------- IV. data
    "progress.data.imports": ("Trong {period}, Sở KH&CN đã nhập {n} lần số liệu qua mẫu biểu:",
                              "During {period}, the Department imported figures {n} time(s) through its template:"),
    "progress.data.no_imports": ("Trong {period}, Sở KH&CN chưa nhập số liệu nào qua mẫu biểu.",
                                 "During {period}, the Department imported no figures through its template."),
    "progress.data.in_force": ("Số liệu đang áp dụng là lần nhập ngày {date} ({filler}).",
                               "The figures in force are those imported on {date} ({filler})."),
    "progress.data.never": ("Đến nay chưa có lần nhập số liệu nào.", "No figures have been imported so far."),
    "progress.table.imports": ("Các lần nhập số liệu trong kỳ", "Imports of the period"),
    "progress.col.import_date": ("Ngày nhập", "Date"),
    "progress.col.filler": ("Người điền, đơn vị", "Filled in by"),
    "progress.col.documents": ("Văn bản, tài liệu căn cứ", "Documents cited"),
    "progress.col.figures": ("Số liệu", "Figures"),
    "progress.col.in_force": ("Đang áp dụng", "In force"),
    "progress.event.revert": ("Khôi phục lần nhập ngày {import_date}", "Made the import of {import_date} current again"),
    "progress.yes": ("Có", "Yes"),
    "progress.no": ("Không", "No"),
    "progress.unknown": ("không rõ", "unknown"),
    "progress.data.missing": (
        "Còn thiếu {n} loại số liệu để kết luận hoặc củng cố kết luận các chỉ tiêu; danh mục, các năm còn "
        "thiếu và cơ quan chủ trì cung cấp theo phân công của Kế hoạch nêu tại Phụ lục kèm theo.",
        "{n} kind(s) of figures are still missing to decide or firm up the verdicts; the list, the years "
        "missing and the agency the plan makes responsible are in the attached Annex.",
    ),
    "progress.data.complete": ("Không còn thiếu số liệu nào để kết luận các chỉ tiêu.",
                               "No figure is missing to decide the targets."),
    # ---------------------------------------------------------------- V. proposals
    "progress.propose.data": (
        "Đề nghị UBND tỉnh chỉ đạo các sở, ngành được phân công tại mục D'.II của Kế hoạch cung cấp số liệu "
        "theo Phụ lục kèm theo, gửi về Sở Khoa học và Công nghệ trước kỳ báo cáo tiếp theo.",
        "The Department asks the Provincial People's Committee to direct the agencies assigned in clause D'.II "
        "of the plan to provide the figures listed in the Annex to the Department before the next report.",
    ),
    "progress.propose.money": (
        "Xem xét nguồn lực cho KH&CN trong kế hoạch ngân sách các năm tới, căn cứ khoảng thiếu hụt nêu tại "
        "mục {section}.",
        "Consider resources for S&T in the coming budgets, in view of the gap shown in section {section}.",
    ),
    "progress.recipient.agencies": ("- Các sở, ngành nêu tại Phụ lục;", "- The agencies named in the Annex;"),
    # ---------------------------------------------------------------- annex
    "progress.annex.title": ("PHỤ LỤC", "ANNEX"),
    "progress.annex.subtitle": ("ĐỀ NGHỊ CUNG CẤP SỐ LIỆU", "REQUEST FOR DATA"),
    "progress.annex.attached": ("(Kèm theo Báo cáo kết quả thực hiện {period} của Sở Khoa học và Công nghệ)",
                                "(Attached to the Department of Science and Technology's report for {period})"),
    "progress.annex.intro": (
        "Căn cứ phân công tại mục D'.II của Kế hoạch và yêu cầu báo cáo định kỳ 6 tháng ({clause}: “{rule}”), "
        "Sở Khoa học và Công nghệ đề nghị các cơ quan cung cấp các số liệu dưới đây, điền vào mẫu biểu nhập "
        "liệu (tệp Excel) do Sở gửi kèm, ghi rõ văn bản, tài liệu làm căn cứ cho từng số liệu.",
        "Under the assignments of clause D'.II of the plan and its six-monthly reporting rule ({clause}: "
        "“{rule}”), the Department asks the agencies below for these figures, entered in the Department's "
        "Excel template with the document each figure comes from.",
    ),
    "progress.annex.none": ("Kỳ này không có số liệu nào cần đề nghị cung cấp.", "No figure needs to be requested this period."),
    "progress.table.requests": ("Số liệu đề nghị cung cấp", "Figures requested"),
    "progress.col.no": ("TT", "No."),
    "progress.col.figure": ("Số liệu (đơn vị; trang của mẫu biểu)", "Figure (unit; template sheet)"),
    "progress.col.years_missing": ("Các năm còn thiếu", "Years missing"),
    "progress.col.purpose": ("Mục đích sử dụng", "Needed for"),
    "progress.col.lead": ("Cơ quan chủ trì", "Lead agency"),
    "progress.col.support": ("Cơ quan phối hợp", "Supporting agency"),
    "progress.request.figure": ("{label} ({unit}; trang “{sheet}” của mẫu biểu)",
                                "{label} ({unit}; template sheet “{sheet}”)"),
    "progress.request.decides": ("Để kết luận: {items}", "To decide: {items}"),
    "progress.request.firms_up": ("Để thay giả định: {items}", "To replace an assumption: {items}"),
    "progress.request.outlook": ("Để dự báo: {items}", "For the outlook: {items}"),
    "progress.request.item": ("{label} ({years})", "{label} ({years})"),
    "progress.agency": ("{name} (mục {clause})", "{name} ({clause})"),
    "progress.annex.grounds": ("Căn cứ phân công của Kế hoạch", "The plan's assignments"),
    "progress.annex.duty": ("{name} (mục {clause}): “{text}”", "{name} ({clause}): “{text}” ({gloss})"),
    "progress.annex.focal": (
        "{name} (mục {clause}), là đầu mối khi Kế hoạch không giao riêng cơ quan nào: “{text}”",
        "{name} ({clause}), the focal point where the plan names no agency: “{text}” ({gloss})",
    ),
    "progress.years.and_more": ("{shown} và {n} năm khác", "{shown} and {n} more"),
    # ---------------------------------------------------------------- command line
    "progress.written": ("Đã ghi {path}", "Written: {path}"),
    "progress.snapshot_written": ("Đã lưu bản ghi kỳ {period}: {path}", "Snapshot for {period} saved: {path}"),
    "progress.backup_written": ("Bản ghi cũ được giữ lại: {path}", "The previous snapshot is kept as: {path}"),
    "progress.scheduled_skip": (
        "Báo cáo {period} đã có (bản ghi {path}); lần chạy theo lịch không ghi lại.",
        "The report for {period} already exists ({path}); the scheduled run leaves it as it is.",
    ),
}
