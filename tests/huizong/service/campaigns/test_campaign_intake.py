"""Whose return a parsed file is, under the campaign's rules."""

from __future__ import annotations

from forms.issues import issue
from huizong.service.campaigns import intake
from parsers.results import Record, Return, Source

UNITS = ["东胜区", "达拉特旗"]
FORMS = ["institution-roster"]


def parsed(unit: str | None, form: str | None = "institution-roster", issues: list | None = None) -> Return:
    rec = Record(
        unit=unit,
        section="third_party",
        values={"name": "某检测公司"},
        source=Source(file="f.xlsx", sheet="Sheet1", cell="B5"),
        cells={"name": "Sheet1!B5"},
    )
    return Return(path="f.xlsx", form=form, unit=unit, records=[rec], issues=issues or [])


def test_link_refuses_a_return_naming_another_unit(registry):
    outcome = intake.attribute(parsed("达拉特旗"), "东胜区", UNITS, FORMS, registry)
    assert outcome.state == "refused"
    assert outcome.message == "文件中的填报单位是“达拉特旗”，不是“东胜区”，未予接收。请上传本单位的报表。"


def test_link_refuses_a_unit_it_cannot_match(registry):
    assert intake.attribute(parsed("某某市"), "东胜区", UNITS, FORMS, registry).state == "refused"


def test_link_supplies_the_unit_a_file_does_not_name(registry):
    outcome = intake.attribute(parsed(None), "东胜区", UNITS, FORMS, registry)
    assert (outcome.state, outcome.unit) == ("parsed", "东胜区")


def test_clerk_upload_takes_the_unit_from_the_file(registry):
    assert intake.attribute(parsed("达拉特旗"), None, UNITS, FORMS, registry).unit == "达拉特旗"
    unknown = intake.attribute(parsed("某某市"), None, UNITS, FORMS, registry)
    assert (unknown.state, unknown.unit, unknown.unit_name) == ("parsed", None, "某某市")


def test_a_form_outside_the_campaign_is_flagged(registry):
    outcome = intake.attribute(parsed("东胜区", form="case-report"), None, UNITS, FORMS, registry)
    assert outcome.message == "该文件是《典型案例报送信息表》，不属于本次任务要求报送的报表"


def test_assign_unit_fills_records_and_drops_the_moot_warning():
    missing = issue("unit-missing", form="institution-roster", file="f.xlsx", field="unit")
    error = issue("missing-required", form="institution-roster", file="f.xlsx", field="domain", label="领域", row=5)
    ret = intake.assign_unit(parsed(None, issues=[missing, error]), "东胜区")
    assert ret.unit == "东胜区" and ret.records[0].unit == "东胜区" and ret.meta["unit"] == "东胜区"
    assert [i.code for i in ret.issues] == ["missing-required"] and ret.issues[0].unit == "东胜区"
    assert intake.counts(ret) == (1, 0)


def test_stored_json_keeps_source_cells():
    ret = parsed("东胜区")
    again = intake.load(intake.dump(ret))
    assert again.records[0].cells == {"name": "Sheet1!B5"}
    assert again == ret
