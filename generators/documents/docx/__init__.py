"""DOCX output: WordprocessingML built as text (xml), styles and the grid, the 版头, the 主体, tables, the
版记 and the sections' page setup; render.write_docx draws a Plan."""
