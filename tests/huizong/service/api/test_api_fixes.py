"""Fixing mistakes over real HTTP, on SQLite and PostgreSQL: edit a campaign, unit aliases, void, assign, send
back, review, identical re-uploads; each in the audit log, nothing deleted."""

from __future__ import annotations

import httpx
import pytest
from service_live import new_campaign
from service_samples import roster_xlsx


def send(api: httpx.Client, campaign: dict, name: str, data: bytes, status: int = 201, **extra) -> dict:
    r = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": (name, data)}, data=extra)
    assert r.status_code == status, r.text
    return r.json()


def board(api: httpx.Client, campaign: dict) -> dict:
    return api.get(f"/api/campaigns/{campaign['id']}").json()


def cells(api: httpx.Client, campaign: dict) -> dict[str, str]:
    return {u["unit"]: u["forms"]["institution-roster"] for u in board(api, campaign)["units"]}


def actions(api: httpx.Client, campaign: dict) -> list[str]:
    return [e["action"] for e in reversed(api.get(f"/api/campaigns/{campaign['id']}/audit").json())]


def test_patch_campaign_edits_it_and_logs_what_changed(office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    dalate_link = campaign["units"][1]["upload_url"]
    send(api, campaign, "达拉特旗.xlsx", roster_xlsx("达拉特旗", ["甲检测公司"]))
    patch = {
        "title": "2026年检验检测机构统计（更正）",
        "deadline": "2099-06-30",
        "units": ["杭锦旗", "东胜区"],
        "forms": ["institution-roster", "liaison-roster"],
        "issuer": "鄂尔多斯市市场监督管理局",
        "contact": "王明",
        "phone": "0477-1234567",
    }
    r = api.patch(f"/api/campaigns/{campaign['id']}", json=patch)
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["title"], out["deadline"], out["forms"]) == (patch["title"], "2099-06-30", patch["forms"])
    assert (out["issuer"], out["contact"], out["phone"]) == (patch["issuer"], "王明", "0477-1234567")
    assert [u["unit"] for u in out["units"]] == ["杭锦旗", "东胜区"]
    assert out["units"][1]["upload_url"] == campaign["units"][0]["upload_url"]  # a kept unit keeps its link
    with httpx.Client() as anonymous:
        gone = anonymous.get(dalate_link.replace("/u/", "/api/links/"))
    assert gone.status_code == 410 and "不在该报送任务的应报单位中" in gone.json()["detail"]
    assert [r["filename"] for r in out["unplaced"]] == ["达拉特旗.xlsx"]  # off the board, still listed
    # 达拉特旗's return stays in the history, outside the board, and comes back with the unit.
    api.patch(f"/api/campaigns/{campaign['id']}", json={"units": ["杭锦旗", "东胜区", "达拉特旗"]})
    assert cells(api, campaign) == {"杭锦旗": "missing", "东胜区": "missing", "达拉特旗": "received"}
    edits = [e for e in api.get(f"/api/campaigns/{campaign['id']}/audit").json() if e["action"] == "campaign-edit"]
    assert len(edits) == 2 and "移除单位 达拉特旗（已报文件保留）" in edits[1]["detail"]
    assert "新增单位 杭锦旗" in edits[1]["detail"] and "恢复单位 达拉特旗" in edits[0]["detail"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"forms": ["no-such-form"]}, "未知的报表：no-such-form"),
        ({"aliases": {"准格尔旗": ["准旗"]}}, "“准格尔旗”不是本任务的应报单位"),
        ({"aliases": {"东胜区": ["达拉特旗"]}}, "“达拉特旗”不能同时指"),
        ({"aliases": {"东胜区": ["东胜"], "达拉特旗": ["东胜"]}}, "“东胜”不能同时指"),
        ({"units": ["东胜区", "东胜区"]}, "有重复项"),
        ({"title": " "}, "任务名称不能为空"),
        ({"deadline": None}, "截止日期不能为空"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_patch_campaign_explains_what_is_wrong(office, body, message):
    campaign = new_campaign(office.clerk, ["东胜区", "达拉特旗"])
    r = office.clerk.patch(f"/api/campaigns/{campaign['id']}", json=body)
    assert r.status_code == 422 and message in r.json()["detail"], r.text


def test_unit_aliases_recognise_the_unit_of_an_upload(office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    before = send(api, campaign, "a.xlsx", roster_xlsx("铁西市场监管所", ["甲检测公司"]))
    assert before["unit"] == "铁西市场监管所" and not before["current"]  # not a unit of the campaign: not counted
    r = api.patch(f"/api/campaigns/{campaign['id']}", json={"aliases": {"东胜区": ["铁西市场监管所"]}})
    assert r.json()["units"][0]["aliases"] == ["铁西市场监管所"]
    after = send(api, campaign, "b.xlsx", roster_xlsx("铁西市场监管所", ["乙检测公司"]))
    assert (after["unit"], after["board_status"]) == ("东胜区", "received")
    merged = api.get(f"/api/campaigns/{campaign['id']}/consolidated.json").json()["forms"]["institution-roster"]
    assert merged["units_reported"] == ["东胜区"] and {r["unit"] for r in merged["records"]} == {"东胜区"}
    # An alias names the unit in the clerk's upload form too.
    assert send(api, campaign, "c.xlsx", roster_xlsx(None, ["丙检测公司"]), unit="铁西市场监管所")["unit"] == "东胜区"


def test_void_stops_counting_and_keeps_the_return(office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区"])
    first = send(api, campaign, "1.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    second = send(api, campaign, "2.xlsx", roster_xlsx("东胜区", ["乙检测公司"]))
    r = api.post(f"/api/returns/{second['id']}/void", json={"reason": "传错了文件"})
    assert r.status_code == 200 and (r.json()["status"], r.json()["void_reason"]) == ("voided", "传错了文件")
    assert api.get(f"/api/returns/{first['id']}").json()["current"]  # the cell falls back to the earlier one
    names = [x["values"]["name"] for x in consolidated(api, campaign)["records"]]
    assert names == ["甲检测公司"]
    again = api.post(f"/api/returns/{second['id']}/void", json={"reason": "再作废"})
    assert again.status_code == 409
    api.post(f"/api/returns/{first['id']}/void", json={"reason": "数据有误"})
    assert cells(api, campaign) == {"东胜区": "missing"}
    statuses = [x["status"] for x in board(api, campaign)["units"][0]["returns"]]
    assert statuses == ["voided", "voided"]  # still in the history
    assert actions(api, campaign).count("void") == 2
    assert api.post(f"/api/returns/{first['id']}/void", json={}).status_code == 422


def consolidated(api: httpx.Client, campaign: dict) -> dict:
    return api.get(f"/api/campaigns/{campaign['id']}/consolidated.json").json()["forms"]["institution-roster"]


def test_assign_reads_a_return_again_as_that_unit(office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区", "达拉特旗"], forms=["institution-roster", "liaison-roster"])
    nameless = send(api, campaign, "名单.xlsx", roster_xlsx(None, ["甲检测公司"]))
    assert nameless["unit"] is None and not nameless["current"]
    r = api.post(f"/api/returns/{nameless['id']}/assign", json={"unit": "达拉特旗"})
    assert r.status_code == 201, r.text
    assert (r.json()["unit"], r.json()["assigned_unit"], r.json()["board_status"]) == (
        "达拉特旗",
        "达拉特旗",
        "received",
    )
    # A file that names another unit is read as the assigned one: the clerk knows better.
    other = send(api, campaign, "x.xlsx", roster_xlsx("东胜区", ["乙检测公司"]))
    moved = api.post(f"/api/returns/{other['id']}/assign", json={"unit": "达拉特旗", "form": "institution-roster"})
    assert (moved.json()["unit"], moved.json()["assigned_form"]) == ("达拉特旗", "institution-roster")
    assert {u["unit"]: u["forms"]["institution-roster"] for u in board(api, campaign)["units"]} == {
        "东胜区": "missing",
        "达拉特旗": "received",
    }
    assert actions(api, campaign).count("assign") == 2
    for body, status in (({}, 422), ({"unit": "准格尔旗"}, 422), ({"form": "case-report"}, 422)):
        assert api.post(f"/api/returns/{other['id']}/assign", json=body).status_code == status


def test_send_back_shows_the_note_and_the_annotated_file_on_the_units_link(live, office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    link = campaign["units"][0]["upload_url"].replace("/u/", "/api/links/")
    wrong = send(api, campaign, "东胜区.xlsx", roster_xlsx("东胜区", ["甲检测公司"], blank_domain=True))
    r = api.post(f"/api/returns/{wrong['id']}/send-back", json={"note": "请补填检验检测领域后重新上报"})
    assert r.status_code == 200 and (r.json()["status"], r.json()["board_status"]) == ("returned", "returned")
    with live.client() as unit:
        page = unit.get(link).json()
        assert (page["unit"], page["status"], page["cells"]) == (
            "东胜区",
            "returned",
            {"institution-roster": "returned"},
        )
        mine = page["returns"][0]
        assert (mine["status"], mine["sent_back_note"]) == ("returned", "请补填检验检测领域后重新上报")
        assert mine["issues"] and mine["annotated_url"]
        annotated = unit.get(mine["annotated_url"])
        assert annotated.status_code == 200 and annotated.content[:2] == b"PK"
        other_link = campaign["units"][1]["upload_url"].replace("/u/", "/api/links/")
        assert unit.get(f"{other_link}/returns/{wrong['id']}/annotated.xlsx").status_code == 404
        fixed = unit.post(
            campaign["units"][0]["upload_url"], files={"file": ("东胜区.xlsx", roster_xlsx("东胜区", ["甲"]))}
        )
        assert fixed.status_code == 201 and fixed.json()["board_status"] == "received"
    assert actions(api, campaign).count("send-back") == 1


def test_review_is_undone_by_any_change(office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区", "达拉特旗"])
    first = send(api, campaign, "1.xlsx", roster_xlsx("东胜区", ["甲检测公司"]))
    reviewed = api.post(f"/api/returns/{first['id']}/review").json()
    assert reviewed["reviewed"] and reviewed["reviewed_by"] and reviewed["reviewed_at"]
    second = send(api, campaign, "2.xlsx", roster_xlsx("东胜区", ["乙检测公司"]))
    assert not second["reviewed"]  # a re-upload is a new return: to be reviewed
    api.post(f"/api/returns/{second['id']}/review")
    api.post(f"/api/returns/{second['id']}/assign", json={"unit": "达拉特旗"})
    assert not api.get(f"/api/returns/{second['id']}").json()["reviewed"]
    api.post(f"/api/returns/{second['id']}/review")
    api.post(f"/api/returns/{second['id']}/void", json={"reason": "重复"})
    assert not api.get(f"/api/returns/{second['id']}").json()["reviewed"]
    assert api.post(f"/api/returns/{second['id']}/review").status_code == 409  # voided: nothing to review
    assert actions(api, campaign).count("review") == 3


def test_identical_upload_makes_no_new_version(live, office):
    api = office.clerk
    campaign = new_campaign(api, ["东胜区"])
    data = roster_xlsx("东胜区", ["甲检测公司"])
    first = send(api, campaign, "东胜区.xlsx", data)
    again = send(api, campaign, "东胜区（再传）.xlsx", data, status=200)
    assert again["duplicate_of"] == first["id"] and again["id"] == first["id"]
    assert "完全相同，未重复保存" in again["message"]
    with live.client() as unit:
        by_link = unit.post(campaign["units"][0]["upload_url"], files={"file": ("x.xlsx", data)})
    assert by_link.status_code == 200 and by_link.json()["duplicate_of"] == first["id"]
    assert [r["id"] for r in board(api, campaign)["units"][0]["returns"]] == [first["id"]]
    assert actions(api, campaign).count("duplicate") == 2
    api.post(f"/api/returns/{first['id']}/void", json={"reason": "作废后重传"})
    assert send(api, campaign, "东胜区.xlsx", data)["id"] != first["id"]  # a voided return is no longer there


def test_a_unit_that_sent_only_an_unreadable_file_is_unreadable(live, office):
    campaign = new_campaign(office.clerk, ["东胜区", "达拉特旗"])
    with live.client() as unit:
        r = unit.post(campaign["units"][0]["upload_url"], files={"file": ("东胜区.xlsx", b"PK\x03\x04 broken")})
    assert r.status_code == 201 and r.json()["status"] == "failed"
    out = board(office.viewer, campaign)
    assert [(u["unit"], u["status"]) for u in out["units"]] == [("东胜区", "unreadable"), ("达拉特旗", "missing")]
    assert out["counts"]["unreadable"] == 1
