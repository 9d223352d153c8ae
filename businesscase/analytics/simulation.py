"""Monte Carlo: the whole model over N draws of its ranged parameters at once (numpy, no
Python loop over draws), summarised per platform scenario as decision makers read it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase.analytics.uncertainty import draw_inputs
from businesscase.engine import evaluate
from businesscase.model import measures
from businesscase.model.errors import KeyPath
from businesscase.model.parameters import Scenario

QUANTILES = (0.1, 0.5, 0.9)
DEFAULT_DRAWS = 10_000
"""Draws of a run when none are asked for: P10-P90 stable to well under 1% of the balance."""
DEFAULT_SEED = 1
"""Seed of a run when none is given, so the same file gives the same figures."""
MAX_DRAWS = 2_000_000
"""More draws than any decision needs; bounds the time and memory of a run."""
CHUNK = 25_000
"""Draws evaluated together; bounds the memory of a large run without a loop over draws."""


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


def check_run(draws: object, seed: object) -> None:
    """Refuse a number of draws outside 1..MAX_DRAWS or a seed that is not a whole number >= 0
    (ValueError, with the words the CLI and the export show)."""
    if isinstance(draws, bool) or not isinstance(draws, int) or not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be a whole number from 1 to {MAX_DRAWS:,} (got {draws!r})")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number from 0 (got {seed!r})")


def simulate(scenario: Scenario, draws: int, seed: int) -> Simulation:
    """Evaluate the scenario over `draws` draws of its ranged parameters."""
    check_run(draws, seed)
    inputs = draw_inputs(scenario, draws, seed)
    first, last = measures.widest_total(scenario)
    cumulative: dict[str, list[np.ndarray]] = {p: [] for p in scenario.platforms}
    totals: dict[str, list[np.ndarray]] = {p: [] for p in scenario.platforms}
    horizon = scenario.horizon_years
    for start in range(0, draws, CHUNK):
        chunk = {path: values[start : start + CHUNK] for path, values in inputs.items()}
        size = min(CHUNK, draws - start)
        results = evaluate(scenario, chunk)
        for platform in scenario.platforms:
            series = np.broadcast_to(results.platform_line(platform, "cumulative"), (size, horizon))
            cumulative[platform].append(series)
            balance = results.total(platform, "balance", first, last)
            totals[platform].append(np.broadcast_to(balance, (size,)))
    return Simulation(
        scenario=scenario,
        draws=draws,
        seed=seed,
        years=np.arange(1, horizon + 1),
        total_years=(first, last),
        parameters={path: values[:, 0] for path, values in inputs.items()},
        platforms={
            p: PlatformOutcome(np.concatenate(cumulative[p]), np.concatenate(totals[p]))
            for p in scenario.platforms
        },
    )
