"""The one root exception of huizong and its small tree.

Exceptions are only for "cannot go on". Problems in a district's data are Issue records (forms.issues).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.check import Finding


class HuizongError(Exception):
    """Root of every error huizong raises on purpose; its str() is a Chinese message for a clerk."""


class FormDefinitionError(HuizongError):
    """A form definition that cannot be used. `findings` (forms.check.Finding) holds every error found; the
    first one's place is also in `source`, `line`, `where` and `message`."""

    def __init__(
        self, source: str, line: int, where: str | None, message: str, findings: Sequence[object] = ()
    ) -> None:
        self.source, self.line, self.where, self.message = source, line, where, message
        self.findings = list(findings)
        at = f"{source} 第{line}行" if line else source
        text = f"表单定义有误（{at}{'，' + where if where else ''}）：{message}"
        if len(self.findings) > 1:
            text = f"表单定义有 {len(self.findings)} 处错误：\n" + "\n".join(f"  {f}" for f in self.findings)
        super().__init__(text)

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> FormDefinitionError:
        first = findings[0]
        return cls(first.file, first.line, first.path or None, first.message, findings)


# What a clerk reads for a file whose reader died, ran out of memory or overran (a batch worker or a service
# job): the file is at fault, and no exception's name is shown.
FILE_FAULT = "文件过大或结构异常，无法读取"


class UnreadableFile(HuizongError):
    """A file could not be read at all (damaged, encrypted, too big, hostile, wrong type)."""


class UnrecognizedForm(HuizongError):
    """A readable file that is not any known form."""
