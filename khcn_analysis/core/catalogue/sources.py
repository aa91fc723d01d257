"""Readers' names for the sources, in Vietnamese and English.

``data/raw/sources.csv`` names each source in English with the mirror it was read
from ("GSO statistical yearbook via GitHub choisy/gso"); a Vietnamese source line
showed those English working names ("MoF budget-disclosure portal", "Thesis excerpt
on 123docz.net"). Each exact ``source_name`` maps here to a short (vi, en) pair that
says who published the figure; the mirror, URL and quote stay in the sources table.
:func:`khcn_analysis.core.provenance.source_label` is the lookup; a test fails if a
shipped source has no entry.

Keys: ``sources.name.<exact English source_name>``, ``sources.plan.<plan id>``,
and the kinds of id that are not sourced facts (assumption, scenario, department).
"""

from __future__ import annotations

__all__ = ["SOURCE_NAMES", "WORDS"]

#: Exact ``source_name`` of ``data/raw/sources.csv`` → (Vietnamese, English) display name.
SOURCE_NAMES: dict[str, tuple[str, str]] = {
    # Official statistics and budget data
    "GSO statistical yearbook via GitHub choisy/gso": (
        "Niên giám thống kê (TCTK)", "GSO statistical yearbook"),
    "MoF budget-disclosure portal (ckns.mof.gov.vn) via GitHub xuanhaihust/nsnn-budget-crawler": (
        "Cổng công khai ngân sách của Bộ Tài chính", "MoF budget-disclosure portal"),
    "MoF budget tables via GitHub mdtrinh/vietnamdata": (
        "Số liệu ngân sách của Bộ Tài chính", "MoF budget tables"),
    "Điện Biên Statistics Office": ("Cục Thống kê tỉnh Điện Biên", "Điện Biên Statistics Office"),
    "danso.info (citing GSO)": ("danso.info (trích số liệu TCTK)", "danso.info (citing GSO)"),
    "vktrans.org (citing GSO)": ("vktrans.org (trích số liệu TCTK)", "vktrans.org (citing GSO)"),
    "World Bank WDI via statisticsoftheworld.com": (
        "Chỉ số phát triển thế giới (Ngân hàng Thế giới)", "World Bank WDI"),
    "OECD Economic Surveys: Viet Nam 2025": (
        "Khảo sát kinh tế Việt Nam 2025 của OECD", "OECD Economic Surveys: Viet Nam 2025"),
    # Provincial and departmental websites
    "Lai Châu party website (laichau.dcs.vn)": (
        "Trang thông tin điện tử Đảng bộ tỉnh Lai Châu", "Lai Châu party website"),
    "Lai Châu Dept. of Science and Technology website": (
        "Trang thông tin điện tử Sở KH&CN Lai Châu", "Lai Châu DOST website"),
    "Lai Châu Dept. of Planning and Investment website": (
        "Trang thông tin điện tử Sở KH&ĐT Lai Châu", "Lai Châu DPI website"),
    "Lai Châu S&T bulletin (Bản tin KH&CN) hosted on fliphtml5": (
        "Bản tin KH&CN Lai Châu", "Lai Châu S&T bulletin"),
    "GitHub ihbkaiser/vietnam-province-intelligence (citing Lai Châu provincial portal)": (
        "Bản tổng hợp trích Cổng thông tin điện tử tỉnh Lai Châu",
        "Compilation citing the Lai Châu provincial portal"),
    "Document mirror (fdokumen.com) of a provincial report": (
        "Bản sao báo cáo của tỉnh (fdokumen.com)", "Copy of a provincial report (fdokumen.com)"),
    "Bà Rịa-Vũng Tàu DOST website (citing MoF)": (
        "Trang Sở KH&CN Bà Rịa - Vũng Tàu (trích Bộ Tài chính)",
        "Bà Rịa-Vũng Tàu DOST website (citing MoF)"),
    "Hà Nam DOST website (on MOST's PII 2023 results)": (
        "Trang Sở KH&CN Hà Nam (về kết quả PII 2023)", "Hà Nam DOST website (on PII 2023 results)"),
    "MOST trade-union website": ("Trang Công đoàn Bộ KH&CN", "MOST trade-union website"),
    "Thương hiệu quốc gia (Công Thương)": (
        "Chương trình Thương hiệu quốc gia (Bộ Công Thương)",
        "National Brand programme (Ministry of Industry and Trade)"),
    "LuatVietnam (English text of Decision 569/QĐ-TTg)": (
        "LuatVietnam (bản tiếng Anh Quyết định 569/QĐ-TTg)",
        "LuatVietnam (English text of Decision 569/QĐ-TTg)"),
    # Theses and studies
    "Thesis excerpt on 123docz.net (citing Lai Châu Statistical Yearbook 2015)": (
        "Luận văn trích Niên giám thống kê Lai Châu 2015",
        "Thesis citing the Lai Châu Statistical Yearbook 2015"),
    "Thesis excerpt on 123docz.net": ("Trích đoạn luận văn (123docz.net)", "Thesis excerpt (123docz.net)"),
    "Study on 123docz.net (TFP in Hà Giang 2011-2020)": (
        "Nghiên cứu về TFP ở Hà Giang 2011–2020 (123docz.net)",
        "Study of TFP in Hà Giang 2011–2020 (123docz.net)"),
    # Newspapers and magazines (Vietnamese titles are proper names in both languages)
    "Báo Chính phủ": ("Báo Chính phủ", "Báo Chính phủ"),
    "Báo điện tử Đảng Cộng sản Việt Nam": (
        "Báo điện tử Đảng Cộng sản Việt Nam", "Communist Party of Vietnam online newspaper"),
    "Báo Nhân Dân": ("Báo Nhân Dân", "Báo Nhân Dân"),
    "Báo Quân đội Nhân dân": ("Báo Quân đội Nhân dân", "Báo Quân đội Nhân dân"),
    "Báo Đại biểu Nhân dân": ("Báo Đại biểu Nhân dân", "Báo Đại biểu Nhân dân"),
    "Báo Lai Châu": ("Báo Lai Châu", "Báo Lai Châu"),
    "Báo Nghệ An": ("Báo Nghệ An", "Báo Nghệ An"),
    "Báo Lao động Đồng Nai": ("Báo Lao động Đồng Nai", "Báo Lao động Đồng Nai"),
    "Báo Tây Ninh (on Decision 418/QĐ-TTg)": (
        "Báo Tây Ninh (về Quyết định 418/QĐ-TTg)", "Báo Tây Ninh (on Decision 418/QĐ-TTg)"),
    "Báo Thanh tra": ("Báo Thanh tra", "Báo Thanh tra"),
    "Báo Tiền Phong": ("Báo Tiền Phong", "Báo Tiền Phong"),
    "Báo Tin tức (VNA)": ("Báo Tin tức (TTXVN)", "Báo Tin tức (VNA)"),
    "Báo Dân Việt": ("Báo Dân Việt", "Báo Dân Việt"),
    "Báo Dân Việt (Trang trại Việt)": ("Báo Dân Việt (Trang trại Việt)", "Báo Dân Việt (Trang trại Việt)"),
    "Báo Mới (news aggregator)": ("Báo Mới (trang tổng hợp tin)", "Báo Mới (news aggregator)"),
    "VNA (vnanet.vn)": ("Thông tấn xã Việt Nam", "Vietnam News Agency"),
    "VietnamPlus (VNA)": ("VietnamPlus (TTXVN)", "VietnamPlus (VNA)"),
    "Vietnam News Gazette (VNA repost)": (
        "Vietnam News Gazette (đăng lại tin TTXVN)", "Vietnam News Gazette (VNA repost)"),
    "SGGP": ("Báo Sài Gòn Giải Phóng", "Sài Gòn Giải Phóng newspaper"),
    "The Saigon Times": ("Thời báo Kinh tế Sài Gòn", "The Saigon Times"),
    "Vietnam Economic News (ven.vn)": ("Báo Kinh tế Việt Nam (ven.vn)", "Vietnam Economic News"),
    "VnExpress": ("VnExpress", "VnExpress"),
    "VietNamNet": ("VietNamNet", "VietNamNet"),
    "VietnamMoi": ("VietnamMoi", "VietnamMoi"),
    "VietnamFinance": ("VietnamFinance", "VietnamFinance"),
    "VietnamBiz": ("VietnamBiz", "VietnamBiz"),
    "CafeF": ("CafeF", "CafeF"),
    "vietnam.vn": ("vietnam.vn", "vietnam.vn"),
    "vietnam.vn (VJS)": ("vietnam.vn (Hội Nhà báo Việt Nam)", "vietnam.vn (Vietnam Journalists' Association)"),
    "vietnam.vn (Thai-language edition)": ("vietnam.vn (bản tiếng Thái Lan)", "vietnam.vn (Thai-language edition)"),
    "Tạp chí Công Thương": ("Tạp chí Công Thương", "Tạp chí Công Thương"),
    "Bảo vệ Môi trường magazine": ("Tạp chí Bảo vệ Môi trường", "Bảo vệ Môi trường magazine"),
    "Doanh nghiệp Hội nhập": ("Tạp chí Doanh nghiệp Hội nhập", "Doanh nghiệp Hội nhập magazine"),
    "Thương hiệu và Công luận": ("Tạp chí Thương hiệu và Công luận", "Thương hiệu và Công luận magazine"),
    "Diễn đàn Doanh nghiệp": ("Tạp chí Diễn đàn Doanh nghiệp", "Diễn đàn Doanh nghiệp magazine"),
    "Lào Cai TV": ("Đài Phát thanh và Truyền hình Lào Cai", "Lào Cai TV"),
    "Nhà nông xanh": ("Nhà nông xanh", "Nhà nông xanh"),
    # Reposts, mirrors and pages of uncertain standing (the sources table grades them)
    "IP-hosted news page (publisher not identified)": (
        "Trang tin không rõ đơn vị phát hành", "News page, publisher not identified"),
    "Wikipedia mirror (perceptiocs.com)": ("Bản sao Wikipedia", "Wikipedia mirror"),
    "German Wikipedia mirror (wikiup.org)": ("Bản sao Wikipedia tiếng Đức", "German Wikipedia mirror"),
    "realtier.net (summary of Resolution 57-NQ/TW)": (
        "realtier.net (tóm tắt Nghị quyết 57-NQ/TW)", "realtier.net (summary of Resolution 57-NQ/TW)"),
    "Blog repost of a MOST report": ("Blog đăng lại báo cáo của Bộ KH&CN", "Blog repost of a MOST report"),
    "Blog repost (yourviet.blogspot.com)": ("Blog đăng lại (yourviet.blogspot.com)",
                                            "Blog repost (yourviet.blogspot.com)"),
    "tu-do.com (repost of a PM statement)": (
        "tu-do.com (đăng lại phát biểu của Thủ tướng)", "tu-do.com (repost of a PM statement)"),
    "susta.vn (news repost)": ("susta.vn (đăng lại tin)", "susta.vn (news repost)"),
    "Spam-domain mirror of a Chất lượng Việt Nam article": (
        "Bản sao không chính thống của một bài trên Chất lượng Việt Nam",
        "Unofficial copy of a Chất lượng Việt Nam article"),
    "vrviet.vn (French-language)": ("vrviet.vn (bản tiếng Pháp)", "vrviet.vn (French-language)"),
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"sources.name.{name}": pair for name, pair in SOURCE_NAMES.items()},
    # Ids that are not sourced facts (core/provenance.py: source_kind)
    "sources.assumption": ("giả định", "assumption"),
    "sources.scenario": ("giả định của kịch bản", "scenario assumption"),
    "sources.department": ("Sở KH&CN Lai Châu", "Lai Châu DOST"),
    "sources.plan": ("kế hoạch", "plan"),
    "sources.plan.lai-chau-2013": ("Kế hoạch kèm QĐ 182/QĐ-UBND", "Plan attached to Decision 182/QĐ-UBND"),
    "sources.plan.national-targets": ("Các mục tiêu quốc gia về KH&CN", "National S&T targets"),
    # A source line: "Nguồn: A; B; giả định"
    "sources.line": ("Nguồn: {names}", "Source: {names}"),
    "sources.none": ("–", "–"),
    "sources.more": ("và {n} nguồn khác (xem bảng Nguồn)", "and {n} more (see the Sources table)"),
}
