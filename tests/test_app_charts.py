"""The app's charts: the data they draw, checked against the published sheet and the engine, and
the SVG drawn from it (the images' `data:` URIs decoded and parsed as XML): a mark per figure
with its tooltip, the stars at break-even, bars in group order, stacks that add up to the
engine's savings, the zero line at € 0; a zone over each year with every figure of that year as
its tooltip; and every text of a scenario escaped so that HTML reads none of it."""

from __future__ import annotations

import base64
import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from businesscase.engine import Results, evaluate
from businesscase.report.tidy import to_cents
from businesscase.scenario.loading import load_scenario_bytes
from dashboard import svg_chart
from dashboard.charts import (
    PALETTE,
    break_even_points,
    cumulative_chart,
    cumulative_series,
    savings_costs_chart,
    savings_costs_series,
    savings_line_series,
    savings_lines_chart,
)
from dashboard.i18n import money
from dashboard.parties_view import PARTY_COLOURS, money_bars, parties_chart
from dashboard.svg_chart import NARROW, Drawn
from tests.conftest import ROOT, SCENARIOS

AVERAGE = "Average of Hulp Online with development and new platform"
AVERAGE_NL = "Gemiddelde van Hulp Online met ontwikkeling en nieuw platform"
NBSP = "\N{NO-BREAK SPACE}"
HOSTILE = '*bold* _it_ # hash `code` <script>alert(1)</script> & :red[x] $x$ " onmouseover="x'


SVG_URI = "data:image/svg+xml;base64,"


def svg_of(image: ET.Element) -> ET.Element:
    """The SVG an image shows (its `data:` URI), with tags without their namespace."""
    source = image.get("src", "")
    assert source.startswith(SVG_URI), source[:40]
    return parsed(base64.b64decode(source.removeprefix(SVG_URI)).decode())


def parsed(svg: str) -> ET.Element:
    """An SVG document parsed, its tags without their namespace."""
    root = ET.fromstring(svg)
    for element in root.iter():
        element.tag = element.tag.removeprefix("{http://www.w3.org/2000/svg}")
    return root


def drawings(markup: str) -> list[ET.Element]:
    """The drawings of a chart's markup, which must be well-formed XML: its images' SVG."""
    root = ET.fromstring(markup)
    return [svg_of(image) for image in root.iter("img") if image.get("class") == "bc-plot"]


def zones(markup: str) -> list[list[tuple[str, ...]]]:
    """Per drawing the zones over it: each its tooltip's lines, then its left, width, top and
    height (percentages of the drawing)."""
    found = []
    for drawing in ET.fromstring(markup).iter("div"):
        if "bc-drawing" in drawing.get("class", ""):
            spans = [span for span in drawing if span.get("class") == "bc-zone"]
            found.append([zone_of(span) for span in spans])
    return found


def zone_of(span: ET.Element) -> tuple[str, ...]:
    style = dict(part.split(":") for part in span.get("style", "").split(";"))
    box = (style["left"], style["width"], style["top"], style["height"])
    return (*span.get("title", "").split("\n"), *box)


def tooltips(svg: ET.Element, tag: str) -> dict[str, ET.Element]:
    """The marks of a kind (`circle`, `rect`, `path`) by their tooltip's text."""
    return {
        title.text or "": mark
        for mark in svg.iter(tag)
        if (title := mark.find("title")) is not None
    }


def euros_to_y(svg: ET.Element) -> Callable[[float], float]:
    """The drawing's y-axis read from its grid: each grid line is followed by its tick label."""
    children = list(svg)
    ticks = [
        (float(re.sub(r"[^\d-]", "", label.text or "")), float(line.get("y1", "")))
        for line, label in itertools.pairwise(children)
        if line.tag == "line" and line.get("class") is None and label.tag == "text"
    ]
    (low, low_y), (high, high_y) = ticks[0], ticks[-1]
    return lambda value: low_y + (value - low) / (high - low) * (high_y - low_y)


