"""Returns through the parser: the board's statuses, unit links, resubmissions, the campaign's outputs."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from service_live import new_campaign
from service_samples import roster_xlsx


def send(api, campaign: dict, name: str, data: bytes, **extra) -> dict:
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": (name, data)}, data=extra)
    assert r.status_code == 201, r.text
    return r.json()


def unit_statuses(api, campaign: dict) -> dict[str, str]:
    return {u["unit"]: u["status"] for u in api.get(f"/api/campaigns/{campaign['id']}").json()["units"]}


def test_board_turns_from_missing_to_received(api):
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    body = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["内蒙古某某检测技术有限公司"]))
    assert (body["form"], body["unit"], body["status"], body["board_status"], body["current"]) == (
        "institution-roster",
        "东胜区",
        "merged",
        "received",
        True,
    )
    assert unit_statuses(api, campaign) == {"东胜区": "received", "达拉特旗": "missing"}


def test_unit_matching_uses_the_parsers_rules(api):
    campaign = new_campaign(api, ["达拉特旗"])
    body = send(api, campaign, "表.xlsx", roster_xlsx("达拉特旗市场监督管理局", ["某检测公司"]))
    assert body["unit"] == "达拉特旗"


def test_errors_and_lateness(api):
    campaign = new_campaign(api, ["东胜区", "达拉特旗"], deadline="2000-01-01")
    late = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    wrong = send(api, campaign, "达拉特旗.xlsx", roster_xlsx("达拉特旗", ["乙检测公司"], blank_domain=True))
    assert late["board_status"] == "late"
    assert wrong["board_status"] == "has-errors" and wrong["errors"] >= 1
    assert "missing-required" in {i["code"] for i in wrong["issues"]}
    assert unit_statuses(api, campaign) == {"东胜区": "late", "达拉特旗": "has-errors"}


def test_unit_link_refuses_another_units_return(live, api):
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    link = campaign["units"][0]["upload_url"]
    with live.client() as anonymous:
        refused = anonymous.post(link, files={"file": ("达拉特旗.xlsx", roster_xlsx("达拉特旗", ["某公司"]))})
        own = anonymous.post(link, files={"file": ("名单.xlsx", roster_xlsx(None, ["某公司"]))})
    assert refused.status_code == 422
    assert refused.json()["detail"] == "文件中的填报单位是“达拉特旗”，不是“东胜区”，未予接收。请上传本单位的报表。"
    assert refused.json()["return"]["status"] == "refused"
    assert own.status_code == 201 and own.json()["unit"] == "东胜区"  # the file names no unit: the link's
    assert unit_statuses(api, campaign) == {"东胜区": "received", "达拉特旗": "missing"}
    board = api.get(f"/api/campaigns/{campaign['id']}").json()
    assert [r["status"] for r in board["units"][0]["returns"]] == ["merged", "refused"]
    actions = [e["action"] for e in api.get(f"/api/campaigns/{campaign['id']}/audit").json()]
    assert "refuse" in actions


def test_resubmission_keeps_history_and_says_what_changed(api):
    campaign = new_campaign(api, ["东胜区"])
    first = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司", "乙检测公司"]))
    second = send(api, campaign, "东胜区（修改稿）.xlsx", roster_xlsx("东胜区", ["甲检测公司", "丙检测公司"]))
    returns = api.get(f"/api/campaigns/{campaign['id']}").json()["units"][0]["returns"]
    assert [(r["id"], r["status"], r["current"]) for r in returns] == [
        (second["id"], "merged", True),
        (first["id"], "superseded", False),
    ]
    detail = api.get(f"/api/returns/{second['id']}").json()
    assert detail["replaces"] == first["id"]
    assert "新增1条" in detail["changes"] and "删除1条" in detail["changes"]
    replaced = [e for e in api.get(f"/api/campaigns/{campaign['id']}/audit").json() if e["action"] == "replace"]
    assert len(replaced) == 1 and replaced[0]["return_id"] == second["id"]


def test_consolidated_outputs(api):
    campaign = new_campaign(api, ["东胜区", "达拉特旗", "杭锦旗"])
    send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    send(api, campaign, "东胜区2.xlsx", roster_xlsx("东胜区", ["甲检测公司", "乙检测公司"]))
    send(api, campaign, "达拉特旗.xlsx", roster_xlsx("达拉特旗", ["丙检测公司"]))
    data = api.get(f"/api/campaigns/{campaign['id']}/consolidated.json")
    assert data.status_code == 200
    form = data.json()["forms"]["institution-roster"]
    assert form["units_reported"] == ["东胜区", "达拉特旗"] and form["missing_units"] == ["杭锦旗"]
    assert sorted(r["values"]["name"] for r in form["records"]) == ["丙检测公司", "乙检测公司", "甲检测公司"]
    statuses = {f["path"]: f["status"] for f in data.json()["files"]}
    assert statuses == {"东胜区2.xlsx": "merged", "达拉特旗.xlsx": "merged", "东胜区.xlsx": "superseded"}
    # The text `huizong merge --json` writes: Chinese as it is, indented by two (docs/json.md).
    assert data.text == json.dumps(data.json(), ensure_ascii=False, indent=2) + "\n"
    book = api.get(f"/api/campaigns/{campaign['id']}/consolidated.xlsx")
    assert book.status_code == 200
    assert book.headers["content-disposition"].endswith("%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx")  # 汇总表.xlsx
    assert "报送情况" in openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames


def test_annotated_copy_of_a_return_with_errors(api):
    campaign = new_campaign(api, ["东胜区"])
    wrong = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"], blank_domain=True))
    r = api.get(f"/api/returns/{wrong['id']}/annotated.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert "%EF%BC%88%E9%97%AE%E9%A2%98%E6%A0%87%E6%B3%A8%EF%BC%89.xlsx" in r.headers["content-disposition"]


@pytest.mark.parametrize("doc", ["reminder", "bulletin"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_official_documents(api, doc, fmt):
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    r = api.get(f"/api/campaigns/{campaign['id']}/documents/{doc}.{fmt}")
    assert r.status_code == 200, r.text
    assert r.content[:4] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")


def test_no_reminder_when_everyone_reported(api):
    campaign = new_campaign(api, ["东胜区"])
    clean = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    r = api.get(f"/api/campaigns/{campaign['id']}/documents/reminder.docx")
    assert r.status_code == 409 and r.json()["detail"].startswith("没有需要催报的单位")
    assert api.get(f"/api/returns/{clean['id']}/annotated.xlsx").status_code == 404


def test_outputs_follow_new_returns(api):
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    before = api.get(f"/api/campaigns/{campaign['id']}/consolidated.json").json()
    send(api, campaign, "达拉特旗.xlsx", roster_xlsx("达拉特旗", ["乙检测公司"]))
    after = api.get(f"/api/campaigns/{campaign['id']}/consolidated.json").json()
    assert before["forms"]["institution-roster"]["missing_units"] == ["达拉特旗"]
    assert after["forms"]["institution-roster"]["missing_units"] == []
