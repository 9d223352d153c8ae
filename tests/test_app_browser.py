"""The app in a real browser: `streamlit run` on a free port, driven by Playwright with Debian's
chromium (never a downloaded browser); a director changes the hourly wage and a cell of a course
table and sees the new balance each time, then switches to Dutch; another opens the Uncertainty
tab of the ranges scenario and sees the engine's run drawn. Screenshots go to a temporary folder
and to /tmp/app-screenshot.png and /tmp/app-uncertainty.png.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from businesscase.analytics.simulation import simulate
from businesscase.engine import evaluate
from businesscase.scenario.loading import load_scenario
from dashboard.i18n import money, percent
from tests.conftest import CORRECTED, ROOT, SCENARIOS

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHARED_SCREENSHOT = Path("/tmp/app-screenshot.png")
START_SECONDS = 60
GROUPS_ROW = 2  # Ass JV's course table: group size, minutes per participant, groups per year
GROUPS_CHANGE = "courses.ass_jv.groups_per_year={1: 8, 3: 10, 4: 8}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit did not answer within {START_SECONDS} s:\n{log.read_text()}")


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port, stopped after the test."""
    port = free_port()
    log = tmp_path / "streamlit.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def shows(text: str) -> str:
    """A page condition: the text is on the page (a no-break space counts as a space)."""
    return f"document.body.innerText.replace(/\\u00a0/g, ' ').includes({text!r})"


def in_tables(text: str) -> str:
    """A page condition: the text is in a table (a grid draws on a canvas; its cells are in
    the page's accessible text, not in what innerText shows)."""
    return f"document.body.textContent.replace(/\\u00a0/g, ' ').includes({text!r})"


def edit_course_cell(page: Page, row: int, year: int, value: str) -> None:
    """Type a value into the first course table, as a director does: select the grid, walk
    to the cell with the arrow keys, open the editor, type, confirm."""
    page.get_by_role("tab", name="Assumptions").click()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=15_000)
    grid.locator("[data-testid='glide-cell-0-0']").focus()
    for _ in range(1 + year):  # past the parameter and unit columns
        page.keyboard.press("ArrowRight")
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    editor = page.locator("input.gdg-input")  # the grid's cell editor
    editor.wait_for(timeout=5_000)
    editor.fill(value)
    editor.press("Enter")


def test_a_director_changes_the_wage_and_a_course_and_sees_the_new_balance(
    chromium: str, app_url: str, tmp_path: Path
) -> None:
    changed = evaluate(load_scenario(CORRECTED, ["hourly_wage=80"]).scenario)
    expected = money(float(changed.total("average", "balance", 1, 6)), "en")
    edited = evaluate(load_scenario(CORRECTED, ["hourly_wage=80", GROUPS_CHANGE]).scenario)
    expected_edited = money(float(edited.total("average", "balance", 1, 6)), "en")
    expected_nl = money(float(edited.total("average", "balance", 1, 6)), "nl").replace("\xa0", " ")
    assert expected == "€111,860.00"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.goto(app_url)
            page.wait_for_function(shows("€99,494.00"), timeout=30_000)
            wage = page.get_by_label("Hourly wage (€/h)", exact=True)
            wage.fill("80")
            wage.press("Enter")
            page.wait_for_function(shows(expected), timeout=15_000)
            page.wait_for_function(shows("Changed from the file"), timeout=15_000)
            page.wait_for_function(
                "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3",
                timeout=15_000,
            )
            assert "Traceback" not in page.inner_text("body")
            screenshot = tmp_path / "app-wage-80.png"
            page.screenshot(path=str(screenshot), full_page=True)
            shutil.copyfile(screenshot, SHARED_SCREENSHOT)

            edit_course_cell(page, row=GROUPS_ROW, year=3, value="10")
            page.wait_for_function(shows(expected_edited), timeout=15_000)
            page.wait_for_function(shows(f"--set '{GROUPS_CHANGE}'"), timeout=15_000)
            page.screenshot(path=str(tmp_path / "app-course-edit.png"), full_page=True)
            shutil.copyfile(
                tmp_path / "app-course-edit.png", SHARED_SCREENSHOT.with_name("app-course-edit.png")
            )

            page.get_by_role("tab", name="Results").click()
            page.get_by_text("Nederlands").click()
            page.wait_for_function(shows(expected_nl), timeout=15_000)
            page.wait_for_function(shows("Saldo jaar 1-6"), timeout=15_000)
            assert page.get_by_label("Uurloon (€/uur)", exact=True).input_value() == "80.00"
            page.screenshot(path=str(tmp_path / "app-dutch.png"), full_page=True)
            shutil.copyfile(
                tmp_path / "app-dutch.png", SHARED_SCREENSHOT.with_name("app-dutch.png")
            )
        finally:
            browser.close()


def test_a_director_opens_the_uncertainty_of_the_ranges_scenario(
    chromium: str, app_url: str, tmp_path: Path
) -> None:
    ranges = SCENARIOS / "kwadraad-2013-ranges.yaml"
    run = simulate(load_scenario(ranges).scenario, 10_000, 1)
    p50 = money(run.platforms["average"].balance_quantiles()[1], "en")
    chance = percent(float(run.platforms["new-platform"].break_even_probability()[3]), "en")
    assert (p50, chance) == ("€96,481.93", "48.5%")
    answer = (
        "Average of Hulp Online with development and new platform breaks even by year 3 when "
        "Efficiency of online vs offline contact"
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 3600})
            page.goto(app_url)
            page.wait_for_function(shows("€99,494.00"), timeout=30_000)
            page.get_by_role("combobox", name="Scenario").click()
            page.get_by_role("option", name=ranges.name).click()
            page.wait_for_function(shows("Kwadraad 2013, corrected, with ranges"), timeout=15_000)
            page.get_by_role("tab", name="Uncertainty").click()
            page.wait_for_function(in_tables(p50), timeout=30_000)
            page.wait_for_function(in_tables(chance), timeout=15_000)
            page.wait_for_function(
                "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3",
                timeout=15_000,
            )
            page.wait_for_function(shows("Goal seek"), timeout=15_000)
            estimates = page.get_by_role("combobox", name="Estimates to move")
            for course in ("Ass JV", "Ass OV"):
                estimates.click()
                page.keyboard.type(f"contact, {course}")  # the list is long: filter it
                page.get_by_role("option", name="Efficiency of online vs offline").click()
            page.keyboard.press("Escape")  # close the list
            page.wait_for_function(shows(answer), timeout=15_000)
            page.wait_for_timeout(500)  # let plotly finish laying out the charts
            assert "Traceback" not in page.inner_text("body")
            screenshot = tmp_path / "app-uncertainty.png"
            page.screenshot(path=str(screenshot), full_page=True)
            shutil.copyfile(screenshot, SHARED_SCREENSHOT.with_name("app-uncertainty.png"))
        finally:
            browser.close()
