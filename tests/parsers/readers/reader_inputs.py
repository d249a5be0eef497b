"""Tiny inputs for the reader tests, built in memory: workbooks, Word files with merges made at the XML
level, PDFs from HTML, and hand-made zip containers."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import xlsxwriter
from docx.oxml.ns import qn
from lxml import etree
from raw_files import raw_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- spreadsheets ---------------------------------------------------------------------------------------
def workbook_bytes() -> bytes:
    """Data from C5 (not A1), a horizontal merge C6:E6, a vertical merge G5:G7, typed values, a formula
    with its cached result, then a hidden sheet and an empty one that must both be skipped."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("名单")
    sheet.write("C5", "机构名称")
    sheet.write("D5", "领域")
    sheet.merge_range("G5:G7", "食品")
    sheet.merge_range("C6:E6", "一、体制内机构")
    sheet.write_number("C7", 12)
    sheet.write_number("D7", 3.5)
    sheet.write_datetime("E7", dt.datetime(2022, 5, 12), book.add_format({"num_format": "yyyy-mm-dd"}))
    sheet.write_formula("F7", "=C7+D7", None, 15.5)
    hidden = book.add_worksheet("选项")
    hidden.write("A1", "食品")
    hidden.hide()
    book.add_worksheet("空白")
    book.close()
    return buffer.getvalue()


def corner_xlsx() -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write("A1", "左上")
    sheet.write("IV65536", "右下")
    book.close()
    return buffer.getvalue()


def libreoffice(sources: list[Path], target: str, out_dir: Path, profile: Path) -> list[Path]:
    """Convert with one LibreOffice process and its own profile (tests build legacy formats this way)."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return [out_dir / f"{source.stem}.{target.split(':')[0]}" for source in sources]


# -- Word -----------------------------------------------------------------------------------------------
def _tc(text: str, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in text.split("\n"))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


def table_xml(rows: list[list[tuple]], grid: int) -> str:
    """rows: lists of (text, span, vmerge) tuples (span and vmerge optional)."""
    body = "".join("<w:tr>" + "".join(_tc(*cell) for cell in row) + "</w:tr>" for row in rows)
    cols = "".join('<w:gridCol w:w="1500"/>' for _ in range(grid))
    return f'<w:tbl xmlns:w="{W_NS}"><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{body}</w:tbl>'


def docx_bytes(blocks: list[str]) -> bytes:
    """A docx whose body is `blocks` in order: plain strings become paragraphs, XML (declaring xmlns:w)
    is inserted as is (tables, tracked changes, content controls)."""
    document = docx.Document()
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for block in blocks:
        if block.startswith("<"):
            element = etree.fromstring(block)
        else:
            element = document.add_paragraph(block)._p
            body.remove(element)
        sect.addprevious(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def long_table_docx(rows: int) -> bytes:
    row = "<w:tr>" + "".join(_tc(f"单元{c}") for c in range(6)) + "</w:tr>"
    body = "".join(row.replace("单元", f"第{r}行") for r in range(rows))
    return docx_bytes([f'<w:tbl xmlns:w="{W_NS}"><w:tblPr/><w:tblGrid/>{body}</w:tbl>'])


# -- containers -----------------------------------------------------------------------------------------
def zip_bytes(members: list[tuple[str, bytes]], level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, (2022, 5, 12, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def replace_member(package: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        members = [(i.filename, archive.read(i) if i.filename != name else data) for i in archive.infolist()]
    return zip_bytes(members)


def ods_bytes(content: str) -> bytes:
    """An ODS package with the given content.xml body (inside office:spreadsheet)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{content}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", xml, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# -- PDF ------------------------------------------------------------------------------------------------
PDF_STYLE = """
@page { size: A4; margin: 20mm }
body { font-family: "Noto Sans CJK SC"; font-size: 11pt }
h1 { font-size: 16pt; text-align: center; letter-spacing: 0.5em }
table { border-collapse: collapse; width: 100% }
td, th { border: 1px solid black; padding: 3pt; font-weight: normal }
"""


def pdf_bytes(body: str) -> bytes:
    import weasyprint  # heavy: only the PDF tests pay for it

    html = f"<html><head><meta charset='utf-8'><style>{PDF_STYLE}</style></head><body>{body}</body></html>"
    return weasyprint.HTML(string=html).write_pdf()


def roster_docx() -> bytes:
    """Meta lines and section headings around two tables; a vertical merge (one 领域 for two rows), a
    subtotal row spanning the table, a cell with two paragraphs, and a gridSpan in the second table."""
    return docx_bytes(
        [
            "附件1",
            "检验检测机构基本情况汇总表",
            "所在旗区：东胜区   上报时间：2022年5月12日",
            "一、体制内具有事业单位属性的检验检测机构数量及名单",
            table_xml(
                [
                    [("序号",), ("机构名称",), ("领域",), ("备注",)],
                    [("1",), ("东胜区产品质量\n检验检测中心",), ("食品", 1, "restart"), ("",)],
                    [("2",), ("东胜区疾病预防控制中心",), ("", 1, "continue"), ("无",)],
                    [("小计：2家", 4)],
                ],
                4,
            ),
            "",
            "二、第三方检验检测机构数量及名单",
            table_xml(
                [
                    [("序号",), ("机构名称",), ("领域及备注", 2)],
                    [("1",), ("内蒙古某某检测技术有限公司",), ("建筑材料",), ("",)],
                ],
                4,
            ),
            "填表说明：领域涉及多个的，用顿号分隔。",
        ]
    )


def pages_pdf(count: int, content: bytes | None = None, filters: bytes = b"") -> bytes:
    """`count` empty A4 pages; the first gets `content` as its content stream when given."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    stream_ref = b" /Contents %d 0 R" % (3 + count) if content is not None else b""
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%s >>" % (stream_ref if i == 0 else b"")
        for i in range(count)
    ]
    if content is not None:
        objects.append(b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream")
    return raw_pdf(objects)


def flate_zeros(size: int) -> bytes:
    """A zlib stream that inflates to `size` zero bytes, built in well under a second: after a full
    flush deflate restarts from scratch, so one compressed 8 MB block can be repeated."""
    chunk = bytes(8 * 1024 * 1024)
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == block  # the zlib header, then identical blocks
    count = size // len(chunk)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return first[:2] + block * count + b"\x03\x00" + checksum.to_bytes(4, "big")


def encrypted_pdf() -> bytes:
    """A PDF with the standard security handler and a user password (the empty one does not open it)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"ab" * 32, b"cd" * 32),
    ]
    return raw_pdf(objects, b"/Encrypt 4 0 R /ID [<%s> <%s>]" % (b"01" * 16, b"01" * 16))
