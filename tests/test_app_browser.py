"""The app in a real browser: `streamlit run` on a free port, driven by Playwright with Debian's
chromium (never a downloaded browser); a director changes the hourly wage and a cell of a course
table and sees the new balance each time, then switches to Dutch; another opens the Uncertainty
tab of the ranges scenario and sees the engine's run drawn. Screenshots go to a temporary folder
and to /tmp/app-screenshot.png and /tmp/app-uncertainty.png.
"""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.streamlit_server import SERVED_APP, streamlit_server
from businesscase import DEFAULT_DRAWS, DEFAULT_SEED
from businesscase.analytics.goal_seek import default_bounds, solve
from businesscase.analytics.simulation import simulate
from businesscase.engine import evaluate
from businesscase.scenario.loading import load_scenario
from dashboard.i18n import money, percent, t
from dashboard.state import SECTIONS
from tests.conftest import CORRECTED, SCENARIOS
from tests.test_app_director import BOUGHT, NBSP, RANGES, balance, engine

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHARED_SCREENSHOT = Path("/tmp/app-screenshot.png")
GROUPS_ROW = 2  # Ass JV's course table: group size, minutes per participant, groups per year
GROUPS_CHANGE = "courses.ass_jv.groups_per_year={1: 8, 3: 10, 4: 8}"


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """The app as `./project app` serves it (`streamlit run dashboard/serve.py`: app.py with
    compressed responses) on a free localhost port, stopped after the test; a server that does
    not start fails the test with what it printed."""
    with streamlit_server(SERVED_APP, tmp_path / "streamlit.log") as port:
        yield f"http://127.0.0.1:{port}"


def shows(text: str) -> str:
    """A page condition: the text is on the page (a no-break space counts as a space)."""
    return f"document.body.innerText.replace(/\\u00a0/g, ' ').includes({text!r})"


def in_tables(text: str) -> str:
    """A page condition: the text is in a table (a grid draws on a canvas; its cells are in
    the page's accessible text, not in what innerText shows)."""
    return f"document.body.textContent.replace(/\\u00a0/g, ' ').includes({text!r})"


def edit_course_cell(page: Page, row: int, year: int, value: str, tab: str = "Assumptions") -> None:
    """Type a value into the first course table, as a director does: select the grid, walk
    to the cell with the arrow keys, open the editor, type, confirm."""
    page.get_by_role("tab", name=tab).click()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=15_000)
    editor = page.locator(".gdg-input")  # the grid's cell editor (a text area for text cells)
    for attempt in range(3):  # a grid drawn a moment ago may not take the keys yet
        grid.locator("[data-testid='glide-cell-0-0']").focus()
        for _ in range(2 + year):  # past the parameter, unit and all-years columns
            page.keyboard.press("ArrowRight")
        for _ in range(row):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    editor.fill(value)
    editor.press("Enter")


def show_command(page: Page, label: str) -> None:
    """Open the sidebar's expander that holds the link and the edits as a command line (built
    only when opened)."""
    page.get_by_text(label, exact=True).click()


