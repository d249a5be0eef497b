"""A draft as blocks of text: plain text (UTF-8 or GB 18030), Markdown, a DOCX in any styles (list numbers
read as Word shows them, tables kept), or an old .doc/.wps turned into DOCX by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generators.documents.errors import DocumentError
from generators.documents.reading.blocks import Block

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".doc", ".wps")
MAX_BYTES = 20 * 1024 * 1024


class DraftError(DocumentError):
    """The draft cannot be read."""


@dataclass(frozen=True, slots=True)
class Draft:
    blocks: list[Block]
    unit: str  # what a block's number counts: 行 (plain text) or 段 (Word)
    joined: tuple[tuple[int, int], ...] = ()  # plain text: (first line, last line) joined into one paragraph


def read_draft(path: Path) -> Draft:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DraftError(f"无法排版 {path.name}：草稿须为 .txt、.md、.docx、.doc 或 .wps 文件")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DraftError(f"草稿文件 {path} 不存在") from exc
    except OSError as exc:
        raise DraftError(f"无法读取草稿 {path}：{exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise DraftError(f"草稿 {path.name} 过大（超过 20 MB）")
    if suffix in (".txt", ".md", ".markdown"):
        return plain_draft(_decode(data, path.name), markdown=suffix != ".txt")
    if suffix in (".doc", ".wps"):
        data = _convert(data, path.name)
    return docx_draft(data, path.name)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DraftError(f"无法识别 {name} 的文字编码（请存为 UTF-8 文本）")


# -- plain text and Markdown ---------------------------------------------------------------------------------
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_LIST = re.compile(r"^\s*[-*+]\s+")
_MD_MARKS = re.compile(r"\*\*|__|`|(?<!\*)\*(?!\*)")
_TERMINAL = re.compile(r"[。！？；：…”’）)》」』】;:!?]$")


def plain_draft(text: str, markdown: bool = False) -> Draft:
    """Every non-blank line a block; a paragraph hard-wrapped over several lines (text copied from a PDF)
    is joined again where a line stops mid-sentence and the next does not open a new part."""
    from generators.documents.reading import patterns as pt

    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.rstrip()
        if markdown:
            if re.fullmatch(r"\s*([-*_]\s*){3,}", line) or line.strip().startswith("|---"):
                continue
            line = _MD_MARKS.sub("", _MD_LIST.sub("", _MD_HEADING.sub("", line)))
        if line.strip():
            lines.append((number, line))
    blocks: list[Block] = []
    joined: list[tuple[int, int]] = []
    for k, (number, line) in enumerate(lines):
        prev = blocks[-1] if blocks else None
        if prev is not None and _continues(prev.text, line, lines[k - 1][0], number, pt):
            blocks[-1] = Block(prev.text + line.strip(), prev.paragraph, extra={**prev.extra, "to": number})
            if joined and joined[-1][0] == prev.paragraph:
                joined[-1] = (prev.paragraph, number)
            else:
                joined.append((prev.paragraph, number))
            continue
        lead = len(line) - len(line.lstrip(" \u3000\t"))
        blocks.append(Block(line.strip(), number, extra={"lead": lead}))
    return Draft(blocks, "行", tuple(joined))


def _continues(prev: str, line: str, prev_no: int, number: int, pt) -> bool:
    """The line goes on the previous one's sentence (no blank line between, no end mark, no new part)."""
    if number != prev_no + 1 or len(prev) < 20 or _TERMINAL.search(prev):
        return False
    head = line.strip()
    if line[:1] in (" ", "\u3000", "\t") or pt.heading_number(head) or pt.parse_day(head):
        return False
    if head.endswith("印发") or pt.NOTE.match(head) or pt.looks_like_org(head):
        return False
    return not (pt.ATTACHMENT_NOTE.match(head) or pt.CC.match(head) or pt.ATTACHMENT_LABEL.match(head))


# -- Word -----------------------------------------------------------------------------------------------------
def docx_draft(data: bytes, name: str) -> Draft:
    from generators.documents.reading.docx_read import read_docx
    from parsers.readers.zipguard import open_zip

    try:
        doc = read_docx(open_zip(data))
    except DocumentError:
        raise
    except Exception as exc:  # a damaged package or XML
        raise DraftError(f"无法读取 {name}：文件已损坏或不是 Word 文档") from exc
    blocks = [b for b in doc.blocks if b.paragraph]
    if doc.sections:  # a letter's mark may live in the first page's header
        first = doc.sections[0]
        head = first.headers.get("first" if first.title_page else "default", [])
        blocks = [b for b in head if b.text.strip() and b.red] + blocks
    return Draft(blocks, "段")


def _convert(data: bytes, name: str) -> bytes:
    """An old Word or WPS file as DOCX, through LibreOffice (its own profile, so runs side by side)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DraftError(f"排版 {name} 需要 LibreOffice：请安装 LibreOffice，或在 Word/WPS 中另存为 .docx")
    with tempfile.TemporaryDirectory(prefix="hz-draft-") as folder:
        source = Path(folder) / f"draft{Path(name).suffix.lower()}"
        source.write_bytes(data)
        profile = Path(folder, "profile").as_uri()
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                 "--outdir", folder, str(source)],
                capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": folder},
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise DraftError(f"LibreOffice 转换 {name} 超时") from exc
        out = Path(folder) / "draft.docx"
        if not out.exists():
            raise DraftError(f"LibreOffice 无法转换 {name}：文件已损坏或不是 Word/WPS 文档")
        return out.read_bytes()
