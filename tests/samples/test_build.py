"""The sample returns' truth files are consistent with themselves, the forms and the files they describe.

Light checks only: every `<file>.expected.json` has the contract's shape, names a file that exists, uses
field ids, sections and row keys the form YAML defines, and (for spreadsheets and Word files) points its
sources at cells that really hold the record's key value. Whether a parser agrees is the parsers' tests' job.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from forms import FormRegistry
from forms.issues import CATALOGUE
from samples.build.truth import key_field

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FOLDERS = ("roster", "statistics", "cases", "liaison", "inspection", "campaign", "tables")
TRUTHS = sorted(p for folder in FOLDERS for p in (SAMPLES / folder).rglob("*.expected.json"))
LOCATION = {
    ".xlsx": r".+![A-Z]{1,3}[1-9]\d*",
    ".xls": r".+![A-Z]{1,3}[1-9]\d*",
    ".et": r".+![A-Z]{1,3}[1-9]\d*",
    ".docx": r"表[1-9]\d*行[1-9]\d*列[1-9]\d*",
    ".pdf": r"第[1-9]\d*页表[1-9]\d*行[1-9]\d*列[1-9]\d*",
}
SOURCE = {  # file suffix -> (sheet pattern, cell pattern)
    ".xlsx": (r".+", r"[A-Z]{1,3}[1-9]\d*"),
    ".xls": (r".+", r"[A-Z]{1,3}[1-9]\d*"),
    ".et": (r".+", r"[A-Z]{1,3}[1-9]\d*"),
    # A Word record form without a table is read paragraph by paragraph: 正文第3段.
    ".docx": (r"表[1-9]\d*|正文", r"行[1-9]\d*列[1-9]\d*|第[1-9]\d*段"),
    ".pdf": (r"第[1-9]\d*页", r"表[1-9]\d*行[1-9]\d*列[1-9]\d*"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    sheet: str
    cell: str


class Record(_Strict):
    section: str | None
    values: dict[str, Any]
    source: Source
    extra: dict[str, Any] = {}


class Issue(_Strict):
    code: str
    location: str | None
    field: str | None


class Truth(_Strict):
    form: str | None
    status: Literal["merged", "failed", "unrecognized"]
    unit: str | None
    meta: dict[str, Any]
    records: list[Record]
    issues: list[Issue]


@pytest.fixture(scope="module")
def forms() -> FormRegistry:
    return FormRegistry.load([SAMPLES / "forms"])


def _sample(truth_path: Path) -> Path:
    return truth_path.with_name(truth_path.name.removesuffix(".expected.json"))


def _load(truth_path: Path) -> Truth:
    return Truth.model_validate(json.loads(truth_path.read_text(encoding="utf-8")))


def test_samples_are_built() -> None:
    assert len(TRUTHS) >= 40, "run `python -m samples.build`"


@pytest.mark.parametrize("path", TRUTHS, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_truth_matches_its_form(path: Path, forms: FormRegistry) -> None:
    truth, sample = _load(path), _sample(path)
    assert sample.exists(), f"{sample} is missing"
    if truth.status != "merged":
        assert truth.form is None and truth.records == [] and truth.issues
        return
    form = forms.get(str(truth.form))
    assert truth.records, "a readable form with no records"
    assert set(truth.meta) == {f.id for f in form.meta}
    sheet_re, cell_re = SOURCE[sample.suffix]
    for rec in truth.records:
        section = form.section(rec.section)
        assert (section is not None) == bool(form.sections)
        assert list(rec.values) == [f.id for f in form.section_fields(section)]
        assert re.fullmatch(sheet_re, rec.source.sheet) and re.fullmatch(cell_re, rec.source.cell)
    if form.rows is not None:
        keys = [rec.values[form.rows.field] for rec in truth.records]
        assert len(set(keys)) == len(keys) and set(keys) <= {k.value for k in form.rows.keys}
    for issue in truth.issues:
        assert issue.code in CATALOGUE
        assert issue.location and re.fullmatch(LOCATION[sample.suffix], issue.location)
        assert issue.field is None or issue.field in {f.id for f in form.fields}


def _squash(value: object) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "" if value is None else str(value)))


def _spreadsheet_cell(sample: Path, sheet: str, ref: str) -> object:
    from openpyxl.utils import column_index_from_string
    from python_calamine import CalamineWorkbook

    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m
    rows = CalamineWorkbook.from_path(str(sample)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return rows[int(m[2]) - 1][column_index_from_string(m[1]) - 1]


def _word_cell(sample: Path, table: str, ref: str) -> str:
    import docx
    from docx.oxml.ns import qn

    m = re.fullmatch(r"行(\d+)列(\d+)", ref)
    assert m
    tbl = docx.Document(str(sample)).tables[int(table[1:]) - 1]._tbl
    col = 0
    for tc in tbl.tr_lst[int(m[1]) - 1].tc_lst:
        if col == int(m[2]) - 1:
            return "".join(t.text or "" for t in tc.iter(qn("w:t")))
        col += tc.grid_span
    raise AssertionError(f"{table}{ref} is not a cell")


READABLE = [p for p in TRUTHS if _sample(p).suffix in (".xlsx", ".xls", ".et", ".docx")]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sources_hold_the_key_value(path: Path, forms: FormRegistry) -> None:
    truth, sample = _load(path), _sample(path)
    if truth.status != "merged":
        return
    form = forms.get(str(truth.form))
    key = key_field(form)
    read = _spreadsheet_cell if sample.suffix != ".docx" else _word_cell
    for rec in truth.records:
        if form.rows is not None or rec.source.sheet == "正文":
            continue  # row keys may be written as synonyms (工业产品 for 产品质量); paragraphs are no cells
        held = _squash(read(sample, rec.source.sheet, rec.source.cell))
        value = _squash(rec.values[key])
        # A record form may write several `标签：值` pairs in one cell (姓名：张三  性别：男 …).
        assert held == value or (":" in held and f":{value}" in held)  # NFKC makes ： a :


def test_campaign_truth_names_real_files() -> None:
    campaign = SAMPLES / "campaign"
    expected = yaml.safe_load((campaign / "expected.yaml").read_text(encoding="utf-8"))
    units = (campaign / "units.txt").read_text(encoding="utf-8").split()
    returns = {p.name for p in (campaign / "returns").iterdir() if not p.name.endswith(".expected.json")}
    files = expected["files"]
    named = [*files["merged"], *files["failed"], *files["unrecognized"], *(s["file"] for s in files["superseded"])]
    assert sorted(named) == sorted(returns), "every return is accounted for exactly once"
    for result in expected["forms"].values():
        assert set(result["units_reported"]) | set(result["missing_units"]) == set(units)
        assert set(result["late_units"]) <= set(result["units_reported"])
