"""A batch survives a reader that dies: that file alone ends `failed` with a plain reason, the rest are read."""

from __future__ import annotations

import faulthandler
import os
from pathlib import Path

import pytest

from forms import FormRegistry
from forms.errors import FILE_FAULT
from parsers import batch

RETURNS = Path(__file__).resolve().parents[2] / "samples" / "campaign" / "returns"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_reader_that_aborts_costs_only_its_file(
    monkeypatch: pytest.MonkeyPatch, registry: FormRegistry, jobs: int
) -> None:
    real = batch.parse_file

    def parse_file(source, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "乌审旗" in name:
            faulthandler.disable()  # pytest's handler would print the abort as a fatal error
            os.abort()  # what calamine did on a 52 GB allocation
        return real(source, name, *args, **kwargs)

    monkeypatch.setattr(batch, "parse_file", parse_file)  # the forked workers inherit it
    files = sorted(RETURNS.glob("*工作情况统计表.xlsx"))
    assert any("乌审旗" in f.name for f in files) and len(files) >= 3
    returns = list(batch.parse_paths(files, registry, jobs=jobs))
    assert [Path(r.path).name for r in returns] == [f.name for f in files]
    for ret in returns:
        if "乌审旗" in ret.path:
            assert ret.status == "failed" and ret.message == FILE_FAULT
            assert [i.code for i in ret.issues] == ["file-unreadable"]
        else:
            assert ret.status == "merged" and ret.records, ret.path


def test_records_spilled_by_the_workers_merge_as_records_held(registry: FormRegistry, tmp_path: Path) -> None:
    from generators.result_json import result_json
    from parsers.merge import merge
    from parsers.spill import Spill, SpilledRecords

    files = sorted(RETURNS.glob("*.xlsx")) + sorted(RETURNS.glob("*.docx"))
    held = merge(list(batch.parse_paths(files, registry, jobs=2)), registry)
    with Spill(tmp_path) as spill:
        returns = list(batch.parse_paths(files, registry, jobs=2, spill=spill))
        kept = [r.records for r in returns if isinstance(r.records, SpilledRecords)]
        assert len(kept) == sum(bool(r.records) for r in returns)
        # One file per worker process, each return a byte range of it
        assert len({part.path for part in kept}) == len(list(spill.folder.iterdir())) <= 2
        spilled = merge(returns, registry)
        assert "".join(result_json(spilled)) == "".join(result_json(held))
    assert not spill.folder.exists()


def test_a_spill_that_cannot_be_written_keeps_the_records_in_memory(
    monkeypatch: pytest.MonkeyPatch, registry: FormRegistry, tmp_path: Path
) -> None:
    from parsers.spill import Spill

    def full(self: Spill, records: object) -> None:
        raise OSError(28, "No space left on device")

    files = sorted(RETURNS.glob("*工作情况统计表.xlsx"))[:3]
    with Spill(tmp_path) as spill:
        monkeypatch.setattr(Spill, "put", full)  # the forked workers inherit it
        returns = list(batch.parse_paths(files, registry, jobs=2, spill=spill))
    assert [r.status for r in returns] == ["merged"] * 3
    assert all(isinstance(r.records, list) and r.records for r in returns)
