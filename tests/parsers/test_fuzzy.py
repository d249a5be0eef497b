"""Headers no label or synonym names: a guess by closeness and content, always reported; else kept as extra."""

from grids import doc, sheet

from benchmarks.fuzzy_headers import SAMPLE_FORMS, measure, report
from forms import FormRegistry
from parsers import parse_document
from parsers.fuzzy import closeness

OUT = ["序号", "机构名称", "领域", "首次取得资质时间", "联系人", "联系方式"]


def _roster(head: list[str], *rows: list[object]):
    heading = ["三、外省在本辖区内开展检验检测业务的机构数量及名单"]
    return doc(sheet([["检验检测机构基本情况汇总表"], heading, head, *rows]))


def test_a_reworded_date_column_lands_in_its_field_with_a_warning(registry: FormRegistry) -> None:
    ret = parse_document(
        _roster(OUT, [1, "陕西正信检测公司", "煤炭", "2020年6月18日", "高峰", "029-87311826"]), registry
    )
    assert ret.records[0].values["first_certified"] == "2020-06-18" and ret.records[0].extra == {}
    (warning,) = ret.issues
    assert (warning.code, warning.severity, warning.location, warning.field) == (
        "fuzzy-header",
        "warning",
        "Sheet1!D3",
        "first_certified",
    )
    assert "首次取得资质时间" in warning.message and "首次获证时间" in warning.message and "日期" in warning.message


def test_the_guess_is_reported_once_per_file(registry: FormRegistry) -> None:
    rows = [[n, f"{n}号检测公司", "煤炭", "2020年6月18日", "高峰", "029-87311826"] for n in (1, 2, 3)]
    ret = parse_document(_roster(OUT, *rows), registry)
    assert len(ret.records) == 3 and [i.code for i in ret.issues] == ["fuzzy-header"]


def test_a_date_column_that_is_another_date_stays_extra(registry: FormRegistry) -> None:
    head = [*OUT[:3], "成立日期", *OUT[4:]]
    ret = parse_document(
        _roster(head, [1, "陕西正信检测公司", "煤炭", "2012年1月9日", "高峰", "029-87311826"]), registry
    )
    rec = ret.records[0]
    assert rec.values["first_certified"] is None and rec.extra == {"成立日期": "2012年1月9日"}
    assert [i.code for i in ret.issues] == ["unmapped-column"]


def test_content_that_contradicts_the_field_rules_the_guess_out(registry: FormRegistry) -> None:
    ret = parse_document(_roster(OUT, [1, "陕西正信检测公司", "煤炭", "见附件", "高峰", "029-87311826"]), registry)
    assert ret.records[0].extra == {"首次取得资质时间": "见附件"}


def test_closeness_ignores_spaces_line_breaks_and_units(registry: FormRegistry) -> None:
    phone = registry.get("liaison-roster").field("office_phone")
    assert closeness("办公室\n电话", phone)[0] == closeness("办公室电话（含区号）", phone)[0] > 0.8
    assert closeness("微信号", phone)[0] == 0


def test_wrong_guesses_are_rarer_than_missed_columns() -> None:
    outcomes = measure(FormRegistry.load([SAMPLE_FORMS]))
    print("\n" + report(outcomes))
    wrong = sum(o.verdict == "wrong" for o in outcomes)
    missed = sum(o.verdict == "missed" for o in outcomes)
    guessed = sum(o.verdict == "correct" and not o.by_label for o in outcomes)
    assert wrong < missed and wrong <= 2 and guessed >= 15
