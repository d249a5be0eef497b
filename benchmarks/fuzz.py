"""Fuzzing: mutate the project's own sample returns and read every mutant as a batch does.

Run: .venv/bin/python -m benchmarks.fuzz --mutants 1000 --seed 1 [--keep 失败样本/] [--jobs 2]

Mutations: byte flips; broken zip and XML parts (truncated, flipped, dropped members, a worksheet stored under
a binary name); entity declarations; absurd cell references, dimensions and merged ranges; bad shared
strings; huge numbers; long strings and runs of whitespace; control characters; formula-like text; PDF
streams and operator bombs, truncated PDFs.

Each mutant is parsed in a worker process of parsers.pool, capped at CAP_SECONDS and CAP_MB as the issue asks
(30 s, 512 MB). Counted: records (read, with or without issues), refusals (a Chinese file-unreadable reason),
crashes (an exception escaped parse_file, or a refusal with library text), killed (the worker died or
overran: an abort, the memory cap, a hang), and the slowest mutant and the workers' peak memory. Mutant i of
seed s is always the same file; --keep writes every crash or killed mutant out, to be kept under
tests/parsers/hostile_cases.py.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import sys
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".xlsx", ".xls", ".docx", ".pdf", ".ods", ".et", ".doc", ".wps")
CAP_SECONDS = 30.0
CAP_MB = 512
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LIBRARY_TEXT = re.compile(r"Error|Exception|Traceback|errno|\bNone\b")


def seeds() -> list[Path]:
    found = [p for p in sorted((ROOT / "samples").rglob("*")) if p.suffix.lower() in SUFFIXES]
    # The zip bomb would go off in the mutation itself (members are rewritten); the harness is not the subject.
    return [
        p
        for p in found
        if "documents" not in p.parts and 0 < p.stat().st_size < 2 * 1024 * 1024 and p.name != "zip-bomb.xlsx"
    ]


# -- mutations ------------------------------------------------------------------------------------------------
Mutation = Callable[[bytes, random.Random], bytes]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 4, 32, 256))):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _rezip(data: bytes, change: Callable[[str, bytes], tuple[str, bytes] | None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(i.filename, source.read(i)) for i in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in members:
            changed = change(name, body)
            if changed is not None:
                # A fixed date: mutant i of a seed is the same bytes whenever it is made.
                info = zipfile.ZipInfo(changed[0], date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, changed[1])
    return out.getvalue()


def _xml_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]


def _in_part(pick: Callable[[list[str], random.Random], str], edit: Callable[[bytes, random.Random], bytes]):
    def mutate(data: bytes, rng: random.Random) -> bytes:
        names = _xml_names(data)
        if not names:
            return flip_bytes(data, rng)
        chosen = pick(names, rng)
        return _rezip(data, lambda name, body: (name, edit(body, rng) if name == chosen else body))

    mutate.__name__ = f"{edit.__name__.strip('_')}-in-{pick.__name__.strip('_')}-part"
    return mutate


def _any(names: list[str], rng: random.Random) -> str:
    return rng.choice(names)


def _content(names: list[str], rng: random.Random) -> str:
    main = [n for n in names if re.search(r"(worksheets/|document\.xml|content\.xml|sharedStrings)", n)]
    return rng.choice(main or names)


def _cut(body: bytes, rng: random.Random) -> bytes:
    return body[: rng.randrange(len(body) + 1)]


def _flip(body: bytes, rng: random.Random) -> bytes:
    return flip_bytes(body, rng) if body else body


def _entity(body: bytes, rng: random.Random) -> bytes:
    lol = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    head, sep, rest = body.partition(b"?>")
    return head + sep + lol + rest if sep else lol + body


def _absurd_refs(body: bytes, rng: random.Random) -> bytes:
    far = rng.choice((b"XFD1048576", b"XFD100000", b"CV1048576", b"A1048576", b"ZZZ9999999"))
    body = re.sub(rb'(<c [^>]*?r=")[A-Z]+[0-9]+', lambda m: m.group(1) + far, body, count=rng.randint(1, 3))
    body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:' + far + b'"', body)
    return re.sub(rb'<mergeCell ref="[^"]*"', b'<mergeCell ref="A1:' + far + b'"', body, count=rng.randint(1, 50))


def _merges(body: bytes, rng: random.Random) -> bytes:
    many = b"".join(b'<mergeCell ref="A1:XFD%d"/>' % rng.randint(1, 1_048_576) for _ in range(rng.choice((5, 500))))
    if b"</sheetData>" in body:
        return body.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">' + many + b"</mergeCells>", 1)
    return body


def _shared_strings(body: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(3)
    if choice == 0:  # a string index far out of range
        return re.sub(rb'(<c [^>]*t="s"[^>]*><v>)\d+', rb"\g<1>99999999", body, count=5)
    if choice == 1:
        return body.replace(b"</si>", b"", 3)
    return re.sub(rb'count="\d+"', b'count="4294967295"', body)


_VALUES = (
    b"1e308",
    b"1e999999999",
    b"-1e30",
    b"7" * 5000,
    b"NaN",
    b"inf",
    b"\xef\xbc\x91" * 30,  # full-width digits
    b"\x01\x02\x1b\x7f",
    b"=cmd|' /C calc'!A0",
    b"=HYPERLINK(&quot;http://x&quot;)",
    b"@SUM(A1)",
)


def _values(body: bytes, rng: random.Random) -> bytes:
    value = rng.choice(_VALUES)
    body = re.sub(rb"<v>[^<]*</v>", b"<v>" + value + b"</v>", body, count=rng.randint(1, 8))
    return re.sub(rb"<t([^>]*)>[^<]*</t>", rb"<t\1>" + value + b"</t>", body, count=rng.randint(1, 8))


def _long_text(body: bytes, rng: random.Random) -> bytes:
    long = rng.choice((b" " * 300_000, b"\n" + b" " * 300_000 + b"x", b"{{" * 100_000, b"\xe4\xb8\x80" * 100_000))
    return re.sub(rb"<t([^>]*)>[^<]*</t>", lambda m: b"<t" + m.group(1) + b">" + long + b"</t>", body, count=1)


def _renamed_sheet(data: bytes, rng: random.Random) -> bytes:
    suffix = rng.choice((".bin", ".png", ".jpeg"))
    names = [n for n in _xml_names(data) if re.match(r"xl/worksheets/[^/]+\.xml$", n)]
    if not names:
        return flip_bytes(data, rng)
    old = names[0]
    new = old[:-4] + suffix
    target = old.removeprefix("xl/").encode()

    def change(name: str, body: bytes) -> tuple[str, bytes]:
        if name == old:
            return new, _absurd_refs(body, rng)
        return name, body.replace(target, new.removeprefix("xl/").encode()).replace(old.encode(), new.encode())

    return _rezip(data, change)


def _drop_member(data: bytes, rng: random.Random) -> bytes:
    names = _xml_names(data)
    if not names:
        return truncate(data, rng)
    gone = rng.choice(names)
    return _rezip(data, lambda name, body: None if name == gone else (name, body))


def pdf_operators(data: bytes, rng: random.Random) -> bytes:
    """Every Flate stream replaced by an operator or inflation bomb."""
    op = rng.choice((b"BT /F1 1 Tf 1 0 0 1 10 10 Tm (x) Tj ET\n", b"0 0 m 1 1 l S\n", b" " * 1024))
    bomb = zlib.compress(op * rng.choice((50_000, 200_000)), 9)

    def replace(m: re.Match[bytes]) -> bytes:
        return b"/Length %d /Filter /FlateDecode>>\nstream\n" % len(bomb) + bomb + b"\nendstream"

    out = re.sub(rb"/Length \d+\s*/Filter\s*/FlateDecode\s*>>\s*stream\r?\n.*?endstream", replace, data, flags=re.S)
    return out if out != data else flip_bytes(data, rng)


def pdf_streams(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped inside the streams only (the structure around them still parses)."""
    out = bytearray(data)
    spans = [m.span() for m in re.finditer(rb"stream\r?\n.*?endstream", data, flags=re.S)]
    for _ in range(rng.choice((4, 64))):
        if not spans:
            break
        start, end = rng.choice(spans)
        if end - start > 20:
            out[rng.randrange(start + 8, end - 9)] ^= 0xFF
    return bytes(out)