def test_the_app_sends_its_javascript_bundle_gzip_compressed_to_a_browser_that_accepts_it(
    app_url: str,
) -> None:
    with urllib.request.urlopen(app_url) as answer:
        page = answer.read().decode()
    found = re.search(r"static/js/index\.[\w-]+\.js", page)
    assert found is not None, page
    asked = urllib.request.Request(
        f"{app_url}/{found.group()}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(asked) as answer:
        encoding, sent = answer.headers["Content-Encoding"], answer.read()
    assert encoding == "gzip"
    bundle = gzip.decompress(sent)
    assert len(bundle) > 100_000  # Streamlit's front end, 480 kB in 1.67
    assert len(sent) < len(bundle) / 2  # 148 kB sent for a 480 kB bundle


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
                "document.querySelectorAll('.bc-chart').length >= 3",  # SVG, no plotly
                timeout=15_000,
            )
            assert "Traceback" not in page.inner_text("body")
            screenshot = tmp_path / "app-wage-80.png"
            page.screenshot(path=str(screenshot), full_page=True)
            shutil.copyfile(screenshot, SHARED_SCREENSHOT)

            edit_course_cell(page, row=GROUPS_ROW, year=3, value="10")
            page.wait_for_function(shows(expected_edited), timeout=15_000)
            show_command(page, "Link to this view")
            page.wait_for_function(shows(f"--set '{GROUPS_CHANGE}'"), timeout=15_000)
            page.screenshot(path=str(tmp_path / "app-course-edit.png"), full_page=True)
            shutil.copyfile(
                tmp_path / "app-course-edit.png", SHARED_SCREENSHOT.with_name("app-course-edit.png")
            )

            page.get_by_role("tab", name="Results").click()
            page.get_by_text("Nederlands").click()
            page.wait_for_function(shows(expected_nl), timeout=15_000)
            page.wait_for_function(shows("Saldo jaar 1-6"), timeout=15_000)
            expect(page.get_by_label("Uurloon (€/uur)", exact=True)).to_have_value("80,00")
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
    scenario = load_scenario(ranges).scenario
    run = simulate(scenario, DEFAULT_DRAWS, DEFAULT_SEED)  # the app's default run
    p50 = money(run.platforms["average"].balance_quantiles()[1], "en")
    chance = percent(float(run.platforms["new-platform"].break_even_probability()[3]), "en")
    assert (p50, chance) == ("€96,525.93", "48.3%")
    efficiency = tuple(("courses", c, "online_efficiency") for c in ("ass_jv", "ass_ov"))
    found = solve(  # the tab's default question: the average, by the year before its break-even
        scenario, efficiency, "average", 3, default_bounds(scenario, efficiency), every_year=True
    )
    assert (found.value, found.side) == (0.4011, "at least")
    answer = (
        "Average of Hulp Online with development and new platform breaks even by year 3 when "
        "Efficiency of online vs offline contact"
    )
    shown = percent(found.value, "en", 2)
    value = f"is at least {shown} (now 40.00%)"

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
            page.wait_for_function(shows(value), timeout=15_000)
            page.wait_for_function(shows(f"Apply {shown} as an edit"), timeout=15_000)
            page.wait_for_timeout(500)  # let plotly finish laying out the charts
            assert "Traceback" not in page.inner_text("body")
            screenshot = tmp_path / "app-uncertainty.png"
            page.screenshot(path=str(screenshot), full_page=True)
            shutil.copyfile(screenshot, SHARED_SCREENSHOT.with_name("app-uncertainty.png"))
        finally:
            browser.close()


NL_COMMA_SCREENSHOT = Path("/tmp/app-nl-comma.png")
MINUTES_ROW = 1  # Ass JV's course table: group size, minutes per participant, ...
MINUTES_CHANGE = "courses.ass_jv.minutes_per_participant={1: 40, 3: 40.5, 4: 40}"


GEMIDDELDE = "Gemiddelde van Hulp Online met ontwikkeling en nieuw platform"
"""The average platform scenario's name on the Dutch page."""


def average_balance_1_6(page: Page) -> str:
    """The value of the average's `Saldo jaar 1-6` card on the Dutch page (the cards are
    ranked by balance, so the average's is found by its Dutch name)."""
    return first_balance_1_6(page, GEMIDDELDE)


def test_a_dutch_director_types_80_comma_5_and_sees_the_engines_figures_for_80_point_5(
    chromium: str, app_url: str, tmp_path: Path
) -> None:
    def balance(changes: list[str]) -> str:
        results = evaluate(load_scenario(CORRECTED, changes).scenario)
        return money(float(results.total("average", "balance", 1, 6)), "nl").replace("\xa0", " ")

    expected = balance(["hourly_wage=80.5"])
    tenfold = balance(["hourly_wage=805"])
    expected_cell = balance(["hourly_wage=80.5", MINUTES_CHANGE])
    assert expected == "€ 113.096,60"  # € 99.494,00 at 75 an hour; 805 would give 1.9 million

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600}, locale="en-US")
            page.goto(app_url)
            page.wait_for_function(shows("€99,494.00"), timeout=30_000)
            page.get_by_text("Nederlands").click()
            page.wait_for_function(shows("Saldo jaar 1-6"), timeout=15_000)
            wage = page.get_by_label("Uurloon (€/uur)", exact=True)
            wage.click()  # type as a director does, key by key over the old value
            wage.press("Control+a")
            wage.press_sequentially("80,5")
            wage.press("Enter")
            page.wait_for_function(f"!({shows('€ 99.494,00')})", timeout=15_000)
            assert average_balance_1_6(page) == expected  # not 805's € 1.904.930,00
            expect(wage).to_have_value("80,50")  # the figure read, in Dutch notation
            assert tenfold not in page.inner_text("body").replace("\xa0", " ")
            page.wait_for_function(
                "document.querySelectorAll('.bc-chart').length >= 3",
                timeout=15_000,
            )
            wage.blur()  # the screenshot without the focus ring (it fades out)
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / "app-nl-comma.png"), full_page=True)
            shutil.copyfile(tmp_path / "app-nl-comma.png", NL_COMMA_SCREENSHOT)

            # the course table's cells read the same notation: 40,5 minutes, not 405
            edit_course_cell(page, row=MINUTES_ROW, year=3, value="40,5", tab="Aannames")
            page.wait_for_function(shows(expected_cell), timeout=15_000)
            assert average_balance_1_6(page) == expected_cell
            show_command(page, "Link naar deze weergave")
            page.wait_for_function(shows(f"--set '{MINUTES_CHANGE}'"), timeout=15_000)
            assert "Traceback" not in page.inner_text("body")
        finally:
            browser.close()


