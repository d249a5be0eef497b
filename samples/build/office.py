"""LibreOffice conversions (xlsx → xls, docx → pdf), queued and run in one soffice call per target format.

soffice start-up dominates its cost (~1 s), so every sample asks for its conversion and `run()` does them
all at the end. Sources go to a scratch folder under unique names, since several samples share a stem.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from samples.build.fixed import freeze_pdf

PROFILE = "file:///tmp/lo-samples"
# A WPS .et file is the Excel 97 (BIFF8) format under another name: written as .xls, then named .et.
_FILTERS = {"xls": "xls:MS Excel 97", "et": "xls:MS Excel 97", "pdf": "pdf:writer_pdf_Export"}


class ConversionError(RuntimeError):
    pass


@dataclass
class Converter:
    """Collects (source writer, target path) jobs; `run()` converts them all."""

    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="huizong-samples-")))
    jobs: dict[str, list[tuple[Path, Path]]] = field(default_factory=dict)

    def source(self, target: Path, suffix: str) -> Path:
        """A scratch path to write the source document to; it becomes `target` when converted."""
        fmt = target.suffix.lstrip(".")
        n = sum(len(v) for v in self.jobs.values())
        src = self.scratch / fmt / f"s{n:03d}{suffix}"
        src.parent.mkdir(parents=True, exist_ok=True)
        self.jobs.setdefault(fmt, []).append((src, target))
        return src

    def run(self) -> None:
        try:
            for fmt, jobs in self.jobs.items():
                self._convert(fmt, jobs)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def _convert(self, fmt: str, jobs: list[tuple[Path, Path]]) -> None:
        out = self.scratch / f"out-{fmt}"
        cmd = [
            "soffice",
            f"-env:UserInstallation={PROFILE}",
            "--headless",
            "--convert-to",
            _FILTERS[fmt],
            "--outdir",
            str(out),
            *(str(src) for src, _ in jobs),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        for src, target in jobs:
            produced = out / f"{src.stem}.{_FILTERS[fmt].split(':', 1)[0]}"
            if not produced.exists():
                raise ConversionError(f"LibreOffice did not convert {src.name} for {target}")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(produced, target)
            if fmt == "pdf":
                freeze_pdf(target)
