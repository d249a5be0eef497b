"""Benchmark W2: how `huizong merge` grows — W1's returns at 300 and at 1,000 files (60,000 and 200,000 rows).

Cost should grow linearly (the same CPU per 10,000 rows at both sizes, as the floor's does) and memory stay
bounded. huizong and the floor (benchmarks.merge_w1) take turns; medians of `--repeat` rounds.
Run: .venv/bin/python -m benchmarks.merge_scale [--sizes 300 1000] [--rows 200] [--repeat 1]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.measure import alternating, load, run
from benchmarks.merge_w1 import commands, make_returns


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
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="huizong-w2-") as tmp:
            folder = Path(tmp) / "returns"
            folder.mkdir()
            make_returns(folder, size, args.rows)
            argvs = commands(folder, Path(tmp), pandas=False)
            runs = alternating(argvs, args.repeat)
            tree = run(argvs["huizong merge"], tree=True).tree_mb or 0.0
        ours, floor = runs["huizong merge"], runs["下限 calamine+xlsxwriter"]
        rows = size * args.rows
        print(
            f"  {size:6d}{rows:9d}  {ours.cpu_seconds:11.2f}s{ours.cpu_seconds / rows * 1e4:7.2f}s"
            f"{ours.seconds:7.2f}s{ours.peak_mb:7.0f}MB{tree:6.0f}MB"
            f"  {floor.cpu_seconds:8.2f}s{floor.cpu_seconds / rows * 1e4:7.2f}s"
            f"{ours.cpu_seconds / floor.cpu_seconds:6.2f}×"
        )
    print(f"  结束时{load()}")


if __name__ == "__main__":
    main()
