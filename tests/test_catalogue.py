"""The catalogue of lines: every line is covered by a test, the cost lines the published case
leaves at zero work, and one formula tree reads the same as numpy, Excel and text."""

from __future__ import annotations

import numpy as np
import pytest

from businesscase.engine import evaluate
from businesscase.model.catalogue import (
    COURSE_LINES,
    GROWTH_LINES,
    PLATFORM_LINES,
    ROUTE_LINES,
    SCENARIO_LINES,
    TYPE_LINES,
)
from businesscase.model.formula import (
    If,
    Input,
    Ref,
    RoundUp,
    RoundWhole,
    RunningSum,
    YearNumber,
    equals,
)
from businesscase.scenario.loading import load_scenario
from tests.conftest import CORRECTED, PUBLISHED
from tests.test_cash_and_time import COVERED_IN_CASH_AND_TIME
from tests.test_published_case import PRINTED_COURSE_LINES, PRINTED_SHARED_LINES
from tests.test_trajectories import COVERED_IN_TRAJECTORIES

COVERED_HERE = {
    "savings",
    "growth_offline_sessions",
    "growth_online_sessions",
    "hosting",
    "other_recurring",
    "one_off",
    "costs",
    "balance",
    "cumulative",
}
"""Lines that the published sheet does not print on their own, tested in this module."""

COVERED_IN_ANALYTICS = {
    "wage_index",
    "hourly_wage_in_year",
    "licence_index",
    "discount_factor",
    "discounted_balance",
}
"""Money over time, tested in test_analytics (indexation, net present value)."""


def test_every_line_of_the_catalogue_is_covered_by_a_test() -> None:
    printed = {line for _, line, _, _ in PRINTED_COURSE_LINES}
    printed |= {key.split(".")[-1] for key, _, _ in PRINTED_SHARED_LINES}
    catalogue = set(COURSE_LINES) | set(GROWTH_LINES) | set(SCENARIO_LINES) | set(PLATFORM_LINES)
    catalogue |= set(ROUTE_LINES) | set(TYPE_LINES)
    covered = COVERED_HERE | COVERED_IN_ANALYTICS | COVERED_IN_TRAJECTORIES
    covered |= COVERED_IN_CASH_AND_TIME
    assert catalogue - printed - covered == set()


def test_course_savings_are_the_four_kinds_together() -> None:
    results = evaluate(load_scenario(CORRECTED).scenario)
    jv = [
        results.line(f"ass_jv.{n}")[0]
        for n in (
            "online_efficiency_saving",
            "scheduling_saving",
            "offline_time_saving",
            "referral_saving",
        )
    ]
    assert jv == [5_760, 2_700, 4_800, 7_200]
    assert results.line("ass_jv.savings")[0] == sum(jv)


def test_growth_sessions_follow_the_course_plan_unless_given() -> None:
    published = evaluate(load_scenario(PUBLISHED).scenario)
    corrected = evaluate(load_scenario(CORRECTED).scenario)
    assert list(published.line("ass_ov.growth_online_sessions")) == [2] * 6  # E3 as printed
    assert list(corrected.line("ass_ov.growth_online_sessions")) == [2, 2, 6, 6, 6, 6]
    assert list(corrected.line("ass_ov.growth_offline_sessions")) == [8, 8, 4, 4, 4, 4]


def test_hosting_recurring_one_off_and_fixed_licence_costs() -> None:
    changes = [
        "platforms.new-platform.hosting_per_year={1: 1200, 4: 1500}",
        "platforms.new-platform.other_recurring_per_year=300",
        "platforms.new-platform.one_off_costs={2: 5000}",
        "platforms.new-platform.licence_per_year=100",
    ]
    base = evaluate(load_scenario(CORRECTED).scenario)
    results = evaluate(load_scenario(CORRECTED, changes).scenario)
    assert list(results.line("new-platform.hosting")) == [1200, 1200, 1200, 1500, 1500, 1500]
    assert list(results.line("new-platform.other_recurring")) == [300] * 6
    assert list(results.line("new-platform.one_off")) == [0, 5000, 0, 0, 0, 0]
    assert list(results.line("new-platform.licence")) == [3585, 3585] + [5327] * 4
    extra = results.line("new-platform.costs") - base.line("new-platform.costs")
    assert list(extra) == [1600, 6600, 1600, 1900, 1900, 1900]
    # the average takes half of it; the other platforms are untouched
    assert list(results.line("average.costs") - base.line("average.costs")) == list(extra / 2)
    assert np.array_equal(
        results.line("hulp-online-existing.costs"), base.line("hulp-online-existing.costs")
    )


def test_licence_rounding_to_whole_euros_can_be_switched_off() -> None:
    changes = ["platforms.new-platform.round_licence_to_euro=false"]
    results = evaluate(load_scenario(CORRECTED, changes).scenario)
    assert results.line("new-platform.licence")[0] == pytest.approx(3_484.80)
    assert results.line("new-platform.licence")[2] == pytest.approx(5_227.20)