# ------------------------------------------------------------------ issue 12, for directors

SCREENSHOTS = Path("/tmp")
SIZES = {"wide": (1400, 1000), "phone": (390, 844)}


def first_balance_1_6(page: Page, name: str) -> str:
    """The `Balance years 1-6` (or `Saldo jaar 1-6`) card of a platform scenario, by name."""
    return page.evaluate(
        """([name]) => {
            const card = [...document.querySelectorAll('.bc-card')]
                .find(c => c.querySelector('.bc-name').innerText.startsWith(name));
            const figure = [...card.querySelectorAll('.bc-figure')]
                .find(f => /1-6/.test(f.querySelector('.bc-label').innerText));
            return figure.querySelector('.bc-value').innerText;
        }""",
        [name],
    ).replace(NBSP, " ")


def open_page(
    browser: Browser, url: str, locale: str, size: str = "wide", asked: list[str] | None = None
) -> Page:
    """A new browser context (no session, no cookies) at `url`; every request it makes from
    the first on is noted in `asked`."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    if asked is not None:
        context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    page.goto(url)
    return page


def figures_fit(page: Page) -> list[str]:
    """The card figures cut off at the edge of their card (none should be)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.bc-value')]
            .filter(v => v.scrollWidth > v.clientWidth + 1).map(v => v.innerText)"""
    )


def charts_not_drawn(page: Page) -> list[str]:
    """What is wrong with the charts shown (none should be): an image the browser could not
    draw, a zone without its tooltip or outside its drawing. Hidden drawings are left out."""
    return page.evaluate(
        """() => {
            const wrong = [];
            for (const drawing of document.querySelectorAll('.bc-drawing')) {
                if (drawing.offsetParent === null) continue;  // hidden: the other width's
                const image = drawing.querySelector('img.bc-plot');
                if (!image.complete || image.naturalWidth === 0) wrong.push(`${image.alt}: image`);
                const box = image.getBoundingClientRect();
                for (const zone of drawing.querySelectorAll('.bc-zone')) {
                    const at = zone.getBoundingClientRect();
                    if (!zone.title) wrong.push(`${image.alt}: zone without a tooltip`);
                    if (at.left < box.left - 1 || at.right > box.right + 1
                        || at.top < box.top - 1 || at.bottom > box.bottom + 1)
                        wrong.push(`${image.alt}: zone outside: ${zone.title}`);
                }
            }
            return wrong;
        }"""
    )


def test_a_link_copied_from_the_page_shows_the_same_figures_in_a_new_browser(
    chromium: str, app_url: str
) -> None:
    edited = engine(CORRECTED, ["hourly_wage=80", GROUPS_CHANGE])
    expected = money(float(edited.total("average", "balance", 1, 6)), "en")
    assert expected == balance(edited, "average")
    average = "Average of Hulp Online with development and new platform"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = open_page(browser, app_url, "en-US")
            page.wait_for_function(shows("€99,494.00"), timeout=30_000)
            wage = page.get_by_label("Hourly wage (€/h)", exact=True)
            wage.fill("80")
            wage.press("Enter")
            page.wait_for_function(shows("€111,860.00"), timeout=15_000)
            edit_course_cell(page, row=GROUPS_ROW, year=3, value="10")
            page.wait_for_function(shows(expected), timeout=15_000)
            page.wait_for_function("location.search.includes('tab=assumptions')", timeout=15_000)
            link = page.url
            assert parse_qs(urlparse(link).query)["set"] == ["hourly_wage=80", GROUPS_CHANGE]
            page.get_by_text("Link to this view", exact=True).click()  # the link's expander
            code = page.locator("[data-testid=stSidebar] code").first  # then the command
            code.wait_for(timeout=15_000)
            shown = code.inner_text().strip()
            assert shown.startswith(app_url)  # the sidebar's link is the page's address
            assert parse_qs(urlparse(shown).query) == parse_qs(urlparse(link).query)
            assert first_balance_1_6(page, average) == expected

            fresh = open_page(browser, link, "en-US")  # another browser context: no session
            fresh.wait_for_function(shows(expected), timeout=30_000)
            assert first_balance_1_6(fresh, average) == expected
            for pid in edited.platform_ids:
                name = edited.scenario.platforms[pid].name
                assert first_balance_1_6(fresh, name) == balance(edited, pid)
            expect(fresh.get_by_label("Hourly wage (€/h)", exact=True)).to_have_value("80.00")
            show_command(fresh, "Link to this view")
            fresh.wait_for_function(shows(f"--set '{GROUPS_CHANGE}'"), timeout=15_000)
            expect(fresh.get_by_role("tab", name="Assumptions")).to_have_attribute(
                "aria-selected", "true"
            )
            fresh.reload()  # a reload restores the edits from the URL
            fresh.wait_for_function(shows(expected), timeout=30_000)
            assert first_balance_1_6(fresh, average) == expected
            assert "Traceback" not in fresh.inner_text("body")
        finally:
            browser.close()


def test_the_browsers_back_button_returns_to_the_figures_before_each_change(
    chromium: str, app_url: str
) -> None:
    average = "Average of Hulp Online with development and new platform"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = open_page(browser, app_url, "en-US")
            page.wait_for_function(shows("€99,494.00"), timeout=30_000)
            wage = page.get_by_label("Hourly wage (€/h)", exact=True)
            wage.fill("80")
            wage.press("Enter")
            page.wait_for_function(shows("€111,860.00"), timeout=15_000)
            page.wait_for_function("location.search.includes('hourly_wage')", timeout=15_000)
            page.get_by_text("Nederlands").click()
            page.wait_for_function(shows("€ 111.860,00"), timeout=15_000)
            page.get_by_role("tab", name="Vergelijken").click()
            page.wait_for_function("location.search.includes('tab=compare')", timeout=15_000)

            page.go_back()  # the Dutch results
            page.wait_for_function("location.search.includes('tab=results')", timeout=15_000)
            expect(page.get_by_role("tab", name="Resultaten")).to_have_attribute(
                "aria-selected", "true", timeout=15_000
            )
            page.go_back()  # the English page with the wage at 80
            page.wait_for_function(shows("Balance years 1-6"), timeout=15_000)
            assert first_balance_1_6(page, average) == "€111,860.00"
            page.go_back()  # the file's values
            page.wait_for_function(shows("€99,494.00"), timeout=15_000)
            assert first_balance_1_6(page, average) == "€99,494.00"
            expect(page.get_by_label("Hourly wage (€/h)", exact=True)).to_have_value("75.00")
            page.go_forward()  # the edit again
            page.wait_for_function(shows("€111,860.00"), timeout=15_000)
            assert first_balance_1_6(page, average) == "€111,860.00"
            expect(page.get_by_label("Hourly wage (€/h)", exact=True)).to_have_value("80.00")
            assert "Traceback" not in page.inner_text("body")
        finally:
            browser.close()


def test_a_dutch_browser_gets_the_dutch_page_and_80_comma_5_gives_the_figures_for_80_5(
    chromium: str, app_url: str
) -> None:
    expected = balance(engine(CORRECTED, ["hourly_wage=80.5"]), "average", "nl")
    assert expected.replace(NBSP, " ") == "€ 113.096,60"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = open_page(browser, app_url, "nl-NL")
            page.wait_for_function(shows("Saldo jaar 1-6"), timeout=30_000)
            assert page.title() == "Businesscase: online en blended hulp"
            wage = page.get_by_label("Uurloon (€/uur)", exact=True)
            wage.click()
            wage.press("Control+a")
            wage.press_sequentially("80,5")
            wage.press("Enter")
            page.wait_for_function(shows(expected.replace(NBSP, " ")), timeout=15_000)
            assert average_balance_1_6(page) == expected.replace(NBSP, " ")
            page.wait_for_function(
                "decodeURIComponent(location.search).includes('set=hourly_wage=80.5')",
                timeout=15_000,
            )
            assert "lang=nl" in page.url
            again = open_page(browser, page.url, "en-US")  # the link keeps the language
            again.wait_for_function(shows(expected.replace(NBSP, " ")), timeout=30_000)
            expect(again.get_by_label("Uurloon (€/uur)", exact=True)).to_have_value("80,50")
        finally:
            browser.close()


def test_the_page_asks_no_host_but_its_own_and_takes_its_icon_from_itself(
    chromium: str, app_url: str
) -> None:
    asked: list[str] = []
    host = app_url.split("//", 1)[1]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            for lang, tab in (("en", "results"), ("nl", "uncertainty")):
                url = f"{app_url}/?file={RANGES.name}&lang={lang}&tab={tab}"
                page = open_page(browser, url, "en-US", asked=asked)
                charts = ".bc-chart" if tab == "results" else ".js-plotly-plot .main-svg"
                page.wait_for_function(
                    f"document.querySelectorAll('{charts}').length >= 2", timeout=60_000
                )
                names = [t(lang, section) for section in SECTIONS]
                if lang == "nl":
                    assert names[:3] == ["Resultaten", "Per jaar", "Wie betaalt, wie wint"]
                for name in names:
                    page.get_by_role("tab", name=name).click()
                    page.wait_for_timeout(1_500)
                icon = page.evaluate("document.querySelector('link[rel~=icon]').href")
                assert icon.startswith(app_url), icon
                if lang == "nl":
                    button = page.evaluate(
                        """getComputedStyle(document.querySelector(
                            '[data-testid=stFileUploaderDropzone] button p'), '::after').content"""
                    )
                    assert button == '"Uploaden"'
                    limit = page.evaluate(
                        """getComputedStyle(document.querySelector(
                            '[data-testid=stFileUploaderDropzoneInstructions] span'), '::after')
                            .content"""
                    )
                    assert limit == '"1 MB per bestand • YAML, YML"'
                assert page.locator(".modebar").count() == 0  # no plotly toolbar in English
                assert "Traceback" not in page.inner_text("body")
        finally:
            browser.close()
    assert asked[0].startswith(f"{app_url}/?file=")  # the page, then its scripts, fonts, data
    assert len(asked) > 20
    elsewhere = sorted({url for url in asked if url.split("//", 1)[-1].split("/", 1)[0] != host})
    assert [url for url in elsewhere if not url.startswith(("data:", "blob:"))] == []


def test_screenshots_in_english_and_dutch_wide_and_on_a_phone_show_every_figure_whole(
    chromium: str, app_url: str
) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            for lang in ("en", "nl"):
                for size in SIZES:
                    url = f"{app_url}/?file={BOUGHT.name}&lang={lang}&set=hourly_wage=80.5"
                    page = open_page(browser, url, "en-US", size)
                    page.wait_for_function(
                        "document.querySelectorAll('.bc-chart').length >= 3",
                        timeout=60_000,
                    )
                    page.wait_for_timeout(1_000)
                    assert figures_fit(page) == []
                    assert page.locator(".bc-drawing img").count() >= 3
                    assert charts_not_drawn(page) == []  # drawn, each zone with its tooltip
                    page.screenshot(path=str(SCREENSHOTS / f"director-{lang}-{size}.png"))
                    shown = {"years": ".bc-year-tables", "parties": ".bc-chart"}  # not in years
                    for tab, selector in shown.items():  # the year tables; who pays, who benefits
                        page.get_by_role("tab", name=t(lang, f"tab_{tab}")).click()
                        page.wait_for_selector(selector, timeout=60_000)
                        page.wait_for_timeout(500)
                        assert charts_not_drawn(page) == []
                        path = SCREENSHOTS / f"director-{lang}-{size}-{tab}.png"
                        page.screenshot(path=str(path), full_page=True)
        finally:
            browser.close()
