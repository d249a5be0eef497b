"""Scanned and photographed returns read by OCR, against the truth of the samples they were made from.

Run: .venv/bin/python -m benchmarks.ocr [--engine rapidocr|tesseract] [--threshold 0.93]

For every scan under samples/scans/ (one per built-in form; samples/build/scans.py) it prints:
- records found: truth records matched by a parsed record (same section, most fields equal) — goal ≥ 95%;
- field accuracy: of the matched records' fields, the share read exactly right;
- wrong values and how many of them were flagged (an `ocr-uncertain` warning, or any issue, at that cell) —
  goal: ≥ 90% flagged; the wrong-and-unflagged count is the silent error that matters most;
- correct values flagged (the clerk's wasted checks), seconds per page and peak memory;
- for each flagging signal, what it adds to the others: wrong values only it flags, correct values only it
  flags (the same returns marked again with that signal off); and what the 合计 vouching takes away.
Baseline, in the same run: the text PDFs the scans were printed from, read by the PDF reader (ratio of times).
`--engine tesseract` swaps the recogniser for Debian's Tesseract (chi_sim), for the comparison in docs/ocr.md.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from forms import FormRegistry
from parsers import ocr_marks
from parsers.cells import Document
from parsers.pipeline import parse_document, parse_file
from parsers.readers import read
from parsers.results import Record, Return

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCANS = SAMPLES / "scans"
# Flagging signals of parsers/ocr_marks.py: the setting that turns each off. The last one takes flags away: the
# 合计 vouching for the figures of a column that adds up (parsers/ocr_totals.py).
SIGNALS = {
    "识别把握（含有字迹未认出）": ("UNCERTAIN", 0.0),
    "字迹宽度（漏认的字）": ("UNEXPLAINED_INK", math.inf),
    "近似已知单位": ("NEAR_UNIT", math.inf),
    "合计相符免标": ("VOUCH", False),
}


@dataclass
class Tally:
    truth_records: int = 0
    found: int = 0
    fields: int = 0
    right: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    right_flagged: int = 0
    pages: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("truth_records", "found", "fields", "right", "wrong", "wrong_flagged", "right_flagged", "pages"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds


def score(truth: dict, ret: Return) -> Tally:
    tally = Tally(truth_records=len(truth["records"]))
    flagged = {(i.location, i.field) for i in ret.issues if i.location} | {
        (i.location, None) for i in ret.issues if i.location
    }
    # A column the parser could not find is flagged once for the field, at the column it may be.
    lost_columns = {i.field for i in ret.issues if i.code == "ocr-uncertain" and not i.value}
    unused = list(ret.records)
    for want in truth["records"]:
        match = _best(want, unused)
        if match is None:
            tally.misses.append(f"未找到记录：{want['values']}")
            continue
        unused.remove(match)
        tally.found += 1
        for fid, value in want["values"].items():
            got = match.values.get(fid)
            loc = match.cells.get(fid)
            was_flagged = (loc is not None and ((loc, fid) in flagged or (loc, None) in flagged)) or (
                loc is None and fid in lost_columns
            )
            tally.fields += 1
            if _same(got, value):
                tally.right += 1
                tally.right_flagged += was_flagged
            else:
                tally.wrong += 1
                tally.wrong_flagged += was_flagged
                if not was_flagged:
                    tally.misses.append(f"未标出的错误：{fid} 应为 {value!r}，读作 {got!r}（{loc}）")
    return tally


@contextmanager
def _without(signal: str) -> Iterator[None]:
    name, off = SIGNALS[signal]
    kept = getattr(ocr_marks, name)
    setattr(ocr_marks, name, off)
    try:
        yield
    finally:
        setattr(ocr_marks, name, kept)


def _added(truth: dict, doc: Document, registry: FormRegistry, tally: Tally) -> dict[str, tuple[int, int]]:
    """Signal -> (wrong values, correct values) flagged only because of it."""
    added = {}
    for signal in SIGNALS:
        with _without(signal):
            less = score(truth, parse_document(doc, registry))
        added[signal] = (tally.wrong_flagged - less.wrong_flagged, tally.right_flagged - less.right_flagged)
    return added


def _best(want: dict, records: list[Record]) -> Record | None:
    """The parsed record of the same section agreeing on the most fields, if on at least half of them."""
    best, agreed = None, 0
    for rec in records:
        if rec.section != want["section"]:
            continue
        same = sum(_same(rec.values.get(k), v) for k, v in want["values"].items())
        if same > agreed:
            best, agreed = rec, same
    return best if agreed * 2 >= len(want["values"]) else None


def _same(got: object, want: object) -> bool:
    if isinstance(want, float | int) and isinstance(got, float | int):
        return abs(float(got) - float(want)) < 1e-9
    return json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)


def _cpu() -> float:
    """User + system seconds of this process and its reaped children (the PDF reader, pdftoppm)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _tesseract_reader():  # imported only when asked for: the comparison needs tesseract-ocr-chi-sim
    from benchmarks.ocr_tesseract import Tesseract

    return Tesseract()


