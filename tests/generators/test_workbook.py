"""The consolidated workbook, read back with python-calamine."""

from io import BytesIO

from python_calamine import CalamineWorkbook

from forms import FormRegistry
from forms.issues import CATALOGUE, issue
from generators.workbook import write_consolidated
from parsers.merge import merge
from parsers.results import Record, Return, Source


def _stats(unit: str, food_fines: float) -> Return:
    recs = []
    for i, (domain, fines) in enumerate((("产品质量", 1.0), ("食品", food_fines))):
        values = {
            "domain": domain,
            "inspected": 3,
            "problems": 1,
            "cases_filed": 1,
            "cases_closed": 1,
            "fines": fines,
            "transferred": 0,
            "blacklisted": 0,
        }
        recs.append(
            Record(unit=unit, values=values, source=Source(file=f"{unit}.xlsx", sheet="Sheet1", cell=f"A{5 + i}"))
        )
    return Return(
        path=f"{unit}.xlsx", form="work-statistics", unit=unit, meta={"reported_on": "2022-05-21"}, records=recs
    )


def _roster(unit: str, name: str) -> Return:
    rec = Record(
        unit=unit,
        section="public",
        values={"seq": 1, "name": name, "domain": "食品", "remark": None},
        source=Source(file=f"{unit}-名单.xlsx", sheet="Sheet1", cell="B5"),
    )
    bad = issue(
        "invalid-phone",
        form="institution-roster",
        unit=unit,
        file=f"{unit}-名单.xlsx",
        location="Sheet1!F9",
        field="phone",
        value="0477-83",
        label="联系方式",
        where="第9行",
    )
    return Return(path=f"{unit}-名单.xlsx", form="institution-roster", unit=unit, records=[rec], issues=[bad])


def _sheets(registry: FormRegistry, *returns: Return) -> dict[str, list[list[object]]]:
    result = merge(list(returns), registry, units=["东胜区", "达拉特旗", "杭锦旗"])
    buffer = BytesIO()
    write_consolidated(result, registry, buffer)
    book = CalamineWorkbook.from_filelike(BytesIO(buffer.getvalue()))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_matrix_sheet_has_unit_subtotals_and_grand_total(registry: FormRegistry) -> None:
    sheets = _sheets(registry, _stats("东胜区", 0.25), _stats("达拉特旗", 2.5))
    rows = sheets["工作情况统计表"]
    assert rows[2][:3] == ["填报单位", "领域", "检查机构数（家次）"]
    labels = [r[0] for r in rows[3:]]
    assert labels == ["东胜区", "东胜区", "东胜区 小计", "达拉特旗", "达拉特旗", "达拉特旗 小计", "合计"]
    total = rows[-1]
    assert total[2] == 12 and total[6] == 4.75
    assert "缺报 1 个（杭锦旗）" in rows[1][0]


def test_status_and_issue_sheets(registry: FormRegistry) -> None:
    sheets = _sheets(registry, _roster("东胜区", '=HYPERLINK("http://x")'), _stats("达拉特旗", 1.0))
    roster = sheets["检验检测机构基本情况汇总表"]
    assert roster[3][0].startswith("一、体制内") and roster[4][:3] == ["东胜区", 1, '=HYPERLINK("http://x")']
    status = {(r[0], r[1]): r[2] for r in sheets["报送情况"][2:]}
    assert status[("东胜区", "检验检测机构基本情况汇总表")] == "有错误"
    assert status[("杭锦旗", "工作情况统计表")] == "缺报"
    assert status[("达拉特旗", "工作情况统计表")] == "已报"
    issues = sheets["问题清单"]
    assert issues[2][:5] == [
        "错误",
        "东胜区",
        "检验检测机构基本情况汇总表",
        "东胜区-名单.xlsx",
        "工作表“Sheet1”第9行F列",
    ]
    assert "代码" not in issues[1] and not any(cell in CATALOGUE for row in issues for cell in row)


def test_district_text_never_becomes_a_formula(registry: FormRegistry) -> None:
    import zipfile

    result = merge([_roster("东胜区", "=1+1")], registry)
    buffer = BytesIO()
    write_consolidated(result, registry, buffer)
    with zipfile.ZipFile(BytesIO(buffer.getvalue())) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) for n in sheets)


def test_extra_columns_at_the_right_headed_by_their_label(registry: FormRegistry) -> None:
    def person(unit: str, name: str, extra: dict[str, object]) -> Return:
        values = {"unit": f"{unit}市场监督管理局", "name": name, "position": None, "office_phone": None}
        values |= {"mobile": None, "email": None}
        rec = Record(unit=unit, values=values, extra=extra, source=Source(file="x.xlsx", sheet="Sheet1", cell="B3"))
        return Return(path=f"{unit}.xlsx", form="liaison-roster", unit=unit, records=[rec])

    rows = _sheets(
        registry,
        person("东胜区", "段龙", {"微信号": "wx_ds01"}),
        person("达拉特旗", "郭瑞", {"微信号": "guorui", "传真": "0477-5212360"}),
        person("杭锦旗", "其其格", {}),
    )["联络员统计表"]
    assert rows[2] == ["填报单位", "单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱", "微信号", "传真"]
    assert [r[7:] for r in rows[3:6]] == [["wx_ds01", ""], ["guorui", "0477-5212360"], ["", ""]]


def _parts(result_book: BytesIO) -> dict[str, bytes]:
    import re
    import zipfile

    with zipfile.ZipFile(result_book) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*<", b"", parts["docProps/core.xml"])
    return parts


def _mixed(unit: str, units: list[str], sections: list[str]) -> list[Return]:
    """A statistics return whose rows name several units (they come in runs, or not) and a sectioned roster."""
    stats = _stats(unit, 0.5)
    stats.records = [r.model_copy(update={"unit": u}) for r, u in zip(stats.records * 2, units, strict=False)]
    roster = _roster(unit, f"{unit}检测站")
    roster.records = [r.model_copy(update={"section": s}) for r, s in zip(roster.records * 3, sections, strict=False)]
    return [stats, roster]


def test_records_spilled_write_the_same_workbook_as_records_held(registry: FormRegistry, tmp_path) -> None:
    from parsers.spill import Spill

    def returns(contiguous: bool) -> list[Return]:
        first = ["东胜区", "东胜区", "达拉特旗"] if contiguous else ["东胜区", "达拉特旗", "东胜区"]
        return [
            *_mixed("东胜区", first, ["third_party", "public", "third_party"]),
            *_mixed("达拉特旗", ["达拉特旗", "达拉特旗"], ["public", "public"]),
        ]

    for contiguous in (True, False):
        books = []
        with Spill(tmp_path) as spill:
            for spilled in (False, True):
                rets = returns(contiguous)
                if spilled:
                    for ret in rets:
                        ret.records = spill.put(ret.records)  # type: ignore[assignment]
                buffer = BytesIO()
                write_consolidated(merge(rets, registry, units=["东胜区", "达拉特旗"]), registry, buffer)
                books.append(_parts(buffer))
        assert books[0] == books[1]
    rows = _sheets(registry, *returns(False))["工作情况统计表"]
    assert [r[0] for r in rows[3:]] == [
        "东胜区",
        "东胜区",
        "东胜区 小计",
        "达拉特旗",
        "达拉特旗",
        "达拉特旗",
        "达拉特旗 小计",
        "合计",
    ]
