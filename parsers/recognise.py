"""Which form a document is, judged table by table: each table's own title lines, its sheet name, its section
headings and its header labels — then the document's best guess.

A workbook may hold many tables (a 16-sheet budget template, a report with three statistics tables); what each
table says about each form is kept as `Evidence`, which table selection (parsers/selection.py) and the clerk's
explanation (`huizong parse --explain`) read again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from forms.loader import FormRegistry
from forms.model import FormDef
from forms.types import squash
from parsers import labels, pairs
from parsers.cells import Document, Table
from parsers.kept import PerObject
from parsers.rows import title_text

_HEAD_ROWS = 40  # titles and header labels are looked for in the first rows of every table
_TITLE_ROWS = 5  # without a header row, a table's title lines are its first rows
_DEFAULT_NAME = re.compile(r"^(sheet|工作表|表|第)\s*\d+\s*(页)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one table says about one form."""

    form: FormDef
    table: int  # index in the document's tables
    table_name: str  # Sheet1, 表2
    title: str | None  # the title line (or sheet name) naming the form
    closeness: float  # 1 when a title names the form, else how close its own title is to the form's
    own_title: str | None  # the table's own title line, if it has one
    sections: tuple[str, ...]  # keys of the sections its headings name
    headers: tuple[str, ...]  # ids of the fields its labels name
    header_row: int | None  # first row naming two fields

    @property
    def score(self) -> int:
        return 10 * bool(self.title) + 4 * len(self.sections) + len(self.headers)

    @property
    def candidate(self) -> bool:
        """The table may be this form's: two of its labels, or a section heading."""
        return len(self.headers) >= 2 or bool(self.sections)


