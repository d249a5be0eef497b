"""What changed between two returns of one unit: the clerk sees it when a resubmission supersedes a file."""

from __future__ import annotations

from forms.model import FormDef
from forms.types import squash
from parsers.results import Record, Return


def _key(form: FormDef, rec: Record) -> tuple:
    """A record's identity across resubmissions: the section plus its first required field (or row key)."""
    field = form.rows.field if form.rows else next((f.id for f in form.fields if f.required), form.fields[0].id)
    return (rec.section, squash(str(rec.values.get(field) or "")))


def changes(
    form: FormDef, old: Return, new: Return
) -> tuple[list[Record], list[Record], list[tuple[Record, list[str]]]]:
    """(added, removed, changed with the labels of changed fields)."""
    before = {_key(form, r): r for r in old.records}
    after = {_key(form, r): r for r in new.records}
    added = [r for k, r in after.items() if k not in before]
    removed = [r for k, r in before.items() if k not in after]
    changed = []
    for k, rec in after.items():
        if k in before and before[k].values != rec.values:
            fields = [f.label for f in form.fields if before[k].values.get(f.id) != rec.values.get(f.id)]
            changed.append((rec, fields))
    return added, removed, changed


def describe_changes(form: FormDef, old: Return, new: Return) -> str:
    added, removed, changed = changes(form, old, new)
    if not (added or removed or changed):
        return "内容无变化"
    parts = [f"新增{len(added)}条", f"删除{len(removed)}条", f"修改{len(changed)}条"]
    detail = "；".join(f"{list(_key(form, r))[1] or '?'}：{'、'.join(fs)}" for r, fs in changed[:3])
    return "、".join(parts) + (f"（{detail}）" if detail else "")
