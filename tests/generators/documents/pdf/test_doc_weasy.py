"""WeasyPrint's libraries found from the record kept between runs: the first import asks ctypes (and starts
processes), the next starts none; a record that is stale, torn or cannot be written never stops an import.

The first test also guards the module: if a WeasyPrint or cffi upgrade stops asking `find_library`, it fails,
and generators/documents/pdf/weasy.py should go."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Counts the processes started while WeasyPrint is imported (find_library runs ldconfig, gcc and ld).
PROBE = """
import json, subprocess, sys
started = []
real = subprocess.Popen.__init__
def counting(self, args, *rest, **kw):
    started.append(args)
    real(self, args, *rest, **kw)
subprocess.Popen.__init__ = counting
from generators.documents.pdf import weasy
module = weasy.load()
print(json.dumps({"started": len(started), "pango": module.text.ffi.pango is not None}))
"""


def _import(cache: Path) -> dict:
    env = {**os.environ, "HUIZONG_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _records(cache: Path) -> list[Path]:
    return sorted((cache / "libraries").glob("*.json"))


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    if not Path("/etc/ld.so.cache").exists():
        pytest.fail("these tests describe a glibc system (Debian), where /etc/ld.so.cache exists")
    return tmp_path / "cache"


def test_the_second_import_starts_no_process(cache):
    first = _import(cache)
    assert first["started"] > 0  # WeasyPrint still asks find_library: the record is worth keeping
    (record,) = _records(cache)
    answers = json.loads(record.read_text(encoding="utf-8"))
    assert any(answers.values()) and None in answers.values()  # libraries found, and names that are not
    second = _import(cache)
    assert second == {"started": 0, "pango": True}


def test_a_record_naming_a_library_that_does_not_load_is_voided(cache):
    _import(cache)
    (record,) = _records(cache)
    answers = json.loads(record.read_text(encoding="utf-8"))
    name = next(k for k, v in answers.items() if v)
    answers[name] = "libgone-huizong.so.9"
    record.write_text(json.dumps(answers), encoding="utf-8")
    assert _import(cache)["pango"]
    assert json.loads(record.read_text(encoding="utf-8"))[name] != "libgone-huizong.so.9"


def test_a_torn_record_is_read_again(cache):
    _import(cache)
    (record,) = _records(cache)
    record.write_text('{"pango-1.0": "libpa', encoding="utf-8")
    assert _import(cache)["pango"]
    assert json.loads(record.read_text(encoding="utf-8"))  # rewritten whole


def test_a_cache_folder_that_cannot_be_made_is_skipped(tmp_path, cache):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _import(blocker)["pango"]
