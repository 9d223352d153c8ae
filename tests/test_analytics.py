"""Decision analytics: Monte Carlo, sensitivity, goal seek, indexation and discounting."""

from __future__ import annotations

import json

import numpy as np
import pytest

from businesscase.analytics.goal_seek import solve
from businesscase.analytics.sensitivity import tornado, variance_shares
from businesscase.analytics.simulation import simulate
from businesscase.analytics.uncertainty import draw, draw_inputs
from businesscase.cli.main import main
from businesscase.engine import evaluate, ranged_parameters
from businesscase.report.tidy import to_cents
from businesscase.scenario.loading import load_scenario
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
DEVELOPMENT = "platforms.new-platform.development_cost"


def _with(changes: list[str], base=CORRECTED):
    return load_scenario(base, changes).scenario


def test_collapsed_ranges_simulate_exactly_the_deterministic_case() -> None:
    changes = [
        "hourly_wage={value: 75, low: 75, high: 75}",
        "courses.ass_jv.online_efficiency={value: 40%, low: 40%, likely: 40%, high: 40%, "
        "distribution: pert}",
        f"{DEVELOPMENT}={{value: 80000, low: 80000, high: 80000, distribution: uniform}}",
    ]
    scenario = _with(changes)
    assert len(ranged_parameters(scenario)) == 3
    simulation = simulate(scenario, 1_000, seed=7)
    results = evaluate(scenario)
    for platform, outcome in simulation.platforms.items():
        expected = results.platform_line(platform, "cumulative")
        assert np.array_equal(outcome.cumulative, np.broadcast_to(expected, (1_000, 6)))


def test_uniform_development_cost_gives_closed_form_quantiles_and_probability() -> None:
    """Balance 1-6 falls one for one with the development cost ~ U(70,000, 120,000); the new
    platform breaks even by year 4 when its cost is at most 80,000 + 6,312 (P = 0.32624)."""
    scenario = _with(
        [f"{DEVELOPMENT}={{value: 80000, low: 70000, high: 120000, distribution: uniform}}"]
    )
    outcome = simulate(scenario, 200_000, seed=11).platforms["new-platform"]
    at_80000 = float(evaluate(_with([])).platform_line("new-platform", "balance").sum())
    expected = [at_80000 - (70_000 + q * 50_000 - 80_000) for q in (0.9, 0.5, 0.1)]
    np.testing.assert_allclose(outcome.balance_quantiles(), expected, atol=150)
    probability = outcome.break_even_probability()
    assert probability[2] == 0  # year 3 is out of reach even at 70,000
    assert probability[3] == pytest.approx((86_312 - 70_000) / 50_000, abs=0.005)


@pytest.mark.parametrize(
    ("distribution", "mean"),
    [("triangular", (20 + 30 + 70) / 3), ("pert", (20 + 4 * 30 + 70) / 6), ("uniform", 45)],
)
def test_distribution_means(distribution: str, mean: float) -> None:
    scenario = _with(
        [f"hourly_wage={{value: 30, low: 20, likely: 30, high: 70, distribution: {distribution}}}"]
    )
    param = ranged_parameters(scenario)[("hourly_wage",)]
    values = draw(param, np.random.default_rng(0), 400_000)
    assert values.min() >= 20 and values.max() <= 70
    assert values.mean() == pytest.approx(mean, abs=0.1)


def test_cut_off_normal_stays_within_its_bounds() -> None:
    scenario = _with(["hourly_wage={value: 75, low: 70, high: 90, distribution: normal, sd: 10}"])
    values = draw(ranged_parameters(scenario)[("hourly_wage",)], np.random.default_rng(0), 100_000)
    assert values.min() >= 70 and values.max() <= 90
    assert 75 < values.mean() < 80  # cut more on the low side than the high side


def test_the_same_seed_gives_the_same_numbers() -> None:
    scenario = load_scenario(RANGES).scenario
    a, b = simulate(scenario, 5_000, seed=3), simulate(scenario, 5_000, seed=3)
    c = simulate(scenario, 5_000, seed=4)
    for platform in scenario.platforms:
        assert np.array_equal(a.platforms[platform].cumulative, b.platforms[platform].cumulative)
        assert not np.array_equal(
            a.platforms[platform].cumulative, c.platforms[platform].cumulative
        )


