from grids import doc, sheet, word_table

from forms import FormRegistry
from parsers.recognise import recognise


def test_recognised_by_headers_alone(registry: FormRegistry) -> None:
    table = sheet(
        [
            ["姓名", "职务", "办公电话", "手机号码", "电子邮箱"],
            ["张三", "科长", "0477-8313683", "13912345678", "a@b.cn"],
        ]
    )
    assert recognise(doc(table), registry).form.id == "liaison-roster"


def test_recognised_by_title_and_sections(registry: FormRegistry) -> None:
    table = word_table([["序号", "机构名称", "领域", "备注"]], before=["二、第三方检验检测机构数量及名单"])
    guess = recognise(doc(table, text=["检验检测机构基本情况汇总表"], kind="docx"), registry)
    assert guess.form.id == "institution-roster" and guess.title and guess.sections == 1


def test_a_notice_naming_a_form_is_not_that_form(registry: FormRegistry) -> None:
    text = ["关于召开检验检测工作推进会的通知", "附件：检验检测机构基本情况汇总表", "请各单位准时参加。"]
    assert recognise(doc(text=text, kind="docx"), registry) is None


def test_two_common_labels_are_not_enough(registry: FormRegistry) -> None:
    assert recognise(doc(sheet([["序号", "备注"], [1, "x"]])), registry) is None
