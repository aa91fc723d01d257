"""The words of the ``khcn`` command: table headings, legends, one-line reports."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # table headings
    "cli.col.indicator": ("chỉ tiêu", "indicator"),
    "cli.col.year": ("năm", "year"),
    "cli.col.target": ("mục tiêu", "target"),
    "cli.col.scope": ("phạm vi", "scope"),
    "cli.col.value": ("giá trị", "value"),
    "cli.col.status": ("đánh giá", "status"),
    "cli.col.gap": ("thiếu hụt", "gap"),
    "cli.col.probability": ("xác suất đạt", "probability met"),
    # headings of a run
    "cli.scenario.shown": ("{title} ({name})", "{title} ({name})"),
    "cli.scenario.heading": ("{scenario}: {description}", "{scenario}: {description}"),
    "cli.scenario.listed": ("{scenario}  [{rule}]", "{scenario}  [{rule}]"),
    "cli.uncertainty.heading": ("{scenario}: số lần mô phỏng {draws}, hạt giống ngẫu nhiên {seed}",
                                "{scenario}: {draws} draws, seed {seed}"),
    "cli.legend.mark": ("{mark} = {status}", "{mark} = {status}"),
    "cli.legend.unmarked": ("không đánh dấu = {status}", "unmarked = {status}"),
    "cli.warning": ("Cảnh báo: {text}", "Warning: {text}"),
    "cli.validate.ok": ("hợp lệ  {path}", "ok  {path}"),
    # khcn data
    "cli.data.template_written": ("đã ghi mẫu nhập liệu: {path}", "wrote the input template: {path}"),
    "cli.data.imported": ("đã nhập {n} số liệu từ {file} vào {path}", "imported {n} figures from {file} into {path}"),
    "cli.data.already_imported": ("nội dung của {file} đã được nhập trước đây ({path}); không ghi bản trùng",
                                  "the content of {file} was imported before ({path}); no duplicate written"),
    # khcn charts
    "cli.charts.set_pdf": ("{path} ({n} trang)", "{path} ({n} pages)"),
    "cli.charts.files": ("{n} tệp", "{n} files"),
    # khcn explore (printed in both languages: the command has no --lang)
    "cli.explore.address": ("Trang khám phá kịch bản: {url}", "Scenario explorer: {url}"),
    "cli.explore.stop_hint": ("Nhấn Ctrl-C để dừng.", "Press Ctrl-C to stop."),
    "cli.explore.stopping": ("Đang dừng…", "Stopping…"),
}
