"""The font coverage cache: the same code points as reading the font, a new entry when the file changes, and
a cache that cannot be used never stops a render."""

from __future__ import annotations

import os

import pytest

from generators.documents.layout import cmap_cache, fonts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HUIZONG_CACHE_DIR", str(tmp_path / "cache"))
    fonts.coverage.cache_clear()
    yield tmp_path / "cache"
    fonts.coverage.cache_clear()


def test_coverage_is_the_same_read_from_the_font_or_from_the_cache(cache):
    from fontTools.ttLib import TTFont

    font = TTFont(fonts.fandol_dir() / fonts.FACES["kai"].fandol, lazy=True)
    truth = frozenset(font.getBestCmap())
    font.close()
    first = fonts.coverage("kai")  # read from the font, then stored
    assert first == truth
    assert len(list((cache / "cmap").iterdir())) == 1
    fonts.coverage.cache_clear()
    assert cmap_cache.load(fonts.fandol_dir() / fonts.FACES["kai"].fandol) == truth
    assert fonts.coverage("kai") == truth


def test_a_changed_file_is_read_again(cache, tmp_path):
    font = tmp_path / "face.otf"
    font.write_bytes(b"x" * 10)
    cmap_cache.store(font, frozenset({0x4E00, 0x4E01}))
    assert cmap_cache.load(font) == {0x4E00, 0x4E01}
    os.utime(font, ns=(0, 1_000_000_000))
    assert cmap_cache.load(font) is None


def test_a_torn_or_unwritable_cache_is_not_used(tmp_path, monkeypatch):
    font = tmp_path / "face.otf"
    font.write_bytes(b"x")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("HUIZONG_CACHE_DIR", str(blocker))
    cmap_cache.store(font, frozenset({1}))  # cannot make the folder: no error
    assert cmap_cache.load(font) is None
    monkeypatch.setenv("HUIZONG_CACHE_DIR", str(tmp_path / "cache"))
    cmap_cache.store(font, frozenset({1, 2}))
    entry = next((tmp_path / "cache" / "cmap").iterdir())
    entry.write_bytes(entry.read_bytes()[:-1])
    assert cmap_cache.load(font) is None
