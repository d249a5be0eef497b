"""The parts of a 公文 recognised in its blocks, from the text first and the look where the text is silent:
版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), 标题 (one or more lines), 主送机关, the 正文
with its headings, 附件说明, 出席/请假/列席, 署名, 成文日期, 附注, the 附件 pages and the 版记."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generators.documents.reading import patterns as pt
from generators.documents.reading.blocks import Block

HEAD_KINDS = ("copy_no", "secrecy", "urgency", "mark", "number", "signers")
_SENTENCE_END = re.compile(r"[。！？；;!?]$")
_ATTENDANCE = re.compile(r"^(出\s*席|请\s*假|列\s*席)\s*[：:]")


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # copy_no secrecy urgency mark number signers title to body heading table attachment_note
    # attendance signature date note attachment_label attachment_title attachment_body cc printed
    blocks: tuple[Block, ...]
    numbering: pt.Numbering | None = None  # headings: the number as typed

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.blocks)

    @property
    def first(self) -> Block:
        return self.blocks[0]


@dataclass(frozen=True, slots=True)
class Outline:
    parts: tuple[Part, ...]
    attachments: tuple[tuple[Part, ...], ...] = field(default_factory=tuple)  # each 附件's parts

    def of(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]

    def one(self, kind: str) -> Part | None:
        found = self.of(kind)
        return found[0] if found else None

    @property
    def every(self) -> list[Part]:
        return [*self.parts, *(p for att in self.attachments for p in att)]


def recognise(blocks: list[Block]) -> Outline:
    items = [b for b in blocks if b.text.strip()]
    head, i = _head(items)
    tail, end = _imprint(items, i)
    title, i = _title(items, i, end)
    to, i = _to(items, i, end, bool(title))
    attachments, end_main = _attachments(items, i, end)
    closing, body_end = _closing(items, i, end_main)
    body = [
        _body_part(b, items[k + 1] if k + 1 < len(items) else None) for k, b in enumerate(items) if i <= k < body_end
    ]
    parts = (*head, *title, *to, *body, *closing, *tail)
    return Outline(tuple(parts), attachments)


# -- 版头 --------------------------------------------------------------------------------------------------
def _head(items: list[Block]) -> tuple[list[Part], int]:
    parts: list[Part] = []
    i = 0
    while i < len(items):
        kinds = _head_kinds(items[i], items[i + 1] if i + 1 < len(items) else None, parts)
        if not kinds:
            break
        parts += [Part(k, (items[i],)) for k in kinds]
        i += 1
    return parts, i


def _head_kinds(b: Block, nxt: Block | None, before: list[Part]) -> list[str]:
    t = _plain(b.text)
    seen = {p.kind for p in before}
    if pt.COPY_NO.match(t):
        return ["copy_no"]
    m = re.match(r"^(\d{6})\s+(.+)$", t)  # 信函: 份号 and 发文字号 on one line
    if m and pt.DOC_NUMBER.match(_plain(m[2])):
        return ["copy_no", "number"]
    if pt.SECRECY.match(t):
        return ["secrecy"]
    if pt.URGENCY.match(t):
        return ["urgency"]
    if "number" not in seen and ("mark" not in seen or (before[-1].kind == "mark" and b.red)) and _is_mark(b, nxt):
        return ["mark"]  # joint issuers' names (and 文件) may be several red blocks
    first = _chunks(t)[0] if _chunks(t) else ""
    if "number" not in seen and (pt.DOC_NUMBER.match(first) or pt.ISSUE_NUMBER.match(first)):
        return ["number", "signers"] if len(_chunks(t)) > 1 or pt.SIGNERS.search(t) else ["number"]
    if seen & {"mark", "number"} and pt.SIGNERS.search(t):
        return ["signers"]
    return []


def _chunks(t: str) -> list[str]:
    """A line's pieces set apart by tabs or wide spaces (发文字号 … 签发人：…)."""
    return [c for c in re.split(r"\t+|\s{2,}|\u3000{2,}", t) if c.strip()]


def _is_mark(b: Block, nxt: Block | None) -> bool:
    t = _plain(b.text)
    if b.table:  # joint issuers: their names stacked in a table, 文件 at the right
        rows = b.extra.get("rows") or []
        return len(rows) <= 2 and any(r and r[-1].strip() in ("文件", "纪要") for r in rows)
    if b.red and len(t) <= 40:
        return True
    if pt.MARK.match(t) and not _SENTENCE_END.search(t) and "关于" not in t:
        return True
    # A letter's mark is the issuer's name alone, followed by its 发文字号.
    nxt_text = _plain(nxt.text) if nxt else ""
    return pt.looks_like_org(t) and bool(pt.DOC_NUMBER.match(nxt_text) or re.match(r"^\d{6}\s", nxt_text))


# -- 标题, 主送 ----------------------------------------------------------------------------------------------
def _title(items: list[Block], i: int, end: int) -> tuple[list[Part], int]:
    if i >= end:
        return [], i
    lines = []
    j = i
    while j < end and len(lines) < 4 and _title_line(items[j], lines):
        lines.append(items[j])
        j += 1
        if pt.doc_kind_ending(_plain(lines[-1].text)):
            break
    if lines and not any(_is_title_text(_plain("".join(b.text for b in lines)), b) for b in lines[:1]):
        lines = []
    if not lines:
        return [], i
    return [Part("title", tuple(lines))], j


