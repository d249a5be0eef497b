"""Why a document cannot be made. Every message is a Chinese sentence an official can act on."""

from __future__ import annotations

from forms.errors import HuizongError


class DocumentError(HuizongError):
    """Root of the 公文 errors."""


class DocumentSpecError(DocumentError):
    """A document spec (YAML or a built-in text) is malformed: says where and what."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None) -> None:
        self.source, self.line, self.message = source, line, message
        where = source or "公文描述"
        if line:
            where += f" 第{line}行"
        super().__init__(f"{where}：{message}")


class TemplateFillError(DocumentError):
    """An office's own Word template cannot be filled."""


class RenderError(DocumentError):
    """A renderer could not produce the file (e.g. a font is missing)."""


class DataError(DocumentError):
    """A campaign file or a merge JSON cannot be used to make a document."""
