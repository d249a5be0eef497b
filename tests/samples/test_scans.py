"""The committed scans are the ones samples/build/scans.py makes, each beside the truth of the sample it was
printed from (benchmarks/ocr.py scores against it)."""

from __future__ import annotations

import json
from pathlib import Path

from samples.build.scans import SCANS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_every_scan_is_there_with_its_sources_truth() -> None:
    built = {p.name for p in (SAMPLES / "scans").iterdir() if p.name != "README.md"}
    assert built == {name for s in SCANS for name in (s.name, s.name + ".truth.json")}
    for scan in SCANS:
        truth = json.loads((SAMPLES / "scans" / (scan.name + ".truth.json")).read_text(encoding="utf-8"))
        source = SAMPLES / scan.source
        expected = json.loads(source.with_name(source.name + ".expected.json").read_text(encoding="utf-8"))
        assert truth["source"] == scan.source and truth["form"] == expected["form"]
        assert truth["records"] == [{"section": r["section"], "values": r["values"]} for r in expected["records"]]
