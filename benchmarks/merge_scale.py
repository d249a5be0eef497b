"""Benchmark W2: how `huizong merge` grows — W1's returns at 300 and at 1,000 files (60,000 and 200,000 rows).

Cost should grow linearly (the same CPU per 10,000 rows at both sizes, as the floor's does) and memory stay
bounded. huizong and the floor (benchmarks.merge_w1) take turns; medians of `--repeat` rounds. The last line
gives the largest size against the smallest, from this one run: rows, CPU per 10,000 rows, peak memory.

Memory, two figures (benchmarks.measure): 峰值内存 is the largest peak RSS of any one process — the merge's own
process or one of its worker processes (wait4's rusage of reaped children) — not their sum; 进程树 is the largest
sum of PSS over the whole process tree, sampled in one more, untimed run (pages shared after fork counted once).
Run: .venv/bin/python -m benchmarks.merge_scale [--sizes 300 1000] [--rows 200] [--repeat 1]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.measure import Run, alternating, load, run
from benchmarks.merge_w1 import commands, make_returns


def growth(measured: dict[int, tuple[Run, float]]) -> str:
    """The largest size against the smallest: × rows, × CPU per row (1.00 is linear), × peak memory."""
    (small, (a, a_tree)), (large, (b, b_tree)) = min(measured.items()), max(measured.items())
    per_row = (b.cpu_seconds / large) / (a.cpu_seconds / small)
    return (
        f"  {large} 份对 {small} 份：行数 {large / small:.2f}×，CPU {b.cpu_seconds / a.cpu_seconds:.2f}×"
        f"（每万行 {per_row:.2f}×，1.00 为线性），墙钟 {b.seconds / a.seconds:.2f}×，"
        f"峰值内存 {b.peak_mb / a.peak_mb:.2f}×（{a.peak_mb:.0f} → {b.peak_mb:.0f} MB），"
        f"进程树 {b_tree / a_tree:.2f}×（{a_tree:.0f} → {b_tree:.0f} MB）"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"W2：联络员统计表每份 {args.rows} 行，{' 与 '.join(map(str, args.sizes))} 份；{load()}（与他人共用）")
    print(
        f"  {'份数':>6}{'行数':>9}  {'huizong CPU':>12}{'每万行':>8}{'墙钟':>8}{'峰值内存':>9}{'进程树':>8}"
        f"  {'下限 CPU':>9}{'每万行':>8}{'比':>7}"
    )
    measured: dict[int, tuple[Run, float]] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="huizong-w2-") as tmp:
            folder = Path(tmp) / "returns"
            folder.mkdir()
            make_returns(folder, size, args.rows)
            argvs = commands(folder, Path(tmp), pandas=False)
            runs = alternating(argvs, args.repeat)
            tree = run(argvs["huizong merge"], tree=True).tree_mb or 0.0
        ours, floor = runs["huizong merge"], runs["下限 calamine+xlsxwriter"]
        measured[size] = ours, tree
        rows = size * args.rows
        print(
            f"  {size:6d}{rows:9d}  {ours.cpu_seconds:11.2f}s{ours.cpu_seconds / rows * 1e4:7.2f}s"
            f"{ours.seconds:7.2f}s{ours.peak_mb:7.0f}MB{tree:6.0f}MB"
            f"  {floor.cpu_seconds:8.2f}s{floor.cpu_seconds / rows * 1e4:7.2f}s"
            f"{ours.cpu_seconds / floor.cpu_seconds:6.2f}×"
        )
    if len(measured) > 1:
        print(growth(measured))
    print(f"  结束时{load()}")


if __name__ == "__main__":
    main()
