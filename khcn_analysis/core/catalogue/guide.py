"""Words of the reading guide: how to read a verdict and its evidence grade (pages 02, 03, README)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "guide.heading": ("Cách đọc kết luận và mức bằng chứng", "How to read a verdict and its evidence"),
    "guide.intro": (
        "Mỗi kết luận về một mục tiêu cho biết nó dựa trên cái gì. Các giả định đều có khoảng giá trị "
        "hợp lý (thấp – cao, kèm lý do và nguồn); kết luận được tính lại với mọi giá trị trong khoảng đó.",
        "Every verdict on a target says what it rests on. Each assumption has a plausible range (low – high, "
        "with its reasoning and sources), and the verdict is worked out again for every value in that range.",
    ),
    "guide.verdicts": ("Ba kết luận:", "Three verdicts:"),
    "guide.verdict.met": (
        "mục tiêu đạt dù các giả định lấy bất kỳ giá trị hợp lý nào.",
        "the target is reached whatever plausible values the assumptions take.",
    ),
    "guide.verdict.not_met": (
        "mục tiêu không đạt, kể cả khi các giả định lấy giá trị thuận lợi nhất trong khoảng hợp lý.",
        "the target is missed even with the most favourable plausible values of the assumptions.",
    ),
    "guide.verdict.undetermined": (
        "trong khoảng hợp lý, kết luận đổi chiều. Trang nêu giả định quyết định và ngưỡng bằng đơn vị tự nhiên "
        "(ví dụ: “đạt nếu năm 2020 tỉnh có ít nhất 234 cán bộ nghiên cứu”); số liệu của Sở KH&CN sẽ quyết định.",
        "within the plausible range the answer flips. The page names the deciding assumption and the breakpoint "
        "in natural units (e.g. “met if the province had at least 234 researchers in 2020”); the Department's "
        "own figure decides.",
    ),
    "guide.verdict.not_computable": (
        "thiếu số liệu để tính (ví dụ: đóng góp của TFP); phụ lục đề nghị cung cấp số liệu nêu cơ quan chịu trách nhiệm.",
        "the data to compute it are missing (e.g. the TFP contribution); the data-request annex names the "
        "agency responsible.",
    ),
    "guide.grades": (
        "Mức bằng chứng của một giá trị, từ mạnh đến yếu (một kết luận mang mức yếu nhất trong các giá trị nó dựa vào):",
        "The evidence grade of a value, from strongest to weakest (a verdict carries the weakest grade of what "
        "it rests on):",
    ),
    "guide.item": ("- **{word}**: {text}", "- **{word}**: {text}"),
}
