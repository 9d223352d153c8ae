"""No silent wrong answers from the analytics: whole-number parameters are drawn as whole numbers
(a ranged year never drops a cost), goal seek states only values that, put back into the
scenario, keep their promise (and refuses what it cannot answer), a run's memory is bounded
before anything is drawn, and shares of variance are never computed from too few draws."""

from __future__ import annotations

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from businesscase.analytics import uncertainty
from businesscase.analytics.goal_seek import GoalSeekError, default_bounds, solve
from businesscase.analytics.sensitivity import analyse, tornado, variance_shares
from businesscase.analytics.simulation import RunRefused, check_run, simulate
from businesscase.cli.main import main
from businesscase.engine import evaluate
from businesscase.model.errors import KeyPath
from businesscase.model.parameters import Scenario
from businesscase.scenario.loading import load_scenario
from dashboard import state
from dashboard.goal_seek_view import KEY_PARAMETERS, KEY_PLATFORM, KEY_YEAR
from dashboard.page import SECTION
from dashboard.sources import FILE
from excel_export import SimulationSettings, build_workbook
from tests.conftest import CORRECTED, PUBLISHED, ROOT, SCENARIOS

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
DEVELOPMENT_YEAR = "platforms.new-platform.development_year"
GROUPS = "courses.ass_jv.groups_per_year"
EFFICIENCY = ["courses.ass_jv.online_efficiency", "courses.ass_ov.online_efficiency"]


def path(key: str) -> KeyPath:
    return tuple(key.split("."))


def cumulative(file: object, changes: list[str], platform: str = "new-platform") -> np.ndarray:
    """The cumulative balance of a platform scenario, the changes put back into the file."""
    return evaluate(load_scenario(file, changes).scenario).platform_line(platform, "cumulative")  # type: ignore[arg-type]


