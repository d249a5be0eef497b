"""Every sentence a clerk reads when a file cannot be read, in one place so the wording stays consistent."""

from __future__ import annotations

from forms.errors import UnreadableFile

DAMAGED = "文件已损坏，无法读取"
EMPTY = "文件为空（0字节），请重新报送"
ENCRYPTED = "文件已加密（设置了打开密码），请取消密码后重新报送"
MISSING = "文件不存在或不是普通文件，无法读取"
TIMEOUT = "文件处理超时（超过{seconds}秒），无法读取；请另存为.xlsx或.docx后重新报送"
TOO_COMPLEX = "文件内容过于复杂，超出处理限制，无法读取；请另存为.xlsx或.docx后重新报送"
TOO_MANY_PAGES = "PDF页数过多（{pages}页，上限{limit}页），无法读取；请提供Excel或Word原件"
NO_OCR = (
    "该文件是扫描件或照片，需要文字识别（OCR）组件才能读取：请运行 ./scripts/setup.sh --ocr，"
    "或 pip install 'huizong[ocr]'；也可请报送单位提供Excel或Word原件"
)
NO_POPPLER = "读取扫描版PDF需要安装poppler-utils（apt-get install poppler-utils）"
IMAGE_TOO_SMALL = "图片过小（{width}×{height}像素），无法看清表格内容；请重新拍摄或扫描（建议200dpi以上）"
NO_TABLE_TEXT = "扫描件或照片中未能识别出任何文字，请检查图片是否清晰、方向是否正确"
NO_LIBREOFFICE = (
    "读取{what}需要安装LibreOffice（apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），"
    "或请将文件另存为.docx/.xlsx后重新报送"
)


def too_big(size: int | None, limit: int) -> UnreadableFile:
    """`size` is None when the file was a stream cut off at the limit (its real size is unknown)."""
    actual = f"{_mb(size)}，" if size is not None else "超过"
    return UnreadableFile(f"文件过大（{actual}上限{_mb(limit)}），请删除无关内容或拆分后重新报送")


def unsupported(what: str) -> UnreadableFile:
    return UnreadableFile(f"不支持的文件类型：{what}；请报送Excel、Word、PDF文件或报表的扫描件、照片")


def hostile(why: str) -> UnreadableFile:
    """A file built to exhaust or trick the reader; the clerk only needs to know it was refused and why."""
    return UnreadableFile(f"文件结构异常（{why}），已拒绝读取；请重新导出后报送")


def table_too_large(where: str, cells: int, limit: int) -> UnreadableFile:
    return UnreadableFile(
        f"表格过大（{where}约{cells // 10_000}万个单元格，上限{limit // 10_000}万），无法读取；"
        "请删除空白区域或拆分后重新报送"
    )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size < 10 * 1024 * 1024 else f"{size // (1024 * 1024)} MB"
