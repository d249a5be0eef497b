"""A campaign walked through in Chromium, as a clerk and the districts live it: create, copy the links, upload a
batch with a wrong file among the good ones (its refusal stays through the page's refreshes), the board's
counts against its own cells, a district's page at phone width, the board exported.

Every page is photographed at desktop and phone width into $HUIZONG_SCREENSHOTS, to be looked at.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import openpyxl
import yaml
from playwright.sync_api import Browser, Page, expect
from service_samples import roster_xlsx

ROOT = Path(__file__).resolve().parents[5]
SAMPLES = ROOT / "samples" / "campaign"
RETURNS = sorted(p for p in (SAMPLES / "returns").iterdir() if not p.name.endswith(".json"))
UNITS = (SAMPLES / "units.txt").read_text(encoding="utf-8").split()
EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
TITLE = "鄂尔多斯市检验检测市场专项整治行动"
ISSUER = "鄂尔多斯市市场监督管理局"
IN = {"received", "late", "has-errors", "returned"}


def create_campaign(page: Page, site, title: str) -> str:
    page.click("text=新建任务")
    page.fill("input[name=title]", title)
    page.check("input[value=institution-roster]")
    page.check("input[value=work-statistics]")
    page.fill("textarea[name=units]", "\n".join(UNITS))
    page.fill("input[name=deadline]", "2099-12-31")
    page.fill("input[name=issuer]", ISSUER)
    page.fill("input[name=contact]", "王科长")
    page.fill("input[name=phone]", "0477-8313683")
    site.shots(page, "02-new-campaign")
    page.click("main button[type=submit]")
    page.wait_for_url("**/links")
    return page.url.rsplit("/", 1)[0]


def record_progress(page: Page) -> None:
    """Keep what the per-file progress said in sessionStorage, which outlives the redirect that follows."""
    page.evaluate(
        """() => new MutationObserver(() => {
            const said = [...document.querySelectorAll('[data-chosen] .pct')].map(e => e.textContent);
            sessionStorage.setItem('progress', JSON.stringify(said));
        }).observe(document.querySelector('[data-chosen]'), {subtree: true, childList: true, characterData: true})"""
    )


def check_counts_against_cells(page: Page) -> dict[tuple[str, str], str]:
    """The summary's numbers, computed again from the cells the board shows."""
    cells = page.locator("td.cell")
    found = {
        (c.get_attribute("data-unit"), c.get_attribute("data-form")): c.get_attribute("data-status")
        for c in cells.all()
    }
    by_status = Counter(found.values())
    for badge in page.locator("[data-count]").all():
        assert int(badge.get_attribute("data-n")) == by_status.get(badge.get_attribute("data-count"), 0)
    assert int(page.locator("[data-cell-counts]").get_attribute("data-total")) == len(found)
    units: dict[str, list[str]] = {}
    for (unit, _), status in found.items():
        units.setdefault(unit, []).append(status)
    got = {u: sum(s in IN for s in statuses) for u, statuses in units.items()}
    expected = {
        "complete": sum(n == len(units[u]) for u, n in got.items()),
        "partial": sum(0 < n < len(units[u]) for u, n in got.items()),
        "nothing": sum(n == 0 for n in got.values()),
        "action": sum(any(s in ("has-errors", "unreadable", "returned") for s in st) for st in units.values()),
    }
    shown = {k: int(page.locator(f'[data-units="{k}"]').get_attribute("data-n")) for k in expected}
    assert shown == expected
    return found


