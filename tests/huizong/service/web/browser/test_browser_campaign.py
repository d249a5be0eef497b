"""A clerk's day in the browser: log in, create a campaign, upload the sample returns by the file input,
watch the board turn from missing to received, download the workbook."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import yaml
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[5]
SAMPLES = ROOT / "samples" / "campaign"
RETURNS = sorted(p for p in (SAMPLES / "returns").iterdir() if not p.name.endswith(".json"))
UNITS = (SAMPLES / "units.txt").read_text(encoding="utf-8").split()
EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def create_campaign(page: Page, site, title: str) -> str:
    page.click("text=新建任务")
    page.fill("input[name=title]", title)
    page.check("input[value=institution-roster]")
    page.check("input[value=work-statistics]")
    page.fill("textarea[name=units]", "\n".join(UNITS))
    page.fill("input[name=deadline]", "2099-12-31")
    site.shot(page, "02-new-campaign")
    page.click("main button[type=submit]")
    page.wait_for_url("**/links")
    return page.url.rsplit("/", 1)[0]


def test_clerk_day(page: Page, site, login):
    page.goto("/")
    expect(page).to_have_url(f"{site.url}/login?next=/")
    site.shot(page, "00-login")
    login(page, site)
    site.shot(page, "01-campaigns")

    board_url = create_campaign(page, site, "鄂尔多斯市检验检测市场专项整治行动")
    expect(page.locator("table.links tbody tr")).to_have_count(len(UNITS))
    site.shot(page, "03-links")

    page.goto(board_url)
    cells = page.locator("td.cell")
    expect(cells).to_have_count(len(UNITS) * 2)
    expect(page.locator('td.cell[data-status="missing"]')).to_have_count(len(UNITS) * 2)
    site.shot(page, "04-board-empty")

    page.click("text=上传报表 >> nth=0")
    page.set_input_files("input[type=file]", [str(p) for p in RETURNS])
    expect(page.locator("[data-chosen] li")).to_have_count(len(RETURNS))
    site.shot(page, "05-upload")
    page.click("main button[type=submit]")
    page.wait_for_url("**/uploads**")
    expect(page.locator("table.results tbody tr")).to_have_count(len(RETURNS))
    expect(page.locator('table.results tr[data-status="pending"]')).to_have_count(0, timeout=180_000)
    site.shot(page, "06-upload-results")

    page.goto(board_url)
    # A unit that sent only an unreadable file must send it again: its cell says so rather than 未报.
    unreadable = {u for u in UNITS for name in EXPECTED["files"]["failed"] if name.startswith(u)}
    for form, truth in EXPECTED["forms"].items():
        for unit in UNITS:
            cell = page.locator(f'td.cell[data-unit="{unit}"][data-form="{form}"]')
            if unit in truth["missing_units"]:
                status = "unreadable" if unit in unreadable else "missing"
                expect(cell).to_have_attribute("data-status", status)
            else:
                expect(cell).to_have_attribute("data-status", "received")
    expect(page.locator('td.cell[data-unit="达拉特旗"][data-form="institution-roster"] .badge')).to_have_text("第 2 版")
    site.shot(page, "07-board")

    page.locator('td.cell[data-unit="达拉特旗"][data-form="institution-roster"] a').click()
    expect(page.locator("h1")).to_contain_text("达拉特旗")
    site.shot(page, "08-return")

    page.goto(board_url + "/downloads")
    site.shot(page, "09-downloads")
    with page.expect_download() as info:
        page.click("a[href$='consolidated.xlsx']")
    download = info.value
    assert download.suggested_filename == "鄂尔多斯市检验检测市场专项整治行动-汇总表.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert "报送情况" in book.sheetnames
    with page.expect_download() as info:
        page.click("a[href$='bulletin.pdf']")
    assert info.value.suggested_filename.endswith("-情况通报.pdf")
    assert Path(info.value.path()).read_bytes()[:4] == b"%PDF"

    page.goto(board_url + "/audit")
    expect(page.locator("table.grid tbody tr")).not_to_have_count(0)
    site.shot(page, "10-audit")


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


def test_unit_link_page_uploads_without_login(page: Page, site, browser, login):
    login(page, site)
    create_campaign(page, site, "单位链接测试")
    link = page.locator("[data-copy]").first.get_attribute("data-copy")
    anonymous = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    try:
        unit_page = anonymous.new_page()
        unit_page.goto(link)
        expect(unit_page.locator(".unit-line")).to_contain_text(UNITS[0])
        site.shot(unit_page, "11-unit-link")
        unit_page.set_input_files("input[type=file]", str(RETURNS[0]))
        unit_page.click("main button[type=submit]")
        expect(unit_page.locator("tr.fresh")).to_have_count(1)
        expect(unit_page.locator('tr[data-status="merged"]')).to_have_count(1, timeout=120_000)  # page refreshes
        expect(unit_page.locator(".forms-needed .status-received")).to_have_count(1)
        site.shot(unit_page, "12-unit-link-uploaded")
    finally:
        anonymous.close()