def solve_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["solve", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# ---------------------------------------------------------------- 1. whole numbers are drawn whole


def test_a_ranged_development_year_is_drawn_as_a_whole_year_and_never_drops_the_cost() -> None:
    scenario = load_scenario(PUBLISHED, [f"{DEVELOPMENT_YEAR}={{value: 1, low: 1, high: 2}}"])
    simulation = simulate(scenario.scenario, 2_000, seed=1)
    years = simulation.parameters[path(DEVELOPMENT_YEAR)]
    assert set(np.unique(years)) == {1.0, 2.0}
    outcome = simulation.platforms["new-platform"]
    # the 80,000 of development is paid in year 1 or year 2 of every draw, never dropped
    np.testing.assert_allclose(outcome.cumulative_quantiles()[:, -1], [78_898.0] * 3)
    first_year = np.unique(np.round(outcome.cumulative[:, 0], 2))
    np.testing.assert_allclose(first_year, [-60_926.33, 19_073.67])
    assert outcome.cumulative[years == 1.0, 0] == pytest.approx(-60_926.33, abs=0.01)


def test_a_ranged_spread_of_implementation_years_draws_each_whole_year_and_keeps_the_cost() -> None:
    change = "implementation_spread_years={value: 1, low: 1, high: 5, distribution: uniform}"
    scenario = load_scenario(PUBLISHED, [change]).scenario
    simulation = simulate(scenario, 5_000, seed=1)
    spread = simulation.parameters[("implementation_spread_years",)]
    counts = {int(year): int((spread == year).sum()) for year in np.unique(spread)}
    assert set(counts) == {1, 2, 3, 4, 5}
    assert all(900 < count < 1_100 for count in counts.values())  # uniform over 5 whole years
    for platform in ("new-platform", "average"):
        last = simulation.platforms[platform].cumulative[:, -1]
        expected = evaluate(scenario).platform_line(platform, "cumulative")[-1]
        assert last.min() == last.max() == pytest.approx(expected)  # 78,898 and 110,894
    assert simulation.platforms["new-platform"].cumulative[:, -1].max() == pytest.approx(78_898)


def test_a_range_of_whole_years_has_no_share_of_variance_when_it_only_moves_a_cost_in_time() -> (
    None
):
    """Moving the development cost from year 1 to year 2 leaves the balance over years 1-6 as
    it is: the tornado's swing and the share of variance are both 0 (it was a 100% share when
    fractional years dropped the cost)."""
    for change in (
        f"{DEVELOPMENT_YEAR}={{value: 1, low: 1, high: 2}}",
        "implementation_spread_years={value: 1, low: 1, high: 5, distribution: uniform}",
    ):
        scenario = load_scenario(PUBLISHED, [change]).scenario
        bar = tornado(scenario)["new-platform"].bars[0]
        assert (bar.low, bar.high) in ((1.0, 2.0), (1.0, 5.0))
        assert bar.balance_at_low == bar.balance_at_high == pytest.approx(78_898.0)
        shares = variance_shares(simulate(scenario, 1_000, seed=3), "new-platform")
        assert list(shares.values()) == [0.0]


def test_the_workbooks_simulation_sheet_keeps_the_development_cost_of_a_ranged_year() -> None:
    loaded = load_scenario(PUBLISHED, [f"{DEVELOPMENT_YEAR}={{value: 1, low: 1, high: 2}}"])
    sheet = build_workbook([loaded], simulation=SimulationSettings(draws=500))["Simulation"]
    rows = {row[2]: row for row in sheet.iter_rows(values_only=True) if row[2]}
    for part in ("p10", "p50", "p90"):
        assert rows[f"new_platform.cumulative_{part}"][3 + 5] == pytest.approx(78_898.0)


def test_whole_number_draws_reach_low_and_high_for_every_distribution() -> None:
    for spread in ("triangular", "pert", "uniform", "normal, sd: 1"):
        change = f"{GROUPS}={{value: 8, low: 6, high: 10, distribution: {spread}}}"
        scenario = load_scenario(CORRECTED, [change]).scenario
        values = uncertainty.draw_inputs(scenario, 20_000, seed=4)[path(GROUPS)][:, 0]
        assert set(np.unique(values)) == {6.0, 7.0, 8.0, 9.0, 10.0}, spread
        assert np.mean(values) == pytest.approx(8.0, abs=0.05), spread


# ---------------------------------------------------------------- 2. goal seek keeps its promise


def test_goal_seek_states_a_whole_number_of_groups_that_put_back_breaks_even_and_one_less_does_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = solve_json(
        capsys, str(CORRECTED), "--param", GROUPS, "--platform", "new-platform", "--by-year", "3"
    )
    assert (answer["value"], answer["side"], answer["neighbour"]) == (12.0, "at least", 11.0)
    assert "is at least 12 groups (now 8)" in answer["message"]
    assert cumulative(CORRECTED, [f"{GROUPS}={answer['value']}"])[2] == pytest.approx(7_339.0)
    assert cumulative(CORRECTED, [f"{GROUPS}=11"])[2] == pytest.approx(-566.0)
    average = solve_json(
        capsys, str(CORRECTED), "--param", GROUPS, "--platform", "average", "--by-year", "3"
    )
    assert average["value"] == 9.0  # was 8.0159, and at 8 the average is at -125.50
    assert cumulative(CORRECTED, [f"{GROUPS}=9"], "average")[2] == pytest.approx(7_779.5)
    assert cumulative(CORRECTED, [f"{GROUPS}=8"], "average")[2] == pytest.approx(-125.5)


def test_goal_seek_on_the_development_year_answers_a_year_that_put_back_breaks_even(
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = solve_json(
        capsys,
        str(PUBLISHED),
        "--param",
        DEVELOPMENT_YEAR,
        "--platform",
        "new-platform",
        "--by-year",
        "3",
    )
    assert (answer["value"], answer["side"], answer["upper"]) == (2.0, "at least", 6.0)
    assert answer["best_cumulative"] == 19_073.67  # year 1, before the development is paid
    put_back = load_scenario(PUBLISHED, [f"{DEVELOPMENT_YEAR}={answer['value']:g}"]).scenario
    assert evaluate(put_back).break_even_year("new-platform") == 1
    assert evaluate(load_scenario(PUBLISHED).scenario).break_even_year("new-platform") == 4


def test_goal_seek_states_a_percentage_to_the_hundredth_that_put_back_breaks_even() -> None:
    scenario = load_scenario(CORRECTED).scenario
    answer = solve(scenario, tuple(map(path, EFFICIENCY)), "new-platform", 3, (0.0, 1.0))
    assert (answer.value, answer.side) == (0.6024, "at least")
    assert "is at least 60.24% (now 40.00%)" in answer.message
    written = [f"{key}={answer.value}" for key in EFFICIENCY]
    assert cumulative(CORRECTED, written)[2] == pytest.approx(7.0, abs=0.005)
    assert answer.best_cumulative == pytest.approx(7.0, abs=0.005)
    below = [f"{key}=60.23%" for key in EFFICIENCY]
    assert cumulative(CORRECTED, below)[2] == pytest.approx(-5.0, abs=0.005)


def test_goal_seek_says_at_most_when_lower_values_break_even_and_states_money_to_the_cent() -> None:
    scenario = load_scenario(CORRECTED).scenario
    licence = (path("platforms.new-platform.licence_per_client"),)
    answer = solve(scenario, licence, "new-platform", 4, default_bounds(scenario, licence))
    assert (answer.value, answer.side, answer.neighbour) == (40.87, "at most", 40.88)
    assert "is at most 40.87 EUR/client (now 30.00)" in answer.message
    key = "platforms.new-platform.licence_per_client"
    assert cumulative(CORRECTED, [f"{key}=40.87"])[3] >= 0
    assert cumulative(CORRECTED, [f"{key}=40.88"])[3] == pytest.approx(-8.0)
    wage = solve(scenario, (("hourly_wage",),), "new-platform", 2, (0.01, 750.0))
    assert wage.value == 130.76  # was 130.7511, not a value a wage is written in
    assert cumulative(CORRECTED, ["hourly_wage=130.76"])[1] == pytest.approx(6.13, abs=0.005)
    assert cumulative(CORRECTED, ["hourly_wage=130.75"])[1] == pytest.approx(-0.73, abs=0.005)


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        (
            ["--param", "hourly_wage", "--by-year", "2", "--high", "inf"],
            "--high: inf is not a possible value of hourly_wage: must be a finite number",
        ),
        (
            ["--param", EFFICIENCY[0], "--by-year", "3", "--high", "5"],
            f"--high: 500% is not a possible value of {EFFICIENCY[0]}: must be <= 100%",
        ),
        (
            ["--param", "hourly_wage", "--by-year", "2", "--low", "-50"],
            "--low: -50 is not a possible value of hourly_wage: must be > 0",
        ),
        (
            ["--param", GROUPS, "--by-year", "3", "--low", "2.5"],
            f"--low: 2.5 is not a possible value of {GROUPS}: must be a whole number",
        ),
        (
            ["--param", DEVELOPMENT_YEAR, "--by-year", "3", "--high", "8"],
            f"--high: 8 is not a possible value of {DEVELOPMENT_YEAR}: year 8 is beyond the "
            "horizon of 6 years",
        ),
        (
            ["--param", "courses.ass_jv.online_sessions", "--by-year", "3"],
            "courses.ass_jv.online_sessions: has values by year ({1: 3, 3: 4}); goal seek moves "
            "one value for every year",
        ),
    ],
)
def test_goal_seek_refuses_bounds_outside_the_domain_and_values_by_year_with_exit_2(
    argv: list[str], phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["solve", str(CORRECTED), "--platform", "new-platform", *argv]) == 2
    assert phrase in capsys.readouterr().err


