"""A scan's structural lines, read back in the forms' own words before the form is recognised.

A seal stamped over a title, a section heading or a column heading (检验检测机构基本情况汇总表, 立案数（件）)
costs OCR a character or two, and then the title no longer names the form, the section no longer opens and the
column is no longer the form's. Lines outside the tables and rows of one cell across a table (section headings)
that are nearly a form's title or a section heading, and cells of header rows (rows without any figure) that
are nearly a field's label, are replaced by it. Only such texts: a district's values are never rewritten (they
are flagged `ocr-uncertain` instead, parsers/ocr_marks.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from forms.model import FormDef
from parsers import labels
from parsers.cells import Document, Table

CLOSE = 0.8  # share of characters in common (SequenceMatcher ratio) to read a line as the phrase
_MIN_LENGTH = 6  # shorter lines (序号, 合计) are left alone: two characters off is another word
LABEL_CLOSE = 0.7  # a column heading is short: one character in four may be misread
_MIN_LABEL = 3
_HEADER_ROWS = 4


def vocabulary(forms: Iterable[FormDef]) -> tuple[str, ...]:
    phrases: dict[str, None] = {}
    for form in forms:
        phrases.update(dict.fromkeys(form.titles))
        for section in form.sections:
            phrases.update(dict.fromkeys((section.heading, *section.synonyms)))
    return tuple(p for p in phrases if len(p) >= _MIN_LENGTH)


def headings(forms: Iterable[FormDef]) -> dict[str, str]:
    """A field label's bare key -> the heading as printed, for every field of every form."""
    found: dict[str, str] = {}
    for form in forms:
        for f in form.fields:
            for label in f.labels:
                key = labels.bare(label)
                if len(key) >= _MIN_LABEL:
                    found.setdefault(key, f.header if label == f.label else label)
    return found


def snap(doc: Document, forms: Iterable[FormDef]) -> Document:
    """The document with near-misses of the forms' titles, section headings and column headings corrected
    (in place)."""
    forms = list(forms)
    phrases = vocabulary(forms)
    if doc.scanned is None:
        return doc
    doc.text[:] = [closest(line, phrases) for line in doc.text]
    known = headings(forms)
    for table in doc.tables:
        table.before[:] = [closest(line, phrases) for line in table.before]
        _snap_spanning_rows(table, phrases)
        _snap_headers(table, known)
    return doc


def _snap_headers(table: Table, known: dict[str, str]) -> None:
    for row in table.rows[:_HEADER_ROWS]:
        if any(ch.isdigit() for cell in row for ch in cell.text):
            continue  # a row with figures is data, never rewritten
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                cell.value = _closest_heading(cell.value, known)


def _closest_heading(text: str, known: dict[str, str]) -> str:
    key = labels.bare(text)
    if len(key) < _MIN_LABEL or key in known:
        return text
    best, score = text, LABEL_CLOSE
    for label, heading in known.items():
        if abs(len(label) - len(key)) > 2:
            continue
        ratio = SequenceMatcher(None, key, label, autojunk=False).ratio()
        if ratio >= score:
            best, score = heading, ratio
    return best


def _snap_spanning_rows(table: Table, phrases: tuple[str, ...]) -> None:
    for row in table.rows:
        origins = {cell.origin for cell in row}
        if len(origins) == 1 and row and row[0].merged and isinstance(row[0].value, str):
            fixed = closest(row[0].value, phrases)
            for cell in row:
                cell.value = fixed


def closest(line: str, phrases: tuple[str, ...]) -> str:
    """`line`, or the phrase it nearly is. A line that holds a phrase and more (a title after 附件1) keeps its
    own wording around it: only a line about the phrase's length is replaced."""
    text = line.strip()
    if len(text) < _MIN_LENGTH:
        return line
    best, score = line, CLOSE
    for phrase in phrases:
        if abs(len(phrase) - len(text)) > max(3, len(phrase) // 4):
            continue
        ratio = SequenceMatcher(None, text, phrase, autojunk=False).ratio()
        if ratio >= score and ratio < 1.0:
            best, score = phrase, ratio
    return best
