"""Benchmark: a 10-page 公文 rendered to PDF (WeasyPrint) and DOCX (python-docx), warm, in-process; and
LibreOffice converting that DOCX to PDF (a fresh process with its own profile) as the baseline. Then
`doc check` of both outputs and `doc format` of the long sample draft, as ratios of the PDF render.

Then what a clerk waits for: `huizong doc render` of a 12-page 指导意见 to PDF as a whole process (imports,
fonts, layout, writing) beside LibreOffice converting the same document's DOCX (`--convert-to pdf`, its user
profile made once before, as a clerk's LibreOffice has one), taking turns, medians of `--cli-repeat`; CPU time
and wall time, and their ratios. Before the timed runs each is run once untimed (huizong then holds its font
cache, LibreOffice its profile). Target: huizong not slower than LibreOffice.

Targets: PDF under 1 s warm, DOCX under 0.2 s, checks under the render they check.
Run: .venv/bin/python -m benchmarks.documents [--repeat 5] [--cli-repeat 3] [--only-cli]
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import yaml

from benchmarks.measure import alternating, load, run
from generators.documents import DocSpec, load_spec, render_docx, render_pdf

PARAGRAPH = (
    "各旗区要对辖区内检验检测机构进行全面排查，突出重点区域、重点领域、重点环节，严格追溯检验检测数据质量和真实性，"
    "对发现的不实和虚假检验检测等违法违规行为依法从严查处，涉嫌犯罪的，及时移送司法机关。"
)


def spec_yaml(chapters: str, title: str, urgency: str | None = None) -> str:
    """A full 文件格式 document (版头, headings, 署名, 版记): three tasks of three paragraphs per chapter."""
    body = []
    for i, chapter in enumerate(chapters, 1):
        body.append(f"{chapter}、第{i}部分工作要求")
        for j, sub in enumerate(("（一）", "（二）", "（三）"), 1):
            body.append(f"{sub}第{j}项任务。{PARAGRAPH}")
            body += [PARAGRAPH] * 2
    spec = {
        "copy_no": "000018",
        **({"urgency": urgency} if urgency else {}),
        "issuer_mark": "鄂尔多斯市市场监督管理局文件",
        "number": "鄂市监发〔2022〕74号",
        "title": title,
        "to": "各旗区市场监督管理局",
        "body": "\n".join(body),
        "signature": "鄂尔多斯市市场监督管理局",
        "date": "2022-05-05",
        "seal": True,
        "cc": ["内蒙古自治区市场监督管理局"],
        "printed_by": "鄂尔多斯市市场监督管理局办公室",
        "printed_on": "2022-05-06",
    }
    return yaml.safe_dump(spec, allow_unicode=True)


def ten_pages() -> DocSpec:
    """A 通知 whose text runs to ten pages (five parts)."""
    title = "鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知"
    return load_spec(spec_yaml("一二三四五", title, urgency="特急"))


def guidance_yaml() -> str:
    """A 指导意见 that runs to 12 pages (six parts of three tasks each)."""
    return spec_yaml("一二三四五六", "鄂尔多斯市市场监督管理局关于加强检验检测监管工作的指导意见")


def whole_process(repeat: int) -> None:
    """`huizong doc render` to PDF as a process beside LibreOffice converting the same document's DOCX."""
    soffice = shutil.which("soffice")
    huizong = str(Path(sys.executable).with_name("huizong"))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "指导意见.yaml").write_text(guidance_yaml(), encoding="utf-8")
        ours = [huizong, "doc", "render", str(tmp / "指导意见.yaml"), "-o", str(tmp / "ours.pdf")]
        make_docx = run([huizong, "doc", "render", str(tmp / "指导意见.yaml"), "-o", str(tmp / "指导意见.docx")])
        if make_docx.status != 0:
            return
        commands = {"huizong doc render → PDF": ours}
        if soffice is not None:
            profile = f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}"
            out = str(tmp / "lo")
            commands["LibreOffice DOCX → PDF"] = [
                soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", out, str(tmp / "指导意见.docx"),
            ]  # fmt: skip
        for argv in commands.values():
            run(argv)  # untimed: huizong's font cache and LibreOffice's profile exist from here on
        before = load()
        runs = alternating(commands, repeat)
        with pdfplumber.open(tmp / "ours.pdf") as doc:
            pages = len(doc.pages)
    print(f"\n整个进程（{pages} 页指导意见，交替运行 {repeat} 轮取中位数；{before}，结束时{load()}，与他人共用）：")
    for name, r in runs.items():
        print(f"  {name:26}墙钟 {r.seconds:6.2f} 秒   CPU {r.cpu_seconds:6.2f} 秒   峰值内存 {r.peak_mb:4.0f} MB")
    if soffice is None:
        print("  LibreOffice 未安装，未测基线。")
        return
    mine, lo = runs["huizong doc render → PDF"], runs["LibreOffice DOCX → PDF"]
    print(
        f"  huizong / LibreOffice：CPU {mine.cpu_seconds / lo.cpu_seconds:.2f}×，墙钟 {mine.seconds / lo.seconds:.2f}×"
        "（≤ 1 为不慢于 LibreOffice）"
    )


