"""Text PDFs. pdfminer (under pdfplumber) is pure Python and unbounded on hostile input — Flate bombs are
inflated whole, a crafted content stream can make millions of objects — so the PDF is read in a child
process with a memory and CPU limit and a wall-clock timeout; the result comes back as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

from forms.errors import UnreadableFile
from parsers.caps import die_with_parent
from parsers.cells import Cell, Document, Table
from parsers.readers import _messages as msg
from parsers.readers.limits import PDF_SECONDS

_ROOT = Path(__file__).resolve().parents[2]  # the directory holding the parsers package


def read_pdf(data: bytes, name: str) -> Document:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "parsers.readers.pdf_worker"],
            input=data,
            capture_output=True,
            timeout=PDF_SECONDS + 5,
            env=env,
            check=False,
            # Asked for between fork and exec (it survives the exec): a parent killed while the child is
            # still importing pdfminer takes the child with it.
            preexec_fn=partial(die_with_parent, os.getpid()),
        )
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(msg.TIMEOUT.format(seconds=PDF_SECONDS)) from exc
    if done.returncode != 0:
        # Killed by the memory or CPU limit (or crashed): the file asked for more than a return needs.
        raise UnreadableFile(msg.TOO_COMPLEX)
    try:
        answer = json.loads(done.stdout)
    except ValueError as exc:
        raise UnreadableFile(msg.TOO_COMPLEX) from exc
    if "error" in answer:
        raise UnreadableFile(answer["error"])
    if answer.get("scanned"):
        from parsers.readers.ocr import read_scanned_pdf  # numpy, OpenCV and onnxruntime only for scans

        return read_scanned_pdf(data, name)
    return document_from_json(answer["document"], name)


def document_to_json(tables: list[Table], text: list[str]) -> dict[str, Any]:
    return {
        "tables": [
            {
                "name": t.name,
                "before": t.before,
                "rows": [[[c.value, c.sheet, c.ref, c.merged, c.origin] for c in row] for row in t.rows],
            }
            for t in tables
        ],
        "text": text,
    }


def document_from_json(data: dict[str, Any], name: str) -> Document:
    tables = [
        Table(
            name=t["name"],
            before=t["before"],
            rows=[
                [Cell(v, s, ref, merged, tuple(o) if o else None) for v, s, ref, merged, o in row] for row in t["rows"]
            ],
        )
        for t in data["tables"]
    ]
    return Document(name=name, kind="pdf", tables=tables, text=data["text"])
