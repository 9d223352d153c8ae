"""Properties that hold for every valid scenario, checked with hypothesis on random variants
of the reference case, and the engine against an independent computation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.engine import evaluate
from businesscase.model.measures import break_even_year
from businesscase.report.tidy import to_cents
from businesscase.scenario.loading import (
    LoadedScenario,
    apply_changes,
    load_scenario,
    validate_data,
)
from tests.conftest import CORRECTED, PUBLISHED
from tests.independent import CaseInputs, corrected_case

BASE = load_scenario(CORRECTED)

COURSES = ["ass_jv", "ass_ov"]


def _number(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 2))


@st.composite
def variants(draw: st.DrawFn) -> list[str]:
    """A random list of valid `--set` changes to the corrected case."""
    changes = [
        f"hourly_wage={draw(_number(20, 200))}",
        f"horizon_years={draw(st.integers(6, 12))}",
        f"implementation_hours={draw(_number(0, 2_000))}",
        f"implementation_spread_years={draw(st.integers(1, 3))}",
        f"platforms.new-platform.licence_per_client={draw(_number(0, 100))}",
        f"platforms.new-platform.development_cost={draw(_number(0, 200_000))}",
        f"platforms.hulp-online-existing.hosting_per_year={draw(_number(0, 5_000))}",
        f"platforms.hulp-online-with-development.training_spread_years={draw(st.integers(1, 3))}",
    ]
    for course in COURSES:
        here = f"courses.{course}"
        changes += [
            f"{here}.group_size={draw(st.integers(1, 30))}",
            f"{here}.groups_per_year={draw(st.integers(0, 30))}",
            f"{here}.online_efficiency={draw(st.integers(0, 100))}%",
            f"{here}.offline_time_gain={draw(_number(0, 1))}",
            f"{here}.minutes_per_participant={draw(_number(0, 120))}",
            f"{here}.online_sessions.3={draw(st.integers(0, 12))}",
            f"{here}.offline_preparation_hours={draw(_number(0, 5))}",
            f"{here}.growth.groups_per_year={draw(st.integers(0, 10))}",
            f"{here}.growth.from_year={draw(st.integers(1, 6))}",
        ]
    return changes


def _variant(changes: list[str]) -> LoadedScenario:
    data, origins = apply_changes(BASE.data, changes)
    return validate_data(data, {**BASE.origins, **origins}, list(BASE.files), tuple(changes))


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(variants())
def test_balance_is_savings_minus_costs_and_cumulative_its_running_sum(changes: list[str]) -> None:
    results = evaluate(_variant(changes).scenario)
    for platform in results.platform_ids:
        savings = results.platform_line(platform, "savings")
        costs = results.platform_line(platform, "costs")
        balance = results.platform_line(platform, "balance")
        np.testing.assert_array_equal(balance, savings - costs)
        np.testing.assert_allclose(
            results.platform_line(platform, "cumulative"), np.cumsum(balance), rtol=1e-12, atol=1e-6
        )
        cumulative = results.platform_line(platform, "cumulative")
        reached = [i + 1 for i, v in enumerate(cumulative) if v >= 0]
        assert results.break_even_year(platform) == (reached[0] if reached else None)


@PROPERTY_SETTINGS
@given(variants())
def test_costs_are_the_sum_of_their_lines_and_the_average_is_the_mean(changes: list[str]) -> None:
    results = evaluate(_variant(changes).scenario)
    for platform in results.platform_ids:
        parts = sum(results.platform_line(platform, name) for name in results.cost_names(platform))
        np.testing.assert_allclose(results.platform_line(platform, "costs"), parts, atol=1e-6)
    members = results.scenario.platforms["average"].average_of or []
    for name in ["costs", "balance", "cumulative", *results.cost_names("average")]:
        mean = np.mean([results.platform_line(m, name) for m in members], axis=0)
        np.testing.assert_allclose(results.platform_line("average", name), mean, atol=1e-6)


@PROPERTY_SETTINGS
@given(variants())
def test_savings_are_the_same_in_every_platform_scenario(changes: list[str]) -> None:
    results = evaluate(_variant(changes).scenario)
    shared = sum(results.line(name) for name in results.savings_names)
    for platform in results.platform_ids:
        np.testing.assert_allclose(results.platform_line(platform, "savings"), shared, atol=1e-6)


@PROPERTY_SETTINGS
@given(variants(), st.floats(0.5, 3))
def test_every_saving_is_proportional_to_the_hourly_wage(changes: list[str], factor: float) -> None:
    """All savings are staff time valued at the hourly wage."""
    loaded = _variant(changes)
    wage = loaded.scenario.hourly_wage.value
    scaled = _variant([*changes, f"hourly_wage={wage * factor!r}"])
    before, after = evaluate(loaded.scenario), evaluate(scaled.scenario)
    for name in [*before.savings_names, "savings"]:
        np.testing.assert_allclose(after.line(name), before.line(name) * factor, rtol=1e-9)


@settings(max_examples=300, deadline=None)
@given(
    wage=_number(10, 250),
    groups=st.tuples(st.integers(0, 40), st.integers(0, 40)),
    new_groups=st.tuples(st.integers(0, 12), st.integers(0, 12)),
    efficiency=st.integers(0, 100),
    gain=st.integers(0, 100),
    group_size=st.integers(1, 40),
    licence=_number(0, 80),
)
def test_engine_agrees_with_an_independent_computation(
    wage: float,
    groups: tuple[int, int],
    new_groups: tuple[int, int],
    efficiency: int,
    gain: int,
    group_size: int,
    licence: float,
) -> None:
    changes = [f"hourly_wage={wage}", f"platforms.new-platform.licence_per_client={licence}"]
    for course, g, n in zip(COURSES, groups, new_groups, strict=True):
        changes += [
            f"courses.{course}.groups_per_year={g}",
            f"courses.{course}.growth.groups_per_year={n}",
            f"courses.{course}.online_efficiency={efficiency}%",
            f"courses.{course}.offline_time_gain={gain}%",
            f"courses.{course}.group_size={group_size}",
        ]
    results = evaluate(_variant(changes).scenario)
    expected = corrected_case(
        CaseInputs(
            hourly_wage=wage,
            groups_per_year=dict(zip(COURSES, groups, strict=True)),
            new_groups_per_year=dict(zip(COURSES, new_groups, strict=True)),
            online_efficiency=efficiency / 100,
            offline_time_gain=gain / 100,
            group_size=group_size,
            licence_per_client=licence,
        )
    )
    for key, values in expected.items():
        np.testing.assert_allclose(results.line(key), values, rtol=1e-9, atol=1e-6, err_msg=key)


def test_independent_computation_reproduces_the_corrected_figures() -> None:
    expected = corrected_case(CaseInputs())
    assert expected["savings"] == [40_980, 40_980] + [71_880] * 4
    assert round(expected["average.costs"][2], 2) == 55_942.50


@pytest.mark.parametrize("parent", [PUBLISHED, CORRECTED], ids=["published", "corrected"])
def test_an_empty_child_equals_its_parent(tmp_path: Path, parent: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {parent}\n")
    a, b = evaluate(load_scenario(parent).scenario), evaluate(load_scenario(child).scenario)
    assert a.values.keys() == b.values.keys()
    for key in a.values:
        np.testing.assert_array_equal(a.values[key], b.values[key], err_msg=key)


def test_a_child_changes_only_what_it_sets(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {CORRECTED}\ncourses:\n  ass_jv:\n    groups_per_year: 10\n")
    loaded = load_scenario(child)
    assert loaded.scenario.courses["ass_jv"].groups_per_year.value == 10
    assert loaded.scenario.courses["ass_jv"].groups_per_year.source is None  # no stale source
    assert loaded.scenario.courses["ass_ov"].groups_per_year.value == 8
    assert loaded.origins[("courses", "ass_jv", "groups_per_year")].line == 4
    assert loaded.files[-1] == str(child)


def test_first_year_at_or_above_zero() -> None:
    assert break_even_year(np.array([-1.0, 0.0, 5.0])) == 2
    assert break_even_year(np.array([-1.0, -0.01])) is None
    assert break_even_year(np.array([3.0, -1.0])) == 1


def test_with_changes_equals_loading_with_the_same_changes() -> None:
    from businesscase.scenario.loading import with_changes

    changes = ["hourly_wage=80", "courses.ass_jv.online_sessions.3=5"]
    direct = load_scenario(CORRECTED, changes)
    layered = with_changes(load_scenario(CORRECTED), changes)
    assert layered.scenario == direct.scenario
    assert layered.changes == tuple(changes)
    assert layered.origins[("hourly_wage",)].file == "--set hourly_wage=80"


def test_a_half_cent_that_floating_point_computes_a_hair_below_rounds_up_as_the_exact_one() -> None:
    assert to_cents(1159.0249999999999) == 1159.03
    assert to_cents(-1159.0249999999999) == -1159.03
    assert to_cents(1159.0249) == 1159.02
    assert to_cents(2.675) == 2.68  # repr 2.675, a float just below the half
