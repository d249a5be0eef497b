import json
from pathlib import Path

import pytest
from cli_run import ROOT

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


def test_forms_list_is_unchanged_beside_its_subcommands(huizong) -> None:
    plain = huizong("forms")
    assert plain.returncode == 0 and plain.stdout.splitlines()[0].split() == [
        "case-report",
        "信息表",
        "典型案例报送信息表",
    ]
    assert huizong("forms", "--json").returncode == 0
    helped = huizong("forms", "--help").stdout
    assert "check" in helped and "infer" in helped


def test_forms_check_reports_every_mistake_with_file_and_line(huizong, tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text(
        "id: tiny\nversion: 1\ntitle: 小型统计表\nlayout: list\nfields:\n  - label: 名称\n  - label: 数量\n",
        encoding="utf-8",
    )
    out = huizong("forms", "check", good)
    assert out.returncode == 0 and "没有发现问题" in out.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: institution-roster\nversion: 1\ntitle: 名单\nlayout: list\nfields:\n  - label: 名称\n    type: money\n"
        "  - label: 领域\n    type: choice\n    choices: 领域表\n",
        encoding="utf-8",
    )
    out = huizong("forms", "check", tmp_path)
    assert out.returncode == 1
    assert f"错误  {bad} 第7行（fields → 第1项（名称） → type）：“money”不是可用的值" in out.stdout
    assert f"错误  {bad} 第10行" in out.stdout and "选项表“领域表”未在 choices 中定义" in out.stdout
    assert "已检查 2 个文件：错误 2 处" in out.stdout
    assert "Traceback" not in out.stderr


def test_forms_check_without_arguments_checks_the_builtin_forms(huizong) -> None:
    out = huizong("forms", "check")
    assert out.returncode == 0 and "已检查 5 个文件，没有发现问题" in out.stdout


def test_user_form_replacing_a_builtin_one_is_warned_wherever_loaded(huizong, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "id: liaison-roster\nversion: 2\ntitle: 联络员名单\nlayout: list\nfields:\n  - label: 姓名\n  - label: 手机号码\n",
        encoding="utf-8",
    )
    checked = huizong("forms", "check", tmp_path)
    assert checked.returncode == 0 and "代替内置报表" in checked.stdout
    listed = huizong("forms", "--forms", tmp_path, "--json")
    assert listed.returncode == 0 and "代替内置报表" in listed.stderr and "联络员名单" in listed.stdout
    json.loads(listed.stdout)  # the warning never spoils the JSON on stdout


def test_forms_infer_writes_a_form_that_reads_the_file_back(huizong, tmp_path: Path) -> None:
    sample = ROOT / "samples" / "statistics" / "merged-header.xlsx"
    target = tmp_path / "统计表.yaml"
    out = huizong("forms", "infer", sample, "-o", target, "--id", "stats")
    assert out.returncode == 0, out.stderr
    assert "用它读回 merged-header.xlsx：6 条记录" in out.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 由 huizong forms infer") and "# 推测：统计表" in text
    assert huizong("forms", "check", target).returncode == 0
    parsed = huizong("parse", sample, "--form", "stats", "--forms", tmp_path, "--json", "-")
    result = json.loads(parsed.stdout)
    assert len(result["forms"]["stats"]["records"]) == 6


def test_forms_infer_prints_yaml_without_output(huizong) -> None:
    out = huizong("forms", "infer", ROOT / "samples" / "liaison" / "word.docx")
    assert out.returncode == 0 and "layout: list" in out.stdout and "title: 联络员统计表" in out.stdout


def test_forms_infer_on_a_file_with_no_table(huizong, tmp_path: Path) -> None:
    out = huizong("forms", "infer", ROOT / "samples" / "hostile" / "truncated.xlsx")
    assert out.returncode == 1 and out.stderr.startswith("错误：") and "Traceback" not in out.stderr
