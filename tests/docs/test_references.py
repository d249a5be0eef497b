"""The documents stay true to the code: every key of a form and every issue code is documented, and no file
of the project points to a document it does not have or to a place outside it."""

from __future__ import annotations

import re
import subprocess

from fences import ROOT

from forms import model
from forms.issues import CATALOGUE

_TEXT = (".py", ".md", ".yaml", ".yml", ".toml", ".j2", ".txt", ".html", ".css", ".js", ".sh", ".cfg", ".ini")
_MD = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b")


def _tracked() -> list[str]:
    # -z: names as they are; without it git quotes non-ASCII names ("\345\256...") unless core.quotePath is off
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [p for p in out.split("\0") if p.endswith(_TEXT) and (ROOT / p).is_file()]


def test_every_form_key_is_in_the_form_reference() -> None:
    text = (ROOT / "docs" / "forms.md").read_text(encoding="utf-8")
    for cls in (model.FormDef, model.FieldDef, model.Section, model.MatrixRows, model.Choice, model.Rule):
        missing = [k for k in cls.model_fields if f"`{k}`" not in text]
        assert not missing, f"docs/forms.md 没有介绍 {cls.__name__} 的键：{missing}"


def test_every_issue_code_is_in_the_json_reference() -> None:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    missing = [code for code in CATALOGUE if f"`{code}`" not in text]
    assert not missing, f"docs/json.md 没有介绍的问题代码：{missing}"


def test_no_file_points_outside_the_project() -> None:
    outside = re.compile("|".join(re.escape(p) for p in ("/" + "work/", ".." + "/shared", "/shared" + "/docs")))
    bad = [p for p in _tracked() if outside.search((ROOT / p).read_text(encoding="utf-8", errors="replace"))]
    assert not bad, bad


def test_every_document_named_exists() -> None:
    """A markdown file named in any file of the project (docs/json.md, README.md) is a file of the project."""
    names = {p.rsplit("/", 1)[-1] for p in _tracked()}
    paths = set(_tracked())
    missing = set()
    for p in _tracked():
        for ref in _MD.findall((ROOT / p).read_text(encoding="utf-8", errors="replace")):
            exists = ref in paths if "/" in ref else ref in names
            if not exists:
                missing.add(f"{p} → {ref}")
    assert not missing, sorted(missing)
