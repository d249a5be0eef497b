"""The README stays honest: the two first commands exist, and every command it shows is a real command."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_commands_are_setup_and_tests() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["./scripts/demo.sh", "./scripts/test.sh"]
    for script in commands:
        assert (ROOT / script).stat().st_mode & 0o111
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test.sh" in ci


def test_every_command_shown_exists() -> None:
    shown = set(re.findall(r"huizong (\w+)", README))
    help_text = subprocess.run(
        [str(Path(sys.executable).with_name("huizong")), "--help"], capture_output=True, text=True, check=True
    ).stdout
    listed = set(re.findall(r"^  (\w+)\s", help_text, re.M))
    assert shown <= listed, shown - listed
    assert listed <= shown, f"README 未介绍的命令：{listed - shown}"
