"""Problems found in a district's data, as records — and every message a clerk reads about them.

All issue messages live here, keyed by code, so wording is consistent and can be reviewed in one place.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from forms.types import to_text

Severity = Literal["error", "warning"]

# code -> (severity, message template). Templates use str.format with the keyword arguments of issue().
CATALOGUE: dict[str, tuple[Severity, str]] = {
    "file-unreadable": ("error", "{reason}"),
    "form-unrecognized": ("error", "无法识别该文件属于哪张报表：{reason}"),
    "unit-unknown": ("warning", "填报单位“{value}”不在应报单位名单中"),
    "unit-missing": ("warning", "未能从表头或文件名确定填报单位"),
    "missing-required": ("error", "{where}“{label}”不能为空"),
    "invalid-date": ("error", "{where}“{label}”{value} 不是有效的日期"),
    "future-date": ("error", "{where}“{label}”{value} 晚于今天"),
    "invalid-number": ("error", "{where}“{label}”{value} 不是有效的数字{hint}"),
    "too-many-decimals": ("warning", "{where}“{label}”{value} 的小数位数多于规定的 {hint} 位，已按所填数值保留"),
    "negative-number": ("error", "{where}“{label}”{value} 不能为负数"),
    "invalid-phone": ("error", "{where}“{label}”{value} 不是有效的电话号码"),
    "invalid-mobile": ("error", "{where}“{label}”{value} 不是有效的手机号码"),
    "invalid-email": ("error", "{where}“{label}”{value} 不是有效的电子邮箱"),
    "invalid-credit-code": ("error", "{where}“{label}”{value} 不是有效的统一社会信用代码{hint}"),
    "unknown-choice": ("warning", "{where}“{label}”{value} 不在选项中（{hint}）"),
    "duplicate-row": ("error", "{where}{message}：{value}"),
    "total-mismatch": ("error", "{message}：合计 {value}，各行之和 {hint}"),
    "rule-violation": ("error", "{where}{message}"),
    "cross-unit-duplicate": ("warning", "{where}{message}：{value}（另见 {hint}）"),
    "superseded": ("warning", "该文件已被同一单位后报送的 {hint} 替代"),
    "unmapped-column": ("warning", "第{where}列“{value}”不是该表的栏目，已作为附加列保留（汇总表最右侧）"),
    "fuzzy-header": ("warning", "{where}“{value}”按相近程度归入“{label}”（{hint}），请核对"),
    "unrecognized-table": ("warning", "{where} 不是本表的表格，其内容未汇总{hint}"),
    "unknown-row": ("warning", "{where}“{value}”不是该表规定的行项目"),
    "skipped-row": ("warning", "{where}未能识别的行，内容未汇总：{value}"),
    "subtotal-mismatch": ("warning", "{where}小计“{value}”与实际填报的 {hint} 条不符"),
    "no-records": ("warning", "该文件中没有填报任何数据"),
    "ocr": ("warning", "该文件是扫描件或照片，共{value}页，内容由文字识别（OCR）读出，请对照纸质原件核对{hint}"),
    "ocr-uncertain": ("warning", "{where}“{label}”识别为“{value}”，文字识别把握不大{hint}，请对照纸质原件核对"),
    "sheet-not-found": ("warning", "文件中没有表单定义指定的工作表“{value}”（文件中有：{hint}），已在所有表格中查找"),
}


class Issue(BaseModel):
    """One problem, located as exactly as the source allows (docs/json.md, `issues[]`)."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: str
    form: str | None = None
    unit: str | None = None
    file: str | None = None
    location: str | None = None
    field: str | None = None
    value: str | None = None
    message: str


def issue(
    code: str,
    *,
    form: str | None = None,
    unit: str | None = None,
    file: str | None = None,
    location: str | None = None,
    field: str | None = None,
    value: object = None,
    row: int | None = None,
    severity: Severity | None = None,
    **ctx: object,
) -> Issue:
    """Build an Issue whose message comes from the catalogue.

    `row` (1-based, as the clerk sees it) prefixes the message with 第N行; `ctx` fills the template.
    """
    default_severity, template = CATALOGUE[code]
    text = "" if value is None else to_text(value)  # -1.0 read from an integer cell is written -1
    ctx.setdefault("where", f"第{row}行" if row else "")
    ctx.setdefault("label", field or "")
    ctx.setdefault("hint", "")
    ctx.setdefault("reason", "")
    ctx.setdefault("message", "")
    message = template.format(value=text, **ctx)
    return Issue(
        severity=severity or default_severity,
        code=code,
        form=form,
        unit=unit,
        file=file,
        location=location,
        field=field,
        value=None if value is None else text,
        message=message,
    )
