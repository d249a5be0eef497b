"""W2's last line: the largest size against the smallest, from the figures of one run."""

from __future__ import annotations

from benchmarks.measure import Run
from benchmarks.merge_scale import growth


def test_growth_gives_rows_cpu_per_row_and_memory_as_ratios() -> None:
    line = growth({1000: (Run(30.0, 55.0, 0, 20.0), 66.0), 300: (Run(10.0, 50.0, 0, 6.0), 60.0)})
    assert line.startswith("  1000 份对 300 份：行数 3.33×，CPU 3.33×（每万行 1.00×")
    assert "峰值内存 1.10×（50 → 55 MB）" in line and "进程树 1.10×（60 → 66 MB）" in line
