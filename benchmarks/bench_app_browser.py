"""The app in a real browser: page load until the first figures, and a wage edit until the new
balance is shown. `streamlit run dashboard/serve.py` (as `./project app` serves it) headless on
a free port, Playwright driving Debian's chromium (/usr/bin/chromium; never a downloaded
browser).

    uv run python benchmarks/bench_app_browser.py [--samples 5]

Each sample opens a fresh browser context (nothing cached), loads the page and waits until the
corrected case's balance (€99,494.00) is on it; then types a new hourly wage (one not typed
before) and waits until the engine's balance for that wage is on it. The floor, measured in the
same run: the same steps on a script holding one text input and one figure. Prints the median,
the 10th-90th percentile and the ratio to the floor.
Goal (issue 14): page load under 2 s; an edit under 250 ms in the browser.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from streamlit_server import FLOOR_APP, ROOT, SERVED_APP, streamlit_server
from timing import line

from businesscase.engine import evaluate
from businesscase.scenario.loading import load_scenario
from dashboard.i18n import money

CHROMIUM = "/usr/bin/chromium"
CORRECTED = ROOT / "scenarios" / "kwadraad-2013-corrected.yaml"
WAGE_LABEL = "Hourly wage (€/h)"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WAIT_MS = 60_000
POLL_MS = 10
"""How often a page condition is checked: often enough for an edit of a few hundred ms."""


def shows(text: str) -> str:
    """A page condition: the text is on the page (a no-break space counts as a space)."""
    return f"document.body.innerText.replace(/\\u00a0/g, ' ').includes({text!r})"


def app_balance(wage: int) -> str:
    """The balance the page shows first (the average platform scenario over years 1-6)."""
    results = evaluate(load_scenario(CORRECTED, [f"hourly_wage={wage}"]).scenario)
    return money(float(results.total("average", "balance", 1, 6)), "en")


def samples(
    browser: Browser, port: int, count: int, first: str, shown_for: Callable[[int], str]
) -> tuple[list[float], list[float]]:
    """Seconds of each page load (until `first` is shown) and each edit (until the figure
    for the new wage is shown)."""
    loads, edits = [], []
    for number in range(count):
        context = browser.new_context(viewport={"width": 1400, "height": 1600})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_function(shows(first), timeout=WAIT_MS, polling=POLL_MS)
        loads.append(time.perf_counter() - start)
        wage = 81 + number
        field = page.get_by_label(WAGE_LABEL, exact=True)
        field.fill(str(wage))
        start = time.perf_counter()
        field.press("Enter")
        page.wait_for_function(shows(shown_for(wage)), timeout=WAIT_MS, polling=POLL_MS)
        edits.append(time.perf_counter() - start)
        context.close()
    return loads, edits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=5, help="page loads (and edits)")
    count = parser.parse_args().samples
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            with tempfile.TemporaryDirectory() as folder:
                floor_app = Path(folder) / "floor_app.py"
                floor_app.write_text(FLOOR_APP, encoding="utf-8")
                with streamlit_server(floor_app) as port:
                    samples(browser, port, 1, "Hourly wage", str)  # warm the server
                    floor_loads, floor_edits = samples(browser, port, count, "75", str)
            with streamlit_server(SERVED_APP) as port:
                samples(browser, port, 1, "€99,494.00", app_balance)  # warm the server
                loads, edits = samples(browser, port, count, "€99,494.00", app_balance)
        finally:
            browser.close()
    print(line("floor: page load, one input and a figure", floor_loads, "s", None))
    print(line("app: page load until the first figures", loads, "s", floor_loads))
    print(line("floor: edit until the figure is shown", floor_edits, "ms", None))
    print(line("app: wage edit until the new balance is shown", edits, "ms", floor_edits))
    print("goal: page load under 2 s; an edit under 250 ms in the browser")


if __name__ == "__main__":
    main()
