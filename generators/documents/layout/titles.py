"""Breaking a long 标题 into a balanced shape (梯形 or 菱形) without splitting a word or a name.

There is no word segmenter here on purpose: titles of 公文 follow a narrow pattern (机关 + 关于 + 事由 + 的 +
文种), so a handful of boundary rules and the names the document itself contains are enough.
"""

from __future__ import annotations

import itertools
import math
import re

from generators.documents.layout.textfit import text_width

MAX_EM = 20.0  # 2号 (22 pt) characters on a 156 mm line
EXTRA_LINE = 20.0

_NO_LINE_START = set("，。、；：！？）》」』〕】”’…—·")
_NO_LINE_END = set("（《「『〔【“‘")
_DOC_KINDS = ("通知", "通报", "意见", "报告", "请示", "批复", "决定", "函", "方案", "总结", "纪要", "办法", "规定")
# Words of 公文 titles a line must not split (there is no segmenter: these and the document's own names).
_WORD_LIST = """
市场监督管理局 市场监管总局 市场监管局 检验检测 专项整治 专项行动 综合治理
实施方案 工作方案 指导意见 整治行动 治理行动 领域 执法 司法 工作总结
情况通报 监督管理 自治区 工作情况 有关事项 进一步 报送 开展 加强 印发
催报 统计 机构 行动 工作 情况 市场 监管 认可
"""
_WORDS = tuple(_WORD_LIST.split())
_GOOD_AFTER = {"关于": 2.0, "、": 1.0, "，": 1.0, "和": 3.0, "及": 3.0, "与": 3.0}
_ORG_END = set("局厅委会府院部办处室所区市省县旗司")


def break_title(title: str, names: tuple[str, ...] = (), max_em: float = MAX_EM) -> list[str]:
    """The title's lines. `names` (issuers, units) are never split."""
    title = title.strip()
    total = text_width(title)
    if total <= max_em:
        return [title]
    fewest = math.ceil(total / max_em)
    costs = _break_costs(title, names)
    best: tuple[float, tuple[int, ...]] | None = None
    # One line more than the fewest is allowed, at a price, when names would otherwise be split.
    for lines, extra in ((fewest, 0.0), (fewest + 1, EXTRA_LINE)):
        for cuts in _candidates(title, lines, costs):
            cost = _shape_cost(title, cuts, max_em) + sum(costs[c] for c in cuts) + extra
            if best is None or cost < best[0]:
                best = (cost, cuts)
    if best is None:  # nothing fits the constraints: fall back to plain filling
        return _fill(title, max_em)
    bounds = (0, *best[1], len(title))
    return [title[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _break_costs(title: str, names: tuple[str, ...]) -> list[float]:
    """Cost of breaking before character i (index 0 unused). math.inf where a break is forbidden."""
    n = len(title)
    costs = [8.0] * (n + 1)
    for i in range(1, n):
        before, after = title[i - 1], title[i]
        latin = before.isascii() and after.isascii() and not (before.isspace() or after.isspace())
        if after in _NO_LINE_START or before in _NO_LINE_END or latin:
            costs[i] = math.inf
            continue
        if title.startswith("关于", i) or before == " ":
            costs[i] = 0.0
        elif after == " ":
            costs[i] = 1.0
        elif (after == "的" and title[i + 1 :].startswith(_DOC_KINDS)) or before in _ORG_END:
            costs[i] = min(costs[i], 1.0 if after == "的" else 4.0)
        for word, cost in _GOOD_AFTER.items():
            if title[:i].endswith(word):
                costs[i] = min(costs[i], cost)
    for word in (*names, *_WORDS):
        for m in re.finditer(re.escape(word), title):
            for i in range(m.start() + 1, m.end()):
                costs[i] += 30.0 if word in names else 15.0
    for m in re.finditer(r"《[^》]*》|〔[^〕]*〕|“[^”]*”", title):
        for i in range(m.start() + 1, m.end()):
            costs[i] += 6.0
    return costs


def _candidates(title: str, lines: int, costs: list[float]) -> itertools.product:
    """Break positions near the even split, each allowed by `costs`."""
    n = len(title)
    windows = []
    for k in range(1, lines):
        ideal = round(n * k / lines)
        windows.append([i for i in range(max(1, ideal - 6), min(n, ideal + 7)) if costs[i] != math.inf])
    return (c for c in itertools.product(*windows) if all(a < b for a, b in itertools.pairwise(c)))


def _shape_cost(title: str, cuts: tuple[int, ...], max_em: float) -> float:
    bounds = (0, *cuts, len(title))
    widths = [text_width(title[a:b]) for a, b in itertools.pairwise(bounds)]
    if max(widths) > max_em:
        return math.inf
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    if not _balanced_shape(widths):
        cost += 25.0
    return cost


def _balanced_shape(widths: list[float]) -> bool:
    """Trapezoid (monotonic) or diamond (longest in the middle); never an hourglass."""
    pairs = list(itertools.pairwise(widths))
    if all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs):
        return True
    peak = widths.index(max(widths))
    return all(a <= b for a, b in pairs[:peak]) and all(a >= b for a, b in pairs[peak:])


def _fill(title: str, max_em: float) -> list[str]:
    lines, current = [], ""
    for ch in title:
        if text_width(current + ch) > max_em:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current]