def test_goal_seek_refuses_in_its_own_words_and_the_cli_names_its_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scenario = load_scenario(CORRECTED).scenario
    with pytest.raises(GoalSeekError) as refused:
        solve(scenario, (("hourly_wage",),), "nope", 9, (50.0, float("inf")))
    assert [about for about, _ in refused.value.refusals] == ["platform", "by_year", "high"]
    assert not any("--" in problem.message for problem in refused.value.problems)
    argv = ["--platform", "nope", "--by-year", "9", "--high", "inf"]
    assert main(["solve", str(CORRECTED), "--param", "hourly_wage", *argv]) == 2
    err = capsys.readouterr().err
    assert "--platform: unknown platform" in err and "--by-year: must be a year from 1 to 6" in err
    assert "--high: inf is not a possible value of hourly_wage" in err


def open_goal_seek(keys: list[str], platform: str, year: int) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.selectbox(key=state.CHOICE).set_value(FILE + CORRECTED.name).run()
    at.session_state[SECTION] = "Uncertainty"
    at.run()
    at.multiselect(key=KEY_PARAMETERS).set_value(keys)
    at.selectbox(key=KEY_PLATFORM).set_value(platform)
    at.selectbox(key=KEY_YEAR).set_value(year)
    return at.run()


def test_the_app_offers_and_applies_exactly_the_value_that_breaks_even() -> None:
    app = open_goal_seek(EFFICIENCY, "new-platform", 3)
    assert "is at least 60.24% (now 40.00%)" in app.success[0].value
    assert app.success[0].value.endswith("its cumulative balance in year 3 is then €7.00.")
    apply = app.button(key="goal_apply")
    assert apply.label == "Apply 60.24% as an edit"
    apply.click().run()
    edits = app.session_state[state.EDITS]
    assert [edits[key].values[0] for key in EFFICIENCY] == [0.6024, 0.6024]
    changes = [edits[key].change for key in EFFICIENCY]
    assert changes == [f"{key}=60.24%" for key in EFFICIENCY]
    assert cumulative(CORRECTED, changes)[2] == pytest.approx(7.0, abs=0.005)
    assert not app.exception


