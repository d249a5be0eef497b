"""Inspect a zip container (xlsx, docx, ods) before any library opens it.

Refused: too many entries, zip bombs (total size, ratio, or members that inflate past their declared size),
member names that escape the archive, encrypted members, and XML with a DOCTYPE or ENTITY declaration
(entity bombs, XXE) — legitimate Office files never carry one.

Every member is inflated once here. A member up to WHOLE_MEMBER bytes is inflated in one piece, straight from
the archive's bytes, and handed on (`Package.take`) so that the extent check does not inflate it again; a
bigger one is streamed in bounded chunks through zipfile and not kept.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.limits import BIG_MEMBER, MAX_RATIO, MAX_UNZIPPED, MAX_ZIP_ENTRIES

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags, name length, extra length (APPNOTE 4.3.7)
WHOLE_MEMBER = 16 * 1024 * 1024  # members up to this size are inflated in one piece
_KEPT = 32 * 1024 * 1024  # at most this much inflated content is kept for the extent check
# Members no XML parser ever sees; an embedded SVG or HTML object may legitimately hold a DOCTYPE.
BINARY_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".emf",
    ".wmf",
    ".svg",
    ".bin",
    ".wdp",
    ".jfif",
    ".ico",
    ".ttf",
    ".odttf",
    ".fntdata",
    ".pdf",
    ".mp3",
    ".mp4",
    ".wav",
)
MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(len(m) for m in MARKERS)
# Every marker holds "!" (0x21) in each encoding, and upper() leaves it alone: where there is none, no marker
# can be. A memchr search for one byte costs nothing beside the upper() and six searches it spares.
_BANG = b"!"
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class Package:
    """An archive whose every member passed the checks, with the inflated content of the members kept."""

    archive: zipfile.ZipFile
    # Keyed by the ZipInfo itself (identity): an archive may name two members alike.
    kept: dict[zipfile.ZipInfo, bytes] = field(default_factory=dict)

    def take(self, info: zipfile.ZipInfo) -> bytes | None:
        """The member's content if it was kept (handed over once, then forgotten), else None."""
        return self.kept.pop(info, None)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, opened, once every member passed the checks."""
    return open_package(data, keep=False).archive


def open_package(data: bytes, *, keep: bool = True) -> Package:
    """The archive and, with `keep`, the inflated content of its members up to WHOLE_MEMBER bytes (at most
    _KEPT bytes in all), once every member passed the checks."""
    entries = declared_entries(data)
    if entries is None:
        raise UnreadableFile(msg.DAMAGED)
    # zipfile reads the whole central directory into memory: refuse a huge one before it does.
    if entries > MAX_ZIP_ENTRIES:
        raise msg.hostile(f"压缩包内文件数过多：{entries}个")
    try:
        package = Package(zipfile.ZipFile(io.BytesIO(data)))
        infos = package.archive.infolist()
        _check_directory(infos)
        kept = 0
        for info in infos:
            if info.file_size > WHOLE_MEMBER:
                _scan_member(package.archive, info)
                continue
            content = inflate(data, info)
            _check_markup(info.filename, content)
            if keep and kept + len(content) <= _KEPT:
                package.kept[info] = content
                kept += len(content)
    # NotImplementedError: zipfile's word for a compression it cannot read; struct.error, UnicodeDecodeError: a
    # local header cut short or naming itself in bad UTF-8.
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        struct.error,
        UnicodeDecodeError,
    ) as exc:
        raise UnreadableFile(msg.DAMAGED) from exc
    return package


def declared_entries(data: bytes) -> int | None:
    """The entry count from the end-of-central-directory record (zip64 aware), None if there is none."""
    pos = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if pos < 0 or pos + 22 > len(data):
        return None
    count = int.from_bytes(data[pos + 10 : pos + 12], "little")
    locator = pos - 20
    if locator >= 0 and data[locator : locator + 4] == _ZIP64_LOCATOR:
        offset = int.from_bytes(data[locator + 8 : locator + 16], "little")
        if data[offset : offset + 4] == _ZIP64_EOCD:
            count = max(count, int.from_bytes(data[offset + 32 : offset + 40], "little"))
    return count


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise msg.hostile(f"压缩包内文件数过多：{len(infos)}个")
    total = 0
    for info in infos:
        if _escapes(info.filename):
            raise msg.hostile("压缩包内含有越出目录的路径")
        if info.flag_bits & 0x1:
            raise UnreadableFile(msg.ENCRYPTED)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFile(msg.DAMAGED)
        if info.file_size > BIG_MEMBER and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise msg.hostile("压缩比异常，疑似压缩炸弹")
        total += info.file_size
    if total > MAX_UNZIPPED:
        raise msg.hostile(f"解压后体积过大：{total // (1024 * 1024)} MB")


def _escapes(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts or "\x00" in name


def inflate(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's content in one piece, read from the archive's bytes (the local header as APPNOTE describes
    it, checked as zipfile checks it). The output is capped one byte past the declared size: a member that
    inflates past it, or falls short of it, or fails its CRC, is refused before anything else reads it."""
    start = info.header_offset
    if start < 0:  # zipfile cannot seek there either
        raise zipfile.BadZipFile("bad local header offset")
    signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, start)
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    if info.flag_bits & 0x60:  # compressed patched data, strong encryption: zipfile does not read them either
        raise zipfile.BadZipFile("compressed patched data or strong encryption")
    name = data[start + 30 : start + 30 + name_length].decode("utf-8" if flags & 0x800 else "cp437")
    if name != info.orig_filename:
        raise zipfile.BadZipFile("local and central names differ")
    begin = start + 30 + name_length + extra_length
    raw = memoryview(data)[begin : begin + info.compress_size]  # a view: a member's padding is never copied
    if len(raw) < info.compress_size:
        raise EOFError
    if info.compress_type == zipfile.ZIP_STORED:
        content = bytes(raw[: info.file_size + 1])
    else:
        content = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, info.file_size + 1)
    if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
        raise zipfile.BadZipFile("member size or CRC differs from the directory")
    return content


def _check_markup(name: str, content: bytes) -> None:
    """Refuse a DOCTYPE or ENTITY declaration in a member an XML parser may read."""
    if _BANG not in content:
        return
    if _read_as_xml(name.lower(), content[:_CHUNK]) and has_declaration(content):
        raise msg.hostile("XML中含有实体或文档类型声明")


def has_declaration(window: bytes) -> bool:
    """Whether a DOCTYPE or ENTITY marker (any case, UTF-8 or UTF-16) stands in `window`."""
    if _BANG not in window:
        return False
    upper = window.upper()
    return any(marker in upper for marker in MARKERS)


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate a big member in bounded chunks. zipfile stops at the declared size and checks the CRC, so a
    member that lies about its size fails here rather than inflating without bound in another library."""
    name = info.filename.lower()
    check_markup: bool | None = None
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            if check_markup is None:
                check_markup = _read_as_xml(name, chunk)
            if check_markup:
                window = tail + chunk
                if has_declaration(window):
                    raise msg.hostile("XML中含有实体或文档类型声明")
                tail = window[-_OVERLAP:]


def _read_as_xml(name: str, head: bytes) -> bool:
    """Whether a member (lower-case name, first chunk) may reach an XML parser. A binary name on XML content: a
    worksheet renamed .bin or .png is still read as XML by calamine and openpyxl (through the relationships).
    Only an SVG may carry a DOCTYPE."""
    if not name.endswith(BINARY_SUFFIXES):
        return True
    return not name.endswith(".svg") and _looks_like_xml(head)


def _looks_like_xml(head: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    return head.lstrip(b" \t\r\n\x00").startswith(b"<")
