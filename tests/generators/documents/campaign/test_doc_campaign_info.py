"""A campaign file as an office writes it: every mistake said in Chinese with its file, line and key."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generators.documents.campaign import load_campaign
from generators.documents.campaign.data import load_result
from generators.documents.errors import DataError, DocumentSpecError

GOOD = """\
title: 检验检测市场专项整治行动
issuer: 鄂尔多斯市市场监督管理局
prefix: 鄂市监发
number: 74
date: 2022-05-05
deadline: 2022年5月20日
units: 单位.txt
forms: [institution-roster, work-statistics]
"""


def write(folder: Path, text: str, name: str = "行动.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_with_its_unit_list_beside_it(tmp_path: Path) -> None:
    (tmp_path / "单位.txt").write_text("东胜区\n# 注释\n\n康巴什区\n", encoding="utf-8")
    info = load_campaign(write(tmp_path, GOOD))
    assert info.units == ["东胜区", "康巴什区"] and info.deadline == dt.date(2022, 5, 20)
    assert info.notice_number(2022) == "鄂市监发〔2022〕74号" and info.forms == [
        "institution-roster",
        "work-statistics",
    ]
    assert load_campaign(write(tmp_path, GOOD), {"deadline": "2022-05-28", "units": ["甲"]}).units == ["甲"]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (GOOD.replace("units: 单位.txt", "units: ../别处/单位.txt"), 7, "units 指向的单位名单文件不存在"),
        (GOOD + "dedline: 2022-05-20\n", 9, "未知的键“dedline”"),
        (GOOD.replace("deadline: 2022年5月20日", "deadline: 2022-02-30"), 6, "日期“2022-02-30”不存在"),
        (GOOD.replace("number: 74", "number: 鄂市监发〔2022〕第74号"), 4, "不应编“第”字"),
        (GOOD.replace("forms: [institution-roster, work-statistics]", "forms: institution-roster"), 8, "应为一个列表"),
        (
            GOOD.replace("title: 检验检测市场专项整治行动", "title: [未闭合"),
            2,
            "YAML 语法错误（第1行开始的内容）：列表缺少逗号或右方括号",
        ),
        (GOOD + "seal: 也许\n", 9, "应为true 或 false"),
    ],
)
def test_mistakes_name_file_line_and_key(tmp_path: Path, text: str, line: int, says: str) -> None:
    (tmp_path / "单位.txt").write_text("东胜区\n", encoding="utf-8")
    path = write(tmp_path, text)
    with pytest.raises(DocumentSpecError) as exc:
        load_campaign(path)
    assert str(exc.value).startswith(f"{path} 第{line}行：") and says in str(exc.value)


def test_a_missing_issuer_is_an_error_not_a_blank_head(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="缺少发文机关（issuer）"):
        load_campaign(write(tmp_path, "title: 专项行动\n"))
    with pytest.raises(DataError, match="缺少发文机关"):
        load_campaign(None, {"title": "专项行动"})
    assert load_campaign(None, {"issuer": "某局"}).issuer == "某局"


def test_a_wrong_option_names_the_option() -> None:
    with pytest.raises(DataError, match="选项 --deadline 有误：日期“明天”不存在或无法识别"):
        load_campaign(None, {"issuer": "某局", "deadline": "明天"})


def test_missing_and_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="不存在"):
        load_campaign(tmp_path / "没有.yaml")
    with pytest.raises(DocumentSpecError, match="第1行：专项行动信息必须是“键: 值”形式的 YAML 映射"):
        load_campaign(write(tmp_path, "- 一\n- 二\n"))


def test_merge_json_mistakes_name_line_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "汇总.json"
    data = {"forms": {"work-statistics": {"title": "工作情况统计表", "records": [{"unit": "东胜区", "values": {}}]}}}
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_result(bad)
    assert f"{bad} 第6行：键“forms.work-statistics.records.0.source”缺失" in str(exc.value)
    bad.write_text(
        '{\n  "forms": {},\n  "files": [\n    {"path": "a.xlsx", "status": "lost"}\n  ]\n}', encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"第4行：键“files\.0\.status”的值“lost”不是可选的值"):
        load_result(bad)
    bad.write_text('{"forms": {},\n "files": [,]}', encoding="utf-8")
    with pytest.raises(DataError, match="第2行第12列：不是有效的 JSON（缺少值）"):
        load_result(bad)
    with pytest.raises(DataError, match="不存在"):
        load_result(tmp_path / "无.json")
