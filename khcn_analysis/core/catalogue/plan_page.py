"""Words of page 01 (the plan and its audit) for readers."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "plan_page.title": (
        "01 · Kế hoạch 182 và kiểm tra số học của kế hoạch",
        "01 · Plan 182 and an audit of its own arithmetic",
    ),
    "plan_page.intro": (
        "Trang này trình bày kế hoạch KH&CN của tỉnh Lai Châu ({title}): các mục tiêu, kinh phí theo "
        "giai đoạn, kết quả kiểm tra số học của chính kế hoạch và các mục tiêu quốc gia liên quan. "
        "Mỗi con số lấy từ văn bản kế hoạch, kèm mục tương ứng.",
        "This page shows Lai Châu's S&T plan ({title}): its targets, its budget by phase, the audit of "
        "the plan's own arithmetic and the national targets that frame it. Every figure comes from the "
        "plan's text, with its clause.",
    ),
    "plan_page.targets": ("Mục tiêu", "Targets"),
    "plan_page.targets_text": (
        "Mỗi mục tiêu với mục của văn bản, ngưỡng và năm; cột cuối cho biết mục tiêu được tính từ số liệu "
        "hay phải theo dõi thủ công.",
        "Each target with its clause, bounds and years; the last column says whether the workbook computes "
        "it from data or it is tracked by hand.",
    ),
    "plan_page.budget": ("Kinh phí", "Budget"),
    "plan_page.budget_text": (
        "Các dòng kinh phí theo giai đoạn, nội dung và nguồn vốn (tỷ đồng).",
        "Budget lines by phase, purpose and source of money (bn VND).",
    ),
    "plan_page.audit": ("Kiểm tra số học của kế hoạch", "The audit of the plan's arithmetic"),
    "plan_page.audit_text": (
        "Mỗi phát hiện có mức độ (lỗi, cảnh báo, thông tin) và các con số đằng sau; tất cả được tính từ "
        "văn bản kế hoạch, không gõ tay.",
        "Each finding has a severity and the numbers behind it, all computed from the plan, none typed in.",
    ),
    "plan_page.national": ("Mục tiêu quốc gia bên cạnh mục tiêu của tỉnh", "National targets side by side"),
    "plan_page.national_text": (
        "Mỗi mục tiêu quốc gia đặt cạnh chỉ tiêu gần nhất của tỉnh, kèm lưu ý vì sao không so trực tiếp "
        "được (R&D khác tổng đầu tư xã hội cho KH&CN; quy đổi toàn thời gian khác đầu người; GDP khác GRDP). "
        "Văn bản Nghị quyết 20-NQ/TW không tìm thấy: mục tiêu của nó chỉ đến qua Kế hoạch 182.",
        "Each national target beside the nearest provincial indicator, with why they cannot be compared "
        "directly (R&D is not total social S&T investment; full-time equivalents are not head counts; GDP is "
        "not GRDP). Resolution 20's own text was not found; its targets reach us only through Plan 182.",
    ),
    "plan_page.col.severity": ("Mức độ", "Severity"),
    "plan_page.col.finding": ("Phát hiện", "Finding"),
    "plan_page.col.document": ("Văn bản", "Document"),
    "plan_page.col.national_indicator": ("Chỉ tiêu quốc gia", "National indicator"),
    "plan_page.col.national_target": ("Mục tiêu quốc gia", "National target"),
    "plan_page.col.provincial_indicator": ("Chỉ tiêu gần nhất của tỉnh", "Nearest provincial indicator"),
    "plan_page.col.provincial_target": ("Mục tiêu của tỉnh", "Provincial target"),
    "plan_page.col.caveat": ("Lưu ý khi so sánh", "Caveat"),
}
