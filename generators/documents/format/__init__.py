"""一键排版 (`huizong doc format`): a draft — plain text, Markdown, Word in any styles, old .doc/.wps — read,
its parts recognised (reading/), its punctuation, heading numbers, 发文字号 and 成文日期 normalised with
every change listed, and made into a document spec rendered as any other."""

from generators.documents.format.compose import Formatted, Options, compose, format_draft
from generators.documents.format.drafts import SUFFIXES, DraftError, read_draft
from generators.documents.format.normalise import Change

__all__ = ["SUFFIXES", "Change", "DraftError", "Formatted", "Options", "compose", "format_draft", "read_draft"]
