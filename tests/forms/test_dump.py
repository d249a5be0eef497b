"""forms.dump writes YAML that loads back into the same form, with comments where asked."""

import pytest
import yaml

from forms import FormRegistry, parse_definition
from forms.dump import dump

IDS = ["case-report", "inspection-summary", "institution-roster", "liaison-roster", "work-statistics"]


@pytest.mark.parametrize("form_id", IDS)
def test_round_trip_of_every_builtin_form(registry: FormRegistry, form_id: str) -> None:
    form = registry.get(form_id)
    assert parse_definition(dump(form), "x.yaml") == form


def test_comments_sit_on_the_line_they_explain(registry: FormRegistry) -> None:
    form = registry.get("liaison-roster")
    text = dump(form, {("fields", 1): "推测：必填", ("layout",): "推测：清单"}, ["由文件推断", ""])
    lines = text.splitlines()
    assert lines[:2] == ["# 由文件推断", "#"]
    assert next(x for x in lines if x.startswith("layout:")).endswith("# 推测：清单")
    assert next(x for x in lines if "label: 姓名" in x).endswith("# 推测：必填")
    assert yaml.safe_load(text)["fields"][1]["label"] == "姓名"


def test_ids_equal_to_their_label_are_left_out() -> None:
    form = parse_definition(
        "id: t\nversion: 1\ntitle: 表\nlayout: list\nfields:\n  - label: 名称\n  - {id: n, label: 数量}\n", "t.yaml"
    )
    text = dump(form)
    assert "- {label: 名称}" in text and "- {id: n, label: 数量}" in text
