"""What a clerk must know about a return read by OCR (docs/ocr.md): one `ocr` notice for the file, every record's
source marked, and an `ocr-uncertain` warning on each value the recogniser was unsure of — or that came out
in a shape its field does not allow, which after OCR is most often a misread — so the annotated return and the
return's page show exactly which cells to check against the paper."""

from __future__ import annotations

from forms.issues import Issue, issue
from forms.model import FormDef
from parsers.cells import Document, Scanned, row_label
from parsers.results import Return

# The recogniser's least sure character below this: the cell is flagged. Chosen on benchmarks/ocr.py, where
# it flags nine in ten misread values or more while leaving most correct ones alone.
UNCERTAIN = 0.93
# Ink the text read leaves unexplained, in characters (readers/ocr/spacing.py): a dropped Chinese character
# leaves most of one; correct readings on benchmarks/ocr.py leave at most a fifth.
UNEXPLAINED_INK = 0.5
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


def mark(ret: Return, doc: Document, form: FormDef) -> Return:
    scanned = doc.scanned
    if scanned is None:
        return ret
    labels = {f.id: f.label for f in (*form.fields, *form.meta)}
    found: list[Issue] = [_notice(ret, doc, scanned)]
    flagged: set[str] = set()
    for rec in ret.records:
        rec.source = rec.source.model_copy(update={"ocr": True})
        for fid, loc in rec.cells.items():
            hint = _doubt(scanned, loc)
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
    found += _missing_columns(ret, form, labels)
    return ret.model_copy(update={"issues": [*ret.issues, *found]})


def _doubt(scanned: Scanned, loc: str) -> str:
    """Why the recogniser's reading of this cell is doubtful, as a hint; "" when it is not."""
    confidence = scanned.confidence.get(loc)
    if confidence is not None and confidence < UNCERTAIN:
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
