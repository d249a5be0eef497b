"""Legacy formats (.doc, .wps, .rtf, .odt, .xlsb, .et that calamine cannot read, Office 2003 XML) are
converted to docx/xlsx by LibreOffice headless, then read like any other docx/xlsx.

Every conversion runs in its own temporary directory with its own LibreOffice profile (concurrent
conversions would otherwise fight over one profile's lock) and in its own process group: a hung
LibreOffice leaves soffice.bin and oosplash behind unless the whole group is killed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.limits import CONVERT_SECONDS

Target = Literal["docx", "xlsx"]
_BINARIES = ("soffice", "libreoffice")


def soffice() -> str | None:
    for binary in _BINARIES:
        found = shutil.which(binary)
        if found:
            return found
    return None


def convert(data: bytes, suffix: str, target: Target, what: str) -> bytes:
    """The file converted to `target`. `suffix` (".doc") tells LibreOffice the source type; the
    district's own file name is never used on disk. `what` names the format for the clerk."""
    binary = soffice()
    if binary is None:
        raise UnreadableFile(msg.NO_LIBREOFFICE.format(what=what))
    with tempfile.TemporaryDirectory(prefix="huizong-lo-") as work:
        root = Path(work)
        source = root / f"source{suffix}"
        source.write_bytes(data)
        (root / "out").mkdir()
        profile = f"-env:UserInstallation={(root / 'profile').as_uri()}"
        _run(
            [
                binary,
                profile,
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                "--convert-to",
                target,
                "--outdir",
                str(root / "out"),
                str(source),
            ],
            home=root,
        )
        result = root / "out" / f"source.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            # LibreOffice says nothing useful on failure: it could not load the file.
            raise UnreadableFile(msg.DAMAGED)
        return result.read_bytes()


def _run(command: list[str], home: Path) -> None:
    env = {**os.environ, "HOME": str(home)}  # never touch the server user's own LibreOffice settings
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
    except OSError as exc:
        raise UnreadableFile(msg.NO_LIBREOFFICE.format(what="该文件")) from exc
    try:
        process.wait(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(msg.TIMEOUT.format(seconds=CONVERT_SECONDS)) from exc
    finally:
        _kill_group(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    # Also after a normal exit: a child LibreOffice left behind would hold the temporary directory.
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group already ended
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
