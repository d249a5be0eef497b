"""Plain-text summaries the commands print for a clerk."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from parsers.results import Result

_STATUS = {"merged": "已汇总", "superseded": "已替代", "failed": "无法读取", "unrecognized": "无法识别"}


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
