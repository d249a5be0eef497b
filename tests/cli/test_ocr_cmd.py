"""A stamped scan through `huizong parse`, `merge` and `annotate`, as a clerk runs them (docs/ocr.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_run import ROOT, run
from openpyxl import load_workbook

SCAN = ROOT / "samples" / "scans" / "鄂托克前旗联络员（盖章扫描）.jpg"
TRUTH = json.loads(SCAN.with_name(SCAN.name + ".truth.json").read_text(encoding="utf-8"))


def test_parse_reads_a_stamped_scan_and_marks_it() -> None:
    done = run("parse", SCAN, "--json", "-")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    form = result["forms"][TRUTH["form"]]
    assert [r["values"] for r in form["records"]] == [r["values"] for r in TRUTH["records"]]
    assert all(r["source"]["ocr"] is True for r in form["records"])
    notices = [i for i in result["issues"] if i["code"] == "ocr"]
    assert len(notices) == 1 and "扫描件或照片" in notices[0]["message"]
    for flagged in (i for i in result["issues"] if i["code"] == "ocr-uncertain"):
        assert flagged["location"].startswith("第1页表1行") and "请对照纸质原件核对" in flagged["message"]


def test_merge_takes_a_scan_beside_a_spreadsheet(tmp_path: Path) -> None:
    folder = tmp_path / "收到的报表"
    folder.mkdir()
    shutil.copy(SCAN, folder / SCAN.name)
    shutil.copy(ROOT / "samples" / "liaison" / "clean.xlsx", folder / "东胜区联络员.xlsx")
    done = run("merge", folder, "--json", tmp_path / "汇总.json", "-o", tmp_path / "汇总表.xlsx")
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "汇总.json").read_text(encoding="utf-8"))
    files = {Path(f["path"]).name: f for f in result["files"]}
    assert files[SCAN.name]["status"] == "merged" and files[SCAN.name]["unit"] == TRUTH["unit"]
    records = result["forms"][TRUTH["form"]]["records"]
    assert sum(1 for r in records if r["source"].get("ocr")) == len(TRUTH["records"])
    assert any(r for r in records if not r["source"].get("ocr"))
    assert sum(1 for i in result["issues"] if i["code"] == "ocr") == 1


def test_annotate_shows_the_cells_to_check(tmp_path: Path) -> None:
    # The annotated workbook marks every cell the parse flags ocr-uncertain, with its comment.
    parsed = json.loads(run("parse", SCAN, "--json", "-").stdout)
    flagged = {i["location"] for i in parsed["issues"] if i["code"] == "ocr-uncertain"}
    out = tmp_path / "标注.xlsx"
    done = run("annotate", SCAN, "-o", out)
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    comments = [c.comment.text for s in book.worksheets for row in s.iter_rows() for c in row if c.comment]
    assert sum("文字识别" in text for text in comments) == len(flagged)
    issues_sheet = [row for row in book["问题清单"].iter_rows(values_only=True)]
    assert any("扫描件或照片" in str(row[4]) for row in issues_sheet)
