"""Fill a Draft from what was found: a list (with sections), a matrix, a record form, a header-less table."""

from __future__ import annotations

import re

from forms.ids import derive_id, unique
from parsers.cells import Table
from parsers.infer import layout
from parsers.infer.around import Around
from parsers.infer.blocks import Block
from parsers.infer.columns import Guess, filled, guess_column, label_type, required
from parsers.infer.draft import Draft
from parsers.infer.header import Column
from parsers.infer.record import Pair
from parsers.infer.validations import DropDown, column_index
from parsers.infer.vocabulary import other_wordings
from parsers.infer.words import split_unit, without_ordinal
from parsers.rows import Kind, kind_of, own_cells

_A1 = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _drop_down(block: Block, col: int, drops: list[DropDown]) -> DropDown | None:
    """The drop-down list over a column's body cells (filled rows, or a blank annex's template rows)."""
    for r in block.rows or block.body:
        row = block.table.rows[r]
        m = _A1.match(row[col].ref) if col < len(row) else None
        if m is None:
            continue
        at = (int(m[2]) - 1, column_index(m[1]))
        hit = next((d for d in drops if d.covers(row[col].sheet, *at)), None)
        if hit is not None:
            return hit
    return None


def _values(blocks: list[Block], label: str) -> tuple[list[object], int, list[tuple[Block, int]]]:
    """Every value written under a label in the blocks that have it, how many rows, and (block, column)."""
    values: list[object] = []
    rows = 0
    where = []
    for b in blocks:
        col = next((c.col for c in b.header.columns if c.label == label), None)
        if col is None:
            continue
        where.append((b, col))
        rows += len(b.rows)
        values.extend(b.table.rows[r][col].value if col < len(b.table.rows[r]) else None for r in b.rows)
    return values, rows, where


def _column_guess(blocks: list[Block], column: Column, drops: list[DropDown], numeric: bool = False) -> Guess:
    values, rows, where = _values(blocks, column.label)
    drop = next((d for b, col in where if (d := _drop_down(b, col, drops))), None)
    guess = guess_column(
        column.label,
        values,
        choices=drop.choices if drop else (),
        multiple=bool(drop and drop.multiple),
        date_hint=bool(drop and drop.date),
        seq=any(b.seq_col == col for b, col in where),
    )
    if numeric and guess.type not in ("integer", "decimal"):
        guess.label, unit = split_unit(column.label)
        guess.spec = {"type": "integer", **({"unit": unit} if unit else {})}
        guess.notes = ["推测：整数（统计表的数字栏，空白表没有数据）"]
    elif not numeric and guess.ident != "seq":  # a row without its 序号 is still a row; a matrix has no gaps
        required(guess, len(filled(values)), rows)
    if column.required:
        guess.spec["required"] = True
        guess.notes.append("表头标有必填")
    if column.parent:
        guess.notes.append(f"两行表头：{column.parent} › {column.child or column.label}")
    return guess


def list_form(draft: Draft, chosen: layout.Chosen, drops: list[DropDown]) -> None:
    matrix = None if chosen.sectioned else layout.matrix(chosen.blocks)
    if matrix is not None:
        _matrix_form(draft, chosen.blocks[0], matrix, drops)
        return
    draft.top["layout"] = "list"
    columns = {c.label: c for b in chosen.blocks for c in b.header.columns}
    for column in columns.values():
        draft.add_field(_column_guess(chosen.blocks, column, drops))
    if chosen.sectioned:
        _sections(draft, chosen.blocks)
    draft.note(("layout",), _list_note(chosen))


def _list_note(chosen: layout.Chosen) -> str:
    rows = sum(len(b.rows) for b in chosen.blocks)
    if chosen.sectioned:
        return f"推测：清单，分 {len(layout.sections(chosen.blocks))} 组，共 {rows} 行数据"
    return f"推测：清单（每行一条记录），共 {rows} 行数据" if rows else "推测：清单（空白表，每行一条记录）"


def _sections(draft: Draft, blocks: list[Block]) -> None:
    keys: list[str] = []
    for heading, group in layout.sections(blocks):
        heading = heading or "未命名分组"
        key = unique(derive_id(without_ordinal(heading) or heading), keys)
        keys.append(key)
        fields = [draft.labels[c.label] for c in group[0].header.columns]
        draft.sections.append({"key": key, "heading": heading, "fields": fields})
    draft.note(("sections",), "推测：分组取自表格中的标题行（一、二、…）或各表、各工作表的标题")


