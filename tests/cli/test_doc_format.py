"""`huizong doc format` (一键排版) run as a clerk runs it: outputs written, every change listed, the result
passing `doc check`; old Word and WPS drafts through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml
from cli_run import ROOT, run

DRAFTS = ROOT / "samples" / "documents" / "drafts"


def test_a_plain_text_draft_to_docx_pdf_and_yaml(tmp_path: Path) -> None:
    outs = [tmp_path / "意见.docx", tmp_path / "意见.pdf", tmp_path / "意见.yaml"]
    done = run("doc", "format", DRAFTS / "指导意见草稿.txt", *(a for o in outs for a in ("-o", o)), "--date", "2024-03-09",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == [f"已生成：{o}" for o in outs]
    assert lines[3].startswith("已作以下") and "“鄂市监发[2024]第07号”→“鄂市监发〔2024〕7号”" in done.stdout
    spec = yaml.safe_load(outs[2].read_text(encoding="utf-8"))
    assert spec["date"] == "2024-03-09" and spec["number"] == "鄂市监发〔2024〕7号"
    for out in outs[:2]:
        check = run("doc", "check", out)
        assert check.returncode == 0, check.stdout


def test_options_add_the_issuer_number_and_format(tmp_path: Path) -> None:
    out = tmp_path / "函.yaml"
    done = run("doc", "format", DRAFTS / "工作通知草稿.txt", "-o", out, "--issuer-mark", "鄂尔多斯市市场监督管理局",
               "--prefix", "鄂市监函", "--date", "2024-02-21", "--format", "letter", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    spec = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert spec["format"] == "letter" and spec["issuer_mark"] == "鄂尔多斯市市场监督管理局"
    assert spec["number"] == "鄂市监函〔2024〕1号" and (tmp_path / "发文登记.yaml").exists()


def test_bad_drafts_say_why_in_chinese(tmp_path: Path) -> None:
    odd = tmp_path / "草稿.pages"
    odd.write_text("x", encoding="utf-8")
    done = run("doc", "format", odd, "-o", tmp_path / "x.pdf")
    assert done.returncode == 1 and "草稿须为 .txt、.md、.docx、.doc 或 .wps 文件" in done.stderr
    untitled = tmp_path / "无标题.txt"
    untitled.write_text("为做好工作，现通知如下。\n请各单位认真落实。\n", encoding="utf-8")
    done = run("doc", "format", untitled, "-o", tmp_path / "x.pdf")
    assert done.returncode == 1 and "没有在草稿中找到标题" in done.stderr and "Traceback" not in done.stderr
    done = run("doc", "format", DRAFTS / "工作通知草稿.txt", "-o", tmp_path / "x.txt")
    assert done.returncode == 2 and "输出文件须以 .docx、.pdf、.yaml 结尾" in done.stderr


def test_a_wps_draft_through_libreoffice(tmp_path: Path) -> None:
    """A .wps file is a Word 97 file under another name: the .doc path is the same conversion."""
    source = tmp_path / "草稿.docx"
    shutil.copy(DRAFTS / "抽查通知草稿.docx", source)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "doc", "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=120, check=True)  # fmt: skip
    wps = tmp_path / "草稿.wps"
    shutil.move(tmp_path / "草稿.doc", wps)
    out = tmp_path / "成稿.pdf"
    done = run("doc", "format", wps, "-o", out, "--issuer-mark", "鄂尔多斯市市场监督管理局文件",
               "--number", "鄂市监发〔2024〕30号", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "“二〇二四年三月十八日”→“2024年3月18日”" in done.stdout
    assert run("doc", "check", out).returncode == 0
    assert not (tmp_path / "发文登记.yaml").exists()  # a number given by hand, no 代字: no register written