def star_centre(star: ET.Element) -> tuple[float, float]:
    """A star's centre: its path starts at its top point, `STAR` above the centre."""
    start = re.match(r"M([-\d.]+),([-\d.]+)", star.get("d", ""))
    assert start is not None
    return float(start[1]), float(start[2]) + svg_chart.STAR


def test_the_cumulative_chart_draws_the_published_cumulative_balance(
    published_results: Results,
) -> None:
    series = {s.name: s.values for s in cumulative_series(published_results, "en")}
    assert series[AVERAGE] == [-39831.5, -19663.0, 24.5, 36981.0, 73937.5, 110894.0]
    wide, narrow = drawings(cumulative_chart(published_results, "en"))
    for svg in (wide, narrow):
        y = euros_to_y(svg)
        dots = tooltips(svg, "circle")
        for name, values in series.items():
            for year, value in enumerate(values, start=1):
                dot = dots[f"Year {year} · {name}: {money(value, 'en')}"]
                assert float(dot.get("cy", "")) == pytest.approx(y(value), abs=0.01)
        assert f"Year 3 · {AVERAGE}: €24.50" in dots
        assert f"Year 1 · {AVERAGE}: -€39,831.50" in dots  # below zero, early on
        zero = svg.find("line[@class='bc-zero']")
        assert zero is not None
        assert float(zero.get("y1", "")) == pytest.approx(y(0.0), abs=0.01)  # the zero line


def test_the_dutch_chart_writes_euros_and_years_in_dutch(published_results: Results) -> None:
    _, narrow = drawings(cumulative_chart(published_results, "nl"))
    assert f"Jaar 3 · {AVERAGE_NL}: €{NBSP}24,50" in tooltips(narrow, "circle")
    labels = [label.text for label in narrow.iter("text")]
    ticks = ["-100.000", "-50.000", "0", "50.000", "100.000", "150.000", "200.000"]
    assert labels[:7] == [f"€{NBSP}{tick}" for tick in ticks]  # whole euros, as money writes
    assert labels[-1] == "Jaar"  # the x-axis's title, after the years


def test_the_stars_mark_each_break_even_year_at_its_cumulative_balance(
    published_results: Results,
) -> None:
    points = {p.name: (p.year, p.cumulative) for p in break_even_points(published_results, "en")}
    assert points[AVERAGE] == (3, 24.5)
    assert points["New platform (fictitious)"] == (4, 10212.0)
    assert points["Kwadraad Hulp Online, existing, no development"] == (1, 21263.33)
    markup = cumulative_chart(published_results, "en")
    for svg in drawings(markup):
        stars = tooltips(svg, "path")
        assert [tip.split(" · ")[0] for tip in stars] == ["Year 3", "Year 2", "Year 4", "Year 1"]
        star = stars[f"Year 3 · {AVERAGE}: €24.50 (break-even)"]
        dot = tooltips(svg, "circle")[f"Year 3 · {AVERAGE}: €24.50"]
        assert star_centre(star) == pytest.approx(
            (float(dot.get("cx", "")), float(dot.get("cy", ""))), abs=0.02
        )
    legend = ET.fromstring(markup).find(".//div[@class='bc-legend']")
    assert legend is not None
    assert [key.findtext("span") for key in legend] == [*points, "break-even"]
    keys = [key.find("i") for key in legend]
    assert [key.get("class") for key in keys if key is not None] == [
        "bc-key bc-key-dashed",  # the average, first as in the published sheet
        *["bc-key bc-key-line"] * 3,
        "bc-key bc-key-star",
    ]
    assert legend[-1].findtext("i") == "\u2605"  # the star, in the page's text colour


