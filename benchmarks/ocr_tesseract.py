"""Debian's Tesseract (tesseract-ocr + tesseract-ocr-chi-sim) as the recogniser, for `benchmarks/ocr.py
--engine tesseract`: the same page pipeline (cells, lines, crops), only the reading of each line differs.

All lines of a page go to one tesseract process (a list file of images, one line each: --psm 7); a line's
confidence is its least sure word's (TSV `conf`, 0..100).
"""

from __future__ import annotations

import csv
import subprocess
import tempfile
from pathlib import Path

import cv2
import numpy as np

from parsers.readers.ocr.engine import Reading, digits


class Tesseract:
    def read(self, lines: list[np.ndarray]) -> list[Reading]:
        if not lines:
            return []
        with tempfile.TemporaryDirectory() as scratch:
            names = []
            for index, line in enumerate(lines):
                name = f"{scratch}/{index:05d}.png"
                cv2.imwrite(name, line)
                names.append(name)
            listing = Path(scratch) / "lines.txt"
            listing.write_text("\n".join(names) + "\n")
            done = subprocess.run(
                ["tesseract", str(listing), "stdout", "-l", "chi_sim", "--psm", "7", "tsv"],
                capture_output=True,
                check=True,
                env={"OMP_THREAD_LIMIT": "2", "PATH": "/usr/bin:/bin"},
            )
        words: dict[int, list[tuple[str, float]]] = {}
        rows = csv.DictReader(done.stdout.decode("utf-8").splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in rows:
            if row.get("level") == "5" and row.get("text", "").strip():
                words.setdefault(int(row["page_num"]) - 1, []).append((row["text"], float(row["conf"]) / 100))
        out = []
        for index in range(len(lines)):
            got = words.get(index, [])
            text = digits("".join(t for t, _ in got).strip())
            out.append(Reading(text, min((c for _, c in got), default=1.0) if text else 1.0))
        return out

    def upside_down(self, lines: list[np.ndarray]) -> bool:
        return False  # the comparison is of reading; orientation is RapidOCR's classifier either way
