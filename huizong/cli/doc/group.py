"""The `huizong doc` group (click's own messages are Chinese for every command: huizong/cli/language.py)."""

from __future__ import annotations

import click


@click.group("doc")
def doc() -> None:
    """公文（GB/T 9704-2012）：生成、检查（doc check）和一键排版（doc format），输出 DOCX / PDF。"""
