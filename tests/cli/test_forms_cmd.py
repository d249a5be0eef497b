import json
from pathlib import Path

import pytest

from forms import FormRegistry


def test_forms_lists_the_builtin_forms(huizong) -> None:
    out = huizong("forms", "--json")
    assert out.returncode == 0
    assert {f["id"] for f in json.loads(out.stdout)} >= {
        "institution-roster",
        "work-statistics",
        "case-report",
        "liaison-roster",
        "inspection-summary",
    }
    assert "检验检测机构基本情况汇总表" in huizong("forms").stdout


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize(
    "form_id", ["institution-roster", "work-statistics", "case-report", "liaison-roster", "inspection-summary"]
)
def test_template_reads_back_as_its_form_with_no_records(huizong, tmp_path: Path, form_id: str, suffix: str) -> None:
    target = tmp_path / f"空白.{suffix}"
    assert huizong("template", form_id, "-o", target).returncode == 0
    out = huizong("parse", target, "--json", "-")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert list(result["forms"]) == [form_id]
    assert result["forms"][form_id]["records"] == []
    assert result["files"][0]["status"] == "merged"
    errors = [i for i in result["issues"] if i["severity"] == "error"]
    assert errors == []


def test_xlsx_template_is_print_ready_with_dropdowns(huizong, tmp_path: Path, registry: FormRegistry) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "名单.xlsx"
    huizong("template", "institution-roster", "-o", target)
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert sheet.page_setup.paperSize == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToHeight == 0  # one page wide, as many pages tall as needed
    validations = sheet.data_validations.dataValidation
    assert any(v.type == "list" and "选项" in v.formula1 for v in validations)
    assert book["选项"].sheet_state == "hidden"
    domains = [c.value for c in book["选项"]["A"][1:]]
    assert domains == [c.value for c in registry.get("institution-roster").choices["domains"]]
    headings = [
        c.value for c in sheet["A"] if isinstance(c.value, str) and c.value.startswith(("一、", "二、", "三、", "四、"))
    ]
    assert len(headings) == 4


def test_unknown_form_is_a_clear_error(huizong, tmp_path: Path) -> None:
    out = huizong("template", "no-such-form", "-o", tmp_path / "x.xlsx")
    assert out.returncode == 1 and "未知的表单" in out.stderr and "Traceback" not in out.stderr


def test_user_form_folder(huizong, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(
        "id: tiny\nversion: 1\ntitle: 小型统计表\nlayout: list\nfields:\n  - {id: name, label: 名称, required: true}\n"
        "  - {id: amount, label: 数量, type: integer}\n",
        encoding="utf-8",
    )
    out = huizong("forms", "--forms", folder, "--json")
    assert "tiny" in {f["id"] for f in json.loads(out.stdout)}
    broken = folder / "broken.yaml"
    broken.write_text("id: broken\nversion: 1\ntitle: 坏表\nlayout: grid\nfields: []\n", encoding="utf-8")
    out = huizong("forms", "--forms", folder)
    assert out.returncode == 1 and "broken.yaml 第4行" in out.stderr
