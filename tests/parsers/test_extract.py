"""A record's cell locations: kept compactly for spreadsheet rows, identical to the plain locations."""

import pickle

from parsers.cells import Cell, location
from parsers.extract import locations, record
from parsers.normalise import Row
from parsers.results import Record, RowLocations, Source


def _plain(cells: dict[str, Cell]) -> dict[str, str]:
    return {fid: location(c.sheet, c.ref) for fid, c in cells.items()}


def test_spreadsheet_row() -> None:
    cells = {
        "unit": Cell("东胜区", "Sheet1", "A8"),
        "name": Cell("张三", "Sheet1", "B8"),
        "x": Cell(None, "Sheet1", "AB8"),
    }
    got = locations(cells, cells["name"])
    assert isinstance(got, RowLocations)
    assert got == _plain(cells) and dict(got) == {"unit": "Sheet1!A8", "name": "Sheet1!B8", "x": "Sheet1!AB8"}
    assert list(got) == ["unit", "name", "x"] and got.get("name") == "Sheet1!B8" and got.get("missing") is None


def test_cells_off_the_row_keep_their_own_location() -> None:
    cells = {
        "domain": Cell("食品", "Sheet1", "C5", merged=True, origin=(0, 2)),  # a vertical merge from row 5
        "name": Cell("张三", "Sheet1", "B8"),
        "other": Cell(1, "Sheet2", "D8"),
        "tens": Cell(1, "Sheet1", "E18"),  # ends in the row's digits without being on the row
    }
    assert dict(locations(cells, cells["name"])) == _plain(cells)


def test_consecutive_rows_share_a_layout_only_when_it_fits() -> None:
    first = locations({"a": Cell(1, "S", "A4"), "b": Cell(2, "S", "B4")}, Cell(1, "S", "A4"))
    second = locations({"a": Cell(1, "S", "A5"), "b": Cell(2, "S", "B5")}, Cell(1, "S", "A5"))
    moved = locations({"a": Cell(1, "S", "A6"), "b": Cell(2, "S", "C6")}, Cell(1, "S", "A6"))
    assert dict(second) == {"a": "S!A5", "b": "S!B5"} and dict(moved) == {"a": "S!A6", "b": "S!C6"}
    assert dict(first) == {"a": "S!A4", "b": "S!B4"}


def test_word_and_pdf_locations_stay_a_dict() -> None:
    word = {"name": Cell("张三", "表1", "行3列2")}
    pdf = {"name": Cell("张三", "第2页", "表1行3列2")}
    assert locations(word, word["name"]) == {"name": "表1行3列2"}
    assert locations(pdf, pdf["name"]) == {"name": "第2页表1行3列2"}
    assert type(locations(word, word["name"])) is dict


def test_pickles_small_and_compares_like_a_dict() -> None:
    cells = {"unit": Cell("东胜区", "Sheet1", "A8"), "name": Cell("张三", "Sheet1", "B8")}
    got = locations(cells, cells["name"])
    again = pickle.loads(pickle.dumps(got))
    assert again == got == _plain(cells) and _plain(cells) == again
    rec = Record(unit="东胜区", values={}, source=Source(file="f.xlsx", sheet="Sheet1", cell="B8"), cells=_plain(cells))
    assert rec.model_copy(update={"cells": got}) == rec
    assert "cells" not in rec.model_copy(update={"cells": got}).model_dump()


def test_record_has_the_state_model_construct_gives() -> None:
    # record() builds models without model_construct; a pydantic upgrade that changes what an instance holds
    # must fail here rather than produce half-built records.
    cells = {"unit": Cell("东胜区", "Sheet1", "A8"), "name": Cell("张三", "Sheet1", "B8")}
    row = Row({"unit": "东胜区", "name": "张三"}, cells, [])
    got = record("f.xlsx", "东胜区", "public", row, cells["name"])
    want = Record.model_construct(
        unit="东胜区",
        section="public",
        values={"unit": "东胜区", "name": "张三"},
        source=Source.model_construct(file="f.xlsx", sheet="Sheet1", cell="B8"),
        extra={},
        cells=dict(got.cells),
    )
    assert got.__getstate__() == want.__getstate__()
    assert got.source.__getstate__() == want.source.__getstate__()
    assert got == want and got.model_dump() == want.model_dump()
    again = pickle.loads(pickle.dumps(got))
    assert again == got and again.source.__getstate__() == want.source.__getstate__()


def test_pickled_records_keep_every_field_and_their_state() -> None:
    # Record.__reduce__ lists the fields by name: a new field must be added there too.
    assert list(Record.model_fields) == ["unit", "section", "values", "source", "extra", "cells", "origin_unit"]
    assert list(Source.model_fields) == ["file", "sheet", "cell", "ocr"]
    validated = Record(unit=None, values={"n": 1}, source=Source(file="f.xlsx", sheet="Sheet1", cell="B8"))
    cells = {"name": Cell("张三", "Sheet1", "B8")}
    built = record("f.xlsx", "东胜区", "public", Row({"name": "张三"}, cells, []), cells["name"])
    kept = record("f.xlsx", "东胜区", None, Row({"name": "张三"}, cells, []), cells["name"], {"微信号": "wx1"})
    assert kept.model_dump()["extra"] == {"微信号": "wx1"} and "extra" not in built.model_dump(mode="json")
    rolled = kept.model_copy(update={"unit": "鄂尔多斯市", "origin_unit": "东胜区"})
    assert rolled.model_dump()["origin_unit"] == "东胜区" and "origin_unit" not in built.model_dump(mode="json")
    for rec in (validated, built, kept, rolled):
        again = pickle.loads(pickle.dumps(rec))
        assert type(again) is Record and again == rec
        assert again.__getstate__() == rec.__getstate__()
        assert again.source.__getstate__() == rec.source.__getstate__()
        assert again.model_fields_set == rec.model_fields_set
    scanned = built.model_copy(update={"source": built.source.model_copy(update={"ocr": True})})
    again = pickle.loads(pickle.dumps(scanned))
    assert again.source.ocr is True and again.source.__getstate__() == scanned.source.__getstate__()
