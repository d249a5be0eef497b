"""What changed between two returns of one unit: the clerk sees it when a resubmission supersedes a file."""

from __future__ import annotations

from difflib import SequenceMatcher

from forms.model import FormDef
from forms.types import squash
from parsers.results import Record, Return

_SIMILAR = 0.9  # 宏胜 → 宏盛 in a 20-character name is a corrected name; 乙公司 → 丙公司 is another company


def _key_field(form: FormDef) -> str:
    return form.rows.field if form.rows else next((f.id for f in form.fields if f.required), form.fields[0].id)


def _key(form: FormDef, rec: Record) -> tuple:
    """A record's identity across resubmissions: the section plus its first required field (or row key)."""
    return (rec.section, squash(str(rec.values.get(_key_field(form)) or "")))


def _fields(form: FormDef, old: Record, new: Record) -> list[str]:
    return [f.label for f in form.fields if old.values.get(f.id) != new.values.get(f.id)]


def _pair_renamed(form: FormDef, added: list[Record], removed: list[Record]) -> list[tuple[Record, Record]]:
    """Added/removed records of one section whose names are nearly the same: one record whose name was fixed."""
    pairs = []
    for new in list(added):
        for old in removed:
            a, b = _key(form, old), _key(form, new)
            if a[0] == b[0] and SequenceMatcher(None, a[1], b[1]).ratio() >= _SIMILAR:
                pairs.append((old, new))
                added.remove(new)
                removed.remove(old)
                break
    return pairs


def changes(
    form: FormDef, old: Return, new: Return
) -> tuple[list[Record], list[Record], list[tuple[Record, list[str]]]]:
    """(added, removed, changed with the labels of changed fields)."""
    before = {_key(form, r): r for r in old.records}
    after = {_key(form, r): r for r in new.records}
    added = [r for k, r in after.items() if k not in before]
    removed = [r for k, r in before.items() if k not in after]
    changed = [
        (rec, _fields(form, before[k], rec))
        for k, rec in after.items()
        if k in before and before[k].values != rec.values
    ]
    changed += [(n, _fields(form, o, n)) for o, n in _pair_renamed(form, added, removed)]
    return added, removed, changed


def describe_changes(form: FormDef, old: Return, new: Return) -> str:
    added, removed, changed = changes(form, old, new)
    if not (added or removed or changed):
        return "内容无变化"
    parts = [f"新增{len(added)}条", f"删除{len(removed)}条", f"修改{len(changed)}条"]
    detail = "；".join(f"{_key(form, r)[1] or '?'}：{'、'.join(fs)}" for r, fs in changed[:3])
    return "、".join(parts) + (f"（{detail}）" if detail else "")
