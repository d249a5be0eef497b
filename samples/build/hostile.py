"""Build samples/hostile/: files made to crash, hang, exhaust or trick a reader, plus everyday mistakes.

Every one must end in exactly one clear `UnreadableFile` within seconds (tests/parsers/readers). All are
built from scratch, deterministically, and stay small: the zip bomb inflates to 1 GiB from about 1 MB.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw

FIXED_TIME = (2022, 5, 12, 9, 0, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def build(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = {
        "xml-entity-bomb.xlsx": entity_bomb(),
        "zip-bomb.xlsx": zip_bomb(),
        "sheet-extent-bomb.xlsx": xlsx(
            _sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
        ),
        "path-traversal.docx": path_traversal(),
        "encrypted.xlsx": encrypted(),
        "truncated.xlsx": truncated(),
        "not-a-form.xlsx": jpeg(),
        "empty.docx": b"",
        "pixel-bomb.png": pixel_bomb(),
    }
    written = []
    for name, data in samples.items():
        path = out_dir / name
        path.write_bytes(data)
        written.append(path)
    return written


# -- zip containers -------------------------------------------------------------------------------------
def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _xlsx_parts(sheet: str, strings: str) -> list[tuple[str, bytes]]:
    types = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument'
        '.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    return [
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", rels.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
        ("xl/worksheets/sheet1.xml", sheet.encode()),
        ("xl/sharedStrings.xml", strings.encode()),
    ]


def _sheet(rows: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def _strings(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{_MAIN}" count="1" uniqueCount="1">{body}</sst>'


def xlsx(sheet: str, strings: str | None = None) -> bytes:
    return _zip(_xlsx_parts(sheet, strings or _strings("<si><t>机构名称</t></si>")))


def entity_bomb() -> bytes:
    """Billion laughs in xl/sharedStrings.xml: ten levels of ten references, 10^9 copies of "lol"."""
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    prolog = f"<!DOCTYPE sst [{''.join(levels)}]>"
    sheet = _sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    return xlsx(sheet, _strings("<si><t>&lol9;</t></si>", prolog))


def zip_bomb() -> bytes:
    """A worksheet part of 1 GiB of zeros, compressed to about 1 MB (ratio ~1000:1)."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _xlsx_parts(_sheet(""), _strings("")):
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            for _ in range(1024):
                member.write(chunk)
    return buffer.getvalue()


def _docx_parts() -> list[tuple[str, bytes]]:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    types = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
        "<w:p><w:r><w:t>检验检测机构基本情况汇总表</w:t></w:r></w:p></w:body></w:document>"
    )
    return [
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", rels.encode()),
        ("word/document.xml", document.encode()),
    ]


def path_traversal() -> bytes:
    """A valid docx with one extra member that would land two folders above wherever it is unpacked."""
    return _zip([*_docx_parts(), ("../../evil.xml", b'<?xml version="1.0"?><evil/>')])


def truncated() -> bytes:
    """A real xlsx cut in half, as an interrupted upload or e-mail attachment leaves it."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="B{r}"><v>{r}</v></c></row>' for r in range(1, 200)
    )
    data = xlsx(_sheet(rows))
    return data[: len(data) // 2]


# -- OLE2 / CFB -----------------------------------------------------------------------------------------
_END, _FREE, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def encrypted() -> bytes:
    """What Excel writes for a password-protected xlsx: a CFB file with EncryptionInfo (agile, in the
    mini stream) and EncryptedPackage (regular sectors). The ciphertext is seeded noise."""
    noise = random.Random(20220512)
    descriptor = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        b"</encryption>"
    )
    info = struct.pack("<HHI", 4, 4, 0x40) + descriptor
    package = struct.pack("<Q", 6000) + noise.randbytes(6144)
    return _cfb(mini=("EncryptionInfo", info), big=("EncryptedPackage", package))


def _cfb(mini: tuple[str, bytes], big: tuple[str, bytes]) -> bytes:
    """A CFB v3 file (512-byte sectors) with one small and one large stream under the root."""
    size = 512
    mini_data = mini[1] + bytes(-len(mini[1]) % 64)
    container = mini_data + bytes(-len(mini_data) % size)
    big_data = big[1] + bytes(-len(big[1]) % size)
    n_container, n_big = len(container) // size, len(big_data) // size
    # Sector order: FAT, directory, MiniFAT, mini-stream container, big stream.
    body_sectors = 3 + n_container + n_big
    fat_sectors = -(-body_sectors // (size // 4 - 1))
    directory = fat_sectors
    minifat_sector, container_start, big_start = directory + 1, directory + 2, directory + 2 + n_container
    fat = [_FAT_SECTOR] * fat_sectors + [_END, _END]
    fat += _chain(container_start, n_container) + _chain(big_start, n_big)
    fat += [_FREE] * (fat_sectors * size // 4 - len(fat))
    minifat = _chain(0, len(mini_data) // 64)
    minifat += [_FREE] * (size // 4 - len(minifat))
    entries = (
        _dir_entry("Root Entry", 5, child=1, start=container_start, length=len(mini_data))
        + _dir_entry(mini[0], 2, right=2, start=0, length=len(mini[1]))
        + _dir_entry(big[0], 2, start=big_start, length=len(big[1]), red=True)
        + _dir_entry("", 0)
    )
    header = _cfb_header(fat_sectors, directory, minifat_sector)
    sectors = struct.pack(f"<{len(fat)}I", *fat) + entries + struct.pack("<128I", *minifat) + container + big_data
    return header + sectors


def _chain(start: int, count: int) -> list[int]:
    return [start + i + 1 for i in range(count - 1)] + [_END] if count else []


def _cfb_header(fat_sectors: int, directory: int, minifat: int) -> bytes:
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, fat_sectors, directory, 0, 4096, minifat, 1, _END, 0)
        + struct.pack("<109I", *difat)
    )


def _dir_entry(
    name: str,
    kind: int,
    *,
    child: int = _NO_STREAM,
    right: int = _NO_STREAM,
    start: int = 0,
    length: int = 0,
    red: bool = False,
) -> bytes:
    encoded = name.encode("utf-16-le")
    name_field = (encoded + b"\x00\x00" + bytes(64))[:64] if name else bytes(64)
    return (
        name_field
        + struct.pack("<HBB", len(encoded) + 2 if name else 0, kind, 0 if red else 1)
        + struct.pack("<III", _NO_STREAM, right, child)
        + bytes(16)
        + struct.pack("<I", 0)
        + bytes(16)
        + struct.pack("<IQ", start if kind else 0, length)
    )


# -- not a form at all ----------------------------------------------------------------------------------
def jpeg() -> bytes:
    """A photo of a form, sent with the .xlsx name the district meant to attach."""
    image = Image.new("RGB", (96, 64), (235, 235, 225))
    ImageDraw.Draw(image).rectangle((8, 8, 88, 56), outline=(40, 40, 40), width=2)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def pixel_bomb() -> bytes:
    """A PNG of 60000×60000 pixels in 57 bytes: its header claims 3.6 billion pixels (10 GB decoded), and a
    reader must refuse it from the header alone. The image data is a stub; decoding is never reached."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for path in build(Path(__file__).resolve().parents[1] / "hostile"):
        print(f"{path.stat().st_size:>9,d}  {path}")
