"""The Plan as HTML + CSS for WeasyPrint (templates/document.html.j2 and templates/document.css)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import jinja2
from markupsafe import Markup, escape

from generators.documents.chart import draw
from generators.documents.layout import geometry as g
from generators.documents.layout.body import heading_level
from generators.documents.layout.fonts import FACES, coverage, css_family
from generators.documents.layout.plan import Plan, table_size
from generators.documents.layout.textfit import todo_segments
from generators.documents.layout.user_cache import cache_dir
from generators.documents.model import Chart, Table
from generators.documents.pdf import layout as pdf_layout

TEMPLATES = Path(__file__).parent / "templates"
ImprintPlace = Literal["after-text", "own-page", "measured", "alone"]


# Pango follows UAX #14, where “ ” ‘ ’ glue to both neighbours (they are ambiguous in Western text); in
# Chinese a line may break before an opening and after a closing quote, so offer a zero-width break there.
_QUOTE_BREAKS = str.maketrans({"“": "\u200b“", "‘": "\u200b‘", "”": "”\u200b", "’": "’\u200b"})


def fallback_spans(text: str, face: str) -> Markup:
    """Escape `text`, wrapping characters the Fandol face lacks so the Noto fallback keeps the line grid."""
    have = coverage(face)
    out: list[str] = []
    start = 0  # where the current run (covered or not) began; runs are escaped whole, not char by char
    lacking = False
    text = text.translate(_QUOTE_BREAKS)
    for i, ch in enumerate(text):
        lacks = not (ord(ch) in have or ch.isspace() or ch == "\u200b")
        if lacks != lacking:
            out.append(_run(text[start:i], lacking))
            start, lacking = i, lacks
    out.append(_run(text[start:], lacking))
    return Markup("".join(out))


def _run(text: str, lacking: bool) -> str:
    if not text:
        return ""
    return f'<span class="fb">{escape(text)}</span>' if lacking else str(escape(text))


def marked(text: str, face: str) -> Markup:
    """Like fallback_spans, with notes in 【】 left for the official highlighted."""
    return Markup("").join(
        Markup('<span class="todo">{}</span>').format(fallback_spans(seg, face)) if todo else fallback_spans(seg, face)
        for seg, todo in todo_segments(text)
    )


@dataclass(frozen=True, slots=True)
class Figure:
    uri: str  # the PNG as a data: URL
    width_mm: float
    height_mm: float
    height_pt: float  # the whole grid lines it takes


def figure(chart: Chart) -> Figure:
    picture = draw(chart)
    uri = "data:image/png;base64," + base64.b64encode(picture.png).decode("ascii")
    return Figure(uri, picture.width_mm, picture.height_mm, g.figure_lines(picture.height_mm) * g.LINE_PT)


def col_widths(t: Table) -> list[float]:
    total = sum(t.widths)
    return [round(100 * w / total, 2) for w in t.widths]


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The page templates compiled once and kept between runs (jinja2's own bytecode cache, checked against
    the template's source and the Python version): compiling them was a tenth of a clerk's `doc render`. A cache
    that cannot be written is skipped."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def _compiled_templates() -> jinja2.BytecodeCache | None:
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["j2"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_compiled_templates(),
    )
    env.filters.update(
        fb=fallback_spans,
        mk=marked,
        pitch=lambda em: round(em * g.CHAR_PITCH_PT, 2),
        table_size=table_size,
        col_widths=col_widths,
        is_heading=lambda text: heading_level(text) > 0,
        figure=figure,
    )
    return env


@lru_cache(maxsize=2)
def stylesheet(letter: bool) -> str:
    template = _env().get_template("document.css")  # not autoescaped: select_autoescape names .j2 only
    families = {key: Markup(css_family(key)) for key in FACES}
    return template.render(g=g, box=pdf_layout.page_box(), fam=families, letter=letter)


def document_html(p: Plan, imprint: ImprintPlace = "after-text", imprint_gap: float = 0.0) -> str:
    """The document's HTML, the 版记 where `imprint` says (templates/document.html.j2)."""
    return (
        _env()
        .get_template("document.html.j2")
        .render(
            plan=p,
            head=pdf_layout.head(p),
            box=pdf_layout.page_box(),
            imprint=imprint,
            imprint_gap=imprint_gap,
        )
    )
