"""`huizong doc …` run as a clerk runs it: a subprocess, Chinese messages, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pdfplumber
import pytest

from forms.issues import issue
from parsers.results import FileReport, FormResult, Record, Result, Source

HUIZONG = Path(sys.executable).parent / "huizong"
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "documents"
UNITS = ["东胜区", "康巴什区", "达拉特旗"]


def huizong(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(HUIZONG), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.fixture
def merge_json(tmp_path: Path) -> Path:
    """东胜区 reported on time, 康巴什区 late with an error, 达拉特旗 nothing."""
    records = [
        Record(
            unit=u,
            values={
                "domain": "食品",
                "inspected": n,
                "problems": 1,
                "cases_filed": 1,
                "cases_closed": 1,
                "fines": 0.5,
                "transferred": 0,
                "blacklisted": 0,
            },
            source=Source(file=f"{u}.xlsx", sheet="Sheet1", cell="A5"),
        )
        for u, n in (("东胜区", 12), ("康巴什区", 8))
    ]
    result = Result(
        forms={
            "work-statistics": FormResult(
                title="工作情况统计表",
                units_expected=UNITS,
                units_reported=["东胜区", "康巴什区"],
                missing_units=["达拉特旗"],
                records=records,
                totals={"inspected": 20},
            )
        },
        files=[
            FileReport(
                path="东胜区.xlsx", status="merged", form="work-statistics", unit="东胜区", reported_on="2022-05-18"
            ),
            FileReport(
                path="康巴什区.xlsx", status="merged", form="work-statistics", unit="康巴什区", reported_on="2022-05-25"
            ),
        ],
        issues=[
            issue(
                "invalid-number",
                form="work-statistics",
                unit="康巴什区",
                file="康巴什区.xlsx",
                location="Sheet1!C7",
                field="inspected",
                value="十二",
                row=7,
            )
        ],
    )
    path = tmp_path / "汇总.json"
    path.write_text(json.dumps(result.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    return path


CAMPAIGN = (
    "--issuer",
    "鄂尔多斯市市场监督管理局",
    "--title",
    "检验检测市场专项整治行动",
    "--deadline",
    "2022-05-20",
    "--date",
    "2022-05-26",
    "--prefix",
    "鄂市监函",
    "--number",
    "31",
)


def test_render_writes_docx_pdf_and_yaml_at_once(tmp_path: Path) -> None:
    out = [tmp_path / "通知.docx", tmp_path / "通知.pdf", tmp_path / "通知.yaml"]
    done = huizong("doc", "render", SAMPLES / "file-full.yaml", *(a for p in out for a in ("-o", p)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"已生成：{p}" for p in out]
    assert docx.Document(out[0]).core_properties.title.startswith("鄂尔多斯市市场监督管理局关于印发")
    assert "鄂市监发〔2022〕74号" in pdf_text(out[1])
    assert out[2].read_text(encoding="utf-8").startswith("copy_no: 000018\n")


def test_malformed_spec_is_a_chinese_error_and_exit_1(tmp_path: Path) -> None:
    spec = tmp_path / "错.yaml"
    spec.write_text("title: 通知\nbody: 正文\nnumber: 鄂市监发〔2022〕第5号\n", encoding="utf-8")
    done = huizong("doc", "render", spec, "-o", tmp_path / "x.pdf")
    assert done.returncode == 1 and not (tmp_path / "x.pdf").exists()
    assert done.stderr.startswith("错误：") and "第3行" in done.stderr and "不应编“第”字" in done.stderr


def test_wrong_output_suffix_is_a_usage_error(tmp_path: Path) -> None:
    done = huizong("doc", "render", SAMPLES / "letter.yaml", "-o", tmp_path / "x.txt")
    assert done.returncode == 2 and "错误：输出文件须以 .docx、.pdf、.yaml 结尾" in done.stderr


def test_notice_from_the_sample_campaign(tmp_path: Path) -> None:
    pdf = tmp_path / "通知.pdf"
    register = tmp_path / "发文登记.yaml"
    done = huizong("doc", "notice", "--campaign", SAMPLES / "campaign.yaml", "--register", register, "-o", pdf)
    assert done.returncode == 0, done.stderr
    assert "74: 2022-05-05 鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知" in register.read_text(
        encoding="utf-8"
    )
    text = pdf_text(pdf)
    assert "鄂市监发〔2022〕74号" in text and "附件1" in text and "工作情况统计表" in text
    unknown = huizong("doc", "notice", *CAMPAIGN, "--form", "no-such-form", "-o", tmp_path / "x.pdf", cwd=tmp_path)
    assert unknown.returncode == 1 and "未知的表单“no-such-form”" in unknown.stderr


def test_reminder_bulletin_summary_from_merge_json(tmp_path: Path, merge_json: Path) -> None:
    units = tmp_path / "units.txt"
    units.write_text("\n".join(UNITS) + "\n", encoding="utf-8")
    for kind in ("reminder", "bulletin", "summary"):
        out = tmp_path / f"{kind}.yaml"
        done = huizong("doc", kind, merge_json, *CAMPAIGN, "--units", units, "-o", out, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    reminder = (tmp_path / "reminder.yaml").read_text(encoding="utf-8")
    assert "达拉特旗：未报送任何报表。" in reminder and "康巴什区：报表中有1处错误" in reminder
    assert "东胜区" not in reminder and "number: 鄂市监函〔2022〕31号" in reminder
    bulletin = (tmp_path / "bulletin.yaml").read_text(encoding="utf-8")
    assert (
        "按时报送的单位（1个）：东胜区。" in bulletin
        and "逾期报送的单位（1个）：康巴什区（2022年5月25日报送）。" in bulletin
    )
    assert "六、工作意见和建议" in (tmp_path / "summary.yaml").read_text(encoding="utf-8")
    pdf = tmp_path / "通报.pdf"
    assert huizong("doc", "bulletin", merge_json, *CAMPAIGN, "-o", pdf, cwd=tmp_path).returncode == 0
    assert "工作情况统计表（汇总）" in pdf_text(pdf)


def test_reminder_with_nobody_to_remind_and_bad_merge_file(tmp_path: Path) -> None:
    empty = tmp_path / "空.json"
    empty.write_text(json.dumps({"forms": {}, "files": [], "issues": []}), encoding="utf-8")
    done = huizong("doc", "reminder", empty, *CAMPAIGN, "-o", tmp_path / "x.docx", cwd=tmp_path)
    assert done.returncode == 1 and "错误：没有需要催报的单位" in done.stderr
    broken = tmp_path / "坏.json"
    broken.write_text("{not json", encoding="utf-8")
    done = huizong("doc", "bulletin", broken, *CAMPAIGN, "-o", tmp_path / "x.docx")
    assert done.returncode == 1 and "第1行第2列：不是有效的 JSON（键须用双引号括起）" in done.stderr


def test_fill_an_office_template(tmp_path: Path, merge_json: Path) -> None:
    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("{{ forms.work_statistics.title }}：合计检查{{ forms.work_statistics.totals.inspected }}家次")
    d.save(template)
    out = tmp_path / "结果.docx"
    done = huizong("doc", "fill", template, merge_json, "-o", out)
    assert done.returncode == 0, done.stderr
    assert docx.Document(out).paragraphs[0].text == "工作情况统计表：合计检查20家次"