def test_the_dutch_charts_name_each_platform_scenario_in_dutch(
    published_results: Results,
) -> None:
    series = {s.name: s.values for s in cumulative_series(published_results, "nl")}
    assert series[AVERAGE_NL][-1] == 110894.0
    points = {p.name: p.year for p in break_even_points(published_results, "nl")}
    assert points["Nieuw platform (fictief)"] == 4
    assert points["Kwadraad Hulp Online, bestaand, zonder ontwikkeling"] == 1
    costs = savings_costs_series(published_results, "nl")
    assert costs[1].name == f"Kosten: {AVERAGE_NL}"
    assert costs[1].values[:2] == [79011.5, 19011.5]


def test_savings_against_costs_draws_the_savings_then_each_platforms_costs(
    published_results: Results,
) -> None:
    series = savings_costs_series(published_results, "en")
    assert series[0].name == "Savings"
    assert series[0].values[:3] == [39180.0, 39180.0, 69180.0]
    assert series[1].name == f"Costs: {AVERAGE}"
    assert series[1].values[:2] == [79011.5, 19011.5]
    (svg,) = drawings(savings_costs_chart(published_results, "en"))
    bars, y = tooltips(svg, "rect"), euros_to_y(svg)
    for year in range(1, 7):
        group = [bars[f"Year {year} · {s.name}: {money(s.values[year - 1], 'en')}"] for s in series]
        lefts = [float(bar.get("x", "")) for bar in group]
        assert lefts == sorted(lefts)  # side by side, in the series' order
        for bar, s in zip(group, series, strict=True):
            assert float(bar.get("y", "")) == pytest.approx(y(s.values[year - 1]), abs=0.01)
            assert float(bar.get("y", "")) + float(bar.get("height", "")) == pytest.approx(
                y(0.0), abs=0.02
            )
    assert bars["Year 1 · Savings: €39,180.00"].get("fill") == "#37474f"
    assert bars[f"Year 1 · Costs: {AVERAGE}: €79,011.50"].get("fill") == PALETTE[0]


def test_savings_by_line_stack_to_the_engines_savings(published_results: Results) -> None:
    series = savings_line_series(published_results, "nl")
    assert [s.name for s in series] == [
        "Besparing door efficiëntie online contact",
        "Besparing door minder inplanwerkzaamheden van online sessies",
        "Besparing door tijdswinst omdat informatie ook online beschikbaar is",
        "Besparing door terugverwijzen naar cursus in vervolgtraject",
        "Besparing door groei in aantal cursussen",
    ]
    assert series[-1].values == [0.0, 0.0, 21600.0, 21600.0, 21600.0, 21600.0]
    (svg,) = drawings(savings_lines_chart(published_results, "nl"))
    bars, y = tooltips(svg, "rect"), euros_to_y(svg)
    for year in range(1, 7):  # the stack's height is the engine's total, to the cent
        stacked = sum(s.values[year - 1] for s in series)
        assert to_cents(stacked) == to_cents(published_results.line("savings")[year - 1])
        parts = [bars[f"Jaar {year} · {s.name}: {money(s.values[year - 1], 'nl')}"] for s in series]
        top = min(float(part.get("y", "")) for part in parts)
        assert top == pytest.approx(y(stacked), abs=0.02)
        height = sum(float(part.get("height", "")) for part in parts)
        assert height == pytest.approx(y(0.0) - y(stacked), abs=0.05)


def test_a_negative_part_of_a_stack_is_drawn_below_zero() -> None:
    series = [Drawn("A", [10.0, -5.0], "#111111"), Drawn("B", [5.0, 5.0], "#222222")]
    root = parsed(svg_chart.bar_chart(NARROW, series, True, "Stack", "en").svg)
    bars, y = tooltips(root, "rect"), euros_to_y(root)
    below, above = bars["Year 2 · A: -€5.00"], bars["Year 2 · B: €5.00"]
    assert float(below.get("y", "")) == pytest.approx(y(0.0), abs=0.01)
    assert float(below.get("height", "")) == pytest.approx(y(-5.0) - y(0.0), abs=0.01)
    assert float(above.get("y", "")) == pytest.approx(y(5.0), abs=0.01)
    assert float(bars["Year 1 · B: €5.00"].get("y", "")) == pytest.approx(y(15.0), abs=0.01)


