"""The shape of a form definition: what a YAML file in forms/ may say.

Field ids, section keys and row keys are a contract (docs/contract.md); labels are what appears on paper and
synonyms are how districts reword them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FieldType = Literal["text", "integer", "decimal", "date", "phone", "mobile", "email", "credit-code", "choice"]
Layout = Literal["list", "matrix", "record"]
_ID = r"^[a-z][a-z0-9_-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    value: str
    synonyms: tuple[str, ...] = ()


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
    decimals: int | None = Field(default=None, ge=0, le=6)
    minimum: float | None = None
    long: bool = False
    width: float = Field(default=14, gt=0, le=120)

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

    @field_validator("choices", mode="before")
    @classmethod
    def _bare_choices(cls, v: object) -> object:
        # In YAML a choice may be written as a bare string; expand it to {value: …}.
        if isinstance(v, dict):
            return {k: [c if isinstance(c, dict) else {"value": c} for c in (lst or [])] for k, lst in v.items()}
        return v

    @model_validator(mode="after")
    def _consistent(self) -> FormDef:
        ids = [f.id for f in self.fields]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"字段 id 重复：{'、'.join(sorted(dup))}")
        known = set(ids)
        for s in self.sections:
            bad = [f for f in s.fields if f not in known]
            if bad:
                raise ValueError(f"分组 {s.key} 引用了未定义的字段：{'、'.join(bad)}")
        for f in (*self.meta, *self.fields):
            if f.type == "choice" and f.choices not in self.choices:
                raise ValueError(f"字段 {f.id} 引用了未定义的选项表 {f.choices!r}")
        for r in self.rules:
            for ref in (r.left, r.right, *r.fields):
                if ref and ref not in known:
                    raise ValueError(f"规则引用了未定义的字段 {ref}")
        if self.layout == "matrix":
            if self.rows is None:
                raise ValueError("matrix 表必须定义 rows（行项目）")
            if self.rows.field not in known:
                raise ValueError(f"rows.field 引用了未定义的字段 {self.rows.field}")
        elif self.rows is not None:
            raise ValueError("只有 matrix 表可以定义 rows")
        if self.sections and self.layout != "list":
            raise ValueError("只有 list 表可以分组（sections）")
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
