"""Blank forms as 公文 attachments: generators.form_layout says what goes where, this turns it into tables."""

from __future__ import annotations

from forms.model import FieldDef, FormDef
from generators.documents.errors import DocumentSpecError
from generators.documents.model import Attachment, Cell, DocSpec, Table
from generators.form_layout import Block, PaperForm, layout, meta_line

LABEL_WIDTH, VALUE_WIDTH = 16.0, 30.0
LONG_FIELD_LINES = 5  # a long text (案情简介) gets room to write by hand


def form_attachment(form: FormDef, blank_rows: int = 3) -> Attachment:
    """The blank form `form` as an attachment: title, meta line, one table per block, notes."""
    paper = layout(form, blank_rows)
    tables = _record_table(paper) if paper.record_lines else tuple(_block_table(b) for b in paper.blocks)
    if paper.notes:
        last = tables[-1]
        tables = (*tables[:-1], last.model_copy(update={"notes": paper.notes}))
    return Attachment(
        title=form.title,
        form=form.id,
        meta=meta_line(paper) if paper.meta else None,
        tables=tables,
        landscape=paper.landscape,
    )


def _block_table(block: Block) -> Table:
    rows = tuple(tuple(Cell(text=t) for t in row) for row in block.rows)
    return Table(
        heading=block.heading,
        columns=block.headers,
        widths=tuple(f.width for f in block.fields),
        rows=rows,
    )


def _record_table(paper: PaperForm) -> tuple[Table, ...]:
    rows = []
    for line in paper.record_lines:
        cells: list[Cell] = []
        for f in line.fields:
            cells.append(Cell(text=f.header, header=True))
            cells.append(_value_cell(f, 3 if len(line.fields) == 1 else 1))
        rows.append(tuple(cells))
    widths = (LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH)
    return (Table(widths=widths, rows=tuple(rows)),)


def _value_cell(f: FieldDef, span: int) -> Cell:
    return Cell(text="", span=span, lines=LONG_FIELD_LINES if f.long else 1)


def expand_forms(spec: DocSpec, forms: dict[str, FormDef]) -> DocSpec:
    """Lay out every attachment that names a form but has no tables yet."""
    expanded = []
    for att in spec.attachments:
        if att.form and not att.tables:
            if att.form not in forms:
                known = "、".join(forms) or "无"
                raise DocumentSpecError(f"附件“{att.title}”引用了未知的表单“{att.form}”（已知：{known}）")
            blank = form_attachment(forms[att.form])
            att = blank.model_copy(update={"title": att.title, "body": att.body, "landscape": _pick(att, blank)})
        expanded.append(att)
    return spec.model_copy(update={"attachments": tuple(expanded)})


def _pick(att: Attachment, blank: Attachment) -> bool | None:
    return att.landscape if att.landscape is not None else blank.landscape
