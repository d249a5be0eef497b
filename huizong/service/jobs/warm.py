"""What a worker process imports before its first job, so no job pays for the imports (and, with RQ, the
child forked for every job starts with them loaded)."""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger("huizong.jobs")

PRELOAD = (
    "huizong.service.campaigns.intake",
    "huizong.service.campaigns.outputs",
    "parsers.pipeline",
    "parsers.readers",
    "parsers.readers.spreadsheet",
    "parsers.readers.word",
    "parsers.readers.pdf",
    "parsers.merge",
    "generators.workbook",
    "generators.annotate",
)


def preload() -> None:
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional reader's library is absent: its jobs import (and report) it
            log.debug("could not preload %s", name)
