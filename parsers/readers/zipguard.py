"""Inspect a zip container (xlsx, docx, ods) before any library opens it.

Refused: too many entries, zip bombs (total size, ratio, or members that inflate past their declared size),
member names that escape the archive, encrypted members, and XML with a DOCTYPE or ENTITY declaration
(entity bombs, XXE) — legitimate Office files never carry one.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.limits import BIG_MEMBER, MAX_RATIO, MAX_UNZIPPED, MAX_ZIP_ENTRIES

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_CHUNK = 64 * 1024
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
_DRIVE = re.compile(r"^[A-Za-z]:")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, opened, once every member passed the checks."""
    entries = declared_entries(data)
    if entries is None:
        raise UnreadableFile(msg.DAMAGED)
    # zipfile reads the whole central directory into memory: refuse a huge one before it does.
    if entries > MAX_ZIP_ENTRIES:
        raise msg.hostile(f"压缩包内文件数过多：{entries}个")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_directory(archive.infolist())
        for info in archive.infolist():
            _scan_member(archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise UnreadableFile(msg.DAMAGED) from exc
    return archive


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


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate the member in bounded chunks. zipfile stops at the declared size and checks the CRC, so a
    member that lies about its size fails here rather than inflating without bound in another library."""
    name = info.filename.lower()
    check_markup: bool | None = None if name.endswith(BINARY_SUFFIXES) else True
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            if check_markup is None:
                # A binary name on XML content: a worksheet renamed .bin or .png is still read as XML by
                # calamine and openpyxl (through the relationships). Only an SVG may carry a DOCTYPE.
                check_markup = not name.endswith(".svg") and _looks_like_xml(chunk)
            if check_markup:
                window = tail + chunk.upper()
                if any(marker in window for marker in MARKERS):
                    raise msg.hostile("XML中含有实体或文档类型声明")
                tail = window[-_OVERLAP:]


def _looks_like_xml(head: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    return head.lstrip(b" \t\r\n\x00").startswith(b"<")
