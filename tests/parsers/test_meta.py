from grids import sheet

from forms import FormRegistry
from parsers import meta


def test_meta_line_with_two_fields(registry: FormRegistry) -> None:
    fields = registry.get("institution-roster").meta
    found = meta.scan_line("所在旗区：东胜区                上报时间：2022年5月12日", fields)
    assert {k: v for k, (v, _at) in found.items()} == {"unit": "东胜区", "reported_on": "2022年5月12日"}


def test_blank_meta_line_gives_nothing(registry: FormRegistry) -> None:
    assert meta.scan_line("所在旗区：　　　　　　上报时间：　　　　", registry.get("institution-roster").meta) == {}


def test_qualified_label_and_label_value_cells(registry: FormRegistry) -> None:
    fields = registry.get("work-statistics").meta
    table = sheet([["填报单位（盖章）：达拉特旗市场监督管理局", None, "填报人", "张三"], ["填报日期", "2022.5.18"]])
    assert meta.scan_cells(table.rows, fields) == {
        "unit": "达拉特旗市场监督管理局",
        "reporter": "张三",
        "reported_on": "2022.5.18",
    }


def test_empty_label_cell_does_not_take_the_next_label(registry: FormRegistry) -> None:
    fields = registry.get("institution-roster").meta
    table = sheet([["所在旗区：", None, "上报时间：2024年5月10日"]])
    assert meta.scan_cells(table.rows, fields) == {"reported_on": "2024年5月10日"}


def test_meta_inside_brackets_loses_the_closing_bracket(registry: FormRegistry) -> None:
    fields = registry.get("liaison-roster").meta
    found = meta.scan_line("联络员统计表（填报单位：东胜区）", fields)
    assert found["unit"][0] == "东胜区"
    assert meta.scan_line("填报单位：鄂尔多斯市（东胜区）", fields)["unit"][0] == "鄂尔多斯市（东胜区）"


def test_a_neighbour_label_is_never_a_value(registry: FormRegistry) -> None:
    # An empty 编制部门：/填报单位： beside 单位：元 (the unit of measure) gives no unit at all.
    fields = registry.get("liaison-roster").meta
    table = sheet([["填报单位：", None, None, "单位：元"]])
    assert meta.scan_cells(table.rows, fields) == {}


def test_a_stamp_or_a_template_placeholder_is_no_value(registry: FormRegistry) -> None:
    fields = registry.get("liaison-roster").meta
    assert meta.scan_line("填报单位：（公章）", fields) == {}
    assert meta.scan_line("填报单位：{{company}}", fields) == {}
