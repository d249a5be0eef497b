"""报送情况: every expected unit × form — status, file, date, record and issue counts."""

from __future__ import annotations

from collections import Counter
from datetime import date

from xlsxwriter.workbook import Workbook

from generators.workbook.styles import Styles, header_row, print_setup
from parsers.results import FileReport, Result

HEADERS = ("单位", "报表", "状态", "文件", "上报时间", "记录数", "错误数", "警告数")
WIDTHS = (12, 26, 10, 44, 12, 8, 8, 8)


def unit_status(report: FileReport | None, errors: int, deadline: date | None) -> str:
    if report is None:
        return "缺报"
    if errors:
        return "有错误"
    if deadline and report.reported_on and len(report.reported_on) == 10 and report.reported_on > deadline.isoformat():
        return "逾期"
    return "已报"


def _rows(result: Result, deadline: date | None) -> list[tuple]:
    errors = Counter((i.file, i.severity) for i in result.issues)
    merged = {(f.form, f.unit): f for f in result.files if f.status == "merged"}
    rows = []
    for form_id, fr in result.forms.items():
        units = list(dict.fromkeys([*fr.units_expected, *fr.units_reported]))
        for unit in units:
            report = merged.get((form_id, unit))
            n_err = errors[(report.path, "error")] if report else 0
            n_warn = errors[(report.path, "warning")] if report else 0
            rows.append(
                (
                    unit,
                    fr.title,
                    unit_status(report, n_err, deadline),
                    report.path if report else "",
                    report.reported_on or "" if report else "",
                    report.records if report else 0,
                    n_err,
                    n_warn,
                )
            )
    for f in result.files:
        if f.status != "merged":
            label = {"failed": "无法读取", "unrecognized": "无法识别", "superseded": "已替代"}[f.status]
            rows.append(
                (
                    f.unit or "",
                    "",
                    label,
                    f.path,
                    f.reported_on or "",
                    f.records,
                    errors[(f.path, "error")],
                    errors[(f.path, "warning")],
                )
            )
    return rows


def write_status_sheet(book: Workbook, styles: Styles, result: Result, deadline: date | None) -> None:
    sheet = book.add_worksheet("报送情况")
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, "报送情况", styles.title)
    header_row(sheet, styles, 1, HEADERS, WIDTHS)
    marks = {
        "缺报": styles.error,
        "有错误": styles.error,
        "无法读取": styles.error,
        "逾期": styles.warning,
        "无法识别": styles.warning,
    }
    for r, values in enumerate(_rows(result, deadline), start=2):
        for col, value in enumerate(values):
            fmt = marks.get(values[2], styles.text) if col == 2 else styles.text
            if isinstance(value, int):
                sheet.write_number(r, col, value, styles.integer)
            else:
                sheet.write_string(r, col, str(value), fmt)
    sheet.autofilter(1, 0, 1, len(HEADERS) - 1)
    print_setup(sheet, 1)
