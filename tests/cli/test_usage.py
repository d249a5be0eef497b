"""click's usage errors reach the clerk in Chinese."""

import pytest

from huizong.cli.usage import chinese


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        ("Missing argument 'FILE'.", "缺少参数 FILE"),
        ("No such option: --bogus", "没有选项 --bogus"),
        ("No such option '--bogus'.", "没有选项 --bogus"),
        ("Option '--json' requires an argument.", "选项 --json 需要一个值"),
        ("Invalid value for 'FILE': File 'x.xlsx' does not exist.", "FILE：找不到 x.xlsx"),
        ("Invalid value for '--jobs': 99 is not in the range 1<=x<=64.", "--jobs 的值 99 超出范围 1<=x<=64"),
        ("Got unexpected extra argument (b.xlsx)", "多余的参数：b.xlsx"),
        ("No such command 'mrege'.", "没有命令 mrege（用 huizong --help 查看全部命令）"),
    ],
)
def test_click_messages_in_chinese(english: str, expected: str) -> None:
    assert chinese(english) == expected


def test_merge_usage_error_is_chinese(huizong, tmp_path) -> None:
    out = huizong("merge", tmp_path, "--jobs", "99", "-o", tmp_path / "x.xlsx")
    assert out.returncode == 2 and "错误：--jobs 的值 99 超出范围" in out.stderr and "Error" not in out.stderr