def _title_line(b: Block, so_far: list[Block]) -> bool:
    t = _plain(b.text)
    if not t or _SENTENCE_END.search(t) or t.endswith(("：", ":")) or pt.heading_number(t):
        return False
    if len(t) > 100 or b.table:
        return False
    if so_far:
        prev = so_far[0]
        if prev.align and b.align and prev.align != b.align:
            return False
        if prev.sizes and b.sizes and prev.sizes != b.sizes:
            return False
    return True


def _is_title_text(text: str, b: Block) -> bool:
    centred_big = b.align == "center" and any(s >= 17 for s in b.sizes)
    return centred_big or "关于" in text or pt.doc_kind_ending(text)


def _to(items: list[Block], i: int, end: int, after_title: bool) -> tuple[list[Part], int]:
    if i >= end or not after_title:
        return [], i
    t = _plain(items[i].text)
    if t.endswith(("：", ":")) and len(t) <= 120 and "。" not in t and not pt.heading_number(t):
        return [Part("to", (items[i],))], i + 1
    return [], i


# -- the end: 附件 pages, 署名 and 成文日期, 版记 -----------------------------------------------------------------
def _imprint(items: list[Block], start: int) -> tuple[list[Part], int]:
    """The 版记 lines at the very end (抄送, 印发); their start index."""
    parts: list[Part] = []
    j = len(items)
    while j > start:
        t = _plain(items[j - 1].text)
        if pt.CC.match(t):
            parts.insert(0, Part("cc", (items[j - 1],)))
        elif t.endswith("印发") and (pt.PRINTED.match(t) or len(t) <= 60):
            parts.insert(0, Part("printed", (items[j - 1],)))
        else:
            break
        j -= 1
    return parts, j


def _attachments(items: list[Block], start: int, end: int) -> tuple[tuple[tuple[Part, ...], ...], int]:
    """附件 pages: from a line “附件” / “附件2” standing alone after the 成文日期, each up to the next label."""
    dated = [k for k in range(start, end) if pt.parse_day(_plain(items[k].text))]
    if not dated:
        return (), end
    labels = [k for k in range(dated[0] + 1, end) if pt.ATTACHMENT_LABEL.match(_plain(items[k].text))]
    if not labels:
        return (), end
    pages = []
    for n, k in enumerate(labels):
        stop = labels[n + 1] if n + 1 < len(labels) else end
        pages.append(_attachment_page(items[k:stop]))
    return tuple(pages), labels[0]


def _attachment_page(blocks: list[Block]) -> tuple[Part, ...]:
    label, rest = blocks[0], blocks[1:]
    title, j = _title(rest, 0, len(rest))
    if not title and rest and not rest[0].table and len(_plain(rest[0].text)) <= 40:
        title, j = [Part("attachment_title", (rest[0],))], 1
    title = [Part("attachment_title", p.blocks) for p in title]
    body = [Part("table" if b.table else "attachment_body", (b,)) for b in rest[j:]]
    return (Part("attachment_label", (label,)), *title, *body)


def _closing(items: list[Block], start: int, end: int) -> tuple[list[Part], int]:
    """附件说明, attendance, 署名, 成文日期, 附注 at the end of the main text; where the body ends."""
    k = end
    tail: list[Part] = []
    if (
        k > start
        and pt.NOTE.match(_plain(items[k - 1].text))
        and k - 1 > start
        and pt.parse_day(_plain(items[k - 2].text))
    ):
        tail.insert(0, Part("note", (items[k - 1],)))
        k -= 1
    if k > start and pt.parse_day(_plain(items[k - 1].text)):
        tail.insert(0, Part("date", (items[k - 1],)))
        k -= 1
        names = 0
        while k > start and names < 3 and _signature_line(items[k - 1]):
            tail.insert(0, Part("signature", (items[k - 1],)))
            k -= 1
            names += 1
    while k > start and _ATTENDANCE.match(_plain(items[k - 1].text)):
        tail.insert(0, Part("attendance", (items[k - 1],)))
        k -= 1
    note_start = _attachment_note_start(items, start, k)
    if note_start is not None:
        tail[:0] = [Part("attachment_note", tuple(items[note_start:k]))]
        k = note_start
    return tail, k


def _signature_line(b: Block) -> bool:
    t = _plain(b.text)
    names = [n for n in re.split(r"\s{2,}|\u3000+", t) if n]
    return bool(names) and all(pt.looks_like_org(n) for n in names)


def _attachment_note_start(items: list[Block], start: int, end: int) -> int | None:
    """The 附件说明: a line opening with 附件： and the numbered lines after it."""
    for k in range(end - 1, max(start, end - 30) - 1, -1):
        t = _plain(items[k].text)
        if pt.ATTACHMENT_NOTE.match(t):
            following = [_plain(b.text) for b in items[k + 1 : end]]
            if all(re.match(r"^\d{1,2}\s*[.．、]", f) for f in following):
                return k
            return None
    return None


# -- 正文 --------------------------------------------------------------------------------------------------
_CAPTION = re.compile(r"^[图表]\s*\d+")


def _body_part(b: Block, nxt: Block | None) -> Part:
    if b.table:
        return Part("table", (b,))
    if b.align == "center" and (_CAPTION.match(_plain(b.text)) or (nxt is not None and nxt.table)):
        return Part("caption", (b,))  # a figure's caption, a table's heading: not the 正文
    number = pt.heading_number(b.text)
    return Part("heading", (b,), number) if number else Part("body", (b,))


def _plain(text: str) -> str:
    return text.strip().strip("\u3000").strip()
