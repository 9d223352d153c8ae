"""The Uncertainty tab as a director uses it, driven by AppTest: the seeded run of the ranges
scenario shown to the cent and to the tenth of a percent as the engine computes it, another seed
or number of draws giving another run (and a rerun none), the note for a scenario without
ranges, goal seek (the engine's verified answer, with the side that breaks even) and applying
exactly that answer, and the Dutch words.

Every figure is compared with the engine's own run or answer, with the draws and seed the app uses
by default; where a test also states a figure, it is the one the engine gives."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from businesscase import DEFAULT_DRAWS, DEFAULT_SEED
from businesscase.analytics.goal_seek import GoalSeek, default_bounds, solve
from businesscase.analytics.sensitivity import Analysis, analyse
from businesscase.analytics.simulation import Simulation, simulate
from businesscase.model.errors import KeyPath
from businesscase.scenario.loading import load_scenario
from dashboard import analysis, state
from dashboard.edits import acting, is_step_parameter, is_year_valued, table_entries
from dashboard.goal_seek_view import KEY_PARAMETERS, KEY_PLATFORM, KEY_YEAR
from dashboard.i18n import money, owned_label, percent
from dashboard.page import SECTION
from dashboard.sources import FILE, evaluate_choice
from tests.conftest import CORRECTED, PUBLISHED, ROOT, SCENARIOS
from tests.page_html import shown_tables
from tests.test_app import engine, headline, open_tab

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
RANGES_CHOICE = FILE + RANGES.name
AVERAGE = "Average of Hulp Online with development and new platform"
GEMIDDELDE = "Gemiddelde van Hulp Online met ontwikkeling en nieuw platform"
NEW = "New platform (fictitious)"
EFFICIENCY = ["courses.ass_jv.online_efficiency", "courses.ass_ov.online_efficiency"]
EFFICIENCY_PATHS: tuple[KeyPath, ...] = tuple(tuple(key.split(".")) for key in EFFICIENCY)
NBSP = "\xa0"


@pytest.fixture
def app() -> Iterator[AppTest]:
    """A fresh session on the ranges scenario, with the Uncertainty tab open."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.selectbox(key=state.CHOICE).set_value(RANGES_CHOICE).run()
    open_tab(at, "tab_uncertainty")
    yield at
    assert not at.exception, [e.value for e in at.exception]


def test_the_app_runs_10_000_draws_from_seed_1_by_default() -> None:
    assert (DEFAULT_DRAWS, DEFAULT_SEED) == (10_000, 1)


