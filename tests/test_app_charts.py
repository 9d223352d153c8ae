"""The data the app's charts draw, checked against the published sheet and the engine (AppTest
cannot look inside a plotly figure, so the figures are built by functions called here)."""

from __future__ import annotations

from businesscase.engine import Results
from businesscase.report.tidy import to_cents
from dashboard.charts import (
    LEGEND_WIDTH,
    break_even_points,
    cumulative_figure,
    cumulative_series,
    legend_text,
    savings_costs_figure,
    savings_costs_series,
    savings_line_series,
    savings_lines_figure,
)

AVERAGE = "Average of Hulp Online with development and new platform"


def test_the_cumulative_chart_draws_the_published_cumulative_balance(
    published_results: Results,
) -> None:
    series = {s.name: s.values for s in cumulative_series(published_results, "en")}
    assert series[AVERAGE] == [-39831.5, -19663.0, 24.5, 36981.0, 73937.5, 110894.0]
    figure = cumulative_figure(published_results, "en")
    assert list(figure.data[0].y) == series[AVERAGE]
    assert figure.layout.shapes[0].y0 == 0  # the zero line


def test_the_stars_mark_each_break_even_year_at_its_cumulative_balance(
    published_results: Results,
) -> None:
    points = {p.name: (p.year, p.cumulative) for p in break_even_points(published_results, "en")}
    assert points[AVERAGE] == (3, 24.5)
    assert points["New platform (fictitious)"] == (4, 10212.0)
    assert points["Kwadraad Hulp Online, existing, no development"] == (1, 21263.33)
    stars = cumulative_figure(published_results, "en").data[-1]
    assert stars.name == "break-even"
    assert list(stars.x) == [3, 2, 4, 1]


def test_the_dutch_charts_name_each_platform_scenario_in_dutch(
    published_results: Results,
) -> None:
    series = {s.name: s.values for s in cumulative_series(published_results, "nl")}
    average = "Gemiddelde van Hulp Online met ontwikkeling en nieuw platform"
    assert series[average][-1] == 110894.0
    points = {p.name: p.year for p in break_even_points(published_results, "nl")}
    assert points["Nieuw platform (fictief)"] == 4
    assert points["Kwadraad Hulp Online, bestaand, zonder ontwikkeling"] == 1
    costs = savings_costs_series(published_results, "nl")
    assert costs[1].name == f"Kosten: {average}"
    assert costs[1].values[:2] == [79011.5, 19011.5]


def test_savings_against_costs_draws_the_savings_then_each_platforms_costs(
    published_results: Results,
) -> None:
    series = savings_costs_series(published_results, "en")
    assert series[0].name == "Savings"
    assert series[0].values[:3] == [39180.0, 39180.0, 69180.0]
    assert series[1].name == f"Costs: {AVERAGE}"
    assert series[1].values[:2] == [79011.5, 19011.5]
    figure = savings_costs_figure(published_results, "en")
    assert [list(trace.y) for trace in figure.data] == [s.values for s in series]
    assert figure.layout.barmode == "group"


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
    for year in range(6):  # the stack's height is the engine's total, to the cent
        stacked = sum(s.values[year] for s in series)
        assert to_cents(stacked) == to_cents(published_results.line("savings")[year])
    figure = savings_lines_figure(published_results, "nl")
    assert figure.layout.barmode == "relative"
    assert figure.layout.separators == ",."


def test_a_long_name_in_a_legend_is_broken_between_words_so_a_phone_shows_it_whole(
    published_results: Results,
) -> None:
    figure = savings_costs_figure(published_results, "nl")
    assert figure.data[1].name == (
        "Kosten: Gemiddelde van Hulp Online met<br>ontwikkeling en nieuw platform"
    )
    assert all(len(line) <= LEGEND_WIDTH for t in figure.data for line in t.name.split("<br>"))
    assert legend_text("Besparingen") == "Besparingen"
