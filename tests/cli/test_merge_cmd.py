"""`huizong merge` on the sample campaign, checked against the merge-level truth of its generator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_run import ROOT
from python_calamine import CalamineWorkbook

CAMPAIGN = ROOT / "samples" / "campaign"
TRUTH = yaml.safe_load((CAMPAIGN / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    from cli_run import run

    out = tmp_path_factory.mktemp("merge")
    done = run(
        "merge",
        CAMPAIGN / "returns",
        "--units",
        CAMPAIGN / "units.txt",
        "--deadline",
        TRUTH["deadline"],
        "-o",
        out / "汇总表.xlsx",
        "--json",
        out / "汇总.json",
    )
    assert done.returncode == 0, done.stderr
    return done, json.loads((out / "汇总.json").read_text(encoding="utf-8")), out / "汇总表.xlsx"


def _name(path: str) -> str:
    return Path(path).name


def test_units_records_and_totals(merged) -> None:
    _done, result, _xlsx = merged
    for form_id, truth in TRUTH["forms"].items():
        got = result["forms"][form_id]
        assert got["units_reported"] == truth["units_reported"]
        assert got["missing_units"] == truth["missing_units"]
        assert len(got["records"]) == truth["records"]
        assert got["totals"] == truth.get("totals", {})


def test_every_record_is_the_winning_files_records(merged) -> None:
    _done, result, _xlsx = merged
    winners = {_name(f["path"]) for f in result["files"] if f["status"] == "merged"}
    expected = []
    for name in sorted(winners):
        truth = json.loads((CAMPAIGN / "returns" / f"{name}.expected.json").read_text(encoding="utf-8"))
        expected += [(truth["form"], truth["unit"], json.dumps(r["values"], sort_keys=True)) for r in truth["records"]]
    got = [
        (fid, r["unit"], json.dumps(r["values"], sort_keys=True))
        for fid, form in result["forms"].items()
        for r in form["records"]
    ]
    assert sorted(got) == sorted(expected)


def test_file_statuses(merged) -> None:
    _done, result, _xlsx = merged
    statuses = {_name(f["path"]): f["status"] for f in result["files"]}
    files = TRUTH["files"]
    assert {n for n, s in statuses.items() if s == "merged"} == set(files["merged"])
    assert {n for n, s in statuses.items() if s == "superseded"} == {s["file"] for s in files["superseded"]}
    assert {n for n, s in statuses.items() if s == "failed"} == set(files["failed"])
    assert {n for n, s in statuses.items() if s == "unrecognized"} == set(files["unrecognized"])


def test_cross_unit_duplicate_and_superseded_issues(merged) -> None:
    _done, result, _xlsx = merged
    cross = [i for i in result["issues"] if i["code"] == "cross-unit-duplicate"]
    truth = TRUTH["forms"]["institution-roster"]["cross_unit_duplicates"]
    assert [(i["value"]) for i in cross] == [d["name"] for d in truth]
    assert {i["unit"] for i in cross} | {d for d in truth[0]["units"] if d in cross[0]["message"]} == set(
        truth[0]["units"]
    )
    superseded = [i for i in result["issues"] if i["code"] == "superseded"]
    assert [_name(i["file"]) for i in superseded] == [s["file"] for s in TRUTH["files"]["superseded"]]


def test_workbook_marks_late_and_missing_units(merged) -> None:
    _done, _result, xlsx = merged
    status = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("报送情况").to_python()
    by_unit = {(row[0], row[1]): row[2] for row in status[2:] if row[0]}
    for form_id, truth in TRUTH["forms"].items():
        title = {"institution-roster": "检验检测机构基本情况汇总表", "work-statistics": "工作情况统计表"}[form_id]
        for unit in truth["missing_units"]:
            assert by_unit[(unit, title)] == "缺报"
        for unit in truth["late_units"]:
            assert by_unit[(unit, title)] == "逾期"


def test_summary_printed_for_the_clerk(merged) -> None:
    done, _result, _xlsx = merged
    assert "缺报：伊金霍洛旗、乌审旗" in done.stdout
    assert "无法读取：returns/乌审旗检验检测机构基本情况汇总表.xlsx" in done.stdout


def test_nothing_mergeable_exits_1_and_usage_exits_2(huizong, tmp_path: Path) -> None:
    notice = CAMPAIGN / "returns" / "关于召开检验检测工作推进会的通知.docx"
    out = huizong("merge", notice, "--json", tmp_path / "x.json")
    assert out.returncode == 1 and "无法识别" in out.stdout
    assert huizong("merge", notice).returncode == 2


def test_nothing_recognised_writes_no_workbook_and_says_why_file_by_file(huizong, tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "说明.txt").write_text("请查收", encoding="utf-8")
    (folder / "损坏.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    notice = CAMPAIGN / "returns" / "关于召开检验检测工作推进会的通知.docx"
    (folder / notice.name).write_bytes(notice.read_bytes())
    out = huizong("merge", folder, "-o", tmp_path / "汇总.xlsx")
    assert out.returncode == 1 and not (tmp_path / "汇总.xlsx").exists()
    lines = out.stdout.splitlines()
    assert lines[0] == "没有可汇总的报表，未写出汇总表。"
    assert any(line.startswith("  returns/损坏.xlsx：无法读取，") for line in lines)
    assert any(line.startswith("  returns/关于召开检验检测工作推进会的通知.docx：无法识别，") for line in lines)
    assert "另有 1 个文件不是报表格式，未读取（如 说明.txt）" in out.stdout


@pytest.mark.parametrize("option", ["-o", "--json"])
def test_an_output_in_a_missing_folder_is_a_chinese_message(tmp_path: Path, option: str) -> None:
    from cli_run import run

    target = tmp_path / "没有的文件夹" / ("汇总表.xlsx" if option == "-o" else "汇总.json")
    done = run("merge", ROOT / "samples" / "liaison", option, target)
    assert done.returncode == 1
    assert f"无法写入 {target}：所在文件夹不存在" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("fails", [False, True], ids=["written", "cannot-write"])
def test_the_spilled_records_are_removed_whatever_the_end(tmp_path: Path, fails: bool) -> None:
    import os
    import subprocess

    from cli_run import HUIZONG

    spills = tmp_path / "tmp"
    spills.mkdir()
    target = tmp_path / ("没有的文件夹" if fails else "") / "汇总表.xlsx"
    env = {**os.environ, "TMPDIR": str(spills)}
    argv = [HUIZONG, "merge", str(CAMPAIGN / "returns"), "--jobs", "2", "-o", str(target)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == (1 if fails else 0), done.stderr
    assert target.exists() != fails
    assert not [p.name for p in spills.iterdir() if p.name.startswith("huizong-merge-")]


def test_a_killed_merge_removes_its_spilled_records(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import time

    from cli_run import HUIZONG

    from benchmarks.merge_w1 import make_returns

    folder, spills = tmp_path / "returns", tmp_path / "tmp"
    folder.mkdir()
    spills.mkdir()
    make_returns(folder, 40, 200)
    env = {**os.environ, "TMPDIR": str(spills)}
    argv = [HUIZONG, "merge", str(folder), "--jobs", "1", "-o", str(tmp_path / "汇总表.xlsx")]
    merge = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(f for d in spills.glob("huizong-merge-*") for f in d.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    merge.send_signal(signal.SIGTERM)
    assert merge.wait(timeout=60) == 128 + signal.SIGTERM  # killed while reading: the spill folder was there
    assert not list(spills.iterdir())
