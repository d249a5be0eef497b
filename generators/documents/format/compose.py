"""一键排版: a draft's recognised parts made into a document spec, every normalisation listed.

formatted = format_draft(Path("草稿.docx"), Options(date=…))   # spec (render it) + changes
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generators.documents.format import normalise as nz
from generators.documents.format.drafts import Draft, DraftError, read_draft
from generators.documents.model import DocSpec, Format
from generators.documents.reading import patterns as pt
from generators.documents.reading.blocks import Block
from generators.documents.reading.structure import Outline, Part, recognise

_WIDE = re.compile(r"\t+|\s{2,}|\u3000{2,}")
_LIST_SPLIT = re.compile(r"[，,、；;]+")


@dataclass(frozen=True, slots=True)
class Options:
    issuer_mark: str | None = None
    number: str | None = None
    date: dt.date | None = None
    format: Format | None = None
    seal: bool = False


@dataclass
class Formatted:
    spec: DocSpec
    changes: list[nz.Change] = field(default_factory=list)


def format_draft(path: Path, options: Options | None = None, today: dt.date | None = None) -> Formatted:
    return compose(read_draft(path), options or Options(), today or dt.date.today())


def compose(draft: Draft, options: Options, today: dt.date) -> Formatted:
    outline = recognise(draft.blocks)
    c = _Composer(draft, outline, options, today)
    return c.run()


class _Composer:
    def __init__(self, draft: Draft, outline: Outline, options: Options, today: dt.date) -> None:
        self.draft, self.outline, self.options, self.today = draft, outline, options, today
        self.changes: list[nz.Change] = []
        self.spec: dict = {}

    def where(self, b: Block) -> str:
        return f"第{b.paragraph}{self.draft.unit}" if b.paragraph else "页眉"

    def note(self, b: Block | str, what: str, before: str, after: str) -> None:
        if before != after:
            where = b if isinstance(b, str) else self.where(b)
            self.changes.append(nz.Change(where, what, before, after))

    def text(self, b: Block, text: str | None = None, what: str = "标点改为全角") -> str:
        raw = (text if text is not None else b.text).strip()
        out = nz.punctuation(raw)
        self.note(b, what, raw, out)
        return out

    # -------------------------------------------------------------------------------------------------
    def run(self) -> Formatted:
        self._layout_notes()
        self._head()
        self._title()
        self._to()
        self._body()
        self._closing()
        self._attachments()
        self._imprint()
        self._format()
        try:
            spec = DocSpec.model_validate(self.spec)
        except ValidationError as exc:
            err = exc.errors()[0]
            message = str(err["ctx"]["error"]) if err["type"] == "value_error" and "ctx" in err else err["msg"]
            raise DraftError(f"草稿排版后仍不完整（{'.'.join(map(str, err['loc']))}）：{message}") from exc
        return Formatted(spec, self.changes)

    def _layout_notes(self) -> None:
        indented = [b for b in self.draft.blocks if b.extra.get("lead")]
        if indented:
            where = f"第{indented[0].paragraph}{self.draft.unit}等{len(indented)}处"
            self.changes.append(
                nz.Change(where, "删除行首用于缩进的空格（缩进按标准重排）", "行首空格", "首行缩进二字")
            )
        for a, b in self.draft.joined:
            self.changes.append(nz.Change(f"第{a}—{b}行", "硬回车断开的一段连成一段", f"{b - a + 1}行", "1段"))

    # -- 版头 ---------------------------------------------------------------------------------------------
    def _head(self) -> None:
        o = self.outline
        for kind in ("copy_no", "secrecy", "urgency"):
            part = o.one(kind)
            if part is not None:
                text = _chunks(part.text)[0] if kind == "copy_no" else part.text.strip()
                self.spec[kind] = text
        marks = [p.text.strip() for p in o.of("mark")]
        if any(p.first.table for p in o.of("mark")):
            rows = o.of("mark")[0].first.extra.get("rows") or []
            marks = [n for r in rows for cell in r for n in cell.split("\n") if n.strip()]
        if self.options.issuer_mark:
            marks = [m for m in re.split(r"[、，,]", self.options.issuer_mark) if m.strip()]
        if marks:
            # Joint issuers: their names, then 文件 on its own (the spec carries it on the last name).
            suffix = next((m for m in marks if m in ("文件", "纪要")), "")
            names = [m for m in marks if m not in ("文件", "纪要")]
            self.spec["issuer_mark"] = [*names[:-1], names[-1] + suffix] if names else marks
        self._number(o.one("number"))
        self._signers(o.of("signers"))

    def _number(self, part: Part | None) -> None:
        if self.options.number:
            self.spec["number"] = self.options.number
            return
        if part is None:
            return
        raw = next((c for c in _chunks(part.text) if "号" in c or "期" in c), _chunks(part.text)[0])
        if pt.ISSUE_NUMBER.match(raw.replace(" ", "")):
            self.spec["number"] = raw.replace(" ", "")
            return
        normal = nz.doc_number(raw)
        if normal is None:
            hint = "应为 机关代字〔年份〕序号号，请用 --number 给出"
            raise DraftError(f"{self.where(part.first)}的发文字号“{raw}”无法识别（{hint}）")
        self.note(part.first, "发文字号改为标准写法（六角括号、不编“第”、不编虚位）", raw, normal)
        self.spec["number"] = normal

    def _signers(self, parts: list[Part]) -> None:
        names: list[str] = []
        for p in parts:
            after = pt.SIGNERS.split(p.text, maxsplit=1)[-1] if pt.SIGNERS.search(p.text) else ""
            chunks = _chunks(p.text)
            tail = [c for c in chunks[1:] if not pt.SIGNERS.search(c)] if not after else []
            names += [n for n in re.split(r"[\s\u3000、，,]+", after) if n] + tail
        if names:
            self.spec["signers"] = names

    # -- 标题, 主送 ------------------------------------------------------------------------------------------
    def _title(self) -> None:
        part = self.outline.one("title")
        if part is None:
            raise DraftError("没有在草稿中找到标题：标题应在版头之后单独成行（如“关于……的通知”），放在正文之前")
        raw = "".join(b.text.strip() for b in part.blocks).replace("\n", "")
        cleaned = raw.rstrip("。.，,；;：:")
        out = nz.punctuation(cleaned)
        self.note(part.first, "标题去掉末尾标点、标点改为全角", raw, out)
        self.spec["title"] = out

    def _to(self) -> None:
        part = self.outline.one("to")
        if part is not None:
            raw = part.text.strip()
            out = nz.punctuation(raw.rstrip("：:")) + "："
            self.note(part.first, "主送机关以全角冒号结尾", raw, out)
            self.spec["to"] = out.rstrip("：")

    # -- 正文 ----------------------------------------------------------------------------------------------
    def _body(self) -> None:
        parts = [p for p in self.outline.parts if p.kind in ("body", "heading", "table", "caption")]
        self.spec["body"] = self._items(parts)

    def _items(self, parts: list[Part]) -> list:
        headings = _promote_stray_first(_headings(parts))
        levels = nz.heading_levels(list(headings.values()))
        numbered = {h.index: (level, value) for h, level, value in nz.renumber(list(headings.values()), levels)}
        items: list = []
        text: list[str] = []
        heading: str | None = None
        for i, p in enumerate(parts):
            if p.kind == "table" and p.first.extra.get("rows"):
                if text:
                    items.append("\n".join(text))
                    text = []
                items.append(_table(p.first.extra["rows"], heading))
                heading = None
                continue
            following = parts[i + 1] if i + 1 < len(parts) else None
            if p.kind == "caption" and following is not None and following.first.extra.get("rows"):
                heading = self.text(p.first)  # the line above a table is its heading
                continue
            if i in headings:
                h = headings[i]
                level, value = numbered[i]
                number = pt.standard_number(level, value)
                rest = nz.punctuation(h.rest.strip())
                out = number + rest
                typed_rest = p.text.strip()[len(h.typed.strip()) :].lstrip(" \u3000、．.，,")
                if number != h.typed.strip():
                    what = "层次序号改为标准写法" if level == h.level else f"层次序号改为第{level}层的标准写法"
                elif h.typed != h.typed.rstrip():
                    what = "删除序号后的空格"
                else:
                    what = "标点改为全角"
                if rest != typed_rest and what != "标点改为全角":
                    what += "，标点改为全角"
                self.note(p.first, what, p.text.strip(), out)
                text.append(out)
            else:
                text.append(self.text(p.first))
        if text:
            items.append("\n".join(text))
        return items

    # -- 附件说明, 署名, 成文日期, 附注 ------------------------------------------------------------------
    def _closing(self) -> None:
        o = self.outline
        note = o.one("attachment_note")
        if note is not None:
            self.spec["attachments"] = self._attachment_names(note)
        self.spec["signature"] = [n for p in o.of("signature") for n in _chunks(p.text)]
        date = o.one("date")
        if self.options.date:
            self.spec["date"] = self.options.date.isoformat()
        elif date is not None:
            raw = date.text.strip()
            day = pt.parse_day(raw)
            self.note(date.first, "成文日期改为阿拉伯数字标全年月日、不编虚位", raw, pt.cn_day(day))
            self.spec["date"] = day.isoformat()
        else:
            self.spec["date"] = self.today.isoformat()
            self.changes.append(nz.Change("成文日期", "草稿没有成文日期，填为今天", "", pt.cn_day(self.today)))
        self.spec["seal"] = self.options.seal
        remark = o.one("note")
        if remark is not None:
            raw = remark.text.strip()
            body = pt.NOTE.match(raw)["text"] if pt.NOTE.match(raw) else raw
            self.spec["note"] = nz.punctuation(body)
            self.note(remark.first, "附注用全角圆括号括入", raw, f"（{self.spec['note']}）")
        for p in o.of("attendance"):
            label, _, names = p.text.replace(":", "：").partition("：")
            key = {"出席": "present", "请假": "absent", "列席": "observers"}[re.sub(r"\s+", "", label)]
            self.spec[key] = [n for n in re.split(r"[，,、]", nz.punctuation(names)) if n.strip()]

    def _attachment_names(self, part: Part) -> list[str]:
        names = []
        for b in part.blocks:
            line = pt.ATTACHMENT_NOTE.sub("", b.text.strip())
            for item in re.split(r"(?<=\S)\s*(?=\d{1,2}\s*[.．、])", line):
                name = re.sub(r"^\d{1,2}\s*[.．、]\s*", "", item).strip().rstrip("。.；;，,")
                if name:
                    names.append(nz.punctuation(name))
        raw = "".join(b.text for b in part.blocks)
        self.note(part.first, "附件说明按标准编号（“1．”），名称后不加标点", raw, "；".join(names))
        return names

    # -- 附件 ----------------------------------------------------------------------------------------------
    def _attachments(self) -> None:
        names = list(self.spec.get("attachments") or [])
        pages = []
        for k, page in enumerate(self.outline.attachments):
            titles = [p for p in page if p.kind == "attachment_title"]
            title = "".join(b.text.strip() for p in titles for b in p.blocks) or (names[k] if k < len(names) else "")
            body_parts = [_as_body(p) for p in page if p.kind in ("attachment_body", "table")]
            items = self._items(body_parts)
            tables = [i for i in items if not isinstance(i, str)]
            body = "\n".join(i for i in items if isinstance(i, str))
            pages.append({"title": nz.punctuation(title or f"附件{k + 1}"), "body": body or None, "tables": tables})
        if not pages:
            return
        for k, page in enumerate(pages):
            if k < len(names):
                page["title"] = names[k]
        extra = [{"title": n} for n in names[len(pages) :]]
        self.spec["attachments"] = [{k: v for k, v in p.items() if v} for p in pages] + extra

    # -- 版记 ----------------------------------------------------------------------------------------------
    def _imprint(self) -> None:
        cc = self.outline.one("cc")
        if cc is not None:
            raw = cc.text.strip()
            body = re.sub(r"^抄\s*送\s*[：:]\s*", "", raw).rstrip("。.")
            self.spec["cc"] = [n.strip() for n in _LIST_SPLIT.split(nz.punctuation(body)) if n.strip()]
            self.note(cc.first, "抄送机关之间用逗号、末尾用句号", raw, f"抄送：{'，'.join(self.spec['cc'])}。")
        printed = self.outline.one("printed")
        if printed is not None:
            text = re.sub(r"\s+", " ", printed.text.replace("\t", " ").replace("\u3000", " ")).strip()
            m = re.match(r"^(?P<by>.*?)\s*(?P<on>\S+?)\s*印\s*发$", text)
            if m and pt.parse_day(m["on"]):
                self.spec["printed_by"] = m["by"].strip() or None
                self.spec["printed_on"] = pt.parse_day(m["on"]).isoformat()

    def _format(self) -> None:
        if self.options.format:
            self.spec["format"] = self.options.format
            return
        marks = self.spec.get("issuer_mark") or []
        if marks and marks[-1].endswith("纪要"):
            self.spec["format"] = "minutes"
        elif marks and not marks[-1].endswith("文件") and "函" in (self.spec.get("number") or ""):
            self.spec["format"] = "letter"


def _as_body(p: Part) -> Part:
    """An attachment page's line as a part of a 正文 (a heading when it opens with a number)."""
    if p.kind == "table":
        return p
    number = pt.heading_number(p.text)
    return Part("heading" if number else "body", p.blocks, number)


