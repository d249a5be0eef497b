"""An office's own Word template filled with docxtpl: YAML data, merge JSON, escaping and errors."""

from __future__ import annotations

import io
import json

import docx
import pytest

from generators.documents import TemplateFillError
from generators.documents.fill import fill_template, load_data
from parsers.results import Result


def template(*lines: str, loop: str | None = None) -> bytes:
    """A Word file with the given paragraphs and, with `loop`, a table with one row per record."""
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    if loop:
        table = d.add_table(rows=4, cols=2)
        for cell, text in zip(table.rows[0].cells, ("单位", "机构名称"), strict=True):
            cell.text = text
        table.rows[1].cells[0].text = f"{{%tr for r in {loop} %}}"
        table.rows[2].cells[0].text, table.rows[2].cells[1].text = "{{ r.unit }}", "{{ r.name }}"
        table.rows[3].cells[0].text = "{%tr endfor %}"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def read(data: bytes) -> docx.Document:
    return docx.Document(io.BytesIO(data))


def test_yaml_data_fills_paragraphs_and_escapes(tmp_path) -> None:
    data = tmp_path / "data.yaml"
    data.write_text("title: 检验检测A&B公司<专项>检查\nunit: 东胜区\n", encoding="utf-8")
    filled = fill_template(template("{{ title }}", "填报单位：{{ unit }}", "{{ contact }}"), load_data(data))
    texts = [p.text for p in read(filled.docx).paragraphs]
    assert texts[:2] == ["检验检测A&B公司<专项>检查", "填报单位：东胜区"]  # not silently cut at the &
    assert filled.unknown == ("contact",)


def test_merge_json_rows_loop_over_records(tmp_path, result: Result) -> None:
    path = tmp_path / "merge.json"
    path.write_text(json.dumps(result.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    context = load_data(path)
    assert context["forms"]["institution-roster"] is context["forms"]["institution_roster"]
    filled = fill_template(
        template("{{ forms.institution_roster.title }}", loop="forms.institution_roster.rows"), context
    )
    d = read(filled.docx)
    assert d.paragraphs[0].text == "检验检测机构基本情况汇总表"
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["单位", "机构名称"] and len(rows) == 1 + 21
    assert rows[1] == ["东胜区", "东胜区public检测有限公司"]


def test_broken_template_and_files_say_so(tmp_path) -> None:
    with pytest.raises(TemplateFillError, match="标签有误"):
        fill_template(template("{% if %}"), {})
    with pytest.raises(TemplateFillError, match=r"需要 \.docx 文件"):
        fill_template(b"not a word file", {})
    bad = tmp_path / "data.json"
    bad.write_text("{oops", encoding="utf-8")
    with pytest.raises(TemplateFillError, match="不是有效的 JSON"):
        load_data(bad)
    listed = tmp_path / "list.yaml"
    listed.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(TemplateFillError, match="映射"):
        load_data(listed)
