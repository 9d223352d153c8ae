"""Which assumption decides the outcome: a tornado of the balance over every ranged parameter
(one at a time, at its low and its high), and the parameters ranked by their share of the
Monte Carlo variance.

The shares are a regression of the balance on the draws, so they need enough draws: at least
MIN_SHARE_DRAWS (100), and at least the number of ranged parameters + 2 (one coefficient per
parameter and the mean, and a residual left over). Fewer draws are refused, not answered with
shares of 0% or 50/50.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from businesscase.analytics.simulation import RunRefused, Simulation, simulate
from businesscase.engine import evaluate, ranged_parameters
from businesscase.model.errors import KeyPath
from businesscase.model.measures import widest_total
from businesscase.model.parameters import Scenario

FLAT = 1e-12
"""A balance whose spread over the draws is below this share of its size does not vary (the
sums of the same amounts in other years differ in the last bits): it has no variance to share."""
MIN_SHARE_DRAWS = 100
"""Fewest draws the shares of variance are computed from (more with many ranged parameters)."""


def share_draws_needed(ranged: int) -> int:
    """The fewest draws that rank `ranged` parameters by their share of the variance: 100, or
    ranged + 2 if that is more; none without ranged parameters."""
    return max(MIN_SHARE_DRAWS, ranged + 2) if ranged else 0


def check_share_draws(scenario: Scenario, draws: int) -> None:
    """Refuse (RunRefused, a ScenarioError) a number of draws too small for the shares."""
    ranged = len(ranged_parameters(scenario))
    needed = share_draws_needed(ranged)
    if draws < needed:
        raise RunRefused(
            f"{draws:,} draws are too few for the shares of variance of {ranged} ranged "
            f"parameters: they need at least {needed:,} draws ({MIN_SHARE_DRAWS}, or the "
            "ranged parameters + 2 if that is more)"
        )


@dataclass(frozen=True)
class TornadoBar:
    """The balance of one platform scenario with one parameter at its low and at its high."""

    path: KeyPath
    low: float
    high: float
    balance_at_low: float
    balance_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.balance_at_high - self.balance_at_low)


@dataclass(frozen=True)
class Tornado:
    """The bars of one platform scenario, widest first, around the balance at the values."""

    platform: str
    base_balance: float
    total_years: tuple[int, int]
    bars: list[TornadoBar]


def tornado(scenario: Scenario) -> dict[str, Tornado]:
    """One-at-a-time sensitivity of the balance over the widest total, per platform scenario.

    All 2k+1 cases (the values, then each parameter low and high) are evaluated as one batch
    of draws: row 0 holds every parameter at its value, rows 2i+1 and 2i+2 move parameter i.
    """
    ranged = ranged_parameters(scenario)
    paths = list(ranged)
    cases = 2 * len(paths) + 1
    inputs = {}
    for i, path in enumerate(paths):
        column = np.full(cases, float(ranged[path].value))  # type: ignore[arg-type]
        column[2 * i + 1] = float(ranged[path].low)  # type: ignore[arg-type]
        column[2 * i + 2] = float(ranged[path].high)  # type: ignore[arg-type]
        inputs[path] = column.reshape(-1, 1)
    results = evaluate(scenario, inputs)
    first, last = widest_total(scenario)
    charts = {}
    for platform in scenario.platforms:
        balance = np.broadcast_to(results.total(platform, "balance", first, last), (cases,))
        bars = [
            TornadoBar(
                path,
                float(ranged[path].low),  # type: ignore[arg-type]
                float(ranged[path].high),  # type: ignore[arg-type]
                float(balance[2 * i + 1]),
                float(balance[2 * i + 2]),
            )
            for i, path in enumerate(paths)
        ]
        bars.sort(key=lambda bar: bar.swing, reverse=True)
        charts[platform] = Tornado(platform, float(balance[0]), (first, last), bars)
    return charts


class _Standardised:
    """The draws of a run's varying parameters, standardised for every platform scenario's
    regression: their means and spreads, and the products of the standardised draws (the
    normal equations' matrix), summed over blocks of BLOCK_DRAWS draws so that the
    standardised draws are never all held at once (a million draws of nine parameters would
    be 72 MB more)."""

    def __init__(self, simulation: Simulation) -> None:
        self.varying = [p for p, v in simulation.parameters.items() if np.std(v) > 0]
        self.draws = [simulation.parameters[path] for path in self.varying]
        self.means = [float(v.mean()) for v in self.draws]
        self.spreads = [float(v.std()) for v in self.draws]
        self.gram = np.zeros((len(self.varying), len(self.varying)))
        with threadpool_limits(BLAS_THREADS, "blas"):
            for _, block in self.blocks():
                self.gram += block @ block.T
            self.well_posed = bool(self.varying) and np.linalg.cond(self.gram) < WELL_POSED

    def blocks(self) -> Iterator[tuple[slice, np.ndarray]]:
        """The standardised draws block by block, (parameters, draws of the block), with the
        draws they are: each value (draw - mean) / spread, as a whole row would hold it."""
        count = self.draws[0].size if self.draws else 0
        buffer = np.empty((len(self.draws), min(BLOCK_DRAWS, count)))
        for start in range(0, count, BLOCK_DRAWS):
            part = slice(start, min(start + BLOCK_DRAWS, count))
            block = buffer[:, : part.stop - start]
            for row, values, mean, spread in zip(
                block, self.draws, self.means, self.spreads, strict=True
            ):
                np.subtract(values[part], mean, out=row)
                np.divide(row, spread, out=row)
            yield part, block

    def coefficients(self, target: np.ndarray) -> np.ndarray:
        """The least-squares coefficients of the target on the standardised draws."""
        with threadpool_limits(BLAS_THREADS, "blas"):
            if self.well_posed:
                products = np.zeros(len(self.varying))
                for part, block in self.blocks():
                    products += block @ target[part]
                return np.linalg.solve(self.gram, products)
            rows = np.hstack([block.copy() for _, block in self.blocks()])
            coefficients, *_ = np.linalg.lstsq(rows.T, target, rcond=None)
        return coefficients


BLOCK_DRAWS = 2**16
"""Draws standardised at once for the shares of variance (4.5 MB for nine parameters)."""
BLAS_THREADS = 1
"""Threads of the linear algebra (OpenBLAS) behind the shares: its threads spin waiting for
each other, so on a machine that is busy (the app's other users, an export) one thread is
faster and far steadier (the shares of 20 platform scenarios over 100,000 draws of 165
parameters: 3.2-5.6 s with two threads on a busy 2-core machine, 0.45-1.0 s with one)."""
WELL_POSED = 1e8
"""Condition number of the normal equations below which they are solved directly (the same
shares as a least-squares solver to well under 1e-9); above it (parameters drawn almost in
step), the least-squares solver of the draws themselves."""

_standardised: dict[int, tuple[weakref.ref[Simulation], _Standardised]] = {}


def _standardised_draws(simulation: Simulation) -> _Standardised:
    """The standardised draws of a run, computed once per run (kept while the run is)."""
    key = id(simulation)
    found = _standardised.get(key)
    if found is not None and found[0]() is simulation:
        return found[1]
    prepared = _Standardised(simulation)

    def forget(ref: weakref.ref[Simulation]) -> None:
        entry = _standardised.get(key)
        if entry is not None and entry[0] is ref:
            del _standardised[key]

    _standardised[key] = (weakref.ref(simulation, forget), prepared)
    return prepared


def variance_shares(simulation: Simulation, platform: str) -> dict[KeyPath, float]:
    """Each ranged parameter's share of the variance of the balance, largest first.

    Squared standardised regression coefficients of the balance on the parameter draws,
    normalised to sum to 1: for a model close to linear in its inputs, as this one is over
    ordinary ranges, that is each input's share of the variance. Refused (RunRefused) for a run
    with fewer draws than `share_draws_needed`. If the balance does not vary, every share is 0.
    The draws are standardised once per run and shared by its platform scenarios; the
    coefficients solve the normal equations (k x k for k parameters).
    """
    check_share_draws(simulation.scenario, simulation.draws)
    outcome = simulation.platforms[platform].balance_total
    draws = _standardised_draws(simulation)
    if not draws.varying or np.std(outcome) <= FLAT * max(1.0, float(np.abs(outcome).max())):
        return {path: 0.0 for path in simulation.parameters}
    target = (outcome - outcome.mean()) / outcome.std()
    squared = draws.coefficients(target) ** 2
    shares = dict(zip(draws.varying, squared / squared.sum(), strict=True))
    shares.update({p: 0.0 for p in simulation.parameters if p not in shares})
    return dict(sorted(shares.items(), key=lambda item: item[1], reverse=True))


@dataclass(frozen=True)
class Analysis:
    """What the app and the workbook show of a scenario's uncertainty: a seeded Monte Carlo
    run, and per platform scenario the tornado and the shares of variance."""

    simulation: Simulation
    tornadoes: dict[str, Tornado]
    shares: dict[str, dict[KeyPath, float]]


def analyse(scenario: Scenario, draws: int, seed: int) -> Analysis:
    """Simulate the scenario and rank its ranged parameters for every platform scenario
    (refused before simulating if the draws are too few for the shares, or too many to keep)."""
    check_share_draws(scenario, draws)
    simulation = simulate(scenario, draws, seed)
    shares = {platform: variance_shares(simulation, platform) for platform in scenario.platforms}
    return Analysis(simulation, tornado(scenario), shares)
