"""Compiled page templates kept between runs: the same HTML and stylesheet from the cache as compiled afresh,
and a cache folder that cannot be made never stops a render."""

from __future__ import annotations

import pytest
from doc_inputs import SAMPLES

from generators.documents import load_spec
from generators.documents.layout.plan import plan
from generators.documents.pdf import html


def _made(cache: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("HUIZONG_CACHE_DIR", cache)
    html._env.cache_clear()
    html.stylesheet.cache_clear()
    p = plan(load_spec(SAMPLES / "file-full.yaml"))
    return html.document_html(p), html.stylesheet(False)


@pytest.fixture(autouse=True)
def _fresh():
    yield
    html._env.cache_clear()
    html.stylesheet.cache_clear()


def test_templates_from_the_cache_make_the_same_html(tmp_path, monkeypatch):
    compiled = _made(str(tmp_path / "cache"), monkeypatch)
    kept = sorted((tmp_path / "cache" / "templates").iterdir())
    assert len(kept) == 2  # the page and its stylesheet
    assert _made(str(tmp_path / "cache"), monkeypatch) == compiled


def test_a_cache_folder_that_cannot_be_made_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _made(str(blocker), monkeypatch) == _made(str(tmp_path / "ok"), monkeypatch)
