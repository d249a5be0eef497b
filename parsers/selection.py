"""Which of a document's tables are the form's table — the others are reported, never merged into it.

A table is a candidate when its labels or section headings say it may be the form's. Among candidates, a table
whose own title names the form (or one of its sections) wins over tables titled something else; a table with
no title of its own next to a winner is its continuation (a list carried over to Sheet2, the second case of a
case report). When no title names the form, the table whose title is closest to the form's title wins
(2026年预算单位支出预算总表 for 部门支出预算总表), and without any titles every candidate is read, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from forms.model import FormDef
from parsers.cells import Document, Table
from parsers.recognise import Evidence, Guess
from parsers.tables import grid_like

_TIE = 0.05  # titles this close to the best one are as good


@dataclass(frozen=True, slots=True)
class Excluded:
    table: int
    why: str  # for the clerk: its title is another table's, its header is not the form's …


@dataclass(frozen=True, slots=True)
class Selection:
    chosen: tuple[int, ...]
    excluded: tuple[Excluded, ...]


def select(doc: Document, form: FormDef, per_table: Sequence[Evidence]) -> Selection:
    candidates = [e for e in per_table if e.candidate]
    chosen = _choose(candidates)
    if not chosen:
        chosen = [e.table for e in per_table]  # nothing to judge by: every table, as the layouts always did
    excluded = tuple(
        Excluded(e.table, _why(e)) for e in per_table if e.table not in chosen and grid_like(doc.tables[e.table])
    )
    return Selection(tuple(chosen), excluded)


def on_named_sheet(doc: Document, tables: list[Table], form: FormDef) -> Selection:
    """The form names its sheet (`sheet:`): the tables on it are read, the others reported."""
    chosen = tuple(i for i, t in enumerate(doc.tables) if any(t is x for x in tables))
    why = f"（本表在工作表“{form.sheet}”上）"
    excluded = tuple(Excluded(i, why) for i, t in enumerate(doc.tables) if i not in chosen and grid_like(t))
    return Selection(chosen, excluded)


def _choose(candidates: list[Evidence]) -> list[int]:
    named = [e for e in candidates if e.title or e.sections]
    untitled = [e.table for e in candidates if not e.own_title and not e.title]
    if named:
        return sorted({e.table for e in named} | set(untitled))
    titled = [e for e in candidates if e.own_title]
    best = max((e.closeness for e in titled), default=0.0)
    if not titled or best <= 0:
        return [e.table for e in candidates]
    return sorted({e.table for e in titled if e.closeness >= best - _TIE} | set(untitled))


def _why(e: Evidence) -> str:
    if e.own_title:
        return f"（其标题“{' '.join(e.own_title.split(chr(10), 1)[0].split())}”不是本表）"
    if e.candidate:
        return "（本文件中另有标题为本表的表格）"
    return "（表头与本表不符）"


def belongs_to(per_form: Sequence[Evidence], form: FormDef) -> FormDef | None:
    """The other known form a table is, judged on that table alone — to tell the clerk where it belongs."""
    ranked = sorted(
        (e for e in per_form if e.form.id != form.id),
        key=lambda e: -e.score,
    )
    for e in ranked:
        guess = Guess(e.form, e.title is not None, len(e.sections), len(e.headers))
        if guess.convincing:
            return e.form
    return None
