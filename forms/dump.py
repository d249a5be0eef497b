"""A form definition written back as YAML a clerk can read and edit, with comments where they help.

One line per field, choice list and rule (flow style); keys left at their defaults are left out, and so is a
field's id when it is the one its label gives. PyYAML quotes every value, so the text always loads back into
the same form (tests/forms/test_dump.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import yaml

from forms.ids import derive_id
from forms.model import Choice, FieldDef, FormDef

Loc = tuple[str | int, ...]
_TOP = ("id", "version", "title", "title_synonyms", "layout", "sheet", "header", "landscape")
_COMMENT_COLUMN = 48


def _flow(value: object) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10**6)
    return text.removesuffix("\n...\n").rstrip("\n")


def _block(key: str, value: object) -> str:
    return _flow({key: value}).removeprefix("{").removesuffix("}")


def _plain(value: object) -> object:
    """Model values as YAML data: tuples as lists, choices as bare strings when they have no synonyms."""
    if isinstance(value, Choice):
        return value.value if not value.synonyms else {"value": value.value, "synonyms": list(value.synonyms)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # width: 6, not 6.0
    return value


def _field(f: FieldDef) -> dict[str, object]:
    data = f.model_dump(exclude_defaults=True)
    if f.id == derive_id(f.label):
        data.pop("id", None)
    # What a clerk checks first comes first; the list of other wordings last.
    first = ["id", "label", "type", "unit", "decimals", "required", "choices", "multiple"]
    order = [*first, *[k for k in data if k not in first and k != "synonyms"], "synonyms"]
    return {k: _plain(data[k]) for k in order if k in data}


class _Writer:
    def __init__(self, notes: Mapping[Loc, str]) -> None:
        self.notes = notes
        self.lines: list[str] = []

    def line(self, text: str, loc: Loc | None = None) -> None:
        note = self.notes.get(loc) if loc is not None else None
        if note:
            pad = max(2, _COMMENT_COLUMN - _width(text))
            text = f"{text}{' ' * pad}# {note}"
        self.lines.append(text)

    def items(self, key: str, items: Sequence[object], indent: str = "", loc: Loc | None = None) -> None:
        if not items:
            return
        loc = loc or (key,)
        self.line(f"{indent}{key}:", loc)
        for i, item in enumerate(items):
            self.line(f"{indent}  - {_flow(item)}", (*loc, i))

    def short_list(self, key: str, items: list[object], indent: str, loc: Loc) -> None:
        """A list on one line when it is short and flat, else one item a line."""
        flat = _block(key, items)
        if len(flat) <= 100 and not any(isinstance(i, dict) for i in items):
            self.line(f"{indent}{flat}", loc)
        else:
            self.items(key, items, indent, loc)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def dump(form: FormDef, notes: Mapping[Loc, str] | None = None, preamble: Iterable[str] = ()) -> str:
    """The YAML text of `form`; `notes` are comments keyed by the path they explain, e.g. ("fields", 2)."""
    w = _Writer(notes or {})
    w.lines.extend(f"# {line}" if line else "#" for line in preamble)
    defaults = FormDef.model_fields
    for key in _TOP:
        value = getattr(form, key)
        if key in ("id", "version", "title", "layout") or value != defaults[key].default:
            w.line(_block(key, _plain(value)), (key,))
    w.items("meta", [_field(f) for f in form.meta])
    w.items("fields", [_field(f) for f in form.fields])
    _sections(w, form)
    _rows(w, form)
    if form.choices:
        w.line("choices:", ("choices",))
        for name, choices in form.choices.items():
            w.short_list(name, _plain(choices), "  ", ("choices", name))
    w.items("rules", [r.model_dump(exclude_defaults=True, exclude_none=True) for r in form.rules])
    w.items("notes", list(form.notes))
    return "\n".join(w.lines) + "\n"


def _sections(w: _Writer, form: FormDef) -> None:
    if not form.sections:
        return
    w.line("sections:", ("sections",))
    for i, s in enumerate(form.sections):
        w.line(f"  - {_block('key', s.key)}", ("sections", i))
        w.line(f"    {_block('heading', s.heading)}")
        if s.synonyms:
            w.line(f"    {_block('synonyms', list(s.synonyms))}")
        w.line(f"    {_block('fields', list(s.fields))}")


def _rows(w: _Writer, form: FormDef) -> None:
    if form.rows is None:
        return
    rows = form.rows.model_dump(exclude_defaults=True)
    w.line("rows:", ("rows",))
    w.line(f"  {_block('field', form.rows.field)}")
    w.short_list("keys", _plain(form.rows.keys), "  ", ("rows", "keys"))
    for key in ("total", "total_synonyms"):
        if key in rows:
            w.line(f"  {_block(key, _plain(rows[key]))}")
