"""The shape of a form definition: what a YAML file in forms/ may say (every key: docs/forms.md).

Field ids, section keys and row keys are the keys of the JSON output (docs/json.md); labels are what appears
on paper and synonyms are how districts reword them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from forms.ids import ID_PATTERN, derive_id, resolve_references

FieldType = Literal["text", "integer", "decimal", "date", "phone", "mobile", "email", "credit-code", "choice"]
Layout = Literal["list", "matrix", "record"]
_ID = ID_PATTERN
# model_validate(data, context=DEFER_REFERENCES) leaves the cross-reference checks to the caller, which reports
# each at the line that holds the reference (forms.check) instead of the first one at the top of the form.
DEFER_REFERENCES = {"defer_references": True}


class _Strict(BaseModel):
    # A label or a choice written as a bare number in YAML (2014, 5) is the text the clerk sees.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Choice(_Strict):
    value: str
    synonyms: tuple[str, ...] = ()


def bare_choice(item: object) -> object:
    """In YAML a choice (or a matrix row key) may be written as a bare string: expand it to {value: …}."""
    return {"value": item} if isinstance(item, str | int | float) and not isinstance(item, bool) else item


class FieldDef(_Strict):
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    synonyms: tuple[str, ...] = ()
    type: FieldType = "text"
    required: bool = False
    choices: str | None = None
    multiple: bool = False
    separator: str = "、"
    unit: str | None = None
    decimals: int | None = Field(default=None, ge=0)
    minimum: float | None = None
    long: bool = False
    width: float = Field(default=14, gt=0, le=120)
    column: int | str | None = None  # tables without a header row: 1-based number or letters (C)

    @model_validator(mode="before")
    @classmethod
    def _derived_id(cls, data: object) -> object:
        # A user form may leave the id out: it is then derived from the label.
        label = data.get("label") if isinstance(data, dict) else None
        if isinstance(data, dict) and "id" not in data and isinstance(label, str | int | float):
            return {**data, "id": derive_id(str(label))}
        return data

    @field_validator("column")
    @classmethod
    def _column(cls, v: int | str | None) -> int | str | None:
        if v is None or (isinstance(v, int) and v >= 1):
            return v
        if isinstance(v, str) and v.isascii() and v.isalpha() and len(v) <= 3:
            return v.upper()
        raise ValueError("column 应为从 1 起的列号或 A、B、C 这样的列字母")

    @property
    def position(self) -> int | None:
        """`column` as a 0-based index, None when not given."""
        if self.column is None:
            return None
        if isinstance(self.column, int):
            return self.column - 1
        n = 0
        for ch in self.column:
            n = n * 26 + ord(ch) - 64
        return n - 1

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "decimal")

    @property
    def header(self) -> str:
        """The column heading as printed: label plus unit of measure, e.g. 罚没金额（万元）."""
        return f"{self.label}（{self.unit}）" if self.unit else self.label


class Section(_Strict):
    key: str = Field(pattern=_ID)
    heading: str = Field(min_length=1)
    synonyms: tuple[str, ...] = ()
    fields: tuple[str, ...] = Field(min_length=1)


class MatrixRows(_Strict):
    field: str
    keys: tuple[Choice, ...] = Field(min_length=1)
    total: str = "合计"
    total_synonyms: tuple[str, ...] = ("总计", "合  计")

    @field_validator("keys", mode="before")
    @classmethod
    def _bare_keys(cls, v: object) -> object:
        # A row key may be written as a bare string, like a choice.
        return [bare_choice(k) for k in v] if isinstance(v, list) else v


class Rule(_Strict):
    """A check declared as data. `message` may use {left}, {right} (labels) and {field}."""

    kind: Literal["compare", "unique", "cross-unit-unique", "total"]
    message: str = Field(min_length=1)
    left: str | None = None
    op: Literal["<=", ">=", "<", ">", "=="] | None = None
    right: str | None = None
    fields: tuple[str, ...] = ()
    severity: Literal["error", "warning"] = "error"

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        if self.kind == "compare" and not (self.left and self.op and self.right):
            raise ValueError("compare 规则需要 left、op、right")
        if self.kind in ("unique", "cross-unit-unique") and not self.fields:
            raise ValueError(f"{self.kind} 规则需要 fields")
        return self


class FormDef(_Strict):
    id: str = Field(pattern=_ID)
    version: int = Field(ge=1)
    title: str = Field(min_length=1)
    title_synonyms: tuple[str, ...] = ()
    layout: Layout
    meta: tuple[FieldDef, ...] = ()
    fields: tuple[FieldDef, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = ()
    rows: MatrixRows | None = None
    choices: dict[str, tuple[Choice, ...]] = {}
    rules: tuple[Rule, ...] = ()
    notes: tuple[str, ...] = ()
    landscape: bool = False
    sheet: str | None = None  # the sheet (or Word/PDF table name) the form lives on; others are ignored
    header: bool = True  # false: the table has no header row, its columns are the fields in order

    @model_validator(mode="before")
    @classmethod
    def _label_references(cls, data: object) -> object:
        # Sections, rules and the row field may name a field by its label.
        return resolve_references(data) if isinstance(data, dict) else data

    @field_validator("choices", mode="before")
    @classmethod
    def _bare_choices(cls, v: object) -> object:
        # In YAML a choice may be written as a bare string; expand it to {value: …}.
        if isinstance(v, dict):
            return {k: [bare_choice(c) for c in lst] if isinstance(lst, list) else lst for k, lst in v.items()}
        return v

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> FormDef:
        if info.context and info.context.get("defer_references"):
            return self
        from forms.references import problems

        found = problems(self)
        if found:
            raise ValueError(found[0].message)
        return self

    # -- lookups used everywhere -------------------------------------------------------------------------
    def field(self, field_id: str) -> FieldDef:
        for f in (*self.fields, *self.meta):
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def section_fields(self, section: Section | None) -> tuple[FieldDef, ...]:
        if section is None:
            return self.fields
        return tuple(self.field(i) for i in section.fields)

    def section(self, key: str | None) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def value_fields(self) -> tuple[FieldDef, ...]:
        """Matrix columns: every field except the row key."""
        key = self.rows.field if self.rows else None
        return tuple(f for f in self.fields if f.id != key)

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.title_synonyms)
