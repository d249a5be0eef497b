"""The fuzzing harness, briefly: a fixed seed, a few dozen mutants, no crash, no killed worker.

Run at length by hand: python -m benchmarks.fuzz --mutants 1000 --seed 1 (figures in docs/limits.md's
section for admins). Whatever it finds is kept in tests/parsers/hostile_cases.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.fuzz import mutant, seeds

ROOT = Path(__file__).resolve().parents[2]


def test_mutants_are_the_same_for_the_same_seed() -> None:
    sources = seeds()
    assert len(sources) > 40
    first = [mutant(sources, 3, i) for i in range(6)]
    assert first == [mutant(sources, 3, i) for i in range(6)]
    assert len({data for _name, data, _mutation in first}) == len(first)


def test_a_short_fuzzing_run_finds_no_crash_and_no_kill() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.fuzz", "--mutants", "30", "--seed", "9", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "崩溃 0，被终止（中止/超内存/超时）0" in done.stdout
    assert "Traceback" not in done.stderr