def _chunks(text: str) -> list[str]:
    return [c.strip() for c in _WIDE.split(text.strip()) if c.strip()] or [text.strip()]


def _headings(parts: list[Part]) -> dict[int, nz.Heading]:
    out = {}
    for i, p in enumerate(parts):
        if p.kind != "heading":
            continue
        number = p.numbering or pt.heading_number(p.text)
        if number is None:
            continue
        text = p.text.strip()
        rest = text[len(number.text.strip()) :] if text.startswith(number.text.strip()) else text[len(number.text) :]
        standalone = not re.search(r"[。！？]", rest[:-1]) and len(rest) <= 40
        out[i] = nz.Heading(i, number.level, number.value, number.text, rest.lstrip(" \u3000、．.，,"), standalone)
    return out


def _promote_stray_first(headings: dict[int, nz.Heading]) -> dict[int, nz.Heading]:
    """“1、总体要求” standing where “一、” belongs (the next level-1 heading is 二、) is that level-1 heading."""
    items = sorted(headings.items())
    firsts = [h for _, h in items if h.level == 1]
    if not firsts or firsts[0].value != 2:
        return headings
    for i, h in items:
        if h.index >= firsts[0].index:
            break
        if h.level in (3, 4) and h.value == 1 and h.standalone:
            headings = dict(headings)
            headings[i] = nz.Heading(h.index, 1, 1, h.typed, h.rest, True)
            break
    return headings


def _table(rows: list[list[str]], heading: str | None) -> dict:
    width = max(len(r) for r in rows)
    norm = [[nz.punctuation(c.strip()) for c in r] + [""] * (width - len(r)) for r in rows]
    out = {"columns": norm[0], "rows": norm[1:] or [[""] * width]}
    if heading:
        out["heading"] = heading
    return out
