"""The data the Uncertainty tab's charts draw, checked against the engine's seeded run and
tornado (AppTest cannot look inside a plotly figure), and the words and values of goal seek."""

from __future__ import annotations

import numpy as np
import pytest

from businesscase.analytics.goal_seek import GoalSeek
from businesscase.analytics.sensitivity import tornado
from businesscase.analytics.simulation import Simulation, simulate
from businesscase.engine import Results, evaluate
from businesscase.report.tidy import to_cents
from businesscase.scenario.loading import LoadedScenario, load_scenario
from dashboard.goal_seek_view import answer_text, typed_value
from dashboard.i18n import owned_label, percent
from dashboard.sources import FILE, evaluate_choice
from dashboard.uncertainty_charts import (
    fan,
    fan_figure,
    spread,
    spread_figure,
    tornado_figure,
    tornado_rows,
)
from dashboard.uncertainty_view import parameter_names, range_texts
from tests.conftest import SCENARIOS

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
NEW = "New platform (fictitious)"
EFFICIENCY = (
    ("courses", "ass_jv", "online_efficiency"),
    ("courses", "ass_ov", "online_efficiency"),
)


@pytest.fixture(scope="module")
def ranges() -> LoadedScenario:
    return load_scenario(RANGES)


@pytest.fixture(scope="module")
def results(ranges: LoadedScenario) -> Results:
    return evaluate(ranges.scenario)


@pytest.fixture(scope="module")
def simulation(ranges: LoadedScenario) -> Simulation:
    """The app's default run: 10,000 draws, seed 1."""
    return simulate(ranges.scenario, 10_000, 1)


def test_the_fan_draws_the_p10_p50_p90_of_the_cumulative_balance_and_the_case_as_written(
    simulation: Simulation, results: Results
) -> None:
    data = fan(simulation, results, "average")
    assert data.p50 == [-41073.43, -20233.4, -4503.63, 29228.3, 62875.64, 96481.93]
    assert data.p10[-1] == 73524.3 and data.p90[2] == 6715.0
    assert data.as_written[-1] == 99494.0  # the balance years 1-6 as written
    band_top, band_bottom, median, written = fan_figure(data, "en").data
    assert list(band_top.y) == data.p90 and list(band_bottom.y) == data.p10
    assert band_bottom.fill == "tonexty"  # the band is filled between P10 and P90
    assert list(median.y) == data.p50 and median.name == "P50 (median)"
    assert list(written.y) == data.as_written
    assert fan_figure(data, "nl").layout.shapes[0].y0 == 0  # the zero line


def test_the_spread_counts_every_draw_once_and_marks_the_engines_percentiles(
    simulation: Simulation,
) -> None:
    data = spread(simulation, "new-platform")
    balance = simulation.platforms["new-platform"].balance_total
    assert sum(data.counts) == 10_000
    assert len(data.counts) == 40 and len(data.edges) == 41
    assert (data.edges[0], data.edges[-1]) == (balance.min(), balance.max())
    assert data.quantiles == (35901.6, 61198.83, 84448.47)
    assert data.total_years == (1, 6)
    figure = spread_figure(data, "en")
    assert list(figure.data[0].y) == data.counts
    assert [shape.x0 for shape in figure.layout.shapes] == list(data.quantiles)


def test_the_tornado_puts_the_widest_swing_on_top_and_reaches_the_engines_balances(
    ranges: LoadedScenario,
) -> None:
    current = evaluate_choice(FILE + RANGES.name, {})
    chart = tornado(ranges.scenario)["new-platform"]
    rows = tornado_rows(chart, parameter_names(current, "en"), range_texts(current, chart, "en"))
    assert rows[0].name == "Development, New platform (fictitious)"
    assert rows[0].range_text == "€70,000.00 to €120,000.00"
    assert (rows[0].balance_at_low, rows[0].balance_at_high) == (77498.0, 27498.0)
    assert rows[1].range_text == "25% to 50%"
    assert [row.name for row in rows[-2:]] == [
        "New groups per year, Ass JV (assertiveness, young women)",
        "Licence per client per year, New platform (fictitious)",
    ]
    figure = tornado_figure(rows, chart.base_balance, chart.total_years, NEW, "en")
    low, high = figure.data
    assert figure.layout.yaxis.autorange == "reversed"  # the first row, the widest, on top
    assert low.y[0].startswith("<b>Development, New platform (fictitious)</b>")
    assert low.base == chart.base_balance and to_cents(low.base) == 67498.0
    assert [to_cents(low.base + x) for x in low.x] == [r.balance_at_low for r in rows]
    assert [to_cents(high.base + x) for x in high.x] == [r.balance_at_high for r in rows]
    assert to_cents(figure.layout.shapes[0].x0) == 67498.0  # the balance as written


def test_shares_are_shown_as_percentages_halves_away_from_zero() -> None:
    assert percent(0.9965, "en") == "99.7%"  # Babel alone would round to even: 99.6%
    assert percent(0.31, "nl") == "31,0%"
    assert percent(0.6023416, "en", 2) == "60.23%"


def test_an_inputs_label_names_its_course_or_platform() -> None:
    current = evaluate_choice(FILE + RANGES.name, {})
    entries = {entry.key: entry for entry in current.entries}
    scenario = current.loaded.scenario
    shown = [
        owned_label(entries[key], scenario, "nl")
        for key in ("hourly_wage", "courses.ass_ov.growth.groups_per_year")
    ]
    assert shown == ["Uurloon", "Nieuwe groepen per jaar, Ass OV (assertiveness, older women)"]


def answer(value: float | None, best: float) -> GoalSeek:
    return GoalSeek(EFFICIENCY, "new-platform", 3, 0.25, 0.5, 0.4, value, best, "")


def test_goal_seek_says_the_value_found_or_why_there_is_none() -> None:
    names = ["efficiency JV", "efficiency OV"]
    assert answer_text(answer(0.6023416, 0.0), names, NEW, "%", "en") == (
        "New platform (fictitious) breaks even by year 3 when efficiency JV and efficiency OV "
        "is 60.23% (now 40.00%); its cumulative balance in year 3 is then €0.00."
    )
    assert answer_text(answer(None, -12281.0), names, NEW, "%", "nl") == (
        "Geen waarde van efficiency JV en efficiency OV van 25,00% tot 50,00% laat New platform "
        "(fictitious) zich uiterlijk in jaar 3 terugverdienen; het beste cumulatief saldo is dan "
        "€\xa0-12.281,00."
    )
    assert answer_text(answer(None, 10.0), names[:1], NEW, "%", "en") == (
        "New platform (fictitious) breaks even by year 3 for every value of efficiency JV from "
        "25.00% to 50.00%."
    )


def test_the_applied_value_is_rounded_to_the_side_where_break_even_holds() -> None:
    assert typed_value(0.6023416, "%", lambda v: v >= 0.6023416) == 0.6024
    assert typed_value(0.6023416, "%", lambda v: v <= 0.6023416) == 0.6023
    assert typed_value(73_512.3456, "EUR", lambda v: v <= 73_512.3456) == 73_512.34
    assert typed_value(0.6023416, "%", lambda v: np.isclose(v, 0.6023416)) == 0.6023416
    assert typed_value(0.6023416, "%", lambda v: False) is None
