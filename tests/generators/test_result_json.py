"""The merge's JSON written a record at a time is the JSON of the whole result, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from forms import FormRegistry
from forms.issues import issue
from generators.result_json import result_json
from parsers.merge import merge
from parsers.results import FormResult, Record, Result, Return, Source
from parsers.spill import Spill


def _return(unit: str, form: str, rows: list[dict[str, object]], **extra: object) -> Return:
    records = [
        Record(unit=unit, values=values, source=Source(file=f"{unit}.xlsx", sheet="表1", cell=f"B{n}"), **extra)  # type: ignore[arg-type]
        for n, values in enumerate(rows, start=3)
    ]
    bad = issue("invalid-phone", form=form, unit=unit, file=f"{unit}.xlsx", location="表1!D3", field="office_phone",
                value="0477-83", label="办公电话", where="第3行")  # fmt: skip
    return Return(path=f"{unit}.xlsx", form=form, unit=unit, records=records, issues=[bad])


def _returns() -> list[Return]:
    person = {"unit": "东胜区局", "name": "段龙\n", "position": "=1+1", "office_phone": "0477-83", "mobile": None}
    numbers = {"domain": "食品", "inspected": 3, "fines": 0.1, "cases_filed": 2}
    return [
        _return("东胜区", "liaison-roster", [person, {**person, "name": '引号"与\\'}]),
        _return("达拉特旗", "liaison-roster", [person], extra={"微信号": "wx"}, origin_unit="某区"),
        _return("杭锦旗", "liaison-roster", []),
        _return("东胜区", "work-statistics", [numbers, {**numbers, "domain": "特种设备", "fines": 2.5}]),
    ]


def _text(result: Result) -> str:
    return "".join(result_json(result))


def test_the_text_is_json_dumps_of_the_whole_result(registry: FormRegistry) -> None:
    result = merge(_returns(), registry, units=["东胜区", "达拉特旗", "杭锦旗"])
    result.forms["case-report"] = FormResult(title="空表")
    whole = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2, default=str)
    assert _text(result) == whole


def test_spilled_records_give_the_same_text_as_records_held(registry: FormRegistry, tmp_path: Path) -> None:
    held = merge(_returns(), registry, units=["东胜区", "达拉特旗"])
    with Spill(tmp_path) as spill:
        returns = _returns()
        for ret in returns:
            ret.records = spill.put(ret.records)  # type: ignore[assignment]
        spilled = merge(returns, registry, units=["东胜区", "达拉特旗"])
        assert not isinstance(spilled.forms["liaison-roster"].records, list)
        assert _text(spilled) == _text(held)
