"""The words of the plausibility warnings a projection carries (judge/plausibility.py)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "plausibility.ceiling": (
        "{indicator} dự báo vượt {limit} {unit} từ năm {first_year} (năm {year}: {value} {unit}), "
        "ngoài khoảng hợp lý: {reason}. Kiểm tra các giả định của kịch bản.",
        "Projected {indicator} exceeds {limit} {unit} from {first_year} ({year}: {value} {unit}), "
        "outside the plausible range: {reason}. Check the scenario's assumptions.",
    ),
    "plausibility.level_high": (
        "{indicator} dự báo gấp hơn {factor} lần số liệu ghi nhận gần nhất ({base} {unit} năm {base_year}) "
        "từ năm {first_year} (năm {year}: {value} {unit}): không phải con đường tỉnh có thể đi. "
        "Kiểm tra các giả định của kịch bản.",
        "Projected {indicator} is more than {factor} times its last recorded value ({base} {unit} in "
        "{base_year}) from {first_year} ({year}: {value} {unit}): not a path the province can take. "
        "Check the scenario's assumptions.",
    ),
    "plausibility.level_low": (
        "{indicator} dự báo giảm còn dưới 1/{factor} số liệu ghi nhận gần nhất ({base} {unit} năm "
        "{base_year}) từ năm {first_year} (năm {year}: {value} {unit}). Kiểm tra các giả định của kịch bản.",
        "Projected {indicator} falls below 1/{factor} of its last recorded value ({base} {unit} in "
        "{base_year}) from {first_year} ({year}: {value} {unit}). Check the scenario's assumptions.",
    ),
    "plausibility.reason.researcher_density": (
        "không quốc gia nào có quá 100 cán bộ nghiên cứu trên một vạn dân",
        "no country has more than 100 researchers per 10,000 people",
    ),
    "plausibility.reason.st_investment_share_grdp": (
        "quốc gia chi cho nghiên cứu và phát triển cao nhất thế giới ở mức khoảng 6% GDP",
        "the highest national R&D spending in the world is about 6% of GDP",
    ),
    "plausibility.reason.st_budget_share_expenditure": (
        "định mức quốc gia là 2% tổng chi ngân sách (3% theo Nghị quyết 57-NQ/TW)",
        "the national norm is 2% of budget expenditure (3% under Resolution 57-NQ/TW)",
    ),
    "plausibility.reason.st_fund_share_revenue_local": (
        "kế hoạch yêu cầu trích 0,2–0,5% thu ngân sách địa phương được hưởng",
        "the plan asks for 0.2–0.5% of retained local revenue",
    ),
}
