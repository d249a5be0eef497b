"""Every sample return parses to exactly the records its generator put in, at the right cells.

The truth files (`*.expected.json`) come from the sample generator's own data (samples/build), never from
running the parser.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forms import FormRegistry, load_file
from parsers import parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TRUTHS = sorted(p for p in SAMPLES.rglob("*.expected.json") if "hostile" not in p.parts)
UNITS = (SAMPLES / "campaign" / "units.txt").read_text(encoding="utf-8").split()
# The samples of real-world table layouts use forms of their own (budget, statistics report, health check).
SAMPLE_FORMS = SAMPLES / "forms"
# Warnings the generator does not plan but a correct parser may add: a return with no records at all.
TOLERATED_WARNINGS = {"no-records"}


def _id(path: Path) -> str:
    return str(path.relative_to(SAMPLES)).removesuffix(".expected.json")


@pytest.fixture(scope="module")
def with_sample_forms() -> FormRegistry:
    return FormRegistry.load([SAMPLE_FORMS])


@pytest.fixture(scope="module", params=TRUTHS, ids=_id)
def case(request, registry: FormRegistry, with_sample_forms: FormRegistry):
    truth_path: Path = request.param
    sample = truth_path.with_name(truth_path.name.removesuffix(".expected.json"))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    units = UNITS if "campaign" in sample.parts else None
    if "tables" in sample.relative_to(SAMPLES).parts:
        registry = with_sample_forms
    form_id = None
    own = sample.with_name(sample.name + ".form.yaml")
    if own.exists():  # a form a clerk defined (samples/custom); one without a header row is named, not recognised
        form = load_file(own)
        registry = FormRegistry([*registry, form])
        form_id = None if form.header else form.id
    return truth, parse_file(sample, sample.name, registry, units=units, form_id=form_id)


def test_status_form_and_unit(case) -> None:
    truth, ret = case
    assert (ret.status, ret.form, ret.unit) == (truth["status"], truth["form"], truth["unit"]), ret.message


def test_records_and_their_cells(case) -> None:
    truth, ret = case
    got = [
        {"section": r.section, "values": r.values, "source": {"sheet": r.source.sheet, "cell": r.source.cell}}
        | ({"extra": r.extra} if r.extra else {})
        for r in ret.records
    ]
    assert got == truth["records"]


def test_meta(case) -> None:
    truth, ret = case
    expected = {k: v for k, v in truth["meta"].items() if v is not None}
    assert ret.meta == expected


def test_issues(case) -> None:
    truth, ret = case
    expected = sorted((i["code"], i["location"], i["field"]) for i in truth["issues"])
    got = sorted((i.code, i.location, i.field) for i in ret.issues if i.code not in TOLERATED_WARNINGS)
    assert got == expected
