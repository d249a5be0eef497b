"""A merge's records on disk: read back equal to what was held, outlined alike, and the folder always removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parsers.results import Record, RowLocations, Source, flatten, unflatten
from parsers.spill import ALL, Outline, Records, Spill, flats, outline


def _record(unit: str | None, n: int, section: str | None = None, **more: object) -> Record:
    return Record(
        unit=unit,
        section=section,
        values={"name": f"机构{n}", "count": n, "rate": n / 3, "note": None},
        source=Source(file=f"{unit}.xlsx", sheet="Sheet1", cell=f"B{n + 3}"),
        cells=RowLocations("Sheet1", str(n + 3), (("name", "B", True), ("count", "C", True))),
        **more,  # type: ignore[arg-type]
    )


def _dumps(records: object) -> list[dict]:
    return [(r.model_dump(), dict(r.cells)) for r in records]  # type: ignore[attr-defined]


def test_records_read_back_equal_the_records_held(tmp_path: Path) -> None:
    held = [_record("东胜区", n, extra={"备注2": "x"} if n == 2 else {}) for n in range(5)]
    held.append(_record("东胜区", 9, origin_unit="康巴什区"))
    with Spill(tmp_path) as spill:
        spilled = spill.put(held)
        assert len(spilled) == 6 and spilled.outline == Outline.of(held)
        assert _dumps(spilled) == _dumps(held)
        assert _dumps([spilled[-1]]) == _dumps(held[-1:])


def test_a_process_appends_its_returns_to_one_file_each_read_back_alone(tmp_path: Path) -> None:
    first = [_record("东胜区", n) for n in range(3)]
    second = [_record("杭锦旗", n, extra={"备注2": "y"}) for n in range(3, 5)]
    with Spill(tmp_path) as spill:
        a, b = spill.put(first), spill.put(second)
        assert a.path == b.path and a.end == b.start and len(list(spill.folder.iterdir())) == 1
        assert _dumps(b) == _dumps(second) and _dumps(a) == _dumps(first)
        assert b.flats() == [flatten(r) for r in second]


def test_the_folder_is_removed_after_success_and_after_a_failure(tmp_path: Path) -> None:
    with Spill(tmp_path) as spill:
        spill.put([_record("东胜区", 1)])
        assert any(spill.folder.iterdir())
    assert not spill.folder.exists()
    with pytest.raises(RuntimeError), Spill(tmp_path) as failing:
        failing.put([_record("东胜区", 1)])
        raise RuntimeError("a reader failed")
    assert not failing.folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_forked_worker_leaves_the_folder_to_its_parent(tmp_path: Path) -> None:
    with Spill(tmp_path) as spill:
        pid = os.fork()
        if pid == 0:  # the worker: puts a return and ends, as parsers.pool's workers do
            spill.put([_record("东胜区", 1)])
            spill.close()
            os._exit(0)
        os.waitpid(pid, 0)
        assert spill.folder.exists() and len(list(spill.folder.iterdir())) == 1
    assert not spill.folder.exists()


def test_an_outline_of_parts_is_the_outline_of_their_records_in_order() -> None:
    first = [_record("东胜区", 1, "public"), _record("东胜区", 2, "third_party", extra={"乙": 1, "甲": 2})]
    second = [_record("东胜区", 3, "public", extra={"甲": 3, "丙": 4}), _record("杭锦旗", 4, "public")]
    third = [_record("东胜区", 5, None, origin_unit="某区")]
    whole = Outline.of(first + second + third)
    assert Outline.joined([Outline.of(first), Outline.of(second), Outline(), Outline.of(third)]) == whole
    assert whole.extras == ("乙", "甲", "丙") and whole.origin
    assert whole.sections == {"public": 3, "third_party": 1, None: 1}
    assert whole.runs == ("东胜区", "杭锦旗", "东胜区") and not whole.units_contiguous
    assert Outline.of(first + second).units_contiguous


def test_records_chain_spilled_and_held_parts_in_order(tmp_path: Path) -> None:
    parts = [
        [_record("东胜区", n, "public" if n % 2 else "third_party") for n in range(4)],
        [],
        [_record("杭锦旗", n, "public") for n in range(4, 7)],
    ]
    held = [rec for part in parts for rec in part]
    with Spill(tmp_path) as spill:
        chained = Records([spill.put(parts[0]), parts[1], spill.put(parts[2])])
        assert len(chained) == len(held) and outline(chained) == Outline.of(held)
        assert _dumps(chained) == _dumps(held)
        assert _dumps(chained) == _dumps(chained)  # read again, from disk again
        for key in ("public", "third_party", None):
            wanted = _dumps(r for r in held if r.section == key)
            assert _dumps(map(unflatten, flats(chained, key))) == wanted
            assert _dumps(map(unflatten, flats(held, key))) == wanted  # a plain list, as the service holds
        assert list(flats(chained, ALL)) == [flatten(r) for r in held]
        assert _dumps([chained[5]]) == _dumps([held[5]])