ZIP_MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes,
    truncate,
    _in_part(_any, _cut),
    _in_part(_any, _flip),
    _in_part(_content, _entity),
    _in_part(_content, _absurd_refs),
    _in_part(_content, _merges),
    _in_part(_content, _shared_strings),
    _in_part(_content, _values),
    _in_part(_content, _values),
    _in_part(_content, _long_text),
    _renamed_sheet,
    _drop_member,
)
PDF_MUTATIONS: tuple[Mutation, ...] = (flip_bytes, truncate, pdf_operators, pdf_streams)
OTHER_MUTATIONS: tuple[Mutation, ...] = (flip_bytes, truncate)


def mutant(sources: list[Path], seed: int, index: int) -> tuple[str, bytes, str]:
    """(file name, bytes, mutation name) of mutant `index`: the same for the same seed, always."""
    rng = random.Random(seed * 1_000_003 + index)
    source = rng.choice(sources)
    data = source.read_bytes()
    if data[:2] == b"PK":
        mutations = ZIP_MUTATIONS
    elif data[:5] == b"%PDF-":
        mutations = PDF_MUTATIONS
    else:
        mutations = OTHER_MUTATIONS
    mutation = rng.choice(mutations)
    try:
        mutated = mutation(data, rng)
    except (zipfile.BadZipFile, ValueError):
        mutated = flip_bytes(data, rng)
    label = getattr(mutation, "__name__", "mutation")
    return f"{index:05d}-{source.parent.name}-{source.name}", mutated, label


