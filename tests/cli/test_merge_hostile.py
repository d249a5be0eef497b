"""A merge of damaged files and good ones writes every good record, and a killed merge leaves no process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli_run import HUIZONG, ROOT, run

sys.path.insert(0, str(ROOT / "tests" / "parsers"))
from hostile_cases import CASES

GOOD = [
    "东胜区工作情况统计表.xlsx",
    "东胜区检验检测机构基本情况汇总表.xlsx",
    "准格尔旗工作情况统计表.pdf",
    "鄂托克旗检验检测机构基本情况.xls",
]
# One of each kind (the readers' own tests go through all of them): a worksheet under a binary name, an
# entity declaration, a workbook over its budget, PDF operator and inflation bombs.
DAMAGED = [
    "sheet-as-bin-XFD100000.xlsx",
    "ref-below-its-row.xlsx",
    "entity-in-bin-sheet.xlsx",
    "many-sheets.xlsx",
    "pdf-200k-text-operators.pdf",
    "pdf-300mb-stream.pdf",
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(ROOT / "samples" / "campaign" / "returns" / name, folder / name)
    for name in DAMAGED:
        (folder / name).write_bytes(CASES[name][0]())
    # A byte-flipped copy of a good return and a truncated one.
    good = (folder / GOOD[1]).read_bytes()
    (folder / "翻转.xlsx").write_bytes(good[:400] + bytes(b ^ 0xFF for b in good[400:600]) + good[600:])
    (folder / "截断.xlsx").write_bytes(good[: len(good) // 2])
    return folder


def test_merge_of_damaged_and_good_files_keeps_every_good_record(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "汇总表.xlsx"
    done = run("merge", folder, "--jobs", "2", "-o", out, "--json", tmp_path / "汇总.json")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert out.exists()
    result = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    by_name = {Path(f["path"]).name: f for f in result["files"]}
    for name in GOOD:
        expected = json.loads((ROOT / "samples" / "campaign" / "returns" / f"{name}.expected.json").read_text())
        assert by_name[name]["status"] == "merged"
        assert by_name[name]["records"] == len(expected["records"]), name
    for name in [*DAMAGED, "截断.xlsx"]:
        assert by_name[name]["status"] == "failed", name


def test_a_killed_merge_leaves_no_process(tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    for i in range(4):
        (folder / f"慢{i}.pdf").write_bytes(CASES["pdf-100k-draw-operators.pdf"][0]())
    proc = subprocess.Popen(
        [HUIZONG, "merge", str(folder), "--jobs", "2", "-o", str(tmp_path / "x.xlsx")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    descendants: set[int] = set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        descendants |= _descendants(proc.pid)
        if any(_is_pdf_child(p) for p in descendants):
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(1.0)
    alive = [p for p in descendants if Path(f"/proc/{p}").exists() and _state(p) != "Z"]
    assert not alive, [(p, Path(f"/proc/{p}/cmdline").read_bytes()[:200]) for p in alive]


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            try:
                kids = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            found.update(kids)
            todo.extend(kids)
    return found


def _is_pdf_child(pid: int) -> bool:
    try:
        return b"pdf_worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return "Z"
