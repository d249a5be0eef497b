"""Each document its own 成文日期 and 发文字号, run as a clerk runs it: the numbering register beside the
campaign file, --date and --number, never the notice's date and number copied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from cli_run import ROOT, run

from parsers.results import FileReport, FormResult, Result

CAMPAIGN = """\
title: 检验检测市场专项整治行动
issuer: 鄂尔多斯市市场监督管理局
prefix: 鄂市监发
number: 74
date: 2022-05-05
deadline: 2022-05-20
units: [东胜区, 康巴什区]
forms: [work-statistics]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "行动.yaml").write_text(CAMPAIGN, encoding="utf-8")
    result = Result(
        forms={
            "work-statistics": FormResult(
                title="工作情况统计表",
                units_expected=["东胜区", "康巴什区"],
                units_reported=["东胜区"],
                missing_units=["康巴什区"],
            )
        },
        files=[
            FileReport(
                path="东胜区.xlsx", status="merged", form="work-statistics", unit="东胜区", reported_on="2022-05-18"
            )
        ],
    )
    (tmp_path / "汇总.json").write_text(
        json.dumps(result.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8"
    )
    return tmp_path


def spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_reminder_and_bulletin_number_on_from_the_notice(folder: Path) -> None:
    done = run(
        "doc", "reminder", "汇总.json", "--campaign", "行动.yaml", "--date", "2022-05-26", "-o", "催报.yaml", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    assert "发文字号：鄂市监发〔2022〕75号（已登记在 发文登记.yaml）" in done.stdout
    reminder = spec(folder / "催报.yaml")
    assert reminder["number"] == "鄂市监发〔2022〕75号" and reminder["date"] == "2022-05-26"
    assert "截至2022年5月26日" in reminder["body"] and "2022年5月5日" not in reminder["body"]
    run(
        "doc", "bulletin", "汇总.json", "--campaign", "行动.yaml", "--date", "2022-05-27", "-o", "通报.yaml", cwd=folder
    )
    assert spec(folder / "通报.yaml")["number"] == "鄂市监发〔2022〕76号"
    register = (folder / "发文登记.yaml").read_text(encoding="utf-8")
    assert "74: 2022-05-05 鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知" in register
    assert "75: 2022-05-26 关于催报检验检测市场专项整治行动有关报表的通知" in register
    assert "76: 2022-05-27 关于检验检测市场专项整治行动报表报送情况的通报" in register
    # The same reminder made again keeps 75; the clerk's own line moves the count on.
    again = run(
        "doc", "reminder", "汇总.json", "--campaign", "行动.yaml", "--date", "2022-05-26", "-o", "催报.yaml", cwd=folder
    )
    assert spec(folder / "催报.yaml")["number"] == "鄂市监发〔2022〕75号" and "发文字号" not in again.stdout
    (folder / "发文登记.yaml").write_text(register + "    90: 2022-05-27 手工登记的函\n", encoding="utf-8")
    run(
        "doc",
        "bulletin",
        "汇总.json",
        "--campaign",
        "行动.yaml",
        "--date",
        "2022-05-28",
        "-o",
        "通报2.yaml",
        cwd=folder,
    )
    assert spec(folder / "通报2.yaml")["number"] == "鄂市监发〔2022〕91号"


def test_date_defaults_to_today_and_number_option_wins(folder: Path) -> None:
    done = run(
        "doc",
        "reminder",
        "汇总.json",
        "--campaign",
        "行动.yaml",
        "--number",
        "鄂市监函[2022]31号",
        "-o",
        "催报.yaml",
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    reminder = spec(folder / "催报.yaml")
    assert reminder["number"] == "鄂市监函〔2022〕31号" and reminder["date"] == dt.date.today().isoformat()
    bare = run(
        "doc",
        "reminder",
        "汇总.json",
        "--campaign",
        "行动.yaml",
        "--number",
        "40",
        "--date",
        "2022-05-26",
        "-o",
        "催报2.yaml",
        cwd=folder,
    )
    assert bare.returncode == 0 and spec(folder / "催报2.yaml")["number"] == "鄂市监发〔2022〕40号"


def test_a_returned_file_dated_after_the_document_is_not_counted(folder: Path) -> None:
    done = run(
        "doc", "bulletin", "汇总.json", "--campaign", "行动.yaml", "--date", "2022-05-16", "-o", "通报.yaml", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    assert "提示：1份报表的上报时间晚于成文日期2022年5月16日，未计入：东胜区.xlsx" in done.stderr
    body = "".join(spec(folder / "通报.yaml")["body"][0])
    assert "报送了全部报表的0个" in body and "尚未报送的2个" in body


def test_render_takes_date_number_and_prefix(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "documents" / "file-no-seal.yaml"
    done = run("doc", "render", sample, "--date", "2022年6月1日", "--number", "鄂市监办〔2022〕9号", "-o", "x.yaml",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = spec(tmp_path / "x.yaml")
    assert out["date"] == "2022-06-01" and out["number"] == "鄂市监办〔2022〕9号"
    assert not (tmp_path / "发文登记.yaml").exists()  # a number by hand without a 代字 notes nothing
    run("doc", "render", sample, "--date", "2022-06-01", "--prefix", "鄂市监办", "--number", "9", "-o", "x.yaml",
        cwd=tmp_path)  # fmt: skip
    run("doc", "render", sample, "--date", "2022-06-02", "--prefix", "鄂市监办", "-o", "y.yaml", cwd=tmp_path)
    assert spec(tmp_path / "y.yaml")["number"] == "鄂市监办〔2022〕10号"


def test_a_bad_number_or_date_option_is_a_usage_error(folder: Path) -> None:
    done = run(
        "doc",
        "reminder",
        "汇总.json",
        "--campaign",
        "行动.yaml",
        "--number",
        "鄂市监发〔2022〕第5号",
        "-o",
        "x.yaml",
        cwd=folder,
    )
    assert done.returncode == 2 and "--number 的值无效：发文字号“鄂市监发〔2022〕第5号”不应编“第”字" in done.stderr
    done = run(
        "doc", "bulletin", "汇总.json", "--campaign", "行动.yaml", "--date", "2022-13-01", "-o", "x.yaml", cwd=folder
    )
    assert done.returncode == 2 and "--date 的值无效：日期“2022-13-01”不存在或无法识别" in done.stderr
    assert not (folder / "x.yaml").exists() and not (folder / "发文登记.yaml").exists()


def test_fill_takes_date_and_number_too(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("{{ number }}　{{ date }}　{{ title }}")
    d.save(template)
    data = tmp_path / "数据.yaml"
    data.write_text("title: 工作情况\n", encoding="utf-8")
    out = tmp_path / "成稿.docx"
    done = run("doc", "fill", template, data, "-o", out, "--date", "2022-05-26", "--number", "鄂市监发〔2022〕81号",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert docx.Document(out).paragraphs[0].text == "鄂市监发〔2022〕81号　2022年5月26日　工作情况"