def read_scan(path: Path, engine_name: str):
    if engine_name == "rapidocr":
        return read(path, path.name)
    from parsers.readers.ocr import read_pages
    from parsers.readers.ocr.images import decode_image, render_pdf

    data = path.read_bytes()
    images = render_pdf(data) if path.suffix == ".pdf" else decode_image(data)
    return read_pages(images, path.name, "pdf" if path.suffix == ".pdf" else "image", _tesseract_reader())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("rapidocr", "tesseract"), default="rapidocr")
    parser.add_argument("--threshold", type=float, default=ocr_marks.UNCERTAIN)
    parser.add_argument("--verbose", action="store_true", help="list every missed record and unflagged error")
    args = parser.parse_args()
    ocr_marks.UNCERTAIN = args.threshold
    registry = FormRegistry.load()
    if args.engine == "rapidocr":
        from parsers.readers.ocr.engine import engine

        engine()  # the models load once per process: not part of any file's time
    total, baseline, cpu = Tally(), 0.0, 0.0
    signals = dict.fromkeys(SIGNALS, (0, 0))
    print(f"识别引擎：{args.engine}  阈值：{args.threshold}")
    print(
        f"{'样本':<34}{'页':>3}{'记录':>8}{'字段正确':>9}{'错值':>5}{'已标出':>7}{'未标出':>7}{'误标':>5}{'秒/页':>7}"
    )
    for truth_path in sorted(SCANS.glob("*.truth.json")):
        scan = truth_path.with_name(truth_path.name.removesuffix(".truth.json"))
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        started, cpu_started = time.perf_counter(), _cpu()
        doc = read_scan(scan, args.engine)
        ret = parse_document(doc, registry)
        seconds = time.perf_counter() - started
        cpu += _cpu() - cpu_started
        started = time.perf_counter()
        parse_file(SAMPLES / truth["source"], Path(truth["source"]).name, registry)
        baseline += time.perf_counter() - started
        tally = score(truth, ret)
        tally.pages, tally.seconds = doc.scanned.pages if doc.scanned else 1, seconds
        total.add(tally)
        for signal, (wrong, right) in _added(truth, doc, registry, tally).items():
            signals[signal] = (signals[signal][0] + wrong, signals[signal][1] + right)
        print(
            f"{scan.name:<30}{tally.pages:>3}{tally.found:>5}/{tally.truth_records:<3}"
            f"{tally.right / max(tally.fields, 1):>8.1%}{tally.wrong:>6}{tally.wrong_flagged:>7}"
            f"{tally.wrong - tally.wrong_flagged:>7}{tally.right_flagged:>6}{seconds / tally.pages:>7.1f}"
            + ("" if ret.form == truth["form"] and ret.unit == truth["unit"] else f"  表/单位：{ret.form}/{ret.unit}")
        )
        if args.verbose:
            for line in tally.misses:
                print("    " + line)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"记录找到率（recall）：{total.found / total.truth_records:.1%}（目标 ≥ 95%）")
    print(f"字段正确率：{total.right / max(total.fields, 1):.1%}（{total.right}/{total.fields}）")
    flagged = total.wrong_flagged / total.wrong if total.wrong else 1.0
    silent = total.wrong - total.wrong_flagged
    print(f"错值标出率：{flagged:.1%}（{total.wrong_flagged}/{total.wrong}，目标 ≥ 90%）；未标出的错值：{silent}")
    print(f"正确值被标出（需多核对）：{total.right_flagged}/{total.right}")
    for signal, (wrong, right) in signals.items():
        if signal == "合计相符免标":
            print(f"  “{signal}”免去的标记：错值 {-wrong}（应为 0），正确值 {-right}")
        else:
            print(f"  其中只因“{signal}”标出：错值 {wrong}，正确值 {right}")
    files = len(list(SCANS.glob("*.truth.json")))
    print(
        f"速度：{total.seconds / total.pages:.1f} 秒/页（{total.pages} 页）；基线（同样内容的文字版PDF）："
        f"{baseline / files:.2f} 秒/份，OCR 为其 {total.seconds / max(baseline, 1e-9):.0f} 倍"
    )
    print(f"CPU：{cpu / total.pages:.1f} 秒/页（含子进程；2核空闲时墙钟约为其一半到三分之二）")
    print(f"峰值内存：{peak:.0f} MB")
    if args.engine == "rapidocr":
        ten_pages()


def ten_pages() -> None:
    """The issue's bound, as a clerk meets it: `huizong parse` of a 10-page image-only PDF, as a whole process.
    The pages are the photographed and scanned samples, one after another (goal: within a minute, under 1 GB)."""
    from PIL import Image

    images = [Image.open(path).convert("RGB") for path in sorted(SCANS.glob("*.jpg"))]
    pages = [images[i % len(images)] for i in range(10)]
    with tempfile.TemporaryDirectory(prefix="huizong-ocr-bench-") as scratch:
        pdf = Path(scratch) / "十页扫描件.pdf"
        pages[0].save(pdf, save_all=True, append_images=pages[1:], resolution=200)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        huizong = str(Path(sys.executable).with_name("huizong"))  # as benchmarks.merge_w1 runs it
        subprocess.run([huizong, "parse", str(pdf)], capture_output=True, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(
        f"10 页图片 PDF（huizong parse 整个进程）：墙钟 {wall:.1f} 秒（目标 ≤ 60），CPU {cpu:.1f} 秒，"
        f"子进程峰值内存 {after.ru_maxrss / 1024:.0f} MB（目标 < 1024）"
    )


if __name__ == "__main__":
    main()
