"""forms.check: every kind of mistake a clerk makes in a form file, said in Chinese at the right line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forms import FormDefinitionError, FormRegistry
from forms.check import check_file, check_text, form_files, replacements

GOOD = """\
id: tiny
version: 1
title: 小型统计表
layout: list
fields:
  - label: 名称
    required: true
  - label: 数量
    type: integer
  - label: 等级
    type: choice
    choices: grades
choices:
  grades: [甲, 乙]
"""
_ASCII_WORDS = re.compile(r"[A-Za-z]{4,}")
# Words a message may hold: the keys and values the clerk wrote or may write.
_KEYS = {
    "label",
    "type",
    "choices",
    "fields",
    "layout",
    "text",
    "integer",
    "decimal",
    "date",
    "phone",
    "mobile",
    "email",
    "credit",
    "code",
    "choice",
    "list",
    "matrix",
    "record",
    "true",
    "false",
    "required",
    "title",
    "rules",
    "left",
    "right",
    "sections",
    "heading",
    "unique",
    "cross",
    "unit",
    "total",
    "compare",
    "warning",
    "error",
    "severity",
    "version",
    "rows",
    "field",
    "keys",
    "header",
    "column",
    "form",
    "money",
    "lable",
    "kind",
    "message",
    "synonyms",
    "title_synonyms",
    "meta",
    "notes",
    "landscape",
    "sheet",
    "multiple",
    "separator",
    "decimals",
    "minimum",
    "long",
    "width",
    "value",
    "total_synonyms",
    "grades",
    "nope",
    "tiny",
    "nobody",
    "other",
    "quantity",
    "amount",
    "name",
    "grade",
    "yaml",
}


def _one(text: str, source: str = "我的表.yaml"):
    checked = check_text(text, source)
    assert checked.form is None and len(checked.errors) == 1, checked.findings
    return checked.errors[0]


def _chinese(message: str) -> None:
    """No English sentence: only the keys and values the clerk wrote may appear in Latin letters."""
    words = {w.lower() for w in _ASCII_WORDS.findall(message)}
    assert words <= _KEYS, words - _KEYS


def test_a_good_form_has_no_finding() -> None:
    checked = check_text(GOOD, "x.yaml")
    assert checked.form is not None and checked.findings == []


def test_yaml_syntax_error_names_its_line() -> None:
    f = _one(GOOD.replace("  - label: 数量\n", "  - label 数量\n"))
    assert f.line == 9 and "YAML" in f.message and "上一行缺少冒号" in f.message
    _chinese(f.message)


def test_tab_indentation() -> None:
    f = _one(GOOD.replace("    type: integer", "\ttype: integer"))
    assert f.line == 9 and "Tab" in f.message


def test_missing_key() -> None:
    f = _one(GOOD.replace("title: 小型统计表\n", ""))
    assert (f.line, f.path) == (1, "title") and "缺少 title（标题）" in f.message


def test_unknown_key_suggests_the_key_meant() -> None:
    f = _one(GOOD.replace("  - label: 数量\n", "  - lable: 数量\n"))
    assert f.line == 8 and "不认识的键 lable" in f.message and "是不是想写 label（标签）" in f.message
    _chinese(f.message)


def test_wrong_type_value_lists_the_types() -> None:
    f = _one(GOOD.replace("type: integer", "type: money"))
    assert f.line == 9 and f.path == "fields → 第2项（数量） → type"
    assert "“money”不是可用的值" in f.message and "integer（整数）" in f.message
    _chinese(f.message)


def test_not_a_number() -> None:
    f = _one(GOOD.replace("version: 1", "version: 第一版"))
    assert f.line == 2 and "应为整数" in f.message


def test_not_true_or_false() -> None:
    f = _one(GOOD.replace("required: true", "required: 是的"))
    assert f.line == 7 and "true（是）或 false（否）" in f.message


def test_empty_fields() -> None:
    text = GOOD[: GOOD.index("fields:")] + "fields: []\n"
    f = _one(text)
    assert f.line == 5 and "至少要写 1 项" in f.message


def test_bad_id() -> None:
    f = _one(GOOD.replace("id: tiny", "id: 小型 统计表"))
    assert f.line == 1 and "不能用作编号" in f.message


def test_unknown_choice_list_points_at_the_reference() -> None:
    f = _one(GOOD.replace("choices: grades", "choices: levels"))
    assert f.line == 12 and "选项表“levels”未在 choices 中定义" in f.message and "grades" in f.message


def test_choice_field_without_list() -> None:
    f = _one(GOOD.replace("    choices: grades\n", ""))
    assert f.line == 11 and "没有用 choices 写明选项表" in f.message


def test_rule_naming_an_unknown_field_points_at_that_line() -> None:
    text = (
        GOOD + "rules:\n  - kind: compare\n    left: 数量\n    op: '<='\n    right: 总数\n    message: 数量超过总数\n"
    )
    f = _one(text)
    assert f.line == 19 and f.path.endswith("right") and "规则引用的字段“总数”未在 fields 中定义" in f.message


def test_rule_field_list_entry() -> None:
    f = _one(GOOD + "rules:\n  - kind: unique\n    fields: [名称, 编号]\n    message: 重复\n")
    assert f.line == 17 and f.path.endswith("fields → 第2项") and "“编号”" in f.message


def test_section_naming_an_unknown_field() -> None:
    text = GOOD + "sections:\n  - key: a\n    heading: 一、甲类\n    fields:\n      - 名称\n      - 备注\n"
    f = _one(text)
    assert f.line == 20 and "分组“a”列出的字段“备注”未在 fields 中定义" in f.message


def test_incomplete_rule() -> None:
    f = _one(GOOD + "rules:\n  - kind: compare\n    message: 不对\n")
    assert f.line == 16 and "compare 规则需要 left、op、right" in f.message


def test_matrix_without_rows() -> None:
    f = _one(GOOD.replace("layout: list", "layout: matrix"))
    assert f.line == 4 and "必须用 rows 写明行项目" in f.message


def test_duplicate_key() -> None:
    f = _one(GOOD.replace("    type: integer\n", "    type: integer\n    type: decimal\n"))
    assert f.line == 10 and "写了两次（第9行已有）" in f.message


def test_two_fields_with_one_derived_id() -> None:
    f = _one(GOOD.replace("  - label: 数量\n", "  - label: 名称（简称）\n"))
    assert f.line == 8 and "与第1个字段重复" in f.message


def test_every_error_is_reported_not_just_the_first() -> None:
    text = GOOD.replace("type: integer", "type: money").replace("choices: grades", "choices: levels")
    checked = check_text(text, "x.yaml")
    assert [e.line for e in checked.errors] == [9, 12]


def test_not_utf8_and_not_a_mapping(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(GOOD.encode("gbk"))
    assert "UTF-8" in check_file(gbk).errors[0].message
    assert "映射" in _one("- 甲\n- 乙\n").message


def test_warning_two_fields_share_a_label() -> None:
    text = GOOD.replace("  - label: 数量\n", "  - label: 数量\n    synonyms: [名称]\n")
    checked = check_text(text, "x.yaml")
    assert checked.form is not None and checked.errors == []
    [w] = checked.warnings
    assert w.line == 9 and "“名称”已是第1个字段“名称”的标签" in w.message


def test_warning_form_too_small_to_recognise() -> None:
    text = "id: tiny\nversion: 1\ntitle: 小表\nlayout: list\nfields:\n  - label: 序号\n  - label: 名称\n"
    [w] = check_text(text, "x.yaml").warnings
    assert w.line == 5 and "自动识别不可靠" in w.message and "--form tiny" in w.message


def test_warning_form_without_header_row() -> None:
    text = GOOD.replace("layout: list", "layout: list\nheader: false")
    [w] = check_text(text, "x.yaml").warnings
    assert w.line == 5 and "--form tiny" in w.message


def test_warning_user_form_replaces_a_builtin_one(tmp_path: Path) -> None:
    mine = tmp_path / "roster.yaml"
    mine.write_text(GOOD.replace("id: tiny", "id: institution-roster"), encoding="utf-8")
    [w] = replacements([check_file(mine)], {"institution-roster": "检验检测机构基本情况汇总表"})
    assert (w.severity, w.line) == ("warning", 1) and "代替内置报表" in w.message
    registry = FormRegistry.load([tmp_path])
    assert registry.get("institution-roster").title == "小型统计表"
    assert [str(x) for x in registry.warnings] == [str(w)]


def test_yml_is_read_like_yaml(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.YAML").write_text(GOOD.replace("id: tiny", "id: tiny2"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("不是表单", encoding="utf-8")
    assert [p.name for p in form_files(tmp_path)] == ["a.yml", "b.YAML"]
    assert {"tiny", "tiny2"} <= {f.id for f in FormRegistry.load([tmp_path])}


def test_loader_raises_every_error_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD.replace("type: integer", "type: money"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("version: 1", "version: x"), encoding="utf-8")
    with pytest.raises(FormDefinitionError) as err:
        FormRegistry.load([tmp_path])
    text = str(err.value)
    assert "a.yaml 第9行" in text and "b.yaml 第2行" in text and "2 处错误" in text


@pytest.mark.parametrize(
    "change",
    [
        ("version: 1", "version: [1]"),
        ("layout: list", "layout: {a: 1}"),
        ("  grades: [甲, 乙]", "  grades: 甲"),
        ("    type: integer", "    type: integer\n    decimals: -1"),
        ("    type: integer", "    type: integer\n    width: 0"),
        ("    type: integer", "    type: integer\n    column: x1"),
        ("fields:", "sections: 5\nfields:"),
    ],
)
def test_no_english_validator_text(change: tuple[str, str]) -> None:
    checked = check_text(GOOD.replace(*change), "x.yaml")
    assert checked.errors
    for e in checked.errors:
        _chinese(e.message)
        assert "Input should" not in e.message and "Field required" not in e.message


def test_braces_inside_a_flow_mapping_need_quotes() -> None:
    f = _one(GOOD + "rules:\n  - {kind: unique, fields: [名称], message: “{field}”重复}\n")
    assert f.line == 16 and "加上引号" in f.message


def test_every_type_and_layout_has_a_chinese_name() -> None:
    import typing

    from forms import messages, model

    assert set(messages.TYPE_NAMES) == set(typing.get_args(model.FieldType))
    assert {k for k, _ in messages._CHOICES["layout"].items()} == set(typing.get_args(model.Layout))
