"""Route a file's bytes to the right reader by what it really contains."""

from __future__ import annotations

from pathlib import PurePosixPath

from forms.errors import UnreadableFile
from parsers.cells import Document, Kind
from parsers.readers import _messages as msg
from parsers.readers.cfb import CfbError, Compound, excel_encrypted, word_encrypted
from parsers.readers.delimited import read_delimited
from parsers.readers.markup import read_html
from parsers.readers.ods_spans import ods_spans
from parsers.readers.office import Target, convert
from parsers.readers.pdf import read_pdf
from parsers.readers.sniff import sniff, text_head
from parsers.readers.spreadsheet import CalamineFailed, read_workbook
from parsers.readers.xls_extent import check_extents as check_xls_extents
from parsers.readers.xlsx_extent import check_extents
from parsers.readers.zipguard import Package, has_declaration, open_package

# Text files are read as CSV only when they claim to be a table; a .docx full of prose is a mistake.
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".xls", ".xlsx", ".et")
_SPREADSHEET_TYPES = (
    "spreadsheetml.sheet.main",
    "ms-excel.sheet.macroEnabled.main",
    "spreadsheetml.template.main",
    "ms-excel.template.macroEnabled.main",
)
_ODF = {"application/vnd.oasis.opendocument.spreadsheet": "ods", "application/vnd.oasis.opendocument.text": "odt"}
# Word files python-docx refuses; LibreOffice needs the matching suffix to accept their content type.
_OTHER_WORD_TYPES = {
    "ms-word.document.macroEnabled.main": ".docm",
    "wordprocessingml.template.main": ".dotx",
    "ms-word.template.macroEnabled.main": ".dotm",
}


def read_bytes(data: bytes, name: str) -> Document:
    kind = sniff(data)
    if kind == "pdf":
        return read_pdf(data, name)
    if kind == "zip":
        return _package(data, name)
    if kind == "ole":
        return _compound(data, name)
    if kind == "rtf":
        return _converted(data, name, ".rtf", "docx", "RTF文档")
    if kind == "html":
        return read_html(data, name)
    if kind == "image":
        from parsers.readers.ocr import read_image  # numpy, OpenCV and onnxruntime only for scans

        return read_image(data, name)
    if kind == "xml":
        return _office_xml(data, name)
    if _suffix(name) in _TEXT_SUFFIXES:
        return read_delimited(data, name)
    raise msg.unsupported("纯文本文件")


def _package(data: bytes, name: str) -> Document:
    package = open_package(data)
    kind = _package_kind(package)
    if kind == "xlsx":
        check_extents(package)
        return read_workbook(data, name, "xlsx")
    package.kept.clear()  # only the extent check uses the inflated members
    if kind == "ods":
        return read_workbook(data, name, "ods", ods_spans(package.archive))
    if kind == "docx":
        return read_docx(data, name)
    if kind in _OTHER_WORD_TYPES.values():
        return _converted(data, name, kind, "docx", "启用宏的Word文档或Word模板")
    if kind == "xlsb":
        # kind "xls": not an xlsx that openpyxl could edit in place (generators.annotate relies on it)
        return _converted(data, name, ".xlsb", "xlsx", "Excel二进制工作簿（.xlsb）", "xls")
    if kind == "odt":
        return _converted(data, name, ".odt", "docx", "ODF文本文档（.odt）")
    raise msg.unsupported(kind)


def _package_kind(package: Package) -> str:
    """ "xlsx", "ods", "docx", "xlsb", "odt", a suffix from _OTHER_WORD_TYPES, or a Chinese description of
    what else it is."""
    names = set(package.archive.namelist())
    if "mimetype" in names:
        mimetype = _start(package, "mimetype").strip()
        if mimetype in _ODF:
            return _ODF[mimetype]
        if mimetype.startswith("application/vnd.oasis.opendocument"):
            return "OpenDocument演示文稿或图形"
    types = _start(package, "[Content_Types].xml") if "[Content_Types].xml" in names else ""
    if any(t in types for t in _SPREADSHEET_TYPES) or "xl/workbook.xml" in names:
        return "xlsx"
    if "ms-excel.sheet.binary" in types:
        return "xlsb"
    for content_type, suffix in _OTHER_WORD_TYPES.items():
        if content_type in types:
            return suffix
    if "wordprocessingml.document.main" in types or "word/document.xml" in names:
        return "docx"
    if "presentationml" in types:
        return "PowerPoint演示文稿"
    if "OFD.xml" in names:
        return "OFD版式文件"
    return "压缩包（其中没有Excel或Word文件）"


def read_docx(data: bytes, name: str) -> Document:
    # Imported on first use: python-docx takes 25 ms to import, in every worker process, and most batches
    # hold no Word file at all.
    from parsers.readers.word import read_docx as read

    return read(data, name)


def _start(package: Package, member: str) -> str:
    """The first 64 KB of a member as text, from what the zip guard kept when it did."""
    info = package.archive.getinfo(member)
    content = package.kept.get(info)
    if content is None:
        with package.archive.open(info) as part:
            content = part.read(65_536)
    return content[:65_536].decode("utf-8", errors="ignore")


def _compound(data: bytes, name: str) -> Document:
    try:
        compound = Compound(data)
    except CfbError as exc:
        raise UnreadableFile(msg.DAMAGED) from exc
    if compound.has("EncryptionInfo", "EncryptedPackage") or excel_encrypted(compound) or word_encrypted(compound):
        raise UnreadableFile(msg.ENCRYPTED)
    suffix = _suffix(name)
    if compound.has("Workbook", "Book"):
        check_xls_extents(compound)
        try:
            return read_workbook(data, name, "xls")
        except CalamineFailed:  # e.g. an old WPS .et calamine does not follow; LibreOffice may
            return _converted(data, name, ".xls", "xlsx", "该表格文件", "xls")
    if compound.has("WordDocument"):
        return _converted(data, name, ".doc", "docx", "Word 97-2003文档（.doc/.wps）")
    if compound.has("PowerPoint Document"):
        raise msg.unsupported("PowerPoint演示文稿")
    if suffix == ".wps":  # Kingsoft WPS Writer's own format; LibreOffice's import filters know it
        return _converted(data, name, ".wps", "docx", "WPS文字文档（.wps）")
    raise msg.unsupported("旧版Office文件（既不是Excel也不是Word）")


def _office_xml(data: bytes, name: str) -> Document:
    """Office 2003 XML ("XML 表格" / "Word XML") that some systems still export, via LibreOffice."""
    head = text_head(data) or ""
    if "urn:schemas-microsoft-com:office:spreadsheet" in head:
        target: Target = "xlsx"
    elif "schemas.microsoft.com/office/word/2003/wordml" in head:
        target = "docx"
    else:
        raise msg.unsupported("XML文件")
    if has_declaration(data):
        raise msg.hostile("XML中含有实体或文档类型声明")
    kind: Kind = "xls" if target == "xlsx" else "docx"
    return _converted(data, name, ".xml", target, "Office 2003 XML文件", kind)


def _converted(data: bytes, name: str, suffix: str, target: Target, what: str, kind: Kind = "docx") -> Document:
    """Read LibreOffice's conversion; `kind` records what the district actually sent."""
    result = convert(data, suffix, target, what)
    package = open_package(result, keep=target == "xlsx")
    if target == "xlsx":
        check_extents(package)
        document = read_workbook(result, name, kind)
    else:
        document = read_docx(result, name)
    document.kind = kind
    return document


def _suffix(name: str) -> str:
    # The district's file name is only ever a string here, never a path on disk.
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()
