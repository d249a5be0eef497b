"""docs/documents.md keeps its word: every YAML example loads (a spec renders to DOCX and PDF, the campaign
file and the numbering register load), and every `huizong doc` command line names a command and options
that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from generators.documents import load_spec, render_docx, render_pdf
from generators.documents.campaign import load_campaign
from generators.documents.numbering import register_from_yaml
from huizong.cli.doc import doc

DOC = Path(__file__).resolve().parents[3] / "docs" / "documents.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)[^\n]*\n(.*?)```", TEXT, re.S)  # the info string may add a kind: yaml document
YAML = [body for lang, body in BLOCKS if lang == "yaml"]
SHELL = [
    line for lang, body in BLOCKS if lang == "bash" for line in body.splitlines() if line.startswith("huizong doc")
]


def test_the_document_has_examples() -> None:
    assert len(YAML) >= 7 and len(SHELL) >= 6


@pytest.mark.parametrize("example", YAML, ids=lambda e: e.splitlines()[0][:20])
def test_every_yaml_example_loads(example: str, tmp_path: Path) -> None:
    data = yaml.safe_load(example)
    if "body" in data:
        spec = load_spec(example)
        assert render_docx(spec)[:2] == b"PK" and render_pdf(spec)[:5] == b"%PDF-"
    elif "issuer" in data:
        path = tmp_path / "行动.yaml"
        path.write_text(example, encoding="utf-8")
        assert load_campaign(path).issuer
    else:
        register = register_from_yaml(example)
        assert register.books, "a YAML example that is neither a spec, a campaign nor a register"


@pytest.mark.parametrize("line", SHELL)
def test_every_command_line_names_real_options(line: str) -> None:
    words = shlex.split(line)
    command = doc.commands[words[2]]
    known = {opt for p in command.params for opt in getattr(p, "opts", [])}
    used = [w for w in words[3:] if w.startswith("-")]
    assert set(used) <= known, set(used) - known
