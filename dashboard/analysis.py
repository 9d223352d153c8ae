"""The engine's decision analytics of a state, cached by the state's key: a seeded Monte Carlo
run with each platform scenario's tornado and shares of variance, and goal-seek answers. A rerun
with the same state, draws and seed simulates nothing again."""

from __future__ import annotations

import streamlit as st

from businesscase import (
    Analysis,
    GoalSeek,
    KeyPath,
    Scenario,
    analyse,
    default_bounds,
    parameter_at,
    ranged_parameters,
    solve,
)
from dashboard.sources import Evaluated, StateKey

APP_MAX_DRAWS = 100_000
"""The app's limit on draws: enough for steady percentiles, and a cached run stays small."""


def has_ranges(current: Evaluated) -> bool:
    """Whether any input of the state has a range to draw from."""
    return bool(ranged_parameters(current.loaded.scenario))


@st.cache_resource(max_entries=4, show_spinner=False)
def _uncertainty(key: StateKey, draws: int, seed: int, _scenario: Scenario) -> Analysis:
    return analyse(_scenario, draws, seed)


def uncertainty(current: Evaluated, draws: int, seed: int) -> Analysis:
    """The state's run of `draws` draws from `seed`; cached by the state's key, draws and seed."""
    return _uncertainty(current.key, draws, seed, current.loaded.scenario)


def search_bounds(current: Evaluated, paths: tuple[KeyPath, ...], unit: str) -> tuple[float, float]:
    """Where goal seek looks by default: the first input's range, or the engine's bounds."""
    return default_bounds(parameter_at(current.loaded.scenario, paths[0]), unit)


@st.cache_resource(max_entries=64, show_spinner=False)
def _goal_seek(
    key: StateKey,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    unit: str,
    bounds: tuple[float, float],
    _scenario: Scenario,
) -> GoalSeek:
    return solve(_scenario, paths, platform, by_year, bounds, unit)


def goal_seek(
    current: Evaluated,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    unit: str,
    bounds: tuple[float, float],
) -> GoalSeek:
    """The value of the inputs at `paths`, within `bounds`, at which `platform` breaks even by
    `by_year`; cached by the state."""
    return _goal_seek(current.key, paths, platform, by_year, unit, bounds, current.loaded.scenario)
