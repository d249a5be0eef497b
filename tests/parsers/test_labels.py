from forms import FormRegistry
from parsers import labels


def test_key_ignores_breaks_spaces_width_and_colons() -> None:
    assert labels.key("机构\n名 称：") == labels.key("机构名称")
    assert labels.bare("罚没金额（万元）") == labels.bare("罚没金额(万元)") == "罚没金额"


def test_best_field_prefers_exact_and_specific(registry: FormRegistry) -> None:
    roster = registry.get("institution-roster")
    assert labels.best_field("单位名称", roster.fields)[0].id == "name"
    assert labels.best_field("联系\n电话", roster.fields)[0].id == "phone"
    assert labels.best_field("首次获证时间", roster.fields)[0].id == "first_certified"
    stats = registry.get("work-statistics")
    assert labels.best_field("发现问题机构数（家）", stats.fields)[0].id == "problems"
    assert labels.best_field("检查机构数（家次）", stats.fields)[0].id == "inspected"
    assert labels.best_field("合计", stats.fields)[0] is None


def test_assign_maps_each_field_once_and_uses_parent_header(registry: FormRegistry) -> None:
    stats = registry.get("work-statistics")
    columns = [["领域"], ["立案数", "案件情况立案数", "案件情况"], ["结案数", "案件情况结案数", "案件情况"], ["备注"]]
    mapping = labels.assign(columns, stats.fields)
    assert {c: f.id for c, f in mapping.items()} == {0: "domain", 1: "cases_filed", 2: "cases_closed"}
