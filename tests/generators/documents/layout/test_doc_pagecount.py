"""The grid estimate that places the DOCX's 版记: line counts as Word breaks lines."""

from __future__ import annotations

from generators.documents.layout.geometry import LINE_TWIPS
from generators.documents.layout.pagecount import PAGE_TWIPS, Flow, estimate, line_count


def test_full_lines_hold_28_characters_and_the_first_26() -> None:
    assert line_count("字" * 26) == 1
    assert line_count("字" * 27) == 2
    assert line_count("字" * 28, first=0) == 1
    assert line_count("字" * 54) == 2 and line_count("字" * 55) == 3


def test_closing_punctuation_hangs_and_numbers_stay_whole() -> None:
    assert line_count("字" * 26 + "。") == 1  # the full stop hangs past the margin
    assert line_count("字" * 25 + "20220505") == 2  # a number is not split across lines
    assert line_count("字" * 20 + "1234") == 1  # digits are half as wide


def test_estimate_counts_pages_and_free_room() -> None:
    lines = PAGE_TWIPS // LINE_TWIPS
    assert lines == 22
    end = estimate([Flow((LINE_TWIPS,) * 30)])
    assert (end.page, end.used) == (2, 8 * LINE_TWIPS) and end.certain
    assert end.free == PAGE_TWIPS - 8 * LINE_TWIPS


def test_keep_together_and_headings_move_to_the_next_page() -> None:
    end = estimate([Flow((LINE_TWIPS,) * 21), Flow((LINE_TWIPS,) * 3, together=True)])
    assert (end.page, end.used) == (2, 3 * LINE_TWIPS)
    heading_last = estimate([Flow((LINE_TWIPS,) * 21), Flow((LINE_TWIPS,), keep_next=True), Flow((LINE_TWIPS,))])
    assert (heading_last.page, heading_last.used) == (2, 2 * LINE_TWIPS)


def test_tables_make_the_estimate_uncertain_and_breaks_start_pages() -> None:
    end = estimate([Flow((LINE_TWIPS,)), Flow((600, 600), certain=False)])
    assert not end.certain
    end = estimate([Flow((LINE_TWIPS,)), Flow(new_page=True, landscape=True), Flow((LINE_TWIPS,))])
    assert (end.page, end.landscape) == (2, True)


def lines(n: int, **kw: bool) -> Flow:
    return Flow((LINE_TWIPS,) * n, **kw)


def test_the_end_of_the_text_moves_with_the_signature() -> None:
    # 18 free lines, then a 3-line last paragraph kept whole with the 附件说明 (3 lines) and the 署名 (3):
    # they do not fit in the 4 lines left, so the paragraph opens the next page, not the 署名.
    kept = [lines(3, keep_next=True, together=True), lines(3, keep_next=True, together=True), lines(3, together=True)]
    end = estimate([lines(18), *kept])
    assert (end.page, end.used) == (2, 9 * LINE_TWIPS)
    # a one-line last paragraph takes the whole paragraph before it along
    tail = [lines(2, keep_next=True, together=True), lines(1, keep_next=True, together=True), lines(3, together=True)]
    end = estimate([lines(19), *tail])
    assert (end.page, end.used) == (2, 6 * LINE_TWIPS)
    # where everything fits nothing moves
    assert estimate([lines(13), *kept]).page == 1


def test_a_paragraph_free_to_split_leaves_lines_behind() -> None:
    # keep with next without keep together: only the last line goes with the next flow
    end = estimate([lines(17), lines(4, keep_next=True), lines(3, together=True)])
    assert (end.page, end.used) == (2, 4 * LINE_TWIPS)


def test_a_chain_longer_than_a_page_breaks_where_it_must() -> None:
    # As Word does: the kept lines start a new page, then break where the page is full (31 = 22 + 9).
    end = estimate([lines(5), *(lines(1, keep_next=True) for _ in range(30)), lines(1)])
    assert (end.page, end.used) == (3, 9 * LINE_TWIPS)
