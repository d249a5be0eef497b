"""Parsers: any returned file -> cells -> records with exact source cells, plus issues for what is wrong."""

from parsers.pipeline import parse_document, parse_file

__all__ = ["parse_document", "parse_file"]