# -- running ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    kind: str  # records, refused, crash, killed
    seconds: float = 0.0
    peak_mb: float = 0.0
    detail: str = ""


def _parse(job: tuple[int, int]) -> Outcome:
    """Mutant `index` of `seed`, made and read in the worker: no file crosses a pipe."""
    from parsers.pipeline import parse_file

    seed, index = job
    name, data, _mutation = mutant(_sources(), seed, index)
    started = time.perf_counter()
    try:
        ret = parse_file(data, name, _registry())
    except Exception as exc:  # a crash: what the harness is looking for
        return Outcome("crash", time.perf_counter() - started, _peak(), f"{type(exc).__name__}: {exc}"[:300])
    seconds = time.perf_counter() - started
    if ret.status == "failed":
        message = ret.message or ""
        if not _CJK.search(message) or _LIBRARY_TEXT.search(message):
            return Outcome("crash", seconds, _peak(), f"refusal in library words: {message[:200]}")
        return Outcome("refused", seconds, _peak(), message[:80])
    return Outcome("records", seconds, _peak())


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_REGISTRY = None
_SOURCES: list[Path] = []


def _sources() -> list[Path]:
    if not _SOURCES:
        _SOURCES.extend(seeds())
    return _SOURCES


def _registry():  # type: ignore[no-untyped-def]
    global _REGISTRY
    if _REGISTRY is None:
        from forms.loader import FormRegistry

        _REGISTRY = FormRegistry.load()
    return _REGISTRY


def run(mutants: int, seed: int, jobs: int, keep: Path | None) -> dict[str, object]:
    from parsers.pool import Caps, Pool

    _registry()  # loaded once, before the workers fork
    import parsers.readers  # noqa: F401  # imported once, shared by the forked workers

    sources = _sources()
    pool = Pool(_parse, lambda job: Outcome("killed", CAP_SECONDS), jobs, Caps(CAP_SECONDS, CAP_MB))
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    slowest = (0.0, "")
    peak = 0.0
    bad: list[str] = []
    for index, outcome in enumerate(pool.run([(seed, i) for i in range(mutants)])):
        counts[outcome.kind] += 1
        peak = max(peak, outcome.peak_mb)
        if outcome.seconds > slowest[0]:
            slowest = (outcome.seconds, mutant(sources, seed, index)[0])
        if outcome.kind in ("crash", "killed"):
            name, data, mutation = mutant(sources, seed, index)
            bad.append(f"{name} ({mutation}): {outcome.kind} {outcome.detail}")
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / name).write_bytes(data)
    return {
        "mutants": mutants,
        "seed": seed,
        "records": counts["records"],
        "refused": counts["refused"],
        "crashes": counts["crash"],
        "killed": counts["killed"],
        "slowest_s": round(slowest[0], 2),
        "slowest": slowest[1],
        "worker_peak_mb": round(peak),
        "wall_s": round(time.perf_counter() - started, 1),
        "bad": bad,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mutants", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="folder for every crash or killed mutant")
    args = parser.parse_args(argv)
    report = run(args.mutants, args.seed, args.jobs, args.keep)
    print(
        f"变异样本 {report['mutants']} 个（种子 {report['seed']}）：读出记录 {report['records']}，"
        f"拒绝并说明原因 {report['refused']}，崩溃 {report['crashes']}，被终止（中止/超内存/超时）{report['killed']}"
    )
    print(f"  最慢 {report['slowest_s']} s（{report['slowest']}），工作进程峰值内存 {report['worker_peak_mb']} MB")
    print(f"  总耗时 {report['wall_s']} s")
    for line in report["bad"]:  # type: ignore[union-attr]
        print("  " + line)
    return 1 if report["crashes"] or report["killed"] else 0


if __name__ == "__main__":
    sys.exit(main())
