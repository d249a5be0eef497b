"""The Fandol faces handed to WeasyPrint through fontconfig rather than @font-face.

WeasyPrint copies the file of every @font-face rule into a temporary folder on each run, and fontconfig reads
each copy again: five Fandol faces, 31 MB, a twentieth of a clerk's `huizong doc render`. Named as a font folder
in a fontconfig configuration instead, the faces are read once and found afterwards in fontconfig's cache (the
user's cache folder, unless the system already has one for that folder). The configuration includes the one
fontconfig would read otherwise (FONTCONFIG_FILE, else fonts.conf from fontconfig's own folder), and
FONTCONFIG_FILE names it only while WeasyPrint's FontConfiguration is made, which is when fontconfig reads it.

The CSS asks for Hz-<face> (layout/fonts.py); the configuration turns each into the Fandol family and the style
of its file. Not by weight: the Fandol Bold files declare the weight of the Regular ones, so fontconfig would
take either for either, and would embolden the bold one again when bold is asked for.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from generators.documents.layout.fonts import FACES, Face, fandol_dir
from generators.documents.layout.user_cache import cache_dir

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

_ENV_LOCK = threading.Lock()  # FONTCONFIG_FILE is the whole process's while it names our configuration


def font_configuration() -> FontConfiguration:
    """WeasyPrint's FontConfiguration: the system's fonts and the Fandol folder."""
    from weasyprint.text.fonts import FontConfiguration

    with _ENV_LOCK, _configuration(_config_text()) as path:
        before = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(path)
        try:
            return FontConfiguration()
        finally:
            if before is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = before


def _config_text() -> str:
    base = os.environ.get("FONTCONFIG_FILE") or "fonts.conf"  # a bare name: found in fontconfig's folder
    folder = fandol_dir()
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        # Listed first, so that fontconfig writes the Fandol folder's cache here, not in a system folder.
        f"  <cachedir>{escape(str(cache_dir() / 'fontconfig' / 'cache'))}</cachedir>\n"
        f'  <include ignore_missing="yes">{escape(base)}</include>\n'
        f"  <dir>{escape(str(folder))}</dir>\n"
        + "".join(_face_rules(face, folder) for face in FACES.values())
        + "</fontconfig>\n"
    )


def _face_rules(face: Face, folder: Path) -> str:
    style = "Bold" if face.weight >= 700 else "Regular"
    return (
        '  <match target="pattern">\n'
        f'    <test name="family"><string>Hz-{face.key}</string></test>\n'
        f'    <edit name="family" mode="assign" binding="strong"><string>{face.family}</string></edit>\n'
        f'    <edit name="style" mode="assign" binding="strong"><string>{style}</string></edit>\n'
        "  </match>\n"
        # Placed after the system's rules: the face is as bold as its file, never emboldened on top.
        '  <match target="font">\n'
        f'    <test name="file"><string>{escape(str(folder / face.fandol))}</string></test>\n'
        '    <edit name="embolden" mode="assign"><bool>false</bool></edit>\n'
        "  </match>\n"
    )


@contextlib.contextmanager
def _configuration(text: str) -> Iterator[Path]:
    """The configuration as a file: kept in the cache folder, or a temporary file when it cannot be written."""
    path = cache_dir() / "fontconfig" / f"{hashlib.sha1(text.encode()).hexdigest()[:16]}.conf"
    if path.is_file():
        yield path
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two commands at once never see half a file.
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as tmp:
            tmp.write(text)
        os.replace(tmp.name, path)
    except OSError:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "fonts.conf")
            path.write_text(text, encoding="utf-8")
            yield path
        return
    yield path
