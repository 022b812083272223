"""The back-office page of the province's figures in a real headless Chromium (Debian's
``chromium`` and ``chromedriver``, tools/system-deps.sh): sign in with a back-office token,
read the tables' cells and compare them with the hand count of ``test_province_figures``;
change the grouping with the form; a wrong token gets the sign-in form again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from central_server.composition import create_services
from central_server.services import auth
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from tests.central_server.harness import Harness
from tests.central_server.province_data import CIVIL, MARKET, REPORT_AT, build
from tests.conftest import START

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs Debian's chromium and chromium-driver (tools/system-deps.sh)",
)


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Harness]:
    settings = ServerSettings(
        db_url=f"sqlite:///{tmp_path / 'central.sqlite3'}", data_dir=tmp_path / "data"
    )
    clock = FixedClock(START)
    with Harness.running(create_services(settings, clock), clock) as harness:
        build(harness)
        yield harness


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'chromium'}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def _submit(browser: WebDriver, button: str, shows: str = "groups") -> None:
    """Click a form's button and wait until the page it leads to (with an element ``shows``)
    has replaced this one: the old page's window is marked, and the new page's is not."""
    browser.execute_script("window.leaving = true;")
    browser.find_element(By.ID, button).click()

    def arrived(driver: WebDriver) -> bool:
        fresh = driver.execute_script(
            "return window.leaving !== true && document.readyState === 'complete';"
        )
        return bool(fresh) and bool(driver.find_elements(By.ID, shows))

    # Mid-navigation the driver may answer with any error (a node of the old document, no
    # execution context yet): ask again until the new page is there.
    WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,)).until(arrived)


def _cells(browser: WebDriver, table: str, key: str) -> dict[str, str]:
    row = browser.find_element(By.CSS_SELECTOR, f'#{table} tr[data-key="{key}"]')
    return {
        cell.get_attribute("data-m") or "": cell.text
        for cell in row.find_elements(By.CSS_SELECTOR, "td[data-m]")
    }


def test_an_officer_reads_the_hand_counted_figures_in_chromium(
    province: Harness, browser: WebDriver
) -> None:
    assert province.clock.now_ms() == int(REPORT_AT.timestamp() * 1000)
    page = f"{province.base_url}/backoffice/figures?from=2026-10-01&to=2026-11-30"
    browser.get(page)
    browser.find_element(By.ID, "token").send_keys("not-a-token")
    _submit(browser, "sign-in", shows="login-error")
    assert "令牌无效" in browser.find_element(By.ID, "login-error").text

    token = auth.issue_backoffice_token(province.services.ctx, "省厅").access_token
    browser.find_element(By.ID, "token").send_keys(token)
    # The sign-in answers 303 to the page's default period; the get waits for that page, or
    # it races the redirect and the redirect's page (another period) wins.
    _submit(browser, "sign-in")
    browser.get(page)  # signed in: the cookie carries the token
    cc01 = _cells(browser, "groups", "CC01")
    assert (cc01["accepted"], cc01["on_the_spot_share"], cc01["visits_per_case"]) == (
        "5", "40.0%", "1.6",
    )  # fmt: skip
    assert (cc01["completed"], cc01["days_to_decision_avg"], cc01["satisfied_share"]) == (
        "4", "4.29", "66.7%",
    )  # fmt: skip
    assert (cc01["items"], cc01["items_networked"], cc01["once_share"]) == ("3", "3", "100.0%")
    total = _cells(browser, "groups", "*")
    assert (total["accepted"], total["on_the_spot_share"], total["days_to_decision_avg"]) == (
        "8", "37.5%", "6.45",
    )  # fmt: skip
    october = browser.find_element(By.CSS_SELECTOR, '#periods tr[data-period="2026-10"]')
    assert "CC01" in october.text
    trend = browser.find_element(By.CSS_SELECTOR, '#trend tr[data-month="2026-10"]')
    assert trend.text.split()[-1] == "66.7%"

    Select(browser.find_element(By.ID, "by")).select_by_value("department")
    _submit(browser, "show")
    market = _cells(browser, "groups", MARKET)
    assert (market["accepted"], market["visits_per_case"], market["days_to_decision_avg"]) == (
        "6", "1.67", "7.36",
    )  # fmt: skip
    assert _cells(browser, "groups", CIVIL)["on_the_spot_share"] == "50.0%"
    headings = browser.find_element(By.CSS_SELECTOR, "#groups thead").text
    assert "满意率" in headings and "satisfied share" in headings
