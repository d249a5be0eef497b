"""A form being inferred: fields, meta, sections, matrix rows and choice lists, each with the notes that
explain the guesses; `Draft.build()` turns it into a validated FormDef and its commented YAML."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from forms.errors import HuizongError
from forms.ids import derive_id, unique
from forms.messages import TYPE_NAMES, describe
from forms.model import FormDef
from parsers.infer.columns import Guess
from parsers.infer.vocabulary import Known, Vocabulary, other_wordings

Loc = tuple[str | int, ...]
# Ids the parsers give a meaning to: a field `unit` names the reporting unit when the meta does not; a column
# merely labelled like one (单位 of measure, 工作单位) must not take it.
_MEANINGFUL = {"unit"}
SIMPLE_TYPES = ("integer", "decimal", "date", "phone", "mobile", "email", "credit-code")


@dataclass(slots=True)
class Draft:
    vocab: Vocabulary
    top: dict[str, object] = field(default_factory=dict)
    meta: list[dict[str, object]] = field(default_factory=list)
    fields: list[dict[str, object]] = field(default_factory=list)
    sections: list[dict[str, object]] = field(default_factory=list)
    rows: dict[str, object] | None = None
    choices: dict[str, list[str]] = field(default_factory=dict)
    rules: list[dict[str, object]] = field(default_factory=list)
    notes: dict[Loc, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # label -> field id

    def note(self, loc: Loc, text: str) -> None:
        self.notes[loc] = f"{self.notes[loc]}；{text}" if loc in self.notes else text

    def add_field(self, guess: Guess) -> str:
        """Add a column's field once per label; returns its id."""
        if guess.label in self.labels:
            return self.labels[guess.label]
        spec: dict[str, object] = {"label": guess.label, **guess.spec}
        notes = list(guess.notes)
        known = self.vocab.field(guess.label)
        taken = {str(f["id"]) for f in self.fields}
        ident = unique(derive_id(guess.label), taken)
        if guess.ident and guess.ident not in taken:
            ident = guess.ident
        elif known is not None and known.field.id not in taken | _MEANINGFUL and known.field.label == guess.label:
            ident = known.field.id  # the id the same column has in a known form: the JSON keys agree
        if known is not None:
            notes += _borrow(spec, guess, known)
        spec = {"id": ident, **spec}
        if guess.choices:
            name = unique(ident, self.choices)
            self.choices[name] = list(guess.choices)
            spec["choices"] = name
        self.fields.append(spec)
        self.labels[guess.label] = ident
        if notes:
            self.note(("fields", len(self.fields) - 1), "；".join(notes))
        return ident

    def build(self, preamble: list[str]) -> tuple[FormDef, str]:
        from forms.dump import dump

        data: dict[str, object] = {**self.top, "meta": self.meta, "fields": self.fields}
        if self.sections:
            data["sections"] = self.sections
        if self.rows is not None:
            data["rows"] = self.rows
        if self.choices:
            data["choices"] = self.choices
        if self.rules:
            data["rules"] = self.rules
        try:
            form = FormDef.model_validate(data)
        except ValidationError as exc:
            said = "；".join(describe(e) for e in exc.errors())
            raise HuizongError(f"无法由这个文件推断出有效的表单定义：{said}") from exc
        return form, dump(form, self.notes, preamble)


def _borrow(spec: dict[str, object], guess: Guess, known: Known) -> list[str]:
    """What a known form's column of the same label lends: its other wordings, and its type when the file
    said nothing about one (a blank annex)."""
    notes = []
    wordings = other_wordings(guess.label, known.field)
    if guess.type == "text" and not guess.notes and known.field.type in SIMPLE_TYPES:
        spec["type"] = known.field.type
        spec.update({k: getattr(known.field, k) for k in ("unit", "decimals") if getattr(known.field, k)})
        notes.append(f"推测：{TYPE_NAMES[known.field.type]}（与报表“{known.form.title}”中的同名栏目一致）")
    if wordings:
        spec["synonyms"] = wordings
        notes.append(f"其他写法取自报表“{known.form.title}”")
    return notes
