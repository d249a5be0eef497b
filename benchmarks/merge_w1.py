"""Benchmark W1: 300 clean liaison returns × 200 rows — `huizong merge` beside the floor and the pandas script.

- floor: python-calamine reads every return and xlsxwriter (constant_memory, write_row) writes the same data
  rows into one sheet — no recognition, no checking, no formats: the least any merge of these files can cost.
- pandas: what an IT person writes (read_excel + concat + to_excel), with no checking at all.

The three take turns (huizong, floor, pandas, huizong, …) and the median of each figure is printed, with CPU
and wall time as ratios to the floor. CPU time (user + system of the process and its workers) is the figure to
judge on a shared machine; wall time also shows what huizong's worker processes buy on the cores it gets.
Run: .venv/bin/python -m benchmarks.merge_w1 [--returns 300] [--rows 200] [--repeat 3] [--no-pandas] [--no-tree]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import xlsxwriter

from benchmarks.measure import Run, alternating, load, run

UNITS = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "乌审旗", "杭锦旗", "鄂托克旗", "鄂托克前旗"]
HEADER = ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"]

BASELINE = """
import sys, glob, pandas as pd
frames = [pd.read_excel(f, header=1) for f in sorted(glob.glob(sys.argv[1] + '/*.xlsx'))]
pd.concat(frames, ignore_index=True).to_excel(sys.argv[2], index=False)
"""

FLOOR = """
import sys, glob
from python_calamine import CalamineWorkbook
import xlsxwriter
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
sheet = book.add_worksheet()
row = 0
for f in sorted(glob.glob(sys.argv[1] + '/*.xlsx')):
    for values in CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()[2:]:
        sheet.write_row(row, 0, values)
        row += 1
book.close()
"""


def make_returns(folder: Path, returns: int, rows: int) -> None:
    for n in range(returns):
        unit = f"{UNITS[n % len(UNITS)]}{n // len(UNITS) or ''}"
        book = xlsxwriter.Workbook(str(folder / f"{n:03d}-{unit}联络员统计表.xlsx"))
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, [f"联络员统计表（填报单位：{unit}）"])
        sheet.write_row(1, 0, HEADER)
        for r in range(rows):
            sheet.write_row(
                r + 2,
                0,
                [
                    f"{unit}市场监督管理局",
                    f"联络员{r:03d}",
                    "科员",
                    f"0477-83{r % 100:02d}{n % 1000:03d}",
                    f"139{n:04d}{r:04d}",
                    f"liaison{n}x{r}@example.cn",
                ],
            )
        book.close()


def commands(folder: Path, out: Path, pandas: bool) -> dict[str, list[str]]:
    python = sys.executable
    huizong = str(Path(python).with_name("huizong"))
    found = {
        "huizong merge": [huizong, "merge", str(folder), "--form", "liaison-roster", "-o", str(out / "ours.xlsx")],
        "下限 calamine+xlsxwriter": [python, "-c", FLOOR, str(folder), str(out / "floor.xlsx")],
    }
    if pandas:
        found["pandas 脚本"] = [python, "-c", BASELINE, str(folder), str(out / "pandas.xlsx")]
    return found


def table(runs: dict[str, Run], floor: Run) -> list[str]:
    lines = [f"  {'':26}{'墙钟':>8}{'CPU':>9}{'峰值内存':>9}{'CPU/下限':>10}{'墙钟/下限':>10}"]
    for name, r in runs.items():
        lines.append(
            f"  {name:26}{r.seconds:7.2f}s{r.cpu_seconds:8.2f}s{r.peak_mb:7.0f}MB"
            f"{r.cpu_seconds / floor.cpu_seconds:9.2f}×{r.seconds / floor.seconds:9.2f}×"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=300)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pandas", dest="pandas", action="store_false", help="不跑 pandas 脚本（大批量时太慢）")
    parser.add_argument("--no-tree", dest="tree", action="store_false", help="不另行采样进程树内存（少跑一次 huizong）")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="huizong-w1-") as tmp:
        folder = Path(tmp) / "returns"
        folder.mkdir()
        make_returns(folder, args.returns, args.rows)
        before = load()
        argvs = commands(folder, Path(tmp), args.pandas)
        runs = alternating(argvs, args.repeat)
        after = load()
        # One more run, untimed, sampling the whole process tree (huizong's worker processes too).
        tree = run(argvs["huizong merge"], tree=True).tree_mb if args.tree else None
    print(f"W1：{args.returns} 份 × {args.rows} 行（联络员统计表），交替运行 {args.repeat} 轮，取中位数")
    print(f"  机器：开始时{before}，结束时{after}（与他人共用，墙钟时间受其影响，以 CPU 时间为准）")
    print("\n".join(table(runs, runs["下限 calamine+xlsxwriter"])))
    if tree is not None:
        print(f"  huizong 进程树内存峰值（各进程 PSS 之和，含工作进程）：{tree:.0f} MB")
    rows = args.returns * args.rows
    ours = runs["huizong merge"]
    print(f"  huizong 每万行 CPU {ours.cpu_seconds / rows * 10_000:.2f} s")


if __name__ == "__main__":
    main()
