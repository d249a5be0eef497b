"""`huizong annotate` and `huizong convert`, as a clerk runs them."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from cli_run import ROOT
from openpyxl import load_workbook

from parsers.cells import location_words

SAMPLES = ROOT / "samples"


@pytest.mark.parametrize(
    ("sample", "sheet", "cell"),
    [
        ("roster/messy-values.xlsx", "Sheet1", None),
        ("liaison/with-errors.xls", None, None),
        ("cases/bad-credit-code.docx", "表1", None),
    ],
)
def test_annotate_marks_every_located_issue(huizong, tmp_path: Path, sample: str, sheet: str | None, cell) -> None:
    source = SAMPLES / sample
    truth = json.loads(source.with_name(source.name + ".expected.json").read_text(encoding="utf-8"))
    target = tmp_path / "标注.xlsx"
    out = huizong("annotate", source, "-o", target)
    assert out.returncode == 0, out.stderr
    book = load_workbook(target)
    assert book.sheetnames[0] == "问题清单"
    listed = [row[1] for row in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    for issue in truth["issues"]:
        location = issue["location"]
        assert location_words(location) in listed
        name, _, ref = location.rpartition("!")
        if name:  # spreadsheet: the clerk's own sheet, same cell
            marked = book[name][ref]
        else:  # Word: laid out as one sheet per table, 表1行2列4 -> sheet 表1, row 2, column 4
            table, row, col = re.fullmatch(r"(表\d+)行(\d+)列(\d+)", location).groups()
            marked = book[table].cell(int(row), int(col))
        assert marked.comment is not None and marked.fill.fgColor.rgb.endswith(("F8CBAD", "FFE699"))
    fields = [row[2] for row in book["问题清单"].iter_rows(min_row=2, values_only=True) if row[2]]
    assert fields and not any(f.isascii() for f in fields)  # 栏目 by its label, never the field id


def test_annotate_keeps_the_districts_formatting(huizong, tmp_path: Path) -> None:
    source = SAMPLES / "roster" / "messy-values.xlsx"
    target = tmp_path / "标注.xlsx"
    huizong("annotate", source, "-o", target)
    original, annotated = load_workbook(source)["Sheet1"], load_workbook(target)["Sheet1"]
    assert original.merged_cells.ranges == annotated.merged_cells.ranges
    assert [[c.value for c in row] for row in original.iter_rows()] == [
        [c.value for c in row] for row in annotated.iter_rows()
    ]


def test_annotate_refuses_a_damaged_file_clearly(huizong, tmp_path: Path) -> None:
    out = huizong("annotate", SAMPLES / "hostile" / "truncated.xlsx", "-o", tmp_path / "x.xlsx")
    assert out.returncode == 1 and "无法读取" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_convert_a_folder(huizong, tmp_path: Path, fmt: str) -> None:
    out = huizong("convert", SAMPLES / "liaison", "-o", tmp_path, "--to", fmt)
    assert out.returncode == 0, out.stderr
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(f"{p.stem}.{fmt}" for p in (SAMPLES / "liaison").iterdir() if p.suffix != ".json")
    assert "记录/错误" in out.stdout
    if fmt == "csv":
        rows = list(csv.reader((tmp_path / "clean.csv").read_text(encoding="utf-8-sig").splitlines()))
        truth = json.loads((SAMPLES / "liaison" / "clean.xlsx.expected.json").read_text(encoding="utf-8"))
        assert rows[0][:3] == ["填报单位", "单位", "姓名"] and len(rows) == 1 + len(truth["records"])


def test_csv_never_carries_a_formula(tmp_path: Path, registry) -> None:
    from generators.records_csv import records_csv
    from parsers.results import Record, Source

    rec = Record(
        unit="东胜区",
        values={"name": "=cmd|' /C calc'!A0", "unit": "-1+1", "mobile": "-5"},
        source=Source(file="x", sheet="S", cell="A1"),
    )
    text = records_csv(registry.get("liaison-roster"), [rec]).decode("utf-8-sig")
    assert "'=cmd" in text and "'-1+1" in text and ",-5," in text
