"""Every decision about text made once, for both renderers: which lines, which words, which order.

A `Plan` is the document with GB/T 9704's rules applied (title broken, headings recognised, 署名 placed,
附件说明 numbered, 版记 worded); the DOCX and PDF writers only draw it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.documents.layout import geometry as g
from generators.documents.layout.body import Paragraph, full_width, parse_body
from generators.documents.layout.pagecount import line_count
from generators.documents.layout.textfit import (
    NoteItem,
    SigLine,
    attachment_label,
    attachment_note,
    cn_date,
    signature_block,
    text_width,
)
from generators.documents.layout.titles import MAX_EM, break_title
from generators.documents.model import Attachment, Chart, DocSpec, Table

MARK_FILL = 0.92  # share of the block width a single-line mark may take
MARK_MAX_PT = g.mm_to_pt(g.MARK_MAX_H) / 0.92  # a character's ink is ~0.92 em tall

BodyItem = Paragraph | Table | Chart


@dataclass(frozen=True, slots=True)
class Mark:
    names: tuple[str, ...]  # one name, or joint issuers stacked
    suffix: str  # 文件 / 纪要 … set right of stacked names
    size_pt: float

    @property
    def lines(self) -> int:
        return len(self.names)

    @property
    def spacing(self) -> tuple[float, ...]:
        """Letter-spacing (em) that spreads each stacked name to the longest one's width (分散对齐)."""
        widest = max(text_width(n) for n in self.names)
        return tuple((widest - text_width(n)) / (len(n) - 1) if len(n) > 1 else 0.0 for n in self.names)


@dataclass(frozen=True, slots=True)
class Head:
    lines: tuple[tuple[str, str], ...]  # (kind, text): copy_no / secrecy / urgency, top left
    mark: Mark | None
    number: str | None
    signer_rows: tuple[tuple[str, ...], ...]  # 签发人 names, two per row; the number shares the last row


@dataclass(frozen=True, slots=True)
class AttachmentPage:
    label: str  # 附件 / 附件2
    title_lines: tuple[str, ...]
    meta: str | None
    body: tuple[BodyItem, ...]
    landscape: bool


@dataclass(frozen=True, slots=True)
class Imprint:
    cc: str | None  # 抄送：甲，乙。
    printed_by: str | None
    printed_on: str | None  # 2021年10月15日印发
    ruled: bool  # 信函格式 has no rules and no 印发 line

    @property
    def rows(self) -> int:
        return int(bool(self.cc)) + int(bool(self.printed_by or self.printed_on))


@dataclass(frozen=True, slots=True)
class Plan:
    format: str
    head: Head
    title_lines: tuple[str, ...]
    to: str | None
    body: tuple[BodyItem, ...]
    note_items: tuple[NoteItem, ...]
    signature: tuple[SigLine, ...]
    signature_gap: int  # blank lines between the text and the 署名
    keep_tail: int  # trailing body items that go to the 署名's page with it (see keep_tail)
    note: str | None
    attendance: tuple[tuple[str, str], ...]  # (出席, names) …
    attachments: tuple[AttachmentPage, ...]
    imprint: Imprint | None


def plan(spec: DocSpec) -> Plan:
    names = (*spec.issuers, *spec.signature)
    body = _body(spec.body)
    signature = tuple(signature_block(spec.signature, spec.date, spec.seal))
    return Plan(
        format=spec.format,
        head=_head(spec),
        title_lines=tuple(break_title(full_width(spec.title), names)),
        to=f"{full_width(spec.to)}：" if spec.to else None,
        body=body,
        note_items=tuple(attachment_note([a.title for a in spec.attachments])) if spec.attachments else (),
        signature=signature,
        signature_gap=2 if spec.seal else 1,
        keep_tail=keep_tail(body) if signature else 0,
        note=f"（{spec.note}）" if spec.note else None,
        attendance=_attendance(spec),
        attachments=_attachments(spec.attachments, names),
        imprint=_imprint(spec),
    )


