"""Roster returns (institution-roster) as Word files and PDFs."""

from __future__ import annotations

from samples.build import emit
from samples.build.data_roster import roster_recs
from samples.build.formdefs import form
from samples.build.grid import Block, Grid, Para
from samples.build.layout_list import by_section, full_widths, roster_table, section_block, section_table
from samples.build.returns_roster import FORM_ID, GAP, roster_truth
from samples.build.truth import Rec


def head(annex: str, meta: str) -> list[Block]:
    """附件N, the title and the meta line, as the annex of the notice prints them."""
    return [Para(annex, "heading"), Para(form(FORM_ID).title, "title"), Para(meta, "meta")]


def notes() -> list[Block]:
    return [Para(n, "note") for n in form(FORM_ID).notes]


def tables_per_section(recs: list[Rec]) -> list[Block]:
    """Each section under its heading paragraph, in a table of its own."""
    f = form(FORM_ID)
    blocks: list[Block] = []
    for section in f.sections:
        blocks.append(Para(section.heading, "heading"))
        blocks.append(section_table(f, section, by_section(recs, section.key)))
    return blocks


def _first_run(recs: list[Rec], domain: str, length: int) -> int:
    """Index of the first record starting `length` consecutive records of one section with this domain."""
    for i in range(len(recs) - length + 1):
        window = recs[i : i + length]
        if all(r.values["domain"] == domain and r.section == window[0].section for r in window):
            return i
    raise ValueError(f"no run of {length} × {domain}")


def one_table_merged_sections(ctx: emit.Ctx) -> None:
    """All four sections in one Word table, headings as merged rows, one 领域 cell covering three rows."""
    f, recs = form(FORM_ID), roster_recs("准格尔旗")
    runs = {_first_run(recs, "机动车检验", 3): 3}
    widths = full_widths(f)
    table = Grid(len(widths), widths)
    for section in f.sections:
        section_block(table, f, section, by_section(recs, section.key), runs=runs)
    blocks = [*head("附件1", f"所在旗区：准格尔旗{GAP}上报时间：2022年5月13日"), table, *notes()]
    truth = roster_truth("准格尔旗", recs, "2022-05-13", "准格尔旗")
    emit.docx(ctx.path("roster", "one-table-merged-sections.docx"), truth, blocks)


def table_per_section(ctx: emit.Ctx) -> None:
    """Four tables, the section headings as paragraphs between them."""
    recs = roster_recs("达拉特旗")
    blocks = [*head("附件", f"所在旗区：达拉特旗{GAP}上报时间：2022年5月16日"), *tables_per_section(recs), *notes()]
    truth = roster_truth("达拉特旗", recs, "2022-05-16", "达拉特旗")
    emit.docx(ctx.path("roster", "table-per-section.docx"), truth, blocks)


def unit_in_file_name(ctx: emit.Ctx) -> None:
    """The meta line left blank: only the file name says which 旗区 this is."""
    f, recs = form(FORM_ID), roster_recs("康巴什区")
    blocks = [*head("附件1", f"所在旗区：{GAP}{GAP}上报时间："), roster_table(f, recs), *notes()]
    truth = roster_truth("康巴什区", recs, None)
    emit.docx(ctx.path("roster", "附件1 康巴什区检验检测机构基本情况汇总表.docx"), truth, blocks)


def two_pages(ctx: emit.Ctx) -> None:
    """A long 第三方 table continued on page 2 (header row repeated), letter-spaced title."""
    f, recs = form(FORM_ID), roster_recs("准格尔旗")
    blocks: list[Block] = [Para(f.title, "title"), Para(f"所在旗区：准格尔旗{GAP}上报时间：2022年5月13日", "meta")]
    for section in f.sections:
        items = by_section(recs, section.key)
        table = section_table(f, section, items)
        table.repeat_header = 1
        if section.key == "third_party":
            table.breaks.add(1 + 8)  # page 2 starts at the ninth institution (header is row 0)
        blocks += [Para(section.heading, "heading"), table]
    blocks += notes()
    truth = roster_truth("准格尔旗", recs, "2022-05-13", "准格尔旗")
    emit.pdf(ctx.path("roster", "two-pages.pdf"), truth, blocks, spaced=True)


def printed_by_libreoffice(ctx: emit.Ctx) -> None:
    """A Word return printed to PDF by LibreOffice; it fits on one page."""
    recs = roster_recs("东胜区")
    blocks = [*head("附件", f"所在旗区：东胜区{GAP}上报时间：2022年5月12日"), *tables_per_section(recs), *notes()]
    truth = roster_truth("东胜区", recs, "2022-05-12", "东胜区")
    emit.office_pdf(ctx, ctx.path("roster", "libreoffice.pdf"), truth, blocks)


def build(ctx: emit.Ctx) -> None:
    for sample in (one_table_merged_sections, table_per_section, unit_in_file_name, two_pages, printed_by_libreoffice):
        sample(ctx)
