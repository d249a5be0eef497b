"""发文字号 numbering: pure functions over a register, and the register as the YAML a clerk edits."""

from __future__ import annotations

import datetime as dt

import pytest

from generators.documents import numbering as n
from generators.documents.errors import DocumentSpecError

DAY = dt.date(2022, 5, 26)


def test_next_number_is_one_more_than_the_largest_of_that_year_and_prefix() -> None:
    reg = n.Register()
    first, reg = n.assign(reg, "鄂市监发", DAY, "关于催报的通知")
    assert first.text == "鄂市监发〔2022〕1号"
    reg = n.record(reg, n.parse_number("鄂市监发〔2022〕74号"), dt.date(2022, 5, 5), "通知")
    second, reg = n.assign(reg, "鄂市监发", DAY, "情况通报")
    assert second.text == "鄂市监发〔2022〕75号"
    other, _ = n.assign(reg, "鄂市监函", DAY, "函")  # another 代字 counts on its own
    next_year, _ = n.assign(reg, "鄂市监发", dt.date(2023, 1, 3), "新年的通知")
    assert other.text == "鄂市监函〔2022〕1号" and next_year.text == "鄂市监发〔2023〕1号"


def test_the_same_document_made_again_keeps_its_number() -> None:
    number, reg = n.assign(n.Register(), "鄂市监发", DAY, "情况通报")
    again, same = n.assign(reg, "鄂市监发", DAY, "情况通报")
    assert again == number and same is reg
    later, _ = n.assign(reg, "鄂市监发", DAY + dt.timedelta(days=1), "情况通报")
    assert later.seq == number.seq + 1  # another day: another document


def test_register_yaml_round_trip_and_hand_edits() -> None:
    _, reg = n.assign(n.Register(), "鄂市监发", DAY, "关于催报的通知")
    text = n.register_yaml(reg)
    assert text.startswith("# 发文登记") and "1: 2022-05-26 关于催报的通知" in text
    edited = text + ""
    edited = edited.replace("1: 2022-05-26 关于催报的通知", "1: 2022-05-26 关于催报的通知\n    80: 手工登记")
    again = n.register_from_yaml(edited)
    assert n.next_number(again, "鄂市监发", 2022).text == "鄂市监发〔2022〕81号"
    assert again.used("鄂市监发", 2022)[80] == n.Entry(None, "手工登记")
    assert n.register_from_yaml("") == n.Register()


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("鄂市监发:\n  2022:\n    07: x\n", 3, "不带前导零"),
        ("鄂市监发:\n  22:\n    7: x\n", 2, "不是四位年份"),
        ("鄂市监发: 5\n", 1, "应按年份登记"),
        ("鄂市监发:\n  2022: [1, 2]\n", 2, "序号: 成文日期 标题"),
        ("鄂市监发:\n  2022:\n    7: x\n   8: y\n", 4, "YAML 语法错误"),
    ],
)
def test_a_broken_register_is_said_with_its_line(text: str, line: int, says: str) -> None:
    with pytest.raises(DocumentSpecError) as exc:
        n.register_from_yaml(text, "发文登记.yaml")
    assert exc.value.line == line and says in str(exc.value) and str(exc.value).startswith("发文登记.yaml")


@pytest.mark.parametrize("bad", ["鄂市监发〔2022〕第5号", "鄂市监发〔2022〕05号", "〔2022〕5号"])
def test_parse_number_refuses_what_the_standard_forbids(bad: str) -> None:
    with pytest.raises(ValueError):
        n.parse_number(bad)
