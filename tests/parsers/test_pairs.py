"""`标签：值` pairs inside one cell or line."""

from parsers.pairs import in_text, split


def test_several_pairs_on_one_line() -> None:
    line = "姓名：王芳　　　性别：女      年龄：34  籍贯:内蒙古"
    assert split(line) == [("姓名", "王芳"), ("性别", "女"), ("年龄", "34"), ("籍贯", "内蒙古")]


def test_an_empty_value_and_a_template_line() -> None:
    assert split("体检日期：      年    月    日          编号:") == [("体检日期", "年    月    日"), ("编号", "")]


def test_a_label_at_a_line_end_never_takes_the_next_line() -> None:
    text = "单位：某餐饮公司    从业类别：\n姓名：王芳"
    assert in_text(text) == [("单位", "某餐饮公司"), ("从业类别", ""), ("姓名", "王芳")]


def test_times_and_urls_are_values_not_labels() -> None:
    assert split("上午9:30开会  网址：http://x.cn") == [("网址", "http://x.cn")]
