from pathlib import Path

import pytest

from forms import FormDefinitionError, FormRegistry, load_dir, parse_definition

MINIMAL = """\
id: tiny
version: 1
title: 小表
layout: list
fields:
  - id: name
    label: 名称
    required: true
"""


def test_builtin_forms_have_the_contract_ids(registry: FormRegistry) -> None:
    assert {f.id for f in registry} == {
        "institution-roster",
        "work-statistics",
        "case-report",
        "liaison-roster",
        "inspection-summary",
    }
    roster = registry.get("institution-roster")
    assert [s.key for s in roster.sections] == ["public", "third_party", "out_of_province", "multi_domain"]
    assert roster.section("out_of_province").fields == ("seq", "name", "domain", "first_certified", "contact", "phone")
    stats = registry.get("work-statistics")
    assert [k.value for k in stats.rows.keys] == ["产品质量", "食品", "药品", "化妆品", "医疗器械", "特种设备"]
    assert [f.id for f in stats.value_fields] == [
        "inspected",
        "problems",
        "cases_filed",
        "cases_closed",
        "fines",
        "transferred",
        "blacklisted",
    ]


def test_minimal_definition_loads() -> None:
    form = parse_definition(MINIMAL, "tiny.yaml")
    assert form.field("name").required


def test_error_names_file_line_and_field() -> None:
    broken = MINIMAL + "  - id: amount\n    label: 金额\n    type: money\n"
    with pytest.raises(FormDefinitionError) as err:
        parse_definition(broken, "user/tiny.yaml")
    assert err.value.line == 11  # the `type: money` line
    assert "user/tiny.yaml 第11行" in str(err.value)
    assert "第2项（金额）" in str(err.value) and "money" in str(err.value)


def test_section_referring_to_unknown_field_is_refused() -> None:
    text = MINIMAL + "sections:\n  - key: a\n    heading: 一、甲\n    fields: [name, nope]\n"
    with pytest.raises(FormDefinitionError, match="nope"):
        parse_definition(text, "x.yaml")


def test_yaml_syntax_error_has_line() -> None:
    with pytest.raises(FormDefinitionError) as err:
        parse_definition("id: [unclosed\nversion: 1\n", "bad.yaml")
    assert err.value.line >= 1
    assert "YAML" in str(err.value)


def test_user_folder_adds_a_form_without_code(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    registry = FormRegistry.load([tmp_path])
    assert "tiny" in registry and "institution-roster" in registry
    assert [f.id for f in load_dir(tmp_path)] == ["tiny"]


def test_unknown_form_lists_known_ones(registry: FormRegistry) -> None:
    with pytest.raises(FormDefinitionError, match="institution-roster"):
        registry.get("no-such-form")
