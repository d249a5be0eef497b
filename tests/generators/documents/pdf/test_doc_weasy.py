"""WeasyPrint's C declarations prepared once and kept between runs: the first import is WeasyPrint's own (it
parses them with pycparser and asks ctypes for its libraries, starting processes), the next parses nothing and
starts nothing, and renders the same PDF; a record that is torn, that WeasyPrint cannot start from, or that
cannot be written never stops an import.

The first test also guards the module: if a WeasyPrint or cffi upgrade stops declaring its functions in one
in-line FFI, it fails, and generators/documents/pdf/weasy.py has to change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Counts the processes started while WeasyPrint is imported (find_library runs ldconfig, gcc and ld), then
# renders a short document.
PROBE = """
import hashlib, json, subprocess, sys
started = []
real = subprocess.Popen.__init__
def counting(self, args, *rest, **kw):
    started.append(args)
    real(self, args, *rest, **kw)
subprocess.Popen.__init__ = counting
from generators.documents.pdf import weasy
module = weasy.load()
imported = len(started)
from generators.documents import load_spec, render_pdf
pdf = render_pdf(load_spec("title: 关于开展检验检测市场专项整治行动的通知\\nbody: 为规范检验检测市场秩序，现通知如下。\\n"))
print(json.dumps({
    "started": imported,
    "ffi": type(module.text.ffi.ffi).__name__,
    "pycparser": "pycparser" in sys.modules,
    "pdf": hashlib.sha1(pdf).hexdigest(),
}))
"""


def _import(cache: Path) -> dict:
    env = {**os.environ, "HUIZONG_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _records(cache: Path) -> list[Path]:
    return sorted((cache / "weasyprint-ffi").glob("*.marshal"))


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_the_second_import_parses_nothing_starts_nothing_and_renders_the_same(cache):
    first = _import(cache)
    # WeasyPrint still declares its functions in cffi's in-line mode (pycparser) and asks find_library.
    assert first["ffi"] == "FFI" and first["pycparser"] and first["started"] > 0
    (record,) = _records(cache)
    second = _import(cache)
    assert second == {"started": 0, "ffi": "PreparedFFI", "pycparser": False, "pdf": first["pdf"]}
    assert _records(cache) == [record]


def test_a_torn_record_is_prepared_again(cache):
    first = _import(cache)
    (record,) = _records(cache)
    record.write_bytes(record.read_bytes()[:100])
    assert _import(cache)["pdf"] == first["pdf"]
    assert _import(cache)["ffi"] == "PreparedFFI"  # rewritten whole


def test_a_record_weasyprint_cannot_start_from_is_deleted(cache):
    import marshal

    first = _import(cache)
    (record,) = _records(cache)
    record.write_bytes(marshal.dumps(((b"not", "an FFI"), {}), 4))
    assert _import(cache)["pdf"] == first["pdf"]  # WeasyPrint started as it is
    assert _import(cache)["ffi"] == "PreparedFFI"


def test_a_cache_folder_that_cannot_be_made_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _import(blocker)["ffi"] == "FFI"


RENDERING_TEST = """
from generators.documents import load_spec, render_pdf


def test_render():
    assert render_pdf(load_spec("title: 关于开展检验检测市场专项整治行动的通知\\nbody: 为规范检验检测市场秩序，现通知如下。\\n"))
"""


def test_a_process_that_rendered_from_the_prepared_declarations_exits_cleanly(cache, tmp_path):
    # An out-of-line FFI closes a library when its lib object goes; at exit that could come before objects
    # whose destructors call into the library: pytest's own exit, after a render, died of a segmentation fault.
    _import(cache)  # prepares the record
    (tmp_path / "test_render.py").write_text(RENDERING_TEST, encoding="utf-8")
    env = {**os.environ, "HUIZONG_CACHE_DIR": str(cache)}
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_render.py")]
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
