"""`huizong doc …` — official documents (GB/T 9704). Filled in by the documents work (issue 4)."""

from __future__ import annotations

import click


@click.group("doc")
def doc() -> None:
    """生成符合 GB/T 9704-2012 的公文（DOCX / PDF）。"""


COMMANDS = [doc]
