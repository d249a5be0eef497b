from datetime import datetime

from forms import FormRegistry
from parsers.merge import merge
from parsers.results import Record, Return, Source

UNITS = ["东胜区", "达拉特旗", "伊金霍洛旗"]


def _roster(unit: str, path: str, names: list[str], reported: str | None = None, modified: datetime | None = None):
    records = [
        Record(
            unit=unit,
            section="third_party",
            values={"seq": i, "name": n, "domain": "食品", "remark": None},
            source=Source(file=path, sheet="Sheet1", cell=f"B{i + 4}"),
            cells={"name": f"Sheet1!B{i + 4}"},
        )
        for i, n in enumerate(names, start=1)
    ]
    meta = {"reported_on": reported} if reported else {}
    return Return(path=path, form="institution-roster", unit=unit, meta=meta, records=records, modified=modified)


def test_merge_units_missing_superseded_and_cross_unit(registry: FormRegistry) -> None:
    old = _roster("达拉特旗", "达拉特旗.xlsx", ["甲公司", "乙公司"], "2022-05-10")
    new = _roster("达拉特旗", "达拉特旗（修改稿）.xlsx", ["甲公司", "丙公司"], "2022-05-12")
    dongsheng = _roster("东胜区", "东胜区.xlsx", ["丙公司"], "2022-05-11")
    broken = Return(path="乌审旗.xlsx", form=None, unit=None, status="failed", message="文件已损坏，无法读取")
    result = merge([new, dongsheng, old, broken], registry, units=UNITS)
    roster = result.forms["institution-roster"]
    assert roster.units_reported == ["东胜区", "达拉特旗"]
    assert roster.missing_units == ["伊金霍洛旗"]
    assert [(r.unit, r.values["name"]) for r in roster.records] == [
        ("东胜区", "丙公司"),
        ("达拉特旗", "甲公司"),
        ("达拉特旗", "丙公司"),
    ]
    statuses = {f.path: f.status for f in result.files}
    assert statuses == {
        "达拉特旗（修改稿）.xlsx": "merged",
        "东胜区.xlsx": "merged",
        "达拉特旗.xlsx": "superseded",
        "乌审旗.xlsx": "failed",
    }
    superseded = next(i for i in result.issues if i.code == "superseded")
    assert superseded.file == "达拉特旗.xlsx" and "新增1条、删除1条" in superseded.message
    cross = next(i for i in result.issues if i.code == "cross-unit-duplicate")
    assert (cross.unit, cross.value, cross.severity) == ("达拉特旗", "丙公司", "warning") and "东胜区" in cross.message


def test_later_file_time_then_revised_name_win(registry: FormRegistry) -> None:
    a = _roster("东胜区", "东胜区.xlsx", ["甲"], modified=datetime(2022, 5, 12))
    b = _roster("东胜区", "东胜区-更正.xlsx", ["乙"], modified=datetime(2022, 5, 11))
    result = merge([a, b], registry, units=UNITS)
    assert [r.values["name"] for r in result.forms["institution-roster"].records] == ["甲"]
    c = _roster("东胜区", "东胜区.xlsx", ["甲"])
    d = _roster("东胜区", "东胜区-更正.xlsx", ["乙"])
    result = merge([d, c], registry, units=UNITS)
    assert [r.values["name"] for r in result.forms["institution-roster"].records] == ["乙"]


def test_matrix_totals(registry: FormRegistry) -> None:
    def stats(unit: str, fines: float) -> Return:
        values = {
            "domain": "食品",
            "inspected": 2,
            "problems": 1,
            "cases_filed": 1,
            "cases_closed": 1,
            "fines": fines,
            "transferred": 0,
            "blacklisted": 0,
        }
        rec = Record(unit=unit, values=values, source=Source(file=f"{unit}.xlsx", sheet="Sheet1", cell="A5"))
        return Return(path=f"{unit}.xlsx", form="work-statistics", unit=unit, records=[rec])

    result = merge([stats("东胜区", 1.25), stats("达拉特旗", 0.5)], registry, units=UNITS)
    totals = result.forms["work-statistics"].totals
    assert totals["fines"] == 1.75 and totals["inspected"] == 4 and isinstance(totals["inspected"], int)


def test_a_corrected_name_is_a_change_not_a_new_institution(registry: FormRegistry) -> None:
    from parsers.diff import describe_changes

    old = _roster("达拉特旗", "a.xlsx", ["达拉特旗宏胜建设工程质量检测有限公司", "甲公司"])
    new = _roster("达拉特旗", "b.xlsx", ["达拉特旗宏盛建设工程质量检测有限公司", "甲公司", "乙公司"])
    text = describe_changes(registry.get("institution-roster"), old, new)
    assert text.startswith("新增1条、删除0条、修改1条") and "机构名称" in text
