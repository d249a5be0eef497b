"""Benchmark: a 10-page 公文 rendered to PDF (WeasyPrint) and DOCX (python-docx), warm, in-process; and
LibreOffice converting that DOCX to PDF (a fresh process with its own profile) as the baseline. Then
`doc check` of both outputs and `doc format` of the long sample draft, as ratios of the PDF render.

Targets: PDF under 1 s warm, DOCX under 0.2 s, checks under the render they check.
Run: .venv/bin/python -m benchmarks.documents [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import yaml

from generators.documents import DocSpec, load_spec, render_docx, render_pdf

PARAGRAPH = (
    "各旗区要对辖区内检验检测机构进行全面排查，突出重点区域、重点领域、重点环节，严格追溯检验检测数据质量和真实性，"
    "对发现的不实和虚假检验检测等违法违规行为依法从严查处，涉嫌犯罪的，及时移送司法机关。"
)


def ten_pages() -> DocSpec:
    """A full 文件格式 document whose text runs to ten pages (版头, headings, 署名, 版记)."""
    body = []
    for i, chapter in enumerate(("一", "二", "三", "四", "五"), 1):
        body.append(f"{chapter}、第{i}部分工作要求")
        for j, sub in enumerate(("（一）", "（二）", "（三）"), 1):
            body.append(f"{sub}第{j}项任务。{PARAGRAPH}")
            body += [PARAGRAPH] * 2
    spec = {
        "copy_no": "000018",
        "urgency": "特急",
        "issuer_mark": "鄂尔多斯市市场监督管理局文件",
        "number": "鄂市监发〔2022〕74号",
        "title": "鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知",
        "to": "各旗区市场监督管理局",
        "body": "\n".join(body),
        "signature": "鄂尔多斯市市场监督管理局",
        "date": "2022-05-05",
        "seal": True,
        "cc": ["内蒙古自治区市场监督管理局"],
        "printed_by": "鄂尔多斯市市场监督管理局办公室",
        "printed_on": "2022-05-06",
    }
    return load_spec(yaml.safe_dump(spec, allow_unicode=True))


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
    args = parser.parse_args()
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
