"""`huizong doc check` run as a clerk runs it: findings in Chinese with where they are, exit 0 without error."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import ROOT, run

FAULTY = ROOT / "samples" / "documents" / "faulty"


def test_a_clean_document_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "通知.pdf"
    assert run("doc", "render", ROOT / "samples" / "documents" / "file-no-seal.yaml", "-o", out).returncode == 0
    done = run("doc", "check", out)
    assert done.returncode == 0 and done.stdout.strip() == "未发现不符合 GB/T 9704-2012 的地方。"


def test_faults_are_listed_with_their_place_and_exit_1() -> None:
    done = run("doc", "check", FAULTY / "heading-skip.docx")
    assert done.returncode == 1
    assert "错误　第1页第8段（二级标题）：“（二）”之前缺少“（一）”" in done.stdout
    assert done.stdout.strip().endswith("共 1 处错误、0 处提示。")


def test_json_output_with_expected_number_and_date() -> None:
    done = run(
        "doc", "check", FAULTY / "typed-clean.docx", "--json", "--number", "鄂市监发[2024]12号", "--date", "2024-03-09"
    )
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["kind"] == "docx" and report["errors"] == 1
    assert report["stated"] == {"title": "鄂尔多斯市市场监督管理局关于做好检验检测机构年度报告工作的通知",
                                "number": "鄂市监发〔2024〕12号", "date": "2024年3月8日"}  # fmt: skip
    (finding,) = report["findings"]
    assert finding["code"] == "date-mismatch" and finding["element"] == "date" and "2024年3月9日" in finding["message"]
    assert set(finding) >= {"severity", "code", "message", "element", "page", "paragraph", "location"}


def test_files_that_cannot_be_checked(tmp_path: Path) -> None:
    text = tmp_path / "说明.txt"
    text.write_text("不是公文", encoding="utf-8")
    done = run("doc", "check", text)
    assert done.returncode == 1 and "错误：说明.txt 不是 DOCX 或 PDF 文件，无法检查" in done.stderr
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    done = run("doc", "check", broken)
    assert done.returncode == 1 and done.stderr.startswith("错误：") and "Traceback" not in done.stderr
    missing = run("doc", "check", tmp_path / "没有.pdf")
    assert missing.returncode == 2 and "错误：文件" in missing.stderr and "不存在" in missing.stderr
