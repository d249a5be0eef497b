"""Benchmark: `huizong merge` over every messy sample in samples/, against merging only the clean xlsx ones.

Run: .venv/bin/python -m benchmarks.merge_samples [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import best_of

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    huizong = str(Path(sys.executable).with_name("huizong"))
    samples = ROOT / "samples"
    messy = [p for p in sorted(samples.iterdir()) if p.is_dir() and p.name not in ("build", "documents", "hostile")]
    clean = sorted(samples.glob("*/clean.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        all_run = best_of([huizong, "merge", *map(str, messy), "-o", f"{tmp}/all.xlsx"], args.repeat)
        clean_run = best_of([huizong, "merge", *map(str, clean), "-o", f"{tmp}/clean.xlsx"], args.repeat)
    n_all = sum(1 for d in messy for f in d.rglob("*") if f.suffix in (".xlsx", ".xls", ".docx", ".pdf"))
    print(f"样例报表：{n_all} 个文件（xlsx/xls/docx/pdf，各种不规范写法），取 {args.repeat} 次最快")
    print(f"  全部样例          {all_run.seconds:6.2f} s   峰值内存 {all_run.peak_mb:5.0f} MB")
    print(f"  基准：{len(clean)} 个规范 xlsx {clean_run.seconds:6.2f} s   峰值内存 {clean_run.peak_mb:5.0f} MB")
    per_all = all_run.seconds / max(n_all, 1) * 1000
    per_clean = clean_run.seconds / max(len(clean), 1) * 1000
    print(f"  每个文件平均：全部 {per_all:.0f} ms，规范 xlsx {per_clean:.0f} ms")


if __name__ == "__main__":
    main()
