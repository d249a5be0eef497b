"""What `doc check` says: findings with a code, a severity, where they are and a Chinese message."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ELEMENTS = {
    "page": "页面",
    "copy_no": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "mark": "发文机关标志",
    "number": "发文字号",
    "signers": "签发人",
    "rule": "红色分隔线",
    "title": "标题",
    "to": "主送机关",
    "body": "正文",
    "heading": "层次标题",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "heading3": "三级标题",
    "heading4": "四级标题",
    "attachment_note": "附件说明",
    "attendance": "出席人员",
    "signature": "发文机关署名",
    "date": "成文日期",
    "note": "附注",
    "attachment_label": "附件标识",
    "attachment_title": "附件标题",
    "attachment_body": "附件正文",
    "cc": "抄送机关",
    "printed": "印发机关和印发日期",
    "imprint": "版记",
    "page_number": "页码",
}


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # error / warning
    code: str
    message: str
    element: str = "page"  # a key of ELEMENTS
    page: int | None = None
    paragraph: int | None = None
    estimated: bool = False  # DOCX: the page was estimated from the line grid

    @property
    def location(self) -> str:
        parts = []
        if self.page:
            parts.append(f"第{self.page}页{'（估算）' if self.estimated else ''}")
        if self.paragraph:
            parts.append(f"第{self.paragraph}段")
        where = "".join(parts)
        name = ELEMENTS.get(self.element, self.element)
        return f"{where}（{name}）" if where else name

    def as_json(self) -> dict:
        out = asdict(self)
        out["location"] = self.location
        out["element_name"] = ELEMENTS.get(self.element, self.element)
        return out


@dataclass
class Report:
    file: str
    kind: str  # docx / pdf
    findings: list[Finding] = field(default_factory=list)
    pages: int | None = None
    stated: dict[str, str | None] = field(default_factory=dict)  # title, number, date as the document has them

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, severity: str, code: str, message: str, element: str = "page", **where: object) -> None:
        self.findings.append(Finding(severity, code, message, element, **where))

    def sorted(self) -> list[Finding]:
        order = {"error": 0, "warning": 1}
        return sorted(self.findings, key=lambda f: (f.page or 0, f.paragraph or 0, order[f.severity]))

    def as_json(self) -> dict:
        return {
            "file": self.file,
            "kind": self.kind,
            "pages": self.pages,
            "ok": self.ok,
            "stated": self.stated,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.as_json() for f in self.sorted()],
        }

    def lines(self) -> list[str]:
        out = [f"{'错误' if f.severity == 'error' else '提示'}　{f.location}：{f.message}" for f in self.sorted()]
        if self.findings:
            out.append(f"共 {len(self.errors)} 处错误、{len(self.warnings)} 处提示。")
        else:
            out.append("未发现不符合 GB/T 9704-2012 的地方。")
        return out
