"""`huizong parse` on every hostile sample: one clear Chinese issue, never a traceback."""

from __future__ import annotations

import json

import pytest
from cli_run import ROOT

HOSTILE = sorted((ROOT / "samples" / "hostile").iterdir())


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_file_gives_one_clear_issue(huizong, path) -> None:
    out = huizong("parse", path, "--json", "-")
    assert out.returncode == 1 and "Traceback" not in out.stderr  # unreadable: exit 1, like merge
    result = json.loads(out.stdout)
    assert [f["status"] for f in result["files"]] == ["failed"]
    assert [i["code"] for i in result["issues"]] == ["file-unreadable"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result["issues"][0]["message"])


def test_parse_with_forced_form_and_units(huizong, tmp_path) -> None:
    sample = ROOT / "samples" / "statistics" / "clean.xlsx"
    units = tmp_path / "units.txt"
    units.write_text("东胜区\n", encoding="utf-8")
    out = huizong("parse", sample, "--form", "work-statistics", "--units", units, "--json", "-")
    result = json.loads(out.stdout)
    assert len(result["forms"]["work-statistics"]["records"]) == 6
    assert result["forms"]["work-statistics"]["units_expected"] == ["东胜区"]