def test_campaign_walk(page: Page, site, login, browser: Browser, tmp_path: Path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page.goto("/")
    expect(page).to_have_url(f"{site.url}/login?next=/")
    site.shots(page, "00-login")
    login(page, site)
    site.shots(page, "01-campaigns")

    # Create; the links page says plainly that 127.0.0.1 links reach no district; copy one.
    board_url = create_campaign(page, site, TITLE)
    expect(page.locator("table.links tbody tr")).to_have_count(len(UNITS))
    expect(page.locator('[data-reach="local"]')).to_contain_text("只能在这台电脑上打开")
    links = {
        row.locator("th").inner_text(): row.locator("[data-copy]").get_attribute("data-copy")
        for row in page.locator("table.links tbody tr").all()
    }
    copy = page.locator("table.links [data-copy]").first
    copy.click()
    expect(copy).to_have_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == links[UNITS[0]]
    page.click("text=复制全部")  # the lines to paste into the 通知, one unit and its link each
    pasted = page.evaluate("navigator.clipboard.readText()").splitlines()
    assert pasted == [f"{unit}：{links[unit]}" for unit in UNITS]
    site.shots(page, "03-links")

    page.goto(board_url)
    expect(page.locator('td.cell[data-status="missing"]')).to_have_count(len(UNITS) * 2)
    site.shots(page, "04-board-empty")

    # A batch: the sample returns, a file of no unit (to be assigned), and a wrong file among them.
    wrong = tmp_path / "会议照片.exe"
    wrong.write_bytes(b"MZ")
    nameless = tmp_path / "机构名单.xlsx"
    nameless.write_bytes(roster_xlsx(None, ["丙检测公司"]))
    batch = [*RETURNS, wrong, nameless]
    page.click("text=上传报表 >> nth=0")
    page.set_input_files("input[type=file]", [str(p) for p in batch])
    expect(page.locator("[data-chosen] li")).to_have_count(len(batch))
    site.shots(page, "05-upload")
    record_progress(page)
    # A slow line (as from a county office) so the bars can be seen filling one file after another.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    slow = {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 150_000}
    cdp.send("Network.emulateNetworkConditions", slow)
    page.click("main button[type=submit]")
    expect(page.locator("[data-chosen] .pct", has_text="已发送").first).to_be_visible()
    expect(page.locator("[data-chosen] .pct", has_text="等待上传").first).to_be_visible()
    expect(page.locator("[data-uploading]")).to_contain_text("正在上传")
    site.shots(page, "05-uploading")
    page.wait_for_url("**/uploads?**", timeout=120_000)
    cdp.send("Network.emulateNetworkConditions", {**slow, "latency": 0, "uploadThroughput": -1})
    progress = page.evaluate("JSON.parse(sessionStorage.getItem('progress') || '[]')")
    assert len(progress) == len(batch) and set(progress) == {"已发送"}, progress
    notice = page.locator("[data-notice]")
    expect(notice).to_contain_text("会议照片.exe")
    expect(page.locator("table.results tbody tr")).to_have_count(len(batch) - 1)
    # The page refreshes itself until every file is read; the refusal is still there afterwards.
    expect(
        page.locator('table.results tr[data-status="pending"], table.results tr[data-status="queued"]')
    ).to_have_count(0, timeout=240_000)
    page.reload()
    expect(notice).to_contain_text("格式不支持")
    site.shots(page, "06-upload-results")
    notice.locator("text=知道了，关闭").click()
    expect(page.locator("[data-notice]")).to_have_count(0)
    expect(page.locator("table.results tbody tr")).to_have_count(len(batch) - 1)

    # The district's own page, on a phone: a return with an error, a wrong file refused and still said.
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        unit_page = phone.new_page()
        unit_page.goto(links["伊金霍洛旗"])
        expect(unit_page.locator("dl.unit-facts")).to_contain_text(ISSUER)
        expect(unit_page.locator("dl.unit-facts")).to_contain_text("2099-12-31")
        expect(unit_page.locator("[data-contact]")).to_contain_text("王科长　0477-8313683")
        with unit_page.expect_download() as blank:
            unit_page.locator('a[href$="/templates/institution-roster.xlsx"]').click()
        assert blank.value.suggested_filename == "检验检测机构基本情况汇总表.xlsx"
        mine = tmp_path / "伊金霍洛旗.xlsx"
        mine.write_bytes(roster_xlsx("伊金霍洛旗", ["丁检测公司", "戊检测公司"], blank_domain=True))
        unit_page.set_input_files("input[type=file]", [str(mine), str(wrong)])
        unit_page.click("main button[type=submit]")
        unit_page.wait_for_url("**fresh=**")
        expect(unit_page.locator("[data-notice]")).to_contain_text("会议照片.exe")
        row = unit_page.locator("table.mine tr", has_text="伊金霍洛旗.xlsx")
        expect(row.locator(".status-has-errors")).to_have_count(1, timeout=120_000)  # after its refreshes
        expect(unit_page.locator("[data-notice]")).to_contain_text("会议照片.exe")
        issues = row.locator(".issue-list").inner_text()
        assert "工作表“Sheet1”第5行C列" in issues and "领域" in issues and "Sheet1!" not in issues
        site.shots(unit_page, "11-unit-page")
        with unit_page.expect_download() as annotated:
            row.locator("text=下载问题标注文件").click()
        book = openpyxl.load_workbook(io.BytesIO(Path(annotated.value.path()).read_bytes()))
        listed = [r[1:3] for r in book["问题清单"].iter_rows(min_row=2, values_only=True)]
        assert ("工作表“Sheet1”第5行C列", "领域") in listed
    finally:
        phone.close()

    # The board: each cell as the truth says, and the summary computed again from the cells.
    page.goto(board_url)
    expect(page.locator("td.cell")).to_have_count(len(UNITS) * 2)
    cells = check_counts_against_cells(page)
    # A unit that sent only an unreadable file must send it again: its cell says so rather than 未报.
    unreadable = {u for u in UNITS for name in EXPECTED["files"]["failed"] if name.startswith(u)}
    for form, truth in EXPECTED["forms"].items():
        for unit in UNITS:
            if unit == "伊金霍洛旗" and form == "institution-roster":
                assert cells[(unit, form)] == "has-errors"
            elif unit in truth["missing_units"]:
                assert cells[(unit, form)] == ("unreadable" if unit in unreadable else "missing"), (unit, form)
            else:
                assert cells[(unit, form)] == "received", (unit, form)
    bad_cell = page.locator('td.cell[data-unit="乌审旗"][data-form="institution-roster"]')
    expect(bad_cell.locator(".cell-why")).to_have_text("文件无法读取，需重新报送")
    roster = 'td.cell[data-unit="达拉特旗"][data-form="institution-roster"]'
    expect(page.locator(f"{roster} .badge")).to_have_text("第 2 版")
    site.shots(page, "07-board")

    page.locator(f"{roster} a").click()
    expect(page.locator("h1")).to_contain_text("达拉特旗")
    site.shots(page, "08-return")

    # Void the 修改稿: the cell falls back to the first version, the file stays in the history.
    page.locator("summary", has_text="作废").click()
    page.fill("input[name=reason]", "修改稿误报，以原稿为准")
    page.click("[data-fix=void] button")
    expect(page.locator("[data-void-reason]")).to_have_text("修改稿误报，以原稿为准")
    expect(page.locator("[data-fixes]")).to_have_count(0)
    page.goto(board_url)
    expect(page.locator(roster)).to_have_attribute("data-status", "received")
    expect(page.locator(f"{roster} .badge")).to_have_count(0)

    # Assign the file no unit could be told from to 乌审旗, whose own file was unreadable.
    page.locator("table.unplaced a", has_text="机构名单.xlsx").click()
    page.select_option("[data-fix=assign] select[name=unit]", "乌审旗")
    page.select_option("[data-fix=assign] select[name=form]", "institution-roster")
    site.shots(page, "12-return-fixes")
    page.click("[data-fix=assign] button")
    expect(page.locator("dd", has_text="单位 乌审旗")).to_be_visible()
    expect(page.locator('[data-state="received"]')).to_be_visible(timeout=120_000)  # parsed again, refreshed

    # Send 东胜区's roster back with a note; mark 康巴什区's statistics reviewed.
    page.goto(board_url)
    page.locator('td.cell[data-unit="东胜区"][data-form="institution-roster"] a').click()
    page.locator("summary", has_text="退回修改").click()
    note = "第3家机构的“领域”与营业执照不符，请核对后重新上报。"
    page.fill("[data-fix=send-back] textarea", note)
    page.click("[data-fix=send-back] button")
    expect(page.locator("[data-sent-back]")).to_contain_text(note)
    page.goto(board_url)
    page.locator('td.cell[data-unit="康巴什区"][data-form="work-statistics"] a').click()
    page.click("[data-fix=review] button")
    expect(page.locator("[data-reviewed]")).to_have_attribute("data-reviewed", "yes")

    # A unit added mid-campaign, and 东胜区's other name so its files are read as 东胜区.
    page.click("text=修改任务")
    units = page.locator("textarea[name=units]")
    units.fill(units.input_value().replace("东胜区\n", "东胜区：东胜区市场监督管理局\n") + "\n康巴什新区")
    site.shots(page, "13-edit-campaign")
    page.click("main button[type=submit]")
    page.wait_for_url("**/links")
    expect(page.locator("table.links tbody tr")).to_have_count(len(UNITS) + 1)
    added = page.locator("table.links tr", has_text="康巴什新区").locator("[data-copy]").get_attribute("data-copy")
    page.click("text=修改任务")
    expect(page.locator("textarea[name=units]")).to_contain_text("东胜区：东胜区市场监督管理局")

    page.goto(board_url)
    expect(page.locator('td.cell[data-unit="康巴什新区"]')).to_have_count(2)
    expect(page.locator('td.cell[data-unit="东胜区"][data-form="institution-roster"]')).to_have_attribute(
        "data-status", "returned"
    )
    expect(page.locator('td.cell[data-unit="乌审旗"][data-form="institution-roster"]')).to_have_attribute(
        "data-status", "received"
    )
    expect(page.locator('td.cell[data-unit="康巴什区"][data-form="work-statistics"] .badge.ok')).to_have_text("已审核")
    check_counts_against_cells(page)
    site.shots(page, "15-board-after-fixes")
    page.emulate_media(media="print")  # what 打印 puts on paper: the table and its counts, no menus
    expect(page.locator("header.top")).to_be_hidden()
    site.shot(page, "15-board-print")
    page.emulate_media(media="screen")

    # 东胜区 sees the note on its own page, on a phone; the new unit's link works.
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    try:
        unit_page = phone.new_page()
        unit_page.goto(links["东胜区"])
        expect(unit_page.locator("[data-sent-back]")).to_contain_text(note)
        expect(unit_page.locator('[data-form-status="institution-roster"]')).to_have_text("已退回")
        site.shots(unit_page, "14-unit-sent-back")
        unit_page.goto(added)
        expect(unit_page.locator("dl.unit-facts")).to_contain_text("康巴什新区")
    finally:
        phone.close()

    # A viewer of the same office reads the same pages without a single change button.
    viewer = browser.new_context(base_url=site.url, locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        reader = viewer.new_page()
        login(reader, site, "viewer")
        reader.goto(board_url)
        expect(reader.locator("td.cell")).to_have_count((len(UNITS) + 1) * 2)
        expect(reader.locator("text=上传报表")).to_have_count(0)
        expect(reader.locator("text=修改任务")).to_have_count(0)
        reader.locator('td.cell[data-unit="东胜区"][data-form="work-statistics"] a').click()
        expect(reader.locator("h1")).to_contain_text("东胜区")
        expect(reader.locator("[data-fixes], [data-fix]")).to_have_count(0)
        site.shots(reader, "16-viewer-return")
    finally:
        viewer.close()

    # The board exported as a workbook, the same states in words.
    page.goto(board_url)
    with page.expect_download() as exported:
        page.click("text=导出 Excel")
    assert exported.value.suggested_filename == f"{TITLE}-报送情况.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(exported.value.path()).read_bytes()))["报送情况"]
    table = {r[0]: r[1:] for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    assert table["伊金霍洛旗"][0].startswith("有错误") and table["东胜区"][0].startswith("已退回")
    assert table["康巴什新区"] == ("未报", "未报", "未报")

    page.goto(board_url + "/downloads")
    site.shots(page, "09-downloads")
    with page.expect_download() as info:
        page.click("a[href$='consolidated.xlsx']")
    assert info.value.suggested_filename == f"{TITLE}-汇总表.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert "报送情况" in book.sheetnames
    problems = [r for r in book["问题清单"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert problems and not any(re.fullmatch(r"[a-z]+(-[a-z]+)+", str(c)) for r in problems for c in r if c)
    with page.expect_download() as info:
        page.click("a[href$='bulletin.pdf']")
        expect(page.locator("a.making[href$='bulletin.pdf']")).to_have_count(1)  # 正在生成… while it is made
    expect(page.locator("a.making")).to_have_count(0)
    assert info.value.suggested_filename.endswith("-情况通报.pdf")
    assert Path(info.value.path()).read_bytes()[:4] == b"%PDF"

    page.goto(board_url + "/audit")
    expect(page.locator("table.grid tbody tr")).not_to_have_count(0)
    site.shots(page, "10-audit")
    page.goto("/account/password")
    site.shots(page, "17-password")


def test_drag_and_drop_fills_the_file_input(page: Page, site, login):
    login(page, site)
    create_campaign(page, site, "拖放测试")
    page.click("text=上传报表 >> nth=0")
    zone = page.locator("[data-dropzone]")
    transfer = page.evaluate_handle(
        """() => {
            const dt = new DataTransfer();
            dt.items.add(new File(["x"], "东胜区.xlsx"));
            dt.items.add(new File(["y"], "康巴什区.docx"));
            return dt;
        }"""
    )
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    expect(page.locator("[data-chosen] li")).to_have_count(2)
    assert page.eval_on_selector("input[type=file]", "i => i.files.length") == 2
