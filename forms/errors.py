"""The one root exception of huizong and its small tree.

Exceptions are only for "cannot go on". Problems in a district's data are Issue records (forms.issues).
"""

from __future__ import annotations


class HuizongError(Exception):
    """Root of every error huizong raises on purpose; its str() is a Chinese message for a clerk."""


class FormDefinitionError(HuizongError):
    def __init__(self, source: str, line: int, where: str | None, message: str) -> None:
        self.source, self.line, self.where, self.message = source, line, where, message
        at = f"{source} 第{line}行" if line else source
        super().__init__(f"表单定义有误（{at}{'，' + where if where else ''}）：{message}")


class UnreadableFile(HuizongError):
    """A file could not be read at all (damaged, encrypted, too big, hostile, wrong type)."""


class UnrecognizedForm(HuizongError):
    """A readable file that is not any known form."""
