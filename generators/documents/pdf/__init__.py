"""PDF output: the Plan as HTML + CSS (templates/) laid out by WeasyPrint, the 版记 measured onto the bottom
of an even last page."""
