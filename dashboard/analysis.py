"""The engine's decision analytics of a state, cached by the state's key: a seeded Monte Carlo
run with each platform scenario's tornado and shares of variance, and goal-seek answers. A rerun
with the same state, draws and seed simulates nothing again."""

from __future__ import annotations

import streamlit as st

from businesscase import (
    MIN_SHARE_DRAWS,
    Analysis,
    GoalSeek,
    KeyPath,
    Scenario,
    analyse,
    default_bounds,
    ranged_parameters,
    solve,
)
from dashboard.sources import Evaluated, StateKey

APP_MAX_DRAWS = 100_000
"""The app's limit on draws: enough for steady percentiles, and a cached run stays small."""
APP_MIN_DRAWS = MIN_SHARE_DRAWS
"""The fewest draws the app asks for: the shares of variance need 100 (more with more than 98
ranged inputs; the tab then says so)."""


def has_ranges(current: Evaluated) -> bool:
    """Whether any input of the state has a range to draw from."""
    return bool(ranged_parameters(current.loaded.scenario))


@st.cache_resource(max_entries=4, show_spinner=False)
def _uncertainty(key: StateKey, draws: int, seed: int, _scenario: Scenario) -> Analysis:
    return analyse(_scenario, draws, seed)


def uncertainty(current: Evaluated, draws: int, seed: int) -> Analysis:
    """The state's run of `draws` draws from `seed`; cached by the state's key, draws and seed."""
    return _uncertainty(current.key, draws, seed, current.loaded.scenario)


def search_bounds(current: Evaluated, paths: tuple[KeyPath, ...]) -> tuple[float, float]:
    """Where goal seek looks by default: the first input's range, or the engine's bounds (the
    inputs' domain, a year within the horizon)."""
    return default_bounds(current.loaded.scenario, paths)


@st.cache_resource(max_entries=64, show_spinner=False)
def _goal_seek(
    key: StateKey,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    bounds: tuple[float, float],
    _scenario: Scenario,
) -> GoalSeek:
    return solve(_scenario, paths, platform, by_year, bounds, every_year=True)


def goal_seek(
    current: Evaluated,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    bounds: tuple[float, float],
) -> GoalSeek:
    """The value of the inputs at `paths`, within `bounds`, at which `platform` breaks even by
    `by_year`, as the app applies it: one value for every year (an input with values by year
    included, as the tab says), verified by the engine; cached by the state."""
    return _goal_seek(current.key, paths, platform, by_year, bounds, current.loaded.scenario)