class FakeCells:
    """Cell addresses as an Excel writer would give them."""

    def input_cell(self, path: tuple, year: int) -> str:
        return "_".join(str(p) for p in path)

    def line_cell(self, key: str, year: int) -> str:
        return f"{key}@{year}"

    def year_cell(self, year: int) -> str:
        return f"Y{year}"


def test_one_formula_tree_reads_as_numpy_excel_and_text() -> None:
    wage, minutes = Input(("hourly_wage",)), Input(("minutes",))
    formula = minutes * (1 - Input(("gain",))) / 60 * wage
    inputs = {
        ("hourly_wage",): np.array(75.0),
        ("minutes",): np.array(40.0),
        ("gain",): np.array(0.4),
    }
    years = np.arange(1.0, 4.0)
    assert formula.evaluate(inputs, {}.__getitem__, years) == pytest.approx(30.0)
    assert formula.excel(FakeCells(), 2, "x") == "minutes*(1-gain)/60*hourly_wage"
    assert formula.text() == "minutes x (1 - gain) / 60 x hourly_wage"


def test_a_formula_reads_out_in_dutch_words_with_the_same_keys() -> None:
    spread = Input(("spread",))
    formula = RunningSum(
        If(YearNumber() <= spread, RoundUp(Ref("total") / spread), Ref("total") * 0.5)
    )
    assert (
        formula.text()
        == "running total of if year <= spread then round up(total / spread) else total x 0.5"
    )
    assert formula.text("nl") == (
        "lopend totaal van als jaar <= spread dan naar boven afgerond(total / spread) "
        "anders total x 0,5"
    )


def test_conditions_rounding_and_running_totals() -> None:
    spread = Input(("spread",))
    formula = If(YearNumber() <= spread, Ref("total") / spread, 0.0 + Ref("zero"))
    values = {"total": np.array(300.0), "zero": np.array(0.0)}
    inputs = {("spread",): np.array(3.0)}
    years = np.arange(1.0, 6.0)
    assert list(formula.evaluate(inputs, values.__getitem__, years)) == [100, 100, 100, 0, 0]
    assert formula.excel(FakeCells(), 4, "x") == "IF(Y4<=spread,total@4/spread,0+zero@4)"
    rounded = RoundWhole(Input(("spread",)) * 1161.6)
    assert rounded.evaluate(inputs, values.__getitem__, years) == 3485  # 3,484.80 -> 3,485
    assert rounded.excel(FakeCells(), 1, "x") == "ROUND(spread*1161.6,0)"
    running = RunningSum(Ref("total"))
    assert list(running.evaluate(inputs, values.__getitem__, years)) == [300, 600, 900, 1200, 1500]
    assert running.excel(FakeCells(), 1, "c") == "total@1"
    assert running.excel(FakeCells(), 3, "c") == "c@2+total@3"
    in_year = If(equals(YearNumber(), Input(("spread",))), Ref("total"), 0.0 + Ref("zero"))
    assert list(in_year.evaluate(inputs, values.__getitem__, years)) == [0, 0, 300, 0, 0]


def test_subtraction_and_division_keep_their_parentheses() -> None:
    a, b, c = Input(("a",)), Input(("b",)), Input(("c",))
    assert (a - (b - c)).excel(FakeCells(), 1, "x") == "a-(b-c)"
    assert (a / (b * c)).excel(FakeCells(), 1, "x") == "a/(b*c)"
    assert ((a - b) * c).excel(FakeCells(), 1, "x") == "(a-b)*c"
    assert (a - b - c).excel(FakeCells(), 1, "x") == "a-b-c"


def test_a_parameter_may_be_an_array_of_draws() -> None:
    """The same formulas evaluate 1,000 draws of the hourly wage at once."""
    loaded = load_scenario(CORRECTED)
    draws = np.linspace(50, 100, 1_000).reshape(-1, 1)
    results = evaluate(loaded.scenario, {("hourly_wage",): draws})
    assert results.line("new-platform.cumulative").shape == (1_000, 6)
    at_75 = evaluate(loaded.scenario).line("new-platform.cumulative")
    index = int(np.argmin(np.abs(draws[:, 0] - 75)))
    wage_75 = evaluate(loaded.scenario, {("hourly_wage",): draws[index : index + 1]})
    assert np.allclose(
        results.line("new-platform.cumulative")[index], wage_75.line("new-platform.cumulative")[0]
    )
    assert not np.allclose(at_75, results.line("new-platform.cumulative")[0])


def test_the_format_reference_page_is_up_to_date() -> None:
    """docs/scenario-format.md is rendered from the model; regenerate it when fields change."""
    from businesscase.report.format_reference import render
    from tests.conftest import ROOT

    assert (ROOT / "docs" / "scenario-format.md").read_text() == render()
