"""HTML and CSV/TSV "xls" exports from other systems."""

from __future__ import annotations

import pytest

from forms.errors import UnreadableFile
from parsers.readers import read

HTML = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>导出</title>
<style>td {{ mso-number-format: "\\@"; }}</style></head>
<body><p>工作情况统计表</p><div>填报单位：东胜区&nbsp;&nbsp;填报日期：2022年5月12日</div>
<table border=1>
<tr><th rowspan=2>领域</th><th colspan=2>检查情况</th></tr>
<tr><td>检查机构数<br>（家次）</td><td>发现问题</td></tr>
<tr><td>食品</td><td x:num>12</td><td>3
</td>
<tr><td>合计</td><td>12<td>3<table><tr><td>附</td><td>表</td></tr></table></td></tr>
</table>
<p>填报人：张三</p>
{tail}
</body></html>"""


def test_html_table_with_spans_named_xls() -> None:
    doc = read(HTML.format(tail="").encode("gb18030"), "东胜区工作情况统计表.xls")
    assert doc.kind == "xls"
    assert doc.text == ["工作情况统计表", "填报单位：东胜区 填报日期：2022年5月12日", "填报人：张三"]
    table = doc.tables[0]
    assert table.name == "表1" and table.before == doc.text[:2]
    assert [[c.value for c in row] for row in table.rows] == [
        ["领域", "检查情况", "检查情况"],
        ["领域", "检查机构数\n（家次）", "发现问题"],
        ["食品", "12", "3"],
        ["合计", "12", "3\n附 表"],
    ]
    assert (table.rows[1][0].ref, table.rows[1][0].origin) == ("行1列1", (0, 0))
    assert (table.rows[0][2].location, table.rows[0][2].merged) == ("表1行1列2", True)


def test_html_second_table_gets_the_text_between() -> None:
    doc = read(HTML.format(tail="<h2>附表</h2><table><tr><td>x</td></tr></table>").encode("gb18030"), "a.xls")
    assert [t.name for t in doc.tables] == ["表1", "表2"]
    assert doc.tables[1].before == ["填报人：张三", "附表"]


def test_html_huge_spans_are_clipped_and_bounded() -> None:
    rows = "".join("<tr><td colspan=999999>x</td></tr>" for _ in range(3000))
    with pytest.raises(UnreadableFile, match="表格过大"):
        read(f"<table>{rows}</table>".encode(), "a.xls")
    doc = read(b"<table><tr><td rowspan=65534>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a.xls")
    assert [[c.value for c in r] for r in doc.tables[0].rows] == [["a", "b"], ["a", "c"]]


def test_tab_separated_gbk_with_title_line() -> None:
    text = "工作情况统计表\n领域\t检查机构数\t备注\n食品\t12\t含“抽检, 复检”\n\n"
    doc = read(text.encode("gbk"), "东胜区.xls")
    rows = doc.tables[0].rows
    assert [[c.value for c in r] for r in rows] == [
        ["工作情况统计表", None, None],
        ["领域", "检查机构数", "备注"],
        ["食品", "12", "含“抽检, 复检”"],
    ]
    assert (rows[2][1].location, doc.kind) == ("Sheet1!B3", "xls")


def test_csv_utf8_bom_and_utf16() -> None:
    csv = "序号,名称\n1,东胜区\n"
    for data in (b"\xef\xbb\xbf" + csv.encode(), csv.encode("utf-16")):
        assert [c.value for c in read(data, "a.csv").tables[0].rows[1]] == ["1", "东胜区"]


def test_csv_of_commas_is_bounded() -> None:
    with pytest.raises(UnreadableFile, match="表格过大"):
        read(b"," * 3_000_000, "a.csv")


def test_prose_under_a_word_name_is_not_a_table() -> None:
    with pytest.raises(UnreadableFile, match="不支持的文件类型：纯文本文件"):
        read("关于召开推进会的通知".encode(), "通知.docx")
