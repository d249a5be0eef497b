"""Bad input to `huizong doc …` gets a Chinese message naming the file, line and key — never a traceback,
never an English library message; a missing issuer is an error, not a blank 版头."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import ROOT, run

SAMPLES = ROOT / "samples" / "documents"


def no_traceback(done) -> None:
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr and "Usage:" not in done.stderr


def test_a_copied_campaign_with_a_relative_unit_list_that_is_not_there(tmp_path: Path) -> None:
    campaign = tmp_path / "行动.yaml"
    campaign.write_text((SAMPLES / "campaign.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    done = run("doc", "notice", "--campaign", campaign, "-o", tmp_path / "x.pdf")
    no_traceback(done)
    line = next(i for i, t in enumerate(campaign.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("units:"))
    assert done.returncode == 1
    assert f"{campaign} 第{line}行：units 指向的单位名单文件不存在" in done.stderr


def test_malformed_campaign_yaml(tmp_path: Path) -> None:
    campaign = tmp_path / "行动.yaml"
    campaign.write_text("title: 专项行动\nissuer: 某局\ndeadline: [2022-05-20\n", encoding="utf-8")
    done = run("doc", "notice", "--campaign", campaign, "-o", tmp_path / "x.pdf")
    no_traceback(done)
    assert done.returncode == 1 and f"错误：{campaign} 第4行：YAML 语法错误（第3行开始的内容）" in done.stderr


def test_reminder_without_an_issuer_is_refused(tmp_path: Path) -> None:
    merged = tmp_path / "汇总.json"
    merged.write_text('{"forms": {}, "files": [], "issues": []}', encoding="utf-8")
    done = run(
        "doc", "reminder", merged, "--units", SAMPLES.parent / "campaign" / "units.txt", "-o", tmp_path / "x.docx"
    )
    no_traceback(done)
    assert done.returncode == 1 and "缺少发文机关（issuer）" in done.stderr and not (tmp_path / "x.docx").exists()


def test_data_json_with_a_wrong_key_names_its_line(tmp_path: Path) -> None:
    merged = tmp_path / "汇总.json"
    merged.write_text(
        '{\n  "forms": {},\n  "files": [\n    {"path": 7, "status": "merged"}\n  ]\n}\n', encoding="utf-8"
    )
    done = run("doc", "bulletin", merged, "--issuer", "某局", "-o", tmp_path / "x.docx")
    no_traceback(done)
    assert done.returncode == 1 and f"{merged} 第4行：键“files.0.path”的值“7”类型不对，应为文字" in done.stderr


def test_spec_yaml_syntax_error_is_chinese(tmp_path: Path) -> None:
    spec = tmp_path / "公文.yaml"
    spec.write_text("title: 通知\nbody: 正文\nto: 各单位: 各部门\n", encoding="utf-8")
    done = run("doc", "render", spec, "-o", tmp_path / "x.pdf")
    no_traceback(done)
    assert done.returncode == 1 and "第3行：YAML 语法错误：此处不能出现“键: 值”" in done.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("doc", "render"), "错误：缺少参数 'SPEC_FILE'"),
        (("doc", "render", "没有这个文件.yaml", "-o", "x.pdf"), "错误：公文描述文件 没有这个文件.yaml 不存在"),
        (("doc", "render", "x.yaml", "--bogus"), "错误：没有选项 '--bogus'。"),
        (("doc", "render", "x.yaml", "-o"), "错误：选项 '-o' 后面需要一个值。"),
        (("doc", "notice", "--issuer", "某局"), "错误：缺少选项 '-o' / '--output'"),
        (("doc", "nothing"), "错误：没有名为 'nothing' 的命令。"),
    ],
)
def test_usage_errors_come_out_in_chinese(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    done = run(*args, cwd=tmp_path)
    no_traceback(done)
    assert done.returncode == 2 and says in done.stderr