def test_who_pays_draws_a_bar_per_party_from_zero(published_results: Results) -> None:
    bars = money_bars(published_results, "average", "en")
    assert [(b.name, b.total) for b in bars] == [("Organisation", -85996.0), ("Funder", 0.0)]
    markup = parties_chart(bars, "Who pays", "en")
    for svg in drawings(markup):
        marks = tooltips(svg, "rect")
        zero = svg.find("line[@class='bc-zero']")
        assert zero is not None
        at_zero = float(zero.get("x1", ""))
        organisation, funder = marks["Organisation: -€85,996.00"], marks["Funder: €0.00"]
        left, width = float(organisation.get("x", "")), float(organisation.get("width", ""))
        assert left + width == pytest.approx(at_zero, abs=0.01)  # to the left of zero
        assert width > svg_chart.NARROW.width / 4
        assert float(funder.get("width", "")) == 0.0
        assert organisation.get("fill") == PARTY_COLOURS["organisation"]
        assert "-€85,996.00" in [label.text for label in svg.iter("text")]


def test_every_chart_is_named_for_screen_readers_and_drawn_to_fit_its_column(
    published_results: Results,
) -> None:
    charts = {
        "Cumulative balance per platform scenario": cumulative_chart(published_results, "en"),
        "Savings against costs per year": savings_costs_chart(published_results, "en"),
        "Savings by line": savings_lines_chart(published_results, "en"),
    }
    for title, markup in charts.items():
        root = ET.fromstring(markup)
        assert root.findtext("div[@class='bc-title']") == title
        assert "@container" in (root.findtext("style") or "")  # the wide or the narrow drawing
        assert {image.get("alt") for image in root.iter("img") if image.get("class")} == {title}
        for svg in drawings(markup):
            assert (svg.get("role"), svg.get("aria-label")) == ("img", title)
            assert svg.get("viewBox", "").startswith("0 0 ")
            rules = svg.findtext("style") or ""  # labels' size by the drawing's own width
            assert "svg{font-size:" in rules and "@media (min-width:" in rules
            assert "@media (prefers-color-scheme:dark){svg{color:#FAFAFA}}" in rules
    wide, narrow = drawings(charts["Cumulative balance per platform scenario"])
    assert wide.get("class") == "bc-plot bc-wide"  # for a wide column
    assert narrow.get("class") == "bc-plot bc-narrow"  # for a phone
    assert len(drawings(charts["Savings by line"])) == 1


def test_two_charts_side_by_side_are_one_block_that_stacks_them_in_a_narrow_column(
    published_results: Results,
) -> None:
    left, right = (
        savings_costs_chart(published_results, "nl"),
        savings_lines_chart(published_results, "nl"),
    )
    markup = svg_chart.side_by_side(left, right)
    assert "\n" not in markup  # one line
    root = ET.fromstring(markup)
    assert root.get("class") == "bc-pair"
    assert [ET.tostring(chart, encoding="unicode") for chart in root.findall("div")] == [
        ET.tostring(ET.fromstring(chart), encoding="unicode") for chart in (left, right)
    ]
    rule = root.findtext("style") or ""  # a column each from 2 x 290 px, else one under the other
    assert "grid-template-columns:repeat(auto-fit,minmax(min(100%,290px),1fr))" in rule


