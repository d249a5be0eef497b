"""Plain-text summaries the commands print for a clerk."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from forms.issues import Issue
from parsers import explain
from parsers.cells import Document
from parsers.pipeline import Parsed
from parsers.recognise import Evidence, Guess
from parsers.results import Result, Return
from parsers.tables import whole

_STATUS = {"merged": "已汇总", "superseded": "已替代", "failed": "无法读取", "unrecognized": "无法识别"}
_SEVERITY = {"error": "错误", "warning": "提示"}
_SHOWN = 12  # issues listed in a parse summary; the JSON has them all
_FORMS_PER_TABLE = 3
_UNIT_FROM = {"表头": "表格上方的填报信息", "标题": "标题", "文件名": "文件名", "表内": "表内填写的单位"}


def merge_summary(result: Result, skipped: list[Path], output: Path | None) -> str:
    lines = []
    for fr in result.forms.values():
        line = f"{fr.title}：{len(fr.units_reported)} 个单位，{len(fr.records)} 条记录"
        if fr.missing_units:
            line += f"；缺报：{'、'.join(fr.missing_units)}"
        lines.append(line)
    counts = Counter(f.status for f in result.files)
    lines.append("文件：" + "，".join(f"{_STATUS[s]} {n}" for s, n in counts.items()))
    severities = Counter(i.severity for i in result.issues)
    lines.append(f"问题：错误 {severities['error']} 条，提示 {severities['warning']} 条")
    for f in result.files:
        if f.status in ("failed", "unrecognized"):
            lines.append(f"  {_STATUS[f.status]}：{f.path}（{f.message}）")
    if skipped:
        lines.append(f"跳过 {len(skipped)} 个非报表文件（如 {skipped[0].name}）")
    if output is not None:
        lines.append(f"汇总表已写入：{output}")
    return "\n".join(lines)


def nothing_merged(result: Result, skipped: list[Path]) -> str:
    """Why a merge wrote no 汇总表: file by file, what could not be read or recognised."""
    lines = ["没有可汇总的报表，未写出汇总表。"]
    if not result.files:
        lines.append("给出的路径中没有报表文件（.xlsx/.xls/.et/.docx/.doc/.wps/.pdf 等）。")
    for f in result.files:
        lines.append(f"  {f.path}：{_STATUS[f.status]}，{f.message or '没有填报任何数据'}")
    if skipped:
        names = "、".join(p.name for p in skipped[:3])
        lines.append(f"另有 {len(skipped)} 个文件不是报表格式，未读取（如 {names}）")
    lines.append("可用 huizong parse 文件 --explain 查看某个文件为何未被识别，或用 --form 指定报表。")
    return "\n".join(lines)


def parse_summary(parsed: Parsed, ret: Return) -> str:
    """What `huizong parse FILE` prints: form, unit, which table, records, issues by severity."""
    lines = [f"文件：{ret.path}"]
    if ret.status == "failed":
        lines.append(f"无法读取：{ret.message}")
        return "\n".join(lines)
    if ret.status == "unrecognized":
        lines.append(f"无法识别：{ret.message}")
        lines.append("可加 --explain 查看每个表格与各报表的比对，或用 --form 指定报表。")
        return "\n".join(lines)
    title = next((g.form.title for g in parsed.ranked if g.form.id == ret.form), None)
    lines.append(f"报表：{title or ret.form}（{ret.form}）")
    where = _UNIT_FROM.get(parsed.unit_from or "", "")
    lines.append(f"填报单位：{ret.unit}（取自{where}）" if ret.unit else "填报单位：未能确定")
    for used in parsed.used:
        lines.append(f"表格：{used.where}起，{used.records} 条记录")
    if not parsed.used:
        lines.append("表格：没有找到本表的表头")
    lines.append(f"记录：{len(ret.records)} 条")
    lines.extend(_issues(ret.issues))
    return "\n".join(lines)


def _issues(issues: Sequence[Issue]) -> list[str]:
    counts = Counter(i.severity for i in issues)
    lines = [f"问题：错误 {counts['error']} 条，提示 {counts['warning']} 条"]
    ordered = sorted(issues, key=lambda i: i.severity != "error")
    for i in ordered[:_SHOWN]:
        where = f"[{i.location}] " if i.location else ""
        lines.append(f"  {_SEVERITY[i.severity]} {where}{' '.join(i.message.split())}")  # one line per issue
    if len(ordered) > _SHOWN:
        lines.append(f"  ……另有 {len(ordered) - _SHOWN} 条，完整清单见 --json 输出")
    return lines


def explanation(doc: Document | None, parsed: Parsed) -> str:
    """`--explain`: for each table, the forms weighed with their scores and what matched; the decision."""
    if doc is None:
        return "说明：文件无法读取，没有可比对的表格。"
    ranked = parsed.ranked
    lines = ["比对过程（得分 = 标题 10 + 每个分组标题 4 + 每个表头 1）："]
    chosen = set(parsed.selection.chosen) if parsed.selection else set()
    for i, table in enumerate(doc.tables):
        _at, where = whole(table)
        mark = "（已选用）" if i in chosen and parsed.ret.form else ""
        lines.append(f"表格 {i + 1}：{where}{mark}")
        lines.extend(_table_forms([g.evidence[i] for g in ranked if i < len(g.evidence)]))
    if not doc.tables:
        lines.append("文件中没有表格；只比对了正文段落。")
    lines.append(_decision(parsed, ranked))
    return "\n".join(lines)


def _table_forms(evidence: list[Evidence]) -> list[str]:
    shown = sorted((e for e in evidence if e.score > 0), key=lambda e: -e.score)[:_FORMS_PER_TABLE]
    if not shown:
        return ["  与任何已知报表都对不上"]
    return [f"  {e.form.title}（{e.form.id}）得分 {e.score}：{explain.matched(e)}" for e in shown]


def _decision(parsed: Parsed, ranked: Sequence[Guess]) -> str:
    ret = parsed.ret
    if ret.status == "unrecognized":
        lines = ["结论：未能识别。"]
        for g in [g for g in ranked if g.score > 0][:_FORMS_PER_TABLE]:
            found, lacks = explain.matched(g), explain.missing(g)
            lines.append(f"  {g.form.title}（{g.form.id}）全文得分 {g.score}：找到 {found}；缺少 {lacks}")
        if len(lines) == 1:
            lines.append(f"  {explain.NOTHING}")
        return "\n".join(lines)
    head = next((g for g in ranked if g.form.id == ret.form), None)
    how = f"全文得分 {head.score}，{explain.matched(head)}" if head else "由 --form 指定"
    text = f"结论：按“{head.form.title if head else ret.form}”读取（{how}）"
    if parsed.selection:
        chosen = "、".join(f"表格 {i + 1}" for i in parsed.selection.chosen)
        text += f"；读取 {chosen}"
        if parsed.selection.excluded:
            left = "、".join(f"表格 {e.table + 1}" for e in parsed.selection.excluded)
            text += f"；未采用 {left}（不是本表的表格）"
    return text
