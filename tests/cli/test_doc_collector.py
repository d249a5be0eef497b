"""A 公文 command runs Python's cyclic garbage collector less often, and gives the process its own setting back."""

from __future__ import annotations

import gc

from click.testing import CliRunner

from huizong.cli import cli
from huizong.cli.doc import group, render_cmd


def test_a_doc_command_collects_less_often_then_restores_the_setting(tmp_path, monkeypatch):
    spec = tmp_path / "spec.yaml"
    spec.write_text("title: 通知\nbody: 正文。\n", encoding="utf-8")
    seen = []
    monkeypatch.setattr(render_cmd, "write", lambda _spec, _outputs: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    result = CliRunner().invoke(cli, ["doc", "render", str(spec), "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 0, result.output
    assert seen == [(group.COLLECT_EVERY, *before[1:])]
    assert gc.get_threshold() == before
