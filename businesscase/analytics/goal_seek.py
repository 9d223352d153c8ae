"""Break-even targets: the value of a parameter at which a platform scenario breaks even by a
chosen year (its cumulative balance reaches zero in that year or before), or the report that
no value within the bounds does."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase.engine import evaluate
from businesscase.model import measures
from businesscase.model.errors import KeyPath, Problem, ScenarioError, dotted
from businesscase.model.parameters import MAX_HORIZON, Param, Scenario
from businesscase.model.schema import value_at

GRID = 401
BISECTIONS = 80


@dataclass(frozen=True)
class GoalSeek:
    """The answer to "which value of these parameters breaks even by year Y?"."""

    paths: tuple[KeyPath, ...]
    platform: str
    by_year: int
    lower: float
    upper: float
    current: float
    value: float | None
    """The value nearest to the current one at which break-even by the year is just reached."""
    best_cumulative: float
    """The best cumulative balance by the year within the bounds (negative if unreachable)."""
    message: str


def parameter_at(scenario: Scenario, path: KeyPath) -> Param:
    """The parameter at a key path; anything else is a bad `--param`."""
    node = value_at(scenario, path)
    if not isinstance(node, Param):
        raise ScenarioError(
            [Problem("is not a parameter that goal seek can move", path, "--param")]
        )
    return node


def default_bounds(param: Param, unit: str) -> tuple[float, float]:
    """The range of the parameter if it has one; else 0-100% for a percentage, 0 to ten times
    the current value (at least 100) otherwise."""
    if param.has_range:
        return float(param.low), float(param.high)  # type: ignore[arg-type]
    if unit == "%":
        return 0.0, 1.0
    largest = float(np.max(param.per_year(MAX_HORIZON)))
    return 0.0, max(10 * largest, 100.0)


def _best_by_year(
    scenario: Scenario, paths: tuple[KeyPath, ...], values: np.ndarray, platform: str, by_year: int
) -> np.ndarray:
    """For each candidate value, the highest cumulative balance in years 1..by_year."""
    column = values.reshape(-1, 1)
    results = evaluate(scenario, {path: column for path in paths})
    cumulative = np.broadcast_to(
        results.platform_line(platform, "cumulative"), (values.size, scenario.horizon_years)
    )
    return measures.best_cumulative_by_year(cumulative, by_year)


def solve(
    scenario: Scenario,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    bounds: tuple[float, float],
    unit: str = "",
) -> GoalSeek:
    """The value (the same for every path) nearest to the current value at which the platform
    breaks even by `by_year`, found on a grid and refined by bisection to a cent of balance."""
    problems = []
    if platform not in scenario.platforms:
        problems.append(
            Problem(
                f"unknown platform; expected one of {', '.join(scenario.platforms)}",
                ("--platform",),
                "solve",
            )
        )
    if not 1 <= by_year <= scenario.horizon_years:
        problems.append(
            Problem(f"must be a year from 1 to {scenario.horizon_years}", ("--by-year",), "solve")
        )
    lower, upper = bounds
    if not lower < upper:
        problems.append(
            Problem(
                f"the bounds must have low < high (got {lower:g}, {upper:g})", ("--low",), "solve"
            )
        )
    if problems:
        raise ScenarioError(problems)
    current = float(parameter_at(scenario, paths[0]).per_year(scenario.horizon_years)[0])
    for path in paths[1:]:
        parameter_at(scenario, path)
    grid = np.linspace(lower, upper, GRID)
    best = _best_by_year(scenario, paths, grid, platform, by_year)
    feasible = best >= 0
    shown = f"{', '.join(dotted(p) for p in paths)}"

    def answer(value: float | None, cumulative: float, message: str) -> GoalSeek:
        return GoalSeek(paths, platform, by_year, lower, upper, current, value, cumulative, message)

    if not feasible.any():
        return answer(
            None,
            float(best.max()),
            f"no value of {shown} between {lower:g} and {upper:g} makes {platform} "
            f"break even by year {by_year}; the best is {best.max():,.2f}",
        )
    if feasible.all():
        return answer(
            None,
            float(best.min()),
            f"{platform} breaks even by year {by_year} for every value of {shown} "
            f"between {lower:g} and {upper:g}",
        )
    flips = np.flatnonzero(feasible[1:] != feasible[:-1])
    nearest = flips[np.argmin(np.abs(grid[flips] - current))]
    outside, inside = (
        (grid[nearest], grid[nearest + 1])
        if feasible[nearest + 1]
        else (grid[nearest + 1], grid[nearest])
    )
    for _ in range(BISECTIONS):
        middle = (outside + inside) / 2
        if middle in (outside, inside):
            break
        if _best_by_year(scenario, paths, np.array([middle]), platform, by_year)[0] >= 0:
            inside = middle
        else:
            outside = middle
    reached = float(_best_by_year(scenario, paths, np.array([inside]), platform, by_year)[0])
    return answer(
        float(inside),
        reached,
        f"{platform} breaks even by year {by_year} when {shown} is "
        f"{_shown(inside, unit)} (now {_shown(current, unit)}); its cumulative balance "
        f"in year {by_year} is then {reached:,.2f}",
    )


def _shown(value: float, unit: str) -> str:
    return f"{value:.2%}" if unit == "%" else f"{value:,.4f}".rstrip("0").rstrip(".")
