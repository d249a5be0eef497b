"""Roll-up end to end over HTTP: a city campaign's 汇总表 goes up through the city's unit link of a province
campaign (another office on the same server); the province's outputs show city and district."""

from __future__ import annotations

import io

import openpyxl
from service_live import new_campaign
from service_samples import roster_xlsx


def test_a_citys_consolidated_workbook_rolls_up_to_the_province(live):
    city = live.client(live.token(office="鄂尔多斯市市场监督管理局"))
    province = live.client(live.token(office="内蒙古自治区市场监督管理局"))
    districts = new_campaign(city, ["东胜区", "达拉特旗"])
    for d, link in ((u["unit"], u["upload_url"]) for u in districts["units"]):
        with live.client() as unit:
            data = roster_xlsx(d, [f"{d}甲检测公司", f"{d}乙检测公司"])
            assert unit.post(link, files={"file": (f"{d}.xlsx", data)}).status_code == 201
    for r in (r for u in city.get(f"/api/campaigns/{districts['id']}").json()["units"] for r in u["returns"]):
        assert city.post(f"/api/returns/{r['id']}/review").json()["reviewed"]  # 已审核 before sending it up
    workbook = city.get(f"/api/campaigns/{districts['id']}/consolidated.xlsx")
    assert workbook.status_code == 200

    cities = new_campaign(province, ["鄂尔多斯市", "包头市"])
    link = cities["units"][0]["upload_url"]
    with live.client() as ordos:
        up = ordos.post(link, files={"file": ("鄂尔多斯市-汇总表.xlsx", workbook.content)})
    assert up.status_code == 201, up.text
    body = up.json()
    assert (body["form"], body["unit"], body["board_status"], body["errors"]) == (
        "institution-roster",
        "鄂尔多斯市",
        "received",
        0,
    )
    assert body["issues"] == []

    merged = province.get(f"/api/campaigns/{cities['id']}/consolidated.json").json()
    form = merged["forms"]["institution-roster"]
    assert form["units_reported"] == ["鄂尔多斯市"] and form["missing_units"] == ["包头市"]
    assert sorted((r["unit"], r["origin_unit"], r["values"]["name"]) for r in form["records"]) == [
        ("鄂尔多斯市", "东胜区", "东胜区乙检测公司"),
        ("鄂尔多斯市", "东胜区", "东胜区甲检测公司"),
        ("鄂尔多斯市", "达拉特旗", "达拉特旗乙检测公司"),
        ("鄂尔多斯市", "达拉特旗", "达拉特旗甲检测公司"),
    ]
    book = province.get(f"/api/campaigns/{cities['id']}/consolidated.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).worksheets[0]
    assert [c.value for c in sheet[3]][:2] == ["填报单位", "来源单位"]
    rows = [row[:3] for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]]
    assert ("鄂尔多斯市", "东胜区", 1) in rows and ("鄂尔多斯市", "达拉特旗", 2) in rows
    # The city's own board is untouched by what the province did with its workbook.
    assert all(u["status"] == "received" for u in city.get(f"/api/campaigns/{districts['id']}").json()["units"])
    city.close()
    province.close()
