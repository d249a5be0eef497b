"""Heading recognition and punctuation in the 正文."""

from __future__ import annotations

import pytest

from generators.documents.layout.body import Paragraph, full_width, parse_body


def test_levels_are_recognised_from_their_numbering() -> None:
    body = "一、总体要求\n（一）全面摸底\n1．强化管理\n1.严查造假\n（1）依法查处\n2022年5月5日前完成\n1.5万元罚款"
    assert [p.level for p in parse_body(body)] == [1, 2, 3, 3, 4, 0, 0]


def test_half_width_point_of_level_three_becomes_full_width() -> None:
    assert parse_body("1.强化管理")[0].head == "1．强化管理"


def test_run_in_heading_stays_one_paragraph() -> None:
    (p,) = parse_body("（一）全面摸底。各旗区要对辖区内检验检测机构进行全面排查。")
    assert p == Paragraph(2, "（一）全面摸底。", "各旗区要对辖区内检验检测机构进行全面排查。")
    (q,) = parse_body("2.严查造假。对照办法开展检查。")
    assert q.level == 3 and q.head == "2．严查造假。" and q.text == "对照办法开展检查。"


def test_blank_lines_and_typed_indents_are_dropped() -> None:
    assert [p.full for p in parse_body("\n　　第一段。\n\n  第二段。\n")] == ["第一段。", "第二段。"]


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("联系人:段龙,电话:0477-8313683", "联系人：段龙，电话：0477-8313683"),
        ("检查;整改", "检查；整改"),
        ("地点(三楼会议室)", "地点（三楼会议室）"),
        ("(1)依法查处", "（1）依法查处"),
        ("(一)全面摸底", "（一）全面摸底"),
        ("上午9:30召开", "上午9:30召开"),
        ("罚款1,000元", "罚款1,000元"),
        ("Hello, world; f(x) = 1", "Hello, world; f(x) = 1"),
        ("依据ISO/IEC 17025(2017)", "依据ISO/IEC 17025(2017)"),
        ("资质认定(CMA)证书", "资质认定（CMA）证书"),
    ],
)
def test_half_width_punctuation_in_chinese_only(written: str, printed: str) -> None:
    assert full_width(written) == printed
