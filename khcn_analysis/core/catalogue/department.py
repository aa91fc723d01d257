"""The words of the department's input template and of ``khcn data import/history/revert``.

The template is the one file a department officer fills in by hand: its sheet
names, headers, prompts and instructions must read as natural administrative
Vietnamese (and as plain English for ``--lang en``). Keys: ``department.<part>``.
The words stored into ``data/raw/department/`` (source name, notes) are always
Vietnamese: a raw file is written once, in the province's language.
"""

from __future__ import annotations

_BN = ("tỷ đồng, giá hiện hành", "billion VND, current prices")

WORDS: dict[str, tuple[str, str]] = {
    # workbook
    "department.workbook_title": ("Mẫu nhập số liệu KH&CN Lai Châu", "Lai Châu S&T input template"),
    "department.heading": (
        "MẪU NHẬP SỐ LIỆU CỦA SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAI CHÂU",
        "INPUT TEMPLATE FOR THE LAI CHÂU DEPARTMENT OF SCIENCE AND TECHNOLOGY",
    ),
    "department.who_heading": ("Thông tin người điền", "Who filled this file"),
    "department.instructions_heading": ("Hướng dẫn", "Instructions"),
    "department.version_label": ("Phiên bản mẫu", "Template version"),
    # sheets and tables
    "department.sheet.instructions": ("Hướng dẫn", "Instructions"),
    "department.sheet.money": ("Kinh phí KH&CN", "S&T money"),
    "department.sheet.researchers": ("Nhân lực KH&CN", "S&T personnel"),
    "department.sheet.targets": ("Chỉ tiêu theo dõi", "Tracked targets"),
    "department.title.money": (
        "Kinh phí cho khoa học và công nghệ và ngân sách địa phương, theo năm (số thực hiện)",
        "Money for science and technology and the local budget, by year (actual outturn)",
    ),
    "department.title.researchers": (
        "Cán bộ nghiên cứu khoa học trên địa bàn tỉnh, theo năm",
        "Scientific researchers in the province, by year",
    ),
    "department.title.targets": (
        "Chỉ tiêu của Kế hoạch chỉ Sở theo dõi được, theo năm",
        "Plan targets only the department can track, by year",
    ),
    # column headers: label and unit
    "department.header.year": ("Năm", "Year"),
    "department.header.source": (
        "Nguồn số liệu\n(tên, số, ngày văn bản; bắt buộc khi có số liệu)",
        "Source\n(document title, number, date; required when a value is given)",
    ),
    "department.header.note": ("Ghi chú", "Note"),
    "department.label.st_budget": ("Chi ngân sách nhà nước cho KH&CN", "State budget spending on S&T"),
    "department.unit.st_budget": _BN,
    "department.label.st_investment": (
        "Tổng đầu tư xã hội cho KH&CN (nhà nước và ngoài nhà nước)",
        "Total social investment in S&T (state and non-state)",
    ),
    "department.unit.st_investment": _BN,
    "department.label.budget_expenditure": ("Tổng chi ngân sách địa phương", "Total local budget expenditure"),
    "department.unit.budget_expenditure": _BN,
    "department.label.budget_revenue_local": (
        "Thu ngân sách địa phương được hưởng theo phân cấp",
        "Local budget revenue retained by the province",
    ),
    "department.unit.budget_revenue_local": _BN,
    "department.label.st_fund_contribution": (
        "Trích vào Quỹ phát triển KH&CN của tỉnh",
        "Contribution to the provincial S&T development fund",
    ),
    "department.unit.st_fund_contribution": _BN,
    "department.label.researchers": ("Số cán bộ nghiên cứu khoa học", "Scientific researchers"),
    "department.unit.researchers": ("người, số người thực tế", "persons, headcount"),
    "department.label.researchers_fte": (
        "Số cán bộ nghiên cứu quy đổi toàn thời gian",
        "Researchers, full-time equivalent",
    ),
    "department.unit.researchers_fte": (
        "người, quy đổi toàn thời gian (FTE)",
        "persons, full-time equivalent (FTE)",
    ),
    "department.label.tfp_contribution_growth": (
        "Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP (theo số liệu cơ quan thống kê công bố)",
        "TFP share of GRDP growth (as published by the statistics office)",
    ),
    "department.unit.tfp_contribution_growth": ("%, từ 0 đến 100", "%, 0 to 100"),
    "department.label.technology_renewal_rate": (
        "Tốc độ đổi mới công nghệ, thiết bị",
        "Rate of technology and equipment renewal",
    ),
    "department.unit.technology_renewal_rate": ("%/năm, từ 0 đến 100", "% per year, 0 to 100"),
    "department.label.national_brand_products": (
        "Số sản phẩm đạt thương hiệu quốc gia (lũy kế đến cuối năm)",
        "Products with a national brand (cumulative, end of year)",
    ),
    "department.unit.national_brand_products": ("sản phẩm", "products"),
    "department.label.techmart_held": (
        "Số lần tổ chức chợ công nghệ và thiết bị (Techmart) trong năm",
        "Technology and equipment fairs (Techmart) held in the year",
    ),
    "department.unit.techmart_held": ("lần", "events"),
    # who filled the file
    "department.meta.filled_by": ("Họ và tên người điền", "Name of the person filling in"),
    "department.meta.organisation": ("Cơ quan, đơn vị", "Organisation"),
    "department.meta.filled_on": ("Ngày điền (ngày/tháng/năm)", "Date filled in (day/month/year)"),
    "department.meta.contact": ("Điện thoại hoặc email (không bắt buộc)", "Phone or email (optional)"),
    # data validation: titles, prompts, errors (Excel keeps at most 255 characters)
    "department.dv.year_title": ("Năm", "Year"),
    "department.dv.year_prompt": (
        "Năm từ {first} đến {last}, mỗi năm một dòng, không lặp lại.",
        "A year from {first} to {last}, one row per year, never twice.",
    ),
    "department.dv.year_error_title": ("Năm không hợp lệ", "Invalid year"),
    "department.dv.year_error": (
        "Năm phải là số nguyên từ {first} đến {last}.",
        "The year must be a whole number from {first} to {last}.",
    ),
    "department.dv.source_title": ("Nguồn số liệu", "Source"),
    "department.dv.source_prompt": (
        "Bắt buộc khi dòng có số liệu: tên, số và ngày văn bản (báo cáo, quyết toán, "
        "biểu thống kê) làm căn cứ cho số liệu của dòng này.",
        "Required when the row has a value: title, number and date of the document "
        "(report, final accounts, statistical table) the figures come from.",
    ),
    "department.dv.unit_title": ("Đơn vị: {unit}", "Unit: {unit}"),
    "department.dv.share_prompt": (
        "{label}. Nhập số phần trăm từ 0 đến 100 (1,5% nhập là 1,5). Bỏ trống nếu chưa có số liệu.",
        "{label}. A percentage from 0 to 100 (1.5% is entered as 1.5). Leave blank if unknown.",
    ),
    "department.dv.share_error": (
        "Phải là số từ 0 đến 100 (phần trăm), nhập trong ô số, không kèm ký hiệu %.",
        "Must be a number from 0 to 100 (per cent), typed as a number without a % sign.",
    ),
    "department.dv.count_prompt": (
        "{label}. Số nguyên không âm ({unit}). Bỏ trống nếu chưa có số liệu.",
        "{label}. A whole number, zero or more ({unit}). Leave blank if unknown.",
    ),
    "department.dv.count_error": ("Phải là số nguyên không âm.", "Must be a whole number, zero or more."),
    "department.dv.amount_prompt": (
        "{label}. Số không âm, đơn vị {unit}; số lẻ dùng dấu thập phân của máy. "
        "Bỏ trống nếu chưa có số liệu.",
        "{label}. A number, zero or more, in {unit}. Leave blank if unknown.",
    ),
    "department.dv.amount_error": (
        "Phải là số không âm, nhập trong ô số (không kèm chữ hay đơn vị).",
        "Must be a number, zero or more, typed as a number (no text or unit).",
    ),
    "department.dv.value_error_title": ("Giá trị không hợp lệ", "Invalid value"),
    "department.dv.date_title": ("Ngày điền", "Date"),
    "department.dv.date_prompt": ("Nhập ngày, ví dụ 15/03/2025.", "A date, e.g. 15/03/2025."),
    "department.dv.date_error_title": ("Ngày không hợp lệ", "Invalid date"),
    "department.dv.date_error": ("Phải là một ngày hợp lệ.", "Must be a valid date."),
    # the instructions sheet, one line each
    "department.guide.1": (
        "Mẫu này để Sở Khoa học và Công nghệ nhập SỐ LIỆU THỰC TẾ của chính Sở đã được kiểm tra, "
        "có văn bản làm căn cứ (báo cáo, quyết toán, biểu thống kê). Không nhập số ước tính, số "
        "kế hoạch, số dự báo hay số tự suy ra: những số đó mô hình đã có giả định riêng, có ghi rõ.",
        "This template is for the Department of Science and Technology's OWN VERIFIED ACTUAL FIGURES, "
        "each backed by a document (report, final accounts, statistical table). Do not enter estimates, "
        "plans, projections or figures you derived: the model has its own, labelled assumptions for those.",
    ),
    "department.guide.2": (
        "Điền thông tin người điền ở các ô màu vàng phía trên (họ tên, cơ quan, ngày điền là bắt buộc).",
        "Fill in the yellow cells above about who filled the file (name, organisation and date are required).",
    ),
    "department.guide.3": (
        "Mỗi bảng một trang: {sheets}. Mỗi dòng là một năm từ {first} đến {last} "
        "(đã điền sẵn); mỗi năm chỉ một dòng. Chỉ điền vào các ô màu vàng.",
        "One sheet per table: {sheets}. One row per year from {first} to {last} (pre-filled); "
        "each year once. Type only into the yellow cells.",
    ),
    "department.guide.4": (
        "Bỏ trống ô chưa có số liệu: ô trống nghĩa là «chưa có số liệu», không phải số 0. Chỉ nhập 0 "
        "khi giá trị thực sự bằng 0.",
        "Leave a cell blank when the figure is unknown: blank means «no figure», not zero. Enter 0 only "
        "when the value really is zero.",
    ),
    "department.guide.5": (
        "Đơn vị ghi ở tiêu đề mỗi cột. Tiền: tỷ đồng, giá hiện hành (ví dụ 1.234.500.000 đồng nhập là "
        "1,2345; 20.300 triệu đồng nhập là 20,3). Tỷ lệ: số phần trăm từ 0 đến 100 (1,5% nhập là 1,5; "
        "không nhập 0,015, không gõ dấu %). Số người, số sản phẩm, số lần tổ chức Techmart: số nguyên.",
        "Units are in each column header. Money: billion VND at current prices (1,234,500,000 VND is "
        "entered as 1.2345; 20,300 million VND as 20.3). Shares: per cent from 0 to 100 (1.5% is 1.5, "
        "not 0.015, no % sign). Persons, products and Techmart events: whole numbers.",
    ),
    "department.guide.6": (
        "Số phải nằm trong ô dạng số của Excel: gõ số trực tiếp, không kèm chữ, đơn vị, dấu cách hay "
        "dấu nháy. Dấu thập phân theo cài đặt của máy (máy cài tiếng Việt: 1,5; máy cài tiếng Anh: "
        "1.5). Nếu số hiện lệch về bên trái ô, Excel đang coi đó là chữ: hãy gõ lại.",
        "Numbers must be in Excel number cells: type the number itself, without text, units, spaces or "
        "quotes, with your computer's decimal separator. A number shown at the left of its cell is text: "
        "type it again.",
    ),
    "department.guide.7": (
        "Dòng nào có số liệu thì bắt buộc ghi cột «Nguồn số liệu»: tên, số và ngày văn bản (ví dụ: "
        "Báo cáo quyết toán NSĐP năm 2020, Biểu 62). Cột «Ghi chú» để giải thích thêm nếu cần.",
        "Every row with a value needs the «Source» column: title, number and date of the document. "
        "The «Note» column is for any further explanation.",
    ),
    "department.guide.8": (
        "Nên nhập số trực tiếp. Ô có công thức: chương trình lấy giá trị Excel đã tính và lưu trong "
        "tệp; nếu tệp không có giá trị đã tính (ví dụ tệp do phần mềm khác tạo) thì ô đó bị từ chối.",
        "Prefer typed numbers. A cell with a formula: the value Excel calculated and saved in the file is "
        "used; a formula without a saved value (e.g. a file made by another program) is refused.",
    ),
    "department.guide.9": (
        "Không đổi tên trang, không chèn hay xóa cột, không sửa dòng tiêu đề; trang ẩn «_khcn» ghi "
        "phiên bản mẫu ({version}). Cần mẫu mới: chạy «khcn data template».",
        "Do not rename sheets, insert or delete columns, or edit header rows; the hidden sheet «_khcn» "
        "holds the template version ({version}). For a fresh template run «khcn data template».",
    ),
    "department.guide.10": (
        "Nhập vào mô hình: «khcn data import TÊN_TỆP.xlsx». Chương trình kiểm tra toàn bộ tệp; nếu có "
        "lỗi, liệt kê các lỗi (trang, ô, giá trị tìm thấy, giá trị cần có) và KHÔNG nhập gì cả. Số liệu "
        "vượt khoảng hợp lý (ví dụ chi KH&CN lớn hơn tổng chi ngân sách, thường do nhập nhầm triệu đồng "
        "thành tỷ đồng) cũng bị từ chối, kèm lý do.",
        "To import: «khcn data import FILE.xlsx». The whole file is checked; if anything is wrong, the "
        "problems are listed (sheet, cell, found, expected) and NOTHING is imported. Figures outside a "
        "plausible range (e.g. S&T spending above total budget spending, usually million VND typed as "
        "billion VND) are refused too, with the reason.",
    ),
    "department.guide.11": (
        "Mỗi lần nhập là TOÀN BỘ số liệu của Sở tại thời điểm đó: hãy điền mọi số liệu đã có, không chỉ "
        "số mới. Số liệu được lưu thành một phiên bản mới, ghi ngày giờ nhập, trong data/raw/department/; "
        "phiên bản mới nhất là phiên bản hiện hành, các phiên bản cũ không bao giờ bị ghi đè hay xóa. "
        "Xem các lần nhập: «khcn data history»; dùng lại một lần nhập cũ: «khcn data revert MÃ_LẦN_NHẬP».",
        "Each import is the department's COMPLETE set of figures at that time: fill in every figure you "
        "have, not only the new ones. It is stored as a new version, dated, in data/raw/department/; "
        "the latest version is the current one and earlier versions are never deleted or overwritten. "
        "List the imports: «khcn data history»; make an earlier one current again: "
        "«khcn data revert IMPORT_ID».",
    ),
    "department.guide.12": (
        "Sau khi nhập và dựng lại dữ liệu («khcn data build»), số liệu của Sở được ưu tiên hơn mọi "
        "nguồn khác và mọi giả định cho cùng chỉ tiêu, cùng năm; báo cáo ghi nguồn là «Sở KH&CN Lai "
        "Châu» kèm ngày nhập.",
        "After import and a rebuild («khcn data build»), the department's figures take precedence over "
        "every other source and every assumption for the same indicator and year; reports name the "
        "source as the department with the import date.",
    ),
    # hints inside the (English) cell messages of an import
    "department.hint.absurd": (
        "không số liệu nào của một tỉnh gần tới {limit} theo đơn vị này; có phải đã nhập theo đồng "
        "thay vì tỷ đồng, hoặc thừa chữ số 0?",
        "no figure of a province comes near {limit} in these units; was it typed in VND (đồng) "
        "instead of billion VND (tỷ đồng), or with extra zeros?",
    ),
    # what an import stores (always Vietnamese: a raw file is written in the province's language)
    "department.stored.source_name": ("Sở KH&CN Lai Châu (nhập ngày {date})",
                                      "Lai Châu Department of S&T (imported {date})"),
    "department.stored.filler": ("{name}, {organisation}, ngày {date}", "{name}, {organisation}, on {date}"),
    "department.stored.contact": (", liên hệ {contact}", ", contact {contact}"),
    "department.stored.source": ("Nguồn: {text}.", "Source: {text}."),
    "department.stored.note": (" Ghi chú: {text}.", " Note: {text}."),
    "department.stored.formula": (" Giá trị đã tính của công thức {formula}.",
                                  " Value calculated by the formula {formula}."),
    "department.stored.filled_by": (" Người điền: {filler}.", " Filled in by: {filler}."),
    # CLI messages
    "department.cli.template_written": ("Đã ghi mẫu nhập liệu: {path}", "Wrote the input template: {path}"),
    "department.cli.imported": (
        "Đã nhập {n} số liệu từ {file} thành lần nhập {import_id} (hiện hành), lưu tại {path}.",
        "Imported {n} figures from {file} as import {import_id} (now current), stored in {path}.",
    ),
    "department.cli.same_as": (
        "Nội dung giống lần nhập {earlier}; lần nhập mới này nay là lần nhập hiện hành.",
        "The content is the same as import {earlier}; this new import is now the current one.",
    ),
    "department.cli.rebuild": (
        "Chạy «khcn data build» để dựng lại dữ liệu với số liệu này.",
        "Run «khcn data build» to rebuild the data with these figures.",
    ),
    "department.cli.reverted": (
        "Lần nhập {import_id} nay là lần nhập hiện hành (ghi nhận lúc {at}); không tệp nào bị xóa.",
        "Import {import_id} is current again (recorded at {at}); no file was deleted.",
    ),
    "department.cli.already_current": (
        "Lần nhập {import_id} đang là lần nhập hiện hành; không ghi thêm gì.",
        "Import {import_id} is already the current one; nothing was recorded.",
    ),
    "department.cli.no_imports": (
        "Chưa có lần nhập nào trong {folder}.",
        "No imports yet in {folder}.",
    ),
    # khcn data history
    "department.history.title": ("Các lần nhập số liệu của Sở KH&CN", "The department's imports"),
    "department.history.when": ("Thời điểm", "Date and time"),
    "department.history.event": ("Sự kiện", "Event"),
    "department.history.import_id": ("Mã lần nhập", "Import id"),
    "department.history.filled_by": ("Người điền", "Filled in by"),
    "department.history.documents": ("Văn bản nguồn", "Documents cited"),
    "department.history.figures": ("Số liệu", "Figures"),
    "department.history.file": ("Tệp đã nhập (SHA-256)", "File imported (SHA-256)"),
    "department.history.current": ("Hiện hành", "Current"),
    "department.history.event_import": ("nhập", "import"),
    "department.history.event_revert": ("dùng lại {import_id}", "revert to {import_id}"),
    "department.history.yes": ("✔ hiện hành", "✔ current"),
    "department.history.unknown": ("(không ghi)", "(not recorded)"),
}