def test_a_new_range_leaves_the_draws_of_other_parameters_unchanged() -> None:
    before = draw_inputs(load_scenario(RANGES).scenario, 100, seed=5)
    after = draw_inputs(
        load_scenario(RANGES, ["hourly_wage={value: 75, low: 70, high: 80}"]).scenario, 100, seed=5
    )
    assert set(after) - set(before) == {("hourly_wage",)}
    for path, values in before.items():
        assert np.array_equal(values, after[path])


def test_tornado_bars_equal_runs_at_low_and_high() -> None:
    loaded = load_scenario(RANGES)
    charts = tornado(loaded.scenario)
    bar = next(b for b in charts["new-platform"].bars if b.path == ("implementation_hours",))
    for value, balance in ((350, bar.balance_at_low), (700, bar.balance_at_high)):
        results = evaluate(load_scenario(RANGES, [f"implementation_hours={value}"]).scenario)
        assert balance == pytest.approx(
            float(results.platform_line("new-platform", "balance").sum()), abs=1e-6
        )
    swings = [b.swing for b in charts["new-platform"].bars]
    assert swings == sorted(swings, reverse=True)
    assert charts["new-platform"].base_balance == pytest.approx(67_498.0)


def test_variance_shares_sum_to_one_and_rank_the_parameters() -> None:
    simulation = simulate(load_scenario(RANGES).scenario, 20_000, seed=2)
    shares = variance_shares(simulation, "new-platform")
    assert sum(shares.values()) == pytest.approx(1.0)
    assert list(shares.values()) == sorted(shares.values(), reverse=True)
    assert len(shares) == 9
    # the new platform's licence and development cost do not touch the existing platform
    existing = variance_shares(simulation, "hulp-online-existing")
    assert existing[("platforms", "new-platform", "licence_per_client")] == pytest.approx(
        0, abs=1e-3
    )
    assert existing[("platforms", "new-platform", "development_cost")] == pytest.approx(0, abs=1e-3)
    assert shares[("platforms", "new-platform", "development_cost")] > 0.02


def test_goal_seek_value_put_back_breaks_even_in_that_year_and_the_next_lower_does_not() -> None:
    scenario = load_scenario(CORRECTED).scenario
    paths = (("courses", "ass_jv", "online_efficiency"), ("courses", "ass_ov", "online_efficiency"))
    answer = solve(scenario, paths, "new-platform", 3, (0.0, 1.0))
    assert answer.value == pytest.approx(0.6024, abs=1e-12)
    changes = [f"courses.{c}.online_efficiency=60.24%" for c in ("ass_jv", "ass_ov")]
    results = evaluate(load_scenario(CORRECTED, changes).scenario)
    assert results.break_even_year("new-platform") == 3
    assert to_cents(results.platform_line("new-platform", "cumulative")[2]) == 7.00
    lower = [f"courses.{c}.online_efficiency=60.23%" for c in ("ass_jv", "ass_ov")]
    assert evaluate(load_scenario(CORRECTED, lower).scenario).break_even_year("new-platform") == 4


def test_goal_seek_reports_when_no_value_in_bounds_breaks_even() -> None:
    scenario = load_scenario(CORRECTED).scenario
    answer = solve(
        scenario,
        (("platforms", "new-platform", "licence_per_client"),),
        "new-platform",
        1,
        (0.0, 100.0),
    )
    assert answer.value is None
    assert (
        "no value of platforms.new-platform.licence_per_client between 0 and 100" in answer.message
    )
    assert answer.best_cumulative < 0


def test_net_present_value_matches_a_hand_computation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(PUBLISHED), "--json", "--set", "discount_rate=5%"]) == 0
    document = json.loads(capsys.readouterr().out)
    balances = [-18_736.67, 21_263.33, 21_653.33, 39_570.00, 39_570.00, 39_570.00]
    by_hand = sum(b / 1.05**year for year, b in enumerate(balances, start=1))
    assert document["platforms"]["hulp-online-with-development"]["net_present_value"] == (
        pytest.approx(by_hand, abs=0.02)
    )
    assert document["platforms"]["hulp-online-with-development"]["cumulative"][-1] == 142_890.0


def test_at_zero_rates_money_over_time_changes_nothing() -> None:
    plain = evaluate(load_scenario(PUBLISHED).scenario)
    zero = evaluate(
        load_scenario(
            PUBLISHED, ["discount_rate=0", "wage_indexation=0%", "licence_indexation=0"]
        ).scenario
    )
    for key in plain.values:
        assert np.array_equal(plain.values[key], zero.values[key]), key
    assert np.array_equal(plain.line("average.discounted_balance"), plain.line("average.balance"))


