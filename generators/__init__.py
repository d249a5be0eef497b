"""Generators: files made from forms and records — templates, workbooks, annotated returns, 公文."""
