"""The words of the data stage: regions, indicators of the baseline page, build findings.

Page 02 (baseline data), the regional comparison and the findings of ``khcn data
build`` name regions and indicators; their reader's words live here, once.
Keys: ``data.<part>``. Status words are the shared ``status.*``.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # regions (ids of the processed tables -> reader's names)
    "data.region.Lai Chau": ("Lai Châu", "Lai Châu"),
    "data.region.Dien Bien": ("Điện Biên", "Điện Biên"),
    "data.region.Lao Cai": ("Lào Cai", "Lào Cai"),
    "data.region.Son La": ("Sơn La", "Sơn La"),
    "data.region.Ha Giang": ("Hà Giang", "Hà Giang"),
    "data.region.Thai Nguyen": ("Thái Nguyên", "Thái Nguyên"),
    "data.region.Northern midlands and mountain areas": ("Trung du và miền núi phía Bắc",
                                                         "Northern midlands & mountains"),
    "data.region.Vietnam": ("Cả nước", "Vietnam"),
    # indicators of the regional comparison
    "data.regional.population": ("Dân số trung bình (nghìn người)", "Average population (thousand)"),
    "data.regional.grdp_per_capita": ("GRDP bình quân đầu người (triệu đồng, giá hiện hành)",
                                      "GRDP per capita (M VND, current prices)"),
    "data.regional.gdp_per_capita": ("GDP bình quân đầu người (triệu đồng)", "GDP per capita (M VND)"),
    "data.regional.st_line_share_recurrent_provincial": (
        "Dòng chi sự nghiệp KH&CN / chi thường xuyên cấp tỉnh (%, dự toán)",
        "S&T recurrent line / provincial-level recurrent spending (%, plan)"),
    "data.regional.st_budget_recurrent_share_expenditure": (
        "Chi sự nghiệp KH&CN / tổng chi NSNN (%, cả nước)",
        "Recurrent S&T spending / total state expenditure (%, national)"),
    "data.regional.pii_score": ("Chỉ số đổi mới sáng tạo cấp tỉnh PII (điểm)", "Provincial innovation index PII"),
    # the main Lai Châu series of page 02: label and unit
    "data.series.population": ("Dân số trung bình", "Average population"),
    "data.unit.population": ("nghìn người", "thousand persons"),
    "data.series.grdp": ("GRDP (giá hiện hành)", "GRDP (current prices)"),
    "data.unit.grdp": ("tỷ đồng", "bn VND"),
    "data.series.budget_expenditure": ("Tổng chi ngân sách địa phương (dự toán)",
                                       "Total local budget expenditure (plan)"),
    "data.unit.budget_expenditure": ("tỷ đồng", "bn VND"),
    "data.series.budget_revenue_local": ("Thu NSĐP được hưởng (dự toán)", "Local budget revenue kept (plan)"),
    "data.unit.budget_revenue_local": ("tỷ đồng", "bn VND"),
    "data.series.st_budget": ("Chi ngân sách cho KH&CN", "State budget spending on S&T"),
    "data.unit.st_budget": ("tỷ đồng", "bn VND"),
    "data.series.st_investment": ("Tổng đầu tư xã hội cho KH&CN", "Total social investment in S&T"),
    "data.unit.st_investment": ("tỷ đồng", "bn VND"),
    "data.series.researchers": ("Cán bộ nghiên cứu (số người)", "Researchers (headcount)"),
    "data.unit.researchers": ("người", "persons"),
    "data.chart.series_title": ("Lai Châu – {label}", "Lai Châu – {label}"),
    # findings: department figures outside their plausible range (data/raw/plausibility.yaml)
    "data.finding.share_max": (
        "{label} năm {year}: {value} bằng {measure} {reference} ({reference_value}{reference_year}), "
        "vượt mức hợp lý tối đa {limit}.",
        "{label} {year}: {value} is {measure} of {reference} ({reference_value}{reference_year}), "
        "above the plausible maximum of {limit}.",
    ),
    "data.finding.per_10k_max": (
        "{label} năm {year}: {value}, tức {measure} người trên 1 vạn dân (dân số {reference_value}"
        "{reference_year}), vượt mức hợp lý tối đa {limit} người trên 1 vạn dân.",
        "{label} {year}: {value}, that is {measure} per 10,000 people (population {reference_value}"
        "{reference_year}), above the plausible maximum of {limit} per 10,000.",
    ),
    "data.finding.ratio_max": (
        "{label} năm {year}: {value} lớn hơn {reference} cùng năm ({reference_value}).",
        "{label} {year}: {value} is more than {reference} of the same year ({reference_value}).",
    ),
    "data.finding.ratio_min": (
        "{label} năm {year}: {value} nhỏ hơn {reference} cùng năm ({reference_value}).",
        "{label} {year}: {value} is less than {reference} of the same year ({reference_value}).",
    ),
    "data.finding.value_max": (
        "{label} năm {year}: {value}, vượt mức hợp lý tối đa {limit}.",
        "{label} {year}: {value}, above the plausible maximum of {limit}.",
    ),
    "data.finding.value_min": (
        "{label} năm {year}: {value}, dưới mức hợp lý tối thiểu {limit}.",
        "{label} {year}: {value}, below the plausible minimum of {limit}.",
    ),
    "data.finding.reference_year": (", số năm {year}", ", the {year} figure"),
    "data.finding.likely": (
        " {value} — có phải là {unit}? ({raw} {unit} = {converted})",
        " {value} — was it entered in {unit}? ({raw} {unit} = {converted})",
    ),
    "data.finding.unit_mistake": (
        " Kiểm tra lại đơn vị ({unit}) và số chữ số.",
        " Check the unit ({unit}) and the number of digits.",
    ),
    "data.finding.not_used": ("Không dùng số liệu này.", "This figure is not used."),
    # what the reference of a rule is called inside a sentence
    "data.ref.budget_expenditure": ("tổng chi ngân sách địa phương", "total local budget expenditure"),
    "data.ref.grdp": ("GRDP (giá hiện hành)", "GRDP (current prices)"),
    "data.ref.budget_revenue_local": ("thu ngân sách địa phương được hưởng", "the local budget revenue kept"),
    "data.ref.st_budget": ("chi ngân sách nhà nước cho KH&CN", "state budget spending on S&T"),
    "data.ref.researchers": ("số cán bộ nghiên cứu (số người)", "the researcher headcount"),
    "data.ref.population": ("dân số", "population"),
    # unit words inside sentences
    "data.unitword.bn VND": ("tỷ đồng", "bn VND"),
    "data.unitword.million VND": ("triệu đồng", "million VND"),
    "data.unitword.thousand VND": ("nghìn đồng", "thousand VND"),
    "data.unitword.VND": ("đồng", "VND"),
    "data.unitword.persons": ("người", "persons"),
    "data.unitword.thousand persons": ("nghìn người", "thousand persons"),
    "data.unitword.%": ("%", "%"),
    "data.unitword.% per year": ("%/năm", "% per year"),
    "data.unitword.products": ("sản phẩm", "products"),
    "data.unitword.events": ("lần", "events"),
    "data.unitword.per 10,000 people": ("người trên 1 vạn dân", "per 10,000 people"),
    # the refusal of an import with implausible figures
    "data.implausible.heading": (
        "{file}: {n} số liệu nằm ngoài khoảng hợp lý (data/raw/plausibility.yaml); không nhập gì cả. "
        "Sửa các ô dưới đây rồi nhập lại:",
        "{file}: {n} figure(s) outside their plausible range (data/raw/plausibility.yaml); nothing "
        "was imported. Correct the cells below and import again:",
    ),
    "data.implausible.cell": ("trang «{sheet}», ô {cell}: {text}", "sheet «{sheet}», cell {cell}: {text}"),
    # page 02: headings and narration
    "data.page.title": ("02 · Số liệu nền của Lai Châu: ta biết gì, lấy từ đâu, điều gì là giả định",
                        "02 · Lai Châu's baseline data: what we know, where from, what is assumed"),
    "data.page.intro": (
        "Mọi con số ở trang này đều có nguồn (đường dẫn và trích dẫn trong bảng nguồn), được tính từ số "
        "liệu có nguồn, được nội suy giữa hai năm có số liệu, hoặc là giả định có ghi rõ lý do. Số liệu "
        "dựng lúc {built}.",
        "Every figure on this page is sourced (URL and quote in the sources table), derived from sourced "
        "figures, interpolated between two years that have figures, or an assumption with its reason. "
        "Data built at {built}.",
    ),
    "data.page.known": ("1. Ta biết gì", "1. What we know"),
    "data.page.known_text": (
        "Các chuỗi số liệu chính của Lai Châu mà mô hình dùng, và những năm có số liệu theo từng loại. "
        "Giá hiện hành và giá so sánh 2010 là hai chuỗi khác nhau; dự toán và quyết toán cũng vậy "
        "(tổng chi ngân sách ở đây là số dự toán).",
        "The main Lai Châu series the model uses, and the years covered by each kind of figure. Current "
        "and constant-2010 prices are separate series; so are budget plans and final accounts (total "
        "budget expenditure here is the plan).",
    ),
    "data.page.known_note": (
        "Ghi chú: dân số năm 2019 là số Tổng điều tra tại thời điểm 1/4, không phải dân số trung bình năm; "
        "các năm 2017–2018 và 2020–2021 được nội suy tuyến tính. GRDP giá hiện hành = GRDP bình quân đầu "
        "người × dân số; các năm 2010–2015 dùng dân số của cùng bảng niên giám. Không nối chuỗi qua đợt "
        "điều chỉnh số liệu GRDP 2019–2021 của Tổng cục Thống kê.",
        "Note: the 2019 population is the census count at 1 April, not an annual average; 2017–2018 and "
        "2020–2021 are interpolated linearly. Current-price GRDP = GRDP per capita × population; 2010–2015 "
        "use the population of the same yearbook table. Levels are not chained across the GSO's 2019–2021 "
        "GRDP revision.",
    ),
    "data.page.sources": ("2. Lấy từ đâu", "2. Where it comes from"),
    "data.page.sources_text": (
        "Nguồn của từng chuỗi, theo năm. Đường dẫn, cơ quan công bố và trích dẫn của mọi nguồn nằm trong "
        "tệp data/processed/sources.csv.",
        "The sources of each series, by year. The URL, publisher and quote of every source are in "
        "data/processed/sources.csv.",
    ),
    "data.page.assumed": ("3. Điều gì là giả định", "3. What is assumed"),
    "data.page.assumed_text": (
        "Không nguồn công khai nào cho biết chi KH&CN thực tế, tổng đầu tư xã hội cho KH&CN hay số cán bộ "
        "nghiên cứu của Lai Châu. Các giá trị dưới đây là giả định, mỗi giá trị kèm cách tính và lý do; "
        "khi Sở KH&CN nhập số liệu thực tế, số liệu đó thay thế giả định của cùng năm.",
        "No public source gives Lai Châu's actual S&T spending, total S&T investment or researcher count. "
        "The values below are assumptions, each with how it is computed and why; when the Department of "
        "S&T imports its actual figures, they replace the assumption of the same year.",
    ),
    "data.page.department": ("4. Số liệu của Sở KH&CN", "4. The department's own figures"),
    "data.page.department_none": (
        "Chưa có lần nhập nào: các chỉ tiêu chi KH&CN và cán bộ nghiên cứu đang dựa trên giả định. Sở "
        "KH&CN điền mẫu Excel («khcn data template») rồi nhập bằng «khcn data import».",
        "Nothing imported yet: S&T spending and researchers rest on assumptions. The department fills in "
        "the Excel template («khcn data template») and imports it with «khcn data import».",
    ),
    "data.page.department_current": (
        "Lần nhập đang dùng: {import_id}, ghi nhận lúc {when}, người điền: {who}. {n} số liệu đang được dùng "
        "thay cho giả định và nguồn khác cùng năm.",
        "Import in force: {import_id}, recorded at {when}, filled in by {who}. {n} figure(s) are used in "
        "place of assumptions and other sources for the same year.",
    ),
    "data.page.findings_none": (
        "Không có số liệu nào của Sở nằm ngoài khoảng hợp lý.",
        "No figure of the department lies outside its plausible range.",
    ),
    "data.page.findings_text": (
        "Các số liệu dưới đây nằm ngoài khoảng hợp lý (data/raw/plausibility.yaml) nên KHÔNG được dùng: "
        "mọi bảng, biểu đồ và kết luận đạt/chưa đạt ở các trang khác không dựa trên chúng.",
        "The figures below lie outside their plausible range (data/raw/plausibility.yaml) and are NOT "
        "used: no table, chart or met/not-met verdict on the other pages rests on them.",
    ),
    "data.page.conflicts": ("5. Nguồn mâu thuẫn và quy tắc chọn", "5. Conflicting sources and the rules that choose"),
    "data.page.conflicts_text": (
        "Khi hai nguồn cho cùng một chỉ tiêu, cùng năm, khác số, cả hai được giữ trong dữ liệu gốc và bước "
        "dựng dữ liệu chọn một theo quy tắc đầu tiên áp dụng được, theo thứ tự dưới đây.",
        "When two sources give different figures for the same indicator and year, both are kept in the raw "
        "data and the build picks one by the first rule that applies, in the order below.",
    ),
    "data.page.facts_text": (
        "Mọi dòng số liệu gốc không được dùng làm số quan sát vẫn được giữ lại, cùng lý do:",
        "Every raw figure not used as an observation is kept, with the reason:",
    ),
    "data.page.checks": ("6. Kiểm tra chéo", "6. Cross-checks"),
    "data.page.checks_text": (
        "Tính lại số bình quân đầu người từ tổng sản phẩm và dân số, tốc độ tăng từ GRDP giá so sánh, và "
        "so với số đã công bố. Một kiểm tra không khớp là một phát hiện cần đọc, không làm dừng bước dựng "
        "dữ liệu.",
        "Per-capita figures are recomputed from output and population, growth rates from constant-price "
        "GRDP, and compared with the published figures. A check that does not match is a finding to read; "
        "it does not stop the build.",
    ),
    "data.page.regional": ("7. So sánh vùng", "7. Regional comparison"),
    "data.page.regional_text": (
        "Mục tiêu chung của Kế hoạch là đạt mức KH&CN trung bình của vùng Trung du và miền núi phía Bắc. "
        "Bảng đặt Lai Châu cạnh các tỉnh lân cận, toàn vùng và cả nước ở những chỉ tiêu nguồn có (năm gần "
        "nhất, năm ghi trong ngoặc); tỷ trọng dòng chi sự nghiệp KH&CN được tính từ cùng một biểu dự toán "
        "(B50, cấp tỉnh) cho mọi tỉnh.",
        "The plan's general aim is to reach the average S&T level of the Northern midlands and mountain "
        "region. The table sets Lai Châu beside its neighbours, the region and Vietnam for the indicators "
        "the sources have (latest year, in brackets); the S&T line share comes from the same budget form "
        "(B50, provincial level) for every province.",
    ),
    # page 02: table headers
    "data.col.indicator": ("Chỉ tiêu", "Indicator"),
    "data.col.unit": ("Đơn vị", "Unit"),
    "data.col.years": ("Năm", "Years"),
    "data.col.year": ("Năm", "Year"),
    "data.col.sources": ("Nguồn", "Sources"),
    "data.col.assumption": ("Giả định", "Assumption"),
    "data.col.value": ("Giá trị", "Value"),
    "data.col.range_low": ("Thấp", "Low"),
    "data.col.range_central": ("Trung tâm (dùng trong dự báo)", "Central (used in the projection)"),
    "data.col.range_high": ("Cao", "High"),
    "data.page.ranges_text": (
        "Mỗi giả định có một khoảng giá trị hợp lý. Dự báo dùng giá trị trung tâm; kết luận về mục tiêu "
        "và mô phỏng Monte Carlo dùng cả khoảng (từ thấp đến cao), nên một kết luận chỉ là “đạt” hoặc "
        "“không đạt” khi đúng với mọi giá trị trong khoảng.",
        "Each assumption has a plausible range. The projection uses the central value; the verdicts on the "
        "targets and the Monte Carlo use the whole range (low to high), so a verdict is “met” or “not met” "
        "only if it holds for every value in it.",
    ),
    "data.col.basis": ("Căn cứ", "Based on"),
    "data.col.state": ("Tình trạng", "Status"),
    "data.col.reason": ("Lý do", "Reason"),
    "data.col.rows": ("Số dòng", "Rows"),
    "data.col.order": ("Thứ tự", "Order"),
    "data.col.rule": ("Quy tắc", "Rule"),
    "data.col.region": ("Vùng", "Region"),
    "data.col.kind": ("Loại số liệu", "Kind"),
    "data.col.decision": ("Quyết định", "Decision"),
    "data.col.check": ("Phép kiểm tra", "Check"),
    "data.col.published": ("Số công bố", "Published"),
    "data.col.recomputed": ("Số tính lại", "Recomputed"),
    "data.col.difference": ("Chênh lệch", "Difference"),
    "data.col.result": ("Kết quả", "Result"),
    "data.col.note": ("Ghi chú", "Note"),
    "data.col.why": ("Vì sao không dùng", "Why it is not used"),
    "data.col.cell": ("Ô trong mẫu", "Template cell"),
    # values in the tables
    "data.state.used": ("Đang dùng", "Used"),
    "data.state.superseded": ("Không dùng: đã có {by}", "Not used: {by} exists"),
    "data.state.chosen": ("Chọn (quy tắc {rule})", "Chosen (rule {rule})"),
    "data.state.rejected": ("Loại (quy tắc {rule})", "Rejected (rule {rule})"),
    "data.state.match": ("Khớp", "Matches"),
    "data.state.mismatch": ("Không khớp (ghi chú {note})", "Does not match (note {note})"),
    "data.page.region_heading": ("**{region}**", "**{region}**"),
    "data.page.check_note": ("{n}. {text}", "{n}. {text}"),
    "data.state.none": ("–", "–"),
    "data.kind.outturn": ("thực hiện", "outturn"),
    "data.kind.preliminary": ("sơ bộ", "preliminary"),
    "data.kind.census": ("tổng điều tra", "census"),
    "data.kind.estimate": ("ước tính", "estimate"),
    "data.kind.plan": ("kế hoạch, dự toán", "plan"),
    "data.kind.target": ("mục tiêu", "target"),
    "data.disposition.used": ("Dùng làm số quan sát", "Used as an observation"),
    "data.disposition.target": ("Mục tiêu chính sách (mục tiêu nằm ở trang kế hoạch)",
                                "A policy target (targets are on the plan page)"),
    "data.disposition.part_year": ("Số của một phần năm (không so được với cả năm)",
                                   "A part-year figure (not comparable with whole years)"),
    "data.disposition.period": ("Số của cả một giai đoạn (dùng cho kiểm tra chéo)",
                                "A figure for a multi-year period (used by the cross-checks)"),
    "data.disposition.bound": ("Giới hạn «trên/dưới», không phải một số cụ thể",
                               "A bound («more than/less than»), not a point value"),
    "data.disposition.old_province": ("Tỉnh Lai Châu cũ, trước khi chia tách năm 2004",
                                      "The old Lai Châu province, before the 2004 split"),
    "data.disposition.conflict": ("Thua trong một mâu thuẫn giữa các nguồn", "Lost a conflict between sources"),
    "data.disposition.superseded": ("Thuộc lần nhập của Sở không còn hiện hành",
                                    "From a department import that is not in force"),
    "data.disposition.implausible": ("Số liệu của Sở ngoài khoảng hợp lý", "A department figure outside its plausible range"),
    "data.disposition.other": ("Lý do khác (xem facts.csv)", "Other reason (see facts.csv)"),
    "data.interpolated_between": ("nội suy giữa các năm có số liệu", "interpolated between years with figures"),
    # conflict rules, in the order the build applies them
    "data.rule.department_first": ("Số liệu thực tế do Sở KH&CN nhập được ưu tiên; lần nhập hiện hành trước hết",
                                   "The department's own imported actuals win; the import in force first"),
    "data.rule.population_gso_average_series": (
        "Dân số: bảng «Dân số trung bình phân theo tỉnh» của Tổng cục Thống kê được ưu tiên hơn niên giám "
        "tỉnh, bản sao và các bảng khác (một định nghĩa, chuỗi liền mạch)",
        "Population: the GSO table «Average population by province» over the provincial yearbook, mirrors "
        "and other tables (one definition, a continuous series)"),
    "data.rule.population_average_over_census": (
        "Dân số: số trung bình năm được ưu tiên hơn số Tổng điều tra tại thời điểm 1/4",
        "Population: an annual average over a census count at 1 April"),
    "data.rule.grdp_per_capita_yearbook_series": (
        "GRDP bình quân đầu người của Lai Châu 2010–2015: bảng niên giám (chuỗi nhất quán, cùng dân số của "
        "niên giám) được ưu tiên hơn một trang web riêng lẻ",
        "Lai Châu GRDP per capita 2010–2015: the yearbook table (a consistent series, paired with the "
        "yearbook population) over a single web page"),
    "data.rule.gerd_wdi_series": (
        "Chi nghiên cứu và phát triển (% GDP): chuỗi WDI/UIS của Ngân hàng Thế giới (một định nghĩa quốc tế) "
        "được ưu tiên hơn bài đăng lại hay báo chí",
        "R&D spending % of GDP: the World Bank WDI/UIS series (one international definition) over a blog "
        "repost or press figure"),
    "data.rule.known_bad_rows": (
        "Các dòng mà bảng nguồn cho thấy ghi sai nhãn hoặc không rõ xuất xứ bị loại",
        "Rows the sources README shows to be mislabelled or of unknown origin lose"),
    "data.rule.same_value_confirmation": (
        "Các nguồn cho cùng một số: giữ nguồn xếp hạng cao nhất, các nguồn còn lại là xác nhận",
        "Sources agree: keep the best-ranked one, the others confirm it"),
    "data.rule.generic_ranking": (
        "Số cuối cùng hơn trước (thực hiện > sơ bộ > tổng điều tra > ước tính > kế hoạch), rồi đến chất "
        "lượng nguồn (Sở KH&CN > chính thức > bản sao chính thức > báo chí > thứ cấp > tổng hợp), rồi số "
        "chính xác trước số «khoảng»",
        "The later, more final figure first (outturn > preliminary > census > estimate > plan), then source "
        "quality (department > official > official mirror > press > secondary > aggregator), then exact "
        "before «about»"),
    # cross-checks
    "data.check.gdp_per_capita_from_levels": ("GDP bình quân đầu người = GDP ÷ dân số",
                                              "GDP per capita = GDP ÷ population"),
    "data.check.grdp_per_capita_from_levels": ("GRDP bình quân đầu người = GRDP ÷ dân số",
                                               "GRDP per capita = GRDP ÷ population"),
    "data.check.growth_from_levels": ("Tốc độ tăng GRDP tính từ GRDP giá so sánh 2010",
                                      "GRDP growth from constant-2010 GRDP"),
    "data.check.average_growth_from_levels": ("Tốc độ tăng bình quân tính từ GRDP giá so sánh 2010",
                                              "Average growth from constant-2010 GRDP"),
    "data.check.bound_more_than": ("Số công bố dạng «trên …» so với số đã dựng",
                                   "A published «more than …» against the built value"),
    "data.check.bound_at_least": ("Số công bố dạng «ít nhất …» so với số đã dựng",
                                  "A published «at least …» against the built value"),
    "data.check.bound_less_than": ("Số công bố dạng «dưới …» so với số đã dựng",
                                   "A published «less than …» against the built value"),
    "data.check.bound_at_most": ("Số công bố dạng «nhiều nhất …» so với số đã dựng",
                                 "A published «at most …» against the built value"),
    "data.check.grdp_per_capita_from_levels_bound": (
        "GRDP bình quân đầu người 2020 (công bố «trên 40 triệu đồng») so với GRDP ÷ dân số",
        "GRDP per capita 2020 (published «over 40 million VND») against GRDP ÷ population"),
    "data.check.known.average_growth_from_levels.2011": (
        "Nguồn tự mâu thuẫn (đã biết): bảng trong luận văn ghi tăng bình quân 7,4%/năm giai đoạn 2011–2015 "
        "nhưng chính các mức GRDP giá so sánh của bảng cho khoảng 7,9%/năm; tính toán dùng các mức GRDP.",
        "Known source inconsistency: the thesis table states 7.4 %/year for 2011–2015 but its own "
        "constant-price levels imply about 7.9 %/year; calculations use the levels."),
    # the GRDP vintage bridge (data/grdp_vintage.py): why the 2015 level is rescaled, not chained
    "data.check.grdp_revision_factor_constant_prices": (
        "Hệ số đánh giá lại GRDP 2015 so với hệ số tính từ GRDP giá so sánh",
        "GRDP 2015 revision factor against the factor from constant-price GRDP"),
    "data.check.price_rise_2016_2020_revised_basis": (
        "Tốc độ tăng giá ngầm định 2016–2020 (%/năm), hai đầu cùng gốc đã đánh giá lại",
        "Implied price rise 2016–2020 (%/year), both ends on the revised basis"),
    "data.check.price_rise_2016_2020_mixed_bases": (
        "Tốc độ tăng giá ngầm định 2016–2020 (%/năm) nếu nối gốc cũ với gốc đã đánh giá lại",
        "Implied price rise 2016–2020 (%/year) if the old and revised bases are chained"),
    "data.check.known.price_rise_2016_2020_mixed_bases.2020": (
        "Đúng như dự kiến: nối mức GRDP 2015 theo gốc cũ với mức 2020 theo gốc đã đánh giá lại cho giá tăng "
        "quá nhanh, không hợp lý; vì vậy chuỗi GRDP được nối bằng hệ số đánh giá lại, không nối thẳng hai gốc.",
        "As expected: chaining the 2015 GRDP on the old basis to 2020 on the revised basis implies prices rising "
        "implausibly fast; this is why the GRDP series is bridged with the revision factor, never chained."),
    "data.check.unexplained": ("Chưa giải thích được: cần đối chiếu lại số liệu với nguồn.",
                               "Not explained yet: check the transcription against the source."),
    # indicators that appear in the conflicts and checks (processed ids)
    "data.var.population": ("Dân số trung bình (nghìn người)", "Average population (thousand)"),
    "data.var.gdp": ("GDP (tỷ đồng)", "GDP (bn VND)"),
    "data.var.gdp_per_capita": ("GDP bình quân đầu người (triệu đồng)", "GDP per capita (M VND)"),
    "data.var.grdp": ("GRDP giá hiện hành (tỷ đồng)", "GRDP, current prices (bn VND)"),
    "data.var.grdp_per_capita": ("GRDP bình quân đầu người (triệu đồng)", "GRDP per capita (M VND)"),
    "data.var.grdp_growth_real": ("Tốc độ tăng GRDP (%)", "GRDP growth (%)"),
    "data.var.grdp_real_2010": ("GRDP giá so sánh 2010 (tỷ đồng)", "GRDP, constant 2010 prices (bn VND)"),
    "data.var.pii_score": ("Chỉ số đổi mới sáng tạo cấp tỉnh PII (điểm)", "Provincial innovation index PII"),
    "data.var.rd_expenditure_share_gdp": ("Chi nghiên cứu và phát triển (% GDP)", "R&D spending (% of GDP)"),
    "data.var.st_expenditure_share_gdp": ("Chi cho KH&CN (% GDP)", "S&T spending (% of GDP)"),
    "data.var.budget_expenditure": ("Tổng chi ngân sách địa phương, dự toán (tỷ đồng)",
                                    "Total local budget expenditure, plan (bn VND)"),
    "data.var.budget_expenditure_final": ("Tổng chi ngân sách địa phương, quyết toán (tỷ đồng)",
                                          "Total local budget expenditure, final accounts (bn VND)"),
    "data.var.st_budget": ("Chi ngân sách nhà nước cho KH&CN (tỷ đồng)", "State budget spending on S&T (bn VND)"),
    "data.var.st_investment": ("Tổng đầu tư xã hội cho KH&CN (tỷ đồng)", "Total social investment in S&T (bn VND)"),
    "data.var.researchers": ("Cán bộ nghiên cứu (số người)", "Researchers (headcount)"),
    # the assumptions, for readers (data/raw/assumptions.yaml gives the reasons in English)
    "data.assumption.st_budget_2022_recurrent_line": (
        "Chi KH&CN 2022 = dòng chi sự nghiệp KH&CN cấp tỉnh trong dự toán 2022 (giới hạn dưới: chưa gồm chi "
        "đầu tư, chi cấp huyện và Quỹ phát triển KH&CN)",
        "S&T spending 2022 = the provincial recurrent S&T line of the 2022 plan (a lower bound: it leaves out "
        "capital spending, district spending and the S&T fund)"),
    "data.assumption.st_budget_ratio_recurrent": (
        "Chi KH&CN các năm 2018–2023: giữ tỷ lệ của dòng chi KH&CN năm 2022 so với chi thường xuyên, áp vào "
        "chi thường xuyên từng năm (giới hạn dưới như số năm 2022)",
        "S&T spending 2018–2023: the 2022 S&T line's ratio to recurrent spending, applied to each year's "
        "recurrent spending (a lower bound like the 2022 line)"),
    "data.assumption.st_investment_state_share": (
        "Tổng đầu tư xã hội cho KH&CN = chi ngân sách cho KH&CN ÷ 70% (tỷ trọng ngân sách nhà nước trong "
        "đầu tư cho KH&CN của cả nước khoảng năm 2015); có thể cao hơn thực tế của một tỉnh miền núi",
        "Total S&T investment = state S&T spending ÷ 70 % (the state budget's share of national S&T "
        "investment c. 2015); probably overstates the non-state part for a poor mountain province"),
    "data.assumption.researchers_national_density_scaled": (
        "Cán bộ nghiên cứu 2011: mật độ của cả nước, điều chỉnh theo tỷ lệ lao động qua đào tạo của Lai Châu "
        "so với cả nước, nhân với dân số của tỉnh",
        "Researchers 2011: the national density, scaled by Lai Châu's trained-worker share relative to the "
        "nation, times the province's population"),
}