@dataclass(frozen=True, slots=True)
class Guess:
    form: FormDef
    title: bool
    sections: int
    headers: int
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    title_text: str | None = field(default=None, compare=False)
    header_ids: tuple[str, ...] = field(default=(), compare=False)  # the labels its best table matched

    @property
    def score(self) -> int:
        return 10 * self.title + 4 * self.sections + self.headers

    @property
    def convincing(self) -> bool:
        """A title alone is not enough (a 通知 names its annexed form), nor are two common labels (序号, 备注)."""
        if self.headers >= 2 and (self.title or self.sections):
            return True
        return self.headers >= self.needed

    @property
    def needed(self) -> int:
        """Header labels that recognise the form without a title or section."""
        return max(3, (len(self.form.fields) + 1) // 2)


@dataclass(slots=True)
class _TableTexts:
    """One table's texts, gathered once for every form."""

    index: int
    table: Table
    cells: list[str]  # short distinct cell texts of the first rows, where header labels stand
    rows: list[list[str]]  # per first row, its distinct texts
    around: list[str]  # paragraphs above the table
    named: list[str]  # its sheet name, unless Sheet1/表1
    pair_labels: list[str]  # labels of `标签：值` pairs in cells and paragraphs (record forms)
    keys: dict[str, str]  # text -> its comparison key, squashed once for all forms


def _table_texts(index: int, table: Table) -> _TableTexts:
    cells: dict[str, None] = {}
    rows: list[list[str]] = []
    for row in table.rows[:_HEAD_ROWS]:
        mine: dict[str, None] = {}
        for c in row:
            text = c.text
            if text and len(text) <= 200:
                mine.setdefault(text)
                cells.setdefault(text)
        rows.append(list(mine))
    around = [b for b in table.before if b and len(b) <= 200]
    named = [] if _DEFAULT_NAME.match(table.name.strip()) else [table.name]
    labelled = [t for t in (*cells, *around) if "：" in t or ":" in t]
    keys: dict[str, str] = {}  # filled as texts are compared (most never are: a data cell rarely is a title)
    return _TableTexts(
        index, table, list(cells), rows, around, named, [lb for t in labelled for lb in pairs.labels_in(t)], keys
    )


def _contains_any(texts: Iterable[str], phrases: Iterable[str], keys: dict[str, str] | None = None) -> str | None:
    wanted = [squash(p) for p in phrases if p]
    for t in texts:
        if keys is None:
            key = squash(t)
        elif (key := keys.get(t)) is None:
            key = keys[t] = squash(t)
        if any(w in key for w in wanted):
            return t
    return None


class _Matcher:
    """Field matches of every text for one form, worked out once per distinct text."""

    def __init__(self, form: FormDef) -> None:
        self.form = form
        self.memo: dict[str, str | None] = {}
        keys = form.rows.keys if form.rows else ()
        self.row_keys = {squash(k.value) for k in keys}

    def field_of(self, text: str) -> str | None:
        # Shared by every document (and the service's threads): read once, so a clear meanwhile costs nothing.
        if (fid := self.memo.get(text, _UNSEEN)) is _UNSEEN:
            if len(self.memo) > _MEMO:
                self.memo.clear()
            f = labels.best_field(text, self.form.fields)[0] if len(text) <= 40 else None
            fid = self.memo[text] = f.id if f is not None else None
        return fid  # type: ignore[return-value]


_UNSEEN = object()
_MEMO = 8192  # texts a matcher remembers (a batch's returns repeat their titles and headers file after file)
# Each form's matcher, kept from one document to the next (a form built anew gets a matcher of its own).
_matcher: PerObject[FormDef, _Matcher] = PerObject(_Matcher)


def evidence(tt: _TableTexts, form: FormDef, matcher: _Matcher) -> Evidence:
    matched: dict[str, None] = {}
    for text in tt.cells:
        fid = matcher.field_of(text)
        if fid is not None:
            matched.setdefault(fid)
    if matcher.row_keys:
        matched.update({k: None for k in (squash(x) for x in tt.cells if len(x) <= 40) if k in matcher.row_keys})
    if form.layout == "record":
        for label in tt.pair_labels:
            fid = matcher.field_of(label)
            if fid is not None:
                matched.setdefault(fid)
    header_row = next(
        (r for r, texts in enumerate(tt.rows) if len({f for t in texts if (f := matcher.field_of(t))}) >= 2), None
    )
    title_rows = tt.rows[: header_row if header_row is not None else _TITLE_ROWS]
    titles = [*tt.around, *(t for texts in title_rows for t in texts)]
    named = _contains_any([*titles, *tt.named], form.titles, tt.keys)
    own = next((t for t in (*titles, *tt.named) if title_text(t) and not _names_section(t, form)), None)
    texts = [*tt.around, *tt.named, *tt.cells]
    sections = tuple(s.key for s in form.sections if _contains_any(texts, (s.heading, *s.synonyms), tt.keys))
    return Evidence(
        form=form,
        table=tt.index,
        table_name=tt.table.name,
        title=named,
        closeness=1.0 if named else _closeness(own, form),
        own_title=own,
        sections=sections,
        headers=tuple(matched),
        header_row=header_row,
    )


def _names_section(text: str, form: FormDef) -> bool:
    return any(squash(p) in squash(text) for s in form.sections for p in (s.heading, *s.synonyms) if p)


def _closeness(text: str | None, form: FormDef) -> float:
    if not text:
        return 0.0
    key = labels.bare(text.split("\n", 1)[0])
    return max(SequenceMatcher(None, key, labels.bare(t), autojunk=False).ratio() for t in form.titles)


def judge(doc: Document, forms: Sequence[FormDef]) -> list[list[Evidence]]:
    """Per table, what it says about each form (in the forms' order)."""
    matchers = [_matcher(f) for f in forms]
    texts = [_table_texts(i, t) for i, t in enumerate(doc.tables)]
    return [[evidence(tt, f, m) for f, m in zip(forms, matchers, strict=True)] for tt in texts]


def document_guess(doc: Document, form: FormDef, per_table: Sequence[Evidence]) -> Guess:
    """The document as this form: titled by any table (or its file name, or a paragraph), sections named
    anywhere, and the header labels of its best table."""
    named = next((e.title for e in per_table if e.title), None)
    if named is None:
        named = _contains_any([doc.name, *(t for t in doc.text if len(t) <= 200)], form.titles)
    sections = {k for e in per_table for k in e.sections}
    free = [t for t in doc.text if len(t) <= 200]
    sections |= {s.key for s in form.sections if _contains_any(free, (s.heading, *s.synonyms))}
    best = max(per_table, key=lambda e: len(e.headers), default=None)
    ids = best.headers if best is not None else ()
    if not doc.tables and form.layout == "record":
        matcher = _matcher(form)
        ids = tuple(dict.fromkeys(f for t in free for lb in pairs.labels_in(t) if (f := matcher.field_of(lb))))
    return Guess(form, named is not None, len(sections), len(ids), tuple(per_table), named, ids)


def guesses(doc: Document, registry: FormRegistry) -> list[Guess]:
    """Every form's guess, best first."""
    forms = list(registry)
    tables = judge(doc, forms)
    out = [document_guess(doc, f, [row[i] for row in tables]) for i, f in enumerate(forms)]
    return sorted(out, key=lambda g: -g.score)


def pick(ranked: Sequence[Guess]) -> Guess | None:
    """The best convincing guess, or None when the document is no known form (or two forms tie)."""
    convincing = [g for g in ranked if g.convincing]
    if not convincing or (len(convincing) > 1 and convincing[1].score == convincing[0].score):
        return None
    return convincing[0]


def recognise(doc: Document, registry: FormRegistry) -> Guess | None:
    return pick(guesses(doc, registry))
