"""Resource limits for hostile input. Legitimate returns stay far below every one of them."""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024  # default size limit of a returned file

# Zip containers (xlsx, docx, ods).
MAX_ZIP_ENTRIES = 10_000
MAX_UNZIPPED = 200 * 1024 * 1024  # total uncompressed size of all members
MAX_RATIO = 200  # compression ratio allowed for a big member; XML rarely compresses past 50:1
BIG_MEMBER = 5 * 1024 * 1024  # members smaller than this may compress as well as they like

# Grids: every position becomes a Cell, and calamine allocates a sheet's bounding box densely, so the
# number of positions in one table is capped (10,000 rows x 50 columns; real returns use a few thousand).
# A million positions cost about 220 MB and 15 s to read: a hostile file must end within 30 s on a busy machine.
MAX_CELLS = 500_000
# A whole workbook: calamine holds every sheet it has read, and the Cells of all of them live until the
# return is parsed. 750,000 positions cost about 170 MB and 11 s.
MAX_BOOK_CELLS = 750_000
MAX_SHEETS = 255  # sheets that hold cells; returns have one to a few dozen
MAX_SHARED_STRINGS = 1_000_000  # an xlsx's shared-string table: at most one entry per cell
MAX_SPAN = 1_000  # HTML caps colspan at 1000; Word tables have at most 63 columns

# PDF, read in a child process with these limits. pdfminer needs ~0.25 s of CPU per page of a ruled table and
# reads ~5,000 tokens for it. A hostile PDF is stopped well before the caps by counting as pdfminer reads:
# bytes inflated from streams, content-stream operators per page and in all, and tokens read by any of its
# parsers (a bomb in a CMap is no content stream). 200,000 text operators on one page once kept it busy for
# 35 s; each budget here costs at most ~5 s alone, and a return of 80 pages of tables fits them all.
MAX_PDF_PAGES = 80
PDF_MEMORY = 512 * 1024 * 1024  # each page is released after reading; real returns need ~100 MB
PDF_SECONDS = 60
MAX_PDF_INFLATED = 64 * 1024 * 1024  # all streams together, inflated
MAX_PAGE_OPERATORS = 30_000
MAX_PDF_OPERATORS = 150_000
MAX_PDF_TOKENS = 400_000  # by any parser (objects, CMaps, fonts): ~5 s; a sample return page reads ~5,000

# One file of a batch (parsers.pool): the worker reading it is replaced past these, and the file alone is
# reported unreadable. Guards above stop hostile files well before; these catch what no guard foresaw.
FILE_SECONDS = 180.0  # an 80-page PDF or a LibreOffice conversion, on a busy machine, fits
FILE_MEMORY_MB = 1024  # address space above what the worker inherited from the batch's parent

# Scans and photos read by OCR (parsers/readers/ocr/). The pixel count is checked from the image header, before
# decoding: a 48-megapixel phone photo passes, a few-KB PNG claiming 60000×60000 pixels does not.
MAX_IMAGE_PIXELS = 60_000_000
MAX_OCR_PAGES = 30  # about 3 s a page: a scanned return of 30 pages is read in under two minutes

# LibreOffice conversion of legacy formats.
CONVERT_SECONDS = 60
