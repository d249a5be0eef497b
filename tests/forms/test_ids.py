"""Ids a clerk need not write: derived from labels, Chinese allowed, fields named by label in references."""

from forms import parse_definition
from forms.ids import derive_id

FORM = """\
id: 景区名录
version: 1
title: A级旅游景区名录
layout: list
fields:
  - label: 序号
    type: integer
  - label: 景区名称
    required: true
  - label: 门票价格（元）
    type: decimal
  - {id: 地址, label: 详细地址}
sections:
  - key: 四川
    heading: 一、四川省
    fields: [序号, 景区名称, 门票价格（元）, 地址]
rules:
  - {kind: unique, fields: [景区名称], message: 景区重复}
"""


def test_derive_id() -> None:
    assert derive_id("罚没金额（万元）") == "罚没金额"
    assert derive_id("2014") == "2014"
    assert derive_id("E-mail") == "E-mail"
    assert derive_id("联系 电话") == "联系_电话"
    assert derive_id("（万元）") == "万元"


def test_ids_from_labels_and_references_by_label() -> None:
    form = parse_definition(FORM, "景区.yaml")
    assert [f.id for f in form.fields] == ["序号", "景区名称", "门票价格", "地址"]
    assert form.sections[0].fields == ("序号", "景区名称", "门票价格", "地址")
    assert form.rules[0].fields == ("景区名称",)
    assert form.id == "景区名录"


def test_a_label_written_as_a_number() -> None:
    text = "id: tax\nversion: 1\ntitle: 纳税信息\nlayout: list\nfields:\n  - label: 税种\n  - label: 2014\n    type: decimal\n"
    form = parse_definition(text, "tax.yaml")
    assert [(f.id, f.label) for f in form.fields] == [("税种", "税种"), ("2014", "2014")]
