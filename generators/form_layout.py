"""How a form looks on paper, as plain data: one description shared by every output format.

The xlsx and docx templates, the 公文 attachments and the consolidated workbook all lay a form out the same
way; this module says what goes where, the writers only draw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.model import FieldDef, FormDef


@dataclass(frozen=True, slots=True)
class Block:
    """One table part: an optional section heading, one header row, then body rows (text per column)."""

    heading: str | None
    fields: tuple[FieldDef, ...]
    rows: tuple[tuple[str, ...], ...]
    section: str | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)


@dataclass(frozen=True, slots=True)
class RecordLine:
    """A line of a record (key–value) form: one or two (label, field) pairs; a long field fills the line."""

    fields: tuple[FieldDef, ...]


@dataclass(frozen=True, slots=True)
class PaperForm:
    form: FormDef
    meta: tuple[FieldDef, ...]
    blocks: tuple[Block, ...] = ()
    record_lines: tuple[RecordLine, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.form.title

    @property
    def columns(self) -> int:
        """Grid width: the widest block, or 4 (label, value, label, value) for record forms."""
        if self.record_lines:
            return 4
        return max(len(b.fields) for b in self.blocks)

    @property
    def landscape(self) -> bool:
        return self.form.landscape or self.columns > 7


def meta_line(paper: PaperForm, width: int = 40) -> str:
    """The meta line as printed above the table: 所在旗区：　　　　　　上报时间：

    Blanks shrink so the whole line fits `width` full-width characters: a line that wraps would break a label
    (联系电｜话) on paper.
    """
    sep = "　　"
    labels = [f"{f.label}：" for f in paper.meta]
    room = width - sum(len(lbl) for lbl in labels) - len(sep) * (len(labels) - 1)
    blank = max(2, min(12, room // max(len(labels), 1)))
    return sep.join(lbl + "　" * blank for lbl in labels).rstrip("　")


def _list_blocks(form: FormDef, blank_rows: int) -> tuple[Block, ...]:
    parts = form.sections or (None,)
    blocks = []
    for section in parts:
        fields = form.section_fields(section)
        rows = tuple(tuple(str(i) if f.id == "seq" else "" for f in fields) for i in range(1, blank_rows + 1))
        blocks.append(Block(section.heading if section else None, fields, rows, section.key if section else None))
    return tuple(blocks)


def _matrix_block(form: FormDef) -> Block:
    assert form.rows is not None  # guaranteed by FormDef validation for matrix forms
    key = form.field(form.rows.field)
    fields = (key, *form.value_fields)
    rows = tuple((k.value, *("" for _ in form.value_fields)) for k in form.rows.keys)
    total = (form.rows.total, *("" for _ in form.value_fields))
    return Block(None, fields, (*rows, total))


def _record_lines(form: FormDef) -> tuple[RecordLine, ...]:
    lines: list[RecordLine] = []
    pending: list[FieldDef] = []
    for f in form.fields:
        if f.long:
            if pending:
                lines.append(RecordLine(tuple(pending)))
                pending = []
            lines.append(RecordLine((f,)))
            continue
        pending.append(f)
        if len(pending) == 2:
            lines.append(RecordLine(tuple(pending)))
            pending = []
    if pending:
        lines.append(RecordLine(tuple(pending)))
    return tuple(lines)


def layout(form: FormDef, blank_rows: int = 3) -> PaperForm:
    """The paper layout of a blank form."""
    if form.layout == "record":
        return PaperForm(form, form.meta, record_lines=_record_lines(form), notes=form.notes)
    blocks = (_matrix_block(form),) if form.layout == "matrix" else _list_blocks(form, blank_rows)
    return PaperForm(form, form.meta, blocks=blocks, notes=form.notes)
