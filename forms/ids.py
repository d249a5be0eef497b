"""Ids a clerk need not write: a field's id derived from its label, and references written as labels.

Ids are keys in the JSON and in every rule; they may be Chinese. A user form may leave a field's `id` out
(then it is its label without the unit in brackets and without punctuation) and may name fields by their
label wherever a field id is expected (section fields, rules, the matrix row field).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters of any script, digits, underscore and hyphen: an id stays one token in a YAML list, a JSON key and
# a rule ({left}), whatever the language.
ID_PATTERN = r"^\w[\w-]*$"
_BRACKETED = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_NOT_WORD = re.compile(r"[^\w-]+")


def derive_id(label: str) -> str:
    """罚没金额（万元） -> 罚没金额; E-mail -> E-mail; 2014 -> 2014; 一、第三方机构 -> 一_第三方机构."""
    text = unicodedata.normalize("NFKC", label).strip()
    bare = _BRACKETED.sub("", text).strip() or text
    ident = _NOT_WORD.sub("_", bare).strip("_-")
    return ident or "field"


def unique(ident: str, taken: Iterable[str]) -> str:
    """`ident`, or `ident_2`, `ident_3`… when it is taken."""
    used = set(taken)
    if ident not in used:
        return ident
    n = 2
    while f"{ident}_{n}" in used:
        n += 1
    return f"{ident}_{n}"


def _field_ids(items: object) -> dict[str, str]:
    """label -> id of the fields that name one (ids derived where missing); a label used twice maps nowhere."""
    out: dict[str, str] = {}
    twice: set[str] = set()
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            continue
        label = item["label"]
        ident = item.get("id") if isinstance(item.get("id"), str) else derive_id(label)
        if label in out:
            twice.add(label)
        out[label] = ident
    return {k: v for k, v in out.items() if k not in twice}


def _ids(items: object) -> set[str]:
    return {
        item["id"] if isinstance(item.get("id"), str) else derive_id(str(item.get("label", "")))
        for item in (items if isinstance(items, list) else ())
        if isinstance(item, dict)
    }


def resolve_references(data: dict) -> dict:
    """A copy of a raw form definition whose field references written as labels are replaced by ids.

    Only references that are not already an id and name exactly one field's label are replaced; anything else
    is left for validation to report.
    """
    by_label = _field_ids(data.get("fields"))
    known = _ids(data.get("fields"))

    def ref(value: object) -> object:
        if isinstance(value, str) and value not in known and value in by_label:
            return by_label[value]
        return value

    def refs(values: object) -> object:
        return [ref(v) for v in values] if isinstance(values, list) else values

    out = dict(data)
    if isinstance(data.get("sections"), list):
        out["sections"] = [
            {**s, "fields": refs(s.get("fields"))} if isinstance(s, dict) and "fields" in s else s
            for s in data["sections"]
        ]
    if isinstance(data.get("rules"), list):
        out["rules"] = [_rule_refs(r, ref, refs) if isinstance(r, dict) else r for r in data["rules"]]
    if isinstance(data.get("rows"), dict) and "field" in data["rows"]:
        out["rows"] = {**data["rows"], "field": ref(data["rows"]["field"])}
    return out


def _rule_refs(rule: dict, ref, refs) -> dict:
    out = dict(rule)
    for key in ("left", "right"):
        if key in out:
            out[key] = ref(out[key])
    if "fields" in out:
        out["fields"] = refs(out["fields"])
    return out
