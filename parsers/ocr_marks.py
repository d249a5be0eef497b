"""What a clerk must know about a return read by OCR (docs/ocr.md): one `ocr` notice for the file, every record's
source marked, and an `ocr-uncertain` warning on each value the recogniser was unsure of — or that came out
in a shape its field does not allow, which after OCR is most often a misread — so the annotated return and the
return's page show exactly which cells to check against the paper."""

from __future__ import annotations

from difflib import SequenceMatcher

from forms.issues import Issue, issue
from forms.model import FormDef
from parsers import ocr_totals, units
from parsers.cells import Document, Scanned, row_label
from parsers.results import Return

# The recogniser's least sure character below this: the cell is flagged. Chosen on benchmarks/ocr.py, where
# it flags nine in ten misread values or more while leaving most correct ones alone.
UNCERTAIN = 0.93
# Ink the text read leaves unexplained, in characters (readers/ocr/spacing.py): a dropped Chinese character
# leaves most of one; correct readings on benchmarks/ocr.py leave at most a fifth.
UNEXPLAINED_INK = 0.5
# A unit's name read this near a known unit's (SequenceMatcher ratio, suffix 市场监督管理局 left off), yet not
# it: one or two characters misread (认拉特旗 for 达拉特旗). Two units of one campaign differ far more.
NEAR_UNIT = 0.6
VOUCH = True  # figures in a column that adds up to its 合计 are not flagged for low confidence alone
# Issues that say a value has the wrong shape for its field: after OCR, often a misread figure or letter.
_SHAPE_CODES = frozenset(
    {
        "invalid-date",
        "future-date",
        "invalid-number",
        "too-many-decimals",
        "invalid-phone",
        "invalid-mobile",
        "invalid-email",
        "invalid-credit-code",
        "unknown-choice",
        "total-mismatch",
    }
)


def mark(ret: Return, doc: Document, form: FormDef, expected_units: list[str] | None = None) -> Return:
    scanned = doc.scanned
    if scanned is None:
        return ret
    labels = {f.id: f.label for f in (*form.fields, *form.meta)}
    found: list[Issue] = [_notice(ret, doc, scanned)]
    flagged: set[str] = set()
    added_up = ocr_totals.vouched(ret, doc, form, scanned, UNCERTAIN) if VOUCH else set()
    for rec in ret.records:
        rec.source = rec.source.model_copy(update={"ocr": True})
        for fid, loc in rec.cells.items():
            hint = _doubt(scanned, loc, loc in added_up)
            if hint and loc not in flagged:
                flagged.add(loc)
                found.append(_uncertain(ret, loc, fid, labels.get(fid, fid), rec.values.get(fid), hint))
    for known in ret.issues:
        if known.code in _SHAPE_CODES and known.location in scanned.confidence and known.location not in flagged:
            flagged.add(known.location)
            hint = "（不符合该栏的格式，可能识别有误）"
            found.append(
                _uncertain(ret, known.location, known.field, labels.get(known.field or "", ""), known.value, hint)
            )
    found += _unbalanced_columns(ret, scanned, labels, flagged)
    found += _near_units(ret, scanned, labels, flagged, expected_units or ([ret.unit] if ret.unit else []))
    found += _missing_columns(ret, form, labels)
    return ret.model_copy(update={"issues": [*ret.issues, *found]})


def _doubt(scanned: Scanned, loc: str, added_up: bool) -> str:
    """Why the recogniser's reading of this cell is doubtful, as a hint; "" when it is not. A figure its column's
    合计 vouches for is not doubted for the recogniser's want of confidence (parsers/ocr_totals.py)."""
    confidence = scanned.confidence.get(loc)
    if confidence is not None and confidence < UNCERTAIN and not (added_up and confidence > 0):
        return f"（把握{round(confidence * 100)}%）"
    if scanned.spacing.get(loc, 0.0) >= UNEXPLAINED_INK:
        return "（字迹比识别出的文字宽，可能漏认了字）"
    return ""


def _missing_columns(ret: Return, form: FormDef, labels: dict[str, str]) -> list[Issue]:
    """A field no record has a column for, in a table with a column that is not the form's: most likely its
    heading was misread (a seal over it). Said once per field, at that column's heading."""
    strays = [i for i in ret.issues if i.code == "unmapped-column" and i.location]
    if not strays or not ret.records:
        return []
    read = {fid for rec in ret.records for fid in rec.cells}
    missing = [f for f in form.fields if f.id not in read and f.id != "seq"]
    hint = "（未找到该栏的表头，" + "、".join(f"“{i.value}”" for i in strays) + "可能就是该栏，表头识别有误）"
    return [_uncertain(ret, strays[0].location or "", f.id, labels[f.id], "", hint) for f in missing]


def _unbalanced_columns(ret: Return, scanned: Scanned, labels: dict[str, str], flagged: set[str]) -> list[Issue]:
    """A column whose 合计 is not the sum of its rows holds a misread figure somewhere, however sure the
    recogniser was of each: every value of that column is to be checked."""
    fields = {i.field for i in ret.issues if i.code == "total-mismatch" and i.field}
    found = []
    for rec in ret.records:
        for fid in fields:
            loc = rec.cells.get(fid)
            if loc is not None and loc in scanned.confidence and loc not in flagged:
                flagged.add(loc)
                hint = "（本列合计与各行之和不符，可能有识别错误）"
                found.append(_uncertain(ret, loc, fid, labels.get(fid, fid), rec.values.get(fid), hint))
    return found


def _near_units(
    ret: Return, scanned: Scanned, labels: dict[str, str], flagged: set[str], known: list[str]
) -> list[Issue]:
    """A unit column's value nearly, but not, a unit the campaign knows (its --units list, else the return's
    own unit): however sure the recogniser was, a character of it is most likely misread."""
    keys = {units.strip_suffix(units.clean(k)): k for k in known}
    found = []
    for rec in ret.records:
        loc, value = rec.cells.get("unit"), rec.values.get("unit")
        if loc is None or loc not in scanned.confidence or loc in flagged or not isinstance(value, str):
            continue
        near = _near(units.strip_suffix(units.clean(value)), keys)
        if near:
            flagged.add(loc)
            hint = f"（与单位“{near}”只差一两个字，可能认错了字）"
            found.append(_uncertain(ret, loc, "unit", labels.get("unit", "unit"), value, hint))
    return found


def _near(name: str, keys: dict[str, str]) -> str | None:
    """The known unit `name` is a near miss of, None when it is one (or holds one) or is near none."""
    if not name or any(key and key in name for key in keys):
        return None
    best = max(keys, key=lambda key: SequenceMatcher(None, name, key, autojunk=False).ratio(), default=None)
    if best and SequenceMatcher(None, name, best, autojunk=False).ratio() >= NEAR_UNIT:
        return keys[best]
    return None


def _notice(ret: Return, doc: Document, scanned: Scanned) -> Issue:
    hint = ""
    if scanned.unruled_pages:
        pages = "、".join(f"第{p}页" for p in scanned.unruled_pages)
        hint = f"；{pages}的表格没有表格线，已按文字对齐分列，请特别核对各栏是否对应"
    return issue("ocr", form=ret.form, unit=ret.unit, file=doc.name, value=scanned.pages, hint=hint)


def _uncertain(ret: Return, loc: str, fid: str | None, label: str, value: object, hint: str) -> Issue:
    return issue(
        "ocr-uncertain",
        form=ret.form,
        unit=ret.unit,
        file=ret.path,
        location=loc,
        field=fid,
        value="" if value is None else value,
        where=row_label(loc),
        label=label,
        hint=hint,
    )
