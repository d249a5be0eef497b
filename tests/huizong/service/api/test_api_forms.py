"""An office's own form from the blank annex of a 通知 (issue 10), over real HTTP on SQLite and PostgreSQL:
inferred, checked, saved for the office, used by its campaigns and by no other office's."""

from __future__ import annotations

from pathlib import Path

from service_live import new_campaign

SAMPLE = Path(__file__).parents[4] / "samples" / "custom" / "scenic-spots.xlsx"


def test_a_clerk_makes_a_form_from_the_annex_and_a_campaign_reads_returns_with_it(api, office):
    data = SAMPLE.read_bytes()
    assert office.viewer.post("/api/forms/infer", files={"file": (SAMPLE.name, data)}).status_code == 403
    inferred = office.clerk.post("/api/forms/infer", files={"file": (SAMPLE.name, data)})
    assert inferred.status_code == 200, inferred.text
    body = inferred.json()
    form = body["form"]
    assert form["title"] == "A级旅游景区名录" and form["own"] and form["layout"] == "list"
    assert [(f["label"], f["type"]) for f in form["fields"]][4:6] == [("经度", "decimal"), ("纬度", "decimal")]
    assert body["notes"] and "推测" in body["yaml"]
    assert office.clerk.get("/api/forms").json()[-1]["id"] != form["id"]  # inferring saves nothing

    edited = body["yaml"].replace("id: A级旅游景区名录", "id: scenic-spots")
    assert office.viewer.post("/api/forms", json={"yaml": edited}).status_code == 403
    saved = office.clerk.post("/api/forms", json={"yaml": edited})
    assert saved.status_code == 201 and saved.json()["id"] == "scenic-spots", saved.text
    again = office.clerk.post("/api/forms", json={"yaml": edited})
    assert again.status_code == 409 and "本单位已有" in again.json()["detail"]
    assert ("scenic-spots", True) in [(f["id"], f["own"]) for f in office.viewer.get("/api/forms").json()]
    assert "scenic-spots" not in [f["id"] for f in api.get("/api/forms").json()]  # another office's

    campaign = new_campaign(office.clerk, ["四川省文化和旅游厅"], forms=["scenic-spots"])
    r = office.clerk.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": (SAMPLE.name, data)})
    assert r.status_code == 201, r.text
    assert (r.json()["form"], r.json()["unit"], r.json()["board_status"]) == (
        "scenic-spots",
        "四川省文化和旅游厅",
        "received",
    )
    merged = office.clerk.get(f"/api/campaigns/{campaign['id']}/consolidated.json").json()
    assert len(merged["forms"]["scenic-spots"]["records"]) == 6
    assert office.clerk.get(f"/api/campaigns/{campaign['id']}/consolidated.xlsx").status_code == 200
    other = {"title": "借用", "forms": ["scenic-spots"], "units": ["甲"], "deadline": "2099-01-01"}
    assert api.post("/api/campaigns", json=other).status_code == 422  # not that office's form


def test_a_wrong_form_file_is_explained_with_its_line(office):
    broken = "id: my-form\nversion: 1\ntitle: 表\nlayout: list\nfields:\n  - {label: 名称, type: colour}\n"
    r = office.clerk.post("/api/forms", json={"yaml": broken})
    assert r.status_code == 422 and "第6行" in r.json()["detail"] and "colour" in r.json()["detail"]
    builtin = broken.replace("my-form", "institution-roster").replace("type: colour", "type: text")
    clash = office.clerk.post("/api/forms", json={"yaml": builtin})
    assert clash.status_code == 409 and "系统内置" in clash.json()["detail"]
    junk = office.clerk.post("/api/forms/infer", files={"file": ("空白.xlsx", b"PK\x03\x04 broken")})
    assert junk.status_code == 422 and junk.json()["detail"].isascii() is False
