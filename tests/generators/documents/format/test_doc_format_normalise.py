"""The normalisations of 一键排版 as pure functions: punctuation, heading levels and sequence, dates, numbers."""

from __future__ import annotations

import pytest

from generators.documents.format import normalise as nz
from generators.documents.reading.patterns import heading_number, parse_day


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ('坚持"问题导向",依法监管.', "坚持“问题导向”，依法监管。"),
        ("提高思想认识. 各单位要重视", "提高思想认识。各单位要重视"),
        ("等等...", "等等……"),
        ("(4月上旬)开展", "（4月上旬）开展"),
        ("依据ISO/IEC 17025:2017, 检测", "依据ISO/IEC 17025:2017，检测"),
        ("金额1.5万元", "金额1.5万元"),
    ],
)
def test_punctuation_in_chinese_text(typed: str, standard: str) -> None:
    assert nz.punctuation(typed) == standard


@pytest.mark.parametrize(
    ("line", "level", "value", "standard"),
    [
        ("一、总体要求", 1, 1, "一、"), ("一.总体要求", 1, 1, "一、"), ("十二、其他", 1, 12, "十二、"),
        ("（一）全面摸底", 2, 1, "（一）"), ("(二)集中整治", 2, 2, "（二）"), ("（三）、巩固", 2, 3, "（三）"),
        ("1．强化管理", 3, 1, "1．"), ("2.严查", 3, 2, "2．"), ("3、强化", 3, 3, "3．"),
        ("（1）未经检验", 4, 1, "（1）"), ("(2)伪造", 4, 2, "（2）"), ("3)联合", 4, 3, "（3）"),
    ],
)  # fmt: skip
def test_heading_numbers_in_every_style_people_type(line: str, level: int, value: int, standard: str) -> None:
    n = heading_number(line)
    assert (n.level, n.value, n.standard) == (level, value, standard)


@pytest.mark.parametrize("line", ["2022年5月20日前报送", "1.5万元的罚款", "12345", "一是要加强领导"])
def test_a_year_an_amount_or_a_sentence_is_no_heading(line: str) -> None:
    assert heading_number(line) is None


def heading(i: int, level: int, value: int, standalone: bool = True) -> nz.Heading:
    return nz.Heading(i, level, value, "", "标题", standalone)


def test_levels_move_up_only_for_standalone_headings() -> None:
    typed = [heading(0, 3, 1), heading(1, 4, 1), heading(2, 3, 2)]
    assert nz.heading_levels(typed) == {3: 1, 4: 2}  # 1、 and (1) as the only headings → 一、 and （一）
    sentences = [heading(0, 3, 1, standalone=False), heading(1, 3, 2, standalone=False)]
    assert nz.heading_levels(sentences) == {3: 3}  # numbered sentences stay 1．
    assert nz.heading_levels([heading(0, 1, 1), heading(1, 3, 1)]) == {1: 1, 3: 3}  # 一、 then 1． is allowed


def test_renumber_restarts_under_each_parent_or_carries_on_as_the_draft_does() -> None:
    typed = [heading(0, 1, 1), heading(1, 2, 1), heading(2, 2, 3), heading(3, 1, 2), heading(4, 2, 1)]
    levels = {1: 1, 2: 2}
    assert [(lv, v) for _, lv, v in nz.renumber(typed, levels)] == [(1, 1), (2, 1), (2, 2), (1, 2), (2, 1)]
    carried = [heading(0, 1, 1), heading(1, 2, 1), heading(2, 2, 2), heading(3, 1, 2), heading(4, 2, 3)]
    assert [v for _, _, v in nz.renumber(carried, levels)] == [1, 1, 2, 2, 3]  # （三） under 二、 goes on


@pytest.mark.parametrize(
    ("typed", "standard"),
    [("2024.3.8", "2024年3月8日"), ("2024年03月08日", "2024年3月8日"), ("二〇二四年三月十八日", "2024年3月18日"),
     ("2024/12/31", "2024年12月31日"), ("2024-02-30", None)],
)  # fmt: skip
def test_dates_in_any_notation(typed: str, standard: str | None) -> None:
    assert nz.day_text(typed) == standard
    assert (parse_day(typed) is None) == (standard is None)


@pytest.mark.parametrize(
    ("typed", "standard"),
    [("鄂市监发[2024]第07号", "鄂市监发〔2024〕7号"), ("鄂市监发（2024）7号", "鄂市监发〔2024〕7号"),
     ("鄂市监发〔24〕7号", "鄂市监发〔2024〕7号"), ("鄂市监发 〔2024〕 7 号", "鄂市监发〔2024〕7号"), ("第七号", None)],
)  # fmt: skip
def test_doc_numbers_in_the_standard_form(typed: str, standard: str | None) -> None:
    assert nz.doc_number(typed) == standard
