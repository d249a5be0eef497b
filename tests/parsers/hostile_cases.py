"""Every hostile or damaged file of issue 9, made by code (small, deterministic): name -> bytes.

Each must end in records or a clear Chinese refusal within 30 s and 512 MB, with no traceback and no process
left behind (tests/parsers/test_hostile_cases.py, tests/cli/test_merge_hostile.py). Cases found by the fuzzing
harness (benchmarks/fuzz.py) are added here.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "huizong" / "service"))

from raw_files import raw_pdf, workbook_of  # noqa: E402
from service_samples import pdf_operator_bomb  # noqa: E402


def statistics_with(value: object) -> bytes:
    """东胜区's 工作情况统计表 with one count (产品质量 × 检查机构数), one amount (× 罚没金额, a decimal field) and
    their totals replaced by `value`, as text."""
    book = load_workbook(ROOT / "samples" / "statistics" / "clean.xlsx")
    sheet = book.active
    for ref in ("B4", "B10", "F4", "F10"):
        sheet[ref].value = value
        sheet[ref].data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def roster_with(text: str) -> bytes:
    """东胜区's roster with one institution's name replaced by `text`."""
    book = load_workbook(ROOT / "samples" / "roster" / "clean.xlsx")
    book.active["B5"].value = text
    book.active["B5"].data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_part(cells: str, part: str, content_type_part: bool = True) -> bytes:
    """A workbook whose only worksheet is stored under `part` (any name), holding `cells`' XML."""
    return workbook_of({part: cells}, content_type_part)


