"""Infer a form definition from a file: a blank annex as it was sent, or a return as it came back.

    inferred = infer_bytes(data, "附件1 检验检测机构名单.xlsx")   # or infer_file(path)
    inferred.form    # a validated forms.model.FormDef
    inferred.yaml    # its YAML text, commented in Chinese where it guessed (forms.dump)
    inferred.notes   # the guesses: [(key path, sentence)], for a page to show beside the fields

The file is read by the readers like any return (xlsx, xls, docx, PDF …), then pure stages: find the header
and its blocks (header, blocks), choose the form's blocks and its layout (layout, record), guess each column's
field (columns), find the title, meta line and notes around the table (around), and write it all down (build,
draft). A spreadsheet's drop-down lists come from its XML (validations); known forms lend their other
wordings of a label (vocabulary). It reads files, so it lives with the parsers; it writes none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from forms.errors import HuizongError
from forms.ids import derive_id
from forms.model import FormDef
from parsers.cells import Document
from parsers.infer import build, layout
from parsers.infer.around import Around, around, from_name
from parsers.infer.draft import Draft
from parsers.infer.record import record_pairs
from parsers.infer.validations import drop_downs
from parsers.infer.vocabulary import Vocabulary

__all__ = ["Inferred", "infer_bytes", "infer_document", "infer_file", "read_back"]


@dataclass(frozen=True, slots=True)
class Inferred:
    form: FormDef
    yaml: str
    notes: list[tuple[str, str]]  # (key path such as "fields[2]", what was guessed)


def _path(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _tables(doc: Document, sheet: str | None) -> Document:
    if sheet is None:
        return doc
    tables = [t for t in doc.tables if t.name == sheet]
    if not tables:
        names = "、".join(t.name for t in doc.tables) or "（无）"
        raise HuizongError(f"文件中没有名为“{sheet}”的工作表或表格；文件中有：{names}")
    return Document(doc.name, doc.kind, tables, doc.text)


def infer_document(
    doc: Document,
    data: bytes | None = None,
    *,
    form_id: str | None = None,
    known: Iterable[FormDef] = (),
    sheet: str | None = None,
) -> Inferred:
    """The form `doc` is an instance of. `data` (the file's bytes) lets a workbook's drop-down lists count;
    `known` forms lend the other wordings of their labels; `sheet` picks one sheet or table of several."""
    doc = _tables(doc, sheet)
    draft = Draft(Vocabulary(known))
    first, header_row, last_row = _layout(draft, doc, drop_downs(data) if data and doc.kind == "xlsx" else [])
    found = around(doc, first, header_row, last_row)
    build.meta_fields(draft, found)
    _top(draft, doc, found, form_id, sheet or draft.top.pop("sheet", None))
    form, text = draft.build(_preamble(doc.name))
    return Inferred(form, text, [(_path(loc), note) for loc, note in draft.notes.items()])


def _layout(draft: Draft, doc: Document, drops: list) -> tuple:
    """Fill the draft's fields; (the form's first table, its header row, its last data row)."""
    records = [pairs for t in doc.tables if (pairs := record_pairs(t))]
    blocks = layout.document_blocks(doc)
    if records and len(records) >= len({b.table.name for b in blocks}):
        build.record_form(draft, records)
        first = next(t for t in doc.tables if record_pairs(t))
        return first, 0, len(first.rows) - 1
    if blocks:
        chosen = layout.choose(doc, blocks)
        build.list_form(draft, chosen, drops)
        if chosen.sheet:
            draft.top["sheet"] = chosen.sheet
        head = chosen.blocks[0]
        last = max([*head.rows, *head.totals, head.header.body - 1])
        return head.table, head.header.row, last
    table = build.widest_table(doc.tables)
    if table is None:
        raise HuizongError("文件中没有找到表格，无法推断表单：请用报表的空白表或一份填好的报表")
    build.headerless_form(draft, table)
    if len(doc.tables) > 1:
        draft.top["sheet"] = table.name
    return table, 0, len(table.rows) - 1


def _top(draft: Draft, doc: Document, found: Around, form_id: str | None, sheet: str | None) -> None:
    title = found.title
    if not title:
        title = from_name(doc.name)
        draft.note(("title",), "推测：标题取自文件名，请改为表格的正式标题")
    draft.top = {
        "id": form_id or derive_id(title),
        "version": 1,
        "title": title,
        **draft.top,
        **({"sheet": sheet} if sheet else {}),
    }
    if sheet:
        draft.note(("sheet",), "推测：只读这张工作表（文件中的其他表格不是本表）")
    if found.notes:
        draft.top["notes"] = found.notes


def _preamble(name: str) -> list[str]:
    return [
        f"由 huizong forms infer 根据“{name}”推断的表单定义。",
        "注释中标“推测”的地方是根据表格推断的，请核对后修改；改好后用 huizong forms check 检查。",
        "字段不写 id 时，id 就是标签（去掉括号里的单位）。各键的含义见 docs/forms.md。",
        "",
    ]


def infer_bytes(
    data: bytes, name: str, *, form_id: str | None = None, known: Iterable[FormDef] = (), sheet: str | None = None
) -> Inferred:
    """For a web request: the uploaded bytes and the original file name in, the inferred form out.
    Raises forms.errors.HuizongError (a Chinese sentence) for an unreadable file or one with no table."""
    from parsers.readers import read

    doc = read(data, name)
    return infer_document(doc, data, form_id=form_id, known=known, sheet=sheet)


def infer_file(path: Path, **options: object) -> Inferred:
    return infer_bytes(path.read_bytes(), path.name, **options)  # type: ignore[arg-type]


def read_back(source: Path | bytes, name: str, form: FormDef, known: Iterable[FormDef] = ()) -> int:
    """How many records the form reads from the file (with `form` chosen, not recognised)."""
    from forms.loader import FormRegistry
    from parsers.pipeline import parse_file

    registry = FormRegistry([*known, form])
    return len(parse_file(source, name, registry, form_id=form.id).records)
