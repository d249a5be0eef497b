"""Write one sample file in a given format together with its `.expected.json`, from the same placement."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samples.build.docx_out import write_docx
from samples.build.grid import Block, Grid
from samples.build.office import Converter
from samples.build.pdf_out import write_pdf
from samples.build.truth import Truth, write_truth
from samples.build.xlsx_out import write_xlsx

Sheets = list[tuple[str, Grid]]


@dataclass
class Ctx:
    """Where samples go, and the LibreOffice queue for the formats only LibreOffice writes (xls)."""

    root: Path
    conv: Converter = field(default_factory=Converter)
    written: list[Path] = field(default_factory=list)

    def path(self, folder: str, name: str) -> Path:
        out = self.root / folder / name
        out.parent.mkdir(parents=True, exist_ok=True)
        self.written.append(out)
        return out


def xlsx(path: Path, truth: Truth, sheets: Sheets, landscape: bool = False) -> None:
    write_truth(path, truth, write_xlsx(path, sheets, landscape))


def xls(ctx: Ctx, path: Path, truth: Truth, sheets: Sheets, landscape: bool = False) -> None:
    """A legacy .xls: drawn as xlsx, converted by LibreOffice (sheet names and cell addresses survive)."""
    src = ctx.conv.source(path, ".xlsx")
    write_truth(path, truth, write_xlsx(src, sheets, landscape))


def docx(path: Path, truth: Truth, blocks: list[Block], landscape: bool = False) -> None:
    write_truth(path, truth, write_docx(path, blocks, landscape))


def pdf(path: Path, truth: Truth, blocks: list[Block], landscape: bool = False, spaced: bool = False) -> None:
    write_truth(path, truth, write_pdf(path, blocks, landscape, spaced_title=spaced))


def office_pdf(ctx: Ctx, path: Path, truth: Truth, blocks: list[Block], landscape: bool = False) -> None:
    """A Word file printed to PDF by LibreOffice. The blocks must fit on one page: every table is on 第1页."""
    src = ctx.conv.source(path, ".docx")
    locs = write_docx(src, blocks, landscape)
    write_truth(path, truth, {tag: ("第1页", table + cell) for tag, (table, cell) in locs.items()})