@cache
def run(draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> Simulation:
    """The engine's run of the ranges scenario; by default with the app's draws and seed."""
    return simulate(load_scenario(RANGES).scenario, draws, seed)


@cache
def engine_analysis() -> Analysis:
    """The engine's analysis (run, tornadoes, shares) the tab shows by default."""
    return analyse(load_scenario(RANGES).scenario, DEFAULT_DRAWS, DEFAULT_SEED)


@cache
def engine_answer(path: Path, by_year: int, high: float | None = None) -> GoalSeek:
    """The engine's goal seek for the two efficiencies and the new platform, as the app asks it
    (one value for every year), within the default bounds or up to `high`."""
    scenario = load_scenario(path).scenario
    low, default_high = default_bounds(scenario, EFFICIENCY_PATHS)
    bounds = (low, default_high if high is None else high)
    return solve(scenario, EFFICIENCY_PATHS, "new-platform", by_year, bounds, every_year=True)


def tables(at: AppTest) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The balance over the draws, the probability of break-even, the shares of variance."""
    (balance, chance), (shares,) = (
        (d.value for d in shown_tables(at)),
        (d.value for d in at.dataframe),
    )
    return balance, chance, shares


def row(frame: pd.DataFrame, name: str) -> pd.Series:
    found = frame[frame.iloc[:, 0] == name]
    assert len(found) == 1, name
    return found.iloc[0]


def shown_probabilities(at: AppTest, name: str) -> list[str]:
    return list(row(tables(at)[1], name).iloc[1:])


def engine_probabilities(simulation: Simulation, platform: str, lang: str = "en") -> list[str]:
    return [
        percent(float(p), lang) for p in simulation.platforms[platform].break_even_probability()
    ]  # type: ignore[arg-type]


def test_the_ranges_scenario_shows_the_p50_of_the_1_6_balance_of_the_engines_run(
    app: AppTest,
) -> None:
    simulation = run()
    p10, p50, p90 = simulation.platforms["average"].balance_quantiles()
    average = row(tables(app)[0], AVERAGE)
    assert average["P50 (median)"] == money(p50, "en") == "€96,525.93"
    assert (average["P10"], average["P90"]) == (money(p10, "en"), money(p90, "en"))
    assert (average["P10"], average["P90"]) == ("€71,988.92", "€119,279.29")
    assert average["As written"] == money(
        float(engine(RANGES).total("average", "balance", 1, 6)), "en"
    )
    assert average["As written"] == "€99,494.00"
    new_p50 = simulation.platforms["new-platform"].balance_quantiles()[1]
    assert row(tables(app)[0], NEW)["P50 (median)"] == money(new_p50, "en") == "€60,958.75"


def test_the_probability_of_break_even_by_each_year_is_the_engines(app: AppTest) -> None:
    simulation = run()
    for pid, platform in simulation.scenario.platforms.items():
        assert shown_probabilities(app, platform.name) == engine_probabilities(simulation, pid)
    assert shown_probabilities(app, AVERAGE) == [
        "0.0%",
        "0.0%",
        "31.2%",
        "99.2%",
        "100.0%",
        "100.0%",
    ]  # as the engine's run gives them (compared above)
    assert shown_probabilities(app, NEW)[3:5] == ["48.3%", "95.5%"]


def test_another_seed_or_number_of_draws_gives_that_run(app: AppTest) -> None:
    app.number_input(key=state.run_key(state.SEED)).set_value(2).run()
    seed_2 = run(seed=2)
    assert shown_probabilities(app, AVERAGE) == engine_probabilities(seed_2, "average")
    assert shown_probabilities(app, AVERAGE) != engine_probabilities(run(), "average")
    p50 = seed_2.platforms["average"].balance_quantiles()[1]
    assert row(tables(app)[0], AVERAGE)["P50 (median)"] == money(p50, "en")
    app.number_input(key=state.run_key(state.DRAWS)).set_value(2_000).run()
    assert shown_probabilities(app, NEW) == engine_probabilities(run(2_000, 2), "new-platform")


def test_a_rerun_with_the_same_state_draws_and_seed_does_not_simulate_again(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []

    def counted(scenario: object, draws: int, seed: int) -> Analysis:
        calls.append((draws, seed))
        return analyse(scenario, draws, seed)  # type: ignore[arg-type]

    monkeypatch.setattr(analysis, "analyse", counted)
    analysis._uncertainty.clear()
    app.run()
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    app.radio(key=state.LANGUAGE).set_value("en").run()
    assert calls == [(DEFAULT_DRAWS, DEFAULT_SEED)]
    app.number_input(key=state.run_key(state.SEED)).set_value(3).run()
    app.number_input(key=state.run_key(state.SEED)).set_value(DEFAULT_SEED).run()
    assert calls == [(DEFAULT_DRAWS, DEFAULT_SEED), (DEFAULT_DRAWS, 3)]
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    assert app.session_state[state.EDITS]["hourly_wage"].change == "hourly_wage=80"
    assert calls[-1] == (DEFAULT_DRAWS, DEFAULT_SEED) and len(calls) == 3  # another state


def test_the_draws_and_seed_are_kept_while_the_tab_is_closed(app: AppTest) -> None:
    app.number_input(key=state.run_key(state.DRAWS)).set_value(5_000).run()
    app.number_input(key=state.run_key(state.SEED)).set_value(7).run()
    open_tab(app, "tab_results")
    assert (app.session_state[state.DRAWS], app.session_state[state.SEED]) == (5_000, 7)
    open_tab(app, "tab_uncertainty")
    assert app.number_input(key=state.run_key(state.DRAWS)).value == 5_000
    assert app.number_input(key=state.run_key(state.SEED)).value == 7
    assert shown_probabilities(app, AVERAGE) == engine_probabilities(run(5_000, 7), "average")


def test_the_tornado_table_ranks_the_estimates_by_their_share_of_variance(app: AppTest) -> None:
    shares = tables(app)[2]
    first = shares.iloc[0]
    engine_shares = engine_analysis().shares["average"]
    top = max(engine_shares, key=engine_shares.__getitem__)
    assert top == ("courses", "ass_ov", "online_efficiency")
    assert first["Parameter"] == (
        "Efficiency of online vs offline contact, Ass OV (assertiveness, older women)"
    )
    bar = next(b for b in engine_analysis().tornadoes["average"].bars if b.path == top)
    assert list(first.iloc[1:]) == [
        percent(engine_shares[top], "en"),
        "25% to 50%",
        money(bar.balance_at_low, "en"),
        money(bar.balance_at_high, "en"),
    ]
    assert list(first.iloc[1:]) == ["23.0%", "25% to 50%", "€70,694.00", "€118,694.00"]
    assert list(shares["Share of variance"]) == [
        percent(share, "en") for share in sorted(engine_shares.values(), reverse=True)
    ]
    app.selectbox(key="uncertainty_platform").set_value("new-platform").run()
    development = row(tables(app)[2], "Development, New platform (fictitious)")
    assert list(development.iloc[2:5]) == ["€70,000.00 to €120,000.00", "€77,498.00", "€27,498.00"]


def test_a_scenario_without_ranges_says_so_and_points_to_the_ranges_file(app: AppTest) -> None:
    app.selectbox(key=state.CHOICE).set_value(FILE + PUBLISHED.name).run()
    assert app.session_state[SECTION] == "Uncertainty"
    note = app.info[0].value
    assert note.startswith("No estimate in this scenario has a range, so there is nothing")
    assert "scenarios/kwadraad-2013-ranges.yaml" in note
    assert not shown_tables(app) and app.multiselect(key=KEY_PARAMETERS)  # goal seek still there
    app.button(key="open_ranges").click().run()
    assert app.session_state[state.CHOICE] == RANGES_CHOICE
    p50 = run().platforms["average"].balance_quantiles()[1]
    assert row(tables(app)[0], AVERAGE)["P50 (median)"] == money(p50, "en")


def goal_seek(at: AppTest, keys: list[str], platform: str, year: int) -> None:
    at.multiselect(key=KEY_PARAMETERS).set_value(keys)
    at.selectbox(key=KEY_PLATFORM).set_value(platform)
    at.selectbox(key=KEY_YEAR).set_value(year)
    at.run()


def test_goal_seek_finds_the_efficiency_that_breaks_even_by_year_3_and_applies_it(
    app: AppTest,
) -> None:
    app.selectbox(key=state.CHOICE).set_value(FILE + CORRECTED.name).run()
    assert headline(app, engine())["new-platform"]["Break-even"] == "year 4"
    answer = engine_answer(CORRECTED, 3)
    assert (answer.value, answer.side, money(answer.best_cumulative, "en")) == (
        0.6024,
        "at least",
        "€7.00",
    )  # the engine's verified answer; at 60.23% the new platform breaks even in year 4
    goal_seek(app, EFFICIENCY, "new-platform", 3)
    assert app.success[0].value == (
        "New platform (fictitious) breaks even by year 3 when Efficiency of online vs offline "
        "contact, Ass JV (assertiveness, young women) and Efficiency of online vs offline "
        "contact, Ass OV (assertiveness, older women) is at least 60.24% (now 40.00%); its "
        "cumulative balance in year 3 is then €7.00."
    )
    apply = app.button(key="goal_apply")
    assert apply.label == "Apply 60.24% as an edit"
    apply.click().run()
    horizon = engine().scenario.horizon_years
    edits = app.session_state[state.EDITS]
    assert {key: edit.values for key, edit in edits.items()} == {
        key: (answer.value,) * horizon for key in EFFICIENCY
    }  # exactly the engine's answer, in every year
    changes = [f"{key}=60.24%" for key in EFFICIENCY]
    assert [e.change for e in edits.values()] == changes
    applied = engine(CORRECTED, changes)
    assert applied.break_even_year("new-platform") == 3
    cards = headline(app, applied)
    assert cards["new-platform"]["Break-even"] == "year 3"
    assert cards["average"]["Break-even"] == "year 3"  # was year 4
    assert cards["new-platform"]["Balance years 1-6"] == money(
        float(applied.total("new-platform", "balance", 1, 6)), "en"
    )


def test_an_applied_answer_replaces_a_course_table_edit_of_the_same_input(app: AppTest) -> None:
    app.selectbox(key=state.CHOICE).set_value(FILE + CORRECTED.name).run()
    base = evaluate_choice(FILE + CORRECTED.name, {})
    row_jv = [e.key for e in table_entries(base, "ass_jv")].index(EFFICIENCY[0])
    app.session_state[state.table_key("ass_jv")] = {
        "edited_rows": {row_jv: {"1": "45"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert app.session_state[state.EDITS][EFFICIENCY[0]].change.endswith("={1: 45%, 2: 40%}")
    goal_seek(app, EFFICIENCY, "new-platform", 3)
    app.button(key="goal_apply").click().run()
    answer = engine_answer(CORRECTED, 3)  # the edit of year 1 does not change it: every year moves
    edits = app.session_state[state.EDITS]
    assert [edits[key].values for key in EFFICIENCY] == [(answer.value,) * 6] * 2
    assert [e.change for e in edits.values()] == [f"{key}=60.24%" for key in EFFICIENCY]
    open_tab(app, "tab_assumptions")
    table = app.data_editor[0].value
    assert list(table.loc[row_jv, ["1", "2", "6"]]) == ["60.24"] * 3  # the text of 60.24%
    assert headline(app, engine())["new-platform"]["Break-even"] == "year 3"


def test_goal_seek_within_the_ranges_says_when_no_value_reaches_the_year(app: AppTest) -> None:
    goal_seek(app, EFFICIENCY, "new-platform", 3)
    assert not app.success
    assert app.warning[0].value.startswith("No value of Efficiency of online vs offline contact")
    assert "from 25.00% to 50.00% makes New platform (fictitious) break even by year 3" in (
        app.warning[0].value
    )
    assert app.warning[0].value.endswith("the best cumulative balance by then is -€12,281.00.")


def test_goal_seek_bounds_can_be_widened_beyond_the_ranges(app: AppTest) -> None:
    goal_seek(app, EFFICIENCY, "new-platform", 3)
    suffix = "|".join(f"courses.{c}.online_efficiency" for c in ("ass_jv", "ass_ov"))
    assert app.text_input(key=f"goal_from:{suffix}").value == "25"  # in %, as typed
    app.text_input(key=f"goal_to:{suffix}").set_value("100").run()
    answer = engine_answer(RANGES, 3, high=1.0)
    assert (answer.lower, answer.value, answer.side) == (0.25, 0.6024, "at least")
    assert "is at least 60.24% (now 40.00%)" in app.success[0].value
    assert app.button(key="goal_apply").label == "Apply 60.24% as an edit"
    app.text_input(key=f"goal_from:{suffix}").set_value("100").run()
    assert app.error[0].value == "the bounds must have low < high (got 1, 1)"


def test_goal_seek_asks_for_estimates_of_one_unit(app: AppTest) -> None:
    goal_seek(app, ["hourly_wage", "implementation_hours"], "average", 3)
    assert app.warning[0].value == "Choose estimates with the same unit: they all get one value."


def test_the_tab_speaks_dutch(app: AppTest) -> None:
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    assert app.session_state[SECTION] == "Onzekerheid"
    balance, chance, shares = tables(app)
    assert list(balance.columns) == [
        "Platformscenario",
        "P10",
        "P50 (mediaan)",
        "P90",
        "Zoals opgegeven",
    ]
    simulation = run()
    p50 = simulation.platforms["average"].balance_quantiles()[1]
    assert row(balance, GEMIDDELDE)["P50 (mediaan)"] == money(p50, "nl") == f"€{NBSP}96.525,93"
    assert (
        list(row(chance, GEMIDDELDE)[["Jaar 3", "Jaar 4"]])
        == (engine_probabilities(simulation, "average", "nl")[2:4])
    )
    assert list(row(chance, GEMIDDELDE)[["Jaar 3", "Jaar 4"]]) == ["31,2%", "99,2%"]
    assert list(shares.columns)[1] == "Aandeel in variantie"
    assert shares.iloc[0]["Parameter"].startswith("Efficiëntie contact online vs offline, Ass OV")
    assert app.number_input(key=state.run_key(state.DRAWS)).label == "Trekkingen"
    assert app.multiselect(key=KEY_PARAMETERS).label == "Schattingen om te verschuiven"
    goal_seek(app, EFFICIENCY, "new-platform", 4)
    answer = engine_answer(RANGES, 4)
    assert (answer.value, answer.side) == (0.3672, "at least")
    assert app.success[0].value.startswith(
        "Nieuw platform (fictief) verdient zich uiterlijk in jaar 4 terug als"
    )
    assert "Ass OV (assertiviteitstraining oudere vrouwen) minstens 36,72% is (nu 40,00%)" in (
        app.success[0].value
    )
    assert app.button(key="goal_apply").label == "Neem 36,72% over als wijziging"


def test_goal_seek_offers_only_inputs_that_act_and_are_not_years(app: AppTest) -> None:
    current = evaluate_choice(RANGES_CHOICE, {})
    live = acting(current)
    entries = {e.key: e for e in current.entries}
    offered = set(app.multiselect(key=KEY_PARAMETERS).options)
    expected = {
        owned_label(e, current.loaded.scenario, "en")
        for e in current.entries
        if is_step_parameter(current.loaded, e.path) and e.path in live and not is_year_valued(e)
    }
    assert offered == expected
    for key in ("hourly_wage", *EFFICIENCY, "platforms.new-platform.development_cost"):
        assert owned_label(entries[key], current.loaded.scenario, "en") in offered
    for key in (
        "courses.ass_jv.growth.from_year",  # a year
        "platforms.new-platform.training_spread_years",  # a number of years
        "platforms.hulp-online-with-development.licence_per_client",  # no client is licensed
    ):
        assert owned_label(entries[key], current.loaded.scenario, "en") not in offered
