"""Which reporting unit a return is from: canonical names, matching to the expected list, file names."""

from __future__ import annotations

import re
from pathlib import PurePath

from forms.types import squash

_SUFFIXES = ("市场监督管理分局", "市场监督管理局", "市场监管分局", "市场监管局", "市监局", "分局")
_NOISE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]|盖章|填报单位|报送单位")
_PLACE = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|新区|区|县|旗|市|盟|州|省|自治区))")
_FILE_NOISE = re.compile(
    r"附件\s*\d*|修改稿|修订稿|更正版?|最新版?|最终版?|终稿|定稿|[vV]\d+|\d{6,8}|报送|上报|填报|数据|[-_—\s.、，,]+"
)


def clean(raw: str) -> str:
    return _NOISE.sub("", squash(raw)).strip("：:")


# What a neighbour label or a blank template leaves where a unit's name should be: 单位：元 / （公章） / {{company}}.
_MEASURES = frozenset(
    {"元", "万元", "千元", "亿元", "百元", "个", "家", "人", "件", "户", "次", "家次", "吨", "千克", "公斤", "公里"}
    | {"米", "平方米", "台", "套", "份", "项", "%", "％"}
)
_CROSSES = re.compile(r"^[xX×*＊]{2,}")


def _template(name: str) -> bool:
    """{{company}}, ${name} or XX. Found with str.find: a regex `\\{\\{.*\\}\\}` is quadratic on many {{."""
    for opening, closing in (("{{", "}}"), ("${", "}")):
        start = name.find(opening)
        if start >= 0 and name.find(closing, start + len(opening)) >= 0:
            return True
    return bool(_CROSSES.match(name))


def usable(raw: str) -> bool:
    """Whether a meta value can name a reporting unit: not empty once 盖章/brackets are gone, not a unit of
    measure (单位：元 beside an empty 编制部门：), not a template's {{placeholder}} or XX."""
    name = clean(raw)
    return bool(name) and name not in _MEASURES and not _template(name)


def strip_suffix(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def match(raw: str, expected: list[str] | None) -> tuple[str, bool]:
    """Canonical unit name and whether it is one of `expected` (达拉特旗市场监督管理局 → 达拉特旗, True)."""
    name = clean(raw)
    if not expected:
        return strip_suffix(name), True
    keys = {squash(e): e for e in expected}
    if name in keys:
        return keys[name], True
    contained = [k for k in keys if k and k in name]
    if contained:
        return keys[max(contained, key=len)], True
    short = strip_suffix(name)
    partial = [k for k in keys if len(short) >= 2 and short in k]
    if len(partial) == 1:
        return keys[partial[0]], True
    return short, False


def from_text(text: str, titles: tuple[str, ...], expected: list[str] | None) -> str | None:
    """A unit named in free text such as a title (东胜区检验检测机构基本情况汇总表) or a file name."""
    t = squash(text)
    if expected:
        hits = [e for e in expected if squash(e) and squash(e) in t]
        if hits:
            return max(hits, key=len)
    for title in sorted(titles, key=len, reverse=True):
        t = t.replace(squash(title), " ")
    t = _FILE_NOISE.sub(" ", t)
    # The most specific place wins: 鄂尔多斯市东胜区 names 东胜区, not the city.
    places = _PLACE.findall(t.replace(" ", ""))
    return strip_suffix(places[-1]) if places else None


def from_filename(name: str, titles: tuple[str, ...], expected: list[str] | None) -> str | None:
    return from_text(PurePath(name).stem, titles, expected)
