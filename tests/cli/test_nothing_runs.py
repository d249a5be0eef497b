"""Nothing we write runs: a district's text that looks like a formula stays text in every xlsx we produce —
the 汇总表 (merge, convert) and the annotated return with its 问题清单 — and is marked in the CSV.

Fed through the real command line, the way a clerk produces these files.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from cli_run import ROOT, run
from openpyxl import load_workbook

HOSTILE = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.com","点击")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _hostile_return(folder: Path) -> Path:
    """东胜区's clean roster with formula-like text typed as text in its name, field and note columns."""
    book = load_workbook(ROOT / "samples" / "roster" / "clean.xlsx")
    sheet = book.active
    texts = iter(HOSTILE * 3)
    for row in sheet.iter_rows(min_row=5):
        if isinstance(row[0].value, int):
            for cell in row[1:4]:
                cell.value = next(texts, "=1+1")
                cell.data_type = "s"
    target = folder / "东胜区.xlsx"
    book.save(target)
    assert not _formulas(target), "the input itself must hold text only"
    return target


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [n for n in archive.namelist() if n.endswith(".xml") and _FORMULA.search(archive.read(n))]


def test_formula_like_text_never_becomes_a_formula(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    source = _hostile_return(returns)
    out = tmp_path / "out"
    out.mkdir()
    merged = run("merge", returns, "-o", out / "汇总表.xlsx")
    assert merged.returncode == 0, merged.stderr
    annotated = run("annotate", source, "-o", out / "标注.xlsx")
    assert annotated.returncode == 0, annotated.stderr
    converted = run("convert", returns, "-o", out / "xlsx", "--to", "xlsx")
    assert converted.returncode == 0, converted.stderr
    as_csv = run("convert", returns, "-o", out / "csv", "--to", "csv")
    assert as_csv.returncode == 0, as_csv.stderr

    written = sorted(out.rglob("*.xlsx"))
    assert len(written) == 3
    for path in written:
        assert not _formulas(path), f"{path.name} holds a formula"
    # The text is all there, as written, in the 汇总表 and in the annotated return.
    values = {c for ws in load_workbook(out / "汇总表.xlsx") for row in ws.iter_rows(values_only=True) for c in row}
    assert {"=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)", "-1+2"} <= values
    annotated_values = {
        c for ws in load_workbook(out / "标注.xlsx") for row in ws.iter_rows(values_only=True) for c in row
    }
    assert "=cmd|' /C calc'!A0" in annotated_values
    # CSV: a leading ' keeps Excel from reading the cell as a formula (docs/limits.md).
    (csv_file,) = (out / "csv").rglob("*.csv")
    cells = [c for row in csv.reader(io.StringIO(csv_file.read_text("utf-8-sig"))) for c in row]
    assert "'=1+1" in cells and "'@SUM(A1)" in cells
    # A plain signed number (+1) is left alone: Excel reads it as that number, nothing runs.
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and c != "+1"]
