"""The clerk's pages over HTTP: sessions, CSRF, the campaign form, uploads, the unit link page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import httpx
import pytest
from service_live import PASSWORD, new_campaign
from service_samples import roster_xlsx

HTML = {"accept": "text/html"}


def csrf_of(page: httpx.Response) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "form without a CSRF token"
    return match.group(1)


@pytest.fixture
def browser(live) -> Iterator[httpx.Client]:
    """A cookie-keeping client signed in through the login form."""
    name = live.add_clerk()
    with httpx.Client(base_url=live.url, headers=HTML, timeout=120) as c:
        page = c.get("/login")
        r = c.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": csrf_of(page), "next": "/"})
        assert r.status_code == 303 and r.headers["location"] == "/"
        yield c


def create(browser: httpx.Client, units: str = "东胜区\n达拉特旗\n") -> int:
    form = browser.get("/campaigns/new")
    data = {"title": "页面测试任务", "forms": ["institution-roster"], "units": units, "deadline": "2099-12-31"}
    r = browser.post("/campaigns", data={**data, "csrf_token": csrf_of(form)})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].split("/")[2])


def test_pages_need_a_session(live):
    with httpx.Client(base_url=live.url, headers=HTML) as c:
        r = c.get("/campaigns/1?x=1")
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/campaigns/1%3Fx%3D1"
        c.cookies.set("huizong_session", "forged.0000")
        assert c.get("/").status_code == 303


def test_login_form_needs_its_csrf_token(live):
    name = live.add_clerk()
    with httpx.Client(base_url=live.url, headers=HTML) as c:
        c.get("/login")
        r = c.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": "forged"})
    assert r.status_code == 403 and "CSRF" in r.text


def test_wrong_password_shows_the_form_again(live):
    name = live.add_clerk()
    with httpx.Client(base_url=live.url, headers=HTML) as c:
        page = c.get("/login")
        r = c.post("/login", data={"username": name, "password": "nope", "csrf_token": csrf_of(page)})
    assert r.status_code == 401 and "用户名或密码不正确" in r.text and name in r.text


def test_login_never_redirects_off_site(live):
    name = live.add_clerk()
    with httpx.Client(base_url=live.url, headers=HTML) as c:
        page = c.get("/login?next=//evil.example/x")
        assert 'value="/"' in page.text
        data = {"username": name, "password": PASSWORD, "csrf_token": csrf_of(page), "next": "https://evil.example"}
        assert c.post("/login", data=data).headers["location"] == "/"


def test_campaign_form_creates_and_lists_links(browser):
    campaign_id = create(browser)
    links = browser.get(f"/campaigns/{campaign_id}/links")
    assert links.status_code == 200
    assert links.text.count("/u/") >= 2 and "东胜区" in links.text and "打印清单" in links.text
    # Served on 127.0.0.1 without --public-url: the clerk is told before pasting dead links into a 通知.
    assert 'data-reach="local"' in links.text and "只能在这台电脑上打开" in links.text and "--public-url" in links.text
    assert "页面测试任务" in browser.get("/").text
    board = browser.get(f"/campaigns/{campaign_id}")
    assert board.text.count('data-status="missing"') == 2


def test_campaign_form_explains_errors(browser):
    form = browser.get("/campaigns/new")
    r = browser.post("/campaigns", data={"title": "", "units": "", "deadline": "", "csrf_token": csrf_of(form)})
    assert r.status_code == 422
    for text in ("任务名称", "报表", "应报单位", "截止日期"):
        assert text in r.text


def test_campaign_form_needs_csrf(browser):
    r = browser.post(
        "/campaigns", data={"title": "x", "forms": ["institution-roster"], "units": "a", "deadline": "2099-01-01"}
    )
    assert r.status_code == 403


def test_upload_page_stores_many_files_and_explains_refusals(live, browser):
    campaign_id = create(browser)
    page = browser.get(f"/campaigns/{campaign_id}/upload")
    assert live.settings.limits_text() in page.text
    files = [("files", ("甲.xlsx", b"one")), ("files", ("乙.pdf", b"two")), ("files", ("丙.exe", b"MZ"))]
    r = browser.post(f"/campaigns/{campaign_id}/upload", data={"csrf_token": csrf_of(page), "unit": ""}, files=files)
    assert r.status_code == 303  # a reload of the answer never sends the files again
    results = browser.get(r.headers["location"])
    assert "甲.xlsx" in results.text and "乙.pdf" in results.text
    assert "丙.exe" in results.text and "格式不支持" in results.text
    # The refusal is in the page's own address: every refresh shows it until the clerk closes it.
    assert "丙.exe" in browser.get(r.headers["location"]).text
    closed = re.search(r'href="([^"]+)">知道了，关闭', results.text).group(1).replace("&amp;", "&")
    after = browser.get(closed)
    assert "丙.exe" not in after.text and "甲.xlsx" in after.text
    forged = browser.get(r.headers["location"].replace("notes=", "notes=x"))
    assert forged.status_code == 200 and "丙.exe" not in forged.text  # nobody else's text on this site
    # The same bytes again make no new version, and the page says so.
    again = browser.post(
        f"/campaigns/{campaign_id}/upload",
        data={"csrf_token": csrf_of(page)},
        files=[("files", ("甲（再次）.xlsx", b"one"))],
        follow_redirects=True,
    )
    assert "与已收到的文件相同" in again.text and "甲（再次）.xlsx" in again.text and "未重复保存" in again.text
    assert again.text.count('data-status="') == 1  # the earlier return, shown once


def test_upload_page_limits_the_number_of_files(live, browser):
    campaign_id = create(browser)
    page = browser.get(f"/campaigns/{campaign_id}/upload")
    files = [("files", (f"{i}.xlsx", b"x")) for i in range(live.settings.max_files + 1)]
    r = browser.post(f"/campaigns/{campaign_id}/upload", data={"csrf_token": csrf_of(page)}, files=files)
    assert r.status_code == 413 and f"一次最多上传 {live.settings.max_files} 个文件" in r.text


def test_return_page_and_downloads(browser):
    campaign_id = create(browser)
    page = browser.get(f"/campaigns/{campaign_id}/upload")
    r = browser.post(
        f"/campaigns/{campaign_id}/upload",
        data={"csrf_token": csrf_of(page)},
        files=[("files", ("坏.xlsx", b"broken"))],
        follow_redirects=True,
    )
    return_id = int(re.search(r'href="/returns/(\d+)"', r.text).group(1))
    detail = browser.get(f"/returns/{return_id}")
    assert detail.status_code == 200 and "坏.xlsx" in detail.text
    assert browser.get(f"/returns/{return_id}/original").content == b"broken"
    downloads = browser.get(f"/campaigns/{campaign_id}/downloads")
    assert "汇总表" in downloads.text and "催报通知" in downloads.text and "情况通报" in downloads.text
    audit = browser.get(f"/campaigns/{campaign_id}/audit")
    assert "上传" in audit.text and "下载" in audit.text and "创建任务" in audit.text


def test_unit_link_page(live, browser):
    campaign_id = create(browser, "杭锦旗\n")
    link = re.search(r'data-copy="(http[^"]+)"', browser.get(f"/campaigns/{campaign_id}/links").text).group(1)
    with httpx.Client(headers=HTML, timeout=120) as anonymous:
        page = anonymous.get(link)
        assert page.status_code == 200 and "杭锦旗" in page.text and "页面测试任务" in page.text
        assert "报送情况" not in page.text  # none of the clerk's navigation
        files = [("file", ("杭锦旗.xlsx", b"garbage")), ("file", ("杭锦旗.exe", b"MZ"))]
        r = anonymous.post(link, files=files)
        assert r.status_code == 303
        again = anonymous.get(urljoin(link, r.headers["location"]))
        assert "杭锦旗.xlsx" in again.text and "杭锦旗.exe" in again.text and "格式不支持" in again.text
        blank = anonymous.get(f"{link}/templates/institution-roster.xlsx")
        assert blank.status_code == 200 and blank.content[:2] == b"PK"
        assert (
            "检验检测机构基本情况汇总表" in blank.headers["content-disposition"]
            or "filename*" in blank.headers["content-disposition"]
        )
        assert anonymous.get(f"{link}/templates/work-statistics.xlsx").status_code == 404  # not in this campaign


def test_logout_ends_the_session(browser):
    home = browser.get("/")
    r = browser.post("/logout", data={"csrf_token": csrf_of(home)})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert browser.get("/").status_code == 303


def test_pages_send_protective_headers(browser):
    r = browser.get("/")
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["cache-control"] == "no-store"


def test_unknown_page_is_a_chinese_404(live):
    with httpx.Client(base_url=live.url, headers=HTML) as c:
        r = c.get("/no/such/page")
    assert r.status_code == 404 and "找不到页面" in r.text


def test_return_page_lists_issues_and_offers_the_annotated_file(live, browser):
    with live.client(live.token()) as api:
        campaign = new_campaign(api, ["东胜区"])
        data = roster_xlsx("东胜区", ["甲检测公司"], blank_domain=True)
        wrong = api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": ("东胜区.xlsx", data)}).json()
    page = browser.get(f"/returns/{wrong['id']}")
    assert page.status_code == 200
    assert (
        'class="grid issues stack"' in page.text
        and "工作表“Sheet1”第5行C列" in page.text
        and "领域" in page.text
        and "错误" in page.text
    )
    assert f'href="/returns/{wrong["id"]}/annotated.xlsx"' in page.text
    annotated = browser.get(f"/returns/{wrong['id']}/annotated.xlsx")
    assert annotated.status_code == 200 and annotated.content[:2] == b"PK"
    board = browser.get(f"/campaigns/{campaign['id']}")
    assert 'data-status="has-errors"' in board.text


def test_board_counts_agree_with_its_cells_and_export(live, browser):
    with live.client(live.token()) as api:
        campaign = new_campaign(api, ["东胜区", "达拉特旗", "杭锦旗"])
        good = roster_xlsx("东胜区", ["甲检测公司"])
        bad = roster_xlsx("达拉特旗", ["乙检测公司"], blank_domain=True)
        for name, data in (("东胜区.xlsx", good), ("达拉特旗.xlsx", bad)):
            api.post(f"/api/campaigns/{campaign['id']}/returns", files={"file": (name, data)}).raise_for_status()
    board = browser.get(f"/campaigns/{campaign['id']}").text
    cells = re.findall(r'<td class="cell[^"]*"[^>]*data-status="([^"]+)"', board)
    assert len(cells) == 3
    shown = dict(re.findall(r'data-count="([^"]+)" data-n="(\d+)"', board))
    assert {s: int(n) for s, n in shown.items() if int(n)} == {s: cells.count(s) for s in set(cells)}
    assert re.search(r'data-cell-counts data-total="3"', board)
    units = dict(re.findall(r'data-units="([^"]+)" data-n="(\d+)"', board))
    assert units == {"complete": "2", "partial": "0", "nothing": "1", "action": "1"}
    export = browser.get(f"/campaigns/{campaign['id']}/board.xlsx")
    assert export.status_code == 200 and export.content[:2] == b"PK"
    assert "filename*=UTF-8''" in export.headers["content-disposition"]


def test_a_bad_address_is_explained_in_chinese(live, browser):
    page = browser.get("/campaigns/abc")
    assert page.status_code == 422 and "任务编号应为整数" in page.text and "Input should" not in page.text
    with live.client(live.token()) as api:
        r = api.get("/api/returns/x")
    assert r.status_code == 422 and r.json()["detail"] == "请求内容有误：文件编号应为整数"