def timed(func: Callable[[], bytes], repeat: int) -> tuple[float, float, bytes]:
    """(first call, median of the warm calls, output) in seconds."""
    start = time.perf_counter()
    out = func()
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        runs.append(time.perf_counter() - start)
    return first, statistics.median(runs), out


def libreoffice(docx: bytes) -> float | None:
    """Seconds for LibreOffice to convert the DOCX to PDF in a fresh process, or None when not installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-pages.docx"
        path.write_bytes(docx)
        start = time.perf_counter()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(path),
            ],
            capture_output=True,
            check=True,
            timeout=300,
        )
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cli-repeat", type=int, default=3)
    parser.add_argument("--only-cli", action="store_true", help="只比较整个进程：huizong doc render 与 LibreOffice")
    args = parser.parse_args()
    if args.only_cli:
        whole_process(args.cli_repeat)
        return
    spec = ten_pages()
    pdf_first, pdf_warm, pdf = timed(lambda: render_pdf(spec), args.repeat)
    docx_first, docx_warm, docx = timed(lambda: render_docx(spec), args.repeat)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = len(doc.pages)
    lo = libreoffice(docx)
    print(f"文档：{pages} 页（PDF），文件格式，含版头、各级标题、署名和版记")
    print(
        f"PDF  （WeasyPrint）：首次 {pdf_first:.2f} 秒，预热后中位数 {pdf_warm:.3f} 秒（目标 < 1 秒），"
        f"{len(pdf) // 1024} KB"
    )
    print(
        f"DOCX （python-docx）：首次 {docx_first:.2f} 秒，预热后中位数 {docx_warm:.3f} 秒（目标 < 0.2 秒），"
        f"{len(docx) // 1024} KB"
    )
    if lo is None:
        print("LibreOffice 未安装，未测基线。")
    else:
        print(
            f"基线：LibreOffice 将该 DOCX 转为 PDF {lo:.2f} 秒（新进程），为 WeasyPrint 预热后的 {lo / pdf_warm:.1f} 倍"
        )
    checks_and_format(pdf, docx, pdf_warm, args.repeat)
    whole_process(args.cli_repeat)


def checks_and_format(pdf: bytes, docx: bytes, pdf_warm: float, repeat: int) -> None:
    from generators.documents.check import check_document
    from generators.documents.format import format_draft

    draft = Path(__file__).resolve().parents[1] / "samples" / "documents" / "drafts" / "指导意见草稿.txt"
    for label, func in (
        ("doc check PDF ", lambda: check_document(pdf, "ten.pdf")),
        ("doc check DOCX", lambda: check_document(docx, "ten.docx")),
        ("doc format 草稿", lambda: format_draft(draft)),
    ):
        first, warm, _ = timed(func, repeat)
        print(f"{label}：首次 {first:.2f} 秒，预热后中位数 {warm:.3f} 秒，为 PDF 生成的 {warm / pdf_warm:.2f} 倍")


if __name__ == "__main__":
    main()