def _head(spec: DocSpec) -> Head:
    lines = tuple(
        (kind, text)
        for kind, text in (("copy_no", spec.copy_no), ("secrecy", spec.secrecy), ("urgency", spec.urgency))
        if text
    )
    mark = Mark(spec.issuers, spec.mark_suffix, mark_size(spec.issuers, spec.mark_suffix)) if spec.issuers else None
    rows = tuple(tuple(spec.signers[i : i + 2]) for i in range(0, len(spec.signers), 2))
    return Head(lines, mark, spec.number, rows)


def mark_size(names: tuple[str, ...], suffix: str) -> float:
    """The mark's size in pt: as large as fits the block, never taller than the standard's 15 mm."""
    if len(names) == 1:
        width = text_width(names[0] + suffix)
    else:
        width = max(text_width(n) for n in names) + (text_width(suffix) + 1 if suffix else 0)
    size = g.mm_to_pt(g.BLOCK_W) * MARK_FILL / width
    return int(min(size, MARK_MAX_PT) * 2) / 2  # whole half-points, as Word sizes fonts


def _body(parts: tuple[str | Table | Chart, ...]) -> tuple[BodyItem, ...]:
    items: list[BodyItem] = []
    for part in parts:
        items.extend(parse_body(part) if isinstance(part, str) else [part])
    return tuple(items)


def keep_tail(body: tuple[BodyItem, ...]) -> int:
    """How many of the last body items keep with the 署名 and 成文日期 (GB/T 9704 7.3.5).

    The 署名 block never opens a page: when it does not fit under the text, the end of the text (with the
    附件说明 and the attendance lists between them) moves to the next page with it — at least two lines. A
    kept paragraph moves whole (Word: keep lines together + keep with next); a paragraph kept with the next
    one but free to split would move only its last line in Word and WeasyPrint but whole in LibreOffice,
    and the renderers must paginate alike. So the last paragraph is kept, and the one before it too when
    the last is a single line. A kept table keeps only its last row (and notes) with what follows.
    """
    if not body:
        return 0
    last = body[-1]
    return 2 if isinstance(last, Paragraph) and line_count(last.full) == 1 and len(body) > 1 else 1


def _attendance(spec: DocSpec) -> tuple[tuple[str, str], ...]:
    groups = (("出席", spec.present), ("请假", spec.absent), ("列席", spec.observers))
    return tuple((label, "，".join(names)) for label, names in groups if names)


def _attachments(attachments: tuple[Attachment, ...], names: tuple[str, ...]) -> tuple[AttachmentPage, ...]:
    pages = []
    for i, att in enumerate(attachments, 1):
        if not att.has_pages:
            continue
        body = (*(parse_body(att.body) if att.body else ()), *att.tables)
        landscape = bool(att.landscape) if att.landscape is not None else _too_wide(att.tables)
        max_em = g.BLOCK_H * g.MM_PT / g.TITLE_PT if landscape else MAX_EM
        pages.append(
            AttachmentPage(
                label=attachment_label(i, len(attachments)),
                title_lines=tuple(break_title(att.title, names, max_em)),
                meta=att.meta,
                body=body,
                landscape=landscape,
            )
        )
    return tuple(pages)


def table_size(t: Table) -> int:
    """Font size class of a table: 4号 for narrow ones, smaller as columns are added (10 means 五号)."""
    return 14 if t.width <= 4 else 12 if t.width <= 7 else 10


def _too_wide(tables: tuple[Table, ...]) -> bool:
    return any(t.width > 7 for t in tables)


def _imprint(spec: DocSpec) -> Imprint | None:
    ruled = spec.format != "letter"
    cc = f"抄送：{'，'.join(spec.cc)}。" if spec.cc else None
    by = spec.printed_by if ruled else None
    on = f"{cn_date(spec.printed_on)}印发" if ruled and spec.printed_on else None
    if not (cc or by or on):
        return None
    return Imprint(cc, by, on, ruled)