def test_indexation_of_wages_and_licences() -> None:
    results = evaluate(_with(["wage_indexation=2%", "licence_indexation=3%"]))
    factors = 1.02 ** np.arange(6)
    np.testing.assert_allclose(results.line("hourly_wage_in_year"), 75 * factors)
    np.testing.assert_allclose(results.line("referral"), 14_400 * factors)
    np.testing.assert_allclose(
        results.line("new-platform.licence"),
        np.array([3_485, 3_485] + [5_227] * 4) * 1.03 ** np.arange(6),
    )
    assert results.line("wage_index")[0] == 1 and results.line("licence_index")[0] == 1


def test_simulate_and_sensitivity_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(RANGES), "--draws", "2000", "--seed", "9", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    platform = document["platforms"]["hulp-online-existing"]
    assert document["draws"] == 2_000 and len(document["ranged_parameters"]) == 9
    assert platform["break_even_probability"] == [1.0] * 6
    assert (
        platform["cumulative_p10"][-1]
        <= platform["cumulative_p50"][-1]
        <= (platform["cumulative_p90"][-1])
    )
    assert main(["sensitivity", str(RANGES), "--draws", "2000", "--json"]) == 0
    tornado_json = json.loads(capsys.readouterr().out)["new-platform"]["tornado"]
    assert tornado_json[0]["swing"] >= tornado_json[-1]["swing"]


def test_solve_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "solve",
                str(CORRECTED),
                "--param",
                "hourly_wage",
                "--platform",
                "new-platform",
                "--by-year",
                "2",
                "--json",
            ]
        )
        == 0
    )
    answer = json.loads(capsys.readouterr().out)
    assert answer["value"] == 130.76  # at least 130.76 EUR/h; at 130.75 it falls short
    assert (
        main(
            [
                "solve",
                str(CORRECTED),
                "--param",
                "hourly_wag",
                "--platform",
                "new-platform",
                "--by-year",
                "2",
            ]
        )
        == 2
    )
    assert (
        main(
            [
                "solve",
                str(CORRECTED),
                "--param",
                "hourly_wage",
                "--platform",
                "nope",
                "--by-year",
                "9",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "hourly_wag: no such parameter" in err and "--platform: unknown platform" in err
    assert "--by-year: must be a year from 1 to 6" in err


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ("hourly_wage={value: 75, low: 80, high: 90}", "needs low <= value <= high"),
        ("hourly_wage={value: 75, low: 70}", "a range needs both low and high"),
        ("hourly_wage={value: 75, low: 70, high: 80, distribution: normal}", "needs sd"),
        ("hourly_wage={value: 75, low: 70, high: 80, distribution: lognormal}", "distribution"),
        (
            "courses.ass_jv.online_sessions={value: {1: 3, 3: 4}, low: 2, high: 5}",
            "a range needs a single value",
        ),
    ],
)
def test_bad_ranges_are_refused(
    change: str, phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(CORRECTED), "--set", change]) == 2
    assert phrase in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["simulate", "--seed", "-1"], "must be a whole number from 0 (got -1)"),
        (["simulate", "--draws", "0"], "from 1 to 2,000,000 (got 0)"),
        (["sensitivity", "--seed", "x"], "must be a whole number (got 'x')"),
    ],
)
def test_bad_draws_and_seeds_exit_with_2(
    args: list[str], phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([args[0], str(RANGES), *args[1:]])
    assert stop.value.code == 2
    assert phrase in capsys.readouterr().err


def test_simulate_refuses_bad_runs_in_code() -> None:
    scenario = load_scenario(RANGES).scenario
    with pytest.raises(ValueError, match="seed must be a whole number from 0"):
        simulate(scenario, 10, seed=-1)
    with pytest.raises(ValueError, match="draws must be a whole number"):
        simulate(scenario, 0, seed=1)


def test_a_simulation_in_two_threads_gives_exactly_the_figures_of_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from businesscase.analytics import simulation

    scenario = load_scenario(RANGES).scenario
    threaded = simulate(scenario, 50_000, seed=7)
    monkeypatch.setattr(simulation, "CHUNK_THREADS", 1)
    alone = simulate(scenario, 50_000, seed=7)
    for platform, outcome in threaded.platforms.items():
        np.testing.assert_array_equal(outcome.cumulative, alone.platforms[platform].cumulative)
        np.testing.assert_array_equal(
            outcome.balance_total, alone.platforms[platform].balance_total
        )
