"""The Fandol faces through fontconfig: each Hz-<face> is its own Fandol file (the Bold files declare the
Regular weight, so the style picks them), the user's own FONTCONFIG_FILE is included and left as it was, and a
cache folder that cannot be written still gives a configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generators.documents.layout.fonts import FACES, fandol_dir

# Which file fontconfig gives for each CSS family, with the configuration WeasyPrint is given.
PROBE = """
import json, os, sys
from generators.documents.pdf import fonts
before = os.environ.get("FONTCONFIG_FILE")
config = fonts.font_configuration()
from weasyprint.text.ffi import ffi, fontconfig, pangoft2
print(json.dumps({"restored": os.environ.get("FONTCONFIG_FILE") == before}))
"""


def _fc_match(conf: Path, family: str, weight: str) -> tuple[str, str]:
    """(file name, embolden) of fontconfig's match; a '-' in a family name is escaped in fc's pattern syntax."""
    done = subprocess.run(
        ["fc-match", "-f", "%{file}|%{embolden}", f"{family.replace('-', chr(92) + '-')}:weight={weight}"],
        capture_output=True,
        text=True,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        timeout=60,
    )
    file, _, embolden = done.stdout.partition("|")
    return Path(file).name, embolden


@pytest.fixture
def conf(tmp_path: Path, monkeypatch) -> Path:
    from generators.documents.pdf import fonts

    monkeypatch.setenv("HUIZONG_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "fonts.conf"
    path.write_text(fonts._config_text(), encoding="utf-8")
    return path


def test_each_face_is_its_own_fandol_file_never_emboldened(conf):
    for key, face in FACES.items():
        file, embolden = _fc_match(conf, f"Hz-{key}", "bold" if face.weight >= 700 else "regular")
        assert file == face.fandol, key
        assert embolden in ("", "False", "FcFalse"), (key, embolden)
    assert (fandol_dir() / FACES["xbs"].fandol).is_file()


def test_the_users_fontconfig_file_is_included_and_restored(tmp_path):
    own = tmp_path / "own.conf"
    own.write_text('<?xml version="1.0"?>\n<fontconfig><include>fonts.conf</include></fontconfig>\n', "utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(own), "HUIZONG_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"restored": true' in done.stdout
    (written,) = (tmp_path / "cache" / "fontconfig").glob("*.conf")
    assert str(own) in written.read_text(encoding="utf-8")


def test_a_cache_folder_that_cannot_be_made_still_configures(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = {**os.environ, "HUIZONG_CACHE_DIR": str(blocker)}
    env.pop("FONTCONFIG_FILE", None)
    probe = PROBE + "print(json.dumps({'unset': 'FONTCONFIG_FILE' not in os.environ}))\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"restored": true' in done.stdout and '"unset": true' in done.stdout