def many_sheets(sheets: int = 44, far: str = "J40000") -> bytes:
    """44 sheets, each spanning 400,000 positions (under the per-sheet limit), 17.6 million together."""
    row = int(far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return workbook_of({f"xl/worksheets/sheet{i}.xml": _far_cell(far, row) for i in range(1, sheets + 1)})


def _far_cell(ref: str, row: int) -> str:
    return f'<row r="1"><c r="A1"><v>1</v></c></row><row r="{row}"><c r="{ref}"><v>1</v></c></row>'


def whitespace_cell(spaces: int = 300_000) -> bytes:
    """A name cell with a line break, then 300,000 spaces not followed by one: `\\s*\\n\\s*` tried every
    position of the run to its end (20,000 spaces took 3 s; 300,000 hours)."""
    return roster_with("鄂尔多斯市\n检验" + " " * spaces + "中心")


def every_stream_a_bomb(operator: bytes = b"0 0 m 1 1 l S\n", repeat: int = 200_000) -> bytes:
    """The LibreOffice roster PDF with every Flate stream — content, fonts, ToUnicode CMaps — replaced by
    `repeat` operators (what benchmarks.fuzz's pdf_operators mutation does)."""
    import re
    import zlib

    bomb = zlib.compress(operator * repeat, 9)
    data = (ROOT / "samples" / "roster" / "libreoffice.pdf").read_bytes()
    pattern = rb"/Length \d+\s*/Filter\s*/FlateDecode\s*>>\s*stream\r?\n.*?endstream"
    replacement = b"/Length %d /Filter /FlateDecode>>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    return re.sub(pattern, lambda _m: replacement, data, flags=re.S)


def pdf_stream_bomb(size: int) -> bytes:
    """A one-page PDF whose content stream inflates to `size` bytes of spaces (300 KB compressed)."""
    import zlib

    stream = zlib.compress(b" " * size, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return raw_pdf(objects)


def whitespace_docx(spaces: int = 300_000) -> bytes:
    """The same name in a Word table, where nothing cuts a cell at Excel's 32,767 characters: over 100 s
    before, as the line-break regex tried every position of the run."""
    from docx import Document

    document = Document()
    document.add_paragraph("检验检测机构基本情况汇总表")
    document.add_paragraph("所在旗区：东胜区")
    table = document.add_table(rows=3, cols=4)
    for col, header in enumerate(["序号", "机构名称", "领域", "备注"]):
        table.cell(0, col).text = header
    for row, (name, domain) in enumerate(
        [("鄂尔多斯市\n检验" + " " * spaces + "中心", "产品质量"), ("东胜区疾病预防控制中心", "卫生疾控")], start=1
    ):
        table.cell(row, 0).text, table.cell(row, 1).text, table.cell(row, 2).text = str(row), name, domain
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_PANIC_FLIPS = (
    (728, 128), (953, 2), (1255, 128), (1315, 16), (1367, 16), (1572, 64), (1644, 1), (1788, 1),
    (1849, 32), (2356, 32), (2591, 32), (2888, 64), (3021, 8), (3392, 64), (3753, 4), (3761, 32),
    (3946, 8), (4192, 128), (4296, 128), (4427, 1), (4833, 8), (4987, 16), (5081, 32), (5265, 64),
    (5664, 64), (5834, 1), (5859, 16), (7010, 4), (7265, 2), (7655, 8), (7921, 16), (8085, 4),
)  # fmt: skip


def calamine_panic_xls() -> bytes:
    """Fuzz seed 3, mutant 290: 32 bits flipped in a sample .xls make calamine panic (a Rust slice index),
    raised in Python as pyo3's PanicException — a BaseException no `except Exception` caught."""
    data = bytearray((ROOT / "samples" / "statistics" / "blanks-and-dashes.xls").read_bytes())
    for offset, bit in _PANIC_FLIPS:
        data[offset] ^= bit
    return bytes(data)


# name -> (bytes maker, what it must end in: "records", "no-crash" (any status, a refusal in Chinese) or a regex
# of the refusal)
CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "decimal-1e30.xlsx": (lambda: statistics_with("1e30"), "records"),
    "decimal-1e308.xlsx": (lambda: statistics_with("1e308"), "records"),
    "fullwidth-30-digits.xlsx": (lambda: statistics_with("１" * 30), "records"),
    "integer-5000-digits.xlsx": (lambda: statistics_with("7" * 5000), "records"),
    "exponent-1e999999999.xlsx": (lambda: statistics_with("1e999999999"), "records"),
    "whitespace-300k.xlsx": (whitespace_cell, "records"),
    "whitespace-300k.docx": (whitespace_docx, "records"),
    "sheet-as-bin-XFD100000.xlsx": (
        lambda: sheet_part(_far_cell("XFD100000", 100_000), "xl/worksheets/sheet1.bin"),
        r"^表格过大（工作表约",
    ),
    "sheet-as-png-XFD100000.xlsx": (
        lambda: sheet_part(_far_cell("XFD100000", 100_000), "xl/media/image1.png", content_type_part=False),
        r"^表格过大（工作表约",
    ),
    "sheet-as-jpeg-CV1048576.xlsx": (
        lambda: sheet_part(_far_cell("CV1048576", 1_048_576), "xl/worksheets/sheet1.jpeg"),
        r"^表格过大（工作表约",
    ),
    # Found by benchmarks/fuzz.py (seed 1): a cell whose own ref lies far below the row element holding it
    # (calamine places it by its ref); a ToUnicode CMap turned into an operator bomb.
    "ref-below-its-row.xlsx": (
        lambda: sheet_part('<row r="1"><c r="A1"><v>1</v></c><c r="CV1048576"><v>2</v></c></row>', "xl/s.xml"),
        r"^表格过大（工作表约",
    ),
    # Fuzz seed 2, mutant 110: one column of 948,577 rows, then under the per-sheet limit, read in 11-28 s.
    "one-column-950k-rows.xlsx": (lambda: sheet_part(_far_cell("A948577", 948_577), "xl/s.xml"), r"^表格过大"),
    "pdf-cmap-bomb.pdf": (every_stream_a_bomb, r"^文件内容过于复杂"),
    # Read through LibreOffice once calamine gave up, or refused as damaged where LibreOffice is not there.
    "xls-calamine-panic.xls": (calamine_panic_xls, "no-crash"),
    # Fuzz seed 1, mutant 763: below every budget of the time it took 12 s alone and over 30 s on a busy machine.
    "pdf-cmap-text-bomb.pdf": (
        lambda: every_stream_a_bomb(b"BT /F1 1 Tf 1 0 0 1 10 10 Tm (x) Tj ET\n", 50_000),
        r"^文件内容过于复杂",
    ),
    "entity-in-bin-sheet.xlsx": (
        lambda: sheet_part('<!DOCTYPE x [<!ENTITY a "aaaa">]><row r="1"/>', "xl/worksheets/s.bin"),
        r"^文件结构异常（XML中含有实体或文档类型声明）",
    ),
    "many-sheets.xlsx": (many_sheets, r"^表格过大（整个工作簿约"),
    "pdf-300mb-stream.pdf": (lambda: pdf_stream_bomb(300 * 1024 * 1024), r"^文件内容过于复杂"),
    "pdf-200k-text-operators.pdf": (lambda: pdf_operator_bomb(200_000), r"^文件内容过于复杂"),
    "pdf-300k-draw-operators.pdf": (lambda: pdf_operator_bomb(300_000, "draw"), r"^文件内容过于复杂"),
    "pdf-100k-draw-operators.pdf": (lambda: pdf_operator_bomb(100_000, "draw"), r"^文件内容过于复杂"),
}