def _matrix_form(draft: Draft, block: Block, matrix: layout.Matrix, drops: list[DropDown]) -> None:
    draft.top["layout"] = "matrix"
    key_column = next((c for c in block.header.columns if c.col == matrix.key_col), Column(matrix.key_col, "项目"))
    for column in block.header.columns:
        if column.col == block.seq_col:
            continue
        if column.col == matrix.key_col:
            draft.add_field(Guess(column.label))
        else:
            draft.add_field(_column_guess([block], column, drops, numeric=True))
    if key_column.label not in draft.labels:
        draft.fields.insert(0, {"id": derive_id(key_column.label), "label": key_column.label})
        draft.labels[key_column.label] = derive_id(key_column.label)
    keys: list[object] = []
    for text in matrix.keys:
        known = draft.vocab.row_key(text)
        wordings = other_wordings(text, known) if known else []
        keys.append({"value": text, "synonyms": wordings} if wordings else text)
    draft.rows = {"field": draft.labels[key_column.label], "keys": keys}
    if matrix.total != "合计":
        draft.rows["total"] = matrix.total
    draft.rules.append({"kind": "total", "message": "合计行“{field}”不等于各行之和"})
    draft.note(("layout",), f"推测：统计表（{len(keys)} 个固定行项目，下有{matrix.total}行）")
    draft.note(("rows", "keys"), f"推测：行项目取自“{key_column.label}”一栏")
    draft.note(("rules", 0), f"推测：{matrix.total}行应等于各行之和")


def record_form(draft: Draft, items: list[list[Pair]]) -> None:
    draft.top["layout"] = "record"
    for pairs in items:
        for pair in pairs:
            label = split_unit(pair.label)[0]
            same = (q for item in items for q in item if q.label == pair.label)
            values = [v.value for p in same if (v := p.value)]
            guess = guess_column(pair.label, values)
            if guess.type == "text" and pair.wide and not label_type(label) and "long" not in guess.spec:
                guess.spec["long"] = True
                guess.notes.append("推测：长文本（值占满整行）")
            if pair.required:
                guess.spec["required"] = True
            draft.add_field(guess)
    draft.note(("layout",), f"推测：信息表（“标签—值”成对排列，{len(items)} 份）")


def widest_table(tables: list[Table]) -> Table | None:
    """The table with the most rows of two or more values: a header-less list, not a sheet of notes."""
    counts = [(sum(1 for r, row in enumerate(t.rows) if len(own_cells(row, r)) >= 2), t) for t in tables]
    best = max(counts, key=lambda ct: ct[0], default=(0, None))
    return best[1] if best[0] else next((t for t in tables if any(c.text.strip() for row in t.rows for c in row)), None)


def headerless_form(draft: Draft, table: Table) -> None:
    """A table with no row of labels: its filled columns, by position."""
    rows = [row for r, row in enumerate(table.rows) if kind_of(own_cells(row, r)) is Kind.DATA]
    columns = sorted({c for r, row in enumerate(table.rows) for c, _cell in own_cells(row, r)})
    draft.top["layout"] = "list"
    draft.top["header"] = False
    previous = -1
    for c in columns:
        guess = guess_column(f"第{c + 1}列", [row[c].value for row in rows if c < len(row)])
        required(guess, len(filled([row[c].value for row in rows if c < len(row)])), len(rows))
        if c != previous + 1:
            guess.spec["column"] = c + 1
        previous = c
        draft.add_field(guess)
    draft.note(("header",), "推测：表格没有表头行，各栏按位置读取；标签可改为有意义的名称")


def meta_fields(draft: Draft, found: Around) -> None:
    seen_unit = seen_date = False
    for m in found.meta:
        spec: dict[str, object] = {"label": m.label}
        kind = m.kind
        if m.is_unit and not seen_unit:
            spec["id"], seen_unit = "unit", True
        elif kind == "date" and not seen_date:
            spec["id"], seen_date = "reported_on", True
        else:
            spec["id"] = unique(derive_id(m.label), [str(x["id"]) for x in draft.meta] + ["unit", "reported_on"])
        if kind != "text":
            spec["type"] = kind
        known = draft.vocab.meta(m.label)
        if known is not None and (wordings := other_wordings(m.label, known.field)):
            spec["synonyms"] = wordings
        draft.meta.append(spec)
        if spec["id"] == "unit":
            draft.note(("meta", len(draft.meta) - 1), "推测：报送单位（读表时据此确定是哪个单位报的）")
        elif spec["id"] == "reported_on":
            draft.note(("meta", len(draft.meta) - 1), "推测：上报日期（同一单位报了两次时，以日期晚的为准）")
