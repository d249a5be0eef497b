"""Tiny returns built in memory for the service tests: a roster (list form) and a statistics sheet (matrix)."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from raw_files import package_parts, raw_pdf

ROSTER_TITLE = "检验检测机构基本情况汇总表"
_SHEET = "xl/worksheets/sheet1.xml"


def roster_xlsx(
    unit: str | None, names: list[str], *, reported_on: str = "2024年5月10日", blank_domain: bool = False
) -> bytes:
    """An institution roster as a district would fill it; `blank_domain` leaves a required cell empty."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([ROSTER_TITLE])
    sheet.append([f"所在旗区：{unit}", None, f"上报时间：{reported_on}"] if unit else [f"上报时间：{reported_on}"])
    sheet.append(["二、第三方检验检测机构数量及名单"])
    sheet.append(["序号", "机构名称", "领域", "备注"])
    for i, name in enumerate(names, start=1):
        sheet.append([i, name, None if blank_domain and i == 1 else "食品", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb_xlsx() -> bytes:
    """A workbook whose one sheet inflates from ~250 KB to 256 MB of XML."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in package_parts([_SHEET], shared_strings=True).items():
            z.writestr(part, xml)
        with z.open(_SHEET, "w", force_zip64=True) as sheet:
            sheet.write(head)
            chunk = b"A" * (1 << 20)
            for _ in range(256):
                sheet.write(chunk)
            sheet.write(b"</t></is></c></row></sheetData></worksheet>")
    return buffer.getvalue()


def entity_bomb_xlsx() -> bytes:
    """A workbook whose shared strings declare the "billion laughs" entity expansion."""
    entities = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = f"<!DOCTYPE lolz [{''.join(entities)}]>"
    strings = (
        f'<?xml version="1.0"?>{doctype}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>'
    )
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in package_parts([_SHEET], shared_strings=True).items():
            z.writestr(part, xml)
        z.writestr(_SHEET, sheet)
        z.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def pdf_operator_bomb(operators: int, kind: str = "text") -> bytes:
    """A one-page PDF whose compressed content stream holds `operators` text or drawing operators:
    a few hundred KB that keep a PDF reader busy for a long time."""
    import zlib

    op = b"BT /F1 1 Tf 1 0 0 1 10 10 Tm (x) Tj ET\n" if kind == "text" else b"0 0 m 1 1 l S\n"
    stream = zlib.compress(op * operators, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return raw_pdf(objects)
