"""`huizong --help` loads click and the command definitions only: every heavy library waits for its command."""

from __future__ import annotations

import json
import subprocess
import sys

# Libraries a clerk's `huizong --help` must not pay for (each costs tens of milliseconds or more to import).
HEAVY = (
    "pydantic",
    "yaml",
    "parsers",
    "generators",
    "forms.loader",
    "forms.model",
    "python_calamine",
    "xlsxwriter",
    "openpyxl",
    "docx",
    "weasyprint",
    "fastapi",
    "sqlalchemy",
    "PIL",
)

PROBE = """
import json, sys
from huizong.cli import main
sys.argv = ["huizong", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_imports_no_heavy_library():
    modules = _loaded("--help")
    assert "click" in modules
    assert not _heavy(modules), _heavy(modules)


def test_a_command_help_imports_no_heavy_library():
    assert not _heavy(_loaded("merge", "--help"))
    assert not _heavy(_loaded("doc", "render", "--help"))
