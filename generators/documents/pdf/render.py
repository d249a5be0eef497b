"""DocSpec → PDF with WeasyPrint, the 版记 measured onto the bottom of an even last page.

The 版记 needs to know where the text ends, which only layout can say: lay the document out once with the
版记 measured but taking no room, and shown (as a running element, templates/document.css) at the foot of the
page where the text ends when that page is even. When that page has room for it, that layout is the document;
when the page is odd, keep its pages and add the 版记's own page laid out alone (WeasyPrint's documented way of
joining documents, `Document.copy`); else lay it out again with the 版记 on its own even page (a blank page is
inserted by CSS `break-before: left`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from generators.documents.errors import RenderError
from generators.documents.layout import geometry as g
from generators.documents.layout.plan import Plan, plan
from generators.documents.model import DocSpec
from generators.documents.pdf import weasy
from generators.documents.pdf.fonts import font_configuration
from generators.documents.pdf.html import ImprintPlace, document_html, stylesheet
from generators.documents.pdf.layout import LEAD

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.document import Document, Page
    from weasyprint.text.fonts import FontConfiguration

PX_MM = 25.4 / 96  # WeasyPrint lays out in CSS pixels
FIT_SLACK = 0.05  # mm left under the 版记 so rounding never pushes it onto the next page


@dataclass(frozen=True, slots=True)
class Ending:
    """Where the text ends and how tall the 版记 is, from a first layout."""

    page: int  # 1-based page number holding the end of the text
    end_mm: float  # the text's bottom, mm from the top of the paper
    landscape: bool
    imprint_mm: float


# The warm stylesheet shares one FontConfiguration (fontconfig, Pango) between calls; the web service renders
# from worker threads, so renders take turns rather than share it concurrently.
_LOCK = threading.Lock()


def render_pdf(spec: DocSpec) -> bytes:
    p = plan(spec)
    with _LOCK:
        return _write(p)


def render_html(html: str, letter: bool = False, extra_css: str = "") -> bytes:
    """HTML made from a Plan (pdf.html.document_html), edited by hand, with the same stylesheet and fonts,
    and `extra_css` after it: how the samples of faulty PDFs for `doc check` are made."""
    weasyprint = weasy.load()
    css, fonts = _css(letter)
    sheets = [css] + ([weasyprint.CSS(string=extra_css, font_config=fonts)] if extra_css else [])
    with _LOCK:
        return weasyprint.HTML(string=html, base_url=".").render(stylesheets=sheets, font_config=fonts).write_pdf()


def _write(p: Plan) -> bytes:
    return _final(p)[0].write_pdf()


def final_html(spec: DocSpec) -> str:
    """The HTML of the PDF render_pdf makes, 版记 placed: for samples that spoil it before layout."""
    with _LOCK:
        return _final(plan(spec))[1]


def _final(p: Plan) -> tuple[Document, str]:
    if p.imprint is None:
        return _layout(p, "after-text")
    return _place_imprint(p, *_layout(p, "measured"))


def _place_imprint(p: Plan, first: Document, first_html: str) -> tuple[Document, str]:
    end = _ending(first)
    room = g.PAGE_H - g.BOTTOM - end.end_mm - FIT_SLACK
    fits = end.page % 2 == 0 and not end.landscape and room >= end.imprint_mm
    if fits and _imprint_page(first) == (len(first.pages), end.page):
        return first, first_html  # the running 版记 stands at that page's foot, under the text: the document
    # Own even page: it starts at the top of the page area, LEAD above the 版心 (see document.css).
    gap = LEAD + g.BLOCK_H - FIT_SLACK - end.imprint_mm
    if end.page % 2 and end.page == len(first.pages) and p.format != "letter":
        # The next page is even, so the text's pages are those of the first layout (where the 版记 took no
        # room): the 版记's page laid out alone follows them, and the whole document is laid out once, not twice.
        # (A letter's first-page rules would be drawn on a page laid out alone: it takes the long way.)
        alone = _layout(p, "alone", gap)[0]
        return first.copy([*first.pages, *alone.pages]), document_html(p, "own-page", gap)
    return _layout(p, "own-page", gap)


def _layout(p: Plan, imprint: ImprintPlace, gap: float = 0.0) -> tuple[Document, str]:
    weasyprint = weasy.load()
    html = document_html(p, imprint, gap)
    css, fonts = _css(p.format == "letter")
    try:
        return weasyprint.HTML(string=html, base_url=".").render(stylesheets=[css], font_config=fonts), html
    except Exception as exc:  # WeasyPrint raises many kinds; all mean the same to an official
        raise RenderError(f"生成 PDF 失败：{exc}") from exc


@lru_cache(maxsize=2)
def _css(letter: bool) -> tuple[CSS, FontConfiguration]:
    """Parsed stylesheet and its font configuration (system fonts and the Fandol folder), kept warm."""
    weasyprint = weasy.load()
    fonts = font_configuration()
    return weasyprint.CSS(string=stylesheet(letter), font_config=fonts), fonts


def _ending(document: Document) -> Ending:
    end = _find(document, "end-of-text")
    imprint = _find(document, "imprint", "data-measured")
    if end is None or imprint is None:
        raise RenderError("生成 PDF 失败：无法确定正文结束的位置")
    page_no, box, page = end
    return Ending(
        page=page_no,
        end_mm=box.position_y * PX_MM,
        landscape=page.width > page.height,
        imprint_mm=imprint[1].border_height() * PX_MM,
    )


def _imprint_page(document: Document) -> tuple[int, int] | None:
    """(page count, page holding the 版记)."""
    found = _find(document, "imprint")
    return (len(document.pages), found[0]) if found else None


def _find(document: Document, element_id: str, attribute: str = "id") -> tuple[int, object, Page] | None:
    """(1-based page, box, page) of the first box of the element whose `attribute` is `element_id`."""
    for number, page in enumerate(document.pages, 1):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if element is not None and element.get(attribute) == element_id and hasattr(box, "margin_height"):
                return number, box, page
            stack.extend(getattr(box, "children", ()))
    return None
