"""Monte Carlo: the whole model over N draws of its ranged parameters at once (numpy, no
Python loop over draws), summarised per platform scenario as decision makers read it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase.analytics.uncertainty import draw_inputs
from businesscase.engine import evaluate, ranged_parameters
from businesscase.model import measures
from businesscase.model.errors import KeyPath, Problem, ScenarioError
from businesscase.model.parameters import Scenario

QUANTILES = (0.1, 0.5, 0.9)
DEFAULT_DRAWS = 10_000
"""Draws of a run when none are asked for: P10-P90 stable to well under 1% of the balance."""
DEFAULT_SEED = 1
"""Seed of a run when none is given, so the same file gives the same figures."""
MAX_DRAWS = 2_000_000
"""More draws than any decision needs; bounds the time of a run."""
MEMORY_BUDGET = 2**30
"""Bytes of per-draw figures a run may keep (1 GiB): for every draw, the cumulative balance of
every platform scenario in every year, its balance over the widest total, and the draw of every
ranged parameter. A run that would keep more is refused before anything is drawn; the run's
other memory is one chunk of evaluation (CHUNK_FIGURES) and a quantile's copy of one array."""
CHUNK_FIGURES = 150_000
"""Draws x years evaluated together (25,000 draws of a 6-year case, 3,000 of a 50-year one):
bounds the memory of the evaluation, whatever the horizon, without a loop over draws."""


@dataclass(frozen=True)
class PlatformOutcome:
    """The simulated outcomes of one platform scenario."""

    cumulative: np.ndarray
    """Cumulative balance, (draws, years)."""
    balance_total: np.ndarray
    """Balance over the widest reported total (years 1-6 in the case), per draw."""

    def cumulative_quantiles(self) -> np.ndarray:
        """P10, P50 and P90 of the cumulative balance per year, shaped (3, years)."""
        return np.quantile(self.cumulative, QUANTILES, axis=0)

    def break_even_probability(self) -> np.ndarray:
        """Per year, the share of draws whose cumulative balance has reached zero by then."""
        return measures.break_even_probability(self.cumulative)

    def balance_quantiles(self) -> np.ndarray:
        """P10, P50 and P90 of the balance over the widest reported total."""
        return np.quantile(self.balance_total, QUANTILES)


@dataclass(frozen=True)
class Simulation:
    """A seeded Monte Carlo run of a scenario."""

    scenario: Scenario
    draws: int
    seed: int
    years: np.ndarray
    total_years: tuple[int, int]
    parameters: dict[KeyPath, np.ndarray]
    """The draws of each ranged parameter, (draws,)."""
    platforms: dict[str, PlatformOutcome]


class RunRefused(ScenarioError):
    """A run refused for its scenario (too large to keep, too few draws to rank parameters);
    the one problem says why and names the draws."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem(message)])

    @property
    def message(self) -> str:
        return self.problems[0].message


def check_run(draws: object, seed: object, scenario: Scenario | None = None) -> None:
    """Refuse a number of draws outside 1..MAX_DRAWS or a seed that is not a whole number >= 0
    (ValueError, with the words the CLI and the export show); with the scenario, also a run
    whose kept figures exceed MEMORY_BUDGET (RunRefused, a ScenarioError)."""
    if isinstance(draws, bool) or not isinstance(draws, int) or not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be a whole number from 1 to {MAX_DRAWS:,} (got {draws!r})")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number from 0 (got {seed!r})")
    if scenario is not None:
        _check_memory(scenario, draws)


def kept_bytes(scenario: Scenario, draws: int) -> int:
    """Bytes of the per-draw figures a run of the scenario keeps: per platform scenario the
    cumulative balance in every year and the balance over the widest total, and the draws of
    every ranged parameter (8 bytes each)."""
    per_draw = len(scenario.platforms) * (scenario.horizon_years + 1)
    return 8 * draws * (per_draw + len(ranged_parameters(scenario)))


def _check_memory(scenario: Scenario, draws: int) -> None:
    size = kept_bytes(scenario, draws)
    if size <= MEMORY_BUDGET:
        return
    fit = draws * MEMORY_BUDGET // size
    raise RunRefused(
        f"{draws:,} draws over {scenario.horizon_years} years and {len(scenario.platforms)} "
        f"platform scenarios would keep {size / 2**30:.1f} GiB of figures, more than the "
        f"{MEMORY_BUDGET / 2**30:g} GiB a run may hold; this scenario takes at most {fit:,} draws"
    )


def simulate(scenario: Scenario, draws: int, seed: int) -> Simulation:
    """Evaluate the scenario over `draws` draws of its ranged parameters, in chunks of draws
    whose results are written into arrays allocated once (refused beforehand if those arrays
    would exceed MEMORY_BUDGET)."""
    check_run(draws, seed, scenario)
    inputs = draw_inputs(scenario, draws, seed)
    first, last = measures.widest_total(scenario)
    horizon = scenario.horizon_years
    cumulative = {p: np.empty((draws, horizon)) for p in scenario.platforms}
    totals = {p: np.empty(draws) for p in scenario.platforms}
    chunk_size = max(1, CHUNK_FIGURES // horizon)
    for start in range(0, draws, chunk_size):
        end = min(start + chunk_size, draws)
        chunk = {path: values[start:end] for path, values in inputs.items()}
        results = evaluate(scenario, chunk)
        for platform in scenario.platforms:
            cumulative[platform][start:end] = results.platform_line(platform, "cumulative")
            totals[platform][start:end] = results.total(platform, "balance", first, last)
    return Simulation(
        scenario=scenario,
        draws=draws,
        seed=seed,
        years=np.arange(1, horizon + 1),
        total_years=(first, last),
        parameters={path: values[:, 0] for path, values in inputs.items()},
        platforms={p: PlatformOutcome(cumulative[p], totals[p]) for p in scenario.platforms},
    )
