"""Which form a document is: by its title, its section headings and its header labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from forms.loader import FormRegistry
from forms.model import FormDef
from forms.types import squash
from parsers import labels
from parsers.cells import Document

_HEAD_ROWS = 40  # titles and header labels are looked for in the first rows of every table


@dataclass(frozen=True, slots=True)
class Guess:
    form: FormDef
    title: bool
    sections: int
    headers: int

    @property
    def score(self) -> int:
        return 10 * self.title + 4 * self.sections + self.headers

    @property
    def convincing(self) -> bool:
        """A title alone is not enough (a 通知 names its annexed form), nor are two common labels (序号, 备注)."""
        if self.headers >= 2 and (self.title or self.sections):
            return True
        return self.headers >= max(3, (len(self.form.fields) + 1) // 2)


def _texts(doc: Document) -> tuple[list[str], list[str]]:
    """(short texts where a title or heading may stand, short cell texts where header labels may stand)."""
    cells: dict[str, None] = {}
    for table in doc.tables:
        for row in table.rows[:_HEAD_ROWS]:
            for c in row:
                text = c.text
                if text and len(text) <= 200:
                    cells.setdefault(text)
    texts = [doc.name, *doc.text, *(t.name for t in doc.tables), *(b for t in doc.tables for b in t.before)]
    texts = [t for t in texts if t and len(t) <= 200] + list(cells)
    return texts, [c for c in cells if len(c) <= 40]


def _contains_any(texts: Iterable[str], phrases: Iterable[str]) -> bool:
    keys = [squash(p) for p in phrases if p]
    return any(k in squash(t) for t in texts for k in keys)


def _headers(form: FormDef, cells: list[str]) -> int:
    matched = {f.id for text in cells for f in [labels.best_field(text, form.fields)[0]] if f is not None}
    if form.rows:
        keys = {squash(k.value) for k in form.rows.keys}
        matched |= {c for c in (squash(x) for x in cells) if c in keys}
    return len(matched)


def guess(form: FormDef, texts: list[str], cells: list[str]) -> Guess:
    sections = sum(_contains_any(texts, (s.heading, *s.synonyms)) for s in form.sections)
    return Guess(form, _contains_any(texts, form.titles), sections, _headers(form, cells))


def recognise(doc: Document, registry: FormRegistry) -> Guess | None:
    """The best convincing guess, or None when the document is no known form (or two forms tie)."""
    texts, cells = _texts(doc)
    guesses = sorted((guess(f, texts, cells) for f in registry), key=lambda g: -g.score)
    guesses = [g for g in guesses if g.convincing]
    if not guesses or (len(guesses) > 1 and guesses[1].score == guesses[0].score):
        return None
    return guesses[0]
