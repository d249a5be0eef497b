"""`huizong doc …` — official documents (GB/T 9704): render a spec, make the campaign's documents, fill a
Word template, check a document, lay out a draft (一键排版). Wiring only: every decision lives in
generators.documents."""

from huizong.cli.doc import campaign_cmd, check_cmd, format_cmd, render_cmd  # noqa: F401 - each adds its commands
from huizong.cli.doc.group import doc

COMMANDS = [doc]
