"""Label and meta-line text handled in linear time: the same answers as the regexes they replace (which were
quadratic on a long run of spaces), and a cell of 300,000 spaces handled at once."""

from __future__ import annotations

import re
import time

import pytest

from parsers import units
from parsers.infer.around import meta_pairs
from parsers.infer.words import flat, split_unit

LONG = " " * 300_000
# Not a benchmark: the quadratic versions took minutes on these.
AT_ONCE = 5.0

_OLD_FLAT = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_OLD_UNIT = re.compile(r"^(?P<label>.+?)\s*[（(](?P<unit>[^（()）]{1,4})[）)]$")
_OLD_META = re.compile(r"(?P<label>[\u4e00-\u9fffA-Za-z]{2,12})\s*(?:[（(][^（()）]{0,10}[）)])?\s*[:：]")


@pytest.mark.parametrize(
    "text",
    ["检查机构数\n（家次）", "联 系 人", "Contact  person", "罚没 金额 (万元)", "a b 中 c", "中\u3000 x", " 中 "],
)
def test_flat_is_the_lookaround_regex(text: str) -> None:
    expected = re.sub(r"\s+", " ", _OLD_FLAT.sub("", text.strip()))
    assert flat(text) == expected


@pytest.mark.parametrize(
    "label",
    ["检查机构数（家次）", "比例 (%)", "罚没金额（万元）", "名称", "（元）", " （元）", "a (kg)", "数量（个）（件）"],
)
def test_split_unit_is_the_anchored_regex(label: str) -> None:
    m = _OLD_UNIT.match(label)
    old_unit = m["unit"] if m else None
    name, unit = split_unit(label)
    if unit is not None:
        assert m is not None and (name, unit) == (m["label"].rstrip(), old_unit)
    else:
        assert name == label


@pytest.mark.parametrize(
    "line", ["所在旗区：东胜区  上报时间：2022年5月12日", "填报单位（盖章） ：东胜区", "单位 （元） ： 万"]
)
def test_meta_pairs_match_as_before(line: str) -> None:
    assert [m["label"] for m in _OLD_META.finditer(line)] == [label for label, _value in meta_pairs(line)]


def test_long_runs_of_spaces_at_once() -> None:
    started = time.perf_counter()
    assert flat("中a" + LONG + "x") == "中a x"
    assert split_unit("a" + LONG + "b") == ("a" + LONG + "b", None)
    assert meta_pairs("填报" + LONG + "x") == []
    assert units.usable("东胜区" + "{{" * 150_000) is True  # no closing }}: not a template, as before
    assert units.usable("{{" * 150_000 + "}}") is False
    assert time.perf_counter() - started < AT_ONCE
