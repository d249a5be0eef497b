"""Benchmark: inferring a form from each sample return, against reading the file (the baseline every parse pays).

Prints, per kind of file, the time to read it and the time inference adds (and their ratio), and how many
samples the inferred form reads back record for record. Run: .venv/bin/python -m benchmarks.infer_samples
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from forms import FormRegistry
from parsers import parse_document
from parsers.infer import infer_document
from parsers.readers import read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def main() -> None:
    known = list(FormRegistry.load())
    reading: dict[str, float] = defaultdict(float)
    inferring: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    exact = total = 0
    for truth_path in sorted(SAMPLES.rglob("*.expected.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth["status"] != "merged":
            continue
        path = truth_path.with_name(truth_path.name.removesuffix(".expected.json"))
        data, kind = path.read_bytes(), path.suffix.lstrip(".")
        start = time.perf_counter()
        doc = read(data, path.name)
        middle = time.perf_counter()
        inferred = infer_document(doc, data, known=known)
        reading[kind] += middle - start
        inferring[kind] += time.perf_counter() - middle
        counts[kind] += 1
        records = parse_document(doc, FormRegistry([*known, inferred.form]), form_id=inferred.form.id).records
        total += 1
        exact += len(records) == len(truth["records"])
    print(f"{'kind':6} {'files':>5} {'read ms':>9} {'infer ms':>9} {'infer/read':>10}")
    for kind in sorted(counts):
        n = counts[kind]
        r, i = 1000 * reading[kind] / n, 1000 * inferring[kind] / n
        print(f"{kind:6} {n:5d} {r:9.1f} {i:9.1f} {i / r:10.2f}")
    print(f"read back record for record: {exact}/{total}")


if __name__ == "__main__":
    main()
