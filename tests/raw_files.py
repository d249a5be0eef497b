"""Files written part by part, for tests that need ones no library would make: PDF bombs, broken encryption,
worksheets under odd part names, far cells."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def raw_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def package_parts(sheets: Iterable[str], content_types: bool = True, shared_strings: bool = False) -> dict[str, str]:
    """The parts that make a zip a workbook of worksheets under these part names (their XML is the caller's):
    content types, relationships, the workbook; with `shared_strings`, a relationship to xl/sharedStrings.xml."""
    sheets = list(sheets)
    overrides = "".join(f'<Override PartName="/{part}" ContentType="{_SHEET_TYPE}"/>' for part in sheets)
    if shared_strings:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_STRINGS_TYPE}"/>'
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides if content_types else ''}</Types>"
    )
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        f'<?xml version="1.0"?><workbook xmlns="{_NS}" xmlns:r="{_R}"><sheets>'
        + "".join(f'<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
        + "</sheets></workbook>"
    )
    targets = [(f"{_R}/worksheet", part.removeprefix("xl/")) for part in sheets]
    if shared_strings:
        targets.append((f"{_R}/sharedStrings", "sharedStrings.xml"))
    book_rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{_PKG}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )
    return {
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": book_rels,
    }


def workbook_of(sheets: dict[str, str], content_types: bool = True) -> bytes:
    """A workbook of worksheets stored under the given part names, each holding its cells' XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in package_parts(sheets, content_types).items():
            z.writestr(part, xml)
        for part, cells in sheets.items():
            sheet = f'<?xml version="1.0"?><worksheet xmlns="{_NS}"><sheetData>{cells}</sheetData></worksheet>'
            z.writestr(part, sheet)
    return out.getvalue()