def test_the_app_offers_a_whole_number_of_groups() -> None:
    app = open_goal_seek([GROUPS], "average", 3)
    assert "is at least 9 groups (now 8 groups)" in app.success[0].value
    assert app.button(key="goal_apply").label == "Apply 9 groups as an edit"
    assert not app.exception


# ---------------------------------------------------------------- 3. memory is bounded


def long_horizon() -> Scenario:
    """50 years and 4 platform scenarios, with the ranges of the ranges file."""
    return load_scenario(RANGES, ["horizon_years=50"]).scenario


def test_a_run_that_would_keep_more_than_a_gibibyte_is_refused_before_anything_is_drawn(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_drawing(*args: object) -> None:
        raise AssertionError("drew before refusing")

    monkeypatch.setattr("businesscase.analytics.simulation.draw_inputs", no_drawing)
    with pytest.raises(RunRefused) as refused:
        simulate(long_horizon(), 2_000_000, seed=1)
    assert refused.value.message == (
        "2,000,000 draws over 50 years and 4 platform scenarios would keep 3.2 GiB of figures, "
        "more than the 1 GiB a run may hold; this scenario takes at most 630,130 draws"
    )
    check_run(630_130, 1, long_horizon())
    with pytest.raises(RunRefused, match="630,131 draws over 50 years"):
        check_run(630_131, 1, long_horizon())
    for command in ("simulate", "sensitivity"):
        argv = [command, str(RANGES), "--set", "horizon_years=50", "--draws", "2000000"]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{command}: 1 problem" in err
        assert "--draws: 2,000,000 draws over 50 years and 4 platform scenarios" in err


def test_a_long_horizon_is_simulated_in_chunks_that_equal_one_evaluation() -> None:
    scenario = long_horizon()
    simulation = simulate(scenario, 7_000, seed=5)  # 3,000 draws a chunk over 50 years
    whole = evaluate(scenario, uncertainty.draw_inputs(scenario, 7_000, seed=5))
    for platform, outcome in simulation.platforms.items():
        expected = np.broadcast_to(whole.platform_line(platform, "cumulative"), (7_000, 50))
        assert np.array_equal(outcome.cumulative, expected), platform
        assert np.array_equal(outcome.balance_total, whole.total(platform, "balance", 1, 6))


# ---------------------------------------------------------------- 4. enough draws for the shares


def test_sensitivity_with_too_few_draws_for_the_shares_of_variance_is_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for draws in ("1", "2", "99"):
        assert main(["sensitivity", str(RANGES), "--draws", draws]) == 2
        assert (
            f"--draws: {draws} draws are too few for the shares of variance of 9 ranged "
            "parameters: they need at least 100 draws"
        ) in capsys.readouterr().err
    assert main(["sensitivity", str(RANGES), "--draws", "100", "--json"]) == 0
    shares = json.loads(capsys.readouterr().out)["new-platform"]["variance_shares"]
    assert sum(shares.values()) == pytest.approx(1.0)
    assert max(shares.values()) < 0.5
    scenario = load_scenario(RANGES).scenario
    with pytest.raises(RunRefused, match="2 draws are too few"):
        variance_shares(simulate(scenario, 2, seed=1), "new-platform")
    with pytest.raises(RunRefused, match="50 draws are too few"):
        analyse(scenario, 50, seed=1)


def test_simulate_leaves_out_shares_it_has_too_few_draws_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["simulate", str(RANGES), "--draws", "2", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [p["variance_shares"] for p in document["platforms"].values()] == [None] * 4
