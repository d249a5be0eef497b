"""Reading one xlsx return: huizong's `read` (every safety check, then calamine) beside python-calamine alone.

W1's returns (liaison roster, `benchmarks.merge_w1.make_returns`) are generated once; then, in the same
process, calamine alone (`CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()`) and
`parsers.readers.read(f, name)` take turns over all of them, round after round, and the median CPU time per
file of each (time.process_time: the figure to judge on a shared machine) is printed with their ratio.
`--stages` adds the zip guard and the extent check alone, the part of `read` that is not calamine.
Run: .venv/bin/python -m benchmarks.readers [--returns 300] [--rows 200] [--repeat 7] [--stages]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from python_calamine import CalamineWorkbook

from benchmarks.measure import load
from benchmarks.merge_w1 import make_returns
from parsers.readers import read
from parsers.readers.xlsx_extent import check_extents
from parsers.readers.zipguard import open_package


def calamine_alone(path: Path) -> None:
    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def huizong_read(path: Path) -> None:
    read(path, path.name)


def guard_and_extents(path: Path) -> None:
    check_extents(open_package(path.read_bytes()))


def per_file_ms(readers: dict[str, Callable[[Path], None]], files: list[Path], repeat: int) -> dict[str, float]:
    """Median CPU milliseconds per file of each reader, the readers taking turns round after round."""
    for reader in readers.values():  # warm up: imports, caches, the files in the page cache
        for path in files[:20]:
            reader(path)
    rounds: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(repeat):
        for name, reader in readers.items():
            start = time.process_time()
            for path in files:
                reader(path)
            rounds[name].append((time.process_time() - start) / len(files) * 1000)
    return {name: statistics.median(got) for name, got in rounds.items()}


def table(figures: dict[str, float], floor: str) -> list[str]:
    lines = [f"  {'':30}{'CPU/份':>10}{'相对calamine':>14}"]
    for name, ms in figures.items():
        lines.append(f"  {name:30}{ms:8.2f}ms{ms / figures[floor]:12.2f}×")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=300)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    stages = "另列压缩包检查与单元格范围检查（read 中 calamine 以外的部分）"
    parser.add_argument("--stages", action="store_true", help=stages)
    args = parser.parse_args()
    readers = {"calamine 单独": calamine_alone, "huizong read": huizong_read}
    if args.stages:
        readers["其中：压缩包检查+范围检查"] = guard_and_extents
    with tempfile.TemporaryDirectory(prefix="huizong-readers-") as tmp:
        folder = Path(tmp)
        make_returns(folder, args.returns, args.rows)
        files = sorted(folder.glob("*.xlsx"))
        before = load()
        figures = per_file_ms(readers, files, args.repeat)
        after = load()
    print(f"读取 W1 报表：{args.returns} 份 × {args.rows} 行，进程内交替 {args.repeat} 轮，取每份 CPU 时间的中位数")
    print(f"  机器：开始时{before}，结束时{after}")
    print("\n".join(table(figures, "calamine 单独")))


if __name__ == "__main__":
    main()
