"""The `huizong doc` group (click's own messages are Chinese for every command: huizong/cli/language.py)."""

from __future__ import annotations

import gc

import click

# Objects made between two runs of Python's cyclic garbage collector while a 公文 command runs (Python's own is 700).
COLLECT_EVERY = 50_000


@click.group("doc")
@click.pass_context
def doc(ctx: click.Context) -> None:
    """公文（GB/T 9704-2012）：生成、检查（doc check）和一键排版（doc format），输出 DOCX / PDF。"""
    # A 公文 command is a short process that first imports a great deal (WeasyPrint, pydantic, fontTools) and
    # then lays pages out: run every 700 new objects, the collector went over all those objects again and again,
    # some 0.1 s of a 12-page `doc render` (8% of its CPU), and found next to nothing to free (its peak memory is
    # the same without it). Less often, then; as before once the command is done (tests run many in one process).
    before = gc.get_threshold()
    gc.set_threshold(COLLECT_EVERY, *before[1:])
    ctx.call_on_close(lambda: gc.set_threshold(*before))
