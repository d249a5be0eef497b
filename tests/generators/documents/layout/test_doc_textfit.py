"""Placement rules counted in characters: dates, 署名, 附件说明, balanced titles."""

from __future__ import annotations

import datetime as dt

from generators.documents.layout.textfit import attachment_note, cn_date, signature_block, text_width
from generators.documents.layout.titles import MAX_EM, break_title

DAY = dt.date(2021, 10, 12)


def test_date_without_leading_zeros() -> None:
    assert cn_date(dt.date(2021, 1, 5)) == "2021年1月5日"
    assert text_width("2021年10月12日") == 7


def test_sealed_signature_is_centred_over_a_date_four_characters_in() -> None:
    name, when = signature_block(("上海市市场监督管理局",), DAY, seal=True)
    assert when.texts == ("2021年10月12日",) and when.right == 4
    # centre of the name (10 wide) over the centre of the date (7 wide): 4 + 3.5 − 5
    assert name.right == 2.5


def test_unsealed_signature_two_in_and_date_two_right_of_its_start() -> None:
    name, when = signature_block(("上海市市场监督管理局",), DAY, seal=False)
    assert name.right == 2
    name_start, date_start = -(name.right + 10), -(when.right + 7)
    assert date_start - name_start == 2


def test_date_longer_than_signature_keeps_two_characters() -> None:
    name, when = signature_block(("某局",), DAY, seal=False)
    assert when.right == 2 and -(when.right + 7) - -(name.right + 2) == 2


def test_joint_sealed_signatures_side_by_side() -> None:
    rows = signature_block(("甲市市场监督管理局", "甲市公安局", "甲市财政局"), DAY, seal=True)
    assert [r.texts for r in rows[:-1]] == [("甲市市场监督管理局", "甲市公安局"), ("甲市财政局",)]
    assert rows[-1].date and rows[-1].right == 4


def test_attachment_note_numbers_and_aligns() -> None:
    (one,) = attachment_note(["检验检测机构基本情况汇总表。"])
    assert one.text == "附件：检验检测机构基本情况汇总表" and one.first == 2
    items = attachment_note([f"表{i}" for i in range(1, 11)])
    assert items[0].text == "附件：1．表1" and items[9].text == "10．表10"
    assert len({i.indent for i in items}) == 1  # every name starts in the same column
    assert items[1].first - items[9].first == 0.5  # 2． stands right-aligned under 10．


def test_long_title_breaks_balanced_without_splitting_names() -> None:
    issuer = "鄂尔多斯市东胜区市场监督管理局"
    title = f"{issuer}关于印发《东胜区检验检测市场专项整治行动实施方案》的通知"
    lines = break_title(title, (issuer,))
    assert "".join(lines) == title and lines[0] == issuer
    assert all(text_width(line) <= MAX_EM for line in lines)
    assert max(map(len, lines)) - min(map(len, lines)) <= 2


def test_title_keeps_words_whole() -> None:
    lines = break_title("关于检验检测市场专项整治行动报表报送情况的通报")
    assert not any(a.endswith(("检验", "专项", "整治")) for a in lines[:-1])
    assert break_title("关于开展专项整治行动的通知") == ["关于开展专项整治行动的通知"]


def test_joint_issuer_title_gets_an_extra_line_rather_than_a_split_name() -> None:
    names = ("鄂尔多斯市市场监督管理局", "鄂尔多斯市公安局")
    title = "鄂尔多斯市市场监督管理局 鄂尔多斯市公安局关于加强检验检测领域行政执法与刑事司法衔接工作的通知"
    lines = break_title(title, names)
    assert lines[0] == names[0] and lines[1].startswith(names[1]) and len(lines) == 3
