"""A city's 汇总表 read back as the form it consolidates, its records the city's, each keeping its district."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from forms import FormRegistry
from generators.workbook import write_consolidated
from parsers import parse_file, rollup
from parsers.merge import merge


def roster_xlsx(unit: str, names: list[str]) -> bytes:
    """A district's institution roster, as small as the form allows."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["检验检测机构基本情况汇总表"],
        [f"所在旗区：{unit}", None, "上报时间：2024年5月10日"],
        ["二、第三方检验检测机构数量及名单"],
        ["序号", "机构名称", "领域", "备注"],
        *([i, name, "食品", ""] for i, name in enumerate(names, start=1)),
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


REGISTRY = FormRegistry.load()
DISTRICTS = ["东胜区", "达拉特旗"]


def consolidated(returns: list) -> bytes:
    buffer = io.BytesIO()
    write_consolidated(merge(returns, REGISTRY, units=[r.unit for r in returns]), REGISTRY, buffer)
    return buffer.getvalue()


def district_returns() -> list:
    return [
        parse_file(roster_xlsx(d, [f"{d}甲公司", f"{d}乙公司"]), f"{d}.xlsx", REGISTRY, units=DISTRICTS)
        for d in DISTRICTS
    ]


def test_a_consolidated_workbook_reads_back_as_the_citys_return():
    city = parse_file(consolidated(district_returns()), "鄂尔多斯市-汇总表.xlsx", REGISTRY, units=["鄂尔多斯市"])
    assert rollup.is_rollup(city)
    up = rollup.as_rollup(city, "鄂尔多斯市")
    assert (up.form, up.unit, up.meta["unit"]) == ("institution-roster", "鄂尔多斯市", "鄂尔多斯市")
    assert [(r.unit, r.origin_unit, r.values["name"]) for r in up.records] == [
        ("鄂尔多斯市", "东胜区", "东胜区甲公司"),
        ("鄂尔多斯市", "东胜区", "东胜区乙公司"),
        ("鄂尔多斯市", "达拉特旗", "达拉特旗甲公司"),
        ("鄂尔多斯市", "达拉特旗", "达拉特旗乙公司"),
    ]
    assert all(not r.extra for r in up.records)  # the unit column is read, not left over
    assert up.issues == []
    assert up.model_dump(mode="json")["records"][0]["origin_unit"] == "东胜区"


def test_the_province_workbook_shows_city_and_district_and_rolls_up_again():
    cities = [
        rollup.as_rollup(parse_file(consolidated(district_returns()), "市.xlsx", REGISTRY, units=[c]), c)
        for c in ("鄂尔多斯市", "包头市")
    ]
    province = consolidated(cities)
    sheet = openpyxl.load_workbook(io.BytesIO(province)).worksheets[0]
    assert [c.value for c in sheet[3]][:3] == ["填报单位", "来源单位", "序号"]
    data = [row[:3] for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]]  # not a section heading
    assert data[0] == ("鄂尔多斯市", "东胜区", 1) and data[-1] == ("包头市", "达拉特旗", 2)
    # Sent up once more, a record still names the district that first reported it.
    up = rollup.as_rollup(parse_file(province, "省.xlsx", REGISTRY, units=["内蒙古"]), "内蒙古")
    assert {(r.unit, r.origin_unit) for r in up.records} == {("内蒙古", "东胜区"), ("内蒙古", "达拉特旗")}
    assert len(up.records) == 8


def test_a_districts_own_return_is_no_rollup():
    assert not any(rollup.is_rollup(r) for r in district_returns())


def test_a_statistics_workbook_rolls_up_without_its_subtotals():
    folder = Path(__file__).parents[2] / "samples" / "campaign" / "returns"
    files = [folder / "东胜区工作情况统计表.xlsx", folder / "乌审旗工作情况统计表.xlsx"]
    districts = [parse_file(f.read_bytes(), f.name, REGISTRY) for f in files]
    assert [r.form for r in districts] == ["work-statistics"] * 2
    city = parse_file(consolidated(districts), "鄂尔多斯市-汇总表.xlsx", REGISTRY)
    up = rollup.as_rollup(city, "鄂尔多斯市")
    assert len(up.records) == sum(len(r.records) for r in districts)  # the 小计 and 合计 rows are no records
    assert {r.origin_unit for r in up.records} == {"东胜区", "乌审旗"}
    assert [i.code for i in up.issues] == [i.code for r in districts for i in r.issues]  # nothing new to say
    sheet = openpyxl.load_workbook(io.BytesIO(consolidated([up]))).worksheets[0]
    assert [c.value for c in sheet[3]][:3] == ["填报单位", "来源单位", "领域"]
    subtotal = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "鄂尔多斯市 小计")
    assert subtotal[1:3] == ("", "小计")
