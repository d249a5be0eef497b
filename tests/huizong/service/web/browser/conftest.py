"""Browser tests: Playwright driving Debian's headless Chromium against a live server (SQLite).

Screenshots of every page go to $HUIZONG_SCREENSHOTS (default: a pytest temporary folder) to be looked at.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from huizong.service.security import auth
from huizong.service.settings import Settings
from huizong.service.store.db import Database
from huizong.service.testing import LiveServer

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery"


class Site:
    def __init__(self, url: str, settings: Settings, shots: Path) -> None:
        self.url, self.settings, self.shots_dir = url, settings, shots

    def add_clerk(self, role: str = "clerk") -> str:
        name = f"{role}{secrets.token_hex(3)}"
        db = Database(self.settings.resolved_database_url())
        try:
            auth.add_user(db, name, PASSWORD, role=role)
        finally:
            db.close()
        return name

    def shot(self, page: Page, name: str) -> None:
        page.screenshot(path=str(self.shots_dir / f"{name}.png"), full_page=True)

    def shots(self, page: Page, name: str) -> None:
        """The page at desktop (1280) and phone (390) width, then back to the page's own size."""
        size = page.viewport_size
        for width, height, tag in ((1280, 900, "desktop"), (390, 844, "phone")):
            page.set_viewport_size({"width": width, "height": height})
            page.screenshot(path=str(self.shots_dir / f"{name}-{tag}.png"), full_page=True)
            if tag == "phone":  # nothing may be wider than a phone's screen but a table that scrolls itself
                assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, f"{name} too wide"
        if size:
            page.set_viewport_size(size)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data = tmp_path_factory.mktemp("web") / "huizong-data"
    shots = Path(os.environ.get("HUIZONG_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data, workers=2, job_timeout=120)
    with LiveServer(settings) as server:
        yield Site(server.url, settings, shots)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(
        base_url=site.url, locale="zh-CN", viewport={"width": 1366, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(60_000)
    p = context.new_page()
    yield p
    context.close()


@pytest.fixture
def login():
    """Log a new clerk in on a page: `login(page, site)` -> the clerk's name."""
    return log_in


def log_in(page: Page, site: Site, role: str = "clerk") -> str:
    name = site.add_clerk(role)
    page.goto("/")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    return name
