"""WeasyPrint imported with its C declarations prepared once, not parsed again on every run.

WeasyPrint declares the C functions it calls (pango, harfbuzz, fontconfig …) in cffi's in-line ABI mode
(text/ffi.py: `ffi = cffi.FFI()`, then `ffi.cdef(…)`). On every import pycparser is imported and parses those
declarations; every C type named later (`ffi.new("hb_blob_t *")`, a score of them in one render) is parsed again
together with all of them; and each library name that is not a path goes to `ctypes.util.find_library`, which
runs ldconfig, gcc and ld. Together about a sixth of a clerk's `huizong doc render`.

cffi's out-of-line ABI mode holds the same declarations as tables read by cffi's own C parser, and opens
libraries by the names given, with no find_library (`set_source(name, None)` and `emit_python_code` are its
documented way to prepare them ahead of time). So the first import here is WeasyPrint's own, after which its
declarations are prepared and kept in the user's cache folder, keyed by WeasyPrint's text/ffi.py and the
versions of cffi and Python. Later imports hand WeasyPrint the prepared FFI when it asks for a new one
(`cffi.FFI` is swapped for that import only; the prepared FFI's cdef() has nothing left to do).

A record that cannot be read or written is not used, and one WeasyPrint cannot start from is deleted: WeasyPrint
is then imported as it is. tests/…/pdf/test_doc_weasy.py fails if WeasyPrint stops declaring its functions in one
in-line FFI, the sign that this module has to change.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import io
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import _cffi_backend
import cffi

from generators.documents.layout.user_cache import cache_dir

MODULE_NAME = "_huizong_weasyprint_ffi"  # the name cffi writes into the prepared tables
FFI_MODULE = "weasyprint.text.ffi"  # the module of WeasyPrint that makes its FFI
_LOCK = threading.Lock()  # one import at a time: cffi.FFI is swapped for the whole process meanwhile

Tables = tuple[tuple, dict]  # the arguments of the out-of-line FFI: positional, keyword


class PreparedFFI(_cffi_backend.FFI):
    """An out-of-line FFI built from prepared tables: the declarations WeasyPrint passes to cdef() are in them."""

    def cdef(self, csource: str, **options: object) -> None:
        return

    def dlopen(self, name: object, flags: int = 0) -> object:  # type: ignore[override]
        # cffi's in-line FFI keeps the libraries it opened for the life of the process; an out-of-line one closes
        # a library when its lib object is collected — at exit, possibly before the objects whose destructors
        # (ffi.gc: g_object_unref, FcConfigDestroy …) call into it, and the process then dies of a segmentation
        # fault. RTLD_NODELETE keeps a library mapped whatever becomes of its lib object.
        return super().dlopen(name, flags | _cffi_backend.RTLD_NODELETE)


def load() -> ModuleType:
    """The `weasyprint` module, its C declarations from the prepared record when there is one."""
    with _LOCK:
        module = sys.modules.get("weasyprint")
        if module is not None:
            return module
        record = _record()
        tables = _read(record) if record else None
        if tables is not None:
            try:
                with _handing(tables):
                    return importlib.import_module("weasyprint")
            except Exception:  # any failure of a prepared start: start WeasyPrint as it is, prepare it again
                _forget(record)
                tables = None
        module = importlib.import_module("weasyprint")
        if record is not None and tables is None:
            _write(record, module.text.ffi.ffi)
        return module


def _record() -> Path | None:
    """Where the prepared declarations are kept, or None when WeasyPrint's ffi.py cannot be read."""
    spec = importlib.util.find_spec("weasyprint")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        source = (Path(spec.submodule_search_locations[0]) / "text" / "ffi.py").read_bytes()
    except OSError:
        return None
    key = hashlib.sha1(source)
    key.update(f"{cffi.__version__}-{sys.version}-{sys.platform}".encode())
    return cache_dir() / "weasyprint-ffi" / f"{key.hexdigest()[:16]}.marshal"


def _read(record: Path) -> Tables | None:
    try:
        tables = marshal.loads(record.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    ok = isinstance(tables, tuple) and len(tables) == 2
    return tables if ok and isinstance(tables[0], tuple) and isinstance(tables[1], dict) else None


@contextlib.contextmanager
def _handing(tables: Tables) -> Iterator[None]:
    """While WeasyPrint is imported, the `cffi.FFI()` of its text/ffi.py is the prepared FFI (once; any other call,
    from another module or thread, is cffi's own)."""
    real = cffi.FFI
    handed: list[bool] = []

    def make(*args: object, **kwargs: object) -> object:
        caller = sys._getframe(1).f_globals.get("__name__")
        if handed or args or kwargs or caller != FFI_MODULE:
            return real(*args, **kwargs)
        handed.append(True)
        return PreparedFFI(*tables[0], **tables[1])

    cffi.FFI = make
    try:
        yield
    finally:
        cffi.FFI = real


def _forget(record: Path) -> None:
    for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
        del sys.modules[name]
    with contextlib.suppress(OSError):
        record.unlink()


def _tables(ffi: cffi.FFI) -> Tables:
    """The out-of-line FFI's arguments for the declarations of `ffi`, as cffi writes them (a Python call of
    literals, read back with ast.literal_eval: no code is run)."""
    import ast

    ffi.set_source(MODULE_NAME, None)
    source = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()):  # cffi says "generating …" on stdout
        ffi.emit_python_code(source)
    call = next(
        node.value
        for node in ast.parse(source.getvalue()).body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
    )
    args = tuple(ast.literal_eval(a) for a in call.args)
    return args, {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}


def _write(record: Path, ffi: object) -> None:
    if not isinstance(ffi, cffi.FFI):
        return
    try:
        data = marshal.dumps(_tables(ffi))
    except Exception:  # a cffi that cannot prepare these declarations: WeasyPrint keeps starting as it is
        return
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two commands at once never see half a record.
        with tempfile.NamedTemporaryFile("wb", dir=record.parent, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, record)
    except OSError:
        return
