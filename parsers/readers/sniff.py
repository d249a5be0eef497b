"""What a file really is, from its first bytes: districts rename files freely (an .xls that is HTML, a PDF
called .docx), so the suffix is only a hint."""

from __future__ import annotations

import codecs
from typing import Literal

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg

Format = Literal["pdf", "zip", "ole", "rtf", "html", "xml", "text", "image"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 4096

# Photos and scans of a return, read by OCR (parsers/readers/ocr/).
_IMAGES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")
# Formats people send by mistake, named so the clerk knows what they actually sent.
_FOREIGN: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF图片"),
    (b"GIF89a", "GIF图片"),
    (b"Rar!\x1a\x07", "RAR压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z压缩包"),
    (b"\x1f\x8b", "gzip压缩包"),
    (b"BZh", "bzip2压缩包"),
    (b"%!PS", "PostScript文件"),
    (b"\x00\x00\x01\x00", "图标文件"),
)
_HTML_STARTS = ("<!doctype html", "<html", "<table", "<head", "<body", "<meta", "<style", "<title")


def sniff(data: bytes) -> Format:
    """The container format of `data`, or UnreadableFile naming what it is when that is not readable."""
    if not data:
        raise UnreadableFile(msg.EMPTY)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    # The PDF header may follow a little junk (some scanners prepend a few bytes); readers accept 1 KB.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGES):
        return "image"
    for magic, label in _FOREIGN:
        if data.startswith(magic):
            raise msg.unsupported(label)
    head = text_head(data)
    if head is None:
        raise msg.unsupported("无法识别的二进制文件")
    return _markup_kind(head.lstrip("\ufeff \t\r\n").lower())


def _markup_kind(head: str) -> Format:
    if head.startswith("<?xml"):
        return "html" if "<html" in head else "xml"
    if head.startswith(_HTML_STARTS) or ("<table" in head and "<td" in head):
        return "html"
    if head.startswith("<!--") and "<html" in head:
        return "html"
    return "text"


def text_head(data: bytes) -> str | None:
    """The first few KB decoded as text, or None if the data is binary."""
    head = data[:_HEAD]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    if b"\x00" in head:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            # final=False: the head may end inside a multi-byte character, which is not an error.
            return codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
    return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text exports from Chinese systems are UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text")
    or GBK/GB18030; a charset declared by the file itself is tried first."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("gb18030", errors="replace")
