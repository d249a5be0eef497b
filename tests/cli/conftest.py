"""The `huizong` fixture: the command-line runner of cli_run.py."""

from __future__ import annotations

import pytest
from cli_run import run


@pytest.fixture
def huizong():
    return run
