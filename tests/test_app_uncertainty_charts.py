"""The data the Uncertainty tab's charts draw, checked against the engine's seeded run and
tornado (AppTest cannot look inside a plotly figure), and the words and values of goal seek: the
engine's verified answer, which the app applies as it is."""

from __future__ import annotations

import numpy as np
import pytest

from businesscase import DEFAULT_DRAWS, DEFAULT_SEED
from businesscase.analytics.goal_seek import GoalSeek, default_bounds, solve
from businesscase.analytics.sensitivity import tornado
from businesscase.analytics.simulation import QUANTILES, Simulation, simulate
from businesscase.engine import Results, evaluate
from businesscase.model.errors import KeyPath
from businesscase.report.tidy import to_cents
from businesscase.scenario.loading import LoadedScenario, load_scenario
from dashboard.edits import changes, everywhere
from dashboard.goal_seek_view import answer_text, value_text
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
from tests.conftest import CORRECTED, SCENARIOS

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
NEW = "New platform (fictitious)"
EFFICIENCY: tuple[KeyPath, ...] = (
    ("courses", "ass_jv", "online_efficiency"),
    ("courses", "ass_ov", "online_efficiency"),
)
DEVELOPMENT: tuple[KeyPath, ...] = (("platforms", "new-platform", "development_cost"),)


@pytest.fixture(scope="module")
def ranges() -> LoadedScenario:
    return load_scenario(RANGES)


@pytest.fixture(scope="module")
def results(ranges: LoadedScenario) -> Results:
    return evaluate(ranges.scenario)


@pytest.fixture(scope="module")
def simulation(ranges: LoadedScenario) -> Simulation:
    """The app's default run (10,000 draws, seed 1)."""
    assert (DEFAULT_DRAWS, DEFAULT_SEED) == (10_000, 1)
    return simulate(ranges.scenario, DEFAULT_DRAWS, DEFAULT_SEED)


def cents_per_year(values: np.ndarray) -> list[float]:
    return [to_cents(float(v)) for v in values]


def test_the_fan_draws_the_p10_p50_p90_of_the_cumulative_balance_and_the_case_as_written(
    simulation: Simulation, results: Results
) -> None:
    data = fan(simulation, results, "average", "en")
    cumulative = simulation.platforms["average"].cumulative  # (draws, years)
    p10, p50, p90 = (
        cents_per_year(np.quantile(cumulative, q, axis=0)) for q in QUANTILES
    )  # the engine's draws, per year
    assert (data.p10, data.p50, data.p90) == (p10, p50, p90)
    assert data.p50[2] == -4492.09  # year 3, as the engine's run gives it
    assert data.p50[-1] == to_cents(simulation.platforms["average"].balance_quantiles()[1])
    assert data.as_written == cents_per_year(results.platform_line("average", "cumulative"))
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
    data = spread(simulation, "new-platform", "en")
    balance = simulation.platforms["new-platform"].balance_total
    assert sum(data.counts) == 10_000
    assert len(data.counts) == 40 and len(data.edges) == 41
    assert (data.edges[0], data.edges[-1]) == (balance.min(), balance.max())
    assert data.quantiles == tuple(to_cents(float(np.quantile(balance, q))) for q in QUANTILES)
    assert data.quantiles == (34528.93, 60958.75, 85791.5)  # as the engine's run gives them
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
    assert shown == [
        "Uurloon",
        "Nieuwe groepen per jaar, Ass OV (assertiviteitstraining oudere vrouwen)",
    ]


def seek(
    scenario: LoadedScenario,
    paths: tuple[KeyPath, ...],
    by_year: int,
    bounds: tuple[float, float] | None = None,
) -> GoalSeek:
    """The engine's answer for the new platform, as the app asks it (one value in every year),
    within the inputs' default bounds unless given."""
    found = bounds or default_bounds(scenario.scenario, paths)
    return solve(scenario.scenario, paths, "new-platform", by_year, found, every_year=True)


def test_goal_seek_says_the_engines_value_with_its_side_or_why_there_is_none(
    ranges: LoadedScenario,
) -> None:
    names = ["efficiency JV", "efficiency OV"]
    widened = seek(ranges, EFFICIENCY, 3, (0.25, 1.0))
    assert (widened.value, widened.side, to_cents(widened.best_cumulative)) == (
        0.6024,
        "at least",
        7.0,
    )  # the engine: at 60.23% the cumulative balance in year 3 is -5.00
    assert answer_text(widened, names, NEW, "%", "en") == (
        "New platform (fictitious) breaks even by year 3 when efficiency JV and efficiency OV "
        "is at least 60.24% (now 40.00%); its cumulative balance in year 3 is then €7.00."
    )
    assert answer_text(widened, names, NEW, "%", "nl") == (
        "New platform (fictitious) verdient zich uiterlijk in jaar 3 terug als efficiency JV en "
        "efficiency OV minstens 60,24% is (nu 40,00%); het cumulatief saldo in jaar 3 is dan "
        "€\xa07,00."
    )
    cost = seek(ranges, DEVELOPMENT, 4)
    assert (cost.value, cost.side) == (86_312.0, "at most")
    assert "when development is at most €86,312.00 (now €80,000.00)" in answer_text(
        cost, ["development"], NEW, "EUR", "en"
    )
    assert "als ontwikkeling hoogstens €\xa086.312,00 is" in answer_text(
        cost, ["ontwikkeling"], NEW, "EUR", "nl"
    )
    never = seek(ranges, EFFICIENCY, 3)
    assert (never.value, to_cents(never.best_cumulative)) == (None, -12281.0)
    assert answer_text(never, names, NEW, "%", "nl") == (
        "Geen waarde van efficiency JV en efficiency OV van 25,00% tot 50,00% laat New platform "
        "(fictitious) zich uiterlijk in jaar 3 terugverdienen; het beste cumulatief saldo is dan "
        "€\xa0-12.281,00."
    )
    always = seek(ranges, EFFICIENCY[:1], 5)
    assert always.value is None and always.best_cumulative >= 0
    assert answer_text(always, names[:1], NEW, "%", "en") == (
        "New platform (fictitious) breaks even by year 5 for every value of efficiency JV from "
        "25.00% to 50.00%."
    )


def test_the_applied_value_is_the_engines_and_breaks_even_by_the_year_in_the_app() -> None:
    choice = FILE + CORRECTED.name
    current = evaluate_choice(choice, {})
    answer = seek(current.loaded, EFFICIENCY, 3)
    assert answer.value is not None and answer.neighbour is not None
    assert value_text(answer.value, "%", "en") == "60.24%"  # the button's words: the value itself
    entries = [e for e in current.entries if e.path in EFFICIENCY]

    def break_even_year(value: float) -> int | None:
        """The break-even year of the new platform as the app evaluates its edit of `value`."""
        edited = evaluate_choice(choice, {}, changes(everywhere({}, entries, value)))
        return edited.results.break_even_year("new-platform")

    assert current.results.break_even_year("new-platform") == 4
    assert break_even_year(answer.value) == 3
    assert answer.neighbour == round(answer.value - answer.step, 4)  # 60.23%: one step less
    assert break_even_year(answer.neighbour) == 4
