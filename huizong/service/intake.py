"""From a stored upload to its place in a campaign: parse it, then decide whose return it is.

The parsing and unit matching are the parsers' (parse_file with the campaign's units); here we only apply
the campaign's rules: a unit link accepts only that unit's returns, a form outside the campaign is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms import FormRegistry
from forms.issues import Issue
from parsers.results import Return


@dataclass(frozen=True)
class Outcome:
    state: str  # parsed | refused
    unit: str | None  # a campaign unit, or None
    unit_name: str | None  # the unit as found in the file, when it is not a campaign unit
    message: str | None


def parse_upload(data: bytes, name: str, registry: FormRegistry, forms: list[str], units: list[str]) -> Return:
    from parsers import parse_file

    ret = parse_file(data, name, registry, units=units)
    if ret.status == "unrecognized" and len(forms) == 1:
        # The campaign asks for one form only: read the file as that form before giving up on it.
        forced = parse_file(data, name, registry, form_id=forms[0], units=units)
        if forced.records:
            return forced
    return ret


def attribute(ret: Return, declared: str | None, units: list[str], forms: list[str], registry: FormRegistry) -> Outcome:
    """Whose return this is. `declared` is the unit of the upload link, or the unit the clerk chose."""
    found = ret.unit
    if declared and found and found != declared:
        return Outcome("refused", None, found, _refusal(found, declared))
    unit = declared or (found if found in units else None)
    unit_name = None if unit else found
    message = ret.message
    if ret.form and ret.form not in forms:
        title = registry.get(ret.form).title if ret.form in registry else ret.form
        message = f"该文件是《{title}》，不属于本次任务要求报送的报表"
    return Outcome("parsed", unit, unit_name, message)


def _refusal(found: str, declared: str) -> str:
    return f"文件中的填报单位是“{found}”，不是“{declared}”，未予接收。请上传本单位的报表。"


def assign_unit(ret: Return, unit: str) -> Return:
    """The return as counted for `unit`: records and issues carry it; a 'unit not found' warning is moot."""
    issues: list[Issue] = [
        i if i.unit else i.model_copy(update={"unit": unit}) for i in ret.issues if i.code != "unit-missing"
    ]
    records = [r.model_copy(update={"unit": unit}) for r in ret.records]
    meta = {**ret.meta, "unit": unit} if ret.form else ret.meta
    return ret.model_copy(update={"unit": unit, "records": records, "issues": issues, "meta": meta})


def counts(ret: Return) -> tuple[int, int]:
    errors = sum(1 for i in ret.issues if i.severity == "error")
    return errors, len(ret.issues) - errors


def dump(ret: Return) -> dict:
    """JSON for the store, keeping each record's source cells (excluded from the contract's JSON)."""
    data = ret.model_dump(mode="json")
    for out, rec in zip(data["records"], ret.records, strict=True):
        out["cells"] = dict(rec.cells)
    return data


def load(data: dict) -> Return:
    return Return.model_validate(data)
