"""Forms inferred from every built-in blank template and every sample return read those files back, and read
the other units' returns of the same form, record for record.

The record counts and values compared come from the samples' truth files (samples/build), never from the
built-in forms' own parse.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from forms import FormRegistry
from parsers import parse_document
from parsers.cells import Document
from parsers.infer import Inferred, infer_document, infer_file
from parsers.readers import read

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
TRUTHS = {
    p.with_name(p.name.removesuffix(".expected.json")): json.loads(p.read_text(encoding="utf-8"))
    for p in sorted(SAMPLES.rglob("*.expected.json"))
    if "hostile" not in p.parts
}
BUILTIN = {f.id for f in FormRegistry.load()}
# Returns of the built-in forms; samples/custom (forms a clerk wrote) have their own test at the end.
# Two real-world layouts of samples/tables are left to the parsers' own tests (tests/samples): a sheet holding
# three tables, whose inferred form is rightly the first table's, not the roster the truth reads; and a Word
# record form with `标签：` labels, which inference does not yet tell from meta lines over a list.
NOT_INFERRED = {"东胜区检查情况及联络员.xlsx", "鄂托克旗典型案例（标签带冒号）.docx"}
RETURNS = [
    p
    for p, t in TRUTHS.items()
    if t["status"] == "merged" and t["form"] in BUILTIN and not (p.parent.name == "tables" and p.name in NOT_INFERRED)
]
FORMS = sorted({TRUTHS[p]["form"] for p in RETURNS})


def _id(path: Path) -> str:
    return str(path.relative_to(SAMPLES))


@cache
def _known() -> tuple:
    return tuple(FormRegistry.load())


@cache
def _document(path: Path) -> Document:
    """Each sample is read once for all the tests here (a PDF takes most of a second)."""
    return read(path, path.name)


@cache
def _inferred(path: Path) -> Inferred:
    return infer_document(_document(path), path.read_bytes(), known=_known())


def _read(path: Path, inferred: Inferred):
    registry = FormRegistry([*_known(), inferred.form])
    return parse_document(_document(path), registry, form_id=inferred.form.id)


def _comparable(inferred: Inferred, form_id: str) -> set[str]:
    """Fields the truth and the inferred form spell alike: not a built-in choice or row key, which the truth
    gives in the built-in list's spelling (产品质量) and the inferred form in the file's own (工业产品)."""
    builtin = FormRegistry.load().get(form_id)
    canonical = {f.id for f in builtin.fields if f.type == "choice"} | {builtin.rows.field if builtin.rows else ""}
    return {f.id for f in inferred.form.fields if f.type != "choice"} - canonical


@pytest.mark.parametrize("path", RETURNS, ids=_id)
def test_inferred_form_reads_its_own_file_back(path: Path) -> None:
    inferred = _inferred(path)
    ret = _read(path, inferred)
    truth = TRUTHS[path]["records"]
    assert len(ret.records) == len(truth)
    shared = _comparable(inferred, TRUTHS[path]["form"])
    for got, want in zip(ret.records, truth, strict=True):
        expected = {k: v for k, v in want["values"].items() if k in shared and v not in (None, "")}
        assert {k: got.values.get(k) for k in expected} == expected


@pytest.mark.parametrize("form_id", FORMS)
def test_form_inferred_from_one_return_reads_the_others(form_id: str) -> None:
    paths = [p for p in RETURNS if TRUTHS[p]["form"] == form_id]
    inferred = _inferred(paths[0])
    counts = {_id(p): len(_read(p, inferred).records) for p in paths[1:]}
    assert counts == {_id(p): len(TRUTHS[p]["records"]) for p in paths[1:]}


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("form_id", FORMS)
def test_form_inferred_from_the_blank_template(form_id: str, suffix: str, tmp_path: Path) -> None:
    from generators.templates import write_template

    blank = tmp_path / f"空白.{suffix}"
    builtin = FormRegistry.load().get(form_id)
    write_template(builtin, blank)
    inferred = infer_file(blank, known=_known())
    assert inferred.form.layout == builtin.layout
    assert [f.label for f in inferred.form.fields] == [f.label for f in builtin.fields]
    # A Word table has no drop-down list: a choice there is read as text.
    types = [f.type if (f.type, suffix) != ("choice", "docx") else "text" for f in builtin.fields]
    assert [f.type for f in inferred.form.fields] == types
    assert [s.fields for s in inferred.form.sections] == [s.fields for s in builtin.sections]
    ret = parse_document(read(blank, blank.name), FormRegistry([*_known(), inferred.form]), form_id=inferred.form.id)
    assert ret.records == [] and not [i for i in ret.issues if i.severity == "error"]
    if suffix == "xlsx":  # the returns of the form, read with the form inferred from its blank annex
        paths = [p for p in RETURNS if TRUTHS[p]["form"] == form_id]
        assert {_id(p): len(_read(p, inferred).records) for p in paths} == {
            _id(p): len(TRUTHS[p]["records"]) for p in paths
        }


CUSTOM = sorted((SAMPLES / "custom").glob("*.form.yaml"))


@pytest.mark.parametrize("form_file", CUSTOM, ids=lambda p: p.name.removesuffix(".form.yaml"))
def test_inferred_form_is_the_form_the_sample_was_made_from(form_file: Path) -> None:
    """samples/custom: each file comes with the form a clerk wrote for it; inference finds that form."""
    from forms import load_file

    path = form_file.with_name(form_file.name.removesuffix(".form.yaml"))
    truth, inferred = load_file(form_file), _inferred(path).form
    assert (inferred.layout, inferred.header, inferred.sheet) == (truth.layout, truth.header, truth.sheet)
    pairs = list(zip(truth.fields, inferred.fields, strict=True))
    for want, got in pairs:
        if truth.header:  # a table without a header row has no labels to find
            assert (got.label, got.unit) == (want.label, want.unit)
        assert (got.type, got.decimals, got.long) == (want.type, want.decimals, want.long), want.label
        if truth.layout == "list":
            assert got.required == want.required, want.label
        if want.type == "choice":
            assert inferred.choices[got.choices] == truth.choices[want.choices]
    if truth.rows:
        assert [k.value for k in inferred.rows.keys] == [k.value for k in truth.rows.keys]
        assert [r.kind for r in inferred.rules] == [r.kind for r in truth.rules]
    assert {(m.id, m.label) for m in truth.meta} <= {(m.id, m.label) for m in inferred.meta}
    # and it reads the file as the sample's own form does, value for value
    ids = dict((want.id, got.id) for want, got in pairs)
    records = [{k: r.values[ids[k]] for k in ids} for r in _read(path, _inferred(path)).records]
    assert records == [rec["values"] for rec in TRUTHS[path]["records"]]
