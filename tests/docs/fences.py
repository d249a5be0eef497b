"""The examples of the project's documents, found by their fenced blocks and checked by what they claim to be.

A fenced block's info string is its language and, after a space, its kind: ```yaml form``` is a form definition,
```json result``` the JSON of parse/merge. Each (language, kind) has a checker below; a block whose kind has no
checker fails the tests, so an example is never silently left untested. A new kind of example (the document
spec keys, the HTTP API …) gets its checker by adding one entry to CHECKERS, or uses the generic
```json model=package.module.Class``` to be validated against any pydantic model.

Blocks without a kind: YAML and JSON must at least parse; shell blocks (bash, sh, shell, console) must name
only huizong commands and options that exist; other text is not checked.
"""

from __future__ import annotations

import importlib
import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted([*(ROOT / "docs").glob("*.md"), ROOT / "README.md"])
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.M | re.S)
_INLINE = re.compile(r"`(huizong [^`]+)`")
SHELLS = {"bash", "sh", "shell", "console"}


@dataclass(frozen=True)
class Block:
    document: Path
    line: int
    language: str
    kind: str
    text: str

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def blocks(document: Path) -> list[Block]:
    text = document.read_text(encoding="utf-8")
    out = []
    for m in _FENCE.finditer(text):
        language, _, kind = m[1].strip().partition(" ")
        out.append(Block(document, text.count("\n", 0, m.start()) + 1, language, kind.strip(), m[2]))
    return out


def every_block() -> list[Block]:
    return [b for d in DOCUMENTS for b in blocks(d)]


# -- forms ------------------------------------------------------------------------------------------------
def _form(block: Block) -> None:
    from forms.check import check_text

    checked = check_text(block.text, block.name)
    assert checked.form is not None and not checked.errors, [str(f) for f in checked.errors]


def _form_error(block: Block) -> None:
    from forms.check import check_text

    assert check_text(block.text, block.name).errors, "这个示例应当有错误"


def _check_output(block: Block) -> None:
    """The lines `forms check` prints for the nearest ```yaml form-error``` block above this one."""
    from forms.check import check_text

    source = [b for b in blocks(block.document) if b.kind == "form-error" and b.line < block.line][-1]
    name = f"{yaml.safe_load(source.text)['id']}.yaml"
    said = {"error": "错误", "warning": "提示"}
    printed = [f"{said[f.severity]}  {f}" for f in check_text(source.text, name).findings]
    assert block.text.strip().splitlines() == printed


# -- JSON against the models --------------------------------------------------------------------------------
def _model(path: str) -> Callable[[Block], None]:
    def check(block: Block) -> None:
        module, _, name = path.rpartition(".")
        model = getattr(importlib.import_module(module), name)
        data = json.loads(block.text)
        items = data if isinstance(data, list) and path != "parsers.results.Result" else [data]
        for item in items:
            model.model_validate(item)
        _known_codes(data)

    return check


def _known_codes(data: object) -> None:
    from forms.issues import CATALOGUE

    if isinstance(data, dict):
        if "code" in data and "severity" in data:
            assert data["code"] in CATALOGUE, f"未知的问题代码 {data['code']}"
        for value in data.values():
            _known_codes(value)
    elif isinstance(data, list):
        for value in data:
            _known_codes(value)


def _document_spec(block: Block) -> None:
    from generators.documents import spec

    spec.parse_spec(block.text, block.name)


CHECKERS: dict[tuple[str, str], Callable[[Block], None]] = {
    ("yaml", "form"): _form,
    ("yaml", "form-error"): _form_error,
    ("text", "check-output"): _check_output,
    ("json", "result"): _model("parsers.results.Result"),
    ("json", "record"): _model("parsers.results.Record"),
    ("json", "file"): _model("parsers.results.FileReport"),
    ("json", "issue"): _model("forms.issues.Issue"),
    ("yaml", "document"): _document_spec,
}


def check(block: Block) -> None:
    if block.kind.startswith("model="):
        _model(block.kind.removeprefix("model="))(block)
    elif block.kind:
        checker = CHECKERS.get((block.language, block.kind))
        assert checker is not None, (
            f"{block.name}：没有检查“{block.language} {block.kind}”示例的办法（见 tests/docs/fences.py）"
        )
        checker(block)
    elif block.language in ("yaml", "yml"):
        yaml.safe_load(block.text)
    elif block.language == "json":
        json.loads(block.text)
    elif block.language in SHELLS:
        for line in block.text.splitlines():
            command_line(line)


# -- huizong command lines ----------------------------------------------------------------------------------
def command_line(line: str) -> None:
    """Every `huizong …` in a shell line names a real command, sub-command and options."""
    line = re.sub(r"(^|\s)#.*$", "", line.strip().removeprefix("$ "))
    for segment in re.split(r"\s*(?:\|\||&&|\||;)\s*", line):
        try:
            words = shlex.split(segment)
        except ValueError:
            words = segment.split()
        at = next((i for i, w in enumerate(words) if Path(w).name == "huizong"), None)
        if at is not None:
            command_words(words[at + 1 :])


def command_words(words: list[str]) -> None:
    from huizong.cli import cli

    command: click.Command = cli
    path = ["huizong"]
    rest = list(words)
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        options = rest[0].split("|")  # `reminder|bulletin|summary`: each must exist
        found = [command.commands.get(o) for o in options]
        if not all(found):
            assert command.invoke_without_command and path[-1] != "huizong", f"{' '.join(path)} 没有命令 {rest[0]}"
            break
        command, path = found[0], [*path, rest.pop(0)]  # type: ignore[assignment]
    known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"-h", "--help"}
    for word in rest:
        if word.startswith("-") and word != "-" and not _is_number(word):
            assert word.split("=", 1)[0] in known, f"{' '.join(path)} 没有选项 {word}"


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"-\d+(\.\d+)?", word))


def inline_commands(document: Path) -> list[str]:
    """`huizong …` written in running text."""
    text = _FENCE.sub("", document.read_text(encoding="utf-8"))
    return _INLINE.findall(text)
