"""Why a file was read as it was, in a clerk's words: the forms weighed for each table, what matched, what was
missing. Used for an unrecognised file's message and by `huizong parse` / `--explain`."""

from __future__ import annotations

from collections.abc import Sequence

from forms.model import FormDef
from parsers.recognise import Evidence, Guess

NOTHING = "文件中没有找到任何已知报表的标题和表头"
_CLOSEST = 3


def field_labels(form: FormDef, ids: Sequence[str]) -> list[str]:
    order = {f.id: n for n, f in enumerate(form.fields)}
    by_id = {f.id: f.label for f in form.fields}
    ordered = sorted(ids, key=lambda i: order.get(i, len(order)))  # the form's order; row keys (食品) last
    return [by_id.get(i, i) for i in ordered]


def matched(e: Evidence | Guess) -> str:
    """What one table (or the document) showed of a form: 标题“…”；分组 …；表头 序号、机构名称."""
    parts = []
    if isinstance(e, Evidence):
        if e.title:
            parts.append(f"标题“{_line(e.title)}”")
        if e.sections:
            headings = [s.heading for s in e.form.sections if s.key in e.sections]
            parts.append("分组 " + "、".join(_line(h) for h in headings))
        if e.headers:
            parts.append("表头 " + "、".join(field_labels(e.form, e.headers)))
    else:
        if e.title:
            parts.append(f"标题“{_line(e.title_text or e.form.title)}”")
        if e.sections:
            parts.append(f"{e.sections} 个分组标题")
        if e.header_ids:
            parts.append("表头 " + "、".join(field_labels(e.form, e.header_ids)))
    return "；".join(parts) or "无"


def missing(g: Guess) -> str:
    """What a form still lacked to be recognised."""
    lacks = []
    if not g.title and not g.sections:
        lacks.append(f"标题“{g.form.title}”")
    if g.headers < 2 or (not g.title and not g.sections and g.headers < g.needed):
        need = 2 if (g.title or g.sections) else g.needed
        lacks.append(f"表头只对上 {g.headers} 个，至少要 {need} 个")
    return "、".join(lacks)


def not_recognised(ranked: Sequence[Guess]) -> str:
    """The reason an unrecognised file gets: the closest forms and what they missed."""
    close = [g for g in ranked if g.score > 0][:_CLOSEST]
    if not close:
        return NOTHING
    tied = [g for g in ranked if g.convincing]
    if len(tied) > 1 and tied[0].score == tied[1].score:
        names = "、".join(f"“{g.form.title}”" for g in tied[:2])
        return f"文件同样像 {names}，无法确定是哪一张，请用 --form 指定"
    head = close[0]
    text = f"最接近“{head.form.title}”（找到：{matched(head)}；缺少：{missing(head)}）"
    if len(close) > 1:
        text += "；其次：" + "、".join(f"“{g.form.title}”" for g in close[1:])
    return text


def _line(text: str) -> str:
    return " ".join(text.split("\n", 1)[0].split())
