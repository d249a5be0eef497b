"""The zip guard: one inflate per small member, handed to the extent check, and the same refusals whether a
member is inflated in one piece or streamed in chunks."""

from __future__ import annotations

import io
import struct
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter
from reader_inputs import corner_xlsx, workbook_bytes, zip_bytes

from forms.errors import UnreadableFile
from parsers.readers import read, xlsx_extent, zipguard
from parsers.readers.xlsx_extent import check_extents
from parsers.readers.zipguard import inflate, open_package

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "hostile"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(params=["whole", "streamed"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test through both ways of reading a member: in one piece (the default for every member of a
    return) and streamed in 64 KB chunks (members over WHOLE_MEMBER bytes)."""
    if request.param == "streamed":
        monkeypatch.setattr(zipguard, "WHOLE_MEMBER", -1)
        monkeypatch.setattr(xlsx_extent, "WHOLE_MEMBER", -1)
    return request.param


def _straddling(encoding: str, marker: str) -> bytes:
    """An XML part whose only declaration starts three characters before the first 64 KB chunk ends."""
    head = f'<?xml version="1.0" encoding="{encoding.upper()}"?>'.encode(encoding)
    width = len(" ".encode(encoding))
    pad = (zipguard._CHUNK - len(head)) // width - 3
    text = f"{' ' * pad}{marker} d 'y'><worksheet xmlns=\"{SHEET_NS}\"/>"
    data = head + text.encode(encoding)
    start = data.find(marker.encode(encoding))
    assert start < zipguard._CHUNK < start + len(marker.encode(encoding))
    return data


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("marker", ["<!DOCTYPE", "<!doctype", "<!ENTITY"])
def test_a_declaration_across_a_chunk_boundary_is_refused(path: str, encoding: str, marker: str) -> None:
    data = zip_bytes([("xl/worksheets/sheet1.xml", _straddling(encoding, marker))])
    with pytest.raises(UnreadableFile, match="实体或文档类型声明"):
        open_package(data)


@pytest.mark.parametrize(
    "part",
    [
        b"<?xml version='1.0'?><!-- made by hand! --><worksheet/>",
        b"<worksheet><sheetData><row><c r='A1'><f>Sheet2!A1</f><v>1</v></c></row></sheetData></worksheet>",
        "<worksheet><!-- 说明! --></worksheet>".encode("utf-16"),
    ],
)
def test_an_exclamation_mark_alone_is_not_a_declaration(path: str, part: bytes) -> None:
    open_package(zip_bytes([("xl/worksheets/sheet1.xml", part)]))


def test_svg_may_carry_a_doctype_and_a_renamed_sheet_may_not(path: str) -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    open_package(zip_bytes([("xl/media/image1.svg", doctype), ("xl/media/image2.png", b"\x89PNG<!DOCTYPE")]))
    with pytest.raises(UnreadableFile, match="实体或文档类型声明"):
        open_package(zip_bytes([("xl/media/image1.png", b"  <!DOCTYPE worksheet><worksheet/>")]))


def _stored_and_described() -> bytes:
    """Stored members, a member with a data descriptor (written to a stream that cannot seek), an empty
    member and a Chinese name."""
    buffer = io.BytesIO()

    class Unseekable(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            return buffer.write(data)

    with zipfile.ZipFile(Unseekable(), "w") as archive:  # type: ignore[arg-type]
        archive.writestr("stored.xml", b"<a>" * 1000, zipfile.ZIP_STORED)
        with archive.open(zipfile.ZipInfo("described.xml"), "w") as member:
            member._compress_type = zipfile.ZIP_DEFLATED  # type: ignore[attr-defined]
            member.write(b"<b/>" * 5000)
        archive.writestr("空.xml", b"", zipfile.ZIP_DEFLATED)
        archive.writestr("说明/中文.xml", "<说明/>".encode() * 300, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize("make", [workbook_bytes, corner_xlsx, _stored_and_described])
def test_one_inflate_gives_what_zipfile_gives(make: object) -> None:
    data = make()  # type: ignore[operator]
    package = open_package(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in archive.infolist():
        assert inflate(data, info) == archive.read(info), info.filename
    kept = {info.filename: package.take(info) for info in package.archive.infolist()}
    assert kept == {info.filename: archive.read(info) for info in archive.infolist()}
    assert all(package.take(info) is None for info in package.archive.infolist())  # handed over once


def _outcome(data: bytes) -> str:
    try:
        check_extents(open_package(data))
    except UnreadableFile as exc:
        return str(exc)
    return "read"


def _far_corner() -> bytes:
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        sheet = book.add_worksheet()
        sheet.write("A1", "左上")
        sheet.write("XFD1048576", "右下")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(workbook_bytes(), id="workbook"),
        pytest.param(corner_xlsx(), id="corner"),
        pytest.param(_far_corner(), id="far-corner"),
        pytest.param((SAMPLES / "sheet-extent-bomb.xlsx").read_bytes(), id="extent-bomb"),
        pytest.param((SAMPLES / "xml-entity-bomb.xlsx").read_bytes(), id="entity-bomb"),
        pytest.param((SAMPLES / "zip-bomb.xlsx").read_bytes(), id="zip-bomb"),
    ],
)
def test_the_kept_and_the_streamed_members_are_judged_alike(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _outcome(data)
    monkeypatch.setattr(zipguard, "WHOLE_MEMBER", -1)
    monkeypatch.setattr(xlsx_extent, "WHOLE_MEMBER", -1)
    assert _outcome(data) == whole


def _declare(data: bytes, name: str, size: int, crc: int) -> bytes:
    """The archive with `name`'s declared size and CRC rewritten, in its local header and the directory."""
    patched = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    struct.pack_into("<I", patched, info.header_offset + 14, crc)
    struct.pack_into("<I", patched, info.header_offset + 22, size)
    start = 0
    while (start := patched.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", patched, start + 28)[0]
        if patched[start + 46 : start + 46 + length] == name.encode():
            struct.pack_into("<I", patched, start + 16, crc)
            struct.pack_into("<I", patched, start + 24, size)
        start += 4
    return bytes(patched)


def test_a_member_that_inflates_past_its_declared_size_is_refused_unread() -> None:
    # Declared: the first 1 KB, with that kilobyte's CRC. The stream goes on for 64 MB. zipfile stops at the
    # declared size and the CRC matches, so the guard used to pass it, and the extent check then inflated all
    # 64 MB in one read. Now the guard inflates at most one byte past the declared size and refuses it.
    sheet = f'<worksheet xmlns="{SHEET_NS}"><sheetData/></worksheet>'.encode() + bytes(64 * 1024 * 1024)
    members = [("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", sheet)]
    data = _declare(zip_bytes(members, level=9), "xl/worksheets/sheet1.xml", 1024, zlib.crc32(sheet[:1024]))
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
            read(data, "a.xlsx")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_a_member_that_falls_short_of_its_declared_size_is_refused() -> None:
    part = b"<Types/>" * 100
    data = _declare(zip_bytes([("[Content_Types].xml", part)]), "[Content_Types].xml", len(part) + 10,
                    zlib.crc32(part))  # fmt: skip
    with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
        open_package(data)


def test_members_named_alike_are_each_measured() -> None:
    # The far cell sits in the first of two members with one name: keyed by name, the second member's
    # content would have stood in for the first, and the first would never have been measured.
    far = f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
    far += '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    near = f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate name
        data = zip_bytes([("xl/worksheets/sheet1.xml", far.encode()), ("xl/worksheets/sheet1.xml", near.encode())])
    with pytest.raises(UnreadableFile, match=r"^表格过大"):
        check_extents(open_package(data))


def test_a_local_header_that_names_another_member_is_refused() -> None:
    data = zip_bytes([("xl/a.xml", b"<a/>")])
    with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
        open_package(data.replace(b"xl/a.xml", b"xl/b.xml", 1))  # the local header's copy only


def test_a_directory_that_points_before_the_archive_is_refused() -> None:
    # The end record places the directory 64 bytes later than it is: zipfile shifts every member's offset by
    # -64, and the first one's local header would lie before the archive's first byte.
    data = bytearray(zip_bytes([("xl/a.xml", b"<a/>"), ("xl/b.xml", b"<b/>")]))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, struct.unpack_from("<I", data, end + 16)[0] + 64)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].header_offset < 0
    with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
        open_package(bytes(data))


def test_a_stored_member_longer_than_declared_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/a.xml", b"<a/>" * 100, zipfile.ZIP_STORED)
    part = b"<a/>" * 50
    with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
        open_package(_declare(buffer.getvalue(), "xl/a.xml", len(part), zlib.crc32(part)))


def test_nothing_is_kept_beyond_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipguard, "_KEPT", 6000)
    data = zip_bytes([(f"xl/part{n}.xml", b"<a/>" * 1000) for n in range(3)])
    package = open_package(data)
    assert [len(content) for content in package.kept.values()] == [4000]
    assert open_package(data, keep=False).kept == {}
    _outcome(data)  # the members not kept are read again, bounded: the guard checked their sizes