def test_a_zone_over_each_year_lists_every_figure_of_that_year_and_its_break_even(
    published_results: Results,
) -> None:
    wide, narrow = zones(cumulative_chart(published_results, "en"))
    assert len(wide) == len(narrow) == 6
    third = wide[2]
    assert third[0] == "Year 3"
    assert f"{AVERAGE}: €24.50" in third
    assert f"{AVERAGE}: break-even" in third  # the star's note
    assert "New platform (fictitious): break-even" not in third  # that one breaks even in 4
    assert "New platform (fictitious): break-even" in wide[3]
    values = [v for s in cumulative_series(published_results, "en") for v in s.values]
    plot = svg_chart.year_plot(svg_chart.WIDE, 6, values, "en")  # as the chart drew it
    boxes = [[float(edge.removesuffix("%")) for edge in zone[-4:]] for zone in wide]
    band, width = 100 * plot.band / svg_chart.WIDE.width, svg_chart.WIDE.width
    top, height = (100 * y / svg_chart.WIDE.height for y in (plot.top, plot.bottom - plot.top))
    for year, (left, across, down, tall) in enumerate(boxes):  # each over its year's band
        assert left == pytest.approx(100 * plot.left / width + year * band, abs=0.002)
        assert (across, down, tall) == pytest.approx((band, top, height), abs=0.002)
    (bars,) = zones(savings_costs_chart(published_results, "nl"))
    assert bars[0][:2] == ("Jaar 1", f"Besparingen: €{NBSP}39.180,00")
    who = zones(parties_chart(money_bars(published_results, "average", "en"), "Who", "en"))
    assert [zone[0] for zone in who[0]] == ["Organisation: -€85,996.00", "Funder: €0.00"]
    rows = [[float(edge.removesuffix("%")) for edge in zone[-4:]] for zone in who[0]]
    assert rows == [[0.0, 100.0, 0.0, 50.0], [0.0, 100.0, 50.0, 50.0]]  # a row per bar, across


def test_ticks_are_round_whole_euros_that_include_zero() -> None:
    assert svg_chart.nice_ticks(-39831.5, 110894.0) == [
        -50000.0,
        0.0,
        50000.0,
        100000.0,
        150000.0,
    ]
    assert svg_chart.nice_ticks(0.0, 69180.0) == [0.0, 20000.0, 40000.0, 60000.0, 80000.0]
    assert svg_chart.nice_ticks(0.0, 0.0) == [0.0, 1.0]
    assert svg_chart.nice_ticks(0.0, 3.0) == [0.0, 1.0, 2.0, 3.0]
    assert svg_chart.whole_euros(40000.0, "nl") == f"€{NBSP}40.000"
    assert svg_chart.whole_euros(-20000.0, "nl") == f"€{NBSP}-20.000"
    assert svg_chart.whole_euros(-20000.0, "en") == "-€20,000"


def test_a_platform_name_from_an_upload_shows_literally_never_as_markdown_or_html() -> None:
    upload = (
        "extends: kwadraad-2013-published.yaml\n"
        f"platforms:\n  new-platform:\n    name: '{HOSTILE}\n\n    on two lines'\n"
    ).encode()
    results = evaluate(load_scenario_bytes(upload, "hostile.yaml", SCENARIOS).scenario)
    name = f"{HOSTILE} on two lines"  # YAML folds the line break; no blank line reaches markup
    markups = [
        cumulative_chart(results, "en"),
        savings_costs_chart(results, "en"),
        parties_chart(money_bars(results, "new-platform", "en"), HOSTILE, "en"),
    ]
    for markup in markups:
        assert "\n" not in markup  # one line
        assert markup.startswith("<div")
        root = ET.fromstring(markup)  # well-formed: the name made no element, no attribute
        for element in [root, *drawings(markup)]:  # the page's HTML and each image's SVG
            tags = [e.tag for e in element.iter()]
            assert [tag for tag in tags if tag in ("script", "strong", "em", "code")] == []
            assert not any("onmouseover" in e.attrib for e in element.iter())
        assert "<script>" not in markup
    root = ET.fromstring(markups[0])
    assert name in [span.text for span in root.iter("span")]  # the legend, literally
    assert f"Year 4 · {name}: €10,212.00 (break-even)" in tooltips(drawings(markups[0])[0], "path")
    assert f"{name}: break-even" in zones(markups[0])[0][3]  # the zone's tooltip, literally
    assert ET.fromstring(markups[2]).findtext("div[@class='bc-title']") == HOSTILE


def test_the_results_charts_are_drawn_without_plotly() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, dashboard.charts; print('plotly' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "False"
