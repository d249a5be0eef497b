"""Every example in the project's documents is loaded and checked (tests/docs/fences.py says how)."""

from __future__ import annotations

import pytest
from fences import DOCUMENTS, ROOT, Block, check, command_words, every_block, inline_commands

BLOCKS = every_block()


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: f"{b.name} {b.language} {b.kind}".strip())
def test_example(block: Block) -> None:
    check(block)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_commands_in_running_text_exist(document) -> None:
    for command in inline_commands(document):
        words = [w for w in command.split()[1:] if not w.startswith(("…", "[", "<"))]
        command_words(words)


def test_the_references_have_examples_of_each_kind() -> None:
    kinds = {(b.document.name, b.language, b.kind) for b in BLOCKS}
    assert {
        ("forms.md", "yaml", "form"),
        ("forms.md", "yaml", "form-error"),
        ("forms.md", "text", "check-output"),
    } <= kinds
    assert ("json.md", "json", "result") in kinds


def test_a_wrong_example_is_caught(tmp_path) -> None:
    """The checkers can fail: a form with a mistake, an unknown option, JSON off the model."""
    wrong = [
        Block(
            tmp_path / "doc", 1, "yaml", "form", "id: x\nversion: 1\ntitle: 表\nlayout: grid\nfields: [{label: a}]\n"
        ),
        Block(tmp_path / "doc", 1, "bash", "", "huizong forms infer a.xlsx --nope\n"),
        Block(tmp_path / "doc", 1, "bash", "", "huizong nosuchcommand\n"),
        Block(tmp_path / "doc", 1, "json", "result", '{"forms": [], "files": [], "issues": []}'),
        Block(tmp_path / "doc", 1, "json", "issue", '{"severity": "error", "code": "no-such-code", "message": "x"}'),
        Block(tmp_path / "doc", 1, "yaml", "unheard-of", "a: 1\n"),
    ]
    for block in wrong:
        with pytest.raises((AssertionError, ValueError)):
            check(block)
