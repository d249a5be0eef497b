"""Benchmark W1: 300 clean liaison returns × 200 rows, `huizong merge` against the pandas baseline.

Run: .venv/bin/python -m benchmarks.merge_w1 [--returns 300] [--rows 200] [--repeat 3] [--no-tree]
The baseline is what an IT person writes: pandas read_excel + concat + to_excel, with no checking at all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import xlsxwriter

from benchmarks.measure import best_of, run

UNITS = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "乌审旗", "杭锦旗", "鄂托克旗", "鄂托克前旗"]
HEADER = ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"]

BASELINE = """
import sys, glob, pandas as pd
frames = [pd.read_excel(f, header=1) for f in sorted(glob.glob(sys.argv[1] + '/*.xlsx'))]
pd.concat(frames, ignore_index=True).to_excel(sys.argv[2], index=False)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=300)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-tree", dest="tree", action="store_false", help="不另行采样进程树内存（少跑一次 huizong 和基线）"
    )
    args = parser.parse_args()
    python = sys.executable
    huizong = str(Path(python).with_name("huizong"))
    with tempfile.TemporaryDirectory(prefix="huizong-w1-") as tmp:
        folder = Path(tmp) / "returns"
        folder.mkdir()
        make_returns(folder, args.returns, args.rows)
        ours_argv = [huizong, "merge", str(folder), "--form", "liaison-roster", "-o", f"{tmp}/ours.xlsx"]
        ours = best_of(ours_argv, args.repeat)
        base_argv = [python, "-c", BASELINE, str(folder), f"{tmp}/baseline.xlsx"]
        base = best_of(base_argv, args.repeat)
        # One more run of each, untimed, sampling the whole process tree (huizong's worker processes too).
        ours_tree = run(ours_argv, tree=True).tree_mb if args.tree else None
        base_tree = run(base_argv, tree=True).tree_mb if args.tree else None
    print(f"W1：{args.returns} 份 × {args.rows} 行（联络员统计表），取 {args.repeat} 次最快")
    print(
        f"  huizong merge            {ours.seconds:7.2f} s   峰值内存 {ours.peak_mb:6.0f} MB"
        f"   CPU {ours.cpu_seconds:6.2f} s"
    )
    print(
        f"  基线 pandas read_excel+concat+to_excel {base.seconds:7.2f} s   峰值内存 {base.peak_mb:6.0f} MB"
        f"   CPU {base.cpu_seconds:6.2f} s"
    )
    print(
        f"  速度比（基线 / huizong）：{base.seconds / ours.seconds:.2f}×   内存比：{base.peak_mb / ours.peak_mb:.2f}×"
    )
    if ours_tree is not None and base_tree is not None:
        print(f"  进程树内存峰值（各进程 PSS 之和，含工作进程）：huizong {ours_tree:.0f} MB，基线 {base_tree:.0f} MB")


if __name__ == "__main__":
    main()
